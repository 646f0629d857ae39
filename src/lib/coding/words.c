/* coding/words.c — reading the word index (built by project/words.c): the
 * segments whose words may match a rule, and each segment's words with
 * their analyses, without tokenising or analysing the corpus again.
 *
 * A rule's terms are compared with analyses of word forms. Only forms
 * whose text or stored analysis contains one of the rule's keys can carry
 * a term (teema_matcher__keys), so those are found with a substring query
 * over the vocabulary and the analysis cache, and analysed; a segment is a
 * candidate when the terms its words carry may satisfy the rule, which is
 * the same test autocode uses to skip themes (teema_rule__may_match). The
 * caller then matches the rule on the candidates' text, so what is found
 * is exactly what matching every segment would find.
 * Must always hold: a segment the rule matches is a candidate; a segment
 * with no words indexed, or whose words depend on context (a suspended
 * compound part), is always a candidate and is read from its text. */
#include "coding/coding-private.h"
#include "text/text-private.h"

#include <string.h>

typedef struct {
  TeemaStore *store;
  char *key; /* the analysis cache's key, "voikko-fi" */
} Lookup;

static void
lookup_free (gpointer p)
{
  Lookup *l = p;
  g_free (l->key);
  g_free (l);
}

static char *
stored_analysis (const char *form, gpointer data)
{
  Lookup *l = data;
  /* A failed read analyses the form afresh: the same answer, slower. */
  return teema_store__analysis_of (l->store, l->key, form, NULL);
}

static gint64 analysed_mark (TeemaStore *store, const char *backend,
                             GError **error);

TeemaAnalyzer *
teema_coding__lazy_analyzer (TeemaProject *p, GError **error)
{
  GError *local = NULL;
  g_autofree char *lang =
    teema_store__get_setting (p->store, "language", &local);
  if (local) {
    g_propagate_error (error, local);
    return NULL;
  }
  /* Voikko is started only for a form it must analyse itself when the
   * project holds its analyses; otherwise at once, so that an analyser
   * falls back to Snowball as teema_analyzer_new decides. */
  TeemaAnalyzer *az = teema_analyzer__new_deferred (lang ? lang : "fi", error);
  if (!az)
    return NULL;
  if (teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO) {
    g_autofree char *key = teema_analyzer__cache_key (az);
    gint64 mark = analysed_mark (p->store, key, error);
    if (mark <= 0) {
      teema_analyzer_free (az);
      az = mark < 0 ? NULL : teema_analyzer_new (lang ? lang : "fi", error);
    }
    if (!az)
      return NULL;
  }
  Lookup *l = g_new0 (Lookup, 1);
  l->store = p->store;
  l->key = teema_analyzer__cache_key (az);
  teema_analyzer__set_lookup (az, stored_analysis, l, lookup_free);
  return az;
}

/* ---- the vocabulary's analyses ------------------------------------------ */

/* Word ids to analyses, filled as forms are read. */
typedef struct {
  TeemaAnalyzer *az;
  GPtrArray *by_id; /* word id -> const TeemaAnalysis * (or NULL) */
  GArray *numbers;  /* word id -> guint8: its form starts with a digit */
  /* First lemmas only (teema_words__foreach_totals): */
  GStringChunk *strings; /* forms and lemmas: the caller's */
  GPtrArray *light;      /* blocks of LIGHT_BLOCK Light analyses */
  guint light_used;      /* in the last block */
  GHashTable *ids;       /* form -> word id, or NULL until needed */
} Vocab;

#define LIGHT_BLOCK 1024

/* An analysis of which only the form and first lemma are known. */
typedef struct {
  TeemaAnalysis pub;
  const char *lemmas[2];
} Light;

static void
vocab_set (Vocab *v, gint64 id, const TeemaAnalysis *an)
{
  if (id < 0 || id > G_MAXINT)
    return;
  if ((guint) id >= v->by_id->len) {
    g_ptr_array_set_size (v->by_id, (guint) id + 1);
    g_array_set_size (v->numbers, (guint) id + 1);
  }
  v->by_id->pdata[id] = (gpointer) an;
  /* Kept beside the analysis so that reading a document's words does not
   * touch every form's text. */
  g_array_index (v->numbers, guint8, id) = an && g_ascii_isdigit (an->form[0]);
}

static const TeemaAnalysis *
vocab_analyse (Vocab *v, const char *form, const char *data)
{
  const TeemaAnalysis *an =
    data ? teema_analyzer__add_stored (v->az, form, data) : NULL;
  return an ? an : teema_analyzer_analyze (v->az, form);
}

static void
vocab_add (gint64 id, const char *form, const char *data, gpointer user_data)
{
  Vocab *v = user_data;
  vocab_set (v, id, vocab_analyse (v, form, data));
}

/* The first lemma in stored analysis data (seven tab-separated fields, the
 * second the lemmas, comma-separated), as the analyser would load it;
 * NULL when the data is not such (then the form is analysed in full). */
static const char *
stored_first_lemma (Vocab *v, const char *data)
{
  const char *tab = strchr (data, '\t');
  guint fields = 1;
  for (const char *p = data; (p = strchr (p, '\t')); p++)
    fields++;
  if (!tab || fields != 7)
    return NULL;
  for (const char *item = tab + 1; *item != '\t';) {
    gsize n = strcspn (item, ",\t");
    if (n)
      return g_string_chunk_insert_len (v->strings, item, (gssize) n);
    item += item[n] == ',' ? n + 1 : n;
  }
  return NULL;
}

static const char *const no_terms[] = { NULL };

static void
vocab_add_first_lemma (gint64 id, const char *form, const char *data,
                       gpointer user_data)
{
  Vocab *v = user_data;
  const char *lemma = data ? stored_first_lemma (v, data) : NULL;
  if (!lemma) {
    vocab_add (id, form, data, user_data);
    return;
  }
  if (!v->light->len || v->light_used == LIGHT_BLOCK) {
    /* Not cleared: each is filled in whole below. */
    g_ptr_array_add (v->light, g_new (Light, LIGHT_BLOCK));
    v->light_used = 0;
  }
  Light *l = (Light *) v->light->pdata[v->light->len - 1] + v->light_used++;
  l->pub = (TeemaAnalysis){ .form = g_string_chunk_insert (v->strings, form),
                            .lemmas = l->lemmas,
                            .parts = no_terms,
                            .heads = no_terms,
                            .roots = no_terms };
  l->lemmas[0] = lemma;
  l->lemmas[1] = NULL;
  vocab_set (v, id, &l->pub);
}

/* ---- candidates ---------------------------------------------------------- */

typedef struct {
  Vocab vocab;
  TeemaProject *project;
  TeemaRule *rule;
  TeemaMatcher *m;
  gboolean interviewers; /* interviewer turns too */
  guint words;           /* guint64 per bit set */
  GPtrArray *bits;       /* word id -> guint64 * (NULL: no term) */
  guint64 *presence;
  GArray *decoded;   /* TeemaWordCount */
  GArray *out;       /* TeemaCandidate */
  GHashTable *known; /* form -> analysis of every word with a term bit */
} Candidates;

static void
note_bits (gint64 id, const char *form, const char *data, gpointer user_data)
{
  Candidates *c = user_data;
  if (id < 0 || id > G_MAXINT)
    return;
  if ((guint) id < c->bits->len && c->bits->pdata[id])
    return;
  const guint64 *bits =
    teema_matcher__form_bits (c->m, vocab_analyse (&c->vocab, form, data));
  gboolean any = FALSE;
  for (guint w = 0; w < c->words; w++)
    any |= bits[w] != 0;
  if (!any)
    return;
  if ((guint) id >= c->bits->len)
    g_ptr_array_set_size (c->bits, (guint) id + 1);
  c->bits->pdata[id] = g_memdup2 (bits, c->words * sizeof (guint64));
  const TeemaAnalysis *an =
    c->vocab.by_id->len > (guint) id ? c->vocab.by_id->pdata[id] : NULL;
  if (!an) /* note_bits analyses without keeping: keep this one */
    an = vocab_analyse (&c->vocab, form, data);
  g_hash_table_insert (c->known, (gpointer) an->form, (gpointer) an);
}

/* The setting that records up to which word id every word has a stored
 * analysis for backend (kept by teema_words__analyse_all). */
static char *
mark_key (const char *backend)
{
  return g_strconcat ("words-analysed:", backend, NULL);
}

static gint64
analysed_mark (TeemaStore *store, const char *backend, GError **error)
{
  g_autofree char *key = mark_key (backend);
  GError *local = NULL;
  g_autofree char *mark = teema_store__get_setting (store, key, &local);
  if (local) {
    g_propagate_error (error, local);
    return -1;
  }
  return mark ? g_ascii_strtoll (mark, NULL, 10) : 0;
}

/* Sets the term bits of every word that can carry one of the rule's
 * terms: those containing a key, and those without a stored analysis
 * (only words past the mark can be without one). */
static gboolean
find_term_words (Candidates *c, TeemaStore *store, const char *backend,
                 GError **error)
{
  g_autoptr (GPtrArray) keys = teema_matcher__keys (c->m);
  for (guint i = 0; i < keys->len; i++)
    if (!teema_store__words_containing (store, backend, keys->pdata[i],
                                        note_bits, c, error))
      return FALSE;
  gint64 mark = analysed_mark (store, backend, error);
  return mark >= 0
         && teema_store__words_analysed (store, backend, TRUE, mark, note_bits,
                                         c, error);
}

typedef struct {
  TeemaAnalyzer *az;
  gint64 max;
} Cover;

static void
cover_word (gint64 id, const char *form, const char *data, gpointer user_data)
{
  Cover *c = user_data;
  teema_analyzer_analyze (c->az, form);
  c->max = MAX (c->max, id);
}

gboolean
teema_words__analyse_all (TeemaProject *p, const char *lang,
                          gboolean force_snowball, GError **error)
{
  g_autoptr (TeemaAnalyzer) az = force_snowball
                                   ? teema_analyzer_new_snowball (lang, error)
                                   : teema_analyzer_new (lang, error);
  if (!az)
    return FALSE;
  g_autofree char *backend = teema_analyzer__cache_key (az);
  gint64 mark = analysed_mark (p->store, backend, error);
  Cover c = { az, mark };
  if (mark < 0
      || !teema_store__words_analysed (p->store, backend, TRUE, mark,
                                       cover_word, &c, error))
    return FALSE;
  gint64 max = teema_store__max_word (p->store, error);
  if (max < 0)
    return FALSE;
  c.max = MAX (c.max, max);
  g_autofree char *fresh = teema_analyzer_dump_cache (az, TRUE);
  g_autofree char *key = mark_key (backend);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, c.max);
  g_autofree char *family = teema_analyzer__family (az);
  g_autofree char *family_mark = mark_key (family);
  return teema_store__save_analyses (p->store, backend, fresh, error)
         && teema_store__set_setting (p->store, key, value, error)
         && teema_store__forget_analyses (p->store, family, backend,
                                          family_mark, key, error);
}

static gboolean
may_match (Candidates *c)
{
  memset (c->presence, 0, c->words * sizeof (guint64));
  for (guint i = 0; i < c->decoded->len; i++) {
    gint64 id = g_array_index (c->decoded, TeemaWordCount, i).word;
    const guint64 *bits =
      id >= 0 && id < c->bits->len ? c->bits->pdata[id] : NULL;
    for (guint w = 0; bits && w < c->words; w++)
      c->presence[w] |= bits[w];
  }
  return teema_rule__may_match (c->rule, c->presence);
}

static void
add_candidate (GArray *out, gint64 segment, gint64 document, gboolean whole)
{
  TeemaCandidate k = { segment, document, whole };
  g_array_append_val (out, k);
}

static gboolean
document_candidates (const TeemaStoreDocumentWords *row, gpointer data,
                     GError **error)
{
  Candidates *c = data;
  if (!row->words) { /* not indexed: every segment is one */
    g_autoptr (GArray) keys = teema_store__document_segment_keys (
      c->project->store, row->document, c->interviewers, error);
    for (guint i = 0; keys && i < keys->len; i++)
      add_candidate (c->out, g_array_index (keys, TeemaStoreSegmentKey, i).id,
                     row->document, TRUE);
    return keys != NULL;
  }
  TeemaWordsReader r;
  teema_words__reader_init (&r, row->words, row->len);
  gint64 segment = 0;
  guint flags = 0;
  while (teema_words__next (&r, &segment, &flags, c->decoded)) {
    if ((flags & TEEMA_WORDS_INTERVIEWER) && !c->interviewers)
      continue;
    if ((flags & TEEMA_WORDS_SUSPENDED) || may_match (c))
      add_candidate (c->out, segment, row->document, FALSE);
  }
  if (r.bad)
    return teema_words__corrupt (row->document, error);
  return TRUE;
}

void
teema_candidates_free (TeemaCandidates *c)
{
  if (!c)
    return;
  g_array_unref (c->segments);
  g_hash_table_destroy (c->known);
  g_free (c);
}

TeemaCandidates *
teema_words__candidates (TeemaProject *p, TeemaAnalyzer *az, TeemaRule *rule,
                         const TeemaSegmentFilter *filter, GError **error)
{
  g_autofree char *backend = teema_analyzer__cache_key (az);
  Candidates c = { 0 };
  c.vocab.az = az;
  c.vocab.by_id = g_ptr_array_new ();
  c.vocab.numbers = g_array_new (FALSE, TRUE, sizeof (guint8));
  c.project = p;
  c.rule = rule;
  c.interviewers = filter && filter->include_interviewer;
  c.m = teema_rule__matcher (rule, az);
  c.words = teema_matcher__words (c.m);
  c.bits = g_ptr_array_new_with_free_func (g_free);
  c.presence = g_new0 (guint64, c.words);
  c.decoded = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  c.out = g_array_new (FALSE, FALSE, sizeof (TeemaCandidate));
  c.known = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok =
    find_term_words (&c, p->store, backend, error)
    && teema_store__foreach_document_words (
      p->store, filter ? filter->informant : NULL,
      filter ? filter->group : NULL, document_candidates, &c, error);
  g_ptr_array_unref (c.vocab.by_id);
  g_array_unref (c.vocab.numbers);
  g_ptr_array_unref (c.bits);
  g_free (c.presence);
  g_array_unref (c.decoded);
  if (!ok) {
    g_array_unref (c.out);
    g_hash_table_destroy (c.known);
    return NULL;
  }
  TeemaCandidates *out = g_new0 (TeemaCandidates, 1);
  out->segments = c.out;
  out->known = c.known;
  /* Every other word carries no term of the rule: one analysis with no
   * lemma a rule can name stands for them all. */
  out->nothing = teema_analyzer__add_stored (az, "\x01", "\t\x01\t\t\t\t\t0");
  return out;
}

/* A token's own analysis (not the stand-in): what tokenising gives it. */
static const TeemaAnalysis *
real_analysis (TeemaAnalyzer *az, const char *text, const TeemaRawToken *r)
{
  g_autofree char *word =
    g_strndup (text + r->byte_start, r->byte_end - r->byte_start);
  return teema_analyzer_analyze (az, word);
}

/* A suspended part ("-polun") completed as tokenising completes it; the
 * words before it are analysed for real. */
static const TeemaAnalysis *
complete_suspended (TeemaAnalyzer *az, const char *text, GArray *raw,
                    GPtrArray *real, guint i, const char *form)
{
  const TeemaAnalysis *before[3];
  guint n = 0;
  for (; n < 3 && n < i; n++) {
    guint j = i - 1 - n;
    if (!real->pdata[j])
      real->pdata[j] = (gpointer) real_analysis (
        az, text, &g_array_index (raw, TeemaRawToken, j));
    before[n] = real->pdata[j];
  }
  return teema_analyzer__complete (az, form, before, n);
}

GArray *
teema_words__tokens (TeemaCandidates *c, TeemaAnalyzer *az, const char *text)
{
  g_autoptr (GArray) raw = teema_text__split (text, -1);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TeemaToken), raw->len);
  g_autoptr (GPtrArray) real = NULL; /* only for suspended parts */
  for (guint i = 0; i < raw->len; i++) {
    const TeemaRawToken *r = &g_array_index (raw, TeemaRawToken, i);
    char buf[256];
    char *form = teema_text__fold_token (
      text + r->byte_start, r->byte_end - r->byte_start, buf, sizeof buf);
    const TeemaAnalysis *an;
    if (r->flags & TEEMA_TOKEN_SUSPENDED) {
      if (!real)
        real = g_ptr_array_new ();
      g_ptr_array_set_size (real, raw->len);
      an = complete_suspended (az, text, raw, real, i, form);
      real->pdata[i] = (gpointer) an;
    } else {
      an = g_hash_table_lookup (c->known, form);
      if (!an)
        an = c->nothing;
    }
    if (form != buf)
      g_free (form);
    TeemaToken t = { r->start, r->end, an, r->flags };
    g_array_append_val (out, t);
  }
  return out;
}

/* ---- each segment's words ------------------------------------------------ */

typedef struct {
  TeemaProject *project;
  Vocab vocab;
  gboolean interviewers;
  TeemaWordsFunc fn;
  const TeemaTotalsFuncs *totals_fn; /* or NULL: fn */
  gpointer data;
  GArray *decoded;    /* TeemaWordCount */
  GArray *words;      /* TeemaSegmentWord */
  GByteArray *totals; /* per document totals (NULL: per segment words) */
} Each;

/* The words of a segment read from its text: its tokens, counted by
 * analysis (and number or not), as the index would give them. */
static gboolean
words_from_text (Each *e, gint64 segment, GError **error)
{
  g_autofree char *text =
    teema_store__segment_text (e->project->store, segment, error);
  if (!text)
    return FALSE;
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (e->vocab.az, text, -1);
  /* (analysis, number) -> index + 1 into e->words */
  g_autoptr (GHashTable) at = g_hash_table_new (g_direct_hash, NULL);
  g_array_set_size (e->words, 0);
  for (guint i = 0; i < tokens->len; i++) {
    const TeemaToken *t = &g_array_index (tokens, TeemaToken, i);
    gboolean number = (t->flags & TEEMA_TOKEN_NUMBER) != 0;
    /* Analyses are at least 2-aligned: the low bit is free for number. */
    gpointer key = (gpointer) ((guintptr) t->analysis | (number ? 1 : 0));
    guint k = GPOINTER_TO_UINT (g_hash_table_lookup (at, key));
    if (k) {
      g_array_index (e->words, TeemaSegmentWord, k - 1).count++;
      continue;
    }
    TeemaSegmentWord fresh = { t->analysis, 1, number, 0 };
    g_array_append_val (e->words, fresh);
    g_hash_table_insert (at, key, GUINT_TO_POINTER (e->words->len));
  }
  return TRUE;
}

/* The words of one indexed segment from the index; FALSE when one of them
 * is not in the vocabulary read (then the text must be read). */
static gboolean
words_from_index (Each *e)
{
  g_array_set_size (e->words, e->decoded->len);
  TeemaSegmentWord *out = (TeemaSegmentWord *) e->words->data;
  const TeemaWordCount *in = (const TeemaWordCount *) e->decoded->data;
  for (guint i = 0; i < e->decoded->len; i++) {
    gint64 id = in[i].word;
    const TeemaAnalysis *an =
      id >= 0 && id < e->vocab.by_id->len ? e->vocab.by_id->pdata[id] : NULL;
    if (!an)
      return FALSE;
    out[i].analysis = an;
    out[i].count = in[i].count;
    /* A token is a number when it starts with a digit: its form does. */
    out[i].number = g_array_index (e->vocab.numbers, guint8, id);
    out[i].word = id;
  }
  return TRUE;
}

static gboolean
each_segment (Each *e, TeemaSegmentRef *ref, guint flags, GError **error)
{
  gboolean indexed = !(flags & TEEMA_WORDS_SUSPENDED) && words_from_index (e);
  if (!indexed && !words_from_text (e, ref->segment, error))
    return FALSE;
  return e->fn (ref, (const TeemaSegmentWord *) e->words->data, e->words->len,
                e->data, error);
}

/* The id of a form in the vocabulary read (a form -> id table made on
 * first use: only documents without totals need it). */
static gint64
vocab_id (const char *form, gpointer data)
{
  Vocab *v = data;
  if (!v->ids) {
    v->ids = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint id = 0; id < v->by_id->len; id++) {
      const TeemaAnalysis *an = v->by_id->pdata[id];
      if (an)
        g_hash_table_insert (v->ids, (gpointer) an->form,
                             GUINT_TO_POINTER (id));
    }
  }
  gpointer id = NULL;
  return g_hash_table_lookup_extended (v->ids, form, NULL, &id)
           ? (gint64) GPOINTER_TO_UINT (id)
           : 0;
}

/* The count of word id among the words decoded (by ascending id). */
static TeemaWordCount *
own_word (Each *e, gint64 id)
{
  TeemaWordCount *w = (TeemaWordCount *) e->decoded->data;
  guint lo = 0, hi = e->decoded->len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (w[mid].word < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < e->decoded->len && w[lo].word == id ? &w[lo] : NULL;
}

static const TeemaAnalysis *
vocab_word (Each *e, gint64 id)
{
  return id > 0 && id < e->vocab.by_id->len ? e->vocab.by_id->pdata[id] : NULL;
}

/* Completes a document's suspended parts (teema_words__totals): each
 * counts as its compound, not as its own form, so its own form's count
 * in e->decoded is lowered and the compound put in e->words. */
static gboolean
complete_parts (Each *e, TeemaWordsReader *r, gint64 document, GError **error)
{
  teema_words__parts_init (r);
  g_array_set_size (e->words, 0);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const TeemaAnalysis *done[3] = { NULL, NULL, NULL }; /* nearest first */
  while (teema_words__next_part (r, ids)) {
    const gint64 *id = (const gint64 *) ids->data;
    TeemaWordCount *own = own_word (e, id[0]);
    const TeemaAnalysis *own_an = vocab_word (e, id[0]);
    if (!own || !own->count || !own_an)
      return teema_words__corrupt (document, error);
    own->count--;
    const TeemaAnalysis *before[3];
    guint n = ids->len - 1, parts = 0;
    for (guint i = 0; i < n; i++) {
      const TeemaAnalysis *word = vocab_word (e, id[i + 1]);
      /* The analyser's own analysis: it has the word's compound parts. */
      before[i] =
        id[i + 1]
          ? word ? teema_analyzer_analyze (e->vocab.az, word->form) : NULL
          : done[parts++];
      if (!before[i])
        return teema_words__corrupt (document, error);
    }
    const TeemaAnalysis *an =
      teema_analyzer__complete (e->vocab.az, own_an->form, before, n);
    done[2] = done[1];
    done[1] = done[0];
    done[0] = an;
    TeemaSegmentWord w = { an, 1, g_ascii_isdigit (an->form[0]), 0 };
    g_array_append_val (e->words, w);
  }
  return !r->bad || teema_words__corrupt (document, error);
}

/* Whether every word decoded is in the vocabulary read. */
static gboolean
all_known (Each *e)
{
  const TeemaWordCount *in = (const TeemaWordCount *) e->decoded->data;
  for (guint i = 0; i < e->decoded->len; i++) {
    gint64 id = in[i].word;
    if (id < 0 || id >= e->vocab.by_id->len || !e->vocab.by_id->pdata[id])
      return FALSE;
  }
  return TRUE;
}

/* A document's totals: its informant turns' words summed, once. */
static gboolean
each_totals (Each *e, const TeemaStoreDocumentWords *row, GError **error)
{
  const guint8 *words = row->words;
  gsize len = row->len;
  if (!row->totals) { /* a document without them yet */
    if (!teema_words__totals (e->project->store, row->document, row->words,
                              row->len, vocab_id, &e->vocab, e->totals, error))
      return FALSE;
    words = e->totals->data;
    len = e->totals->len;
  }
  TeemaSegmentRef ref = { 0, row->document, row->informant, row->group, FALSE };
  TeemaWordsReader r;
  teema_words__reader_init (&r, words, len);
  guint flags = 0;
  if (!teema_words__next (&r, &ref.segment, &flags, e->decoded)
      || ref.segment != 0 || flags != 0 || !all_known (e))
    return teema_words__corrupt (row->document, error);
  return complete_parts (e, &r, row->document, error)
         && e->totals_fn->totals (&ref,
                                  (const TeemaWordCount *) e->decoded->data,
                                  e->decoded->len, e->data, error)
         && (!e->words->len
             || e->fn (&ref, (const TeemaSegmentWord *) e->words->data,
                       e->words->len, e->data, error));
}

static gboolean
each_document (const TeemaStoreDocumentWords *row, gpointer data,
               GError **error)
{
  Each *e = data;
  TeemaSegmentRef ref = { 0, row->document, row->informant, row->group, FALSE };
  if (!row->words) { /* not indexed: read every segment's text */
    g_autoptr (GArray) keys = teema_store__document_segment_keys (
      e->project->store, row->document, e->interviewers, error);
    for (guint i = 0; keys && i < keys->len; i++) {
      ref.segment = g_array_index (keys, TeemaStoreSegmentKey, i).id;
      if (!each_segment (e, &ref, TEEMA_WORDS_SUSPENDED, error))
        return FALSE;
    }
    return keys != NULL;
  }
  if (e->totals)
    return each_totals (e, row, error);
  TeemaWordsReader r;
  teema_words__reader_init (&r, row->words, row->len);
  guint flags = 0;
  while (teema_words__next (&r, &ref.segment, &flags, e->decoded)) {
    ref.interviewer = (flags & TEEMA_WORDS_INTERVIEWER) != 0;
    if (ref.interviewer && !e->interviewers)
      continue;
    if (!each_segment (e, &ref, flags, error))
      return FALSE;
  }
  return !r.bad || teema_words__corrupt (row->document, error);
}

/* totals: NULL for each segment's words with full analyses, else each
 * document's totals with first lemmas only, kept in strings. */
static gboolean
foreach_words (TeemaProject *p, TeemaAnalyzer *az,
               const TeemaSegmentFilter *filter, GStringChunk *strings,
               const TeemaTotalsFuncs *totals, TeemaWordsFunc fn, gpointer data,
               GError **error)
{
  gboolean first_lemma = totals != NULL;
  g_autofree char *backend = teema_analyzer__cache_key (az);
  Each e = { 0 };
  e.project = p;
  e.vocab.az = az;
  e.vocab.by_id = g_ptr_array_new ();
  e.vocab.numbers = g_array_new (FALSE, TRUE, sizeof (guint8));
  if (first_lemma) {
    e.vocab.strings = strings;
    e.vocab.light = g_ptr_array_new_with_free_func (g_free);
    e.totals = g_byte_array_new ();
  }
  e.interviewers = filter && filter->include_interviewer;
  e.fn = fn;
  e.totals_fn = totals;
  e.data = data;
  e.decoded = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  e.words = g_array_new (FALSE, FALSE, sizeof (TeemaSegmentWord));
  /* The vocabulary and the documents naming it, in one snapshot. */
  gboolean started = FALSE;
  gboolean ok =
    teema_store__begin_read (p->store, &started, error)
    && teema_store__vocabulary (p->store, backend,
                                first_lemma ? vocab_add_first_lemma : vocab_add,
                                &e.vocab, error)
    && (first_lemma ? teema_store__foreach_document_totals (
          p->store, each_document, &e, error)
                    : teema_store__foreach_document_words (
                      p->store, filter ? filter->informant : NULL,
                      filter ? filter->group : NULL, each_document, &e, error));
  teema_store__end_read (p->store, started);
  for (guint id = 0; ok && first_lemma && id < e.vocab.by_id->len; id++)
    if (e.vocab.by_id->pdata[id])
      totals->word (id, e.vocab.by_id->pdata[id],
                    g_array_index (e.vocab.numbers, guint8, id), data);
  g_ptr_array_unref (e.vocab.by_id);
  g_array_unref (e.vocab.numbers);
  if (first_lemma) {
    g_ptr_array_unref (e.vocab.light);
    g_byte_array_unref (e.totals);
    if (e.vocab.ids)
      g_hash_table_destroy (e.vocab.ids);
  }
  g_array_unref (e.decoded);
  g_array_unref (e.words);
  return ok;
}

gboolean
teema_words__foreach (TeemaProject *p, TeemaAnalyzer *az,
                      const TeemaSegmentFilter *filter, TeemaWordsFunc fn,
                      gpointer data, GError **error)
{
  return foreach_words (p, az, filter, NULL, NULL, fn, data, error);
}

gboolean
teema_words__foreach_totals (TeemaProject *p, TeemaAnalyzer *az,
                             GStringChunk *strings,
                             const TeemaTotalsFuncs *funcs, gpointer data,
                             GError **error)
{
  return foreach_words (p, az, NULL, strings, funcs, funcs->words, data, error);
}
