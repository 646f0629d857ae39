/* reports/reports-private.h — the coding set: the one answer every report,
 * quote list, chart and evaluation uses to "which informant segments
 * carry which theme (with parents), by which coders".
 *
 * A set is read once from the store (one SQL query, no segment text) and
 * is then immutable. Themes are codebook indices (teema_codebook_theme),
 * informants indices into the set's informant list. */
#ifndef TEEMA_REPORTS_PRIVATE_H
#define TEEMA_REPORTS_PRIVATE_H

#include "coding/coding-private.h"

typedef struct {
  const char *coder;      /* one coder's codings, or NULL for every coder */
  gboolean roll_up;       /* a theme also carries its sub-themes' segments */
  const char *informant;  /* only this informant's segments, or NULL */
  const char *group;      /* only this group's segments, or NULL */
  gboolean with_rejected; /* count rule codings a coder rejected (to
                             evaluate the rules); default: they never count */
  gboolean humans_only;   /* leave out the rule coder */
  gboolean spans;         /* read the coded spans too (for quotes) */
} TeemaCodingSetOptions;

#define TEEMA_NO_INFORMANT G_MAXUINT

/* One informant segment carrying one theme. */
typedef struct {
  gint64 segment;
  gint64 document;
  guint ordinal;   /* position in the document */
  guint theme;     /* codebook index */
  guint informant; /* index into the set's informants, or TEEMA_NO_INFORMANT */
  guint n_words;   /* the segment's words */
} TeemaCoded;

typedef struct TeemaCodingSet TeemaCodingSet;

/* Reads the set; options may be NULL (every coder, no roll-up). A
 * project without themes gives an empty set. */
TeemaCodingSet *teema_coding_set__new (TeemaProject *project,
                                       const TeemaCodingSetOptions *options,
                                       GError **error);
void teema_coding_set__free (TeemaCodingSet *set);

/* The project's codebook, as read with the set. */
const TeemaCodebook *teema_coding_set__codebook (const TeemaCodingSet *set);
/* Every informant (TeemaInformant *, by group then code). */
GPtrArray *teema_coding_set__informants (const TeemaCodingSet *set);
/* Index of an informant code in the list above, or TEEMA_NO_INFORMANT. */
guint teema_coding_set__informant_index (const TeemaCodingSet *set,
                                         const char *code);
/* The segments carrying theme t, in document order, each once. */
const TeemaCoded *teema_coding_set__rows (const TeemaCodingSet *set, guint t,
                                          guint *n_rows);
/* TRUE when segment carries theme t. */
gboolean teema_coding_set__has (const TeemaCodingSet *set, gint64 segment,
                                guint t);
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

/* ---- groups.c: the two groups of compare and keyness ------------------- */

typedef struct {
  const char *name;
  guint n;       /* informants with text */
  guint64 words; /* their informant words */
} TeemaGroup;

/* Fills g[0], g[1] from the options or the project's two groups; *owned
 * keeps names that must outlive the call. Errors as teema_report_compare
 * documents. */
gboolean teema_groups__resolve (TeemaProject *project,
                                const TeemaCompareOptions *options,
                                TeemaGroup g[2], char ***owned, GError **error);
/* Sets n and words of both groups from the informants. */
gboolean teema_groups__count (TeemaProject *project, TeemaGroup g[2],
                              GError **error);
/* 0 or 1 for a group name, -1 for any other (or NULL). */
int teema_groups__index (const TeemaGroup g[2], const char *name);

#endif
