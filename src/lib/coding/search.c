/* search.c — segments matching a rule, and keyword-in-context lines.
 *
 * The word index names the segments whose words may match (coding/words.c);
 * only those are read and matched, with the rule and analyser every
 * search uses, so the result is what matching every segment would give. */
#include "coding/coding-private.h"
#include "project/project-private.h"

#include <string.h>

void
teema_search_match_free (TeemaSearchMatch *m)
{
  if (!m)
    return;
  teema_segment_free (m->segment);
  g_array_unref (m->hits);
  g_free (m);
}

/* The matches, read in one snapshot of the project. */
static GPtrArray *
find (TeemaProject *project, TeemaAnalyzer *az, TeemaRule *rule,
      const TeemaSegmentFilter *filter, GError **error)
{
  g_autoptr (TeemaCandidates) candidates =
    teema_words__candidates (project, az, rule, filter, error);
  if (!candidates)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_search_match_free);
  for (guint i = 0; i < candidates->segments->len; i++) {
    const TeemaCandidate *c =
      &g_array_index (candidates->segments, TeemaCandidate, i);
    g_autoptr (TeemaSegment) s =
      teema_store__get_segment (project->store, c->id, error);
    if (!s) {
      g_ptr_array_unref (out);
      return NULL;
    }
    g_autoptr (GArray) tokens =
      c->read_whole ? teema_analyzer_tokenize (az, s->text, -1)
                    : teema_words__tokens (candidates, az, s->text);
    GArray *hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
    GError *undecided = NULL;
    if (!teema_rule_match_full (rule, az, s->text, tokens, NULL, hits,
                                &undecided)) {
      g_array_unref (hits);
      if (!undecided)
        continue;
      /* A search that cannot be decided on a segment is not a short list. */
      g_propagate_prefixed_error (error, undecided,
                                  _ ("segment %lld (%s #%u): "),
                                  (long long) s->id, s->document, s->ordinal);
      g_ptr_array_unref (out);
      return NULL;
    }
    /* why points into the rule, which is freed on return. */
    for (guint h = 0; h < hits->len; h++) {
      TeemaRuleHit *hit = &g_array_index (hits, TeemaRuleHit, h);
      hit->why = g_intern_string (hit->why);
    }
    TeemaSearchMatch *m = g_new0 (TeemaSearchMatch, 1);
    m->segment = g_steal_pointer (&s);
    m->hits = hits;
    g_ptr_array_add (out, m);
  }
  return out;
}

GPtrArray *
teema_search_run (TeemaProject *project, const char *rule_src,
                  const TeemaSegmentFilter *filter, GError **error)
{
  g_autoptr (TeemaRule) rule = teema_rule_compile (rule_src, error);
  if (!rule)
    return NULL;
  g_autoptr (TeemaAnalyzer) az = teema_coding__lazy_analyzer (project, error);
  if (!az)
    return NULL;
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return NULL;
  GPtrArray *out = find (project, az, rule, filter, error);
  teema_store__end_read (project->store, started);
  return out;
}

static char *
one_line (const char *s, gssize len)
{
  char *out = g_strndup (s, len);
  g_strdelimit (out, "\n\t\r", ' ');
  return out;
}

char *
teema_search_kwic (const char *text, guint start, guint end, guint width)
{
  /* Each walked once, and the right context no further than width. */
  guint left_cp = start > width ? start - width : 0;
  const char *l = g_utf8_offset_to_pointer (text, left_cp);
  const char *s = g_utf8_offset_to_pointer (l, start - left_cp);
  const char *e = g_utf8_offset_to_pointer (s, end - start);
  const char *r = e;
  for (guint i = 0; i < width && *r; i++)
    r = g_utf8_next_char (r);
  g_autofree char *left = one_line (l, s - l);
  g_autofree char *mid = one_line (s, e - s);
  g_autofree char *right = one_line (e, r - e);
  guint pad = width - (start - left_cp);
  g_autofree char *spaces = g_strnfill (pad, ' ');
  return g_strdup_printf ("%s%s%s[%s]%s%s", spaces, left_cp > 0 ? "…" : " ",
                          left, mid, right, *r ? "…" : "");
}
