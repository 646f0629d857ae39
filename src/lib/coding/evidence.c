/* coding/evidence.c — weighing a segment's words for and against themes
 * (a codebook's "evidence: TERM WEIGHT" lines, teema/codebook.h).
 *
 * The terms of a word are its lemmas ("lemma:lupaus"), its compound parts
 * that are not lemmas of it ("part:kysely") and, for a word the analyser
 * does not know, its form ("word:jees"). Learning (reports/learn.c) and
 * coding both take a word's terms from teema_evidence__terms, so a weight
 * means the same thing in both.
 *
 * One table maps every term any theme weighs to the themes' weights, and
 * each analysis (by its id) caches the entries its terms hit, so scoring
 * a segment costs an array index per word, not a string per word and
 * theme. A term counts once per text, however often its words occur. */
#include "coding/coding-private.h"
#include "text/text-private.h"

#include <string.h>

/* A theme's weight for one term. */
typedef struct {
  guint slot;
  double weight;
} Weight;

/* One term a theme weighs: its id (for counting it once) and weights. */
typedef struct {
  guint id;
  const char *name; /* e.g. "lemma:lupaus" (the table's key) */
  GArray *weights;  /* Weight */
} Term;

struct TeemaEvidenceIndex {
  GHashTable *terms; /* interned term -> Term * */
  GArray *bias;      /* double per slot: bias */
  GArray *rules;     /* double per slot: added when a rule matches */
  GPtrArray *cache;  /* analysis id -> GPtrArray of Term * (NULL: not yet) */
  guint *seen;       /* per term id: the stamp of the text it last counted */
  guint n_terms;
  guint stamp;
};

static void
term_free (Term *t)
{
  g_array_unref (t->weights);
  g_free (t);
}

static void
cached_free (gpointer p)
{
  if (p)
    g_ptr_array_unref (p);
}

TeemaEvidenceIndex *
teema_evidence__index_new (void)
{
  TeemaEvidenceIndex *x = g_new0 (TeemaEvidenceIndex, 1);
  x->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) term_free);
  x->bias = g_array_new (FALSE, TRUE, sizeof (double));
  x->rules = g_array_new (FALSE, TRUE, sizeof (double));
  x->cache = g_ptr_array_new_with_free_func (cached_free);
  return x;
}

void
teema_evidence__index_free (TeemaEvidenceIndex *x)
{
  if (!x)
    return;
  g_hash_table_destroy (x->terms);
  g_array_unref (x->bias);
  g_array_unref (x->rules);
  g_ptr_array_unref (x->cache);
  g_free (x->seen);
  g_free (x);
}

guint
teema_evidence__index_add (TeemaEvidenceIndex *x, const GArray *evidence)
{
  guint slot = x->bias->len;
  double zero = 0;
  g_array_append_val (x->bias, zero);
  g_array_append_val (x->rules, zero);
  for (guint i = 0; evidence && i < evidence->len; i++) {
    const TeemaEvidence *e = &g_array_index (evidence, TeemaEvidence, i);
    if (g_str_equal (e->term, "bias")) {
      g_array_index (x->bias, double, slot) = e->weight;
      continue;
    }
    if (g_str_equal (e->term, "rules")) {
      g_array_index (x->rules, double, slot) = e->weight;
      continue;
    }
    Term *t = g_hash_table_lookup (x->terms, e->term);
    if (!t) {
      t = g_new0 (Term, 1);
      t->id = x->n_terms++;
      t->name = g_strdup (e->term);
      t->weights = g_array_new (FALSE, FALSE, sizeof (Weight));
      g_hash_table_insert (x->terms, (gpointer) t->name, t);
    }
    Weight w = { slot, e->weight };
    g_array_append_val (t->weights, w);
  }
  /* The cache holds what earlier themes' terms hit: start it again. */
  g_ptr_array_set_size (x->cache, 0);
  g_free (x->seen);
  x->seen = g_new0 (guint, x->n_terms + 1);
  x->stamp = 0;
  return slot;
}

void
teema_evidence__terms (const TeemaAnalysis *an, GPtrArray *out)
{
  for (const char *const *l = an->lemmas; l && *l; l++)
    if (!teema_text__is_stopword (*l))
      g_ptr_array_add (out, g_strconcat ("lemma:", *l, NULL));
  for (const char *const *p = an->parts; p && *p; p++)
    if (!an->lemmas || !g_strv_contains (an->lemmas, *p))
      g_ptr_array_add (out, g_strconcat ("part:", *p, NULL));
  if (!an->lemmas || !*an->lemmas)
    g_ptr_array_add (out, g_strconcat ("word:", an->form, NULL));
}

/* The weighed terms of an analysis (cached by its id). */
static GPtrArray *
weighed_terms (TeemaEvidenceIndex *x, const TeemaAnalysis *an)
{
  if (an->id >= x->cache->len)
    g_ptr_array_set_size (x->cache, an->id + 1);
  GPtrArray *hit = x->cache->pdata[an->id];
  if (hit)
    return hit;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  teema_evidence__terms (an, terms);
  hit = g_ptr_array_new ();
  for (guint i = 0; i < terms->len; i++) {
    Term *t = g_hash_table_lookup (x->terms, terms->pdata[i]);
    if (t && !g_ptr_array_find (hit, t, NULL))
      g_ptr_array_add (hit, t);
  }
  x->cache->pdata[an->id] = hit;
  return hit;
}

/* A new stamp: no term has counted for the text about to be scored. */
static guint
next_stamp (TeemaEvidenceIndex *x)
{
  if (++x->stamp == 0) {
    memset (x->seen, 0, (x->n_terms + 1) * sizeof (guint));
    x->stamp = 1;
  }
  return x->stamp;
}

/* Calls fn once for each distinct weighed term of tokens, at its first
 * word. */
typedef void (*DistinctFunc) (guint token, const Term *t, gpointer data);

static void
each_distinct (TeemaEvidenceIndex *x, const GArray *tokens, DistinctFunc fn,
               gpointer data)
{
  guint stamp = next_stamp (x);
  for (guint i = 0; tokens && i < tokens->len; i++) {
    GPtrArray *hit =
      weighed_terms (x, g_array_index (tokens, TeemaToken, i).analysis);
    for (guint k = 0; k < hit->len; k++) {
      Term *t = hit->pdata[k];
      if (x->seen[t->id] != stamp) {
        x->seen[t->id] = stamp;
        fn (i, t, data);
      }
    }
  }
}

static void
add_to_scores (guint token, const Term *t, gpointer scores)
{
  for (guint w = 0; w < t->weights->len; w++) {
    const Weight *wt = &g_array_index (t->weights, Weight, w);
    ((double *) scores)[wt->slot] += wt->weight;
  }
}

void
teema_evidence__score (TeemaEvidenceIndex *x, const GArray *tokens,
                       double *scores)
{
  for (guint s = 0; s < x->bias->len; s++)
    scores[s] = g_array_index (x->bias, double, s);
  each_distinct (x, tokens, add_to_scores, scores);
}

double
teema_evidence__rules_weight (const TeemaEvidenceIndex *x, guint slot)
{
  return g_array_index (x->rules, double, slot);
}

/* The weight slot gives t, and whether it weighs it at all. */
static gboolean
weight_of (const Term *t, guint slot, double *weight)
{
  for (guint w = 0; w < t->weights->len; w++)
    if (g_array_index (t->weights, Weight, w).slot == slot) {
      *weight = g_array_index (t->weights, Weight, w).weight;
      return TRUE;
    }
  return FALSE;
}

typedef void (*TermFunc) (guint token, const Term *t, double weight,
                          gpointer data);

/* A TermFunc for the terms one slot weighs. */
typedef struct {
  guint slot;
  TermFunc fn;
  gpointer data;
} OfSlot;

static void
if_weighed (guint token, const Term *t, gpointer data)
{
  const OfSlot *o = data;
  double w;
  if (weight_of (t, o->slot, &w))
    o->fn (token, t, w, o->data);
}

/* Calls fn once for each term of tokens that slot weighs, at its first
 * word. */
static void
each_term (TeemaEvidenceIndex *x, guint slot, const GArray *tokens, TermFunc fn,
           gpointer data)
{
  OfSlot o = { slot, fn, data };
  each_distinct (x, tokens, if_weighed, &o);
}

static void
add_weight (guint token, const Term *t, double weight, gpointer data)
{
  *(double *) data += weight;
}

double
teema_evidence__terms_sum (TeemaEvidenceIndex *x, guint slot,
                           const GArray *tokens)
{
  double sum = 0;
  each_term (x, slot, tokens, add_weight, &sum);
  return sum;
}

static void
add_fired (guint token, const Term *t, double weight, gpointer data)
{
  if (weight <= 0)
    return;
  TeemaEvidenceFired f = { token, t->name, weight };
  g_array_append_val ((GArray *) data, f);
}

void
teema_evidence__fired (TeemaEvidenceIndex *x, guint slot, const GArray *tokens,
                       GArray *out)
{
  each_term (x, slot, tokens, add_fired, out);
}
