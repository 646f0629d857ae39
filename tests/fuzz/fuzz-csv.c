/* fuzz-csv.c — the informant attribute CSV: accepted rows have as many
 * fields as the header. */
#include "fuzz.h"

#include "project/project-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  GPtrArray *rows =
    teema_attributes__parse ((const char *) data, size, "fuzz", &error);
  if (!rows) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return 0;
  }
  FUZZ_CHECK (rows->len >= 2);
  guint width = ((TeemaCsvRow *) rows->pdata[0])->fields->len;
  for (guint i = 0; i < rows->len; i++)
    FUZZ_CHECK (((TeemaCsvRow *) rows->pdata[i])->fields->len == width);
  g_ptr_array_unref (rows);
  return 0;
}
