/* cmd-coding.c — teema coding add|remove|list: coding from scripts. */
#include "cli.h"

#include <stdio.h>

static const char *
default_coder (void)
{
  const char *c = g_getenv ("TEEMA_CODER");
  return c ? c : g_get_user_name ();
}

static int
coding_change (int argc, char **argv, CliGlobals *g, GError **error,
               gboolean add)
{
  gint64 segment = 0;
  const char *theme = NULL, *coder = NULL;
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_INT64, &segment, "segment id", "ID" },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, "theme id", "THEME" },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      "coder name (default: $TEEMA_CODER or your user name)", "NAME" },
    { NULL },
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  add ? "Codes a segment with a theme." : "Removes a coding.",
                  error))
    return 2;
  if (segment <= 0 || !theme)
    return cli_usage (error, "needs --segment ID and --theme THEME");
  if (!coder)
    coder = default_coder ();
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  gboolean changed = FALSE;
  gboolean ok =
    add ? teema_coding_add (p, segment, theme, coder, &changed, error)
        : teema_coding_remove (p, segment, theme, coder, &changed, error);
  if (!ok)
    return 1;
  if (!g->quiet)
    printf ("%s: segment %" G_GINT64_FORMAT " %s %s by %s\n",
            changed ? (add ? "added" : "removed") : "unchanged", segment,
            add ? "+" : "-", theme, coder);
  return 0;
}

static int
coding_add (int argc, char **argv, CliGlobals *g, GError **error)
{
  return coding_change (argc, argv, g, error, TRUE);
}

static int
coding_remove (int argc, char **argv, CliGlobals *g, GError **error)
{
  return coding_change (argc, argv, g, error, FALSE);
}

static int
coding_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *coder = NULL, *theme = NULL, *informant = NULL;
  const char *format = "table";
  gint64 segment = 0;
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, "only this coder", "NAME" },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, "only this theme",
      "THEME" },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      "only this informant", "ID" },
    { "segment", 's', 0, G_OPTION_ARG_INT64, &segment, "only this segment",
      "ID" },
    CLI_OPT_FORMAT (format),
    { NULL },
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", "Lists codings.", error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaCodingFilter f = { coder, theme, informant, segment, FALSE };
  g_autoptr (GPtrArray) list = teema_coding_list (p, &f, error);
  if (!list)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (NULL);
  const char *cols[] = { "segment", "informant", "theme",   "coder",
                         "start",   "end",       "created", "note" };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column (t, cols[i],
                            i == 0 || i == 4 || i == 5 ? TEEMA_COLUMN_INT
                                                       : TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < list->len; i++) {
    TeemaCoding *c = list->pdata[i];
    teema_table_add_row (t);
    teema_table_add_int (t, c->segment_id);
    teema_table_add_text (t, c->informant);
    teema_table_add_text (t, c->theme);
    teema_table_add_text (t, c->coder);
    teema_table_add_int (t, c->start);
    teema_table_add_int (t, c->end);
    teema_table_add_text (t, c->created_at);
    teema_table_add_text (t, c->note);
  }
  g_autofree char *out = teema_table_render (t, fmt);
  return cli_output (NULL, out, error) ? 0 : 1;
}

int
cmd_coding (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "add", coding_add, "code a segment: --segment N --theme T" },
    { "remove", coding_remove, "remove a coding" },
    { "list", coding_list, "list codings" },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "coding", argc, argv, g, error);
}
