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
  g_autofree char *out = NULL;
  if (all) {
    if (fmt != TEEMA_FORMAT_MARKDOWN)
      return cli_usage (error, "--all writes Markdown only");
    out = teema_quotes_markdown_all (p, &opt, error);
  } else {
    g_autoptr (TeemaTable) t = teema_quotes_collect (p, &opt, error);
    if (t)
      out = fmt == TEEMA_FORMAT_MARKDOWN ? teema_quotes_markdown (t, NULL)
                                         : teema_table_render (t, fmt);
  }
  if (!out)
    return 1;
  return cli_output (output, out, error) ? 0 : 1;
}
