/* text/voikko.c — opening libvoikko on first use (see voikko.h and
 * base/library.c). */
#include "text/voikko.h"
#include "base/base-private.h"

/* The soname of Debian's libvoikko1 (libvoikko 4.x, ABI 1). */
#define VOIKKO_SONAME "libvoikko.so.1"

TeemaVoikko teema_voikko;

const char *
teema_voikko__load (void)
{
  static TeemaLibrary lib;
#define TEEMA_VOIKKO_NAME(name) #name,
#define TEEMA_VOIKKO_SLOT(name) (void **) &teema_voikko.name,
  static const char *const names[] = { TEEMA_VOIKKO_FUNCTIONS (
    TEEMA_VOIKKO_NAME) };
  void **const slots[] = { TEEMA_VOIKKO_FUNCTIONS (TEEMA_VOIKKO_SLOT) };
#undef TEEMA_VOIKKO_NAME
#undef TEEMA_VOIKKO_SLOT
  return teema__load_library (&lib, VOIKKO_SONAME, "voikko", names, slots,
                              G_N_ELEMENTS (names));
}
