/* reports/quotes.c — quotes for a thesis draft.
 *
 * Collects the informant segments coded with a theme (optionally with its
 * sub-themes), one per segment however many coders coded it, by informant
 * (natural order: A2 before A10) and then in document order, and renders them
 * in the thesis convention: the quote as an indented paragraph followed by
 * "(H3)". */
#include "reports/reports-private.h"

#include <string.h>

/* One line of text: newlines inside a turn become spaces. */
static char *
flatten (const char *text)
{
  g_autoptr (GRegex) re = g_regex_new ("\\s*\\n\\s*", 0, 0, NULL);
  return g_regex_replace_literal (re, text, -1, 0, " ", 0, NULL);
}

static void
add_quote (TeemaTable *table, const char *theme, const TeemaSegment *s)
{
  g_autofree char *text = flatten (s->text);
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

TeemaTable *
teema_quotes_collect (TeemaProject *project, const TeemaQuoteOptions *options,
                      GError **error)
{
  TeemaQuoteOptions defaults = { 0 };
  const TeemaQuoteOptions *opt = options ? options : &defaults;
  TeemaCodingSetOptions so = { opt->coder, opt->children, opt->informant,
                               opt->group, opt->where,    opt->theme };
  g_autoptr (TeemaCodingSet) set = teema_coding_set__new (project, &so, error);
  if (!set)
    return NULL;
  const TeemaCodebook *cb = teema_coding_set__codebook (set);
  guint ti = 0;
  if (!find_theme (cb, opt->theme, &ti, error))
    return NULL;
  const TeemaTheme *theme = teema_codebook_theme (cb, ti);
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
  for (guint i = 0; i < n; i++) {
    g_autoptr (TeemaSegment) s =
      teema_segment_get (project, rows[i].segment, error);
    if (!s) {
      teema_table_free (table);
      return NULL;
    }
    add_quote (table, theme->code, s);
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
