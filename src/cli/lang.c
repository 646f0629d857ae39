/* lang.c — the language teema speaks (Finnish or English) and the width
 * its terminal tables fit.
 *
 * The language is --lang, else TEEMA_LANG, else what the locale
 * variables say (LANGUAGE unless the locale is C, then LC_ALL,
 * LC_MESSAGES, LANG: the order gettext reads them in): Finnish when that
 * starts with "fi", else English. It is handed to gettext as LANGUAGE, so
 * that it works on a system without the fi_FI locale: when the locale
 * cannot be set, teema runs in C.UTF-8, which gettext translates in (it
 * translates nothing in plain "C"). The catalogues are found beside the
 * binary (PREFIX/bin/../share/locale, wherever it was installed or
 * copied), else in the build tree (po/ of the build that made this
 * binary, so that tests and the README's commands work uninstalled),
 * else where the build meant to install them. Must always hold: the
 * language is chosen before anything is translated, and changing it later
 * (a command's --lang) invalidates gettext's cache. */
#include "cli.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#ifdef HAVE_NL_MSG_CAT_CNTR
extern int _nl_msg_cat_cntr;
#endif

/* TRUE when dir holds the Finnish catalogue. */
static gboolean
has_catalogue (const char *dir)
{
  g_autofree char *mo =
    g_build_filename (dir, "fi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

/* Where the catalogues are; see the top of the file. */
static char *
catalogue_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe) {
    g_autofree char *bindir = g_path_get_dirname (exe);
    char *beside =
      g_path_is_absolute (TEEMA_LOCALEDIR_FROM_BINDIR)
        ? g_strdup (TEEMA_LOCALEDIR_FROM_BINDIR)
        : g_build_filename (bindir, TEEMA_LOCALEDIR_FROM_BINDIR, NULL);
    if (has_catalogue (beside))
      return beside;
    g_free (beside);
  }
  if (has_catalogue (TEEMA_BUILD_LOCALEDIR))
    return g_strdup (TEEMA_BUILD_LOCALEDIR);
  return g_strdup (TEEMA_LOCALEDIR);
}

/* "fi" or "en" for a locale or language name (fi_FI.UTF-8, fi:en, C). */
static const char *
language_of (const char *name)
{
  return g_ascii_strncasecmp (name, "fi", 2) == 0 ? "fi" : "en";
}

static const char *
env (const char *name)
{
  const char *v = g_getenv (name);
  return v && *v ? v : NULL;
}

/* The language the environment asks for, as gettext would read it. */
static const char *
environment_language (void)
{
  const char *teema = env ("TEEMA_LANG");
  if (teema)
    return language_of (teema);
  const char *locale = env ("LC_ALL");
  if (!locale)
    locale = env ("LC_MESSAGES");
  if (!locale)
    locale = env ("LANG");
  gboolean c =
    !locale || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
  if (!c && env ("LANGUAGE"))
    return language_of (env ("LANGUAGE"));
  return locale ? language_of (locale) : "en";
}

void
cli_i18n_init (CliGlobals *g)
{
  /* A locale the system lacks (fi_FI.UTF-8 here and there) or none at
   * all: C.UTF-8 keeps UTF-8 text and lets gettext translate. */
  const char *set = setlocale (LC_ALL, "");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  if (!set || !messages || g_str_equal (messages, "C")
      || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  /* Numbers are written with a point in every output, also for a reader
   * whose locale writes a comma: CSV and JSON must read back. */
  setlocale (LC_NUMERIC, "C");
  g_autofree char *dir = catalogue_dir ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g->lang = environment_language ();
  g_setenv ("LANGUAGE", g->lang, TRUE);
}

gboolean
cli_set_language (CliGlobals *g, const char *lang, GError **error)
{
  if (!lang)
    return TRUE;
  if (!g_str_equal (lang, "fi") && !g_str_equal (lang, "en")) {
    cli_usage (error, _ ("--lang must be fi or en, not '%s'"), lang);
    return FALSE;
  }
  if (g_str_equal (lang, g->lang))
    return TRUE;
  g->lang = g_str_equal (lang, "fi") ? "fi" : "en";
  g_setenv ("LANGUAGE", g->lang, TRUE);
#ifdef HAVE_NL_MSG_CAT_CNTR
  ++_nl_msg_cat_cntr; /* gettext caches translations until this changes */
#endif
  return TRUE;
}

/* COLUMNS when it is a number, else 0. */
static guint
columns_variable (void)
{
  const char *s = env ("COLUMNS");
  char *end = NULL;
  errno = 0;
  long n = s ? strtol (s, &end, 10) : 0;
  return s && !*end && !errno && n > 0 && n < 100000 ? (guint) n : 0;
}

guint
cli_table_width (CliGlobals *g, const char *output)
{
  if (g->width >= 0)
    return (guint) g->width;
  if (output && !g_str_equal (output, "-"))
    return 0; /* a file gets the whole table */
  guint columns = columns_variable ();
  if (columns)
    return columns;
  struct winsize ws;
  if (isatty (STDOUT_FILENO) && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
    return ws.ws_col;
  return 0;
}
