/* teema/informant.h — informants (interviewees) and their attributes.
 *
 * An informant has an id as cited in a thesis ("H3"), a group ("employee",
 * "customer"), a role and free attributes. Attributes come from transcript
 * front matter or are set later. */
#ifndef TEEMA_INFORMANT_H
#define TEEMA_INFORMANT_H

#include <glib.h>
#include <teema/document.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  char *code;        /* "H1" */
  char *group;       /* or NULL */
  char *role;        /* or NULL */
  GPtrArray *keys;   /* free attribute names (char *), sorted */
  GPtrArray *values; /* values, parallel to keys */
  guint n_documents;
  guint n_segments; /* the informant's non-interviewer segments */
  guint n_words;    /* words in those segments */
} TeemaInformant;

void teema_informant_free (TeemaInformant *informant);

/* All informants ordered by group, then by code in natural order (A2
 * before A10); free with g_ptr_array_unref. */
GPtrArray *teema_informant_list (TeemaProject *project, GError **error);

/* Compares informant codes in natural order: digits as numbers, so "A2"
 * sorts before "A10"; otherwise byte by byte. */
int teema_informant_code_compare (const char *a, const char *b);

/* The value of attribute key of informant: "informant" (its code),
 * "group", "role" or a free attribute (names compared ignoring ASCII
 * case); NULL when it has none. */
const char *teema_informant_attr (const TeemaInformant *informant,
                                  const char *key);

/* Sets attribute key (e.g. "group", "role", "age") of informant code.
 * "group" and "role" are the informant's own fields; other keys are free
 * attributes. Fails with TEEMA_ERROR_NOT_FOUND for an unknown informant. */
gboolean teema_informant_set_attr (TeemaProject *project, const char *code,
                                   const char *key, const char *value,
                                   GError **error);

/* Sets attributes from the CSV file at path in one transaction. The first
 * row is a header; its first column is "informant" (or "id"), "group" and
 * "role" set the informant's own fields, every other column is a free
 * attribute. Fields may be quoted ("a, b"; "" for a quote); the separator
 * is a comma, or a semicolon or tab when the header uses one. Every
 * informant must already be in the project. Fails with TEEMA_ERROR_PARSE
 * (naming the file and line) for a malformed row, TEEMA_ERROR_NOT_FOUND
 * for an unknown informant. *n_rows (may be NULL) is the number of
 * informants set. */
gboolean teema_informant_import_csv (TeemaProject *project, const char *path,
                                     guint *n_rows, GError **error);

/* Gives informant code the id new_code, everywhere it is used (its
 * documents, codings and memos follow). Unknown code:
 * TEEMA_ERROR_NOT_FOUND; new_code taken: TEEMA_ERROR_EXISTS. */
gboolean teema_informant_rename (TeemaProject *project, const char *code,
                                 const char *new_code, GError **error);

/* Removes informant code with its attributes and documents, and their
 * segments, codings, memos and set-aside items, in one transaction. With
 * dry_run nothing changes and *removal (may be NULL) says what would go.
 * Unknown code: TEEMA_ERROR_NOT_FOUND. */
gboolean teema_informant_remove (TeemaProject *project, const char *code,
                                 gboolean dry_run, TeemaRemoval *removal,
                                 GError **error);

/* The groups of informants with text, sorted; free with g_strfreev. */
char **teema_group_list (TeemaProject *project, GError **error);

/* The values of attribute (NULL: "group") among informants with text,
 * sorted; free with g_strfreev. */
char **teema_informant_values (TeemaProject *project, const char *attribute,
                               GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaInformant, teema_informant_free)

#ifdef __cplusplus
}
#endif

#endif
