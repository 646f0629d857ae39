/* segment-private.h — cutting a parsed transcript into segments. */
#ifndef TEEMA_SEGMENT_PRIVATE_H
#define TEEMA_SEGMENT_PRIVATE_H

#include <teema/segment.h>
#include <teema/transcript.h>

/* Segments of transcript in text order (TeemaSegment *, without ids or
 * document fields): one per turn, or its paragraphs, or its ICU sentences.
 * Each carries its text, the turn's speaker and, with count_words, its
 * word count (import counts while it indexes the words, so it passes
 * FALSE and the segmentation runs once). */
GPtrArray *teema_segment__cut (const TeemaTranscript *transcript,
                               TeemaSegmentation mode, gboolean count_words);

const char *teema_segmentation__name (TeemaSegmentation mode);

#endif
