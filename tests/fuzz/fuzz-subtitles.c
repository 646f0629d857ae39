/* fuzz-subtitles.c — WebVTT (input starting "WEBVTT") and SRT: the text
 * they are turned into must be read by the transcript parser. */
#include "fuzz.h"

#include "formats/formats-private.h"
#include <teema/transcript.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *s = (const char *) data;
  gsize skip = size >= 3 && memcmp (s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  gboolean vtt = size - skip >= 6 && memcmp (s + skip, "WEBVTT", 6) == 0;
  GError *error = NULL;
  char *text = teema_subtitles__to_text (s, size, vtt, "fuzz", &error);
  if (!text) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return 0;
  }
  FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
  TeemaTranscript *t = teema_transcript_parse (text, -1, "fuzz", &error);
  if (t)
    teema_transcript_free (t);
  g_clear_error (&error);
  g_free (text);
  return 0;
}
