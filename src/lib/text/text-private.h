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

/* ---- regex.c: the regular expressions of re:/.../ rules (ICU) ----------- */

/* The cost bound of one search of one text: ICU's time limit, in steps of
 * its match engine (about 0.1-0.2 s on a 2-core machine), and the memory
 * its backtracking stack may use. Past either, the search is an error. */
#define TEEMA_REGEX_TIME_LIMIT  1000
#define TEEMA_REGEX_STACK_LIMIT (8 * 1024 * 1024)

typedef struct TeemaRegex TeemaRegex;

/* A case-insensitive ICU regular expression; TEEMA_ERROR_RULE naming the
 * problem when pattern does not compile. Not thread-safe. */
TeemaRegex *teema_regex__new (const char *pattern, GError **error);
void teema_regex__free (TeemaRegex *re);
/* Calls fn for each match in text with its [start, end) in code points.
 * FALSE (TEEMA_ERROR_RULE) when the search reached the time or stack
 * limit; matches found before it were reported. */
typedef void (*TeemaRegexFunc) (guint start, guint end, gpointer data);
gboolean teema_regex__find_all (TeemaRegex *re, const char *text,
                                TeemaRegexFunc fn, gpointer data,
                                GError **error);

#endif
