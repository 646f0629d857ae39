/* fuzz-codebook.c — the plain-text codebook format (with its rule: lines):
 * an accepted codebook must read back from its own text. */
#include "fuzz.h"

#include <teema/teema.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  TeemaCodebook *cb =
    teema_codebook_parse ((const char *) data, (gssize) size, "fuzz", &error);
  if (!cb) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return 0;
  }
  fuzz_check_text_round_trip (cb);
  teema_codebook_free (cb);
  return 0;
}
