/* base/library.c — shared libraries opened on first use.
 *
 * A library only some commands need (cairo for charts, libstemmer for the
 * Snowball fallback) is not linked: linked, every command would map it and
 * apply its relocations at start-up (libstemmer alone has some 11,000).
 * Its functions are looked up once, by name, into a table. dlopen rather
 * than GModule: one library fewer to map, and glibc has it built in.
 * Must always hold: a library is opened at most once per process and kept
 * open; a failure is remembered and said again on every later call. */
#include "base/base-private.h"

#include <dlfcn.h>

static char *
open_library (const char *soname, const char *prefix, const char *const *names,
              void **const *slots, guint n)
{
  void *lib = dlopen (soname, RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return g_strdup (dlerror ());
  for (guint i = 0; i < n; i++) {
    g_autofree char *symbol = g_strconcat (prefix, names[i], NULL);
    if (!(*slots[i] = dlsym (lib, symbol)))
      return g_strdup_printf ("%s: no %s", soname, symbol);
  }
  return NULL; /* kept open for the life of the process */
}

const char *
teema__load_library (TeemaLibrary *lib, const char *soname, const char *prefix,
                     const char *const *names, void **const *slots, guint n)
{
  if (g_once_init_enter (&lib->once)) {
    lib->failure = open_library (soname, prefix, names, slots, n);
    g_once_init_leave (&lib->once, 1);
  }
  return lib->failure;
}
