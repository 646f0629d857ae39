/* coding/compiled.c — the codebook's rules compiled for one analyser, and
 * coding one segment with them.
 *
 * For each theme: the theme's exclusions mark words that may not count,
 * then any of its rules that matches the remaining words codes the
 * segment. All rules share one matcher, so each word form is checked
 * against the codebook once, and a segment's term presence rules out most
 * themes before any word-level matching. Autocode, search, highlights,
 * suggestions and evaluation all code through here, so every path codes
 * text the same way.
 *
 * A theme with scope: sentence is coded the same way on each sentence of
 * the segment, as if the sentence were the whole text: its own words,
 * tokens and term presence, so that NEAR, AND, NOT, phrases, regular
 * expressions and exclusions never reach across a sentence boundary. The
 * sentences are cut once per segment, only when such a theme may match it
 * (a sentence has no term its segment lacks).
 *
 * A theme with evidence is then weighed (weigh.c): its segment score,
 * with the rules' weight when its rules coded, decides. */
#include "coding/compiled-private.h"
#include "text/text-private.h"

#include <string.h>

static void
compiled_theme_free (TeemaCompiledTheme *c)
{
  g_ptr_array_unref (c->rules);
  g_ptr_array_unref (c->excludes);
  g_free (c);
}

void
teema_compiled__free (TeemaCompiled *c)
{
  if (!c)
    return;
  g_ptr_array_unref (c->themes); /* rules first: they use the matcher */
  teema_matcher__free (c->matcher);
  g_free (c->presence);
  g_free (c->undecided);
  g_hash_table_destroy (c->gave_up);
  teema_evidence__index_free (c->evidence);
  g_free (c->scores);
  g_free (c);
}

static GPtrArray *
compile_list (TeemaMatcher *m, GPtrArray *sources, const char *code,
              GError **error)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_rule_free);
  for (guint i = 0; i < sources->len; i++) {
    TeemaRule *r = teema_rule_compile (sources->pdata[i], error);
    if (!r) {
      g_prefix_error (error, _ ("theme '%s': "), code);
      g_ptr_array_unref (out);
      return NULL;
    }
    teema_matcher__add (m, r);
    g_ptr_array_add (out, r);
  }
  return out;
}

TeemaCompiled *
teema_compiled__new (const TeemaCodebook *cb, TeemaAnalyzer *az, GError **error)
{
  TeemaCompiled *c = g_new0 (TeemaCompiled, 1);
  c->az = az;
  c->matcher = teema_matcher__new (az);
  c->gave_up = g_hash_table_new (g_direct_hash, g_direct_equal);
  c->themes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_theme_free);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    gboolean weighed = t->evidence && t->evidence->len;
    if (t->rules->len == 0 && !weighed)
      continue;
    TeemaCompiledTheme *ct = g_new0 (TeemaCompiledTheme, 1);
    ct->theme = t;
    if (weighed) {
      if (!c->evidence)
        c->evidence = teema_evidence__index_new ();
      ct->weighed = TRUE;
      ct->slot = teema_evidence__index_add (c->evidence, t->evidence);
    }
    ct->rules = compile_list (c->matcher, t->rules, t->code, error);
    ct->excludes =
      ct->rules ? compile_list (c->matcher, t->excludes, t->code, error) : NULL;
    g_ptr_array_add (c->themes, ct);
    if (!ct->excludes) {
      ct->excludes = g_ptr_array_new ();
      if (!ct->rules)
        ct->rules = g_ptr_array_new ();
      teema_compiled__free (c);
      return NULL;
    }
  }
  c->presence = g_new0 (guint64, teema_matcher__words (c->matcher));
  c->scores = g_new0 (double, c->themes->len + 1);
  return c;
}

static void
hit_free (TeemaAutocodeHit *h)
{
  g_free (h->rule);
  g_free (h->why);
  g_free (h->word);
  g_free (h->lemmas);
  g_free (h->parts);
  g_free (h);
}

void
teema_compiled__item_free (TeemaAutocodeItem *it)
{
  g_free (it->informant);
  g_free (it->document);
  g_free (it->theme);
  g_ptr_array_unref (it->hits);
  g_array_unref (it->spans);
  g_free (it);
}

GPtrArray *
teema_compiled__items_new (void)
{
  return g_ptr_array_new_with_free_func (
    (GDestroyNotify) teema_compiled__item_free);
}

static char *
substring_cp (const char *text, guint start, guint end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (s, end - start);
  return g_strndup (s, e - s);
}

/* Compound parts worth showing: those that are not just the lemmas. */
static char *
shown_parts (const TeemaAnalysis *an)
{
  for (const char *const *p = an->parts; *p; p++)
    if (!g_strv_contains ((const char *const *) an->lemmas, *p))
      return g_strjoinv ("+", (char **) an->parts);
  return g_strdup ("");
}

TeemaAutocodeHit *
teema_compiled__hit (const TeemaSegment *seg, const GArray *tokens,
                     const TeemaRuleHit *rh, const TeemaRule *rule)
{
  const TeemaAnalysis *an =
    g_array_index (tokens, TeemaToken, rh->token).analysis;
  TeemaAutocodeHit *h = g_new0 (TeemaAutocodeHit, 1);
  /* Evidence, not a rule, explains a coding by evidence alone. */
  h->rule = g_strdup (rule ? teema_rule_source (rule) : "evidence");
  h->why = g_strdup (rh->why);
  h->word = substring_cp (seg->text, rh->start, rh->end);
  h->lemmas = g_strjoinv (",", (char **) an->lemmas);
  h->parts = shown_parts (an);
  h->start = seg->start + rh->start;
  h->end = seg->start + rh->end;
  return h;
}

TeemaAutocodeItem *
teema_compiled__item_new (const TeemaSegment *seg, const char *theme)
{
  TeemaAutocodeItem *it = g_new0 (TeemaAutocodeItem, 1);
  it->segment_id = seg->id;
  it->informant = g_strdup (seg->informant);
  it->document = g_strdup (seg->document);
  it->ordinal = seg->ordinal;
  it->theme = g_strdup (theme);
  it->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  it->spans = g_array_new (FALSE, FALSE, sizeof (TeemaAutocodeSpan));
  return it;
}

/* Matches rule on seg; a rule that cannot decide (its regex reached the
 * cost limit) does not match and is counted, with the first problem kept
 * for the summary. */
static gboolean
match (TeemaCompiled *c, TeemaCompiledTheme *ct, TeemaRule *rule,
       const TeemaSegment *seg, const GArray *tokens, const guint64 *presence,
       const gboolean *blocked, GArray *hits)
{
  guint gave_up = GPOINTER_TO_UINT (g_hash_table_lookup (c->gave_up, rule));
  if (gave_up < TEEMA_RULE_MAX_GIVE_UPS) {
    g_autoptr (GError) error = NULL;
    if (teema_rule__match_present (rule, c->az, seg->text, tokens, c->matcher,
                                   presence, blocked, hits, &error))
      return TRUE;
    if (!error)
      return FALSE;
    g_hash_table_insert (c->gave_up, rule, GUINT_TO_POINTER (gave_up + 1));
    if (!c->undecided)
      c->undecided = g_strdup_printf (
        /* TRANSLATORS: the last %s is why the rule could not be decided;
         * the one before it a document's name, or "text". */
        _ ("theme '%s', rule '%s', segment %lld (%s #%u): %s"), ct->theme->code,
        teema_rule_source (rule), (long long) seg->id,
        seg->document ? seg->document : _ ("text"), seg->ordinal,
        error->message);
  }
  c->n_undecided++;
  return FALSE;
}

char *
teema_compiled__spans_key (const TeemaAutocodeItem *it)
{
  if (it->spans->len == 0)
    return NULL;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < it->spans->len; i++) {
    const TeemaAutocodeSpan *sp =
      &g_array_index (it->spans, TeemaAutocodeSpan, i);
    g_string_append_printf (s, "%s%u-%u", i ? "," : "", sp->start, sp->end);
  }
  return g_string_free (s, FALSE);
}

/* Marks the words that the theme's exclusions match, or NULL for none;
 * presence is the terms of text; live_ex (NULL: all) the exclusions worth
 * looking at. */
static gboolean *
blocked_words (TeemaCompiled *c, TeemaCompiledTheme *ct,
               const TeemaSegment *seg, const GArray *tokens,
               const guint64 *presence, const gboolean *live_ex)
{
  gboolean *blocked = NULL;
  g_autoptr (GArray) hits = NULL; /* made when needed: most texts need none */
  for (guint i = 0; i < ct->excludes->len; i++) {
    TeemaRule *ex = ct->excludes->pdata[i];
    if ((live_ex && !live_ex[i]) || !teema_rule__may_match (ex, presence))
      continue;
    if (!hits)
      hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
    match (c, ct, ex, seg, tokens, presence, NULL, hits);
  }
  if (!hits)
    return NULL;
  if (hits->len)
    blocked = g_new0 (gboolean, tokens->len + 1);
  for (guint i = 0; i < hits->len; i++)
    blocked[g_array_index (hits, TeemaRuleHit, i).token] = TRUE;
  return blocked;
}

/* Codes one text (a segment, or a sentence as one) with one theme,
 * whatever its scope; presence is the terms of tokens. live (NULL: all)
 * marks the rules, then the exclusions, worth looking at: for a sentence,
 * those that may match its segment. Returns the item or NULL. The item
 * carries the words that fired only when with_hits. */
TeemaAutocodeItem *
teema_compiled__code_theme (TeemaCompiled *c, TeemaCompiledTheme *ct,
                            const TeemaSegment *seg, const GArray *tokens,
                            const guint64 *presence, const gboolean *live,
                            gboolean with_hits)
{
  guint n = ct->rules->len;
  gboolean *may = g_newa (gboolean, n + 1);
  gboolean any = FALSE;
  for (guint r = 0; r < n; r++)
    any |= may[r] = (!live || live[r])
                    && teema_rule__may_match (ct->rules->pdata[r], presence);
  if (!any)
    return NULL;
  g_autofree gboolean *blocked =
    blocked_words (c, ct, seg, tokens, presence, live ? live + n : NULL);
  g_autoptr (GArray) hits =
    with_hits ? g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit)) : NULL;
  TeemaAutocodeItem *it = NULL;
  for (guint r = 0; r < n; r++) {
    TeemaRule *rule = ct->rules->pdata[r];
    if (!may[r])
      continue;
    if (hits)
      g_array_set_size (hits, 0);
    gboolean decided =
      !with_hits && !blocked && teema_rule__presence_decides (rule);
    if (!decided
        && !match (c, ct, rule, seg, tokens, presence, blocked,
                   with_hits ? hits : NULL))
      continue;
    if (!it)
      it = teema_compiled__item_new (seg, ct->theme->code);
    if (!with_hits)
      break;
    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (
        it->hits, teema_compiled__hit (
                    seg, tokens, &g_array_index (hits, TeemaRuleHit, i), rule));
  }
  return it;
}

/* ---- scope: sentence ---------------------------------------------------- */

void
teema_sentences__free (TeemaSentences *s)
{
  if (!s)
    return;
  for (guint i = 0; i < s->n; i++) {
    g_free (s->parts[i].text);
    g_array_unref (s->tokens[i]);
  }
  g_free (s->parts);
  g_free (s->tokens);
  g_free (s->presence);
  g_free (s->where);
  g_free (s);
}

/* The tokens of seg (in text order) that lie inside [start, end), with
 * offsets from start; *next is where to look from, and moves on. */
static GArray *
tokens_within (const GArray *tokens, guint *next, guint start, guint end)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaToken));
  guint t = *next;
  while (t < tokens->len && g_array_index (tokens, TeemaToken, t).start < start)
    t++;
  for (; t < tokens->len; t++) {
    TeemaToken tok = g_array_index (tokens, TeemaToken, t);
    if (tok.end > end)
      break;
    tok.start -= start;
    tok.end -= start;
    g_array_append_val (out, tok);
  }
  *next = t;
  return out;
}

/* The parts of seg at spans (code points of its text, in order, with
 * their sentence numbers), each a text of its own with its tokens (taken
 * from the segment's) and term presence. */
TeemaSentences *
teema_sentences__of_spans (TeemaCompiled *c, const TeemaSegment *seg,
                           const GArray *tokens, const GArray *spans)
{
  guint words = teema_matcher__words (c->matcher);
  TeemaSentences *s = g_new0 (TeemaSentences, 1);
  s->n = spans->len;
  s->parts = g_new0 (TeemaSegment, s->n + 1);
  s->tokens = g_new0 (GArray *, s->n + 1);
  s->presence = g_new0 (guint64, (gsize) s->n * words + 1);
  s->where = g_new0 (TeemaAutocodeSpan, s->n + 1);
  const char *at = seg->text ? seg->text : "";
  guint at_cp = 0, next = 0;
  for (guint i = 0; i < s->n; i++) {
    TeemaAutocodeSpan sp = g_array_index (spans, TeemaAutocodeSpan, i);
    const char *b = g_utf8_offset_to_pointer (at, sp.start - at_cp);
    const char *e = g_utf8_offset_to_pointer (b, sp.end - sp.start);
    at = e;
    at_cp = sp.end;
    s->parts[i] = *seg;
    s->parts[i].text = g_strndup (b, e - b);
    s->parts[i].start = seg->start + sp.start;
    s->parts[i].end = seg->start + sp.end;
    s->tokens[i] = tokens_within (tokens, &next, sp.start, sp.end);
    teema_matcher__presence (c->matcher, s->tokens[i],
                             s->presence + (gsize) i * words);
    s->where[i] = sp;
  }
  return s;
}

/* Cuts seg into its sentences (teema_segment_sentences, as coding add
 * --sentences counts them), tokens taken from the segment's. */
TeemaSentences *
teema_sentences__new (TeemaCompiled *c, const TeemaSegment *seg,
                      const GArray *tokens)
{
  g_autoptr (GArray) spans = teema_segment_sentences (seg);
  g_autoptr (GArray) numbered =
    g_array_new (FALSE, FALSE, sizeof (TeemaAutocodeSpan));
  for (guint i = 0; i < spans->len; i++) {
    TeemaSpan sp = g_array_index (spans, TeemaSpan, i);
    TeemaAutocodeSpan n = { sp.start, sp.end, i + 1, i + 1 };
    g_array_append_val (numbered, n);
  }
  return teema_sentences__of_spans (c, seg, tokens, numbered);
}

/* Adds sentence span to spans, joining it to the last one it follows. */
void
teema_spans__add (GArray *spans, const TeemaAutocodeSpan *span)
{
  if (spans->len) {
    TeemaAutocodeSpan *last =
      &g_array_index (spans, TeemaAutocodeSpan, spans->len - 1);
    if (last->last + 1 == span->first) {
      last->end = span->end;
      last->last = span->last;
      return;
    }
  }
  g_array_append_val (spans, *span);
}

/* Spans that cover all n sentences of a segment are the whole segment:
 * no spans. */
void
teema_spans__whole_when_all (GArray *spans, guint n)
{
  if (spans->len == 1 && g_array_index (spans, TeemaAutocodeSpan, 0).first == 1
      && g_array_index (spans, TeemaAutocodeSpan, 0).last == n)
    g_array_set_size (spans, 0);
}

/* Codes seg with a theme of scope sentence: each sentence on its own. A
 * segment all of whose sentences match is coded whole (no spans). */
static TeemaAutocodeItem *
code_sentences (TeemaCompiled *c, TeemaCompiledTheme *ct,
                const TeemaSegment *seg, const TeemaSentences *s,
                const gboolean *live, gboolean with_hits)
{
  guint words = teema_matcher__words (c->matcher);
  TeemaAutocodeItem *it = NULL;
  for (guint i = 0; i < s->n; i++) {
    const guint64 *presence = s->presence + (gsize) i * words;
    TeemaAutocodeItem *one = teema_compiled__code_theme (
      c, ct, &s->parts[i], s->tokens[i], presence, live, with_hits);
    if (!one)
      continue;
    if (!it)
      it = teema_compiled__item_new (seg, ct->theme->code);
    while (one->hits->len)
      g_ptr_array_add (it->hits, g_ptr_array_steal_index (one->hits, 0));
    teema_compiled__item_free (one);
    teema_spans__add (it->spans, &s->where[i]);
  }
  if (it)
    teema_spans__whole_when_all (it->spans, s->n);
  return it;
}

/* Codes seg with ct in ct's scope; *sentences is cut on first need. */
static TeemaAutocodeItem *
code_in_scope (TeemaCompiled *c, TeemaCompiledTheme *ct,
               const TeemaSegment *seg, const GArray *tokens,
               TeemaSentences **sentences, gboolean with_hits)
{
  switch (ct->theme->scope) {
  case TEEMA_SCOPE_SENTENCE: {
    /* A rule or exclusion that cannot match the segment cannot match a
     * sentence of it (a sentence has no term its segment lacks). */
    guint n = ct->rules->len, n_ex = ct->excludes->len;
    g_autofree gboolean *live = g_new0 (gboolean, n + n_ex + 1);
    gboolean any = FALSE;
    for (guint r = 0; r < n; r++)
      any |= live[r] = teema_rule__may_match (ct->rules->pdata[r], c->presence);
    if (!any)
      return NULL;
    for (guint x = 0; x < n_ex; x++)
      live[n + x] = teema_rule__may_match (ct->excludes->pdata[x], c->presence);
    if (!*sentences)
      *sentences = teema_sentences__new (c, seg, tokens);
    return code_sentences (c, ct, seg, *sentences, live, with_hits);
  }
  case TEEMA_SCOPE_SEGMENT:
    break;
  }
  return teema_compiled__code_theme (c, ct, seg, tokens, c->presence, NULL,
                                     with_hits);
}

/* Codes seg with ct: its rules in its scope, then its evidence. */
static TeemaAutocodeItem *
code_weighed (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSegment *seg,
              const GArray *tokens, TeemaSentences **sentences,
              TeemaChunks **chunks, gboolean with_hits)
{
  TeemaAutocodeItem *it =
    code_in_scope (c, ct, seg, tokens, sentences, with_hits);
  return ct->weighed ? teema_compiled__weigh (c, ct, seg, tokens, sentences,
                                              chunks, it, with_hits)
                     : it;
}

/* TRUE when skip_hits holds it's (segment, theme) with the same spans:
 * an existing coding, which needs no words. */
static gboolean
stored_as_is (GHashTable *skip_hits, const TeemaSegment *seg,
              const TeemaCompiledTheme *ct, const TeemaAutocodeItem *it)
{
  const char *stored = NULL;
  if (!teema_coding_keys__lookup (skip_hits, seg->id, ct->theme_id, &stored))
    return FALSE;
  g_autofree char *spans = teema_compiled__spans_key (it);
  return g_strcmp0 (stored, spans) == 0;
}

void
teema_compiled__code (TeemaCompiled *c, const TeemaSegment *seg,
                      const GArray *tokens, GPtrArray *items,
                      GHashTable *skip_hits)
{
  memset (c->presence, 0, teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  if (c->evidence)
    teema_evidence__score (c->evidence, tokens, c->scores);
  TeemaSentences *sentences = NULL;
  TeemaChunks *chunks = NULL;
  for (guint t = 0; t < c->themes->len; t++) {
    TeemaCompiledTheme *ct = c->themes->pdata[t];
    TeemaAutocodeItem *it =
      code_weighed (c, ct, seg, tokens, &sentences, &chunks, !skip_hits);
    if (it && skip_hits && !stored_as_is (skip_hits, seg, ct, it)) {
      /* A new coding is explained; an existing one needs no words. */
      teema_compiled__item_free (it);
      it = code_weighed (c, ct, seg, tokens, &sentences, &chunks, TRUE);
    }
    if (it)
      g_ptr_array_add (items, it);
  }
  teema_chunks__free (chunks);
  teema_sentences__free (sentences);
}

void
teema_compiled__code_one (TeemaCompiled *c, const TeemaSegment *seg,
                          const GArray *tokens, GPtrArray *items)
{
  teema_compiled__code (c, seg, tokens, items, NULL);
}

static TeemaCompiledTheme *
compiled_theme (TeemaCompiled *c, const char *code)
{
  for (guint t = 0; t < c->themes->len; t++) {
    TeemaCompiledTheme *ct = c->themes->pdata[t];
    if (g_ascii_strcasecmp (ct->theme->code, code) == 0)
      return ct;
  }
  return NULL;
}

/* Adds "exclusion: word" for each word an exclusion of ct blocks. */
static void
exclusion_details (TeemaCompiled *c, TeemaCompiledTheme *ct,
                   const TeemaSegment *seg, const GArray *tokens,
                   GPtrArray *details)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  for (guint i = 0; i < ct->excludes->len; i++) {
    g_array_set_size (hits, 0);
    if (!teema_rule_match (ct->excludes->pdata[i], c->az, seg->text, tokens,
                           NULL, hits))
      continue;
    for (guint h = 0; h < hits->len; h++) {
      const TeemaRuleHit *rh = &g_array_index (hits, TeemaRuleHit, h);
      g_autofree char *word = substring_cp (seg->text, rh->start, rh->end);
      g_ptr_array_add (details, g_strdup_printf ("%s: %s", rh->why, word));
    }
  }
}

/* Adds "rule N" for each rule of ct that codes the whole segment (its
 * exclusions applied, as a theme of scope segment would be coded). */
static void
segment_rules (TeemaCompiled *c, TeemaCompiledTheme *ct,
               const TeemaSegment *seg, const GArray *tokens,
               GPtrArray *details)
{
  g_autofree gboolean *blocked =
    blocked_words (c, ct, seg, tokens, c->presence, NULL);
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule__may_match (ct->rules->pdata[r], c->presence)
        && teema_rule_match (ct->rules->pdata[r], c->az, seg->text, tokens,
                             blocked, NULL))
      g_ptr_array_add (details, g_strdup_printf ("rule %u", r + 1));
}

/* TRUE when ct's rules code seg but its score (for a long segment, its
 * best run's) is not above 0; details get the score. c->presence must be
 * seg's. */
static gboolean
outweighed (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSegment *seg,
            const GArray *tokens, GPtrArray *details)
{
  TeemaSentences *sentences = NULL;
  TeemaChunks *chunks = NULL;
  TeemaAutocodeItem *it = code_in_scope (c, ct, seg, tokens, &sentences, FALSE);
  gboolean ruled = it != NULL;
  double score = 0;
  if (ruled) {
    teema_evidence__score (c->evidence, tokens, c->scores);
    score =
      teema_compiled__weigh_score (c, ct, seg, tokens, &sentences, &chunks, it);
    teema_compiled__item_free (it);
  }
  teema_chunks__free (chunks);
  teema_sentences__free (sentences);
  if (!ruled || score > 0)
    return FALSE;
  g_ptr_array_add (details, g_strdup_printf ("score %+.2f", score));
  return TRUE;
}

TeemaMissCause
teema_compiled__why_missed (TeemaCompiled *c, const char *code,
                            const TeemaSegment *seg, const GArray *tokens,
                            GPtrArray *details)
{
  TeemaCompiledTheme *ct = compiled_theme (c, code);
  if (!ct)
    return TEEMA_MISS_NO_WORD;
  memset (c->presence, 0, teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  if (ct->weighed && outweighed (c, ct, seg, tokens, details))
    return TEEMA_MISS_OUTWEIGHED;
  if (ct->theme->scope == TEEMA_SCOPE_SENTENCE) {
    segment_rules (c, ct, seg, tokens, details);
    if (details->len)
      return TEEMA_MISS_BELOW_SCOPE;
  }
  g_autoptr (GPtrArray) present = g_ptr_array_new ();
  for (guint r = 0; r < ct->rules->len; r++)
    teema_rule__present_terms (ct->rules->pdata[r], c->presence, seg->text,
                               present);
  if (present->len == 0)
    return TEEMA_MISS_NO_WORD;
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule_match (ct->rules->pdata[r], c->az, seg->text, tokens, NULL,
                          NULL)) {
      exclusion_details (c, ct, seg, tokens, details);
      return TEEMA_MISS_EXCLUDED;
    }
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule__complete (ct->rules->pdata[r], c->presence, seg->text))
      g_ptr_array_add (details, g_strdup_printf ("rule %u", r + 1));
  if (details->len)
    return TEEMA_MISS_APART;
  for (guint i = 0; i < present->len; i++)
    g_ptr_array_add (details, g_strdup (present->pdata[i]));
  return TEEMA_MISS_INCOMPLETE;
}

TeemaAnalyzer *
teema_coding__analyzer (TeemaProject *p, const char *lang,
                        gboolean force_snowball, char **cache_key,
                        GError **error)
{
  g_autofree char *stored = NULL;
  GError *local = NULL;
  if (!lang)
    lang = stored = teema_store__get_setting (p->store, "language", &local);
  if (local) {
    g_propagate_error (error, local);
    return NULL;
  }
  if (!lang)
    lang = "fi";
  TeemaAnalyzer *az = force_snowball ? teema_analyzer_new_snowball (lang, error)
                                     : teema_analyzer_new (lang, error);
  if (!az)
    return NULL;
  g_autofree char *key = teema_analyzer__cache_key (az);
  g_autofree char *dump = teema_store__load_analyses (p->store, key, error);
  if (!dump) {
    teema_analyzer_free (az);
    return NULL;
  }
  teema_analyzer_load_cache (az, dump);
  if (cache_key)
    *cache_key = g_steal_pointer (&key);
  return az;
}

GPtrArray *
teema_autocode_text (const TeemaCodebook *codebook, TeemaAnalyzer *analyzer,
                     const char *text, GError **error)
{
  g_autoptr (TeemaCompiled) compiled =
    teema_compiled__new (codebook, analyzer, error);
  if (!compiled)
    return NULL;
  TeemaSegment seg = { .text = (char *) text };
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (analyzer, text, -1);
  GPtrArray *items = teema_compiled__items_new ();
  teema_compiled__code_one (compiled, &seg, tokens, items);
  return items;
}
