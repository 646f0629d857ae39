/* teema/rule.h — the keyword rule language.
 *
 *   luottamus          the word in any form: its surface or any lemma
 *   lemma:luottamus    any inflection of the lemma
 *   part:suhde         any compound part ("asiakassuhteiden")
 *   head:suhde         the last compound part only
 *   root:luottaa       a derivational root ("luotettavuutta")
 *   kokemu*            surface prefix
 *   "pitää lupaus"     consecutive words, each by surface or lemma
 *   A NEAR/5 B         A and B within 5 words of each other
 *   A AND B, A OR B, A NOT B, NOT A, ( ... )
 *   re:/regex/         a case-insensitive regular expression on the text
 *
 * AND binds tighter than OR; A B (juxtaposition) means A AND B.
 *
 * Hostile rules are bounded: a rule longer than TEEMA_RULE_MAX_BYTES, with
 * more than TEEMA_RULE_MAX_TERMS terms (phrase words count one each) or
 * nested deeper than TEEMA_RULE_MAX_DEPTH levels of '(', NOT and NEAR is
 * refused with an error naming the limit; a re:/.../ search that runs past
 * its cost limit is an error at match time (teema_rule_match_full). */
#ifndef TEEMA_RULE_H
#define TEEMA_RULE_H

#include <glib.h>
#include <teema/text.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TeemaRule TeemaRule;

#define TEEMA_RULE_MAX_BYTES (256 * 1024)
#define TEEMA_RULE_MAX_TERMS 10000
#define TEEMA_RULE_MAX_DEPTH 64

/* Compiles src. On failure TEEMA_ERROR_RULE with a message giving the
 * 1-based column and what was expected. */
TeemaRule *teema_rule_compile (const char *src, GError **error);
void teema_rule_free (TeemaRule *rule);
const char *teema_rule_source (const TeemaRule *rule);

/* A word that made a rule fire. */
typedef struct {
  guint token;      /* index into the token array */
  guint start, end; /* code points */
  const char *why;  /* the rule term that matched, e.g. "part:suhde" */
} TeemaRuleHit;

/* Matches rule against tokens of text (from teema_analyzer_tokenize with
 * the same analyzer on the same text). Remembers per word form whether
 * each term matched, so the rule must not be shared between threads. blocked,
 * if not NULL, marks tokens (one gboolean each) that may not take part. Returns
 * TRUE on a match and appends the hits (may be NULL). FALSE when it does
 * not match, and also, with error set (TEEMA_ERROR_RULE naming the term),
 * when a re:/.../ term reached its cost limit so the answer is unknown. */
gboolean teema_rule_match_full (TeemaRule *rule, TeemaAnalyzer *analyzer,
                                const char *text, const GArray *tokens,
                                const gboolean *blocked, GArray *hits,
                                GError **error);
/* teema_rule_match_full without the error: an undecided match is FALSE. */
gboolean teema_rule_match (TeemaRule *rule, TeemaAnalyzer *analyzer,
                           const char *text, const GArray *tokens,
                           const gboolean *blocked, GArray *hits);

/* Explains a rule on one sentence: tokenises text with analyzer and
 * returns the hits (TeemaRuleHit) or NULL when the rule does not match
 * (with error set when it could not be decided, as above). */
GArray *teema_rule_test_full (TeemaRule *rule, TeemaAnalyzer *analyzer,
                              const char *text, GArray **tokens,
                              GError **error);
GArray *teema_rule_test (TeemaRule *rule, TeemaAnalyzer *analyzer,
                         const char *text, GArray **tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaRule, teema_rule_free)

#ifdef __cplusplus
}
#endif

#endif
