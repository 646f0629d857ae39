/* reports/chart-cairo.c — opening libcairo on first use (see
 * chart-cairo.h). dlopen rather than GModule: one library fewer to map at
 * start-up, which is the point, and glibc has it built in. */
#include "reports/chart-cairo.h"
#include "base/base-private.h"

#include <dlfcn.h>

/* The soname of Debian's libcairo2 (cairo 1.x, stable since 2005). */
#define CAIRO_SONAME "libcairo.so.2"

TeemaCairo teema_cairo;

static char *load_failure; /* NULL: loaded */

static char *
open_cairo (void)
{
  void *lib = dlopen (CAIRO_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return g_strdup (dlerror ());
#define TEEMA_CAIRO_LOAD(name)                                                 \
  if (!(*(void **) &teema_cairo.name = dlsym (lib, "cairo_" #name)))           \
    return g_strdup_printf ("%s: no cairo_%s", CAIRO_SONAME, #name);
  TEEMA_CAIRO_FUNCTIONS (TEEMA_CAIRO_LOAD)
#undef TEEMA_CAIRO_LOAD
  return NULL; /* kept open for the life of the process */
}

gboolean
teema_cairo__load (GError **error)
{
  static gsize once = 0;
  if (g_once_init_enter (&once)) {
    load_failure = open_cairo ();
    g_once_init_leave (&once, 1);
  }
  if (!load_failure)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("charts need the cairo library (Debian package libcairo2), "
                  "which could not be opened: %s"),
               load_failure);
  return FALSE;
}
