/* cmd-quotes.c — teema quotes: a theme's quotes for a thesis draft. */
#include "cli.h"

int
cmd_quotes (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *theme = NULL, *informant = NULL, *group = NULL, *coder = NULL;
  const char *format = "md", *output = NULL, *lang = "fi";
  gboolean no_children = FALSE, all = FALSE;
  GOptionEntry entries[] = {
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, "the theme (required)",
      "THEME" },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      "only this informant", "ID" },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, "only this group",
      "GROUP" },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, "only this coder", "NAME" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      "every theme, one section each (Markdown)", NULL },
    { "no-children", 0, 0, G_OPTION_ARG_NONE, &no_children,
      "leave out codings of sub-themes", NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "md (default), csv, tsv, json or table", "FORMAT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, "heading: fi or en", "LANG" },
    CLI_OPT_OUTPUT (output),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  "Quotes coded with a theme, in the thesis convention: the "
                  "quote, then (H3).",
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!theme == !all)
    return cli_usage (error, "quotes needs --theme THEME or --all");
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaQuoteOptions opt = {
    theme, informant, group, coder, lang, !no_children
  };
  if (all && fmt != TEEMA_FORMAT_MARKDOWN)
    return cli_usage (error, "--all writes Markdown only");
  if (fmt == TEEMA_FORMAT_MARKDOWN) {
    /* Markdown streams: one quote in memory at a time. */
    CliSink *sink = cli_sink_open (output, error);
    if (!sink)
      return 1;
    gboolean ok =
      teema_quotes_write_markdown (p, &opt, all, cli_sink_write, sink, error);
    return cli_sink_close (sink, ok, error) ? 0 : 1;
  }
  g_autoptr (TeemaTable) t = teema_quotes_collect (p, &opt, error);
  g_autofree char *out = t ? teema_table_render (t, fmt) : NULL;
  if (!out)
    return 1;
  return cli_output (output, out, error) ? 0 : 1;
}
