/* cmd-coding.c — teema coding add|remove|list: coding from scripts. A
 * coding covers the whole segment, or part of its text: --from/--to in
 * characters of the segment's text (from 0), or --sentences N[-M]. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

/* The characters of sentences "N" or "N-M" (1-based) of the segment. */
static gboolean
sentence_span (TeemaProject *p, gint64 segment, const char *spec, guint *from,
               guint *to, GError **error)
{
  char *end = NULL;
  long first = strtol (spec, &end, 10), last = first;
  if (end && *end == '-')
    last = strtol (end + 1, &end, 10);
  if (!end || *end || first < 1 || last < first) {
    cli_usage (error, _ ("--sentences wants N or N-M (from 1), got '%s'"),
               spec);
    return FALSE;
  }
  g_autoptr (TeemaSegment) s = teema_segment_get (p, segment, error);
  if (!s)
    return FALSE;
  g_autoptr (GArray) sentences = teema_segment_sentences (s);
  if ((guint) last > sentences->len) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
      g_dngettext (GETTEXT_PACKAGE, "segment %lld has %u sentence, not %ld",
                   "segment %lld has %u sentences, not %ld", sentences->len),
      (long long) segment, sentences->len, last);
    return FALSE;
  }
  *from = g_array_index (sentences, TeemaSpan, first - 1).start;
  *to = g_array_index (sentences, TeemaSpan, last - 1).end;
  return TRUE;
}

typedef struct {
  gint64 segment;
  const char *theme, *coder, *sentences;
  gint from, to; /* -1: not given */
} Change;

static int
coding_write (Change *c, CliGlobals *g, gboolean add, GError **error)
{
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  const TeemaTheme *t = cb ? teema_codebook_find (cb, c->theme, error) : NULL;
  if (!t)
    return 1;
  c->theme = t->code; /* a label names it; messages show its id */
  gboolean part = c->from >= 0 || c->to >= 0 || c->sentences;
  guint from = (guint) MAX (c->from, 0), to = (guint) c->to;
  if (c->sentences
      && !sentence_span (p, c->segment, c->sentences, &from, &to, error))
    return error && *error && (*error)->domain == CLI_USAGE ? 2 : 1;
  if (part && c->to < 0 && !c->sentences) {
    g_autoptr (TeemaSegment) s = teema_segment_get (p, c->segment, error);
    if (!s)
      return 1;
    to = s->end - s->start;
  }
  gboolean changed = FALSE, ok;
  if (add)
    ok = part ? teema_coding_add_range (p, c->segment, c->theme, c->coder, from,
                                        to, &changed, error)
              : teema_coding_add (p, c->segment, c->theme, c->coder, &changed,
                                  error);
  else
    ok = part ? teema_coding_remove_range (p, c->segment, c->theme, c->coder,
                                           from, to, &changed, error)
              : teema_coding_remove (p, c->segment, c->theme, c->coder,
                                     &changed, error);
  if (!ok)
    return 1;
  if (!g->quiet) {
    const char *what = !changed ? _ ("unchanged")
                       : add    ? _ ("added")
                                : _ ("removed");
    g_autofree char *span =
      part ? g_strdup_printf (_ (" characters %u-%u"), from, to)
           : g_strdup ("");
    /* TRANSLATORS: "added: segment 12 characters 0-40 + trust by anna". */
    printf (_ ("%s: segment %lld%s %s %s by %s\n"), what,
            (long long) c->segment, span, add ? "+" : "-", c->theme, c->coder);
  }
  return 0;
}

static int
coding_change (int argc, char **argv, CliGlobals *g, GError **error,
               gboolean add)
{
  Change c = { 0, NULL, NULL, NULL, -1, -1 };
  GOptionEntry entries[] = {
    { "segment", 's', 0, G_OPTION_ARG_INT64, &c.segment, N_ ("segment id"),
      N_ ("ID") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &c.theme, N_ ("theme id or label"),
      N_ ("THEME") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &c.coder,
      N_ ("coder name (default: $TEEMA_CODER or your user name)"),
      N_ ("NAME") },
    { "from", 0, 0, G_OPTION_ARG_INT, &c.from,
      N_ ("code from this character of the segment's text (from 0)"), "N" },
    { "to", 0, 0, G_OPTION_ARG_INT, &c.to,
      N_ ("code up to (not including) this character"), "N" },
    { "sentences", 0, 0, G_OPTION_ARG_STRING, &c.sentences,
      N_ ("code only these sentences of the segment (from 1)"), "N[-M]" },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  add ? N_ ("Codes a segment, or part of it, with a theme.")
                      : N_ ("Removes a coding (with --from/--to or "
                            "--sentences: only that part's)."),
                  error))
    return 2;
  if (c.segment <= 0 || !c.theme)
    return cli_usage (error, _ ("needs --segment ID and --theme THEME"));
  if (c.sentences && (c.from >= 0 || c.to >= 0))
    return cli_usage (error, _ ("give --sentences or --from/--to, not both"));
  if (c.from < -1 || c.to < -1)
    return cli_usage (error, _ ("--from and --to count characters from 0"));
  if (!c.coder)
    c.coder = cli_default_coder ();
  return coding_write (&c, g, add, error);
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
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, N_ ("only this coder"),
      N_ ("NAME") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, N_ ("only this theme"),
      N_ ("THEME") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant"), N_ ("ID") },
    { "segment", 's', 0, G_OPTION_ARG_INT64, &segment, N_ ("only this segment"),
      N_ ("ID") },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", N_ ("Lists codings."), error)
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
  const char *cols[] = {
    NC_ ("heading", "segment"), NC_ ("heading", "informant"),
    NC_ ("heading", "theme"),   NC_ ("heading", "coder"),
    NC_ ("heading", "start"),   NC_ ("heading", "end"),
    NC_ ("heading", "created"), NC_ ("heading", "note"),
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (
      t, cols[i], CLI_HEADING (cols[i]),
      i == 0 || i == 4 || i == 5 ? TEEMA_COLUMN_INT : TEEMA_COLUMN_TEXT);
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
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

int
cmd_coding (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "add", coding_add,
      N_ ("code a segment: --segment N --theme T [--sentences 2-3]") },
    { "remove", coding_remove, N_ ("remove a coding") },
    { "list", coding_list, N_ ("list codings") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "coding", argc, argv, g, error);
}
