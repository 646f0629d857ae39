/* fuzz-refi.c — REFI-QDA projects. A .qdpx archive (input starting "PK")
 * is imported into a new in-memory project, so the archive reader, the
 * offset mapping and the import's writes all run; any other input is a
 * .qde, read and mapped without a project (fast, for coverage of the
 * reader), and imported whole once in 64 runs. */
#include "fuzz.h"

#include "formats/xml-private.h"
#include "refi/refi-private.h"

static void
import (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  TeemaProject *p = teema_project_create (":memory:", &error);
  FUZZ_CHECK (p != NULL);
  int fd;
  const char *path = fuzz_file (data, size, &fd);
  TeemaRefiReport *r = teema_refi_import (p, path, NULL, &error);
  if (r)
    teema_refi_report_free (r);
  else
    FUZZ_CHECK (error != NULL);
  g_clear_error (&error);
  close (fd);
  teema_project_free (p);
}

static void
read_qde (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  gpointer doc = teema_xml__parse ((const char *) data, size, "fuzz", &error);
  RefiProject *p = doc ? refi_read (doc, NULL, "fuzz", &error) : NULL;
  teema_xml__free (doc);
  if (!p) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    return;
  }
  for (guint i = 0; i < p->sources->len; i++) {
    RefiSource *src = p->sources->pdata[i];
    if (src->content)
      src->raw = g_bytes_new (src->content, strlen (src->content));
  }
  guint on_boundary = 0;
  g_free (refi_map_offsets (p, &on_boundary));
  refi_project_free (p);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static guint runs;
  gboolean zip = size >= 2 && data[0] == 'P' && data[1] == 'K';
  if (zip || runs++ % 64 == 0)
    import (data, size);
  else
    read_qde (data, size);
  return 0;
}
