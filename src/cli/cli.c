/* cli.c — helpers shared by the subcommands. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (teema - cli - usage, cli_usage)

int
cli_usage (GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (error, CLI_USAGE, 0, msg);
  return 2;
}

/* Strings GOption allocated for the commands' options: GOption never
 * frees them, and the entries point at plain locals, so they are owned
 * here and freed once by cli_free_options() when the command is done. */
static GPtrArray *option_strings;

static gboolean
is_string_entry (const GOptionEntry *e)
{
  return e->arg == G_OPTION_ARG_STRING || e->arg == G_OPTION_ARG_FILENAME;
}

static gboolean
is_array_entry (const GOptionEntry *e)
{
  return e->arg == G_OPTION_ARG_STRING_ARRAY
         || e->arg == G_OPTION_ARG_FILENAME_ARRAY;
}

/* Takes ownership of what parsing stored in the entries: every string or
 * array that differs from the value before parsing. */
static void
own_option_strings (const GOptionEntry *entries, gpointer *before)
{
  if (!option_strings)
    option_strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; entries && entries[i].long_name; i++) {
    if (!entries[i].arg_data
        || !(is_string_entry (&entries[i]) || is_array_entry (&entries[i])))
      continue;
    gpointer now = *(gpointer *) entries[i].arg_data;
    if (now == before[i] || !now)
      continue;
    if (is_string_entry (&entries[i]))
      g_ptr_array_add (option_strings, now);
    else if (is_array_entry (&entries[i])) {
      for (char **s = now; *s; s++)
        g_ptr_array_add (option_strings, *s);
      g_ptr_array_add (option_strings, now); /* the array itself */
    }
  }
}

void
cli_free_options (void)
{
  if (option_strings)
    g_ptr_array_free (option_strings, TRUE);
  option_strings = NULL;
}

gboolean
cli_parse (int *argc, char ***argv, const GOptionEntry *entries,
           const char *params, const char *summary, GError **error)
{
  guint n = 0;
  while (entries && entries[n].long_name)
    n++;
  g_autofree gpointer *before = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    if ((is_string_entry (&entries[i]) || is_array_entry (&entries[i]))
        && entries[i].arg_data)
      before[i] = *(gpointer *) entries[i].arg_data;
  g_autoptr (GOptionContext) ctx = g_option_context_new (params);
  if (summary)
    g_option_context_set_summary (ctx, summary);
  /* The summary, the parameters and the entries' texts are marked N_()
   * where they are written and translated here. */
  if (entries)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (ctx, FALSE);
  GError *local = NULL;
  gboolean ok = g_option_context_parse (ctx, argc, argv, &local);
  own_option_strings (entries, before);
  if (!ok) {
    cli_usage (error, _ ("%s (see --help)"), local->message);
    g_error_free (local);
    return FALSE;
  }
  return TRUE;
}

TeemaProject *
cli_open (CliGlobals *g, GError **error)
{
  TeemaProject *p = teema_project_open (g->project, error);
  if (p && teema_project_notice (p))
    fprintf (stderr, "teema: %s\n", teema_project_notice (p));
  return p;
}

TeemaCodebook *
cli_codebook (CliGlobals *g, const char *path, GError **error)
{
  if (path)
    return teema_codebook_load (path, error);
  g_autoptr (TeemaProject) p = cli_open (g, error);
  return p ? teema_codebook_get (p, error) : NULL;
}

gboolean
cli_flush_stdout (GError **error)
{
  if (fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  int err = errno;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
               _ ("writing to standard output: %s"),
               g_strerror (err ? err : EIO));
  return FALSE;
}

const char *
cli_default_coder (void)
{
  const char *c = g_getenv ("TEEMA_CODER");
  return c && *c ? c : g_get_user_name ();
}

void
cli_say_written (CliGlobals *g, const char *format, const char *path)
{
  /* Not into the data itself when that went to /dev/stdout or a pipe. */
  if (!g->quiet && !teema_file_is_special (path))
    printf (format, path);
}

gboolean
cli_output_bytes (const char *path, const char *data, gsize len, GError **error)
{
  if (!path || g_str_equal (path, "-")) {
    fwrite (data, 1, len, stdout);
    return cli_flush_stdout (error);
  }
  return teema_file_write (path, data, len, error);
}

gboolean
cli_output (const char *path, const char *text, GError **error)
{
  return cli_output_bytes (path, text, strlen (text), error);
}

struct CliSink {
  char *path; /* NULL: standard output */
  char *tmp;  /* the temporary file beside path, once opened */
  FILE *f;    /* once opened */
};

CliSink *
cli_sink_new (const char *path)
{
  CliSink *s = g_new0 (CliSink, 1);
  s->path = path && !g_str_equal (path, "-") ? g_strdup (path) : NULL;
  return s;
}

static gboolean
sink_fail (CliSink *s, int err, GError **error)
{
  if (s->path)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", s->path,
                 g_strerror (err ? err : EIO));
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                 _ ("writing to standard output: %s"),
                 g_strerror (err ? err : EIO));
  return FALSE;
}

/* A file at path that is not a regular one (nor a folder) is written in
 * place: it cannot be replaced by renaming, and must not be. */
static gboolean
sink_open (CliSink *s, GError **error)
{
  if (!s->path) {
    s->f = stdout;
    return TRUE;
  }
  if (teema_file_is_special (s->path))
    s->f = fopen (s->path, "w");
  else {
    s->tmp = g_strconcat (s->path, ".XXXXXX", NULL);
    int fd = g_mkstemp_full (s->tmp, O_WRONLY, 0666);
    s->f = fd >= 0 ? fdopen (fd, "w") : NULL;
    if (!s->f) {
      int err = errno;
      if (fd >= 0) {
        close (fd);
        g_unlink (s->tmp);
      }
      g_clear_pointer (&s->tmp, g_free);
      errno = err;
    }
  }
  return s->f || sink_fail (s, errno, error);
}

gboolean
cli_sink_write (const char *data, gsize len, gpointer sink, GError **error)
{
  CliSink *s = sink;
  if (!s->f && !sink_open (s, error))
    return FALSE;
  return fwrite (data, 1, len, s->f) == len || sink_fail (s, errno, error);
}

gboolean
cli_sink_finish (CliSink *s, gboolean ok, GError **error)
{
  if (ok && !s->f)
    ok = sink_open (s, error);
  if (s->f == stdout && ok)
    ok = cli_flush_stdout (error);
  else if (s->f == stdout)
    fflush (stdout); /* what was written before the failure */
  else if (s->f) {
    int err = 0;
    if (fflush (s->f) != 0 || ferror (s->f))
      err = errno ? errno : EIO;
    if (fclose (s->f) != 0 && !err)
      err = errno;
    if (ok && err)
      ok = sink_fail (s, err, error);
  }
  if (s->tmp && ok && g_rename (s->tmp, s->path) != 0)
    ok = sink_fail (s, errno, error);
  if (s->tmp && !ok)
    g_unlink (s->tmp);
  g_free (s->path);
  g_free (s->tmp);
  g_free (s);
  return ok;
}

gboolean
cli_write_table (CliGlobals *g, const TeemaTable *t, TeemaFormat fmt,
                 const char *output, GError **error)
{
  g_autofree char *out =
    teema_table_render_width (t, fmt, cli_table_width (g, output));
  return cli_output (output, out, error);
}

/* TRUE when the file name of path has an extension. */
static gboolean
has_extension (const char *path)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  return dot && dot != base;
}

gboolean
cli_table_format (const char *format, const char *output, TeemaFormat fallback,
                  TeemaFormat *fmt, GError **error)
{
  gboolean named =
    output && !g_str_equal (output, "-") && has_extension (output);
  TeemaFormat by_ext = fallback;
  GError *local = NULL;
  if ((named && !teema_format_for_path (output, &by_ext, &local))
      || (format && !teema_format_parse (format, fmt, &local))) {
    cli_usage (error, "%s", local->message);
    g_error_free (local);
    return FALSE;
  }
  if (!format) {
    *fmt = by_ext;
    return TRUE;
  }
  if (named && *fmt != by_ext) {
    cli_usage (error,
               _ ("--format %s does not match the file name %s: change one "
                  "of them"),
               format, output);
    return FALSE;
  }
  return TRUE;
}

int
cli_dispatch (const CliCommand *table, const char *group, int argc, char **argv,
              CliGlobals *g, GError **error)
{
  if (argc < 2 || g_str_equal (argv[1], "--help")
      || g_str_equal (argv[1], "-h")) {
    gboolean help = argc >= 2;
    FILE *out = help ? stdout : stderr;
    fprintf (out, _ ("Usage: teema %s%sSUBCOMMAND ...\n\n"), group ? group : "",
             group ? " " : "");
    for (const CliCommand *c = table; c->name; c++)
      fprintf (out, "  %-11s %s\n", c->name, _ (c->summary));
    return help ? 0 : 2;
  }
  for (const CliCommand *c = table; c->name; c++)
    if (g_str_equal (c->name, argv[1]))
      return c->fn (argc - 1, argv + 1, g, error);
  const char *near = cli_nearest (table, argv[1]);
  g_autofree char *hint =
    near ? g_strdup_printf (_ ("did you mean '%s'? "), near) : g_strdup ("");
  return cli_usage (error,
                    _ ("unknown command '%s%s%s'; %ssee 'teema %s%s--help'"),
                    group ? group : "", group ? " " : "", argv[1], hint,
                    group ? group : "", group ? " " : "");
}

/* Edit distance of a and b (insertions, deletions, substitutions and
 * swaps of neighbours), counted in bytes: command names are ASCII. */
static guint
distance (const char *a, const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *d = g_new (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (gsize i = 0; i <= n; i++)
    D (i, 0) = (guint) i;
  for (gsize j = 0; j <= m; j++)
    D (0, j) = (guint) j;
  for (gsize i = 1; i <= n; i++)
    for (gsize j = 1; j <= m; j++) {
      guint best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);
      best = MIN (best, D (i - 1, j - 1) + (a[i - 1] != b[j - 1]));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        best = MIN (best, D (i - 2, j - 2) + 1);
      D (i, j) = best;
    }
  guint out = D (n, m);
#undef D
  return out;
}

const char *
cli_nearest (const CliCommand *table, const char *typed)
{
  const char *best = NULL;
  guint best_d = G_MAXUINT;
  for (const CliCommand *c = table; c->name; c++) {
    guint d = g_str_has_prefix (c->name, typed) && strlen (typed) >= 2
                ? 1
                : distance (c->name, typed);
    if (d < best_d) {
      best_d = d;
      best = c->name;
    }
  }
  /* Two edits turn most short words into each other: allow one edit per
   * three letters, at least one. */
  guint allowed = MAX (1, (guint) strlen (typed) / 3);
  return best_d <= allowed ? best : NULL;
}

char *
cli_pad (const char *s, guint width)
{
  guint w = teema_table_text_width (s);
  g_autofree char *spaces = g_strnfill (w < width ? width - w : 0, ' ');
  return g_strconcat (s, spaces, NULL);
}

/* For the crash tests only: TEEMA_TEST_KILL_AT_PROGRESS=N makes the Nth
 * progress report of a run kill the process (SIGKILL, as a power cut or
 * 'kill -9' would), so tests can stop a command at a known point. The
 * library never reads the environment; this hook sits in the CLI. */
static void
test_kill_hook (void)
{
  static gint64 left = -1;
  if (left == -1) {
    const char *v = g_getenv ("TEEMA_TEST_KILL_AT_PROGRESS");
    left = v ? g_ascii_strtoll (v, NULL, 10) : 0;
  }
  if (left > 0 && --left == 0)
    kill (getpid (), SIGKILL);
}

void
cli_progress (guint64 done, guint64 total, gpointer user_data)
{
  const char *what = user_data;
  test_kill_hook ();
  if (!isatty (STDERR_FILENO) || total == 0)
    return;
  int pct = (int) (100 * done / total);
  fprintf (stderr, "\r%s %3d%% (%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT ")%s",
           what, pct, done, total, done == total ? "\n" : "");
}

void
cli_print_formats (FILE *out)
{
  static const struct {
    TeemaFileKind kind;
    const char *what;
  } kinds[] = {
    { TEEMA_FILE_TRANSCRIPT, N_ ("transcripts (teema import)") },
    { TEEMA_FILE_PROJECT, N_ ("REFI-QDA projects (teema import)") },
    { TEEMA_FILE_CODEBOOK, N_ ("REFI-QDA codebooks (teema codebook import)") },
  };
  fprintf (out, "\n%s\n", _ ("Formats:"));
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++) {
    g_autofree char *ext = teema_file_format_extensions (kinds[i].kind);
    g_autofree char *what = cli_pad (_ (kinds[i].what), 44);
    fprintf (out, "  %s %s\n", what, ext);
  }
}

int
cli_confirm (gboolean yes, const char *action, GError **error)
{
  if (yes)
    return 0;
  if (!isatty (STDIN_FILENO))
    return cli_usage (error,
                      _ ("not done: %s; add --yes to confirm (there is no "
                         "terminal to ask on)"),
                      action);
  gunichar first = g_unichar_toupper (g_utf8_get_char (action));
  char upper[8] = "";
  upper[g_unichar_to_utf8 (first, upper)] = '\0';
  /* TRANSLATORS: a question; the answers taken are y, yes, k and kyllä. */
  fprintf (stderr, _ ("%s%s? [y/N] "), upper, g_utf8_next_char (action));
  fflush (stderr);
  char answer[16] = "";
  if (!fgets (answer, sizeof answer, stdin))
    answer[0] = '\0';
  g_strstrip (answer);
  if (g_ascii_strcasecmp (answer, "y") == 0
      || g_ascii_strcasecmp (answer, "yes") == 0
      || g_ascii_strcasecmp (answer, "k") == 0
      || g_ascii_strcasecmp (answer, "kyllä") == 0)
    return 0;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
               _ ("cancelled; nothing changed"));
  return 1;
}

char *
cli_count (guint n, const char *one, const char *many)
{
  return g_strdup_printf ("%u %s", n,
                          g_dngettext (GETTEXT_PACKAGE, one, many, n));
}
