/* cmd-evaluate.c — teema evaluate: precision, recall and F1 of the rules,
 * against a hand-coded development set or a human coder. */
#include "cli.h"

int
cmd_evaluate (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *devset = NULL, *codebook = NULL, *gold = NULL;
  const char *test = TEEMA_CODER_RULES, *format = "table";
  gboolean snowball = FALSE, all = FALSE, errors = FALSE;
  GOptionEntry entries[] = {
    { "devset", 'd', 0, G_OPTION_ARG_FILENAME, &devset,
      "hand-coded segments (TSV: id group speaker themes text)", "FILE" },
    { "codebook", 'k', 0, G_OPTION_ARG_FILENAME, &codebook,
      "with --devset: the codebook file (default: the project's)", "FILE" },
    { "gold", 'g', 0, G_OPTION_ARG_STRING, &gold,
      "the human coder to score against (in the project)", "CODER" },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &test,
      "with --gold: the coder to score (default: rules)", "CODER" },
    { "all-segments", 0, 0, G_OPTION_ARG_NONE, &all,
      "with --gold: every segment, not only those the gold coder coded", NULL },
    { "snowball", 0, 0, G_OPTION_ARG_NONE, &snowball,
      "with --devset: Snowball stems instead of Voikko", NULL },
    { "errors", 'e', 0, G_OPTION_ARG_NONE, &errors,
      "with --devset: list missed and extra codings instead of scores", NULL },
    CLI_OPT_FORMAT (format),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", "Scores rule codings per theme.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!devset == !gold)
    return cli_usage (error, "give either --devset FILE or --gold CODER");
  g_autoptr (TeemaTable) t = NULL;
  if (devset) {
    g_autoptr (TeemaProject) p = NULL;
    g_autoptr (TeemaCodebook) cb = NULL;
    if (codebook)
      cb = teema_codebook_load (codebook, error);
    else if ((p = cli_open (g, error)))
      cb = teema_codebook_get (p, error);
    if (!cb)
      return 1;
    TeemaEvaluateOptions opt = { NULL, snowball, TRUE, errors };
    t = teema_evaluate_devset (cb, devset, &opt, error);
  } else {
    g_autoptr (TeemaProject) p = cli_open (g, error);
    if (p)
      t = teema_evaluate_coders (p, gold, test, all, error);
  }
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (NULL, out, error) ? 0 : 1;
}
