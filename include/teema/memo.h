/* teema/memo.h — a coder's memo on a segment.
 *
 * One memo per segment and coder. Every write is its own transaction, so
 * an interactive session loses nothing when killed. */
#ifndef TEEMA_MEMO_H
#define TEEMA_MEMO_H

#include <glib.h>
#include <teema/project.h>

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
char *teema_memo_get (TeemaProject *project, gint64 segment_id,
                      const char *coder, GError **error);
/* Sets the coder's memo; NULL or "" deletes it. Unknown segment:
 * TEEMA_ERROR_NOT_FOUND. */
gboolean teema_memo_set (TeemaProject *project, gint64 segment_id,
                         const char *coder, const char *text, GError **error);
/* Memos passing filter (NULL: all) in document order, then by coder. An
 * unknown coder or informant gives an empty array, not an error. */
GPtrArray *teema_memo_list (TeemaProject *project,
                            const TeemaMemoFilter *filter, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaMemo, teema_memo_free)

#ifdef __cplusplus
}
#endif

#endif
