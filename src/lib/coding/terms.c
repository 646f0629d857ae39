/* coding/terms.c — which lemmas and compound parts each informant segment
 * has, and which segments a few rules match: what keyword proposals
 * (reports/proposals.c) read.
 *
 * Both answer from the word index (coding/words.c): a segment's terms are
 * the analyses of the word forms the index stores for it (its text is
 * read only where the index cannot say, as for keyness), and a rule is
 * matched only on the segments whose words may satisfy it, as search
 * does, so the segments are those matching every text would give. They
 * are the only place proposals touch words, so their callers do not know
 * where the words come from.
 * Must always hold: only informant segments; a term is given once per
 * segment; a term's text is exactly the rule that matches it
 * ("lemma:helpottaa", "part:suhde"). */
#include "coding/coding-private.h"

typedef struct {
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
segment_terms (const TeemaSegmentRef *seg, const TeemaSegmentWord *words,
               guint n, gpointer data, GError **error)
{
  TermsRun *r = data;
  for (guint i = 0; i < n; i++) {
    if (words[i].number)
      continue;
    const TeemaAnalysis *an = words[i].analysis;
    for (const char *const *l = an->lemmas; *l; l++)
      add_term (r, "lemma:", *l);
    for (const char *const *p = an->parts; *p; p++)
      if (!g_strv_contains (an->lemmas, *p))
        add_term (r, "part:", *p);
  }
  r->fn (seg->segment, r->terms, r->data);
  g_ptr_array_set_size (r->terms, 0);
  g_hash_table_remove_all (r->seen);
  return TRUE;
}

gboolean
teema_coding__foreach_segment_terms (TeemaProject *project, TeemaAnalyzer *az,
                                     TeemaTermsFunc fn, gpointer data,
                                     GError **error)
{
  TermsRun r = { fn, data,
                 g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                 g_ptr_array_new () };
  TeemaSegmentFilter f = { 0 };
  gboolean ok =
    teema_words__foreach (project, az, &f, segment_terms, &r, error);
  g_ptr_array_unref (r.terms);
  g_hash_table_destroy (r.seen);
  return ok;
}

/* Calls fn for each informant segment rule number i matches. */
static gboolean
rule_segments (TeemaProject *project, TeemaAnalyzer *az, TeemaRule *rule,
               guint i, TeemaRuleSegmentFunc fn, gpointer data, GError **error)
{
  TeemaSegmentFilter f = { 0 };
  g_autoptr (TeemaCandidates) candidates =
    teema_words__candidates (project, az, rule, &f, error);
  if (!candidates)
    return FALSE;
  for (guint k = 0; k < candidates->segments->len; k++) {
    const TeemaCandidate *c =
      &g_array_index (candidates->segments, TeemaCandidate, k);
    g_autofree char *text =
      teema_store__segment_text (project->store, c->id, error);
    if (!text)
      return FALSE;
    g_autoptr (GArray) tokens = c->read_whole
                                  ? teema_analyzer_tokenize (az, text, -1)
                                  : teema_words__tokens (candidates, az, text);
    if (teema_rule_match (rule, az, text, tokens, NULL, NULL))
      fn (c->id, i, data);
  }
  return TRUE;
}

gboolean
teema_coding__foreach_rule_segment (TeemaProject *project, TeemaAnalyzer *az,
                                    GPtrArray *rules, TeemaRuleSegmentFunc fn,
                                    gpointer data, GError **error)
{
  /* The index and the texts it names, in one snapshot. */
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < rules->len; i++)
    ok = rule_segments (project, az, rules->pdata[i], i, fn, data, error);
  teema_store__end_read (project->store, started);
  return ok;
}
