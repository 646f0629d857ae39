/* teema/quotes.h — quotes per theme and informant for thesis drafts.
 *
 * The thesis convention: the quote as an indented paragraph, then the
 * informant in parentheses, "(H3)". A quote is the coded text: when only
 * part of a segment was coded, "--" marks what was left out ("-- niin se
 * luottamus syntyy --"); coded segments that follow each other in one
 * document become one quote. Rule codings a coder rejected are never
 * quoted. */
#ifndef TEEMA_QUOTES_H
#define TEEMA_QUOTES_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *theme;     /* theme id or label (required) */
  const char *informant; /* or NULL */
  const char *group;     /* or NULL */
  const char *coder;     /* or NULL for any coder */
  const char *lang;      /* heading language, default "fi" */
  gboolean children;     /* include codings of the theme's sub-themes */
} TeemaQuoteOptions;

/* A table with columns theme, informant, group, segment, document,
 * position, text, citation; a quote of several segments gives the first
 * one's segment and position. */
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
