/* cmd-suggestions.c — teema suggestions [accept|reject]: the open rule
 * suggestions a coder has not yet accepted or rejected, the same list the
 * terminal coder shows, most strongly supported first within a segment;
 * and accepting or rejecting one from a script, as a and r do there. */
#include "cli.h"

#include <stdio.h>

/* teema suggestions accept|reject --segment N --theme T [--coder NAME]. */
static int
decide (int argc, char **argv, CliGlobals *g, GError **error, gboolean accept)
{
  gint64 segment = 0;
  const char *theme = NULL, *coder = NULL;
  gboolean undo = FALSE;
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_INT64, &segment, N_ ("segment id"),
      N_ ("ID") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, N_ ("theme id or label"),
      N_ ("THEME") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_ ("coder name (default: $TEEMA_CODER or your user name)"),
      N_ ("NAME") },
    G_OPTION_ENTRY_NULL, /* reject: --undo */
    G_OPTION_ENTRY_NULL,
  };
  if (!accept)
    entries[3] = (GOptionEntry){ "undo", 0,
                                 0,      G_OPTION_ARG_NONE,
                                 &undo,  N_ ("withdraw the rejection instead"),
                                 NULL };
  if (!cli_parse (&argc, &argv, entries, "",
                  accept ? N_ ("Accepts a rule suggestion: the rule codings "
                               "of the theme on the segment become the "
                               "coder's (a sentence-scoped theme as its "
                               "sentences).")
                         : N_ ("Rejects a rule suggestion for the coder: it "
                               "is no longer suggested and no longer counts "
                               "in reports."),
                  error))
    return 2;
  if (argc != 1 || segment <= 0 || !theme)
    return cli_usage (error, _ ("needs --segment ID and --theme THEME"));
  if (!coder)
    coder = cli_default_coder ();
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  guint added = 0;
  gboolean ok =
    accept ? teema_suggestion_accept (p, segment, theme, coder, &added, error)
           : teema_rejection_set (p, segment, theme, coder, !undo, error);
  if (!ok)
    return 1;
  if (g->quiet)
    return 0;
  if (accept)
    /* TRANSLATORS: segment id, theme, coder, number of new codings. */
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "segment %lld: %s accepted for %s (%u new coding)\n",
                         "segment %lld: %s accepted for %s (%u new codings)\n",
                         added),
            (long long) segment, theme, coder, added);
  else if (undo)
    printf (_ ("segment %lld: %s no longer rejected by %s\n"),
            (long long) segment, theme, coder);
  else
    printf (_ ("segment %lld: %s rejected by %s\n"), (long long) segment, theme,
            coder);
  return 0;
}

static int
suggestions_accept (int argc, char **argv, CliGlobals *g, GError **error)
{
  return decide (argc, argv, g, error, TRUE);
}

static int
suggestions_reject (int argc, char **argv, CliGlobals *g, GError **error)
{
  return decide (argc, argv, g, error, FALSE);
}

static int
suggestions_list (int argc, char **argv, CliGlobals *g, GError **error)
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
    G_OPTION_ENTRY_NULL,
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
                                "[--coder NAME], or teema suggestions "
                                "accept|reject --segment N --theme THEME"));
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

int
cmd_suggestions (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "list", suggestions_list, N_ ("the open suggestions (the default)") },
    { "accept", suggestions_accept, N_ ("accept one: the coder codes it") },
    { "reject", suggestions_reject, N_ ("reject one for the coder") },
    { NULL, NULL, NULL },
  };
  /* Without a subcommand (or with only options) it lists. */
  if (argc < 2 || argv[1][0] == '-')
    return suggestions_list (argc, argv, g, error);
  return cli_dispatch (sub, "suggestions", argc, argv, g, error);
}
