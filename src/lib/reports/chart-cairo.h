/* reports/chart-cairo.h — cairo, opened when a chart is first drawn.
 *
 * libcairo pulls in seventeen shared libraries (fontconfig, freetype,
 * pixman, X11 and xcb among them); linked, every teema command would map
 * them at start-up, about a fifth of the start-up of a report. Only
 * charts draw, so the library is opened on first use (teema_cairo__load)
 * and its functions are called through a table; the names below turn the
 * cairo calls of chart-render.c into calls through it, so the drawing
 * code reads as plain cairo.
 * Must always hold: no cairo function is called before teema_cairo__load
 * has returned TRUE. */
#ifndef TEEMA_REPORTS_CHART_CAIRO_H
#define TEEMA_REPORTS_CHART_CAIRO_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>

/* X (name): every cairo function the charts call, without "cairo_". */
#define TEEMA_CAIRO_FUNCTIONS(X)                                               \
  X (create)                                                                   \
  X (destroy)                                                                  \
  X (fill)                                                                     \
  X (image_surface_create)                                                     \
  X (line_to)                                                                  \
  X (move_to)                                                                  \
  X (paint)                                                                    \
  X (pdf_surface_create_for_stream)                                            \
  X (rectangle)                                                                \
  X (scale)                                                                    \
  X (select_font_face)                                                         \
  X (set_font_size)                                                            \
  X (set_line_width)                                                           \
  X (set_source_rgb)                                                           \
  X (show_text)                                                                \
  X (status_to_string)                                                         \
  X (stroke)                                                                   \
  X (surface_destroy)                                                          \
  X (surface_finish)                                                           \
  X (surface_flush)                                                            \
  X (surface_status)                                                           \
  X (surface_write_to_png_stream)                                              \
  X (text_extents)

#define TEEMA_CAIRO_FIELD(name) __typeof__ (cairo_##name) *name;
typedef struct {
  TEEMA_CAIRO_FUNCTIONS (TEEMA_CAIRO_FIELD)
} TeemaCairo;
#undef TEEMA_CAIRO_FIELD

/* The table, filled by teema_cairo__load. */
extern TeemaCairo teema_cairo;

/* Opens libcairo once (thread-safe); FALSE with an error naming the
 * package to install when it cannot be opened or lacks a function. */
gboolean teema_cairo__load (GError **error);

/* clang-format off */
#define cairo_create teema_cairo.create
#define cairo_destroy teema_cairo.destroy
#define cairo_fill teema_cairo.fill
#define cairo_image_surface_create teema_cairo.image_surface_create
#define cairo_line_to teema_cairo.line_to
#define cairo_move_to teema_cairo.move_to
#define cairo_paint teema_cairo.paint
#define cairo_pdf_surface_create_for_stream teema_cairo.pdf_surface_create_for_stream
#define cairo_rectangle teema_cairo.rectangle
#define cairo_scale teema_cairo.scale
#define cairo_select_font_face teema_cairo.select_font_face
#define cairo_set_font_size teema_cairo.set_font_size
#define cairo_set_line_width teema_cairo.set_line_width
#define cairo_set_source_rgb teema_cairo.set_source_rgb
#define cairo_show_text teema_cairo.show_text
#define cairo_status_to_string teema_cairo.status_to_string
#define cairo_stroke teema_cairo.stroke
#define cairo_surface_destroy teema_cairo.surface_destroy
#define cairo_surface_finish teema_cairo.surface_finish
#define cairo_surface_flush teema_cairo.surface_flush
#define cairo_surface_status teema_cairo.surface_status
#define cairo_surface_write_to_png_stream teema_cairo.surface_write_to_png_stream
#define cairo_text_extents teema_cairo.text_extents
/* clang-format on */

#endif
