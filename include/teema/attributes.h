/* teema/attributes.h — informant attributes from a CSV file.
 *
 * The first row is a header; its first column is "informant" (or "id"),
 * "group" and "role" set the informant's own fields, every other column is
 * a free attribute. Fields may be quoted ("a, b"; "" for a quote); the
 * separator is a comma, or a semicolon or tab when the header uses one. */
#ifndef TEEMA_ATTRIBUTES_H
#define TEEMA_ATTRIBUTES_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sets the attributes in path in one transaction. Every informant must
 * already be in the project. Fails with TEEMA_ERROR_PARSE (naming the file
 * and line) for a malformed row, TEEMA_ERROR_NOT_FOUND for an unknown
 * informant. *n_rows (may be NULL) is the number of informants set. */
gboolean teema_project_import_attributes (TeemaProject *project,
                                          const char *path, guint *n_rows,
                                          GError **error);

#ifdef __cplusplus
}
#endif

#endif
