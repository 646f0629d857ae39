/* text/icu.h — ICU, opened when text first needs it.
 *
 * Only word segmentation outside Latin-1 (teema_text__split_icu), sentence
 * ends and re: rules use ICU; linked, every command would map ICU's
 * libraries and apply their relocations at start-up (with libxml2, which
 * pulls ICU in, some 5 ms of a command's 15). So they are opened on first
 * use (teema_icu__load) and their functions called through two tables;
 * the names below turn the ICU calls of tokenize.c and regex.c into calls
 * through them, so that code reads as plain ICU. ICU's C functions carry
 * its major version in their symbol names (ubrk_open_72): they are looked
 * up under the names the headers give them, in the libraries of the same
 * version.
 * Must always hold: no ICU function is called before teema_icu__load has
 * returned NULL. */
#ifndef TEEMA_TEXT_ICU_H
#define TEEMA_TEXT_ICU_H

#include <glib.h>
#include <unicode/ubrk.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uvernum.h>

/* X (name): the functions of libicuuc, then of libicui18n, teema calls. */
#define TEEMA_ICU_UC_FUNCTIONS(X)                                              \
  X (ubrk_open)                                                                \
  X (ubrk_close)                                                               \
  X (ubrk_setUText)                                                            \
  X (ubrk_first)                                                               \
  X (ubrk_next)                                                                \
  X (ubrk_getRuleStatus)                                                       \
  X (utext_openUTF8)                                                           \
  X (utext_close)                                                              \
  X (u_strFromUTF8)                                                            \
  X (u_errorName)
#define TEEMA_ICU_I18N_FUNCTIONS(X)                                            \
  X (uregex_open)                                                              \
  X (uregex_close)                                                             \
  X (uregex_setTimeLimit)                                                      \
  X (uregex_setStackLimit)                                                     \
  X (uregex_setUText)                                                          \
  X (uregex_setText)                                                           \
  X (uregex_findNext)                                                          \
  X (uregex_start64)                                                           \
  X (uregex_end64)

/* name is expanded in __typeof__ (to the versioned symbol), not in f_. */
#define TEEMA_ICU_FIELD(name) __typeof__ (name) *f_##name;
typedef struct {
  TEEMA_ICU_UC_FUNCTIONS (TEEMA_ICU_FIELD)
  TEEMA_ICU_I18N_FUNCTIONS (TEEMA_ICU_FIELD)
} TeemaIcu;
#undef TEEMA_ICU_FIELD

/* The table, filled by teema_icu__load. */
extern TeemaIcu teema_icu;

/* Opens both libraries once (thread-safe): NULL, or why they could not be
 * opened (a string kept for the life of the process). */
const char *teema_icu__load (void);

#ifndef TEEMA_ICU_LOADER /* icu.c looks the functions up by these names */
/* clang-format off */
#undef ubrk_open
#define ubrk_open teema_icu.f_ubrk_open
#undef ubrk_close
#define ubrk_close teema_icu.f_ubrk_close
#undef ubrk_setUText
#define ubrk_setUText teema_icu.f_ubrk_setUText
#undef ubrk_first
#define ubrk_first teema_icu.f_ubrk_first
#undef ubrk_next
#define ubrk_next teema_icu.f_ubrk_next
#undef ubrk_getRuleStatus
#define ubrk_getRuleStatus teema_icu.f_ubrk_getRuleStatus
#undef utext_openUTF8
#define utext_openUTF8 teema_icu.f_utext_openUTF8
#undef utext_close
#define utext_close teema_icu.f_utext_close
#undef u_strFromUTF8
#define u_strFromUTF8 teema_icu.f_u_strFromUTF8
#undef u_errorName
#define u_errorName teema_icu.f_u_errorName
#undef uregex_open
#define uregex_open teema_icu.f_uregex_open
#undef uregex_close
#define uregex_close teema_icu.f_uregex_close
#undef uregex_setTimeLimit
#define uregex_setTimeLimit teema_icu.f_uregex_setTimeLimit
#undef uregex_setStackLimit
#define uregex_setStackLimit teema_icu.f_uregex_setStackLimit
#undef uregex_setUText
#define uregex_setUText teema_icu.f_uregex_setUText
#undef uregex_setText
#define uregex_setText teema_icu.f_uregex_setText
#undef uregex_findNext
#define uregex_findNext teema_icu.f_uregex_findNext
#undef uregex_start64
#define uregex_start64 teema_icu.f_uregex_start64
#undef uregex_end64
#define uregex_end64 teema_icu.f_uregex_end64
/* clang-format on */
#endif

#endif
