/* saturation.c — the saturation curve: new themes per successive interview.
 *
 * Interviews are documents with informant segments, in import order or by
 * the informant's "date" attribute (ISO 8601 strings sort as dates; undated
 * interviews go last, keeping import order). A theme is new in the first
 * interview where one of its informant segments is coded with it; themes
 * count as coded, without roll-up to parents. Must always hold: the last
 * row's cumulative count equals the number of distinct themes coded, and
 * cumulative = previous cumulative + new on every row. */
#include <teema/teema.h>


#include <string.h>

typedef struct {
  gint64 document_id;
  char *document;   /* borrowed from the segments array */
  char *informant;  /* borrowed */
  const char *date; /* borrowed from the informants array, or NULL */
  guint import_pos;
  GPtrArray *themes; /* char * theme codes coded here, owned */
} Interview;

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
                 "unknown interview order '%s': use import or date", name);
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
  g_ptr_array_unref (iv->themes);
  g_free (iv);
}

static Interview *
interview_of (GPtrArray *interviews, GHashTable *by_doc, TeemaSegment *s,
              GPtrArray *informants)
{
  Interview *iv = g_hash_table_lookup (by_doc, &s->document_id);
  if (iv)
    return iv;
  iv = g_new0 (Interview, 1);
  iv->document_id = s->document_id;
  iv->document = s->document;
  iv->informant = s->informant;
  iv->date = informant_date (informants, s->informant);
  iv->import_pos = interviews->len;
  iv->themes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (interviews, iv);
  g_hash_table_insert (by_doc, &iv->document_id, iv);
  return iv;
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

static gboolean
has_theme (GPtrArray *themes, const char *code)
{
  for (guint i = 0; i < themes->len; i++)
    if (g_str_equal (themes->pdata[i], code))
      return TRUE;
  return FALSE;
}

/* Attaches each coding's theme to its segment's interview. */
static void
collect (GPtrArray *interviews, GHashTable *by_doc, GPtrArray *segs,
         GPtrArray *codings, GPtrArray *informants)
{
  g_autoptr (GHashTable) seg_by_id =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < segs->len; i++) {
    TeemaSegment *s = segs->pdata[i];
    g_hash_table_insert (seg_by_id, &s->id, s);
    interview_of (interviews, by_doc, s, informants);
  }
  for (guint i = 0; i < codings->len; i++) {
    TeemaCoding *c = codings->pdata[i];
    TeemaSegment *s = g_hash_table_lookup (seg_by_id, &c->segment_id);
    if (!s)
      continue; /* an interviewer turn */
    Interview *iv = g_hash_table_lookup (by_doc, &s->document_id);
    if (!has_theme (iv->themes, c->theme))
      g_ptr_array_add (iv->themes, g_strdup (c->theme));
  }
}

static void
add_columns (TeemaTable *t)
{
  teema_table_add_column (t, "interview", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "document", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "informant", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "date", TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, "themes", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "new", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "cumulative", TEEMA_COLUMN_INT);
  teema_table_add_column (t, "new_themes", TEEMA_COLUMN_TEXT);
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
    teema_table_add_text (t, iv->document);
    teema_table_add_text (t, iv->informant);
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
  TeemaSaturationOptions defaults = { NULL, TEEMA_ORDER_IMPORT };
  const TeemaSaturationOptions *opt = options ? options : &defaults;
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segs =
    teema_segment_list (project, &sf, error);
  if (!segs)
    return NULL;
  TeemaCodingFilter cf = { opt->coder, NULL, NULL, 0 };
  g_autoptr (GPtrArray) codings =
    teema_coding_list (project, &cf, error);
  if (!codings)
    return NULL;
  g_autoptr (GPtrArray) informants =
    teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autoptr (GPtrArray) interviews =
    g_ptr_array_new_with_free_func ((GDestroyNotify) interview_free);
  g_autoptr (GHashTable) by_doc =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  collect (interviews, by_doc, segs, codings, informants);
  if (opt->order == TEEMA_ORDER_DATE)
    g_ptr_array_sort (interviews, by_date);
  TeemaTable *t = teema_table_new ("Saturation");
  add_columns (t);
  add_rows (t, interviews);
  teema_table_add_note (t, "new: themes coded for the first time in this "
                           "interview; cumulative: distinct themes so far.");
  return t;
}
