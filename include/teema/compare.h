/* teema/compare.h — comparing two informant groups (e.g. employees and
 * customers): theme by theme, and by the lemmas most distinctive of each.
 *
 * Both reports count informant segments only (interviewer turns excluded)
 * and informants whose group is one of the two compared. */
#ifndef TEEMA_COMPARE_H
#define TEEMA_COMPARE_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *group_a; /* the two groups; both NULL: the project's two */
  const char *group_b;
  const char *coder;     /* compare: only this coder's codings, or NULL */
  const char *lang;      /* compare: label language, "fi" (default) or "en" */
  gboolean wide;         /* compare: TRUE for a reading table ("3/5" cells,
                            indented labels), FALSE for one numeric column
                            per value (CSV, JSON) */
  guint top;             /* keyness: lemmas per group (0: 20) */
  guint min_freq;        /* keyness: minimum frequency in both groups
                            together (0: 3) */
  const char *stopwords; /* keyness: a file of lemmas not to rank (one per
                            line, '#' comments); NULL: the Finnish
                            function words built into teema (the file
                            data/stopwords-fi.txt); "": none */
  gboolean all;          /* keyness: also rows with p >= 0.05 */
  const char *attribute; /* the attribute whose two values are the
                            groups (role, age band); NULL: "group" */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value" / "attribute!=value",
                               or NULL */
} TeemaCompareOptions;

/* The groups of informants with text, sorted; free with g_strfreev. */
char **teema_group_list (TeemaProject *project, GError **error);

/* Per theme (a parent counting its children's codings too), for each
 * group: k of n informants mentioning it, coded segments, segments per
 * 1,000 informant words; and the two-sided Fisher exact p on informants
 * mentioning vs not. The groups are two values of options->attribute
 * (default "group"), matched ignoring case. Fails with
 * TEEMA_ERROR_NOT_FOUND when a group has no informant with text, when
 * groups are not given and there are not exactly two, or when the
 * attribute or a --where condition matches no informant. */
TeemaTable *teema_report_compare (TeemaProject *project,
                                  const TeemaCompareOptions *options,
                                  GError **error);

/* The lemmas most distinctive of each group by log-likelihood G², each
 * token counted once by its first lemma (after spoken forms are
 * normalised), numbers and stop words skipped (they still count in the
 * group's tokens). Rows: the top lemmas overused in group a by G², then
 * those of group b, only those with p < 0.05 unless options->all;
 * log_ratio is log2 of the lemma's relative frequency in its row's group
 * over that in the other. Errors as for teema_report_compare, and
 * TEEMA_ERROR_IO for an unreadable stop list. */
TeemaTable *teema_report_keyness (TeemaProject *project,
                                  const TeemaCompareOptions *options,
                                  GError **error);

#ifdef __cplusplus
}
#endif

#endif
