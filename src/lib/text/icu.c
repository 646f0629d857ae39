/* text/icu.c — opening ICU on first use (see icu.h and base/library.c). */
#define TEEMA_ICU_LOADER
#include "text/icu.h"
#include "base/base-private.h"

/* The sonames of the ICU the headers are from (Debian's libicu72). */
#define TEEMA_ICU_STR2(x) #x
#define TEEMA_ICU_STR(x)  TEEMA_ICU_STR2 (x)
#define ICU_UC_SONAME     "libicuuc.so." TEEMA_ICU_STR (U_ICU_VERSION_MAJOR_NUM)
#define ICU_I18N_SONAME   "libicui18n.so." TEEMA_ICU_STR (U_ICU_VERSION_MAJOR_NUM)

TeemaIcu teema_icu;

const char *
teema_icu__load (void)
{
  static TeemaLibrary uc, i18n;
  /* The names expanded: the versioned symbols ("ubrk_open_72"). */
#define TEEMA_ICU_NAME(name) TEEMA_ICU_STR (name),
#define TEEMA_ICU_SLOT(name) (void **) &teema_icu.f_##name,
  static const char *const uc_names[] = { TEEMA_ICU_UC_FUNCTIONS (
    TEEMA_ICU_NAME) };
  void **const uc_slots[] = { TEEMA_ICU_UC_FUNCTIONS (TEEMA_ICU_SLOT) };
  static const char *const i18n_names[] = { TEEMA_ICU_I18N_FUNCTIONS (
    TEEMA_ICU_NAME) };
  void **const i18n_slots[] = { TEEMA_ICU_I18N_FUNCTIONS (TEEMA_ICU_SLOT) };
#undef TEEMA_ICU_NAME
#undef TEEMA_ICU_SLOT
  const char *failure = teema__load_library (&uc, ICU_UC_SONAME, "", uc_names,
                                             uc_slots, G_N_ELEMENTS (uc_names));
  return failure ? failure
                 : teema__load_library (&i18n, ICU_I18N_SONAME, "", i18n_names,
                                        i18n_slots, G_N_ELEMENTS (i18n_names));
}
