/* text-private.h — the tokenizer and analyser internals shared by text.c,
 * analysis.c and rule.c. Only these files include ICU, Voikko or Snowball. */
#ifndef TEEMA_TEXT_PRIVATE_H
#define TEEMA_TEXT_PRIVATE_H

#include <teema/text.h>

/* A raw word token before analysis: byte and code point spans. */
typedef struct {
  gsize byte_start, byte_end;
  guint start, end;
  guint flags;
} TeemaRawToken;

/* Splits text into word tokens (see text.h for what counts). */
GArray *teema_text__split (const char *text, gssize len);

/* The key a rule value is compared with for this analyser: the value itself
 * for Voikko, its Snowball stem otherwise. Returns a string owned by the
 * analyser. kind is 'l' lemma, 'p' part, 'h' head, 'r' root, 's' surface. */
const char *teema_analyzer__term_key (TeemaAnalyzer *analyzer, char kind,
                                      const char *value);

/* The surface of every compound part but the last ("asiakas" for
 * "asiakaskokemuksen"), or NULL: used to rebuild suspended compounds. */
const char *teema_analysis__prefix (const TeemaAnalysis *analysis);

/* Case-folds and NFC-normalises a word; returns a new string. */
char *teema_text__fold (const char *word, gssize len);

/* The folded form of a token's word[0, n), as tokenising folds it: in buf
 * (size bytes) when it fits and needs no Unicode tables, else a new
 * string (the caller frees it when it is not buf). The word index stores
 * these forms, so that a form's analysis is the token's. */
char *teema_text__fold_token (const char *word, gsize n, char *buf, gsize size);

/* Where an analyser finds stored analyses: called with a folded form on a
 * cache miss, returns the stored data (as in a dump line after the form's
 * tab; freed by the analyser) or NULL to analyse the form afresh. */
typedef char *(*TeemaAnalysisLookup) (const char *form, gpointer data);
void teema_analyzer__set_lookup (TeemaAnalyzer *analyzer,
                                 TeemaAnalysisLookup fn, gpointer data,
                                 GDestroyNotify destroy);

/* The analysis of form from stored data (or the cached one when the form
 * is known); NULL when data is NULL or malformed. */
const TeemaAnalysis *teema_analyzer__add_stored (TeemaAnalyzer *analyzer,
                                                 const char *form,
                                                 const char *data);

#endif
