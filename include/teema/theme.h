/* teema/theme.h — changing the project's themes one at a time, while
 * coding: add, update, rename, move, merge and remove (teema theme ...).
 *
 * Inductive coding needs no codebook file: a new project has no themes,
 * and themes are added as they emerge. Wherever a theme is named, its id
 * or its Finnish or English label will do (teema_codebook_find). Each
 * function is one transaction; codings keep their coder, span and time.
 * The codebook file and these functions are one workflow: teema codebook
 * export writes what they made, and importing an edited file updates the
 * same themes (teema_codebook_apply). */
#ifndef TEEMA_THEME_H
#define TEEMA_THEME_H

#include <glib.h>
#include <teema/codebook.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The fields of a theme besides its id and rules. NULL leaves a field as
 * it is (or unset, when adding); "" clears it. parent names a theme (id or
 * label); "" means the top level. */
typedef struct {
  const char *parent;
  const char *label_fi;
  const char *label_en;
  const char *colour; /* "#rrggbb" */
  const char *description;
  const char *scope; /* "segment" or "sentence" (see teema/codebook.h);
                        "" is the default, segment */
} TeemaThemeFields;

/* Adds theme code (fields may be NULL) after the existing themes. An id
 * that is not letters, digits, '_', '-' or '.': TEEMA_ERROR_PARSE; one
 * in use (in any case): TEEMA_ERROR_EXISTS; an unknown parent:
 * TEEMA_ERROR_NOT_FOUND. */
gboolean teema_theme_add (TeemaProject *project, const char *code,
                          const TeemaThemeFields *fields, GError **error);

/* Sets the fields of theme that are not NULL. A parent that is the theme
 * or one of its sub-themes: TEEMA_ERROR_FAILED; a scope other than
 * segment or sentence: TEEMA_ERROR_PARSE. A new scope applies at the next
 * autocode. */
gboolean teema_theme_update (TeemaProject *project, const char *theme,
                             const TeemaThemeFields *fields, GError **error);

/* Gives theme the id new_code; its codings, rules and sub-themes follow.
 * new_code in use by another theme: TEEMA_ERROR_EXISTS (merge instead). */
gboolean teema_theme_rename (TeemaProject *project, const char *theme,
                             const char *new_code, GError **error);

/* Moves theme under parent (NULL or "": to the top level). */
gboolean teema_theme_move (TeemaProject *project, const char *theme,
                           const char *parent, GError **error);

typedef struct {
  guint n_codings;    /* codings moved from the merged theme */
  guint n_duplicates; /* its codings dropped: the same coder had coded the
                         same span with the kept theme */
  guint n_rules;      /* rules and exclusions moved */
  guint n_children;   /* sub-themes moved under the kept theme */
} TeemaThemeMerge;

/* Merges theme `from` into `into`: from's codings (with their coder, span,
 * time and note), rejections, rules, exclusions and sub-themes move to
 * into, its description is appended to into's, and from is removed.
 * result may be NULL. When into lies under from, into first takes from's
 * place in the tree. */
gboolean teema_theme_merge (TeemaProject *project, const char *from,
                            const char *into, TeemaThemeMerge *result,
                            GError **error);

/* Removes theme; its sub-themes move up to its parent. A theme with
 * codings is refused (TEEMA_ERROR_EXISTS, saying how many) unless force,
 * which deletes them; *n_codings (may be NULL) gets how many went. */
gboolean teema_theme_remove (TeemaProject *project, const char *theme,
                             gboolean force, guint *n_codings, GError **error);

/* Adds a keyword rule to theme (or, with exclude, an exclusion: words
 * that may not count for it). A rule that does not compile:
 * TEEMA_ERROR_RULE; one the theme has already changes nothing. Run
 * autocode to apply it. */
gboolean teema_theme_add_rule (TeemaProject *project, const char *theme,
                               const char *rule, gboolean exclude,
                               GError **error);

/* Codings (any coder) per theme id: a table the CLI's theme list shows;
 * free with g_hash_table_destroy. */
GHashTable *teema_theme_coding_counts (TeemaProject *project, GError **error);

/* An id for a theme a user named in words ("Hyvä asiakaskokemus" ->
 * "hyvä-asiakaskokemus"): lower case, spaces as '-', other characters an
 * id cannot have left out. NULL when nothing is left. */
char *teema_theme_code_for (const char *name);

#ifdef __cplusplus
}
#endif

#endif
