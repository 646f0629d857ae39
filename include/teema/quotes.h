/* teema/quotes.h — quotes per theme and informant for thesis drafts.
 *
 * The thesis convention: the quote as an indented paragraph, then the
 * informant in parentheses, "(H3)". */
#ifndef TEEMA_QUOTES_H
#define TEEMA_QUOTES_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *theme;        /* theme code (required) */
  const char *informant;    /* or NULL */
  const char *group;        /* or NULL */
  const char *coder;        /* or NULL for any coder */
  const char *lang;         /* heading language, default "fi" */
  gboolean children;        /* include codings of the theme's sub-themes */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value", or NULL */
} TeemaQuoteOptions;

/* Quotes come by informant in natural order (group, then A2 before A10),
 * each informant's in document order. An informant, group or --where
 * condition that matches nothing (compared ignoring case) fails with
 * TEEMA_ERROR_NOT_FOUND naming the ones there are. */

/* A table with columns theme, informant, group, segment, document,
 * position, text, citation. */
TeemaTable *teema_quotes_collect (TeemaProject *project,
                                  const TeemaQuoteOptions *options,
                                  GError **error);

/* Renders collected quotes as Markdown in the thesis convention, under a
 * heading "## Label (n)" (heading NULL: the theme label from the table). */
char *teema_quotes_markdown (const TeemaTable *quotes, const char *heading);

/* Quotes of every theme that has any, parents before children, as one
 * Markdown document (options->theme is ignored). */
char *teema_quotes_markdown_all (TeemaProject *project,
                                 const TeemaQuoteOptions *options,
                                 GError **error);

#ifdef __cplusplus
}
#endif

#endif
