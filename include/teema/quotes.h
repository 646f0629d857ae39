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
  const char *theme;     /* theme code (required) */
  const char *informant; /* or NULL */
  const char *group;     /* or NULL */
  const char *coder;     /* or NULL for any coder */
  const char *lang;      /* heading language, default "fi" */
  gboolean children;     /* include codings of the theme's sub-themes */
} TeemaQuoteOptions;

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

/* Receives streamed output piece by piece, in order; returns FALSE (with
 * error set) to stop the writer. */
typedef gboolean (*TeemaOutputFunc) (const char *data, gsize len,
                                     gpointer user_data, GError **error);

/* The Markdown of teema_quotes_markdown (one theme: options->theme) or,
 * with all, of teema_quotes_markdown_all, written through write as each
 * quote is read: memory holds one theme's segment ids and one quote, not
 * the document. On failure nothing more is written and error is set. */
gboolean teema_quotes_write_markdown (TeemaProject *project,
                                      const TeemaQuoteOptions *options,
                                      gboolean all, TeemaOutputFunc write,
                                      gpointer user_data, GError **error);

#ifdef __cplusplus
}
#endif

#endif
