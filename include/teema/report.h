/* teema/report.h — theme frequencies per informant and per group.
 *
 * Counts use one coder's codings (default: every coder, a segment counted
 * once per theme) over informant segments (interviewer turns excluded).
 * A parent theme counts a segment coded with it or any of its children. */
#ifndef TEEMA_REPORT_H
#define TEEMA_REPORT_H

#include <glib.h>
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

#ifdef __cplusplus
}
#endif

#endif
