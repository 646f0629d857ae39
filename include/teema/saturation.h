/* teema/saturation.h — the saturation curve: new themes per successive
 * interview.
 *
 * Counts informant segments only (interviewer turns never count) and one
 * coder's codings (or every coder's). */
#ifndef TEEMA_SATURATION_H
#define TEEMA_SATURATION_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  TEEMA_ORDER_IMPORT, /* documents in import order */
  TEEMA_ORDER_DATE,   /* by the informant's "date" attribute (ISO 8601);
                         undated documents last, in import order */
} TeemaInterviewOrder;

typedef struct {
  const char *coder; /* or NULL for all coders */
  TeemaInterviewOrder order;
  const char *const *where; /* only interviews of informants meeting every
                               condition "attribute=value", or NULL */
} TeemaSaturationOptions;

/* One row per interview (document with informant segments): themes coded
 * in it, themes seen there for the first time, and the cumulative count of
 * distinct themes — the saturation curve. Themes are counted as coded (no
 * roll-up to parents). options may be NULL. */
TeemaTable *teema_report_saturation (TeemaProject *project,
                                     const TeemaSaturationOptions *options,
                                     GError **error);

/* Parses "import" or "date"; otherwise TEEMA_ERROR_UNSUPPORTED. */
gboolean teema_interview_order_parse (const char *name,
                                      TeemaInterviewOrder *order,
                                      GError **error);

#ifdef __cplusplus
}
#endif

#endif
