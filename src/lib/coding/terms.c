/* coding/terms.c — which lemmas and compound parts each informant segment
 * has, and which segments a few rules match: what keyword proposals
 * (reports/proposals.c) read.
 *
 * Today both walk the segments and analyse their text with the project's
 * analyser (the analysis cache makes each word form cost one analysis).
 * They are the only place proposals touch text, so that a word index of
 * the project (postings of lemmas and parts per segment) can answer them
 * instead without changing their callers.
 * Must always hold: only informant segments, in document order; a term is
 * given once per segment; a term's text is exactly the rule that matches
 * it ("lemma:helpottaa", "part:suhde"). */
#include "coding/coding-private.h"

typedef struct {
  TeemaAnalyzer *az;
  TeemaTermsFunc fn;
  gpointer data;
  GHashTable *seen; /* this segment's terms */
  GPtrArray *terms; /* the same, in order */
} TermsRun;

static void
add_term (TermsRun *r, const char *kind, const char *value)
{
  char *term = g_strconcat (kind, value, NULL);
  if (g_hash_table_contains (r->seen, term)) {
    g_free (term);
    return;
  }
  g_hash_table_add (r->seen, term);
  g_ptr_array_add (r->terms, term);
}

static gboolean
segment_terms (const TeemaSegment *seg, gpointer data, GError **error)
{
  TermsRun *r = data;
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (r->az, seg->text, -1);
  for (guint i = 0; i < tokens->len; i++) {
    const TeemaToken *t = &g_array_index (tokens, TeemaToken, i);
    if (t->flags & TEEMA_TOKEN_NUMBER)
      continue;
    const TeemaAnalysis *an = t->analysis;
    for (const char *const *l = an->lemmas; *l; l++)
      add_term (r, "lemma:", *l);
    for (const char *const *p = an->parts; *p; p++)
      if (!g_strv_contains (an->lemmas, *p))
        add_term (r, "part:", *p);
  }
  r->fn (seg->id, r->terms, r->data);
  g_ptr_array_set_size (r->terms, 0);
  g_hash_table_remove_all (r->seen);
  return TRUE;
}

gboolean
teema_coding__foreach_segment_terms (TeemaProject *project, TeemaAnalyzer *az,
                                     TeemaTermsFunc fn, gpointer data,
                                     GError **error)
{
  TermsRun r = { az, fn, data,
                 g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                 g_ptr_array_new () };
  TeemaSegmentFilter f = { 0 };
  gboolean ok =
    teema_store__foreach_segment (project->store, &f, segment_terms, &r, error);
  g_ptr_array_unref (r.terms);
  g_hash_table_destroy (r.seen);
  return ok;
}

typedef struct {
  TeemaAnalyzer *az;
  GPtrArray *rules; /* TeemaRule * */
  TeemaRuleSegmentFunc fn;
  gpointer data;
} MatchRun;

static gboolean
segment_rules (const TeemaSegment *seg, gpointer data, GError **error)
{
  MatchRun *r = data;
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (r->az, seg->text, -1);
  for (guint i = 0; i < r->rules->len; i++)
    if (teema_rule_match (r->rules->pdata[i], r->az, seg->text, tokens, NULL,
                          NULL))
      r->fn (seg->id, i, r->data);
  return TRUE;
}

gboolean
teema_coding__foreach_rule_segment (TeemaProject *project, TeemaAnalyzer *az,
                                    GPtrArray *rules, TeemaRuleSegmentFunc fn,
                                    gpointer data, GError **error)
{
  MatchRun r = { az, rules, fn, data };
  TeemaSegmentFilter f = { 0 };
  return teema_store__foreach_segment (project->store, &f, segment_rules, &r,
                                       error);
}
