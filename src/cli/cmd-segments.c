/* cmd-segments.c — teema segments: list segments with ids. */
#include "cli.h"

int
cmd_segments (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *informant = NULL, *group = NULL, *format = "table";
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant"), N_ ("ID") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_ ("only this group"),
      N_ ("GROUP") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_ ("interviewer turns too"),
      NULL },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", N_ ("Lists segments."), error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaSegmentFilter f = { informant, group, all, FALSE };
  g_autoptr (GPtrArray) segs = teema_segment_list (p, &f, error);
  if (!segs)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (NULL);
  const char *cols[] = {
    NC_ ("heading", "id"),       NC_ ("heading", "informant"),
    NC_ ("heading", "document"), NC_ ("heading", "position"),
    NC_ ("heading", "speaker"),  NC_ ("heading", "start"),
    NC_ ("heading", "end"),      NC_ ("heading", "words"),
    NC_ ("heading", "text")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], CLI_HEADING (cols[i]),
                                    i == 0 || (i >= 3 && i != 4 && i != 8)
                                      ? TEEMA_COLUMN_INT
                                      : TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < segs->len; i++) {
    TeemaSegment *s = segs->pdata[i];
    teema_table_add_row (t);
    teema_table_add_int (t, s->id);
    teema_table_add_text (t, s->informant);
    teema_table_add_text (t, s->document);
    teema_table_add_int (t, s->ordinal);
    teema_table_add_text (t, s->speaker);
    teema_table_add_int (t, s->start);
    teema_table_add_int (t, s->end);
    teema_table_add_int (t, s->n_words);
    g_autofree char *text = g_strdup (s->text);
    g_strdelimit (text, "\n\t", ' ');
    if (fmt == TEEMA_FORMAT_TABLE && g_utf8_strlen (text, -1) > 60) {
      g_autofree char *cut = g_utf8_substring (text, 0, 59);
      g_free (text);
      text = g_strconcat (cut, "…", NULL);
    }
    teema_table_add_text (t, text);
  }
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}
