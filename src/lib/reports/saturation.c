/* reports/saturation.c — the saturation curve: new themes per successive
 * interview.
 *
 * Interviews are documents with informant segments, in import order or by
 * the informant's "date" attribute (ISO 8601 strings sort as dates; undated
 * interviews go last, keeping import order). A theme is new in the first
 * interview where one of its informant segments is coded with it; themes
 * count as coded, without roll-up to parents. Must always hold: the last
 * row's cumulative count equals the number of distinct themes coded, and
 * cumulative = previous cumulative + new on every row. */
#include "reports/reports-private.h"

#include <string.h>

typedef struct {
  const TeemaDocument *doc; /* borrowed from the document list */
  const char *date;         /* borrowed from the informants, or NULL */
  guint import_pos;
  GArray *coded;     /* Pair: (position, theme index) of each coding here */
  GPtrArray *themes; /* const char * theme codes in order of first coding */
} Interview;

typedef struct {
  guint ordinal;
  guint theme;
} Pair;

gboolean
teema_interview_order_parse (const char *name, TeemaInterviewOrder *order,
                             GError **error)
{
  if (g_strcmp0 (name, "import") == 0)
    *order = TEEMA_ORDER_IMPORT;
  else if (g_strcmp0 (name, "date") == 0)
    *order = TEEMA_ORDER_DATE;
  else {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("unknown interview order '%s': use import or date"), name);
    return FALSE;
  }
  return TRUE;
}

static const char *
informant_date (GPtrArray *informants, const char *code)
{
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    if (g_strcmp0 (inf->code, code) != 0)
      continue;
    for (guint k = 0; k < inf->keys->len; k++)
      if (g_str_equal (inf->keys->pdata[k], "date"))
        return inf->values->pdata[k];
  }
  return NULL;
}

static void
interview_free (Interview *iv)
{
  g_array_unref (iv->coded);
  g_ptr_array_unref (iv->themes);
  g_free (iv);
}

static gint
by_date (gconstpointer a, gconstpointer b)
{
  const Interview *x = *(Interview *const *) a, *y = *(Interview *const *) b;
  if (!x->date != !y->date)
    return x->date ? -1 : 1;
  int c = x->date ? strcmp (x->date, y->date) : 0;
  return c ? c : (gint) x->import_pos - (gint) y->import_pos;
}

static int
by_position (gconstpointer a, gconstpointer b)
{
  const Pair *x = a, *y = b;
  if (x->ordinal != y->ordinal)
    return x->ordinal < y->ordinal ? -1 : 1;
  return x->theme < y->theme ? -1 : x->theme > y->theme;
}

/* The interviews: documents with informant segments, in import order. */
static void
interviews_of (GPtrArray *interviews, GHashTable *by_doc, GPtrArray *docs,
               TeemaCodingSet *set, gboolean chosen)
{
  GPtrArray *informants = teema_coding_set__informants (set);
  for (guint i = 0; i < docs->len; i++) {
    const TeemaDocument *d = docs->pdata[i];
    if (!d->n_segments
        || (chosen
            && teema_coding_set__informant_index (set, d->informant)
                 == TEEMA_NO_INFORMANT))
      continue;
    Interview *iv = g_new0 (Interview, 1);
    iv->doc = d;
    iv->date = informant_date (informants, d->informant);
    iv->import_pos = interviews->len;
    iv->coded = g_array_new (FALSE, FALSE, sizeof (Pair));
    iv->themes = g_ptr_array_new ();
    g_ptr_array_add (interviews, iv);
    g_hash_table_insert (by_doc, (gpointer) &d->id, iv);
  }
}

/* Each interview's themes, in the order the codings come in its text. */
static void
collect (GHashTable *by_doc, GPtrArray *interviews, TeemaCodingSet *set)
{
  const TeemaCodebook *cb = teema_coding_set__codebook (set);
  for (guint t = 0; t < teema_codebook_size (cb); t++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (set, t, &n);
    for (guint i = 0; i < n; i++) {
      Interview *iv = g_hash_table_lookup (by_doc, &rows[i].document);
      Pair pair = { rows[i].ordinal, t };
      if (iv)
        g_array_append_val (iv->coded, pair);
    }
  }
  for (guint i = 0; i < interviews->len; i++) {
    Interview *iv = interviews->pdata[i];
    g_array_sort (iv->coded, by_position);
    g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, NULL);
    for (guint k = 0; k < iv->coded->len; k++) {
      guint t = g_array_index (iv->coded, Pair, k).theme;
      if (g_hash_table_add (seen, GUINT_TO_POINTER (t + 1)))
        g_ptr_array_add (iv->themes, teema_codebook_theme (cb, t)->code);
    }
  }
}

static void
add_columns (TeemaTable *t)
{
  teema_table_add_column_heading (t, "interview", C_ ("heading", "interview"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "document", C_ ("heading", "document"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "informant", C_ ("heading", "informant"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "date", C_ ("heading", "date"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "themes", C_ ("heading", "themes"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "new", C_ ("heading", "new"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "cumulative", C_ ("heading", "cumulative"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "new_themes", C_ ("heading", "new_themes"),
                                  TEEMA_COLUMN_TEXT);
}

static void
add_rows (TeemaTable *t, GPtrArray *interviews)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < interviews->len; i++) {
    Interview *iv = interviews->pdata[i];
    g_autoptr (GString) fresh = g_string_new (NULL);
    guint n_new = 0;
    for (guint k = 0; k < iv->themes->len; k++) {
      char *code = iv->themes->pdata[k];
      if (g_hash_table_contains (seen, code))
        continue;
      g_hash_table_add (seen, code);
      g_string_append_printf (fresh, "%s%s", n_new ? " " : "", code);
      n_new++;
    }
    teema_table_add_row (t);
    teema_table_add_int (t, i + 1);
    teema_table_add_text (t, iv->doc->name);
    teema_table_add_text (t, iv->doc->informant);
    teema_table_add_text (t, iv->date ? iv->date : "");
    teema_table_add_int (t, iv->themes->len);
    teema_table_add_int (t, n_new);
    teema_table_add_int (t, g_hash_table_size (seen));
    teema_table_add_text (t, fresh->str);
  }
}

TeemaTable *
teema_report_saturation (TeemaProject *project,
                         const TeemaSaturationOptions *options, GError **error)
{
  TeemaSaturationOptions defaults = { NULL, TEEMA_ORDER_IMPORT, NULL };
  const TeemaSaturationOptions *opt = options ? options : &defaults;
  TeemaCodingSetOptions so = { .coder = opt->coder, .where = opt->where };
  g_autoptr (TeemaCodingSet) set = teema_coding_set__new (project, &so, error);
  if (!set)
    return NULL;
  g_autoptr (GPtrArray) docs = teema_document_list (project, error);
  if (!docs)
    return NULL;
  g_autoptr (GPtrArray) interviews =
    g_ptr_array_new_with_free_func ((GDestroyNotify) interview_free);
  g_autoptr (GHashTable) by_doc =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  interviews_of (interviews, by_doc, docs, set, opt->where && opt->where[0]);
  collect (by_doc, interviews, set);
  if (opt->order == TEEMA_ORDER_DATE)
    g_ptr_array_sort (interviews, by_date);
  TeemaTable *t = teema_table_new (_ ("Saturation"));
  add_columns (t);
  add_rows (t, interviews);
  teema_table_add_note (t,
                        _ ("new: themes coded for the first time in this "
                           "interview; cumulative: distinct themes so far."));
  return t;
}
