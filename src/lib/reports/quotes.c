/* reports/quotes.c — quotes for a thesis draft.
 *
 * Collects the informant segments coded with a theme (optionally with its
 * sub-themes), one per segment however many coders coded it, by informant
 * (natural order: A2 before A10) and then in document order, and renders
 * them in the thesis convention: the quote as an indented paragraph
 * followed by "(H3)". A quote is what was coded: when only part of a turn
 * was coded, "--" marks what was left out at either end or between parts,
 * and coded segments that follow each other in a document (the same
 * informant's sentences or paragraphs) are one quote. The codings are the
 * coding set's, so a rule coding a coder rejected is never quoted. */
#include "reports/reports-private.h"

#include <string.h>

/* One line of text: newlines inside a turn become spaces; trimmed. */
static char *
flatten (const char *text, gssize len)
{
  g_autofree char *copy = g_strndup (text, len);
  g_autoptr (GRegex) re = g_regex_new ("\\s*\\n\\s*", 0, 0, NULL);
  char *flat = g_regex_replace_literal (re, copy, -1, 0, " ", 0, NULL);
  return g_strstrip (flat);
}

/* A quote being built from the coded parts of consecutive segments. */
typedef struct {
  GString *text;
  gboolean open_end; /* the last part stopped before its segment's end */
} Quote;

/* Appends the coded parts of seg (spans in document offsets). */
static void
quote_add (Quote *q, const TeemaSegment *seg, const GArray *spans)
{
  for (guint i = 0; spans && i < spans->len; i++) {
    const TeemaSpan *sp = &g_array_index (spans, TeemaSpan, i);
    guint from = sp->start - MIN (sp->start, seg->start);
    guint to = MIN (sp->end, seg->end) - MIN (sp->end, seg->start);
    if (from >= to)
      continue;
    const char *s = g_utf8_offset_to_pointer (seg->text, from);
    const char *e = g_utf8_offset_to_pointer (s, to - from);
    g_autofree char *part = flatten (s, e - s);
    if (!*part)
      continue;
    gboolean cut_before = from > 0;
    if (q->text->len)
      g_string_append (q->text, q->open_end || cut_before ? " -- " : " ");
    else if (cut_before)
      g_string_append (q->text, "-- ");
    g_string_append (q->text, part);
    q->open_end = sp->end < seg->end;
  }
}

static void
add_quote (TeemaTable *table, const char *theme, const TeemaSegment *s,
           const char *text)
{
  g_autofree char *citation = g_strdup_printf ("(%s)", s->informant);
  teema_table_add_row (table);
  teema_table_add_text (table, theme);
  teema_table_add_text (table, s->informant);
  teema_table_add_text (table, s->group);
  teema_table_add_int (table, s->id);
  teema_table_add_text (table, s->document);
  teema_table_add_int (table, s->ordinal);
  teema_table_add_text (table, text);
  teema_table_add_text (table, citation);
}

/* Adds the quote that starts at rows[*i], taking the rows of the segments
 * that follow it in its document; *i moves past them. */
static gboolean
collect_one (TeemaProject *project, const TeemaCodingSet *set, guint ti,
             const char *theme, const TeemaCoded *rows, guint n, guint *i,
             TeemaTable *table, GError **error)
{
  g_autoptr (TeemaSegment) first = NULL;
  Quote q = { g_string_new (NULL), FALSE };
  guint k = *i;
  for (; k < n; k++) {
    if (k > *i
        && (rows[k].document != rows[k - 1].document
            || rows[k].ordinal != rows[k - 1].ordinal + 1))
      break;
    g_autoptr (TeemaSegment) s =
      teema_segment_get (project, rows[k].segment, error);
    if (!s) {
      g_string_free (q.text, TRUE);
      return FALSE;
    }
    quote_add (&q, s, teema_coding_set__spans (set, s->id, ti));
    if (!first)
      first = g_steal_pointer (&s);
  }
  if (q.open_end)
    g_string_append (q.text, " --");
  add_quote (table, theme, first, q.text->str);
  g_string_free (q.text, TRUE);
  *i = k;
  return TRUE;
}

TeemaTable *
teema_quotes_collect (TeemaProject *project, const TeemaQuoteOptions *options,
                      GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  /* The theme as named (id or label), so that the set reads only its
   * rows. */
  g_autofree char *code =
    opt->theme ? teema_project__theme_code (project, opt->theme, error) : NULL;
  if (opt->theme && !code)
    return NULL;
  TeemaCodingSetOptions so = { .coder = opt->coder,
                               .roll_up = opt->children,
                               .informant = opt->informant,
                               .group = opt->group,
                               .where = opt->where,
                               .theme = code,
                               .spans = TRUE };
  g_autoptr (TeemaCodingSet) set = teema_coding_set__new (project, &so, error);
  if (!set)
    return NULL;
  const TeemaCodebook *cb = teema_coding_set__codebook (set);
  const TeemaTheme *theme = teema_codebook_find (cb, code, error);
  if (!theme)
    return NULL;
  guint ti = (guint) teema_codebook_index (cb, theme->code);
  TeemaTable *table =
    teema_table_new (teema_theme_label (theme, opt->lang ? opt->lang : "fi"));
  const char *cols[] = { "theme",    "informant", "group", "segment",
                         "document", "position",  "text",  "citation" };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column (
      table, cols[i], i == 3 || i == 5 ? TEEMA_COLUMN_INT : TEEMA_COLUMN_TEXT);
  guint n = 0;
  g_autofree TeemaCoded *rows =
    teema_coding_set__rows_by_informant (set, ti, &n);
  for (guint i = 0; i < n;)
    if (!collect_one (project, set, ti, theme->code, rows, n, &i, table,
                      error)) {
      teema_table_free (table);
      return NULL;
    }
  return table;
}

char *
teema_quotes_markdown (const TeemaTable *quotes, const char *heading)
{
  GString *out = g_string_new (NULL);
  guint n = teema_table_n_rows (quotes);
  if (heading)
    g_string_append_printf (out, "## %s\n\n", heading);
  else
    g_string_append_printf (out, "## %s (%u)\n\n", teema_table_title (quotes),
                            n);
  for (guint r = 0; r < n; r++)
    g_string_append_printf (out, "> %s\n\n(%s)\n\n",
                            teema_table_cell (quotes, r, 6),
                            teema_table_cell (quotes, r, 1));
  if (n == 0)
    g_string_append (out, "_No coded segments._\n");
  return g_string_free (out, FALSE);
}

char *
teema_quotes_markdown_all (TeemaProject *project,
                           const TeemaQuoteOptions *options, GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "# %s\n\n",
                          teema_codebook_name (cb) ? teema_codebook_name (cb)
                                                   : "Quotes");
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    TeemaQuoteOptions one = *opt;
    one.theme = teema_codebook_theme (cb, i)->code;
    one.children = FALSE;
    g_autoptr (TeemaTable) t = teema_quotes_collect (project, &one, error);
    if (!t) {
      g_string_free (out, TRUE);
      return NULL;
    }
    if (teema_table_n_rows (t) == 0)
      continue;
    g_autofree char *md = teema_quotes_markdown (t, NULL);
    g_string_append (out, md);
  }
  return g_string_free (out, FALSE);
}
