/* rules/matcher.c — the terms of many rules as bits of each word form.
 *
 * A matcher gives every distinct term (kind, value) of the rules added to
 * it one bit, and computes each word form's bits once, through hash
 * indexes on lemma, part, head, root and surface; prefix terms (and
 * compound parts under Snowball) are scanned. A segment's presence set
 * (the OR of its words' bits) rules out most rules before any matching.
 * Must always hold: terms are added only before the first form's bits
 * are computed (the bit width is then fixed). */
#include "rules/node-private.h"

#include <string.h>

struct TeemaMatcher {
  TeemaAnalyzer *az;
  guint n_terms;
  GHashTable *term_ids; /* "kind\x1fvalue" -> index + 1 */
  GHashTable *by_lemma; /* key -> GArray of guint term indices */
  GHashTable *by_part;
  GHashTable *by_head;
  GHashTable *by_root;
  GHashTable *by_surface;
  GArray *scans;   /* Scan: terms checked against every form */
  GPtrArray *bits; /* analysis id -> guint64 * (words long) */
  guint words;     /* fixed when the first form is looked up */
};

typedef struct {
  guint term;
  char kind; /* 'x' prefix, 'p' part / 'h' head (Snowball) */
  const char *key;
} Scan;

static void
index_free (gpointer p)
{
  g_array_unref (p);
}

static GHashTable *
index_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, index_free);
}

TeemaMatcher *
teema_matcher__new (TeemaAnalyzer *az)
{
  TeemaMatcher *m = g_new0 (TeemaMatcher, 1);
  m->az = az;
  m->term_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->by_lemma = index_new ();
  m->by_part = index_new ();
  m->by_head = index_new ();
  m->by_root = index_new ();
  m->by_surface = index_new ();
  m->scans = g_array_new (FALSE, FALSE, sizeof (Scan));
  m->bits = g_ptr_array_new_with_free_func (g_free);
  return m;
}

void
teema_matcher__free (TeemaMatcher *m)
{
  if (!m)
    return;
  g_hash_table_destroy (m->term_ids);
  g_hash_table_destroy (m->by_lemma);
  g_hash_table_destroy (m->by_part);
  g_hash_table_destroy (m->by_head);
  g_hash_table_destroy (m->by_root);
  g_hash_table_destroy (m->by_surface);
  g_array_unref (m->scans);
  g_ptr_array_unref (m->bits);
  g_free (m);
}

TeemaAnalyzer *
teema_matcher__analyzer (const TeemaMatcher *m)
{
  return m->az;
}

guint
teema_matcher__words (const TeemaMatcher *m)
{
  /* At least one word, as form_bits allocates: a codebook without rules
   * has no terms but still gets presence bits. */
  return m->words ? m->words : MAX (1, (m->n_terms + 63) / 64);
}

static void
index_add (GHashTable *index, const char *key, guint term)
{
  GArray *list = g_hash_table_lookup (index, key);
  if (!list) {
    list = g_array_new (FALSE, FALSE, sizeof (guint));
    g_hash_table_insert (index, (gpointer) key, list);
  }
  g_array_append_val (list, term);
}

/* Puts term t of kind into the indexes that find it. */
static void
index_term (TeemaMatcher *m, NodeKind kind, const char *value, guint t)
{
  TeemaAnalyzer *az = m->az;
  gboolean snowball = teema_analyzer_backend (az) == TEEMA_BACKEND_SNOWBALL;
  switch (kind) {
  case N_WORD:
    index_add (m->by_surface, teema_analyzer__term_key (az, 's', value), t);
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'l', value), t);
    break;
  case N_LEMMA:
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'l', value), t);
    break;
  case N_ROOT:
    index_add (m->by_root, teema_analyzer__term_key (az, 'r', value), t);
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'r', value), t);
    break;
  case N_PART:
  case N_HEAD: {
    const char *key = teema_analyzer__term_key (az, 'p', value);
    if (snowball) {
      Scan sc = { t, kind == N_PART ? 'p' : 'h', key };
      g_array_append_val (m->scans, sc);
    } else {
      index_add (kind == N_PART ? m->by_part : m->by_head, key, t);
    }
    break;
  }
  case N_PREFIX: {
    Scan sc = { t, 'x', teema_analyzer__term_key (az, 's', value) };
    g_array_append_val (m->scans, sc);
    break;
  }
  case N_PHRASE: /* its words are N_WORD terms */
  case N_REGEX:  /* matched on the text, not on word forms */
  case N_AND:
  case N_OR:
  case N_NOT:
  case N_NEAR:
    g_return_if_reached ();
  }
}

/* Registers a term (kind, value) once; returns its index. */
static guint
term_index (TeemaMatcher *m, NodeKind kind, const char *value)
{
  g_autofree char *id = g_strdup_printf ("%d\x1f%s", (int) kind, value);
  gpointer found = g_hash_table_lookup (m->term_ids, id);
  if (found)
    return GPOINTER_TO_UINT (found) - 1;
  g_return_val_if_fail (m->words == 0, 0);
  guint t = m->n_terms++;
  g_hash_table_insert (m->term_ids, g_steal_pointer (&id),
                       GUINT_TO_POINTER (t + 1));
  index_term (m, kind, value, t);
  return t;
}

static void
bind_phrase (TeemaMatcher *m, Node *n)
{
  guint k = g_strv_length (n->words);
  g_free (n->word_terms);
  n->word_terms = g_new (guint, k);
  for (guint j = 0; j < k; j++)
    n->word_terms[j] = term_index (m, N_WORD, n->words[j]);
}

/* Recursive, but a tree is at most TEEMA_RULE_MAX_DEPTH deep. */
static void
bind_node (TeemaMatcher *m, Node *n)
{
  for (guint i = 0; i < n->n_kids; i++)
    bind_node (m, n->kids[i]);
  switch (n->kind) {
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    n->term = term_index (m, n->kind, n->value);
    break;
  case N_PHRASE:
    bind_phrase (m, n);
    break;
  case N_REGEX:
  case N_AND:
  case N_OR:
  case N_NOT:
  case N_NEAR:
    break;
  }
}

void
teema_matcher__add (TeemaMatcher *m, TeemaRule *rule)
{
  if (rule->own_matcher)
    teema_matcher__free (rule->matcher);
  rule->matcher = m;
  rule->own_matcher = FALSE;
  bind_node (m, rule->root);
}

static void
set_bits (guint64 *bits, GHashTable *index, const char *key)
{
  GArray *list = g_hash_table_lookup (index, key);
  for (guint i = 0; list && i < list->len; i++) {
    guint t = g_array_index (list, guint, i);
    bits[t / 64] |= G_GUINT64_CONSTANT (1) << (t % 64);
  }
}

static void
set_bits_all (guint64 *bits, GHashTable *index, const char *const *keys)
{
  for (; keys && *keys; keys++)
    set_bits (bits, index, *keys);
}

static guint64 *
compute_bits (TeemaMatcher *m, const TeemaAnalysis *an)
{
  guint64 *bits = g_new0 (guint64, m->words);
  set_bits (bits, m->by_surface, an->form);
  set_bits_all (bits, m->by_lemma, an->lemmas);
  set_bits_all (bits, m->by_root, an->roots);
  set_bits_all (bits, m->by_part, an->parts);
  set_bits_all (bits, m->by_head, an->heads);
  for (guint i = 0; i < m->scans->len; i++) {
    const Scan *sc = &g_array_index (m->scans, Scan, i);
    gboolean yes = sc->kind == 'x' ? g_str_has_prefix (an->form, sc->key)
                                   : strstr (an->form, sc->key) != NULL;
    if (yes)
      bits[sc->term / 64] |= G_GUINT64_CONSTANT (1) << (sc->term % 64);
  }
  return bits;
}

/* The term bits of a word form, computed on first use. */
static const guint64 *
form_bits (TeemaMatcher *m, const TeemaAnalysis *an)
{
  if (!m->words)
    m->words = MAX (1, (m->n_terms + 63) / 64);
  if (an->id >= m->bits->len)
    g_ptr_array_set_size (m->bits, an->id + 1024);
  guint64 *bits = m->bits->pdata[an->id];
  if (!bits)
    bits = m->bits->pdata[an->id] = compute_bits (m, an);
  return bits;
}

const guint64 *
teema_matcher__form_bits (TeemaMatcher *m, const TeemaAnalysis *analysis)
{
  return form_bits (m, analysis);
}

static void
add_keys (GHashTable *index, GPtrArray *out)
{
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, index);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (out, key);
}

GPtrArray *
teema_matcher__keys (TeemaMatcher *m)
{
  GPtrArray *out = g_ptr_array_new ();
  add_keys (m->by_surface, out);
  add_keys (m->by_lemma, out);
  add_keys (m->by_part, out);
  add_keys (m->by_head, out);
  add_keys (m->by_root, out);
  for (guint i = 0; i < m->scans->len; i++)
    g_ptr_array_add (out, (gpointer) g_array_index (m->scans, Scan, i).key);
  return out;
}

static gboolean
bit (const guint64 *bits, guint t)
{
  return (bits[t / 64] >> (t % 64)) & 1;
}

gboolean
teema_matcher__term_matches (TeemaMatcher *m, guint term,
                             const TeemaAnalysis *an)
{
  return bit (form_bits (m, an), term);
}

void
teema_matcher__presence (TeemaMatcher *m, const GArray *tokens,
                         guint64 *presence)
{
  for (guint i = 0; i < tokens->len; i++) {
    const guint64 *bits =
      form_bits (m, g_array_index (tokens, TeemaToken, i).analysis);
    for (guint w = 0; w < m->words; w++)
      presence[w] |= bits[w];
  }
}

/* ---- what presence tells ------------------------------------------------- */

static gboolean
may_match (const Node *n, const guint64 *presence)
{
  switch (n->kind) {
  case N_AND:
  case N_NEAR:
    for (guint i = 0; i < n->n_kids; i++)
      if (!may_match (n->kids[i], presence))
        return FALSE;
    return TRUE;
  case N_OR:
    for (guint i = 0; i < n->n_kids; i++)
      if (may_match (n->kids[i], presence))
        return TRUE;
    return FALSE;
  case N_NOT:
  case N_REGEX:
    return TRUE; /* decided only on the words themselves */
  case N_PHRASE:
    for (guint j = 0; n->words[j]; j++)
      if (!bit (presence, n->word_terms[j]))
        return FALSE;
    return TRUE;
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    return bit (presence, n->term);
  }
  g_return_val_if_reached (TRUE);
}

static gboolean
presence_decides (const Node *n)
{
  switch (n->kind) {
  case N_AND:
  case N_OR:
    for (guint i = 0; i < n->n_kids; i++)
      if (!presence_decides (n->kids[i]))
        return FALSE;
    return TRUE;
  case N_NOT:
  case N_REGEX:
  case N_NEAR:
  case N_PHRASE:
    return FALSE;
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    return TRUE;
  }
  g_return_val_if_reached (FALSE);
}

gboolean
teema_rule__presence_decides (const TeemaRule *rule)
{
  return presence_decides (rule->root);
}

gboolean
teema_rule__may_match (const TeemaRule *rule, const guint64 *presence)
{
  return may_match (rule->root, presence);
}

static void
regex_found (guint start, guint end, gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Does n's re:/.../ match text? A search that reaches its cost limit
 * cannot rule the term out, so it counts as a match here: these answers
 * explain a miss, they never code. */
static gboolean
regex_occurs (const Node *n, const char *text)
{
  gboolean found = FALSE;
  if (!teema_regex__find_all (n->regex, text, regex_found, &found, NULL))
    return TRUE;
  return found;
}

static void
add_display (GPtrArray *out, const char *display)
{
  for (guint i = 0; i < out->len; i++)
    if (g_str_equal (out->pdata[i], display))
      return;
  g_ptr_array_add (out, (gpointer) display);
}

static void
present_terms (const Node *n, const guint64 *presence, const char *text,
               GPtrArray *out)
{
  switch (n->kind) {
  case N_AND:
  case N_OR:
  case N_NEAR:
    for (guint i = 0; i < n->n_kids; i++)
      present_terms (n->kids[i], presence, text, out);
    return;
  case N_NOT:
    return; /* a word under NOT never helps the rule match */
  case N_REGEX:
    if (regex_occurs (n, text))
      add_display (out, n->display);
    return;
  case N_PHRASE:
    if (may_match (n, presence))
      add_display (out, n->display);
    return;
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    if (bit (presence, n->term))
      add_display (out, n->display);
    return;
  }
}

static gboolean
complete (const Node *n, const guint64 *presence, const char *text)
{
  switch (n->kind) {
  case N_AND:
  case N_NEAR:
    for (guint i = 0; i < n->n_kids; i++)
      if (!complete (n->kids[i], presence, text))
        return FALSE;
    return TRUE;
  case N_OR:
    for (guint i = 0; i < n->n_kids; i++)
      if (complete (n->kids[i], presence, text))
        return TRUE;
    return FALSE;
  case N_NOT:
    return TRUE; /* needs no word */
  case N_REGEX:
    return regex_occurs (n, text);
  case N_PHRASE:
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    return may_match (n, presence);
  }
  g_return_val_if_reached (FALSE);
}

gboolean
teema_rule__complete (const TeemaRule *rule, const guint64 *presence,
                      const char *text)
{
  return complete (rule->root, presence, text);
}

void
teema_rule__present_terms (const TeemaRule *rule, const guint64 *presence,
                           const char *text, GPtrArray *out)
{
  present_terms (rule->root, presence, text, out);
}
