/* cmd-import.c — teema import: transcripts into the project. */
#include "cli.h"

#include <stdio.h>

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

int
cmd_import (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *segment = NULL, *informant = NULL;
  gboolean force = FALSE, join = FALSE;
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_STRING, &segment,
      "segments: turn (default), paragraph or sentence", "UNIT" },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      "informant id for these files (overrides the header)", "ID" },
    { "join-hyphens", 'j', 0, G_OPTION_ARG_NONE, &join,
      "join words broken by line-end hyphenation (keeps real compounds "
      "such as kanta-asiakas)",
      NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      "replace files already imported (their codings are dropped)", NULL },
    { NULL },
  };
  g_autofree char *transcripts =
    teema_file_format_extensions (TEEMA_FILE_TRANSCRIPT);
  g_autofree char *projects = teema_file_format_extensions (TEEMA_FILE_PROJECT);
  g_autofree char *summary =
    g_strdup_printf ("Imports transcripts in one transaction: all or none.\n\n"
                     "Transcripts: %s\nREFI-QDA projects (on their own): %s",
                     transcripts, projects);
  if (!cli_parse (&argc, &argv, entries, "FILE...", summary, error))
    return 2;
  TeemaImportOptions opt = { 0 };
  if (!parse_segmentation (segment, &opt.segmentation))
    return cli_usage (error, "--segment must be turn, paragraph or sentence");
  if (argc < 2)
    return cli_usage (error, "import needs at least one file");
  for (int i = 1; i < argc; i++) {
    const TeemaFileFormat *f = teema_file_format_detect (argv[i], error);
    if (!f)
      return 1;
    if (f->kind == TEEMA_FILE_CODEBOOK)
      return cli_usage (error,
                        "%s is a codebook: load it with 'teema codebook "
                        "import %s'",
                        argv[i], argv[i]);
    if (f->kind == TEEMA_FILE_PROJECT && argc != 2)
      return cli_usage (error, "import a %s (%s) on its own", f->description,
                        argv[i]);
    if (f->kind == TEEMA_FILE_PROJECT)
      return cli_import_refi (argv[1], force, g, error);
  }
  opt.force = force;
  opt.join_hyphens = join;
  opt.informant = informant;
  opt.progress = g->quiet ? NULL : cli_progress;
  opt.progress_data = (gpointer) "import";
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  g_autoptr (GPtrArray) results = teema_document_import (
    p, (const char *const *) argv + 1, (gsize) argc - 1, &opt, error);
  if (!results)
    return 1;
  for (guint i = 0; i < results->len && !g->quiet; i++) {
    TeemaImportResult *r = results->pdata[i];
    printf ("%s: informant %s, %u turns, %u segments, %u words%s\n", r->path,
            r->informant, r->n_turns, r->n_segments, r->n_words,
            r->replaced ? " (replaced)" : "");
  }
  return 0;
}
