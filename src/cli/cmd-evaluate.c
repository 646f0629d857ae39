/* cmd-evaluate.c — teema evaluate: precision, recall and F1 of the rules,
 * against a hand-coded development set or a human coder. */
#include "cli.h"

int
cmd_evaluate (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *devset = NULL, *codebook = NULL, *gold = NULL;
  const char *test = TEEMA_CODER_RULES, *format = "table";
  gboolean snowball = FALSE, all = FALSE, errors = FALSE, why = FALSE;
  GOptionEntry entries[] = {
    { "devset", 'd', 0, G_OPTION_ARG_FILENAME, &devset,
      N_ ("hand-coded segments (TSV with a header naming its columns: id, "
          "themes and text needed; e.g. id group speaker themes text reason)"),
      N_ ("FILE") },
    { "codebook", 'k', 0, G_OPTION_ARG_FILENAME, &codebook,
      N_ ("with --devset: the codebook file (default: the project's)"),
      N_ ("FILE") },
    { "gold", 'g', 0, G_OPTION_ARG_STRING, &gold,
      N_ ("the human coder to score against (in the project)"), N_ ("CODER") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &test,
      N_ ("with --gold: the coder to score (default: rules)"), N_ ("CODER") },
    { "all-segments", 0, 0, G_OPTION_ARG_NONE, &all,
      N_ ("with --gold: every segment, not only those the gold coder coded"),
      NULL },
    { "snowball", 0, 0, G_OPTION_ARG_NONE, &snowball,
      N_ ("with --devset: Snowball stems instead of Voikko"), NULL },
    { "errors", 'e', 0, G_OPTION_ARG_NONE, &errors,
      N_ ("with --devset: list missed and extra codings instead of scores"),
      NULL },
    { "why", 'w', 0, G_OPTION_ARG_NONE, &why,
      N_ (
        "with --devset: the errors of each theme grouped by cause (no rule "
        "word, excluded, no whole rule; the rule and word of a false coding)"),
      NULL },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Scores rule codings per theme."), error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!devset == !gold)
    return cli_usage (error, _ ("give either --devset FILE or --gold CODER"));
  if (errors && why)
    return cli_usage (error, _ ("give --errors or --why, not both"));
  if ((errors || why) && !devset)
    return cli_usage (error, _ ("--errors and --why work with --devset"));
  g_autoptr (TeemaTable) t = NULL;
  if (devset) {
    g_autoptr (TeemaCodebook) cb = cli_codebook (g, codebook, error);
    if (!cb)
      return 1;
    TeemaEvaluateOptions opt = { NULL, snowball, TRUE, errors, why };
    t = teema_evaluate_devset (cb, devset, &opt, error);
  } else {
    g_autoptr (TeemaProject) p = cli_open (g, error);
    if (p)
      t = teema_evaluate_coders (p, gold, test, all, error);
  }
  if (!t)
    return 1;
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}
