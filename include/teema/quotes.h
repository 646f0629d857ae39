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
#include <teema/names.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *theme;        /* theme id or label (required) */
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

/* Receives streamed output piece by piece, in order; returns FALSE (with
 * error set) to stop the writer. */
typedef gboolean (*TeemaOutputFunc) (const char *data, gsize len,
                                     gpointer user_data, GError **error);

/* The Markdown of teema_quotes_markdown (one theme: options->theme) or,
 * with all, of teema_quotes_markdown_all, written through write as each
 * quote is read: memory holds one theme's segment ids and spans and one
 * quote, not the document. On failure nothing more is written and error
 * is set. */
gboolean teema_quotes_write_markdown (TeemaProject *project,
                                      const TeemaQuoteOptions *options,
                                      gboolean all, TeemaOutputFunc write,
                                      gpointer user_data, GError **error);

/* ---- quote documents for a thesis draft -------------------------------- */

typedef enum {
  TEEMA_DOC_MARKDOWN,
  TEEMA_DOC_LATEX,
  TEEMA_DOC_HTML,
  TEEMA_DOC_DOCX,
  TEEMA_DOC_ODT,
} TeemaDocFormat;

/* Parses "md" ("markdown"), "latex" ("tex"), "html", "docx", "odt". */
gboolean teema_doc_format_parse (const char *name, TeemaDocFormat *format,
                                 GError **error);
/* TRUE and the format when path's extension is .md, .tex, .html (.htm),
 * .docx or .odt (any case); FALSE otherwise. */
gboolean teema_doc_format_for_path (const char *path, TeemaDocFormat *format);

typedef enum {
  TEEMA_LABEL_CODE,      /* "(H3)": the informant's code */
  TEEMA_LABEL_GROUP,     /* "(customer 2)": group and number in it */
  TEEMA_LABEL_ATTRIBUTE, /* "(Liisa)": an attribute's value, such as a
                            pseudonym (label_attribute) */
} TeemaLabelScheme;

typedef struct {
  const char *const *themes;     /* theme codes, each with its sub-themes;
                                    NULL: every theme */
  const char *const *informants; /* informant codes; NULL: every one */
  const char *group;             /* only this group, or NULL */
  const char *const *where;      /* "attribute=value" conditions, or NULL */
  const char *coder;             /* one coder's codings, or NULL */
  const char *lang;              /* "fi" (default) or "en": labels,
                                    headings and the document's words */
  const char *by;                /* "theme" (NULL): a heading per theme
                                    and sub-theme; "informant": a heading
                                    per informant, then per theme; any
                                    attribute: under each theme, a
                                    heading per value (group, role) */
  guint max_chars;               /* 0: whole quotes; else shortened to
                                    whole sentences (or words) within
                                    this many characters, "--" marking
                                    what was left out */
  TeemaLabelScheme labels;
  const char *label_attribute; /* TEEMA_LABEL_ATTRIBUTE: the attribute
                                  (NULL: "pseudonym") */
  gboolean pseudonymise;       /* replace personal names in quotes */
  const TeemaNameKey *names;   /* with pseudonymise: the name key, or
                                  NULL for the names Voikko knows */
  const char *title;           /* NULL: "Haastattelulainaukset: <the
                                  codebook's name>" */
  gboolean no_children;        /* a given theme without its
                                  sub-themes' quotes (or, in a
                                  document, their sections) */
  guint context;               /* a quote of part of a turn (a theme
                                  coded sentence by sentence) also gets
                                  this many of the turn's sentences
                                  before and after each coded part */
} TeemaQuoteDocOptions;

/* The quotes as a document for a thesis draft, the whole file in
 * format. A title and a paragraph on the conventions; a heading per
 * theme and sub-theme (codebook order) with a line "mentioned by k of n
 * informants: H1, H3" (k counts sub-themes too), then each quote coded
 * with that theme as its own paragraph in the style "Quote", ending in
 * the label "(H3)". Informants come in natural order. Themes no chosen
 * informant mentions are left out unless asked for by name. DOCX and ODT
 * define the styles (Heading 1-3, Theme intro, Quote, Informant label)
 * once, so a user restyles them all at once. Errors: an unknown theme,
 * informant, group or attribute value (TEEMA_ERROR_NOT_FOUND, naming the
 * ones there are); an informant without the label attribute
 * (TEEMA_ERROR_NOT_FOUND, naming them). */
GBytes *teema_quotes_document (TeemaProject *project,
                               const TeemaQuoteDocOptions *options,
                               TeemaDocFormat format, GError **error);

/* The same document (the same bytes) written through write as it is
 * made: the options are checked and who mentions each theme is counted
 * first, then each theme's quotes (by informant: each informant's) are
 * read, written and forgotten, so memory holds one theme's or one
 * informant's codings and one quote, never the document. DOCX and ODT
 * come out as a zip written in order (no seeking), so write may go to a
 * pipe. An option error writes nothing. Once write returns FALSE (with
 * error set) nothing more is written and that error is returned; what was
 * written by then is an incomplete document, for the caller to discard. */
gboolean teema_quotes_write_document (TeemaProject *project,
                                      const TeemaQuoteDocOptions *options,
                                      TeemaDocFormat format,
                                      TeemaOutputFunc write, gpointer user_data,
                                      GError **error);

/* The same quotes as a table (the columns of teema_quotes_collect), text
 * and citation shortened, labelled and pseudonymised as the options say:
 * for CSV, TSV and JSON. Given themes collect their sub-themes' quotes
 * unless no_children; without themes, each theme's own quotes. */
TeemaTable *teema_quotes_table (TeemaProject *project,
                                const TeemaQuoteDocOptions *options,
                                GError **error);
/* The same table written through write in format: CSV, TSV and JSON as
 * it is made, theme by theme (memory holds one theme's codings and
 * rows), in one snapshot of the project; the terminal table and Markdown
 * whole. Once write returns FALSE (with error set) nothing more is
 * written and that error is returned. */
gboolean teema_quotes_write_table (TeemaProject *project,
                                   const TeemaQuoteDocOptions *options,
                                   TeemaFormat format, TeemaOutputFunc write,
                                   gpointer user_data, GError **error);

#ifdef __cplusplus
}
#endif

#endif
