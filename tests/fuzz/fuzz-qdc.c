/* fuzz-qdc.c — REFI-QDA codebooks (.qdc): an accepted codebook must
 * survive export to .qdc and to the text format. */
#include "fuzz.h"

#include <teema/teema.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  TeemaCodebook *cb =
    teema_codebook_parse_qdc ((const char *) data, size, "fuzz.qdc", &error);
  if (!cb) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return 0;
  }
  g_free (teema_codebook_to_qdc (cb, NULL));
  fuzz_check_text_round_trip (cb);
  teema_codebook_free (cb);
  return 0;
}
