/* text/voikko.h — libvoikko, opened when the first Finnish analyser needs
 * it.
 *
 * Linked, every teema command would map libvoikko and its speller library
 * at start-up (about 1.3 ms of some 15), and a project's analyser would
 * load the Finnish dictionary (1.7 ms more) even when every form it meets
 * is already analysed in the project. So the library is opened on first
 * use (teema_voikko__load) and its functions are called through a table;
 * the names below turn the Voikko calls of analyzer.c and names.c into
 * calls through it, so that code reads as plain Voikko.
 * Must always hold: no Voikko function is called before teema_voikko__load
 * has returned NULL. */
#ifndef TEEMA_TEXT_VOIKKO_H
#define TEEMA_TEXT_VOIKKO_H

#include <glib.h>
#include <libvoikko/voikko.h>

/* X (name): every Voikko function teema calls, without "voikko". */
#define TEEMA_VOIKKO_FUNCTIONS(X)                                              \
  X (Init)                                                                     \
  X (Terminate)                                                                \
  X (AnalyzeWordCstr)                                                          \
  X (SpellCstr)                                                                \
  X (_free_mor_analysis)                                                       \
  X (_mor_analysis_value_cstr)                                                 \
  X (_free_mor_analysis_value_cstr)

#define TEEMA_VOIKKO_FIELD(name) __typeof__ (voikko##name) *name;
typedef struct {
  TEEMA_VOIKKO_FUNCTIONS (TEEMA_VOIKKO_FIELD)
} TeemaVoikko;
#undef TEEMA_VOIKKO_FIELD

/* The table, filled by teema_voikko__load. */
extern TeemaVoikko teema_voikko;

/* Opens libvoikko once (thread-safe): NULL, or why it could not be opened
 * (a string kept for the life of the process). */
const char *teema_voikko__load (void);

/* clang-format off */
#define voikkoInit teema_voikko.Init
#define voikkoTerminate teema_voikko.Terminate
#define voikkoAnalyzeWordCstr teema_voikko.AnalyzeWordCstr
#define voikkoSpellCstr teema_voikko.SpellCstr
#define voikko_free_mor_analysis teema_voikko._free_mor_analysis
#define voikko_mor_analysis_value_cstr teema_voikko._mor_analysis_value_cstr
#define voikko_free_mor_analysis_value_cstr \
  teema_voikko._free_mor_analysis_value_cstr
/* clang-format on */

#endif
