/* teema/review.h — what a human coder adds besides codings: a memo per
 * segment, decisions on rule suggestions, and the rule hits to highlight.
 *
 * A suggestion is a coding of the coder "rules" on a segment that the human
 * coder has neither made (same theme) nor rejected. Every write is its own
 * transaction, so an interactive session loses nothing when killed. */
#ifndef TEEMA_REVIEW_H
#define TEEMA_REVIEW_H

#include <glib.h>
#include <teema/project.h>
#include <teema/segment.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  gint64 segment_id;
  char *coder;
  char *text;
  char *updated_at; /* ISO 8601 UTC */
  char *informant;  /* informant code of the segment's document, or NULL */
} TeemaMemo;

typedef struct {
  const char *coder;     /* only this coder's memos, or NULL */
  const char *informant; /* only on this informant's segments, or NULL */
} TeemaMemoFilter;

void teema_memo_free (TeemaMemo *memo);

/* The coder's memo on a segment: a new string, or NULL (no error) when
 * there is none. */
char *teema_project_get_memo (TeemaProject *project, gint64 segment_id,
                              const char *coder, GError **error);
/* Sets the coder's memo; NULL or "" deletes it. Unknown segment:
 * TEEMA_ERROR_NOT_FOUND. */
gboolean teema_project_set_memo (TeemaProject *project, gint64 segment_id,
                                 const char *coder, const char *text,
                                 GError **error);
/* Memos of coder (or of everyone when NULL) in document order. */
GPtrArray *teema_project_list_memos (TeemaProject *project, const char *coder,
                                     GError **error);
/* Memos passing filter (NULL: all) in document order, then by coder. An
 * unknown coder or informant gives an empty array, not an error. */
GPtrArray *teema_project_filter_memos (TeemaProject *project,
                                       const TeemaMemoFilter *filter,
                                       GError **error);

/* Records (rejected TRUE) or withdraws a coder's rejection of the rule
 * suggestion theme on a segment. Unknown theme or segment:
 * TEEMA_ERROR_NOT_FOUND. */
gboolean teema_project_set_rejected (TeemaProject *project, gint64 segment_id,
                                     const char *theme, const char *coder,
                                     gboolean rejected, GError **error);
/* Rejections as TeemaCoding records (segment_id, theme, coder set; the
 * rest zero), for coder or everyone when NULL. */
GPtrArray *teema_project_list_rejections (TeemaProject *project,
                                          const char *coder, GError **error);

/* Where the codebook's rules hit in a segment's text. */
typedef struct {
  guint start, end;  /* code points into the segment's text */
  const char *theme; /* theme code, owned by the highlighter */
} TeemaHighlight;

typedef struct TeemaHighlighter TeemaHighlighter;

/* Compiles the project's codebook with the project's analyser once.
 * No codebook: TEEMA_ERROR_NO_CODEBOOK. */
TeemaHighlighter *teema_highlighter_new (TeemaProject *project, GError **error);
void teema_highlighter_free (TeemaHighlighter *highlighter);
/* Hits of every theme's rules in segment->text, ordered by start
 * (TeemaHighlight); never NULL. */
GArray *teema_highlighter_hits (TeemaHighlighter *highlighter,
                                const TeemaSegment *segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaMemo, teema_memo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaHighlighter, teema_highlighter_free)

#ifdef __cplusplus
}
#endif

#endif
