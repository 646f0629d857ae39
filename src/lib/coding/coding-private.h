/* coding/coding-private.h — what the coding layer shares with itself and
 * with the reports above it: the compiled codebook, and the analyser a
 * project's text is analysed with. */
#ifndef TEEMA_CODING_PRIVATE_H
#define TEEMA_CODING_PRIVATE_H

#include "project/project-private.h"
#include "rules/rules-private.h"

/* One theme's rules and exclusions, compiled into the shared matcher. */
typedef struct {
  const TeemaTheme *theme;
  gint64 theme_id;     /* in the project, for coding keys; 0 if unknown */
  GPtrArray *rules;    /* TeemaRule * */
  GPtrArray *excludes; /* TeemaRule * */
} TeemaCompiledTheme;

/* The codebook's rules compiled for one analyser. Not thread-safe: one
 * per thread. */
typedef struct {
  TeemaAnalyzer *az;
  TeemaMatcher *matcher;
  GPtrArray *themes; /* TeemaCompiledTheme *, codebook order */
  guint64 *presence; /* scratch, matcher words long */
} TeemaCompiled;

/* Compiles every theme of cb for az (which must outlive the result). A
 * rule that does not compile: TEEMA_ERROR_RULE naming theme and rule. */
TeemaCompiled *teema_compiled__new (const TeemaCodebook *cb, TeemaAnalyzer *az,
                                    GError **error);
void teema_compiled__free (TeemaCompiled *compiled);

/* An empty array for TeemaAutocodeItem * (frees them). */
GPtrArray *teema_compiled__items_new (void);

/* A new item (no hits yet) coding seg with theme. */
TeemaAutocodeItem *teema_compiled__item_new (const TeemaSegment *seg,
                                             const char *theme);

/* Codes one segment: appends a TeemaAutocodeItem per theme that codes it.
 * tokens come from teema_analyzer_tokenize (az, seg->text). Items carry
 * the words that fired, except those whose (segment, theme id) is in
 * skip_hits (a TeemaCodingKey set; NULL: every item has its words). */
void teema_compiled__code (TeemaCompiled *compiled, const TeemaSegment *seg,
                           const GArray *tokens, GPtrArray *items,
                           GHashTable *skip_hits);
/* The same, every item with its words. */
void teema_compiled__code_one (TeemaCompiled *compiled, const TeemaSegment *seg,
                               const GArray *tokens, GPtrArray *items);

/* Why a theme's rules do not code a segment. */
typedef enum {
  TEEMA_MISS_NO_WORD,    /* no word of any of its rules is in the segment */
  TEEMA_MISS_EXCLUDED,   /* a rule matches, but only with words that an
                            exclusion blocks */
  TEEMA_MISS_APART,      /* every word a rule needs is there, but not as
                            it needs them: too far apart for NEAR, not in
                            a phrase's order, or with a NOT word */
  TEEMA_MISS_INCOMPLETE, /* words of its rules are there, but each rule
                            lacks one (a NEAR or AND partner, a phrase
                            word) */
} TeemaMissCause;

/* Says why the theme code (its own rules, not its sub-themes') does not
 * code seg, whose tokens come as for teema_compiled__code; call it only
 * for a segment the theme does not code. details (owned strings) gets,
 * for EXCLUDED, "exclusion term: word" per blocked word; for APART,
 * "rule N" (1-based) per such rule; for INCOMPLETE, the rule terms
 * present. A theme without rules: NO_WORD. */
TeemaMissCause teema_compiled__why_missed (TeemaCompiled *compiled,
                                           const char *code,
                                           const TeemaSegment *seg,
                                           const GArray *tokens,
                                           GPtrArray *details);

/* An analyser for lang (NULL: the project's language) with the project's
 * analysis cache loaded; *cache_key (may be NULL) gets the cache's key for
 * saving back. */
TeemaAnalyzer *teema_coding__analyzer (TeemaProject *project, const char *lang,
                                       gboolean force_snowball,
                                       char **cache_key, GError **error);

/* ---- terms.c: what keyword proposals read -------------------------------- */

/* terms: const char * like "lemma:helpottaa" or "part:suhde" (a compound
 * part that is not the word's lemma), each once; valid during the call. */
typedef void (*TeemaTermsFunc) (gint64 segment, GPtrArray *terms,
                                gpointer data);
/* Calls fn for every informant segment, in document order, with its
 * terms (numbers left out). az is the project's analyser. */
gboolean teema_coding__foreach_segment_terms (TeemaProject *project,
                                              TeemaAnalyzer *az,
                                              TeemaTermsFunc fn, gpointer data,
                                              GError **error);

typedef void (*TeemaRuleSegmentFunc) (gint64 segment, guint rule,
                                      gpointer data);
/* Calls fn for every informant segment and every rule (TeemaRule *, an
 * index into rules) that matches it. */
gboolean teema_coding__foreach_rule_segment (TeemaProject *project,
                                             TeemaAnalyzer *az,
                                             GPtrArray *rules,
                                             TeemaRuleSegmentFunc fn,
                                             gpointer data, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCompiled, teema_compiled__free)

#endif
