/* segment.c — segmentation of speaker turns.
 *
 * Turns are the default unit. Paragraph mode cuts a turn at blank lines;
 * sentence mode uses ICU's sentence break iterator (over UTF-8, no copy).
 * Must always hold: segments lie inside their turn, in order, without
 * leading or trailing white space, and their offsets are code points into
 * the transcript text. */
#include "segment-private.h"

#include <string.h>
#include <teema/text.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

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

static void
add_segment (GPtrArray *out, const TeemaTurn *turn, const char *text, gsize bs,
             gsize be, guint cs)
{
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
  s->end = cs + (guint) g_utf8_strlen (s->text, -1);
  s->n_words = teema_text_count_words (s->text, -1);
  g_ptr_array_add (out, s);
}

static void
cut_paragraphs (GPtrArray *out, const TeemaTurn *turn, const char *text,
                gsize bs, gsize be, guint cs)
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
cut_sentences (GPtrArray *out, const TeemaTurn *turn, const char *text,
               gsize bs, gsize be, guint cs)
{
  /* ICU ends a sentence at every line break; a transcript wrapped by hand
   * is one sentence across lines, so lone newlines become spaces in a copy
   * of the same length (byte offsets stay valid). Blank lines still end
   * sentences. */
  g_autofree char *flat = g_strndup (text + bs, be - bs);
  for (gsize i = 0; i < be - bs; i++)
    if (flat[i] == '\n' && !(i + 1 < be - bs && flat[i + 1] == '\n')
        && !(i > 0 && flat[i - 1] == '\n'))
      flat[i] = ' ';
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, flat, (int64_t) (be - bs), &st);
  UBreakIterator *bi = ubrk_open (UBRK_SENTENCE, "fi", NULL, 0, &st);
  ubrk_setUText (bi, ut, &st);
  if (U_FAILURE (st)) {
    add_segment (out, turn, text, bs, be, cs);
  } else {
    int32_t prev = ubrk_first (bi);
    guint cp = cs;
    for (int32_t next = ubrk_next (bi); next != UBRK_DONE;
         prev = next, next = ubrk_next (bi)) {
      add_segment (out, turn, text, bs + prev, bs + next, cp);
      cp += (guint) g_utf8_strlen (text + bs + prev, next - prev);
    }
  }
  ubrk_close (bi);
  utext_close (ut);
}

GPtrArray *
teema_segment__cut (const TeemaTranscript *transcript, TeemaSegmentation mode)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  Cursor c = { teema_transcript_text (transcript), 0, 0 };
  for (guint i = 0; i < teema_transcript_n_turns (transcript); i++) {
    const TeemaTurn *turn = teema_transcript_turn (transcript, i);
    gsize bs = byte_of (&c, turn->start);
    gsize be = byte_of (&c, turn->end);
    if (mode == TEEMA_SEGMENT_PARAGRAPH)
      cut_paragraphs (out, turn, c.text, bs, be, turn->start);
    else if (mode == TEEMA_SEGMENT_SENTENCE)
      cut_sentences (out, turn, c.text, bs, be, turn->start);
    else
      add_segment (out, turn, c.text, bs, be, turn->start);
  }
  return out;
}
