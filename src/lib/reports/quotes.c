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
 * coding set's, so a rule coding a coder rejected is never quoted.
 *
 * The coding set gives the theme's segments and coded spans without their
 * text; each quote's segments are read as it is written, so Markdown
 * output streams: memory holds one theme's segment ids and spans and one
 * quote, never the texts of a theme or a project. */
#include "reports/reports-private.h"

#include <stdarg.h>
#include <string.h>

/* One line of text: newlines inside a turn become spaces; trimmed. */
static char *
flatten (const char *text, gssize len)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re,
                       g_regex_new ("\\s*\\n\\s*", G_REGEX_OPTIMIZE, 0, NULL));
  g_autofree char *copy = g_strndup (text, len);
  char *flat = g_regex_replace_literal (re, copy, -1, 0, " ", 0, NULL);
  return g_strstrip (flat);
}

/* What every quote of a run needs besides its rows: the set, read once
 * and re-read per theme with the same informants. */
typedef struct {
  TeemaProject *project;
  const TeemaQuoteOptions *opt;
  TeemaCodingSet *set;
  guint theme; /* the codebook index of the theme read */
} Quoter;

/* Reads the rows of theme `code` (with sub-themes when children). */
static gboolean
quoter_read (Quoter *q, const char *code, gboolean children, GError **error)
{
  const TeemaQuoteOptions *opt = q->opt;
  TeemaCodingSetOptions so = { .coder = opt->coder,
                               .roll_up = children,
                               .informant = opt->informant,
                               .group = opt->group,
                               .where = opt->where,
                               .theme = code,
                               .spans = TRUE };
  if (q->set && !teema_coding_set__reread (q->set, q->project, &so, error))
    return FALSE;
  if (!q->set && !(q->set = teema_coding_set__new (q->project, &so, error)))
    return FALSE;
  const TeemaCodebook *cb = teema_coding_set__codebook (q->set);
  const TeemaTheme *theme = teema_codebook_find (cb, code, error);
  if (!theme)
    return FALSE;
  q->theme = (guint) teema_codebook_index (cb, theme->code);
  return TRUE;
}

/* TRUE when row b is the segment right after row a's in its document. */
static gboolean
follows (const TeemaCoded *a, const TeemaCoded *b)
{
  return b->document == a->document && b->ordinal == a->ordinal + 1;
}

guint
teema_quotes__count (const TeemaCoded *rows, guint n)
{
  guint k = 0;
  for (guint i = 0; i < n; i++)
    k += i == 0 || !follows (&rows[i - 1], &rows[i]);
  return k;
}

/* A quote being built from the coded parts of consecutive segments. */
typedef struct {
  GString *text;
  gboolean open_end;   /* the last part stopped before its segment's end */
  TeemaSegment *first; /* the quote's first segment */
} Quote;

static void
quote_clear (Quote *q)
{
  if (q->text)
    g_string_free (q->text, TRUE);
  g_clear_pointer (&q->first, teema_segment_free);
  q->text = NULL;
}

/* The parts of seg to quote, as code point ranges of its text: its coded
 * spans (document offsets), each widened by context sentences before and
 * after, joined where they meet. */
static GArray *
quoted_parts (const TeemaSegment *seg, const GArray *spans, guint context)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
  for (guint i = 0; spans && i < spans->len; i++) {
    const TeemaSpan *sp = &g_array_index (spans, TeemaSpan, i);
    TeemaSpan p = { sp->start - MIN (sp->start, seg->start),
                    MIN (sp->end, seg->end) - MIN (sp->end, seg->start) };
    if (p.start < p.end)
      g_array_append_val (parts, p);
  }
  if (!context || !parts->len)
    return parts;
  g_autoptr (GArray) sentences = teema_segment_sentences (seg);
  const TeemaSpan *s = (const TeemaSpan *) sentences->data;
  guint n = sentences->len, out = 0;
  for (guint i = 0; i < parts->len; i++) {
    TeemaSpan p = g_array_index (parts, TeemaSpan, i);
    guint first = 0, last = 0;
    while (first + 1 < n && s[first].end <= p.start)
      first++;
    for (last = first; last + 1 < n && s[last + 1].start < p.end;)
      last++;
    first = first > context ? first - context : 0;
    last = MIN (last + context, n ? n - 1 : 0);
    if (n) {
      p.start = MIN (p.start, s[first].start);
      p.end = MAX (p.end, s[last].end);
    }
    TeemaSpan *prev = out ? &g_array_index (parts, TeemaSpan, out - 1) : NULL;
    if (prev && p.start <= prev->end)
      prev->end = MAX (prev->end, p.end);
    else
      g_array_index (parts, TeemaSpan, out++) = p;
  }
  g_array_set_size (parts, out);
  return parts;
}

/* Appends the parts of seg to quote (see quoted_parts). */
static void
quote_add (Quote *q, const TeemaSegment *seg, const GArray *spans,
           guint context)
{
  g_autoptr (GArray) parts = quoted_parts (seg, spans, context);
  guint length = seg->end - MIN (seg->end, seg->start);
  for (guint i = 0; i < parts->len; i++) {
    const TeemaSpan *p = &g_array_index (parts, TeemaSpan, i);
    const char *s = g_utf8_offset_to_pointer (seg->text, p->start);
    const char *e = g_utf8_offset_to_pointer (s, p->end - p->start);
    g_autofree char *part = flatten (s, e - s);
    if (!*part)
      continue;
    gboolean cut_before = p->start > 0;
    if (q->text->len)
      g_string_append (q->text, q->open_end || cut_before ? " -- " : " ");
    else if (cut_before)
      g_string_append (q->text, "-- ");
    g_string_append (q->text, part);
    q->open_end = p->end < length;
  }
}

/* Reads the quote that starts at rows[*i] (theme t's in set), taking the
 * rows of the segments that follow it in its document; *i moves past
 * them. */
static gboolean
quote_read (TeemaProject *project, const TeemaCodingSet *set, guint t,
            const TeemaCoded *rows, guint n, guint context, guint *i, Quote *q,
            GError **error)
{
  q->text = g_string_new (NULL);
  q->open_end = FALSE;
  guint k = *i;
  for (; k < n; k++) {
    if (k > *i && !follows (&rows[k - 1], &rows[k]))
      break;
    TeemaSegment *s =
      teema_store__get_segment (project->store, rows[k].segment, error);
    if (!s) {
      quote_clear (q);
      return FALSE;
    }
    quote_add (q, s, teema_coding_set__spans (set, s->id, t), context);
    if (!q->first)
      q->first = s;
    else
      teema_segment_free (s);
  }
  if (q->open_end)
    g_string_append (q->text, " --");
  *i = k;
  return TRUE;
}

gboolean
teema_quotes__foreach (TeemaProject *project, const TeemaCodingSet *set,
                       guint t, const TeemaCoded *rows, guint n, guint context,
                       TeemaQuoteFunc fn, gpointer data, GError **error)
{
  for (guint i = 0; i < n;) {
    Quote q = { 0 };
    if (!quote_read (project, set, t, rows, n, context, &i, &q, error))
      return FALSE;
    TeemaQuote quote = { q.first, q.text->str };
    gboolean ok = fn (&quote, data, error);
    quote_clear (&q);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static void
add_quote (TeemaTable *table, const char *theme, const Quote *q)
{
  const TeemaSegment *s = q->first;
  g_autofree char *citation = g_strdup_printf ("(%s)", s->informant);
  teema_table_add_row (table);
  teema_table_add_text (table, theme);
  teema_table_add_text (table, s->informant);
  teema_table_add_text (table, s->group);
  teema_table_add_int (table, s->id);
  teema_table_add_text (table, s->document);
  teema_table_add_int (table, s->ordinal);
  teema_table_add_text (table, q->text->str);
  teema_table_add_text (table, citation);
}

/* The theme as named (an id or a label), so that the set reads only its
 * rows. */
static char *
theme_code (TeemaProject *project, const char *name, GError **error)
{
  if (!name) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("which theme? (see 'teema codebook list')"));
    return NULL;
  }
  return teema_project__theme_code (project, name, error);
}

TeemaTable *
teema_quotes_collect (TeemaProject *project, const TeemaQuoteOptions *options,
                      GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  g_autofree char *code = theme_code (project, opt->theme, error);
  Quoter qr = { project, opt, NULL, 0 };
  if (!code || !quoter_read (&qr, code, opt->children, error)) {
    teema_coding_set__free (qr.set);
    return NULL;
  }
  const TeemaTheme *theme =
    teema_codebook_theme (teema_coding_set__codebook (qr.set), qr.theme);
  TeemaTable *table =
    teema_table_new (teema_theme_label (theme, opt->lang ? opt->lang : "fi"));
  const char *cols[] = {
    NC_ ("heading", "theme"),    NC_ ("heading", "informant"),
    NC_ ("heading", "group"),    NC_ ("heading", "segment"),
    NC_ ("heading", "document"), NC_ ("heading", "position"),
    NC_ ("heading", "text"),     NC_ ("heading", "citation")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (table, cols[i], TEEMA_HEADING (cols[i]),
                                    i == 3 || i == 5 ? TEEMA_COLUMN_INT
                                                     : TEEMA_COLUMN_TEXT);
  guint n = 0;
  g_autofree TeemaCoded *rows =
    teema_coding_set__rows_by_informant (qr.set, qr.theme, &n);
  for (guint i = 0; i < n;) {
    Quote q = { 0 };
    if (!quote_read (project, qr.set, qr.theme, rows, n, 0, &i, &q, error)) {
      g_clear_pointer (&table, teema_table_free);
      break;
    }
    add_quote (table, theme->code, &q);
    quote_clear (&q);
  }
  teema_coding_set__free (qr.set);
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
    g_string_append_printf (out, "_%s_\n", _ ("No coded segments."));
  return g_string_free (out, FALSE);
}

/* ---- streaming Markdown ------------------------------------------------ */

static gboolean put (TeemaOutputFunc write, gpointer data, GError **error,
                     const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static gboolean
put (TeemaOutputFunc write, gpointer data, GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *s = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  return write (s, strlen (s), data, error);
}

/* The theme read last, as teema_quotes_markdown renders its table; with
 * skip_empty a theme without quotes writes nothing. */
static gboolean
write_section (Quoter *qr, gboolean skip_empty, TeemaOutputFunc write,
               gpointer data, GError **error)
{
  const TeemaTheme *theme =
    teema_codebook_theme (teema_coding_set__codebook (qr->set), qr->theme);
  const char *lang = qr->opt->lang ? qr->opt->lang : "fi";
  guint n = 0;
  g_autofree TeemaCoded *rows =
    teema_coding_set__rows_by_informant (qr->set, qr->theme, &n);
  if (n == 0 && skip_empty)
    return TRUE;
  if (!put (write, data, error, "## %s (%u)\n\n",
            teema_theme_label (theme, lang), teema_quotes__count (rows, n)))
    return FALSE;
  for (guint i = 0; i < n;) {
    Quote q = { 0 };
    if (!quote_read (qr->project, qr->set, qr->theme, rows, n, 0, &i, &q,
                     error))
      return FALSE;
    gboolean ok = put (write, data, error, "> %s\n\n(%s)\n\n", q.text->str,
                       q.first->informant);
    quote_clear (&q);
    if (!ok)
      return FALSE;
  }
  return n || put (write, data, error, "_%s_\n", _ ("No coded segments."));
}

static gboolean
write_all (Quoter *qr, TeemaOutputFunc write, gpointer data, GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (qr->project, error);
  if (!cb)
    return FALSE;
  const char *name = teema_codebook_name (cb);
  if (!put (write, data, error, "# %s\n\n", name ? name : _ ("Quotes")))
    return FALSE;
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    if (!quoter_read (qr, teema_codebook_theme (cb, i)->code, FALSE, error)
        || !write_section (qr, TRUE, write, data, error))
      return FALSE;
  return TRUE;
}

gboolean
teema_quotes_write_markdown (TeemaProject *project,
                             const TeemaQuoteOptions *options, gboolean all,
                             TeemaOutputFunc write, gpointer data,
                             GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  Quoter qr = { project, opt, NULL, 0 };
  gboolean ok;
  if (all)
    ok = write_all (&qr, write, data, error);
  else {
    g_autofree char *code = theme_code (project, opt->theme, error);
    ok = code && quoter_read (&qr, code, opt->children, error)
         && write_section (&qr, FALSE, write, data, error);
  }
  teema_coding_set__free (qr.set);
  return ok;
}

static gboolean
append (const char *s, gsize len, gpointer data, GError **error)
{
  g_string_append_len (data, s, (gssize) len);
  return TRUE;
}

char *
teema_quotes_markdown_all (TeemaProject *project,
                           const TeemaQuoteOptions *options, GError **error)
{
  GString *out = g_string_new (NULL);
  if (!teema_quotes_write_markdown (project, options, TRUE, append, out,
                                    error)) {
    g_string_free (out, TRUE);
    return NULL;
  }
  return g_string_free (out, FALSE);
}
