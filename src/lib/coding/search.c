/* search.c — segments matching a rule, and keyword-in-context lines. */
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

GPtrArray *
teema_search_run (TeemaProject *project, const char *rule_src,
                  const TeemaSegmentFilter *filter, GError **error)
{
  g_autoptr (TeemaRule) rule = teema_rule_compile (rule_src, error);
  if (!rule)
    return NULL;
  g_autoptr (TeemaAnalyzer) az =
    teema_coding__analyzer (project, NULL, FALSE, NULL, error);
  if (!az)
    return NULL;
  GPtrArray *segs = teema_store__list_segments (project->store, filter, error);
  if (!segs)
    return NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_search_match_free);
  for (guint i = 0; i < segs->len; i++) {
    TeemaSegment *s = segs->pdata[i];
    g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, s->text, -1);
    GArray *hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
    GError *undecided = NULL;
    if (!teema_rule_match_full (rule, az, s->text, tokens, NULL, hits,
                                &undecided)) {
      g_array_unref (hits);
      if (!undecided)
        continue;
      /* A search that cannot be decided on a segment is not a short list. */
      g_propagate_prefixed_error (
        error, undecided, "segment %" G_GINT64_FORMAT " (%s #%u): ", s->id,
        s->document, s->ordinal);
      g_ptr_array_unref (segs);
      g_ptr_array_unref (out);
      return NULL;
    }
    TeemaSearchMatch *m = g_new0 (TeemaSearchMatch, 1);
    m->segment = g_steal_pointer (&segs->pdata[i]);
    m->hits = hits;
    g_ptr_array_add (out, m);
  }
  g_ptr_array_unref (segs);
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
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (s, end - start);
  guint left_cp = start > width ? start - width : 0;
  const char *l = g_utf8_offset_to_pointer (text, left_cp);
  glong right_avail = g_utf8_strlen (e, -1);
  const char *r =
    g_utf8_offset_to_pointer (e, MIN ((glong) width, right_avail));
  g_autofree char *left = one_line (l, s - l);
  g_autofree char *mid = one_line (s, e - s);
  g_autofree char *right = one_line (e, r - e);
  guint pad = width - (start - left_cp);
  g_autofree char *spaces = g_strnfill (pad, ' ');
  return g_strdup_printf ("%s%s%s[%s]%s%s", spaces, left_cp > 0 ? "…" : " ",
                          left, mid, right, *r ? "…" : "");
}
