/* cmd-report.c — teema report themes, cooccurrence and saturation. */
#include "cli.h"

static int
report_themes (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *by = "informant", *format = "table", *coder = NULL;
  const char *lang = "fi", *output = NULL;
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by, "informant (default) or group",
      "UNIT" },
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  "Theme frequencies: coded segments, share of words and "
                  "k of n informants. table and md print a theme x "
                  "informant matrix; csv, tsv and json one row per theme "
                  "and informant.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  TeemaReportOptions opt = { TEEMA_BY_INFORMANT, coder, lang, TRUE };
  if (g_str_equal (by, "group"))
    opt.by = TEEMA_BY_GROUP;
  else if (!g_str_equal (by, "informant"))
    return cli_usage (error, "--by must be informant or group");
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t = p ? teema_report_themes (p, &opt, error) : NULL;
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (output, out, error) ? 0 : 1;
}

static int
report_cooccurrence (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table", *coder = NULL, *lang = "fi", *output = NULL;
  gboolean jaccard = FALSE;
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    { "jaccard", 'j', 0, G_OPTION_ARG_NONE, &jaccard,
      "matrix of Jaccard indices instead of counts", NULL },
    CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  "Segments coded with both themes, for each pair of leaf "
                  "themes. table and md print a theme x theme matrix; csv, "
                  "tsv and json one row per pair with segments and "
                  "Jaccard.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  TeemaCooccurrenceOptions opt = { coder, lang, jaccard, TRUE };
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t =
    p ? teema_report_cooccurrence (p, &opt, error) : NULL;
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (output, out, error) ? 0 : 1;
}

static int
report_saturation (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table", *coder = NULL, *order = "import";
  const char *output = NULL;
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      "import (default) or date (the informant's date attribute)", "ORDER" },
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  TeemaSaturationOptions opt = { coder, TEEMA_ORDER_IMPORT };
  if (!cli_parse (&argc, &argv, entries, "",
                  "The saturation curve: for each successive interview, "
                  "themes coded for the first time and the cumulative "
                  "number of themes seen.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!teema_interview_order_parse (order, &opt.order, NULL))
    return cli_usage (error, "--order must be import or date");
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t =
    p ? teema_report_saturation (p, &opt, error) : NULL;
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (output, out, error) ? 0 : 1;
}

/* "A,B" into the two group names of opt; NULL groups: the project's two
 * when it has exactly two, else a usage error naming them. */
static int
compare_groups (const char *groups, TeemaProject *p, TeemaCompareOptions *opt,
                char ***names, GError **error)
{
  if (groups) {
    *names = g_strsplit (groups, ",", -1);
    if (g_strv_length (*names) != 2 || !*(*names)[0] || !*(*names)[1])
      return cli_usage (error, "--groups takes two groups: A,B");
  } else {
    *names = teema_group_list (p, error);
    if (!*names)
      return 1;
    if (g_strv_length (*names) != 2) {
      g_autofree char *list = g_strjoinv (", ", *names);
      return cli_usage (error,
                        "the project has %u groups (%s): choose two "
                        "with --groups A,B",
                        g_strv_length (*names), *list ? list : "none");
    }
  }
  opt->group_a = (*names)[0];
  opt->group_b = (*names)[1];
  return 0;
}

static int
report_compare (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *groups = NULL, *format = "table", *coder = NULL;
  const char *lang = "fi", *output = NULL;
  GOptionEntry entries[] = {
    { "groups", 'g', 0, G_OPTION_ARG_STRING, &groups,
      "the two groups to compare (default: the project's two)", "A,B" },
    CLI_OPT_CODER (coder),
    CLI_OPT_FORMAT (format),
    CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  "Two groups theme by theme: k of n informants, coded "
                  "segments, segments per 1,000 words and Fisher's exact "
                  "p on informants mentioning the theme.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  TeemaCompareOptions opt = { 0 };
  opt.coder = coder;
  opt.lang = lang;
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_auto (GStrv) names = NULL;
  int rc = p ? compare_groups (groups, p, &opt, &names, error) : 1;
  if (rc)
    return rc;
  g_autoptr (TeemaTable) t = teema_report_compare (p, &opt, error);
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (output, out, error) ? 0 : 1;
}

static int
report_keyness (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *groups = NULL, *format = "table", *output = NULL;
  int top = 20, min_freq = 3;
  GOptionEntry entries[] = {
    { "groups", 'g', 0, G_OPTION_ARG_STRING, &groups,
      "the two groups to compare (default: the project's two)", "A,B" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "lemmas per group (default 20)",
      "N" },
    { "min-freq", 'm', 0, G_OPTION_ARG_INT, &min_freq,
      "minimum frequency in both groups together (default 3)", "N" },
    CLI_OPT_FORMAT (format),
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  "The lemmas most distinctive of each group's informant "
                  "turns by log-likelihood G², with log ratio.",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (top < 1 || min_freq < 1)
    return cli_usage (error, "--top and --min-freq must be at least 1");
  TeemaCompareOptions opt = { 0 };
  opt.top = (guint) top;
  opt.min_freq = (guint) min_freq;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_auto (GStrv) names = NULL;
  int rc = p ? compare_groups (groups, p, &opt, &names, error) : 1;
  if (rc)
    return rc;
  g_autoptr (TeemaTable) t = teema_report_keyness (p, &opt, error);
  if (!t)
    return 1;
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (output, out, error) ? 0 : 1;
}

int
cmd_report (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "themes", report_themes, "theme frequencies by informant or group" },
    { "compare", report_compare,
      "two groups theme by theme, with Fisher's exact test" },
    { "keyness", report_keyness,
      "the lemmas most distinctive of each of two groups" },
    { "cooccurrence", report_cooccurrence,
      "segments coded with both of two themes" },
    { "saturation", report_saturation, "new themes per successive interview" },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "report", argc, argv, g, error);
}
