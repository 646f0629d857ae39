/* cmd-chart.c — teema chart heatmap|bars OUT.(svg|png|pdf). The library
 * draws and writes the file atomically; this only parses options. */
#include "cli.h"

#include <stdio.h>

static int
chart_run (int argc, char **argv, CliGlobals *g, GError **error,
           gboolean heatmap)
{
  const char *coder = NULL, *lang = "fi", *by = NULL;
  gboolean counts = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    CLI_OPT_CODER (coder),
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "labels: fi or en", "LANG" },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      heatmap ? "group informants by this attribute (default: group)"
              : "one bar per value of this attribute (default: group)",
      "ATTR" },
    CLI_OPT_WHERE (where),
    { "counts", 0, heatmap ? 0 : G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE,
      &counts, "shade by coded segments, not share of words", NULL },
    { NULL },
  };
  const char *summary =
    heatmap ? "Themes x informants heatmap, informants grouped by group; "
              "the format follows the extension (.svg, .png or .pdf). "
              "Sized for an A4 page (16 cm wide; PNG at 300 dpi)."
            : "Per theme, k/n informants of each group as horizontal "
              "grouped bars, a colour per group (.svg, .png or .pdf). "
              "Sized for an A4 page (16 cm wide; PNG at 300 dpi).";
  if (!cli_parse (&argc, &argv, entries, "OUT.svg|OUT.png|OUT.pdf", summary,
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, "give one output file (.svg, .png or .pdf)");
  TeemaChartOptions opt = { coder, lang, counts, by,
                            (const char *const *) where };
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  gboolean ok = heatmap ? teema_chart_heatmap (p, argv[1], &opt, error)
                        : teema_chart_bars (p, argv[1], &opt, error);
  if (ok && !g->quiet)
    printf ("wrote %s\n", argv[1]);
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
    { "heatmap", chart_heatmap, "themes x informants heatmap" },
    { "bars", chart_bars, "k/n informants per group as grouped bars" },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "chart", argc, argv, g, error);
}
