/* teema/project.h — a project is one SQLite file.
 *
 * A TeemaProject is an open handle on that file. Every function that changes
 * the project runs in one transaction: it either commits all it did or leaves
 * the file as it was. */
#ifndef TEEMA_PROJECT_H
#define TEEMA_PROJECT_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TeemaProject TeemaProject;

/* Progress callback for long work: done of total units (words, segments).
 * Called from the thread that called the library function. */
typedef void (*TeemaProgressFunc) (guint64 done, guint64 total,
                                   gpointer user_data);

/* Creates a new project file at path. Fails with TEEMA_ERROR_EXISTS when
 * the file exists. Returns a handle to free with teema_project_free(). */
TeemaProject *teema_project_create (const char *path, GError **error);

/* Opens an existing project. A project identifies itself (PRAGMA
 * application_id, or the tables of its schema) before anything is
 * written: a file that is not a teema project fails with
 * TEEMA_ERROR_STORE and is left byte-for-byte unchanged; one from a newer
 * teema fails with TEEMA_ERROR_UNSUPPORTED, also unchanged. An older one
 * is copied to PATH.schema-N.bak and upgraded in one transaction (see
 * teema_project_notice). A project that cannot be written (read-only file
 * or folder) opens read-only: reading works, writing fails saying why.
 * No file, or a folder: TEEMA_ERROR_NOT_FOUND. */
TeemaProject *teema_project_open (const char *path, GError **error);

/* What opening the project did that its user should hear of (e.g. "upgraded
 * ... from schema 1 to 2 (the old file is kept as ...)"), or NULL. */
const char *teema_project_notice (TeemaProject *project);

void teema_project_free (TeemaProject *project);

const char *teema_project_path (TeemaProject *project);

/* The schema version this library writes. */
int teema_project_schema_version (void);

/* Project-wide settings (e.g. "language" = "fi"). Returns a newly
 * allocated string or NULL when unset. */
char *teema_project_get_setting (TeemaProject *project, const char *key);
gboolean teema_project_set_setting (TeemaProject *project, const char *key,
                                    const char *value, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaProject, teema_project_free)

#ifdef __cplusplus
}
#endif

#endif
