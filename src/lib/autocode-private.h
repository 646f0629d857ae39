/* autocode-private.h — the compiled codebook, shared by autocode, search
 * and evaluation so every path codes text the same way. */
#ifndef TEEMA_AUTOCODE_PRIVATE_H
#define TEEMA_AUTOCODE_PRIVATE_H

#include <teema/teema.h>

/* The codebook's rules compiled for one analyser. */
typedef struct TeemaCompiled TeemaCompiled;

TeemaCompiled *teema_autocode__compile (const TeemaCodebook *cb,
                                        TeemaAnalyzer *az, GError **error);
void teema_autocode__free (TeemaCompiled *compiled);

/* Codes one segment: appends a TeemaAutocodeItem per theme that codes it.
 * tokens come from teema_analyzer_tokenize (az, seg->text). */
void teema_autocode__segment (TeemaCompiled *compiled, const TeemaSegment *seg,
                              const GArray *tokens, GPtrArray *items);

/* Frees items appended by teema_autocode__segment. */
GPtrArray *teema_autocode__items_new (void);

/* An analyser for the project's language with the project's analysis
 * cache loaded; *cache_key gets the cache's key for saving back. */
TeemaAnalyzer *teema_autocode__analyzer (TeemaProject *project,
                                         const char *lang,
                                         gboolean force_snowball,
                                         char **cache_key, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCompiled, teema_autocode__free)

#endif
