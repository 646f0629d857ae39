/* teema/chart.h — charts for a thesis: a themes × informants heatmap and
 * k/n informants per group as grouped bars, as SVG, PNG or PDF.
 *
 * The format follows the file name's extension (.svg, .png, .pdf); any
 * other extension fails with TEEMA_ERROR_UNSUPPORTED before anything is
 * written. The file is written to a temporary name in the same directory
 * and renamed into place only when rendering succeeded. Numbers are those
 * of teema_report_themes (a parent theme counts its children's codings).
 * SVG keeps labels as <text>, so they stay searchable and editable; PNG is
 * drawn at twice the SVG's size in pixels. */
#ifndef TEEMA_CHART_H
#define TEEMA_CHART_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *coder; /* or NULL for all coders */
  const char *lang;  /* label language, "fi" or "en" (default "fi") */
  gboolean counts;   /* heatmap: coded segments instead of share of words */
} TeemaChartOptions;

/* Cell shade: share of the informant's words coded with the theme (or
 * segment counts); informants grouped by group, with a legend. */
gboolean teema_chart_heatmap (TeemaProject *project, const char *path,
                              const TeemaChartOptions *options, GError **error);

/* Per theme, one bar per group: the share k/n of the group's informants
 * who mention it, in the theme's colour, labelled k/n. */
gboolean teema_chart_bars (TeemaProject *project, const char *path,
                           const TeemaChartOptions *options, GError **error);

#ifdef __cplusplus
}
#endif

#endif
