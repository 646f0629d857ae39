/* formats/libxml.c — opening libxml2 on first use (see libxml.h and
 * base/library.c). */
#define TEEMA_LIBXML_LOADER
#include "formats/libxml.h"
#include "base/base-private.h"

/* The soname of Debian's libxml2 (2.x, ABI 2). */
#define LIBXML_SONAME "libxml2.so.2"

TeemaLibxml teema_libxml;

gboolean
teema_libxml__load (GError **error)
{
  static TeemaLibrary lib;
#define TEEMA_LIBXML_NAME(name) #name,
#define TEEMA_LIBXML_SLOT(name) (void **) &teema_libxml.f_##name,
  static const char *const names[] = { TEEMA_LIBXML_FUNCTIONS (
    TEEMA_LIBXML_NAME) };
  void **const slots[] = { TEEMA_LIBXML_FUNCTIONS (TEEMA_LIBXML_SLOT) };
#undef TEEMA_LIBXML_NAME
#undef TEEMA_LIBXML_SLOT
  const char *failure = teema__load_library (&lib, LIBXML_SONAME, "", names,
                                             slots, G_N_ELEMENTS (names));
  if (failure)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("reading and writing XML needs libxml2 (Debian package "
                    "libxml2), which could not be opened: %s"),
                 failure);
  return !failure;
}
