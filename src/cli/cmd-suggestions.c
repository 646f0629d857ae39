/* cmd-suggestions.c — teema suggestions: the open rule suggestions a coder
 * has not yet accepted or rejected, the same list the terminal coder
 * shows, most strongly supported first within a segment. */
#include "cli.h"

int
cmd_suggestions (int argc, char **argv, CliGlobals *g, GError **error)
{
  gint64 segment = 0;
  const char *coder = NULL, *informant = NULL, *theme = NULL;
  const char *format = "table";
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_INT64, &segment, N_ ("only this segment"),
      N_ ("ID") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_ (
        "whose codings and rejections close a suggestion (default: anyone's)"),
      N_ ("NAME") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant"), N_ ("ID") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, N_ ("only this theme"),
      N_ ("THEME") },
    CLI_OPT_FORMAT (format),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Lists open rule suggestions: rule codings not yet coded "
                      "or rejected by the coder."),
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (argc != 1)
    return cli_usage (error, _ ("usage: teema suggestions [--segment N] "
                                "[--coder NAME]"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaSuggestionFilter f = { coder, segment, informant, theme };
  g_autoptr (GPtrArray) list = teema_suggestion_list (p, &f, error);
  if (!list)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (NULL);
  teema_table_add_column_heading (t, "segment", C_ ("heading", "segment"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "informant", C_ ("heading", "informant"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "hits", C_ ("heading", "hits"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "words", C_ ("heading", "words"),
                                  TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < list->len; i++) {
    TeemaSuggestion *s = list->pdata[i];
    teema_table_add_row (t);
    teema_table_add_int (t, s->segment_id);
    teema_table_add_text (t, s->informant);
    teema_table_add_text (t, s->theme);
    teema_table_add_int (t, s->n_hits);
    teema_table_add_text (t, s->note);
  }
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}
