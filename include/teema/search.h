/* teema/search.h — segments that match a rule, as keyword in context. */
#ifndef TEEMA_SEARCH_H
#define TEEMA_SEARCH_H

#include <glib.h>
#include <teema/project.h>
#include <teema/segment.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  TeemaSegment *segment;
  GArray *hits; /* TeemaRuleHit, offsets into segment->text (why is an
                   interned string: it outlives the rule) */
} TeemaSearchMatch;

void teema_search_match_free (TeemaSearchMatch *match);

/* Segments matching rule (the rule language of teema/rule.h), in document
 * order; free with g_ptr_array_unref. A bad rule: TEEMA_ERROR_RULE. */
GPtrArray *teema_search_run (TeemaProject *project, const char *rule,
                             const TeemaSegmentFilter *filter, GError **error);

/* One keyword-in-context line: width code points of left context, the
 * matched span in [brackets], and the right context, on one line. */
char *teema_search_kwic (const char *text, guint start, guint end, guint width);

#ifdef __cplusplus
}
#endif

#endif
