/* coding/weigh.c — deciding a theme that has evidence (a codebook's
 * "evidence:" lines): its score on the segment, with the rules' weight
 * when they coded it, keeps, drops or makes the coding.
 *
 * A coding the rules made keeps its sentences; one by evidence alone is
 * explained by the terms that weigh most for it, and a theme of scope
 * sentence codes the sentences whose terms weigh for it. A segment longer
 * than the rows evidence is learned on is weighed in runs of sentences
 * (see TEEMA_EVIDENCE_CHUNK_WORDS). */
#include "coding/compiled-private.h"

/* A coding by evidence alone of a theme of scope sentence: the sentences
 * whose own terms weigh for the theme (all of them, or none: the whole
 * segment). */
static void
evidence_spans (TeemaCompiled *c, TeemaCompiledTheme *ct,
                const TeemaSegment *seg, const GArray *tokens,
                TeemaSentences **sentences, TeemaAutocodeItem *it)
{
  if (!*sentences)
    *sentences = teema_sentences__new (c, seg, tokens);
  const TeemaSentences *s = *sentences;
  for (guint i = 0; i < s->n; i++)
    if (teema_evidence__terms_sum (c->evidence, ct->slot, s->tokens[i]) > 0)
      teema_spans__add (it->spans, &s->where[i]);
  teema_spans__whole_when_all (it->spans, s->n);
}

/* A coding by evidence alone is explained by this many of its terms that
 * weigh most for it: enough to see why, few enough to read. */
#define TEEMA_EVIDENCE_SHOWN 5

static gint
by_weight (gconstpointer a, gconstpointer b)
{
  const TeemaEvidenceFired *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return x->token < y->token ? -1 : x->token > y->token;
}

/* The words of a coding by evidence alone: the terms that weigh most for
 * the theme, at their first word, as "evidence" hits ("lemma:lupaus
 * +0.92"). */
static void
evidence_hits (TeemaCompiled *c, TeemaCompiledTheme *ct,
               const TeemaSegment *seg, const GArray *tokens,
               TeemaAutocodeItem *it)
{
  g_autoptr (GArray) fired =
    g_array_new (FALSE, FALSE, sizeof (TeemaEvidenceFired));
  teema_evidence__fired (c->evidence, ct->slot, tokens, fired);
  g_array_sort (fired, by_weight);
  for (guint i = 0; i < fired->len && i < TEEMA_EVIDENCE_SHOWN; i++) {
    const TeemaEvidenceFired *f = &g_array_index (fired, TeemaEvidenceFired, i);
    const TeemaToken *tok = &g_array_index (tokens, TeemaToken, f->token);
    g_autofree char *why = g_strdup_printf ("%s %+.2f", f->term, f->weight);
    TeemaRuleHit rh = {
      .token = f->token, .start = tok->start, .end = tok->end, .why = why
    };
    g_ptr_array_add (it->hits, teema_compiled__hit (seg, tokens, &rh, NULL));
  }
}

/* The score of a weighed theme on the segment last scored, with the
 * rules' weight when they coded it. */
static double
theme_score (const TeemaCompiled *c, const TeemaCompiledTheme *ct,
             gboolean ruled)
{
  return c->scores[ct->slot]
         + (ruled ? teema_evidence__rules_weight (c->evidence, ct->slot) : 0);
}

/* Decides a weighed theme on a segment short enough to weigh whole: it,
 * what its rules coded (or NULL), stays when the score is above 0, else
 * goes; with no rule coding, a score above 0 codes the segment by
 * evidence alone. */
static TeemaAutocodeItem *
weigh (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSegment *seg,
       const GArray *tokens, TeemaSentences **sentences, TeemaAutocodeItem *it,
       gboolean with_hits)
{
  if (theme_score (c, ct, it != NULL) <= 0) {
    if (it)
      teema_compiled__item_free (it);
    return NULL;
  }
  if (it)
    return it;
  it = teema_compiled__item_new (seg, ct->theme->code);
  if (ct->theme->scope == TEEMA_SCOPE_SENTENCE)
    evidence_spans (c, ct, seg, tokens, sentences, it);
  if (with_hits)
    evidence_hits (c, ct, seg, tokens, it);
  return it;
}

/* ---- long segments: weighed in chunks ----------------------------------- */

/* Evidence is learned on rows of up to about TEEMA_EVIDENCE_CHUNK_WORDS
 * words. Weighed whole, a longer turn sums more terms than any row did
 * and drifts towards the prior; so it is weighed as runs of whole
 * sentences of at most that many words (a longer sentence alone), and
 * the theme codes the runs that weigh for it. */
#define TEEMA_EVIDENCE_CHUNK_WORDS 40

/* A long segment's runs of sentences, with their scores. */
struct TeemaChunks {
  TeemaSentences *runs; /* each a run of sentences as one text; where[] gives
                      its sentences first..last */
  double *scores;       /* per run, a score per evidence slot */
  guint n_slots;
};

void
teema_chunks__free (TeemaChunks *k)
{
  if (!k)
    return;
  teema_sentences__free (k->runs);
  g_free (k->scores);
  g_free (k);
}

/* Cuts seg (whose sentences s are) into runs of sentences of at most
 * TEEMA_EVIDENCE_CHUNK_WORDS words and scores each run. */
static TeemaChunks *
chunks_new (TeemaCompiled *c, const TeemaSegment *seg, const GArray *tokens,
            const TeemaSentences *s)
{
  g_autoptr (GArray) runs =
    g_array_new (FALSE, FALSE, sizeof (TeemaAutocodeSpan));
  for (guint i = 0; i < s->n;) {
    TeemaAutocodeSpan run = s->where[i];
    guint words = s->tokens[i]->len;
    for (i++;
         i < s->n && words + s->tokens[i]->len <= TEEMA_EVIDENCE_CHUNK_WORDS;
         i++) {
      words += s->tokens[i]->len;
      run.end = s->where[i].end;
      run.last = s->where[i].last;
    }
    g_array_append_val (runs, run);
  }
  TeemaChunks *k = g_new0 (TeemaChunks, 1);
  k->runs = teema_sentences__of_spans (c, seg, tokens, runs);
  k->n_slots = c->themes->len + 1;
  k->scores = g_new0 (double, (gsize) k->runs->n * k->n_slots);
  for (guint r = 0; r < k->runs->n; r++)
    teema_evidence__score (c->evidence, k->runs->tokens[r],
                           k->scores + (gsize) r * k->n_slots);
  return k;
}

/* Which sentences (1-based) the rule item it codes: every one when it
 * has no spans. */
static gboolean *
ruled_sentences (const TeemaAutocodeItem *it, guint n)
{
  gboolean *ruled = g_new0 (gboolean, n + 2);
  for (guint i = 1; it && i <= n; i++)
    ruled[i] = it->spans->len == 0;
  for (guint k = 0; it && k < it->spans->len; k++) {
    const TeemaAutocodeSpan *sp =
      &g_array_index (it->spans, TeemaAutocodeSpan, k);
    for (guint i = sp->first; i <= sp->last && i <= n; i++)
      ruled[i] = TRUE;
  }
  return ruled;
}

/* Whether ct's rules code run r: for scope sentence, a sentence of it
 * that the rules coded; else the rules matched on the run's own text. */
static gboolean
run_ruled (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaChunks *k,
           guint r, const gboolean *ruled)
{
  const TeemaAutocodeSpan *w = &k->runs->where[r];
  if (ct->theme->scope == TEEMA_SCOPE_SENTENCE) {
    for (guint i = w->first; i <= w->last; i++)
      if (ruled[i])
        return TRUE;
    return FALSE;
  }
  guint words = teema_matcher__words (c->matcher);
  TeemaAutocodeItem *one = teema_compiled__code_theme (
    c, ct, &k->runs->parts[r], k->runs->tokens[r],
    k->runs->presence + (gsize) r * words, NULL, FALSE);
  if (!one)
    return FALSE;
  teema_compiled__item_free (one);
  return TRUE;
}

/* Adds to out the sentences of run r that a theme of scope sentence
 * codes: those its rules coded, else those whose terms weigh for it,
 * else the whole run. */
static void
run_spans (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSentences *s,
           const TeemaAutocodeSpan *w, const gboolean *ruled, GArray *out)
{
  guint before = out->len;
  for (guint i = w->first; i <= w->last; i++)
    if (ruled[i])
      teema_spans__add (out, &s->where[i - 1]);
  for (guint i = w->first; out->len == before && i <= w->last; i++)
    if (teema_evidence__terms_sum (c->evidence, ct->slot, s->tokens[i - 1]) > 0)
      teema_spans__add (out, &s->where[i - 1]);
  for (guint i = w->first; out->len == before && i <= w->last; i++)
    teema_spans__add (out, &s->where[i - 1]);
}

/* The score of run r for ct, with the rules' weight when they code it;
 * *by_rule (may be NULL) says whether they do. */
static double
run_score (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaChunks *k,
           guint r, const TeemaAutocodeItem *it, const gboolean *ruled,
           gboolean *by_rule)
{
  gboolean ruled_here = it && run_ruled (c, ct, k, r, ruled);
  if (by_rule)
    *by_rule = ruled_here;
  return k->scores[(gsize) r * k->n_slots + ct->slot]
         + (ruled_here ? teema_evidence__rules_weight (c->evidence, ct->slot)
                       : 0);
}

/* seg's sentences and runs, made on first need. */
static void
cut (TeemaCompiled *c, const TeemaSegment *seg, const GArray *tokens,
     TeemaSentences **sentences, TeemaChunks **chunks)
{
  if (!*sentences)
    *sentences = teema_sentences__new (c, seg, tokens);
  if (!*chunks)
    *chunks = chunks_new (c, seg, tokens, *sentences);
}

/* Decides a weighed theme on a long segment run by run (see above). */
static TeemaAutocodeItem *
weigh_runs (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSegment *seg,
            const GArray *tokens, TeemaSentences **sentences,
            TeemaChunks **chunks, TeemaAutocodeItem *it, gboolean with_hits)
{
  cut (c, seg, tokens, sentences, chunks);
  const TeemaSentences *s = *sentences;
  const TeemaChunks *k = *chunks;
  g_autofree gboolean *ruled = ruled_sentences (it, s->n);
  TeemaAutocodeItem *out = NULL;
  for (guint r = 0; r < k->runs->n; r++) {
    gboolean by_rule;
    if (run_score (c, ct, k, r, it, ruled, &by_rule) <= 0)
      continue;
    if (!out)
      out = teema_compiled__item_new (seg, ct->theme->code);
    if (ct->theme->scope == TEEMA_SCOPE_SENTENCE)
      run_spans (c, ct, s, &k->runs->where[r], ruled, out->spans);
    if (with_hits && !by_rule)
      evidence_hits (c, ct, &k->runs->parts[r], k->runs->tokens[r], out);
  }
  if (out && it)
    while (it->hits->len)
      g_ptr_array_add (out->hits, g_ptr_array_steal_index (it->hits, 0));
  if (it)
    teema_compiled__item_free (it);
  if (out)
    teema_spans__whole_when_all (out->spans, s->n);
  return out;
}

TeemaAutocodeItem *
teema_compiled__weigh (TeemaCompiled *c, TeemaCompiledTheme *ct,
                       const TeemaSegment *seg, const GArray *tokens,
                       TeemaSentences **sentences, TeemaChunks **chunks,
                       TeemaAutocodeItem *it, gboolean with_hits)
{
  if (tokens->len <= TEEMA_EVIDENCE_CHUNK_WORDS)
    return weigh (c, ct, seg, tokens, sentences, it, with_hits);
  return weigh_runs (c, ct, seg, tokens, sentences, chunks, it, with_hits);
}

double
teema_compiled__weigh_score (TeemaCompiled *c, TeemaCompiledTheme *ct,
                             const TeemaSegment *seg, const GArray *tokens,
                             TeemaSentences **sentences, TeemaChunks **chunks,
                             const TeemaAutocodeItem *it)
{
  if (tokens->len <= TEEMA_EVIDENCE_CHUNK_WORDS)
    return theme_score (c, ct, it != NULL);
  cut (c, seg, tokens, sentences, chunks);
  g_autofree gboolean *ruled = ruled_sentences (it, (*sentences)->n);
  double best = -G_MAXDOUBLE;
  for (guint r = 0; r < (*chunks)->runs->n; r++)
    best = MAX (best, run_score (c, ct, *chunks, r, it, ruled, NULL));
  return best;
}
