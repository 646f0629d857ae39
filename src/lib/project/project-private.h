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

/* Opens a project only to read it (merge's other copy): never written,
 * an older one upgraded in memory. */
TeemaProject *teema_project__open_readonly (const char *path, GError **error);

/* ---- attributes.c: the informant attribute CSV ---------------------- */

/* A CSV file larger than this is refused before it is read. */
#define TEEMA_CSV_MAX_BYTES (64 * 1024 * 1024)

typedef struct {
  GPtrArray *fields; /* char *, stripped */
  guint line;        /* where the row starts */
} TeemaCsvRow;

/* Parses an attribute CSV (data need not be NUL-terminated): the header
 * row first, then one row per informant, each with as many fields as the
 * header; the header's first column is 'informant' (or 'id') and no column
 * is named twice. Errors name path and the line; TeemaCsvRow * rows. */
GPtrArray *teema_attributes__parse (const char *data, gsize len,
                                    const char *path, GError **error);

#endif
