/* teema/suggestion.h — rule suggestions for a human coder, and the coder's
 * decisions on them.
 *
 * A suggestion is a theme that the codebook's rules code on a segment
 * (a coding by the coder "rules") that the human coder has neither made
 * nor rejected. A rejection is remembered per segment, theme and coder. */
#ifndef TEEMA_SUGGESTION_H
#define TEEMA_SUGGESTION_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Records (rejected TRUE) or withdraws a coder's rejection of the rule
 * suggestion theme (id or label) on a segment. Unknown theme or segment:
 * TEEMA_ERROR_NOT_FOUND. */
gboolean teema_rejection_set (TeemaProject *project, gint64 segment_id,
                              const char *theme, const char *coder,
                              gboolean rejected, GError **error);
/* Rejections as TeemaCoding records (segment_id, theme, coder set; the
 * rest zero), for coder or everyone when NULL. */
GPtrArray *teema_rejection_list (TeemaProject *project, const char *coder,
                                 GError **error);

#ifdef __cplusplus
}
#endif

#endif
