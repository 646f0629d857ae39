/* project/segment.c — cutting transcripts into segments, and reading
 * segments back.
 *
 * Turns are the default unit. Paragraph mode cuts a turn at blank lines;
 * sentence mode uses the text layer's sentence boundaries (ICU).
 * Must always hold: segments lie inside their turn, in order, without
 * leading or trailing white space, and their offsets are code points into
 * the transcript text. */
#include "project/project-private.h"
#include "project/segment-private.h"

#include <string.h>
#include <teema/text.h>

const char *
teema_segmentation__name (TeemaSegmentation mode)
{
  switch (mode) {
  case TEEMA_SEGMENT_PARAGRAPH:
    return "paragraph";
  case TEEMA_SEGMENT_SENTENCE:
    return "sentence";
  default:
    return "turn";
  }
}

typedef struct {
  const char *text; /* transcript text */
  gsize at_byte;    /* a byte offset ... */
  guint at_cp;      /* ... and its code point offset, moving forward */
} Cursor;

/* Byte offset of code point cp; cp must not be behind the cursor. */
static gsize
byte_of (Cursor *c, guint cp)
{
  while (c->at_cp < cp) {
    c->at_byte = g_utf8_next_char (c->text + c->at_byte) - c->text;
    c->at_cp++;
  }
  return c->at_byte;
}

typedef struct {
  GPtrArray *out;
  gboolean count_words;
} Cut;

static void
add_segment (Cut *cut, const TeemaTurn *turn, const char *text, gsize bs,
             gsize be, guint cs)
{
  GPtrArray *out = cut->out;
  while (bs < be && g_ascii_isspace (text[bs])) {
    bs++;
    cs++;
  }
  while (be > bs && g_ascii_isspace (text[be - 1]))
    be--;
  if (be == bs)
    return;
  TeemaSegment *s = g_new0 (TeemaSegment, 1);
  s->ordinal = out->len + 1;
  s->speaker = g_strdup (turn->speaker);
  s->interviewer = turn->interviewer;
  s->timestamp = g_strdup (turn->timestamp);
  s->text = g_strndup (text + bs, be - bs);
  s->start = cs;
  s->end = cs + (guint) teema__utf8_length (s->text, -1);
  s->n_words = cut->count_words ? teema_text_count_words (s->text, -1) : 0;
  g_ptr_array_add (out, s);
}

static void
cut_paragraphs (Cut *out, const TeemaTurn *turn, const char *text, gsize bs,
                gsize be, guint cs)
{
  gsize start = bs;
  guint start_cp = cs, cp = cs;
  for (gsize i = bs; i < be; i = g_utf8_next_char (text + i) - text, cp++) {
    if (text[i] != '\n')
      continue;
    gsize j = i + 1;
    while (j < be && (text[j] == ' ' || text[j] == '\t'))
      j++;
    if (j < be && text[j] == '\n') {
      add_segment (out, turn, text, start, i, start_cp);
      start = i;
      start_cp = cp;
    }
  }
  add_segment (out, turn, text, start, be, start_cp);
}

static void
cut_sentences (Cut *out, const TeemaTurn *turn, const char *text, gsize bs,
               gsize be, guint cs)
{
  g_autoptr (GArray) ends = teema_text_sentences (text + bs, be - bs);
  gsize prev = 0;
  guint cp = cs;
  for (guint i = 0; i < ends->len; i++) {
    gsize next = g_array_index (ends, gsize, i);
    add_segment (out, turn, text, bs + prev, bs + next, cp);
    cp += (guint) teema__utf8_length (text + bs + prev, (gssize) (next - prev));
    prev = next;
  }
}

GPtrArray *
teema_segment__cut (const TeemaTranscript *transcript, TeemaSegmentation mode,
                    gboolean count_words)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  Cut cut = { out, count_words };
  Cursor c = { teema_transcript_text (transcript), 0, 0 };
  for (guint i = 0; i < teema_transcript_n_turns (transcript); i++) {
    const TeemaTurn *turn = teema_transcript_turn (transcript, i);
    gsize bs = byte_of (&c, turn->start);
    gsize be = byte_of (&c, turn->end);
    if (mode == TEEMA_SEGMENT_PARAGRAPH)
      cut_paragraphs (&cut, turn, c.text, bs, be, turn->start);
    else if (mode == TEEMA_SEGMENT_SENTENCE)
      cut_sentences (&cut, turn, c.text, bs, be, turn->start);
    else
      add_segment (&cut, turn, c.text, bs, be, turn->start);
  }
  return out;
}

/* ---- segments ------------------------------------------------------------ */

gboolean
teema_project__check_segment (TeemaProject *p, gint64 id, GError **error)
{
  g_autoptr (TeemaSegment) seg = teema_store__get_segment (p->store, id, error);
  return seg != NULL;
}

GPtrArray *
teema_segment_list (TeemaProject *project, const TeemaSegmentFilter *filter,
                    GError **error)
{
  return teema_store__list_segments (project->store, filter, error);
}

TeemaSegment *
teema_segment_get (TeemaProject *project, gint64 id, GError **error)
{
  return teema_store__get_segment (project->store, id, error);
}

GArray *
teema_segment_sentences (const TeemaSegment *segment)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
  const char *text = segment->text ? segment->text : "";
  gsize len = strlen (text);
  g_autoptr (GArray) ends = teema_text_sentences (text, len);
  gsize prev = 0;
  guint cp = 0;
  for (guint i = 0; i < ends->len; i++) {
    gsize next = g_array_index (ends, gsize, i);
    gsize bs = prev, be = next;
    guint cs = cp;
    cp += (guint) g_utf8_strlen (text + prev, (gssize) (next - prev));
    prev = next;
    while (bs < be && g_ascii_isspace (text[bs]))
      bs++, cs++;
    while (be > bs && g_ascii_isspace (text[be - 1]))
      be--;
    if (be == bs)
      continue;
    TeemaSpan span = {
      cs, cs + (guint) g_utf8_strlen (text + bs, (gssize) (be - bs))
    };
    g_array_append_val (out, span);
  }
  return out;
}
