/* reports/chart-cairo.c — opening libcairo on first use (see
 * chart-cairo.h and base/library.c). */
#include "reports/chart-cairo.h"
#include "base/base-private.h"

/* The soname of Debian's libcairo2 (cairo 1.x, stable since 2005). */
#define CAIRO_SONAME "libcairo.so.2"

TeemaCairo teema_cairo;

gboolean
teema_cairo__load (GError **error)
{
  static TeemaLibrary lib;
#define TEEMA_CAIRO_NAME(name) #name,
#define TEEMA_CAIRO_SLOT(name) (void **) &teema_cairo.name,
  static const char *const names[] = { TEEMA_CAIRO_FUNCTIONS (
    TEEMA_CAIRO_NAME) };
  void **const slots[] = { TEEMA_CAIRO_FUNCTIONS (TEEMA_CAIRO_SLOT) };
#undef TEEMA_CAIRO_NAME
#undef TEEMA_CAIRO_SLOT
  const char *failure = teema__load_library (
    &lib, CAIRO_SONAME, "cairo_", names, slots, G_N_ELEMENTS (names));
  if (!failure)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("charts need the cairo library (Debian package libcairo2), "
                  "which could not be opened: %s"),
               failure);
  return FALSE;
}
