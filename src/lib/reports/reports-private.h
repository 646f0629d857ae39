/* reports/reports-private.h — the coding set: the one answer every report,
 * quote list, chart and evaluation uses to "which informant segments
 * carry which theme (with parents), by which coders".
 *
 * A set is read once from the store (one SQL query over covering indexes,
 * no segment text) and is then immutable. Themes are codebook indices
 * (teema_codebook_theme), informants indices into the set's informant
 * list. A report that prints only numbers asks for the counts alone. */
#ifndef TEEMA_REPORTS_PRIVATE_H
#define TEEMA_REPORTS_PRIVATE_H

#include "coding/coding-private.h"

typedef struct {
  const char *coder;        /* one coder's codings, or NULL for every coder */
  gboolean roll_up;         /* a theme also carries its sub-themes' segments */
  const char *informant;    /* only this informant's segments, or NULL */
  const char *group;        /* only this group's segments, or NULL */
  gboolean with_rejected;   /* count rule codings a coder rejected (to
                               evaluate the rules); default: they never count */
  gboolean humans_only;     /* leave out the rule coder */
  gboolean spans;           /* read the coded spans too (for quotes) */
  const char *const *where; /* only informants meeting these conditions
                               ("role=myyjä"; see teema_where__new), or
                               NULL; the others are not in the set's
                               informant list either */
  const char *theme;        /* only this theme's rows (with roll_up, its
                               descendants' too), or NULL: a quote list
                               reads one theme without reading all */
  gboolean counts_only;     /* keep the counts, not the rows */
} TeemaCodingSetOptions;

#define TEEMA_NO_INFORMANT G_MAXUINT

/* One informant segment carrying one theme. */
typedef struct {
  gint64 segment;
  gint64 document;
  guint ordinal;   /* position in the document */
  guint theme;     /* codebook index */
  guint informant; /* index into the set's informants, or TEEMA_NO_INFORMANT */
  guint n_words;   /* the words its codings of the theme cover */
} TeemaCoded;

typedef struct TeemaCodingSet TeemaCodingSet;

/* Reads the set; options may be NULL (every coder, no roll-up). A
 * project without themes gives an empty set. The informant and group
 * filters are matched ignoring case; one that matches nothing, like a
 * --where condition, fails with TEEMA_ERROR_NOT_FOUND naming what there
 * is. */
TeemaCodingSet *teema_coding_set__new (TeemaProject *project,
                                       const TeemaCodingSetOptions *options,
                                       GError **error);
/* Reads two sets whose options differ only in the coder (two coders
 * named, anything else the same) in one pass over the codings: the same
 * sets as teema_coding_set__new twice, in about half the reading. Other
 * options are read one after the other. FALSE, with neither set, on an
 * error. */
gboolean teema_coding_set__new_pair (TeemaProject *project,
                                     const TeemaCodingSetOptions *options,
                                     const TeemaCodingSetOptions *second,
                                     TeemaCodingSet **out,
                                     TeemaCodingSet **out_second,
                                     GError **error);
void teema_coding_set__free (TeemaCodingSet *set);
/* Reads the set again with other options, keeping its codebook and
 * informants (a run over many themes reads them once). */
gboolean teema_coding_set__reread (TeemaCodingSet *set, TeemaProject *project,
                                   const TeemaCodingSetOptions *options,
                                   GError **error);

/* The project's codebook, as read with the set. */
const TeemaCodebook *teema_coding_set__codebook (const TeemaCodingSet *set);
/* Every informant meeting where (TeemaInformant *, by group then code in
 * natural order). */
GPtrArray *teema_coding_set__informants (const TeemaCodingSet *set);
/* Index of an informant code in the list above, or TEEMA_NO_INFORMANT. */
guint teema_coding_set__informant_index (const TeemaCodingSet *set,
                                         const char *code);
/* The segments carrying theme t, in document order, each once (none when
 * the set was read with counts_only). */
const TeemaCoded *teema_coding_set__rows (const TeemaCodingSet *set, guint t,
                                          guint *n_rows);
/* The same rows ordered by informant (the informant list's order: group,
 * then natural code order, so A2 before A10), then document order; a new
 * array, free with g_free. */
TeemaCoded *teema_coding_set__rows_by_informant (const TeemaCodingSet *set,
                                                 guint t, guint *n_rows);
/* TRUE when segment carries theme t (FALSE with counts_only). */
gboolean teema_coding_set__has (const TeemaCodingSet *set, gint64 segment,
                                guint t);

typedef struct {
  guint segments; /* segments carrying the theme */
  guint64 words;  /* their words */
} TeemaCodedCount;

/* Theme t's segments of informant i (an index into the informant list, or
 * TEEMA_NO_INFORMANT for segments of documents without one). */
const TeemaCodedCount *teema_coding_set__count (const TeemaCodingSet *set,
                                                guint t, guint informant);
/* With options->spans: the coded parts of segment for theme t, as
 * TeemaSpan in document offsets, sorted, overlaps joined; NULL when the
 * segment does not carry t. */
const GArray *teema_coding_set__spans (const TeemaCodingSet *set,
                                       gint64 segment, guint t);
/* The footnote saying which codings a report counted, for coder (NULL:
 * every coder): rule codings a coder rejected never count. */
char *teema_coding_set__counted_note (const char *coder);
/* TRUE when theme t has no sub-themes. */
gboolean teema_coding_set__is_leaf (const TeemaCodingSet *set, guint t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCodingSet, teema_coding_set__free)

/* ---- quotes.c: quotes read one at a time -------------------------------- */

/* A quote: the coded parts of consecutive segments of one document. */
typedef struct {
  const TeemaSegment *first; /* its first segment: informant, group,
                                document, position */
  const char *text;          /* one line, "--" where text was left out */
} TeemaQuote;

/* Receives each quote (valid during the call); FALSE with error set
 * stops the run. */
typedef gboolean (*TeemaQuoteFunc) (const TeemaQuote *quote, gpointer data,
                                    GError **error);

/* The number of quotes rows make: runs of rows of consecutive segments
 * of one document (rows of one theme, in document order within each
 * informant). */
guint teema_quotes__count (const TeemaCoded *rows, guint n);

/* Makes the quotes of rows (theme t's, from set read with spans) one at a
 * time, reading each segment's text only as its quote is made, and hands
 * each to fn in order; each coded part of a turn comes with context of
 * the turn's sentences before and after it. A failed read or fn's FALSE
 * ends the run. */
gboolean teema_quotes__foreach (TeemaProject *project,
                                const TeemaCodingSet *set, guint t,
                                const TeemaCoded *rows, guint n, guint context,
                                TeemaQuoteFunc fn, gpointer data,
                                GError **error);

/* ---- evaluate.c: development sets --------------------------------------- */

/* One row of a development set. */
typedef struct {
  char *name; /* its id */
  char *text;
  GStrv themes; /* the theme ids it is coded with (none for "-") */
} TeemaDevRow;

/* The rows of the development set at path (TSV, as
 * teema_evaluate_devset reads it), each theme id checked against cb;
 * appended to rows (TeemaDevRow *, freed with the array). FALSE with
 * TEEMA_ERROR_PARSE naming the line for a malformed file. */
gboolean teema_devset__read (const TeemaCodebook *cb, const char *path,
                             GPtrArray *rows, GError **error);
/* An empty array for TeemaDevRow *. */
GPtrArray *teema_devset__rows_new (void);

/* ---- groups.c: the two groups of compare and keyness ------------------- */

typedef struct {
  const char *name;
  guint n;       /* informants with text */
  guint64 words; /* their informant words */
} TeemaGroup;

/* Fills g[0], g[1] from the options or the two values of the compared
 * attribute there are (among informants meeting options->where), and sets
 * their n and words; *owned keeps names that must outlive the call, and
 * *member (free with g_hash_table_destroy) maps the code of each
 * informant in one of the two groups to its index + 1. Errors as
 * teema_report_compare documents. */
gboolean teema_groups__resolve (TeemaProject *project,
                                const TeemaCompareOptions *options,
                                TeemaGroup g[2], char ***owned,
                                GHashTable **member, GError **error);
/* 0 or 1 for a group name, -1 for any other (or NULL). */
int teema_groups__index (const TeemaGroup g[2], const char *name);

#endif
