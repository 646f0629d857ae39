/* fuzz-words.c — the word index as a project file stores it: the input is
 * one document's encoded words (or totals, read both ways). Decoding must
 * stop at the end of the data or mark it bad, never read past it, and give
 * ascending word ids within a segment. */
#include "fuzz.h"

#include "project/project-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* A copy of exactly size bytes: ASan catches any read past it. */
  guint8 *copy = g_memdup2 (data, size);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  TeemaWordsReader r;
  teema_words__reader_init (&r, copy, size);
  gint64 segment = 0;
  guint flags = 0, segments = 0;
  while (teema_words__next (&r, &segment, &flags, words)) {
    segments++;
    for (guint i = 1; i < words->len; i++)
      FUZZ_CHECK (g_array_index (words, TeemaWordCount, i).word
                  >= g_array_index (words, TeemaWordCount, i - 1).word);
    FUZZ_CHECK (r.p <= r.end);
  }
  /* As totals: the parts after the segments. */
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  teema_words__parts_init (&r);
  while (teema_words__next_part (&r, ids)) {
    FUZZ_CHECK (ids->len >= 1 && ids->len <= 4);
    FUZZ_CHECK (g_array_index (ids, gint64, 0) > 0);
    FUZZ_CHECK (r.p <= r.end);
  }
  g_array_unref (ids);
  g_array_unref (words);
  g_free (copy);
  return 0;
}
