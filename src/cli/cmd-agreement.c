/* cmd-agreement.c — teema agreement: inter-coder agreement per theme, or
 * the list of disagreements to adjudicate. */
#include "cli.h"

int
cmd_agreement (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *coders = NULL, *format = "table";
  gboolean disagreements = FALSE, all = FALSE;
  GOptionEntry entries[] = {
    { "coders", 'c', 0, G_OPTION_ARG_STRING, &coders,
      N_ ("two or more coders, comma-separated"), "A,B[,C...]" },
    { "disagreements", 'd', 0, G_OPTION_ARG_NONE, &disagreements,
      N_ ("list the segments and themes the coders disagree on"), NULL },
    { "all-segments", 0, 0, G_OPTION_ARG_NONE, &all,
      N_ ("every informant segment is a unit judged by every coder"), NULL },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (
        &argc, &argv, entries, "",
        N_ ("Percent agreement, Cohen's kappa and Krippendorff's alpha "
            "per theme, with the segment as unit."),
        error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  g_auto (GStrv) list = coders ? g_strsplit (coders, ",", -1) : NULL;
  if (!list || g_strv_length (list) < 2)
    return cli_usage (error, _ ("needs --coders A,B (two or more coders)"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaAgreementOptions opt = { all };
  const char *const *names = (const char *const *) list;
  g_autoptr (TeemaTable) t =
    disagreements ? teema_agreement_disagreements (p, names, &opt, error)
                  : teema_agreement_report (p, names, &opt, error);
  if (!t)
    return 1;
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}
