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

#endif
