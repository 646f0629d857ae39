/* teema/suggestion.h — rule suggestions for a human coder, and the coder's
 * decisions on them.
 *
 * A suggestion is a theme that the codebook's rules code on a segment
 * (a coding by the coder "rules") that the human coder has neither made
 * nor rejected. A rejection is remembered per segment, theme and coder;
 * a rule coding that any coder rejected never counts in reports, quotes
 * or charts. Scripts (teema suggestions) and the terminal coder read the
 * same list in the same order. */
#ifndef TEEMA_SUGGESTION_H
#define TEEMA_SUGGESTION_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  gint64 segment_id;
  char *theme;     /* theme id */
  char *informant; /* informant code of the segment, or NULL */
  guint n_hits;    /* words that made the rules fire: the support */
  char *note;      /* the rule coding's note: each word, its lemmas and
                      the rule term that fired */
} TeemaSuggestion;

void teema_suggestion_free (TeemaSuggestion *suggestion);

typedef struct {
  const char *coder;     /* whose codings and rejections close a
                            suggestion; NULL: anyone's */
  gint64 segment_id;     /* one segment, or 0 for all */
  const char *informant; /* only this informant's segments, or NULL */
  const char *theme;     /* only this theme (id or label), or NULL */
} TeemaSuggestionFilter;

/* Open suggestions (filter may be NULL), in document order; within a
 * segment the most strongly supported first (most words that fired), then
 * in codebook order. Free with g_ptr_array_unref. */
GPtrArray *teema_suggestion_list (TeemaProject *project,
                                  const TeemaSuggestionFilter *filter,
                                  GError **error);

/* Accepts the rule suggestion theme (id or label) on a segment for coder:
 * each rule coding of it becomes the coder's coding of the same text, so
 * a theme of scope sentence is accepted as the sentences the rules
 * found. One transaction; *n_added (may be NULL) says how many codings
 * were new. No rule coding of theme there: TEEMA_ERROR_NOT_FOUND. */
gboolean teema_suggestion_accept (TeemaProject *project, gint64 segment_id,
                                  const char *theme, const char *coder,
                                  guint *n_added, GError **error);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaSuggestion, teema_suggestion_free)

#ifdef __cplusplus
}
#endif

#endif
