/* reports/chart-private.h — the canvas the charts draw on: a display list
 * of rectangles, lines and text in points (1/72 inch), rendered as SVG
 * (labels stay <text>), PNG at 300 dpi or PDF by chart-render.c.
 *
 * Sizes are in points so that a chart inserted into a thesis keeps its
 * size: TEEMA_CHART_MAX_W is the width of an A4 page's text block. */
#ifndef TEEMA_CHART_PRIVATE_H
#define TEEMA_CHART_PRIVATE_H

#include "reports/reports-private.h"

/* 16 cm: an A4 page less ordinary thesis margins. */
#define TEEMA_CHART_MAX_W (16.0 / 2.54 * 72.0)
/* PNG resolution, for print. */
#define TEEMA_CHART_DPI 300.0

typedef enum {
  TEEMA_ANCHOR_START,
  TEEMA_ANCHOR_MIDDLE,
  TEEMA_ANCHOR_END
} TeemaAnchor;

typedef struct TeemaCanvas TeemaCanvas;

/* A blank canvas; NULL when cairo cannot be opened (chart-cairo.h). */
TeemaCanvas *teema_canvas__new (GError **error);
void teema_canvas__free (TeemaCanvas *c);
/* The drawing's size in points; set once the layout is known. */
void teema_canvas__set_size (TeemaCanvas *c, double width, double height);

void teema_canvas__rect (TeemaCanvas *c, double x, double y, double w, double h,
                         guint32 rgb);
void teema_canvas__line (TeemaCanvas *c, double x1, double y1, double x2,
                         double y2, guint32 rgb);
/* Text with its baseline at y. */
void teema_canvas__text (TeemaCanvas *c, double x, double y, const char *s,
                         double size, gboolean bold, TeemaAnchor anchor,
                         guint32 rgb);
/* The advance width of s in points. */
double teema_canvas__text_width (TeemaCanvas *c, const char *s, double size,
                                 gboolean bold);
/* s shortened with "…" to fit width (a new string). */
char *teema_canvas__fit (TeemaCanvas *c, const char *s, double size,
                         gboolean bold, double width);

/* The output format a path asks for: .svg, .png or .pdf; anything else
 * fails with TEEMA_ERROR_UNSUPPORTED before anything is drawn, and so does
 * a machine without cairo. */
gboolean teema_canvas__check_path (const char *path, GError **error);
/* Renders the canvas in the format of path's extension and writes it
 * atomically (nothing at path unless it all worked). */
gboolean teema_canvas__write (TeemaCanvas *c, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCanvas, teema_canvas__free)

#endif
