/* teema/coding.h — codings: a theme applied to a span by a coder.
 *
 * Rule codings are recorded under the coder "rules"; human coders by name.
 * A coding of a whole segment spans the segment's [start, end); a coding
 * of part of it (some of its sentences, say) spans less. Reports count a
 * segment once per theme however much of it is coded; quotes print the
 * coded part. Themes are named by id or label (teema_codebook_find);
 * interviewer turns are never coded. */
#ifndef TEEMA_CODING_H
#define TEEMA_CODING_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TEEMA_CODER_RULES "rules"

typedef struct {
  gint64 id;
  gint64 segment_id;
  char *theme; /* theme code */
  char *coder;
  char *informant;
  guint start, end; /* code points into the document text */
  char *created_at; /* ISO 8601 UTC */
  char *note;       /* for rule codings: the rule and words that fired */
} TeemaCoding;

void teema_coding_free (TeemaCoding *coding);

typedef struct {
  const char *coder;     /* only this coder, or NULL for all */
  const char *theme;     /* only this theme (id or label), or NULL */
  const char *informant; /* only this informant, or NULL */
  gint64 segment_id;     /* only this segment, or 0 */
  gboolean keys_only;    /* only segment_id, theme, coder, start and end
                            set, in no particular order: for sets of
                            many codings */
} TeemaCodingFilter;

/* Codings ordered by document, segment, theme (with keys_only, unordered);
 * free with g_ptr_array_unref. */
GPtrArray *teema_coding_list (TeemaProject *project,
                              const TeemaCodingFilter *filter, GError **error);

/* Codes the whole segment with theme by coder. Adding an existing coding is
 * not an error (returns TRUE, *added FALSE). Unknown segment or theme:
 * TEEMA_ERROR_NOT_FOUND; an interviewer turn: TEEMA_ERROR_FAILED. */
gboolean teema_coding_add (TeemaProject *project, gint64 segment_id,
                           const char *theme, const char *coder,
                           gboolean *added, GError **error);
/* Codes the part [from, to) of the segment's text (code points from 0;
 * teema_segment_sentences gives sentence spans). A span outside the text:
 * TEEMA_ERROR_FAILED; otherwise as teema_coding_add. */
gboolean teema_coding_add_range (TeemaProject *project, gint64 segment_id,
                                 const char *theme, const char *coder,
                                 guint from, guint to, gboolean *added,
                                 GError **error);
/* Removes the coder's codings of theme on the segment, whole or in part;
 * *removed says whether there were any. */
gboolean teema_coding_remove (TeemaProject *project, gint64 segment_id,
                              const char *theme, const char *coder,
                              gboolean *removed, GError **error);
/* Removes only the coding of exactly [from, to) of the segment's text. */
gboolean teema_coding_remove_range (TeemaProject *project, gint64 segment_id,
                                    const char *theme, const char *coder,
                                    guint from, guint to, gboolean *removed,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCoding, teema_coding_free)

#ifdef __cplusplus
}
#endif

#endif
