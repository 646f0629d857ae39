/* icu-words.c — the baseline: bare ICU word segmentation (locale "fi") of
 * files, counting word tokens, with nothing else done. Prints
 * "WORDS SECONDS". */
#include <glib.h>
#include <stdio.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int
main (int argc, char **argv)
{
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open (UBRK_WORD, "fi", NULL, 0, &st);
  guint64 words = 0;
  double seconds = 0;
  for (int i = 1; i < argc; i++) {
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents (argv[i], &data, &len, NULL))
      continue;
    gint64 t0 = g_get_monotonic_time ();
    UText *ut = utext_openUTF8 (NULL, data, (int64_t) len, &st);
    ubrk_setUText (bi, ut, &st);
    for (int32_t b = ubrk_next (bi); b != UBRK_DONE; b = ubrk_next (bi))
      words += ubrk_getRuleStatus (bi) >= UBRK_WORD_NUMBER;
    utext_close (ut);
    seconds += (g_get_monotonic_time () - t0) / 1e6;
  }
  ubrk_close (bi);
  printf ("%" G_GUINT64_FORMAT " %.3f\n", words, seconds);
  return 0;
}
