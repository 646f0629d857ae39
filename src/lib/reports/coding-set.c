/* reports/coding-set.c — which informant segments carry which theme.
 *
 * The store streams the codings on informant segments in segment order
 * (store/coded.c: one query over covering indexes, no segment text). Here
 * each coding's theme is rolled up to its ancestors when asked, and a
 * segment counts once per theme however many coders or spans coded it:
 * the codings of one segment are adjacent, so a per-theme "last segment"
 * stamp is enough, with no sort and no hash of pairs. As the rows go by
 * they are counted per theme and informant (segments, words); unless the
 * caller wants only the counts they are also kept per theme, and answer
 * membership through a bitmap by segment id made on first use. Rule
 * codings that a coder rejected are not in the set unless asked for (the
 * store leaves them out). With spans, each coding's span is kept for its
 * (segment, theme) pair, rolled up like the pair, and the spans of a pair
 * are joined where they overlap. Informants chosen by attribute (where)
 * leave the others' rows out.
 * Must always hold: a segment appears at most once per theme; rows of one
 * theme are in document order; counts and rows describe the same pairs. */
#include "reports/reports-private.h"

#include <stdlib.h>
#include <string.h>

struct TeemaCodingSet {
  TeemaCodebook *codebook;
  GPtrArray *all;        /* every informant (TeemaInformant *, owned) */
  GPtrArray *informants; /* those meeting where (borrowed from all) */
  GHashTable *inf_index; /* informant code -> index + 1 */
  guint n_themes, n_inf;
  GHashTable *theme_of; /* gint64 * theme id -> codebook index + 1 */
  GHashTable *inf_of;   /* gint64 * document id -> informant index + 1 */
  GArray **up;          /* per theme: guint indices of it and its ancestors */
  gboolean *leaf;       /* per theme */
  GArray **rows;        /* per theme: TeemaCoded, document order */
  guint64 **bits;       /* per theme: a bitmap by segment id, made on the
                           first membership question about the theme */
  gint64 max_segment;   /* the largest segment id in any row */
  TeemaCodedCount *counts; /* n_themes x (n_inf + 1): the last column is
                              segments without an informant */
  GHashTable *spans;       /* with options->spans: TeemaCodingKey * ->
                              GArray of TeemaSpan */
  gboolean chosen;         /* informants were chosen by attribute: rows of
                              the others are left out */
  /* while reading */
  const TeemaCodingSetOptions *opt;
  gint only;          /* the one theme kept (options->theme), or -1 */
  gint64 *seen;       /* per theme: the last segment counted */
  gint64 cur_segment; /* the segment of the rows being read */
  guint cur_inf;
  TeemaStoreCoded cur; /* its first row: the segment's range and words */
  GArray *touched;     /* guint: the themes it carries */
  GArray **cover;      /* per theme: TeemaSpan, its codings' spans on it */
  gint64 *whole;       /* per theme: the last segment coded whole with it */
};

static void
map_document (gint64 id, const char *informant, gpointer data)
{
  TeemaCodingSet *set = data;
  guint i =
    informant
      ? GPOINTER_TO_UINT (g_hash_table_lookup (set->inf_index, informant))
      : 0;
  if (i)
    g_hash_table_insert (set->inf_of, g_memdup2 (&id, sizeof id),
                         GUINT_TO_POINTER (i));
}

static void
map_theme_id (gint64 id, const char *code, gpointer data)
{
  TeemaCodingSet *set = data;
  gint i = teema_codebook_index (set->codebook, code);
  if (i >= 0)
    g_hash_table_insert (set->theme_of, g_memdup2 (&id, sizeof id),
                         GUINT_TO_POINTER ((guint) i + 1));
}

/* Each theme's ancestors (bounded, in case a codebook loops) and leaves. */
static void
index_codebook (TeemaCodingSet *set)
{
  guint n = set->n_themes;
  set->up = g_new0 (GArray *, n + 1);
  set->leaf = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    set->leaf[i] = TRUE;
  for (guint i = 0; i < n; i++) {
    set->up[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    gint a = (gint) i;
    for (guint depth = 0; a >= 0 && depth <= n; depth++) {
      guint ua = (guint) a;
      gboolean dup = FALSE;
      for (guint k = 0; k < set->up[i]->len; k++)
        dup |= g_array_index (set->up[i], guint, k) == ua;
      if (dup)
        break;
      g_array_append_val (set->up[i], ua);
      const char *parent = teema_codebook_theme (set->codebook, ua)->parent;
      a = parent ? teema_codebook_index (set->codebook, parent) : -1;
      if (a >= 0 && depth == 0)
        set->leaf[a] = FALSE;
    }
  }
}

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

/* Records a coding's span for (segment, theme t). */
static void
add_span (TeemaCodingSet *set, gint64 segment, guint t, guint start, guint end)
{
  TeemaCodingKey k = { segment, t };
  GArray *spans = g_hash_table_lookup (set->spans, &k);
  if (!spans) {
    spans = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
    g_hash_table_insert (set->spans, g_memdup2 (&k, sizeof k), spans);
  }
  TeemaSpan s = { start, end };
  g_array_append_val (spans, s);
}

static void
emit (TeemaCodingSet *set, guint t, const TeemaStoreCoded *r)
{
  TeemaCodedCount *c =
    &set->counts[(gsize) t * (set->n_inf + 1) + MIN (set->cur_inf, set->n_inf)];
  c->segments++;
  g_array_append_val (set->touched, t);
  if (set->opt->counts_only)
    return;
  TeemaCoded row = { r->segment, r->document,  r->ordinal,
                     t,          set->cur_inf, r->n_words };
  g_array_append_val (set->rows[t], row);
  set->max_segment = MAX (set->max_segment, r->segment);
}

/* Joins sorted spans where they overlap or touch; returns how many are
 * left (in place). */
static guint
join_sorted (TeemaSpan *spans, guint n)
{
  guint out = 0;
  for (guint i = 0; i < n; i++) {
    TeemaSpan s = spans[i];
    TeemaSpan *last = out ? &spans[out - 1] : NULL;
    if (last && s.start <= last->end)
      last->end = MAX (last->end, s.end);
    else
      spans[out++] = s;
  }
  return out;
}

static int by_start (const void *a, const void *b);

/* The words of a segment of n_words words in [seg_start, seg_end) that
 * spans cover: all of them when the spans cover the segment (a coding of
 * the whole turn), else their share of its characters, rounded. A coding
 * of one sentence of a long answer counts that sentence, not the answer. */
static guint64
covered_words (GArray *spans, guint seg_start, guint seg_end, guint n_words)
{
  if (spans->len > 1)
    g_array_sort (spans, by_start);
  for (guint i = 0; i < spans->len; i++) {
    TeemaSpan *sp = &g_array_index (spans, TeemaSpan, i);
    sp->start = CLAMP (sp->start, seg_start, seg_end);
    sp->end = CLAMP (sp->end, sp->start, seg_end);
  }
  guint n = join_sorted ((TeemaSpan *) spans->data, spans->len);
  guint64 covered = 0;
  for (guint i = 0; i < n; i++) {
    const TeemaSpan *sp = &g_array_index (spans, TeemaSpan, i);
    covered += sp->end - sp->start;
  }
  guint64 len = seg_end > seg_start ? seg_end - seg_start : 0;
  if (len == 0 || covered >= len)
    return n_words;
  return ((guint64) n_words * covered + len / 2) / len;
}

/* Counts the words each theme of the segment just read covers, into its
 * count and its row. */
static void
flush_segment (TeemaCodingSet *set)
{
  const TeemaStoreCoded *r = &set->cur;
  for (guint i = 0; i < set->touched->len; i++) {
    guint t = g_array_index (set->touched, guint, i);
    guint64 words =
      set->whole[t] == r->segment
        ? r->n_words
        : covered_words (set->cover[t], r->seg_start, r->seg_end, r->n_words);
    g_array_set_size (set->cover[t], 0);
    set->counts[(gsize) t * (set->n_inf + 1) + MIN (set->cur_inf, set->n_inf)]
      .words += words;
    GArray *rows = set->rows[t];
    if (rows->len
        && g_array_index (rows, TeemaCoded, rows->len - 1).segment
             == r->segment)
      g_array_index (rows, TeemaCoded, rows->len - 1).n_words = (guint) words;
  }
  g_array_set_size (set->touched, 0);
}

static void
add_coding (const TeemaStoreCoded *r, gpointer data)
{
  TeemaCodingSet *set = data;
  if (r->segment != set->cur_segment) {
    flush_segment (set);
    set->cur = *r;
    set->cur_segment = r->segment;
    guint i =
      GPOINTER_TO_UINT (g_hash_table_lookup (set->inf_of, &r->document));
    set->cur_inf = i ? i - 1 : TEEMA_NO_INFORMANT;
  }
  if (set->cur_inf == TEEMA_NO_INFORMANT && set->chosen)
    return;
  guint t = GPOINTER_TO_UINT (g_hash_table_lookup (set->theme_of, &r->theme));
  if (!t)
    return;
  GArray *up = set->up[t - 1];
  guint n = set->opt->roll_up ? up->len : 1;
  for (guint k = 0; k < n; k++) {
    guint a = g_array_index (up, guint, k);
    if (set->only >= 0 && (gint) a != set->only)
      continue;
    if (set->spans)
      add_span (set, r->segment, a, r->start, r->end);
    if (r->start <= r->seg_start && r->end >= r->seg_end) {
      set->whole[a] = r->segment; /* its spans no longer matter */
    } else if (set->whole[a] != r->segment) {
      TeemaSpan span = { r->start, r->end };
      g_array_append_val (set->cover[a], span);
    }
    if (set->seen[a] == r->segment)
      continue;
    set->seen[a] = r->segment;
    emit (set, a, r);
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
    g_array_set_size (spans,
                      join_sorted ((TeemaSpan *) spans->data, spans->len));
  }
}

static int
by_position (const void *a, const void *b)
{
  const TeemaCoded *x = a, *y = b;
  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

/* Rows arrive in segment id order, which is document order (a document's
 * segments are written together, after it, and ids only grow); should it
 * ever not be, the rows are sorted by position. */
static void
finish_rows (TeemaCodingSet *set)
{
  if (set->spans)
    join_spans (set);
  for (guint t = 0; t < set->n_themes; t++) {
    GArray *rows = set->rows[t];
    for (guint i = 1; i < rows->len; i++)
      if (by_position (&g_array_index (rows, TeemaCoded, i - 1),
                       &g_array_index (rows, TeemaCoded, i))
          > 0) {
        qsort (rows->data, rows->len, sizeof (TeemaCoded), by_position);
        break;
      }
  }
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

/* Prepares a set for its rows (read_rows) or tidies up after them. */
static void
reading_begin (TeemaCodingSet *set)
{
  set->seen = g_new0 (gint64, set->n_themes + 1);
  set->cur_segment = 0;
  set->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  set->cover = g_new0 (GArray *, set->n_themes + 1);
  set->whole = g_new0 (gint64, set->n_themes + 1);
  for (guint t = 0; t < set->n_themes; t++)
    set->cover[t] = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
}

static void
reading_end (TeemaCodingSet *set)
{
  flush_segment (set);
  for (guint t = 0; t < set->n_themes; t++)
    g_array_unref (set->cover[t]);
  g_clear_pointer (&set->cover, g_free);
  g_clear_pointer (&set->whole, g_free);
  g_clear_pointer (&set->touched, g_array_unref);
  g_clear_pointer (&set->seen, g_free);
}

/* A row of a pass that reads two sets: to the set of its coder. */
static void
add_coding_of_pair (const TeemaStoreCoded *r, gpointer data)
{
  TeemaCodingSet **pair = data;
  add_coding (r, pair[r->second ? 1 : 0]);
}

/* Reads the rows of set, and with second (the same options but another
 * coder, see same_but_coder) its rows too, in the same pass. */
static gboolean
read_rows (TeemaCodingSet *set, TeemaCodingSet *second, TeemaProject *project,
           GError **error)
{
  const TeemaCodingSetOptions *opt = set->opt;
  g_autofree char *informant = NULL, *group = NULL;
  if (!resolve_filters (set->all, opt, &informant, &group, error))
    return FALSE;
  TeemaCodingSet *pair[2] = { set, second };
  for (guint i = 0; i < 2 && pair[i]; i++) {
    TeemaCodingSet *one = pair[i];
    if (one->spans)
      g_hash_table_remove_all (one->spans);
    else if (opt->spans)
      one->spans = g_hash_table_new_full (key_hash, key_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
    one->only =
      opt->theme ? teema_codebook_index (one->codebook, opt->theme) : -1;
  }
  if (opt->theme && set->only < 0)
    return TRUE; /* an unknown theme carries nothing */
  TeemaStoreCodedQuery q = {
    .coder = opt->coder,
    .second_coder = second ? second->opt->coder : NULL,
    .informant = informant,
    .group = group,
    .theme = opt->theme,
    .roll_up = opt->roll_up,
    .with_rejected = opt->with_rejected,
    .humans_only = opt->humans_only,
  };
  for (guint i = 0; i < 2 && pair[i]; i++)
    reading_begin (pair[i]);
  gboolean ok =
    second
      ? teema_store__foreach_coded (project->store, &q, add_coding_of_pair,
                                    pair, error)
      : teema_store__foreach_coded (project->store, &q, add_coding, set, error);
  for (guint i = 0; i < 2 && pair[i]; i++)
    reading_end (pair[i]);
  return ok;
}

/* The informants of all that meet where; *some (may be NULL) says whether
 * any were left out. */
static GPtrArray *
choose (GPtrArray *all, const TeemaWhere *where, gboolean *some)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    if (teema_where__matches (where, all->pdata[i]))
      g_ptr_array_add (out, all->pdata[i]);
  *some = out->len < all->len;
  return out;
}

/* A set with its codebook and informants, ready for its rows. */
static TeemaCodingSet *
coding_set_prepare (TeemaProject *project, const TeemaCodingSetOptions *opt,
                    GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  g_autoptr (GPtrArray) informants = teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autoptr (TeemaWhere) where =
    teema_where__new (opt->where, informants, error);
  if (!where)
    return NULL;
  TeemaCodingSet *set = g_new0 (TeemaCodingSet, 1);
  set->opt = opt;
  set->codebook = g_steal_pointer (&cb);
  set->all = g_steal_pointer (&informants);
  set->informants = choose (set->all, where, &set->chosen);
  set->n_themes = teema_codebook_size (set->codebook);
  set->n_inf = set->informants->len;
  set->inf_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < set->n_inf; i++)
    g_hash_table_insert (set->inf_index,
                         ((TeemaInformant *) set->informants->pdata[i])->code,
                         GUINT_TO_POINTER (i + 1));
  set->theme_of =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  set->inf_of =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index_codebook (set);
  set->rows = g_new0 (GArray *, set->n_themes + 1);
  set->bits = g_new0 (guint64 *, set->n_themes + 1);
  for (guint t = 0; t < set->n_themes; t++)
    set->rows[t] = g_array_new (FALSE, FALSE, sizeof (TeemaCoded));
  set->counts =
    g_new0 (TeemaCodedCount, (gsize) (set->n_themes + 1) * (set->n_inf + 1));
  gboolean ok =
    teema_store__theme_ids (project->store, map_theme_id, set, error)
    && teema_store__document_informants (project->store, map_document, set,
                                         error);
  if (!ok) {
    teema_coding_set__free (set);
    return NULL;
  }
  return set;
}

/* Reads set's rows (and second's, when not NULL) and finishes them;
 * frees them and FALSE on an error. */
static gboolean
read_and_finish (TeemaCodingSet *set, TeemaCodingSet *second,
                 TeemaProject *project, GError **error)
{
  gboolean ok = read_rows (set, second, project, error);
  TeemaCodingSet *pair[2] = { set, second };
  for (guint i = 0; i < 2 && pair[i]; i++) {
    pair[i]->opt = NULL;
    if (ok)
      finish_rows (pair[i]);
    else
      teema_coding_set__free (pair[i]);
  }
  return ok;
}

static TeemaCodingSet *
coding_set_read (TeemaProject *project, const TeemaCodingSetOptions *options,
                 GError **error)
{
  static const TeemaCodingSetOptions defaults = { 0 };
  TeemaCodingSet *set =
    coding_set_prepare (project, options ? options : &defaults, error);
  return set && read_and_finish (set, NULL, project, error) ? set : NULL;
}

/* TRUE when a and b name two different coders and ask the same of them. */
static gboolean
same_but_coder (const TeemaCodingSetOptions *a, const TeemaCodingSetOptions *b)
{
  return a && b && a->coder && b->coder && !g_str_equal (a->coder, b->coder)
         && a->roll_up == b->roll_up && a->with_rejected == b->with_rejected
         && a->humans_only == b->humans_only && a->spans == b->spans
         && a->counts_only == b->counts_only && a->where == b->where
         && g_strcmp0 (a->informant, b->informant) == 0
         && g_strcmp0 (a->group, b->group) == 0
         && g_strcmp0 (a->theme, b->theme) == 0;
}

TeemaCodingSet *
teema_coding_set__new (TeemaProject *project,
                       const TeemaCodingSetOptions *options, GError **error)
{
  /* The codebook, informants and codings in one snapshot of the project. */
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return NULL;
  TeemaCodingSet *set = coding_set_read (project, options, error);
  teema_store__end_read (project->store, started);
  return set;
}

gboolean
teema_coding_set__reread (TeemaCodingSet *set, TeemaProject *project,
                          const TeemaCodingSetOptions *options, GError **error)
{
  TeemaCodingSetOptions defaults = { 0 };
  /* The rows' storage goes too, not only their count: a run that reads
   * one theme at a time would otherwise keep every theme's rows'
   * worth of memory by its end. */
  for (guint t = 0; t < set->n_themes; t++) {
    if (set->rows[t]->len) {
      g_array_unref (set->rows[t]);
      set->rows[t] = g_array_new (FALSE, FALSE, sizeof (TeemaCoded));
    }
    g_clear_pointer (&set->bits[t], g_free);
  }
  memset (set->counts, 0,
          sizeof (TeemaCodedCount) * (set->n_themes + 1) * (set->n_inf + 1));
  set->opt = options ? options : &defaults;
  gboolean ok = read_rows (set, NULL, project, error);
  set->opt = NULL;
  if (ok)
    finish_rows (set);
  return ok;
}

gboolean
teema_coding_set__new_pair (TeemaProject *project,
                            const TeemaCodingSetOptions *options,
                            const TeemaCodingSetOptions *second,
                            TeemaCodingSet **out, TeemaCodingSet **out_second,
                            GError **error)
{
  *out = *out_second = NULL;
  if (!same_but_coder (options, second)) {
    *out = teema_coding_set__new (project, options, error);
    *out_second = *out ? teema_coding_set__new (project, second, error) : NULL;
    if (!*out_second)
      g_clear_pointer (out, teema_coding_set__free);
    return *out_second != NULL;
  }
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return FALSE;
  TeemaCodingSet *a = coding_set_prepare (project, options, error);
  TeemaCodingSet *b = a ? coding_set_prepare (project, second, error) : NULL;
  if (a && !b)
    teema_coding_set__free (a);
  gboolean ok = b && read_and_finish (a, b, project, error);
  teema_store__end_read (project->store, started);
  if (ok) {
    *out = a;
    *out_second = b;
  }
  return ok;
}

void
teema_coding_set__free (TeemaCodingSet *set)
{
  if (!set)
    return;
  for (guint t = 0; t < set->n_themes; t++) {
    if (set->up)
      g_array_unref (set->up[t]);
    if (set->rows && set->rows[t])
      g_array_unref (set->rows[t]);
    if (set->bits)
      g_free (set->bits[t]);
  }
  g_free (set->up);
  g_free (set->rows);
  g_free (set->bits);
  g_free (set->leaf);
  g_free (set->counts);
  g_free (set->seen);
  if (set->spans)
    g_hash_table_destroy (set->spans);
  teema_codebook_free (set->codebook);
  g_ptr_array_unref (set->informants);
  g_ptr_array_unref (set->all);
  g_hash_table_destroy (set->inf_index);
  g_hash_table_destroy (set->theme_of);
  g_hash_table_destroy (set->inf_of);
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
  if (t >= set->n_themes || set->rows[t]->len == 0) {
    *n_rows = 0;
    return NULL;
  }
  *n_rows = set->rows[t]->len;
  return &g_array_index (set->rows[t], TeemaCoded, 0);
}

static int
by_informant_then_position (const void *a, const void *b)
{
  const TeemaCoded *x = a, *y = b;
  if (x->informant != y->informant)
    return x->informant < y->informant ? -1 : 1;
  return by_position (a, b);
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

/* Theme t's segments as a bitmap by segment id: agreement and evaluation
 * ask about every unit and theme, and a bit is faster than any search. */
static const guint64 *
bitmap (TeemaCodingSet *set, guint t)
{
  if (!set->bits[t]) {
    gsize words = (gsize) set->max_segment / 64 + 1;
    guint64 *bits = g_new0 (guint64, words);
    const GArray *rows = set->rows[t];
    for (guint i = 0; i < rows->len; i++) {
      gint64 id = g_array_index (rows, TeemaCoded, i).segment;
      bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
    }
    set->bits[t] = bits;
  }
  return set->bits[t];
}

gboolean
teema_coding_set__has (const TeemaCodingSet *set, gint64 segment, guint t)
{
  if (t >= set->n_themes || segment < 0 || segment > set->max_segment
      || set->rows[t]->len == 0)
    return FALSE;
  /* The bitmap is a cache: the set stays the same set. */
  const guint64 *bits = bitmap ((TeemaCodingSet *) set, t);
  return (bits[segment / 64] >> (segment % 64)) & 1;
}

const TeemaCodedCount *
teema_coding_set__count (const TeemaCodingSet *set, guint t, guint informant)
{
  static const TeemaCodedCount none = { 0, 0 };
  if (t >= set->n_themes)
    return &none;
  return &set->counts[(gsize) t * (set->n_inf + 1)
                      + MIN (informant, set->n_inf)];
}

gboolean
teema_coding_set__is_leaf (const TeemaCodingSet *set, guint t)
{
  return t < set->n_themes && set->leaf[t];
}

const GArray *
teema_coding_set__spans (const TeemaCodingSet *set, gint64 segment, guint t)
{
  TeemaCodingKey k = { segment, t };
  return set->spans ? g_hash_table_lookup (set->spans, &k) : NULL;
}

char *
teema_coding_set__counted_note (const char *coder)
{
  if (!coder)
    return g_strdup (_ ("Counted: codings by people, and rule codings that "
                        "no coder rejected."));
  if (g_str_equal (coder, TEEMA_CODER_RULES))
    return g_strdup (_ ("Counted: rule codings that no coder rejected."));
  return g_strdup_printf (_ ("Counted: %s's codings."), coder);
}
