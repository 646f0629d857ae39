/* cmd-merge.c — teema merge OTHER.teema: codings, memos and rejected
 * suggestions from another copy of the project, with conflicts listed. */
#include "cli.h"

#include <stdio.h>

static void
print_summary (const TeemaMergeResult *r, const char *other, gboolean dry)
{
  printf (_ ("%s %s: codings %u added, %u already present, %u rule codings "
             "skipped; memos %u added, %u identical, %u joined; rejections %u; "
             "themes %u added; conflicts %u\n"),
          dry ? _ ("would merge") : _ ("merged"), other, r->n_codings_added,
          r->n_codings_kept, r->n_rules_skipped, r->n_memos_added,
          r->n_memos_kept, r->n_memos_joined, r->n_rejections_added,
          r->n_themes_added, r->n_conflicts);
}

int
cmd_merge (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean dry_run = FALSE;
  const char *format = "table";
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("show what would be merged, change nothing"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("events as table, csv, tsv, json or md"), N_ ("FORMAT") },
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, N_ ("OTHER.teema"),
                  N_ ("Merges codings and memos from another copy of the "
                      "project (documents matched by content)."),
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("needs exactly one OTHER.teema"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  g_autoptr (TeemaMergeResult) r = teema_merge_run (p, argv[1], dry_run, error);
  if (!r)
    return 1;
  if (!g->quiet)
    print_summary (r, argv[1], dry_run);
  if (teema_table_n_rows (r->events) == 0)
    return 0;
  return cli_write_table (g, r->events, fmt, NULL, error) ? 0 : 1;
}
