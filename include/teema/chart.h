/* teema/chart.h — charts for a thesis: a themes × informants heatmap and
 * k/n informants per group as grouped bars, as SVG, PNG or PDF.
 *
 * The format follows the file name's extension (.svg, .png, .pdf); any
 * other extension fails with TEEMA_ERROR_UNSUPPORTED before anything is
 * written. The file is written to a temporary name in the same directory
 * and renamed into place only when rendering succeeded, with the mode
 * every other output gets. Numbers are those of teema_report_themes (a
 * parent theme counts its children's codings).
 *
 * Charts are sized for an A4 page: at most 16 cm wide (453 pt), labels at
 * 8 pt. SVG and PDF sizes are in points and SVG keeps labels as <text>,
 * so they stay searchable and editable; PNG is drawn at 300 dpi (a chart
 * W pt wide is ceil (W * 300 / 72) pixels). */
#ifndef TEEMA_CHART_H
#define TEEMA_CHART_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *coder;     /* or NULL for all coders */
  const char *lang;      /* label language, "fi" or "en" (default "fi") */
  gboolean counts;       /* heatmap: coded segments instead of share of words */
  const char *attribute; /* group informants by this attribute (role,
                            age band) instead of "group" */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value", or NULL */
} TeemaChartOptions;

/* Cell shade: share of the informant's words coded with the theme (or
 * segment counts); informants grouped by group (or the attribute), with a
 * legend. More informants than fit in 16 cm are split into panels stacked
 * one under another. */
gboolean teema_chart_heatmap (TeemaProject *project, const char *path,
                              const TeemaChartOptions *options, GError **error);

/* Per theme, one horizontal bar per group (or attribute value): the
 * share k/n of the group's informants who mention it, labelled k/n; each
 * group has its colour, shown in the legend with its n. */
gboolean teema_chart_bars (TeemaProject *project, const char *path,
                           const TeemaChartOptions *options, GError **error);

#ifdef __cplusplus
}
#endif

#endif
