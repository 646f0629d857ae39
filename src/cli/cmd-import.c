/* cmd-import.c — teema import: transcripts into the project, with a line
 * per file saying what was understood and a warning, with file and line,
 * for what looks wrong. --check does the same without a change. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static gboolean
parse_segmentation (const char *name, TeemaSegmentation *mode)
{
  if (!name || g_str_equal (name, "turn"))
    *mode = TEEMA_SEGMENT_TURN;
  else if (g_str_equal (name, "paragraph"))
    *mode = TEEMA_SEGMENT_PARAGRAPH;
  else if (g_str_equal (name, "sentence"))
    *mode = TEEMA_SEGMENT_SENTENCE;
  else
    return FALSE;
  return TRUE;
}

/* "header", "file name; label V", ...: where the informant id is from. */
static char *
informant_source (const TeemaImportResult *r)
{
  const char *from = _ ("file name");
  switch (r->informant_from) {
  case TEEMA_INFORMANT_FROM_OPTION:
    from = "--informant";
    break;
  case TEEMA_INFORMANT_FROM_HEADER:
    from = _ ("header");
    break;
  case TEEMA_INFORMANT_FROM_LABEL:
    return g_strdup (_ ("label"));
  case TEEMA_INFORMANT_FROM_FILE_NAME:
    break;
  case TEEMA_INFORMANT_FROM_DOCUMENT:
    from = _ ("kept from the document");
    break;
  }
  if (!r->speakers)
    return g_strdup_printf (_ ("%s; no speaker labels"), from);
  if (g_str_equal (r->speakers, r->informant))
    return g_strdup (from);
  return g_strdup_printf (strchr (r->speakers, ',') ? _ ("%s; labels %s")
                                                    : _ ("%s; label %s"),
                          from, r->speakers);
}

static void
print_replaced (const TeemaImportResult *r)
{
  g_autofree char *ck = cli_count (r->n_codings_kept, "coding", "codings");
  g_autofree char *mk = cli_count (r->n_memos_kept, "memo", "memos");
  printf (_ ("; replaced %s: %s and %s kept"), r->replaced_name, ck, mk);
  guint aside = r->n_codings_aside + r->n_memos_aside;
  if (aside) {
    g_autofree char *ca = cli_count (r->n_codings_aside, "coding", "codings");
    g_autofree char *ma = cli_count (r->n_memos_aside, "memo", "memos");
    printf (_ (", %s and %s set aside (see 'teema document aside')"), ca, ma);
  }
}

static void
print_result (const TeemaImportResult *r)
{
  g_autofree char *source = informant_source (r);
  printf (_ ("%s: informant %s (%s), interviewer %s, %u turns (%u informant), "
             "%u segments, %u informant words"),
          r->path, r->informant, source,
          r->interviewer ? r->interviewer : _ ("none"), r->n_turns,
          r->n_informant_turns, r->n_segments, r->n_words);
  if (!g_str_equal (r->encoding, "UTF-8"))
    printf (_ (", read as %s"), r->encoding);
  if (r->replaced)
    printf (_ (" (replaced)"));
  if (r->replaced_name)
    print_replaced (r);
  printf ("\n");
}

static void
print_warnings (const TeemaImportResult *r)
{
  for (guint i = 0; i < r->warnings->len; i++) {
    const TeemaWarning *w = r->warnings->pdata[i];
    if (w->line)
      fprintf (stderr, _ ("%s:%u: warning: %s\n"), w->path, w->line,
               w->message);
    else if (w->paragraph)
      fprintf (stderr, _ ("%s: paragraph %u: warning: %s\n"), w->path,
               w->paragraph, w->message);
    else
      fprintf (stderr, _ ("%s: warning: %s\n"), w->path, w->message);
  }
}

/* Refuses codebooks; sends a REFI-QDA project to its importer (*refi). */
static int
check_kinds (int argc, char **argv, gboolean *refi, GError **error)
{
  for (int i = 1; i < argc; i++) {
    const TeemaFileFormat *f = teema_file_format_detect (argv[i], error);
    if (!f)
      return 1;
    if (f->kind == TEEMA_FILE_CODEBOOK)
      return cli_usage (error,
                        _ ("%s is a codebook: load it with 'teema codebook "
                           "import %s'"),
                        argv[i], argv[i]);
    if (f->kind == TEEMA_FILE_PROJECT && argc != 2)
      return cli_usage (error, _ ("import a %s (%s) on its own"),
                        _ (f->description), argv[i]);
    *refi |= f->kind == TEEMA_FILE_PROJECT;
  }
  return 0;
}

/* The project, or for a check without one, NULL (no error). */
static gboolean
open_for (CliGlobals *g, gboolean check, TeemaProject **p, GError **error)
{
  *p = NULL;
  if (check && !g_file_test (g->project, G_FILE_TEST_EXISTS))
    return TRUE;
  *p = cli_open (g, error);
  return *p != NULL;
}

static int
run (int argc, char **argv, CliGlobals *g, const TeemaImportOptions *opt,
     GError **error)
{
  g_autoptr (TeemaProject) p = NULL;
  if (!open_for (g, opt->check, &p, error))
    return 1;
  g_autoptr (GPtrArray) results = teema_document_import (
    p, (const char *const *) argv + 1, (gsize) argc - 1, opt, error);
  if (!results)
    return 1;
  guint failed = 0;
  for (guint i = 0; i < results->len; i++) {
    TeemaImportResult *r = results->pdata[i];
    if (r->error) {
      fflush (stdout);
      fprintf (stderr, "teema: %s\n", r->error);
      failed++;
      continue;
    }
    if (!g->quiet)
      print_result (r);
    fflush (stdout);
    print_warnings (r);
  }
  if (opt->check && !g->quiet)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "checked %u file (%u cannot be imported); nothing "
                         "was imported\n",
                         "checked %u files (%u cannot be imported); nothing "
                         "was imported\n",
                         results->len),
            results->len, failed);
  return failed ? 1 : 0;
}

int
cmd_import (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *segment = NULL;
  TeemaImportOptions opt = { 0 };
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_STRING, &segment,
      N_ ("segments: turn (default), paragraph or sentence"), N_ ("UNIT") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &opt.informant,
      N_ ("informant id for these files (overrides the header)"), N_ ("ID") },
    { "interviewer", 0, 0, G_OPTION_ARG_STRING, &opt.interviewer,
      N_ ("the interviewer's speaker label(s), comma-separated (overrides "
          "recognition)"),
      N_ ("LABEL") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &opt.encoding,
      N_ ("encoding of text files that are not UTF-8, e.g. windows-1252 or "
          "iso-8859-15 ('auto' guesses)"),
      N_ ("ENC") },
    { "check", 'n', 0, G_OPTION_ARG_NONE, &opt.check,
      N_ ("show what would be imported and the warnings; change nothing"),
      NULL },
    { "replace", 'r', 0, G_OPTION_ARG_NONE, &opt.replace,
      N_ ("each file replaces the document of the same name, keeping the "
          "codings and memos whose text is still there"),
      NULL },
    { "join-hyphens", 'j', 0, G_OPTION_ARG_NONE, &opt.join_hyphens,
      N_ ("join words broken by line-end hyphenation (keeps real compounds "
          "such as kanta-asiakas)"),
      NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &opt.force,
      N_ ("replace files already imported (their codings are dropped)"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autofree char *transcripts =
    teema_file_format_extensions (TEEMA_FILE_TRANSCRIPT);
  g_autofree char *projects = teema_file_format_extensions (TEEMA_FILE_PROJECT);
  g_autofree char *summary = g_strdup_printf (
    _ ("Imports transcripts in one transaction: all or none. Each file's "
       "line says what was understood; warnings (on stderr) name the line "
       "of what looks wrong.\n\n"
       "Transcripts: %s\nREFI-QDA projects (on their own): %s"),
    transcripts, projects);
  if (!cli_parse (&argc, &argv, entries, N_ ("FILE..."), summary, error))
    return 2;
  if (!parse_segmentation (segment, &opt.segmentation))
    return cli_usage (error,
                      _ ("--segment must be turn, paragraph or sentence"));
  if (argc < 2)
    return cli_usage (error, _ ("import needs at least one file"));
  gboolean refi = FALSE;
  int rc = check_kinds (argc, argv, &refi, error);
  if (!rc && refi && (opt.check || opt.replace))
    return cli_usage (error, _ ("--check and --replace are for transcripts; "
                                "import a REFI-QDA project into a new project "
                                "to see it"));
  if (rc || refi)
    return rc ? rc : cli_import_refi (argv[1], opt.force, g, error);
  opt.progress = g->quiet ? NULL : cli_progress;
  opt.progress_data = (gpointer) "import";
  return run (argc, argv, g, &opt, error);
}
