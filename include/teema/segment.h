/* teema/segment.h — segments: the units that are coded.
 *
 * A segment is a span [start, end) in code points of its document's stored
 * NFC text: a speaker turn, a paragraph or a sentence of one. */
#ifndef TEEMA_SEGMENT_H
#define TEEMA_SEGMENT_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  gint64 id;
  gint64 document_id;
  char *document; /* document name */
  guint ordinal;  /* 1-based position in its document */
  char *speaker;
  char *informant; /* informant code of the document */
  char *group;     /* informant group, or NULL */
  gboolean interviewer;
  guint start, end; /* code points into the document text */
  guint n_words;
  char *timestamp; /* or NULL */
  char *text;      /* the segment's text */
} TeemaSegment;

void teema_segment_free (TeemaSegment *segment);

typedef struct {
  const char *informant;        /* only this informant, or NULL */
  const char *group;            /* only this group, or NULL */
  gboolean include_interviewer; /* interviewer turns too */
  gboolean without_text;        /* leave text NULL (teema_segment_get
                                   reads it): for long lists */
} TeemaSegmentFilter;

/* Segments in document and position order; free with g_ptr_array_unref. */
GPtrArray *teema_segment_list (TeemaProject *project,
                               const TeemaSegmentFilter *filter,
                               GError **error);

/* A part of a segment's text: [start, end) in code points from its start. */
typedef struct {
  guint start, end;
} TeemaSpan;

/* The sentences of the segment's text (ICU, as teema_text_sentences), as
 * TeemaSpan without the white space around them, in order; empty only
 * for a segment without text. */
GArray *teema_segment_sentences (const TeemaSegment *segment);

/* One segment by id, or NULL with TEEMA_ERROR_NOT_FOUND. */
TeemaSegment *teema_segment_get (TeemaProject *project, gint64 id,
                                 GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaSegment, teema_segment_free)

#ifdef __cplusplus
}
#endif

#endif
