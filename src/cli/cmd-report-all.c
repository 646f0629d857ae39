/* cmd-report-all.c — teema report all --out DIR: every report, both
 * charts and the quotes into one folder, with an index.md. */
#include "cli.h"

#include <stdio.h>

int
cli_report_all (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *out = NULL, *coder = NULL, *lang = NULL, *names = NULL;
  gboolean pseudonymise = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_ ("the folder to write into (made if missing)"), N_ ("DIR") },
    CLI_OPT_CODER (coder),
    CLI_OPT_WHERE (where),
    CLI_OPT_LANG (lang),
    { "pseudonymise", 'P', 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_ ("replace personal names in the quotes"), NULL },
    { "names", 'k', 0, G_OPTION_ARG_FILENAME, &names,
      N_ ("the name key for the quotes; implies --pseudonymise"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Writes every report as CSV and Markdown, both charts as "
                      "SVG and PNG and the quotes as DOCX and Markdown into "
                      "DIR, with an index.md that links them."),
                  error))
    return 2;
  if (!out || argc != 1)
    return cli_usage (error, _ ("usage: teema report all --out DIR"));
  if (!cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  g_autoptr (TeemaNameKey) key =
    names ? teema_name_key_load (names, error) : NULL;
  if (names && !key)
    return 1;
  TeemaReportAllOptions opt = { coder, lang, (const char *const *) where,
                                pseudonymise || names, key };
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (GPtrArray) files =
    p ? teema_report_all (p, out, &opt, error) : NULL;
  if (!files)
    return 1;
  if (!g->quiet) {
    for (guint i = 0; i < files->len; i++)
      printf ("%s/%s\n", out, (char *) files->pdata[i]);
  }
  return 0;
}
