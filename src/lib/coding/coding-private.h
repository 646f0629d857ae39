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
  GPtrArray *themes;   /* TeemaCompiledTheme *, codebook order */
  guint64 *presence;   /* scratch, matcher words long */
  guint n_undecided;   /* (segment, theme) pairs a rule could not decide */
  char *undecided;     /* the first such problem, naming theme and segment */
  GHashTable *gave_up; /* TeemaRule * -> times its regex gave up */
} TeemaCompiled;

/* After this many searches of one rule that reach the regex cost limit in
 * one run, the rule is no longer tried (each further segment it would
 * have been tried on counts as undecided): a pathological re:/.../ costs
 * a run seconds, not hours. */
#define TEEMA_RULE_MAX_GIVE_UPS 10

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

/* An analyser for lang (NULL: the project's language) with the project's
 * analysis cache loaded; *cache_key (may be NULL) gets the cache's key for
 * saving back. */
TeemaAnalyzer *teema_coding__analyzer (TeemaProject *project, const char *lang,
                                       gboolean force_snowball,
                                       char **cache_key, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCompiled, teema_compiled__free)

#endif
