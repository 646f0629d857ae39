/* fuzz-split.c — word segmentation: for text in ASCII and the Latin-1
 * letters, teema's own splitter (ICU's word rules written out for that
 * alphabet) must give exactly the tokens ICU's iterator gives, and every
 * token must lie inside the text, in order; the same holds of the
 * splitter used without ICU (GLib's character classes) on any text. */
#include "fuzz.h"

#include "text/text-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = fuzz_string (data, size);
  if (!g_utf8_validate (s, (gssize) size, NULL)) {
    g_free (s);
    return 0;
  }
  GArray *fast = teema_text__split (s, (gssize) size);
  GArray *icu = teema_text__split_icu (s, (gssize) size);
  FUZZ_CHECK (fast->len == icu->len);
  gsize end = 0;
  for (guint i = 0; i < fast->len; i++) {
    const TeemaRawToken *a = &g_array_index (fast, TeemaRawToken, i);
    const TeemaRawToken *b = &g_array_index (icu, TeemaRawToken, i);
    FUZZ_CHECK (a->byte_start == b->byte_start && a->byte_end == b->byte_end);
    FUZZ_CHECK (a->start == b->start && a->end == b->end);
    FUZZ_CHECK (a->flags == b->flags);
    FUZZ_CHECK (a->byte_start >= end && a->byte_end <= size
                && a->byte_start < a->byte_end);
    end = a->byte_end;
  }
  GArray *glib = teema_text__split_without_icu (s, (gssize) size);
  end = 0;
  for (guint i = 0; i < glib->len; i++) {
    const TeemaRawToken *t = &g_array_index (glib, TeemaRawToken, i);
    FUZZ_CHECK (t->byte_start >= end && t->byte_end <= size
                && t->byte_start < t->byte_end && t->start < t->end);
    end = t->byte_end;
  }
  g_array_unref (glib);
  g_array_unref (fast);
  g_array_unref (icu);
  g_free (s);
  return 0;
}
