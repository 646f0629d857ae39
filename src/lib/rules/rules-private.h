/* rule-private.h — rule compilation with a separate error column, for
 * messages that place a rule inside a codebook line. */
#ifndef TEEMA_RULE_PRIVATE_H
#define TEEMA_RULE_PRIVATE_H

#include <teema/rule.h>

/* Like teema_rule_compile, but the message has no column; *column gets
 * the 1-based column of the problem in src. */
TeemaRule *teema_rule__compile (const char *src, guint *column, GError **error);

/* A matcher gives every distinct term of the rules added to it one bit,
 * and computes each word form's bits once, through hash indexes on lemma,
 * part, head, root and surface. Rules added to a matcher use it; a rule
 * used alone gets a matcher of its own. Not thread-safe. */
typedef struct TeemaMatcher TeemaMatcher;

TeemaMatcher *teema_matcher__new (TeemaAnalyzer *analyzer);
/* Frees the matcher; rules added to it must be freed first. */
void teema_matcher__free (TeemaMatcher *matcher);
void teema_matcher__add (TeemaMatcher *matcher, TeemaRule *rule);
/* Words (guint64) in a presence set. */
guint teema_matcher__words (const TeemaMatcher *matcher);
/* ORs the bits of every token into presence (zeroed by the caller). */
void teema_matcher__presence (TeemaMatcher *matcher, const GArray *tokens,
                              guint64 *presence);
/* FALSE when rule cannot match a text whose terms are in presence; TRUE
 * when it may (then teema_rule_match decides). */
gboolean teema_rule__may_match (const TeemaRule *rule, const guint64 *presence);

/* TRUE when the rule uses only terms, AND and OR: then, with no word
 * blocked, teema_rule__may_match is the exact answer. */
gboolean teema_rule__presence_decides (const TeemaRule *rule);

/* teema_rule_match_full, told the terms of the whole text (presence, as
 * matcher computed them; used only when matcher is the rule's): a word or
 * phrase whose terms are not there is not looked for token by token. */
gboolean teema_rule__match_present (TeemaRule *rule, TeemaAnalyzer *analyzer,
                                    const char *text, const GArray *tokens,
                                    const TeemaMatcher *matcher,
                                    const guint64 *presence,
                                    const gboolean *blocked, GArray *hits,
                                    GError **error);

/* The matcher teema_rule_match uses for rule with analyzer (its shared
 * one, or one of its own made now). */
TeemaMatcher *teema_rule__matcher (TeemaRule *rule, TeemaAnalyzer *analyzer);
/* The term bits of one word form (teema_matcher__words long). */
const guint64 *teema_matcher__form_bits (TeemaMatcher *matcher,
                                         const TeemaAnalysis *analysis);
/* Every key a form's analysis is compared with (surface forms, lemmas,
 * parts, heads, roots, prefixes): a form can have a term's bit only when
 * one of these occurs in its form or its analysis. The strings belong to
 * the analyser; free the array with g_ptr_array_unref. */
GPtrArray *teema_matcher__keys (TeemaMatcher *matcher);

/* TRUE when every term rule needs to match occurs in a text (bits in
 * presence, a re:// matching text), whatever their order and distance:
 * like teema_rule__may_match, but exact for re:// and NOT. */
gboolean teema_rule__complete (const TeemaRule *rule, const guint64 *presence,
                               const char *text);

/* Appends to out (const char *, owned by the rule) the display ("part:suhde",
 * "\"pitää lupaus\"") of each term of rule, outside NOT, that occurs in a
 * text: its bit is in presence (a phrase: every one of its words), or, for
 * re://, it matches text. Each display once. For "why did this not match":
 * an empty result means no term of the rule is there at all. */
void teema_rule__present_terms (const TeemaRule *rule, const guint64 *presence,
                                const char *text, GPtrArray *out);

#endif
