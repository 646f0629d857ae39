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

/* TRUE for a base form that says nothing about a topic: a function word,
 * a pronoun or a filler of speech (Finnish or English), or a single
 * letter. */
gboolean teema_text__is_stopword (const char *lemma);

/* Case-folds and NFC-normalises a word; returns a new string. */
char *teema_text__fold (const char *word, gssize len);

#endif
