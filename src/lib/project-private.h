/* project-private.h — what library modules share about a project. */
#ifndef TEEMA_PROJECT_PRIVATE_H
#define TEEMA_PROJECT_PRIVATE_H

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

/* Reads a whole file; on failure sets TEEMA_ERROR_IO with the system's
 * message (which names the file). len may be NULL. */
gboolean teema__read_file (const char *path, char **data, gsize *len,
                           GError **error);

#endif
