/* fuzz-transcript.c — plain-text and Markdown transcripts
 * (teema_transcript_parse): turns must lie inside the text, in order. */
#include "fuzz.h"

#include <teema/transcript.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  TeemaTranscript *t =
    teema_transcript_parse ((const char *) data, (gssize) size, "fuzz", &error);
  if (!t) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return 0;
  }
  glong n = g_utf8_strlen (teema_transcript_text (t), -1);
  guint last = 0;
  for (guint i = 0; i < teema_transcript_n_turns (t); i++) {
    const TeemaTurn *turn = teema_transcript_turn (t, i);
    FUZZ_CHECK (turn->start <= turn->end && turn->end <= (guint) n);
    FUZZ_CHECK (turn->start >= last);
    FUZZ_CHECK (turn->speaker != NULL);
    last = turn->end;
  }
  for (const char *const *k = teema_transcript_meta_keys (t); *k; k++)
    FUZZ_CHECK (teema_transcript_meta (t, *k) != NULL);
  (void) teema_transcript_informant (t);
  teema_transcript_free (t);
  return 0;
}
