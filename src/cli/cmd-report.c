/* cmd-report.c — teema report themes, compare, keyness, cooccurrence and
 * saturation (and 'report all', in cmd-report-all.c).
 *
 * Every report takes --where ATTR=VALUE to choose informants and writes
 * a table in the format --format names or the -o file's extension asks
 * for (the terminal table when neither says). */
#include "cli.h"

/* Renders t as fmt to output (stdout when NULL). */
static int
write_table (CliGlobals *g, TeemaTable *t, TeemaFormat fmt, const char *output,
             GError **error)
{
  if (!t)
    return 1;
  return cli_write_table (g, t, fmt, output, error) ? 0 : 1;
}

/* --by UNIT of report themes: informant, group or any attribute. */
static void
themes_by (const char *by, TeemaReportOptions *opt)
{
  if (g_str_equal (by, "informant"))
    opt->by = TEEMA_BY_INFORMANT;
  else if (g_str_equal (by, "group"))
    opt->by = TEEMA_BY_GROUP;
  else {
    opt->by = TEEMA_BY_ATTRIBUTE;
    opt->attribute = by;
  }
}

static int
report_themes (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *by = "informant", *format = NULL, *coder = NULL;
  const char *lang = NULL, *output = NULL, *group_by = NULL;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      N_ ("informant (default), group or any attribute (role, ...)"),
      N_ ("UNIT") },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by,
      N_ ("with --by informant: group the columns by this attribute"),
      N_ ("ATTR") },
    CLI_OPT_WHERE (where),
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output),
    CLI_OPT_WIDTH (g->width),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Theme frequencies: coded segments, share of words and "
                      "k of n informants, by informant, group or any informant "
                      "attribute. table and md print a theme x informant "
                      "matrix; csv, tsv and json one row per theme and "
                      "informant."),
                  error)
      || !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt, error)
      || !cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  TeemaReportOptions opt = { .coder = coder,
                             .lang = lang,
                             .where = (const char *const *) where };
  themes_by (by, &opt);
  if (group_by && opt.by != TEEMA_BY_INFORMANT)
    return cli_usage (error, _ ("--group-by goes with --by informant"));
  if (group_by)
    opt.attribute = group_by;
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t = p ? teema_report_themes (p, &opt, error) : NULL;
  return write_table (g, t, fmt, output, error);
}

static int
report_cooccurrence (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = NULL, *coder = NULL, *lang = NULL, *output = NULL;
  gboolean jaccard = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    { "jaccard", 'j', 0, G_OPTION_ARG_NONE, &jaccard,
      N_ ("matrix of Jaccard indices instead of counts"), NULL },
    CLI_OPT_WHERE (where),
    CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output),
    CLI_OPT_WIDTH (g->width),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Segments coded with both themes, for each pair of leaf "
                      "themes. table and md print a theme x theme matrix; csv, "
                      "tsv and json one row per pair with segments and "
                      "Jaccard."),
                  error)
      || !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt, error)
      || !cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  TeemaCooccurrenceOptions opt = { coder, lang, jaccard, TRUE,
                                   (const char *const *) where };
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t =
    p ? teema_report_cooccurrence (p, &opt, error) : NULL;
  return write_table (g, t, fmt, output, error);
}

static int
report_saturation (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = NULL, *coder = NULL, *order = "import";
  const char *output = NULL;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_CODER (coder),
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      N_ ("import (default) or date (the informant's date attribute)"),
      N_ ("ORDER") },
    CLI_OPT_WHERE (where),
    CLI_OPT_OUTPUT (output),
    CLI_OPT_WIDTH (g->width),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("The saturation curve: for each successive interview, "
                      "themes coded for the first time and the cumulative "
                      "number of themes seen."),
                  error)
      || !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt, error))
    return 2;
  TeemaSaturationOptions opt = { coder, TEEMA_ORDER_IMPORT,
                                 (const char *const *) where };
  if (!teema_interview_order_parse (order, &opt.order, NULL))
    return cli_usage (error, _ ("--order must be import or date"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t =
    p ? teema_report_saturation (p, &opt, error) : NULL;
  return write_table (g, t, fmt, output, error);
}

/* "A,B" into the two group names of opt; NULL groups: the two values of
 * the compared attribute when there are exactly two, else a usage error
 * naming them. */
static int
compare_groups (const char *groups, TeemaProject *p, TeemaCompareOptions *opt,
                char ***names, GError **error)
{
  const char *what = opt->attribute ? opt->attribute : "group";
  if (groups) {
    *names = g_strsplit (groups, ",", -1);
    if (g_strv_length (*names) != 2 || !*(*names)[0] || !*(*names)[1])
      return cli_usage (error, _ ("--groups takes two values: A,B"));
  } else {
    *names = teema_informant_values (p, opt->attribute, error);
    if (!*names)
      return 1;
    if (g_strv_length (*names) != 2) {
      g_autofree char *list = g_strjoinv (", ", *names);
      return cli_usage (error,
                        _ ("the informants have %u values of %s (%s): choose "
                           "two with --groups A,B"),
                        g_strv_length (*names), what, *list ? list : "none");
    }
  }
  opt->group_a = (*names)[0];
  opt->group_b = (*names)[1];
  return 0;
}

#define OPT_GROUPS(var)                                                        \
  {                                                                            \
    "groups", 'g', 0, G_OPTION_ARG_STRING, &(var),                             \
      "the two groups (values of --by) to compare (default: the two "          \
      "there are)",                                                            \
      "A,B"                                                                    \
  }
#define OPT_BY(var)                                                            \
  {                                                                            \
    "by", 'b', 0, G_OPTION_ARG_STRING, &(var),                                 \
      "the attribute whose values are the groups (default: group)", "ATTR"     \
  }

static int
report_compare (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *groups = NULL, *format = NULL, *coder = NULL, *by = NULL;
  const char *lang = NULL, *output = NULL;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    OPT_GROUPS (groups),     OPT_BY (by),
    CLI_OPT_WHERE (where),   CLI_OPT_CODER (coder),
    CLI_OPT_FORMAT (format), CLI_OPT_LANG (lang),
    CLI_OPT_OUTPUT (output), CLI_OPT_WIDTH (g->width),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Two groups theme by theme: k of n informants, coded "
                      "segments, segments per 1,000 words and Fisher's exact "
                      "p on informants mentioning the theme."),
                  error)
      || !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt, error)
      || !cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  TeemaCompareOptions opt = { .coder = coder,
                              .lang = lang,
                              .attribute = by,
                              .where = (const char *const *) where };
  opt.wide = fmt == TEEMA_FORMAT_TABLE || fmt == TEEMA_FORMAT_MARKDOWN;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_auto (GStrv) names = NULL;
  int rc = p ? compare_groups (groups, p, &opt, &names, error) : 1;
  if (rc)
    return rc;
  g_autoptr (TeemaTable) t = teema_report_compare (p, &opt, error);
  return write_table (g, t, fmt, output, error);
}

static int
report_keyness (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *groups = NULL, *format = NULL, *output = NULL, *by = NULL;
  const char *stopwords = NULL;
  int top = 20, min_freq = 3;
  gboolean all = FALSE, no_stop = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    OPT_GROUPS (groups),
    OPT_BY (by),
    CLI_OPT_WHERE (where),
    { "top", 'n', 0, G_OPTION_ARG_INT, &top,
      N_ ("lemmas per group (default 20)"), "N" },
    { "min-freq", 'm', 0, G_OPTION_ARG_INT, &min_freq,
      N_ ("minimum frequency in both groups together (default 3)"), "N" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_ ("also rows that are not significant (p >= 0.05)"), NULL },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stopwords,
      N_ ("lemmas not to rank, one per line (default: teema's Finnish list)"),
      N_ ("FILE") },
    { "no-stopwords", 0, 0, G_OPTION_ARG_NONE, &no_stop,
      N_ ("rank function words too"), NULL },
    CLI_OPT_FORMAT (format),
    CLI_OPT_OUTPUT (output),
    CLI_OPT_WIDTH (g->width),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("The lemmas most distinctive of each group's informant "
                      "turns by log-likelihood G², with log ratio; function "
                      "words (a stop list) left out, only rows with p < 0.05 "
                      "unless --all."),
                  error)
      || !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt, error))
    return 2;
  if (top < 1 || min_freq < 1)
    return cli_usage (error, _ ("--top and --min-freq must be at least 1"));
  if (stopwords && no_stop)
    return cli_usage (error, _ ("--stopwords or --no-stopwords, not both"));
  TeemaCompareOptions opt = { .top = (guint) top,
                              .min_freq = (guint) min_freq,
                              .stopwords = no_stop ? "" : stopwords,
                              .all = all,
                              .attribute = by,
                              .where = (const char *const *) where };
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_auto (GStrv) names = NULL;
  int rc = p ? compare_groups (groups, p, &opt, &names, error) : 1;
  if (rc)
    return rc;
  g_autoptr (TeemaTable) t = teema_report_keyness (p, &opt, error);
  return write_table (g, t, fmt, output, error);
}

int
cmd_report (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "themes", report_themes,
      N_ ("theme frequencies by informant, group or attribute") },
    { "compare", report_compare,
      N_ ("two groups theme by theme, with Fisher's exact test") },
    { "keyness", report_keyness,
      N_ ("the lemmas most distinctive of each of two groups") },
    { "cooccurrence", report_cooccurrence,
      N_ ("segments coded with both of two themes") },
    { "saturation", report_saturation,
      N_ ("new themes per successive interview") },
    { "all", cli_report_all,
      N_ ("every report, both charts and the quotes into a folder") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "report", argc, argv, g, error);
}
