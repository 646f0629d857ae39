/* text-private.h — the tokenizer, analyser and regex internals shared by
 * the files of src/lib/text (tokenize.c, analyzer.c, regex.c, names.c,
 * stopwords.c) and used by the layers above. Only text/ includes ICU,
 * Voikko or Snowball. */
#ifndef TEEMA_TEXT_PRIVATE_H
#define TEEMA_TEXT_PRIVATE_H

#include <teema/names.h>
#include <teema/text.h>

/* The revision of what the analyser makes of a form: bumped whenever the
 * analysis of some form changes (a spoken respelling added, a reading
 * kept differently). A project stores analyses under a key holding it
 * (teema_analyzer__cache_key), so after an upgrade its words are
 * analysed afresh rather than read from a stale cache.
 * 2: a dropped d (oottaa, yheksän) and ts said as tt (ettiä). */
#define TEEMA_ANALYSES_REVISION 2

/* The analyser's family, "voikko-fi" or "snowball-en", and the key its
 * analyses are stored under in a project, the family with the revision
 * ("voikko-fi-r2"). New strings. */
char *teema_analyzer__family (TeemaAnalyzer *analyzer);
char *teema_analyzer__cache_key (TeemaAnalyzer *analyzer);

/* A Finnish analyser whose Voikko is opened and started only when it must
 * analyse a form itself (teema_analyzer_new starts it at once, 3 ms): for
 * reading a project whose words Voikko has analysed, where most commands
 * find every form stored. If Voikko then cannot be started, the forms not
 * stored are taken as written and teema_analyzer_warning says so. Another
 * language is teema_analyzer_new's. */
TeemaAnalyzer *teema_analyzer__new_deferred (const char *lang, GError **error);

/* A raw word token before analysis: byte and code point spans. */
typedef struct {
  gsize byte_start, byte_end;
  guint start, end;
  guint flags;
} TeemaRawToken;

/* Why text is split without ICU, once it was needed and could not be
 * opened (see tokenize.c), or NULL; teema_analyzer_warning says it. */
const char *teema_text__icu_warning (void);

/* Splits text into word tokens (see text.h for what counts). */
GArray *teema_text__split (const char *text, gssize len);
/* The same, always with ICU's iterator (teema_text__split writes ICU's
 * rules out for Latin-1 text; the fuzz harness split compares the two). */
GArray *teema_text__split_icu (const char *text, gssize len);
/* What teema_text__split_icu falls back to when ICU cannot be opened: the
 * written-out rules with GLib's character classes. */
GArray *teema_text__split_without_icu (const char *text, gssize len);

/* The key a rule value is compared with for this analyser: the value itself
 * for Voikko, its Snowball stem otherwise. Returns a string owned by the
 * analyser. kind is 'l' lemma, 'p' part, 'h' head, 'r' root, 's' surface. */
const char *teema_analyzer__term_key (TeemaAnalyzer *analyzer, char kind,
                                      const char *value);

/* The surface of every compound part but the last ("asiakas" for
 * "asiakaskokemuksen"), or NULL: used to rebuild suspended compounds. */
const char *teema_analysis__prefix (const TeemaAnalysis *analysis);
/* A suspended part ("-polun" in "asiakaskokemuksen ja -polun", word its
 * folded form) completed with the prefix of the nearest compound among
 * the (at most three) tokens before it, before[0] the nearest; or word's
 * own analysis when none is one. */
const TeemaAnalysis *
teema_analyzer__complete (TeemaAnalyzer *analyzer, const char *word,
                          const TeemaAnalysis *const *before, guint n_before);

/* TRUE for a base form that says nothing about a topic: a function word,
 * a pronoun or a filler of speech (Finnish or English), or a single
 * letter. */
gboolean teema_text__is_stopword (const char *lemma);
/* The analyser's Voikko handle, or NULL on the Snowball fallback; for
 * names.c, which inflects pseudonyms. */
struct VoikkoHandle *teema_analyzer__voikko (TeemaAnalyzer *analyzer);

/* One name found by teema_names__scan. */
typedef struct {
  guint start, end;           /* code points: the name's words */
  gsize byte_start, byte_end; /* the same in bytes */
  guint classes;              /* TEEMA_WORD_* of its first word */
  gint entry;                 /* index of the key entry, or -1 */
  gboolean replace;           /* pseudonymisation replaces it */
  char *replacement;          /* what it becomes, when replace */
  const char *lemma;          /* first word's first lemma (analyser's) */
  gboolean ambiguous;         /* a candidate only because of a capital at
                                 the start of a sentence */
} TeemaNameHit;

/* The names in text (see teema/names.h for what counts as one), in text
 * order. With candidates, also proper names the pseudonymisation leaves
 * (places, companies, capitalised unknown words), with replace FALSE.
 * Returns an array of TeemaNameHit that frees their replacements. */
GArray *teema_names__scan (TeemaAnalyzer *analyzer,
                           const TeemaPseudonymOptions *options,
                           const char *text, gboolean candidates);

/* Entry i of a name key: the name as written, and its pseudonym (NULL:
 * the placeholder; equal to the name: kept). */
const char *teema_name_key__name (const TeemaNameKey *key, guint i);
const char *teema_name_key__pseudonym (const TeemaNameKey *key, guint i);

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
