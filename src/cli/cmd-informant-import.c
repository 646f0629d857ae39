/* cmd-informant-import.c — teema informant import FILE.csv: informant
 * attributes from a spreadsheet, all rows or none. */
#include "cli.h"

#include <stdio.h>

int
cmd_informant_import (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("FILE.csv"),
                  N_ ("Sets informant attributes from a CSV file whose header "
                      "is informant,group,role,... (any other column is a free "
                      "attribute)."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema informant import FILE.csv"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  guint n = 0;
  if (!p || !teema_informant_import_csv (p, argv[1], &n, error))
    return 1;
  if (!g->quiet)
    printf (_ ("%s: attributes of %u informants set\n"), argv[1], n);
  return 0;
}
