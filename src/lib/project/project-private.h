/* project/project-private.h — what the modules above the store share
 * about an open project: its handle and the one way to write to it. */
#ifndef TEEMA_PROJECT_PRIVATE_H
#define TEEMA_PROJECT_PRIVATE_H

#include "base/base-private.h"
#include "store/store.h"

struct TeemaProject {
  char *path;
  TeemaStore *store;
};

/* Runs the write in one transaction; rolls back when it returns FALSE. */
typedef gboolean (*TeemaWriteFunc) (TeemaProject *project, gpointer data,
                                    GError **error);
gboolean teema_project__transact (TeemaProject *project, TeemaWriteFunc fn,
                                  gpointer data, GError **error);

/* TRUE when segment id exists; else TEEMA_ERROR_NOT_FOUND. */
gboolean teema_project__check_segment (TeemaProject *project, gint64 id,
                                       GError **error);

/* The id of the theme the user named (id or label, see
 * teema_codebook_find), newly allocated; NULL with the same errors. */
char *teema_project__theme_code (TeemaProject *project, const char *name,
                                 GError **error);

/* TRUE for "#rrggbb". */
gboolean teema_codebook__valid_colour (const char *colour);
/* ---- informant.c: choosing informants -------------------------------- */

/* Conditions on informant attributes: each "key=value" (or "key!=value")
 * of a --where, values compared case-insensitively, all of them must
 * hold. */
typedef struct TeemaWhere TeemaWhere;

/* Parses where (NULL-terminated; NULL or empty: no condition) against
 * informants. A malformed condition fails with TEEMA_ERROR_PARSE; an
 * attribute no informant has, a value no informant has, or conditions no
 * informant meets fail with TEEMA_ERROR_NOT_FOUND naming what there is. */
TeemaWhere *teema_where__new (const char *const *where, GPtrArray *informants,
                              GError **error);
void teema_where__free (TeemaWhere *where);
/* TRUE when informant meets every condition (always, for NULL). */
gboolean teema_where__matches (const TeemaWhere *where,
                               const TeemaInformant *informant);

/* TRUE when some informant has attribute key; else TEEMA_ERROR_NOT_FOUND
 * naming the attributes there are. */
gboolean teema_informant__check_attr (GPtrArray *informants, const char *key,
                                      GError **error);

/* The informant whose code is code, compared case-insensitively, or NULL
 * with TEEMA_ERROR_NOT_FOUND naming the informants there are. */
const TeemaInformant *teema_informant__find (GPtrArray *informants,
                                             const char *code, GError **error);
/* The group spelt as the informants have it, compared case-insensitively,
 * or NULL with TEEMA_ERROR_NOT_FOUND naming the groups there are. */
const char *teema_informant__find_group (GPtrArray *informants,
                                         const char *group, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaWhere, teema_where__free)

#endif
