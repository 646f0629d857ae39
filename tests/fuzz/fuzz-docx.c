/* fuzz-docx.c — DOCX and ODT. A zip (input starting "PK") goes through
 * the archive reader as both formats; other input is the main XML of a
 * DOCX, or of an ODT when it mentions "office:". */
#include "fuzz.h"

#include "formats/formats-private.h"

static void
check (char *text, GError *error)
{
  if (text) {
    FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
    g_free (text);
  } else {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    int fd;
    const char *path = fuzz_file (data, size, &fd);
    check (teema_docx__read (path, &error), error);
    error = NULL;
    check (teema_odt__read (path, &error), error);
    close (fd);
    return 0;
  }
  GBytes *xml = g_bytes_new_static (data, size);
  gboolean odt =
    g_strstr_len ((const char *) data, (gssize) size, "office:") != NULL;
  check (odt ? teema_odt__to_text (xml, "fuzz", &error)
             : teema_docx__to_text (xml, "fuzz", &error),
         error);
  g_bytes_unref (xml);
  return 0;
}
