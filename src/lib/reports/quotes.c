/* reports/quotes.c — quotes for a thesis draft.
 *
 * Collects the informant segments coded with a theme (optionally with its
 * sub-themes), one per segment however many coders coded it, in document
 * order, and renders them in the thesis convention: the quote as an
 * indented paragraph followed by "(H3)". The coding set gives the theme's
 * segments without their text; each quote's text is read as it is
 * written, so Markdown output streams: memory holds one theme's segment
 * ids and one quote, never the texts of a theme or a project. */
#include "reports/reports-private.h"

#include <stdarg.h>
#include <string.h>

/* One line of text: newlines inside a turn become spaces. */
static char *
flatten (const char *text)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re,
                       g_regex_new ("\\s*\\n\\s*", G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_replace_literal (re, text, -1, 0, " ", 0, NULL);
}

/* The index of the theme named code, or an error naming the known ones. */
static gboolean
find_theme (const TeemaCodebook *cb, const char *code, guint *index,
            GError **error)
{
  const TeemaTheme *t = code ? teema_codebook_lookup (cb, code) : NULL;
  for (guint i = 0; t && i < teema_codebook_size (cb); i++)
    if (teema_codebook_theme (cb, i) == t) {
      *index = i;
      return TRUE;
    }
  if (!code)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "which theme? (see 'teema codebook list')");
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown theme '%s' (see 'teema codebook list')", code);
  return FALSE;
}

/* What every quote of a run needs besides its row: the set (re-read per
 * theme) and the document names. */
typedef struct {
  TeemaProject *project;
  const TeemaQuoteOptions *opt;
  TeemaCodingSet *set;
  GHashTable *doc_names; /* gint64 * document id -> name */
  GPtrArray *docs;       /* TeemaDocument *, owning the names */
} Quoter;

static void
quoter_clear (Quoter *q)
{
  g_clear_pointer (&q->set, teema_coding_set__free);
  g_clear_pointer (&q->doc_names, g_hash_table_destroy);
  g_clear_pointer (&q->docs, g_ptr_array_unref);
}

/* Reads theme's segments (code; with sub-themes when children). */
static gboolean
quoter_read (Quoter *q, const char *theme, gboolean children, GError **error)
{
  const TeemaQuoteOptions *opt = q->opt;
  TeemaCodingSetOptions so = { opt->coder, children, opt->informant,
                               opt->group, theme,    FALSE };
  if (q->set)
    return teema_coding_set__reread (q->set, q->project, &so, error);
  q->set = teema_coding_set__new (q->project, &so, error);
  if (!q->set)
    return FALSE;
  q->docs = teema_document_list (q->project, error);
  if (!q->docs)
    return FALSE;
  q->doc_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < q->docs->len; i++) {
    TeemaDocument *d = q->docs->pdata[i];
    g_hash_table_insert (q->doc_names, &d->id, d->name);
  }
  return TRUE;
}

/* The quote of one row: its informant, group and flattened text. */
typedef struct {
  const char *informant, *group, *document;
  char *text;
} Quote;

static gboolean
quote_read (Quoter *q, const TeemaCoded *row, Quote *out, GError **error)
{
  GPtrArray *informants = teema_coding_set__informants (q->set);
  const TeemaInformant *inf =
    row->informant < informants->len ? informants->pdata[row->informant] : NULL;
  g_autofree char *text =
    teema_store__segment_text (q->project->store, row->segment, error);
  if (!text)
    return FALSE;
  out->informant = inf ? inf->code : NULL;
  out->group = inf ? inf->group : NULL;
  out->document = g_hash_table_lookup (q->doc_names, &row->document);
  out->text = flatten (text);
  return TRUE;
}

static void
add_quote (TeemaTable *table, const char *theme, const TeemaCoded *row,
           const Quote *quote)
{
  g_autofree char *citation = g_strdup_printf ("(%s)", quote->informant);
  teema_table_add_row (table);
  teema_table_add_text (table, theme);
  teema_table_add_text (table, quote->informant);
  teema_table_add_text (table, quote->group);
  teema_table_add_int (table, row->segment);
  teema_table_add_text (table, quote->document);
  teema_table_add_int (table, row->ordinal);
  teema_table_add_text (table, quote->text);
  teema_table_add_text (table, citation);
}

TeemaTable *
teema_quotes_collect (TeemaProject *project, const TeemaQuoteOptions *options,
                      GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  Quoter q = { project, opt, NULL, NULL, NULL };
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  guint ti = 0;
  if (!cb || !find_theme (cb, opt->theme, &ti, error)
      || !quoter_read (&q, opt->theme, opt->children, error)) {
    quoter_clear (&q);
    return NULL;
  }
  const TeemaTheme *theme = teema_codebook_theme (cb, ti);
  TeemaTable *table =
    teema_table_new (teema_theme_label (theme, opt->lang ? opt->lang : "fi"));
  const char *cols[] = { "theme",    "informant", "group", "segment",
                         "document", "position",  "text",  "citation" };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column (
      table, cols[i], i == 3 || i == 5 ? TEEMA_COLUMN_INT : TEEMA_COLUMN_TEXT);
  guint n = 0;
  const TeemaCoded *rows = teema_coding_set__rows (q.set, ti, &n);
  for (guint i = 0; i < n; i++) {
    Quote quote = { 0 };
    if (!quote_read (&q, &rows[i], &quote, error)) {
      g_clear_pointer (&table, teema_table_free);
      break;
    }
    add_quote (table, theme->code, &rows[i], &quote);
    g_free (quote.text);
  }
  quoter_clear (&q);
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

/* One theme's section, as teema_quotes_markdown renders it; with skip_empty
 * a theme without quotes writes nothing. */
static gboolean
write_section (Quoter *q, guint ti, gboolean skip_empty, TeemaOutputFunc write,
               gpointer data, GError **error)
{
  const TeemaTheme *theme =
    teema_codebook_theme (teema_coding_set__codebook (q->set), ti);
  const char *lang = q->opt->lang ? q->opt->lang : "fi";
  guint n = 0;
  const TeemaCoded *rows = teema_coding_set__rows (q->set, ti, &n);
  if (n == 0 && skip_empty)
    return TRUE;
  if (!put (write, data, error, "## %s (%u)\n\n",
            teema_theme_label (theme, lang), n))
    return FALSE;
  for (guint i = 0; i < n; i++) {
    Quote quote = { 0 };
    if (!quote_read (q, &rows[i], &quote, error))
      return FALSE;
    gboolean ok =
      put (write, data, error, "> %s\n\n(%s)\n\n", quote.text, quote.informant);
    g_free (quote.text);
    if (!ok)
      return FALSE;
  }
  return n || put (write, data, error, "_No coded segments._\n");
}

static gboolean
write_all (Quoter *q, const TeemaCodebook *cb, TeemaOutputFunc write,
           gpointer data, GError **error)
{
  const char *name = teema_codebook_name (cb);
  if (!put (write, data, error, "# %s\n\n", name ? name : "Quotes"))
    return FALSE;
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    if (!quoter_read (q, teema_codebook_theme (cb, i)->code, FALSE, error)
        || !write_section (q, i, TRUE, write, data, error))
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
  Quoter q = { project, opt, NULL, NULL, NULL };
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  guint ti = 0;
  gboolean ok =
    cb
    && (all ? write_all (&q, cb, write, data, error)
            : find_theme (cb, opt->theme, &ti, error)
                && quoter_read (&q, opt->theme, opt->children, error)
                && write_section (&q, ti, FALSE, write, data, error));
  quoter_clear (&q);
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
