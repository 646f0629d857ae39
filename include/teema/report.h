/* teema/report.h — theme frequencies per informant and per group.
 *
 * Counts use one coder's codings (default: every coder, a segment counted
 * once per theme) over informant segments (interviewer turns excluded).
 * A parent theme counts a segment coded with it or any of its children. */
#ifndef TEEMA_REPORT_H
#define TEEMA_REPORT_H

#include <glib.h>
#include <teema/names.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  TEEMA_BY_INFORMANT,
  TEEMA_BY_GROUP,
  TEEMA_BY_ATTRIBUTE, /* per value of options->attribute (role, age band) */
} TeemaReportBy;

typedef struct {
  TeemaReportBy by;
  const char *coder;        /* or NULL for all coders */
  const char *lang;         /* label language, "fi" or "en" (default "fi") */
  gboolean wide;            /* TRUE: a theme × informant matrix for reading;
                               FALSE: one row per theme and informant/group,
                               for R, Python and spreadsheets */
  const char *attribute;    /* TEEMA_BY_ATTRIBUTE: the attribute whose
                               values are the columns; TEEMA_BY_INFORMANT:
                               the attribute informants are grouped by
                               (NULL: "group"); the long table names its
                               column after it */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value" / "attribute!=value"
                               (values compared ignoring case), or NULL */
} TeemaReportOptions;

/* An attribute no informant has, a --where value no informant has or
 * conditions no informant meets fail with TEEMA_ERROR_NOT_FOUND naming
 * what there is. */
TeemaTable *teema_report_themes (TeemaProject *project,
                                 const TeemaReportOptions *options,
                                 GError **error);

typedef struct {
  const char *coder;         /* or NULL for all coders */
  const char *lang;          /* "fi" (default) or "en": labels and words */
  const char *const *where;  /* only informants meeting these conditions */
  gboolean pseudonymise;     /* quotes with personal names replaced */
  const TeemaNameKey *names; /* the name key for that, or NULL */
} TeemaReportAllOptions;

/* Writes every report into the folder dir (made if missing): the themes
 * by informant and by group, compare and keyness (when there are exactly
 * two groups), co-occurrence and saturation, each as NAME.csv and
 * NAME.md; the heatmap and bars as SVG and PNG; the quotes as
 * quotes.docx and quotes.md; and index.md linking them all. Files are
 * staged inside dir and moved into place only when all were written, so
 * a failure leaves dir as it was. Returns the names written (char *, in
 * order; free with g_ptr_array_unref), or NULL. */
GPtrArray *teema_report_all (TeemaProject *project, const char *dir,
                             const TeemaReportAllOptions *options,
                             GError **error);

#ifdef __cplusplus
}
#endif

#endif
