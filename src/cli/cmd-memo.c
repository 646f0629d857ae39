/* cmd-memo.c — teema memo set|list|remove: a coder's memo per segment from
 * scripts, the same memos `teema code` writes with m. A memo is replaced
 * by set, never appended to. */
#include "cli.h"

#include <stdio.h>

/* Parses --segment and --coder; TEXT is the one argument left when
 * want_text. Returns 0 or the usage exit code. */
static int
parse_target (int *argc, char ***argv, gboolean want_text, gint64 *segment,
              const char **coder, const char *summary, GError **error)
{
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_INT64, segment, N_ ("segment id"),
      N_ ("ID") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, coder,
      N_ ("coder name (default: $TEEMA_CODER or your user name)"),
      N_ ("NAME") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (argc, argv, entries, want_text ? N_ ("TEXT") : "", summary,
                  error))
    return 2;
  if (*segment <= 0)
    return cli_usage (error, _ ("needs --segment ID"));
  if (want_text && (*argc != 2 || !*(*argv)[1]))
    return cli_usage (error, _ ("needs the memo as one argument, e.g. "
                                "'teema memo set --segment 4 \"Why here?\"' "
                                "(to delete a memo use 'teema memo remove')"));
  if (!want_text && *argc != 1)
    return cli_usage (error, _ ("unexpected argument '%s'"), (*argv)[1]);
  if (!*coder)
    *coder = cli_default_coder ();
  return 0;
}

/* The coder's memo on segment into *old (NULL when none). */
static gboolean
get_old (TeemaProject *p, gint64 segment, const char *coder, char **old,
         GError **error)
{
  GError *e = NULL;
  *old = teema_memo_get (p, segment, coder, &e);
  if (e) {
    g_propagate_error (error, e);
    return FALSE;
  }
  return TRUE;
}

static int
memo_set (int argc, char **argv, CliGlobals *g, GError **error)
{
  gint64 segment = 0;
  const char *coder = NULL;
  int rc = parse_target (&argc, &argv, TRUE, &segment, &coder,
                         N_ ("Sets the coder's memo on a segment, replacing "
                             "any earlier one."),
                         error);
  if (rc)
    return rc;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  g_autofree char *old = NULL;
  if (!get_old (p, segment, coder, &old, error)
      || !teema_memo_set (p, segment, coder, argv[1], error))
    return 1;
  if (!g->quiet)
    printf (_ ("%s: memo on segment %lld by %s\n"),
            !old                         ? _ ("added")
            : g_str_equal (old, argv[1]) ? _ ("unchanged")
                                         : _ ("replaced"),
            (long long) segment, coder);
  return 0;
}

static int
memo_remove (int argc, char **argv, CliGlobals *g, GError **error)
{
  gint64 segment = 0;
  const char *coder = NULL;
  int rc = parse_target (&argc, &argv, FALSE, &segment, &coder,
                         N_ ("Removes the coder's memo on a segment."), error);
  if (rc)
    return rc;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  g_autoptr (TeemaSegment) seg = teema_segment_get (p, segment, error);
  if (!seg)
    return 1;
  g_autofree char *old = NULL;
  if (!get_old (p, segment, coder, &old, error)
      || (old && !teema_memo_set (p, segment, coder, NULL, error)))
    return 1;
  if (!g->quiet)
    printf (old ? _ ("removed: memo on segment %lld by %s\n")
                : _ ("unchanged: no memo on segment %lld by %s\n"),
            (long long) segment, coder);
  return 0;
}

static int
memo_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *coder = NULL, *informant = NULL, *format = "table";
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, N_ ("only this coder"),
      N_ ("NAME") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant's segments"), N_ ("ID") },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Lists memos in document order."), error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaMemoFilter f = { coder, informant };
  g_autoptr (GPtrArray) list = teema_memo_list (p, &f, error);
  if (!list)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (NULL);
  const char *cols[] = { NC_ ("heading", "segment"),
                         NC_ ("heading", "informant"), NC_ ("heading", "coder"),
                         NC_ ("heading", "memo"), NC_ ("heading", "updated") };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], CLI_HEADING (cols[i]),
                                    i == 0 ? TEEMA_COLUMN_INT
                                           : TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < list->len; i++) {
    TeemaMemo *m = list->pdata[i];
    teema_table_add_row (t);
    teema_table_add_int (t, m->segment_id);
    teema_table_add_text (t, m->informant);
    teema_table_add_text (t, m->coder);
    teema_table_add_text (t, m->text);
    teema_table_add_text (t, m->updated_at);
  }
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

int
cmd_memo (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "set", memo_set, N_ ("write a memo: --segment N TEXT") },
    { "remove", memo_remove, N_ ("remove a memo: --segment N") },
    { "list", memo_list, N_ ("list memos") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "memo", argc, argv, g, error);
}
