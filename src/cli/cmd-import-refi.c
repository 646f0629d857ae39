/* cmd-import-refi.c — teema import FILE.qdpx|FILE.qde: a REFI-QDA project
 * from another tool, reached through 'teema import' when the format
 * registry says the file is a project. Prints what was imported and, one
 * per line, what was skipped and why. */
#include "cli.h"

#include <stdio.h>

static void
print_report (const char *path, const TeemaRefiReport *r)
{
  printf ("%s: %s\n", path, r->origin ? r->origin : _ ("unknown origin"));
  printf (_ ("  offsets:    %s\n"), r->convention);
  printf (_ ("  coders:     %u\n"), r->n_users);
  printf (_ ("  themes:     %u new\n"), r->n_codes);
  printf (_ ("  informants: %u from cases\n"), r->n_cases);
  printf (_ ("  documents:  %u (%u segments)\n"), r->n_sources, r->n_segments);
  printf (_ ("  selections: %u (%u repeated ones merged), %u on word "
             "boundaries\n"),
          r->n_selections, r->n_merged, r->n_on_boundary);
  printf (_ ("  codings:    %u\n"), r->n_codings);
  printf (_ ("  memos:      %u\n"), r->n_memos);
  for (guint i = 0; i < r->skipped->len; i++)
    printf (_ ("  skipped: %s\n"), (char *) r->skipped->pdata[i]);
}

int
cli_import_refi (const char *path, gboolean force, CliGlobals *g,
                 GError **error)
{
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaRefiOptions opt = { 0 };
  opt.force = force;
  g_autoptr (TeemaRefiReport) r = teema_refi_import (p, path, &opt, error);
  if (!r)
    return 1;
  if (!g->quiet)
    print_report (path, r);
  return 0;
}
