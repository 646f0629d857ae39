/* cmd-chart.c — teema chart heatmap|bars OUT.(svg|png|pdf). The library
 * draws and writes the file atomically; this only parses options. */
#include "cli.h"

#include <stdio.h>

static int
chart_run (int argc, char **argv, CliGlobals *g, GError **error,
           gboolean heatmap)
{
  const char *coder = NULL, *lang = NULL, *by = NULL;
  gboolean counts = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    CLI_OPT_CODER (coder),
    CLI_OPT_LANG (lang),
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      heatmap ? N_ ("group informants by this attribute (default: group)")
              : N_ ("one bar per value of this attribute (default: group)"),
      N_ ("ATTR") },
    CLI_OPT_WHERE (where),
    { "counts", 0, heatmap ? 0 : G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE,
      &counts, N_ ("shade by coded segments, not share of words"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  const char *summary =
    heatmap ? N_ ("Themes x informants heatmap, informants grouped by group; "
                  "the format follows the extension (.svg, .png or .pdf). "
                  "Sized for an A4 page (16 cm wide; PNG at 300 dpi).")
            : N_ ("Per theme, k/n informants of each group as horizontal "
                  "grouped bars, a colour per group (.svg, .png or .pdf). "
                  "Sized for an A4 page (16 cm wide; PNG at 300 dpi).");
  if (!cli_parse (&argc, &argv, entries, "OUT.svg|OUT.png|OUT.pdf", summary,
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("give one output file (.svg, .png or .pdf)"));
  if (!cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  TeemaChartOptions opt = { coder, lang, counts, by,
                            (const char *const *) where };
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  gboolean ok = heatmap ? teema_chart_heatmap (p, argv[1], &opt, error)
                        : teema_chart_bars (p, argv[1], &opt, error);
  if (ok)
    cli_say_written (g, _ ("wrote %s\n"), argv[1]);
  return ok ? 0 : 1;
}

static int
chart_heatmap (int argc, char **argv, CliGlobals *g, GError **error)
{
  return chart_run (argc, argv, g, error, TRUE);
}

static int
chart_bars (int argc, char **argv, CliGlobals *g, GError **error)
{
  return chart_run (argc, argv, g, error, FALSE);
}

int
cmd_chart (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "heatmap", chart_heatmap, N_ ("themes x informants heatmap") },
    { "bars", chart_bars, N_ ("k/n informants per group as grouped bars") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "chart", argc, argv, g, error);
}
