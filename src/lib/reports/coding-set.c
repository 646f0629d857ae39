/* reports/coding-set.c — which informant segments carry which theme.
 *
 * The store answers with distinct (theme, segment) pairs, rolled up to
 * parents in SQL when asked; here they are mapped to codebook and
 * informant indices, sorted by theme and document order, and indexed for
 * membership. Rule codings that a coder rejected are not in the set
 * unless asked for. With spans, the store gives a row per coding; rows
 * repeat no (segment, theme) pair here, and the spans are kept apart.
 * Must always hold: a segment appears at most once per theme, and rows of
 * one theme are in document order. */
#include "reports/reports-private.h"

#include <stdlib.h>
#include <string.h>

struct TeemaCodingSet {
  TeemaCodebook *codebook;
  GPtrArray *informants;   /* TeemaInformant * */
  GHashTable *inf_index;   /* informant code -> index + 1 */
  GHashTable *theme_index; /* theme code (folded) -> index + 1 */
  GArray *rows;            /* TeemaCoded, by theme then document order */
  guint *first;            /* per theme: its first row; first[n] = rows */
  GHashTable *keys;        /* TeemaCodingKey (segment, theme index) */
  gboolean *leaf;          /* per theme */
  GHashTable *spans;       /* TeemaCodingKey * -> GArray of TeemaSpan */
  gboolean chosen;         /* informants were chosen by attribute: rows of
                              the others are left out */
};

static guint
key_hash (gconstpointer p)
{
  const TeemaCodingKey *k = p;
  return g_int64_hash (&k->segment) * 31 + g_int64_hash (&k->theme);
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const TeemaCodingKey *x = a, *y = b;
  return x->segment == y->segment && x->theme == y->theme;
}

/* Records a coding's span; TRUE when the pair is new. */
static gboolean
add_span (TeemaCodingSet *set, gint64 segment, guint t, guint start, guint end)
{
  TeemaCodingKey k = { segment, t };
  GArray *spans = g_hash_table_lookup (set->spans, &k);
  gboolean first = spans == NULL;
  if (first) {
    spans = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
    g_hash_table_insert (set->spans, g_memdup2 (&k, sizeof k), spans);
  }
  TeemaSpan s = { start, end };
  g_array_append_val (spans, s);
  return first;
}

static void
add_row (const TeemaStoreCoded *r, gpointer data)
{
  TeemaCodingSet *set = data;
  g_autofree char *folded = g_utf8_casefold (r->theme, -1);
  guint t = GPOINTER_TO_UINT (g_hash_table_lookup (set->theme_index, folded));
  if (!t)
    return;
  guint inf =
    r->informant
      ? GPOINTER_TO_UINT (g_hash_table_lookup (set->inf_index, r->informant))
      : 0;
  if (!inf && set->chosen)
    return;
  if (set->spans && !add_span (set, r->segment, t - 1, r->start, r->end))
    return;
  TeemaCoded row = { r->segment,
                     r->document,
                     r->ordinal,
                     t - 1,
                     inf ? inf - 1 : TEEMA_NO_INFORMANT,
                     r->n_words };
  g_array_append_val (set->rows, row);
}

static int
by_theme_then_position (const void *a, const void *b)
{
  const TeemaCoded *x = a, *y = b;
  if (x->theme != y->theme)
    return x->theme < y->theme ? -1 : 1;
  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

static void
index_codebook (TeemaCodingSet *set)
{
  guint n = teema_codebook_size (set->codebook);
  set->theme_index =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->leaf = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++) {
    const TeemaTheme *t = teema_codebook_theme (set->codebook, i);
    g_hash_table_insert (set->theme_index, g_utf8_casefold (t->code, -1),
                         GUINT_TO_POINTER (i + 1));
    set->leaf[i] = TRUE;
  }
  for (guint i = 0; i < n; i++) {
    const TeemaTheme *t = teema_codebook_theme (set->codebook, i);
    const TeemaTheme *p =
      t->parent ? teema_codebook_lookup (set->codebook, t->parent) : NULL;
    for (guint j = 0; p && j < n; j++)
      if (teema_codebook_theme (set->codebook, j) == p)
        set->leaf[j] = FALSE;
  }
}

static int
by_start (const void *a, const void *b)
{
  const TeemaSpan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Sorts each pair's spans and joins those that overlap or touch. */
static void
join_spans (TeemaCodingSet *set)
{
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, set->spans);
  while (g_hash_table_iter_next (&it, NULL, &value)) {
    GArray *spans = value;
    g_array_sort (spans, by_start);
    guint out = 0;
    for (guint i = 0; i < spans->len; i++) {
      TeemaSpan s = g_array_index (spans, TeemaSpan, i);
      TeemaSpan *last = out ? &g_array_index (spans, TeemaSpan, out - 1) : NULL;
      if (last && s.start <= last->end)
        last->end = MAX (last->end, s.end);
      else
        g_array_index (spans, TeemaSpan, out++) = s;
    }
    g_array_set_size (spans, out);
  }
}

static void
index_rows (TeemaCodingSet *set)
{
  guint n = teema_codebook_size (set->codebook);
  if (set->rows->len > 1)
    qsort (set->rows->data, set->rows->len, sizeof (TeemaCoded),
           by_theme_then_position);
  set->first = g_new0 (guint, n + 1);
  set->keys = teema_coding_keys__new ();
  guint r = 0;
  for (guint t = 0; t <= n; t++) {
    set->first[t] = r;
    for (; t < n && r < set->rows->len
           && g_array_index (set->rows, TeemaCoded, r).theme == t;
         r++)
      teema_coding_keys__add (
        set->keys, g_array_index (set->rows, TeemaCoded, r).segment, t);
  }
}

/* Keeps the informants that meet where; TRUE when some were left out. */
static gboolean
choose (GPtrArray *informants, const TeemaWhere *where)
{
  guint before = informants->len;
  for (guint i = informants->len; i-- > 0;)
    if (!teema_where__matches (where, informants->pdata[i]))
      g_ptr_array_remove_index (informants, i);
  return informants->len < before;
}

/* The informant and group filters spelt as the project has them (they
 * are matched ignoring case); an unknown one is an error naming those
 * there are, not an empty answer. */
static gboolean
resolve_filters (GPtrArray *informants, const TeemaCodingSetOptions *opt,
                 char **informant, char **group, GError **error)
{
  if (opt->informant) {
    const TeemaInformant *inf =
      teema_informant__find (informants, opt->informant, error);
    if (!inf)
      return FALSE;
    *informant = g_strdup (inf->code);
  }
  if (opt->group) {
    const char *g = teema_informant__find_group (informants, opt->group, error);
    if (!g)
      return FALSE;
    *group = g_strdup (g);
  }
  return TRUE;
}

TeemaCodingSet *
teema_coding_set__new (TeemaProject *project,
                       const TeemaCodingSetOptions *options, GError **error)
{
  TeemaCodingSetOptions defaults = { 0 };
  const TeemaCodingSetOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  g_autoptr (GPtrArray) informants = teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autofree char *informant = NULL, *group = NULL;
  g_autoptr (TeemaWhere) where =
    teema_where__new (opt->where, informants, error);
  if (!where || !resolve_filters (informants, opt, &informant, &group, error))
    return NULL;
  TeemaCodingSet *set = g_new0 (TeemaCodingSet, 1);
  set->chosen = choose (informants, where);
  set->codebook = g_steal_pointer (&cb);
  set->informants = g_steal_pointer (&informants);
  set->inf_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < set->informants->len; i++)
    g_hash_table_insert (set->inf_index,
                         ((TeemaInformant *) set->informants->pdata[i])->code,
                         GUINT_TO_POINTER (i + 1));
  index_codebook (set);
  set->rows = g_array_new (FALSE, FALSE, sizeof (TeemaCoded));
  if (opt->spans)
    set->spans = g_hash_table_new_full (key_hash, key_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  TeemaStoreCodedQuery q = { opt->coder, opt->roll_up,       informant,
                             group,      opt->with_rejected, opt->humans_only,
                             opt->spans, opt->theme };
  if (!teema_store__foreach_coded (project->store, &q, add_row, set, error)) {
    teema_coding_set__free (set);
    return NULL;
  }
  index_rows (set);
  if (set->spans)
    join_spans (set);
  return set;
}

void
teema_coding_set__free (TeemaCodingSet *set)
{
  if (!set)
    return;
  teema_codebook_free (set->codebook);
  g_ptr_array_unref (set->informants);
  g_hash_table_destroy (set->inf_index);
  g_hash_table_destroy (set->theme_index);
  g_array_unref (set->rows);
  g_free (set->first);
  if (set->keys)
    g_hash_table_destroy (set->keys);
  g_free (set->leaf);
  if (set->spans)
    g_hash_table_destroy (set->spans);
  g_free (set);
}

const TeemaCodebook *
teema_coding_set__codebook (const TeemaCodingSet *set)
{
  return set->codebook;
}

GPtrArray *
teema_coding_set__informants (const TeemaCodingSet *set)
{
  return set->informants;
}

guint
teema_coding_set__informant_index (const TeemaCodingSet *set, const char *code)
{
  guint i =
    code ? GPOINTER_TO_UINT (g_hash_table_lookup (set->inf_index, code)) : 0;
  return i ? i - 1 : TEEMA_NO_INFORMANT;
}

const TeemaCoded *
teema_coding_set__rows (const TeemaCodingSet *set, guint t, guint *n_rows)
{
  guint n = teema_codebook_size (set->codebook);
  if (t >= n) {
    *n_rows = 0;
    return NULL;
  }
  *n_rows = set->first[t + 1] - set->first[t];
  return &g_array_index (set->rows, TeemaCoded, set->first[t]);
}

static int
by_informant_then_position (const void *a, const void *b)
{
  const TeemaCoded *x = a, *y = b;
  if (x->informant != y->informant)
    return x->informant < y->informant ? -1 : 1;
  return by_theme_then_position (a, b);
}

TeemaCoded *
teema_coding_set__rows_by_informant (const TeemaCodingSet *set, guint t,
                                     guint *n_rows)
{
  const TeemaCoded *rows = teema_coding_set__rows (set, t, n_rows);
  TeemaCoded *sorted = g_new (TeemaCoded, *n_rows + 1);
  if (*n_rows)
    memcpy (sorted, rows, *n_rows * sizeof *rows);
  qsort (sorted, *n_rows, sizeof *sorted, by_informant_then_position);
  return sorted;
}

gboolean
teema_coding_set__has (const TeemaCodingSet *set, gint64 segment, guint t)
{
  return teema_coding_keys__has (set->keys, segment, t);
}

const GArray *
teema_coding_set__spans (const TeemaCodingSet *set, gint64 segment, guint t)
{
  TeemaCodingKey k = { segment, t };
  return set->spans ? g_hash_table_lookup (set->spans, &k) : NULL;
}

gboolean
teema_coding_set__is_leaf (const TeemaCodingSet *set, guint t)
{
  return t < teema_codebook_size (set->codebook) && set->leaf[t];
}

char *
teema_coding_set__counted_note (const char *coder)
{
  if (!coder)
    return g_strdup ("Counted: codings by people, and rule codings that no "
                     "coder rejected.");
  if (g_str_equal (coder, TEEMA_CODER_RULES))
    return g_strdup ("Counted: rule codings that no coder rejected.");
  return g_strdup_printf ("Counted: %s's codings.", coder);
}
