/* reports/chart-render.c — the charts' canvas: a display list drawn once
 * and rendered as SVG (our own writer, so labels stay searchable <text>)
 * or with cairo (PNG at 300 dpi, PDF).
 *
 * Text is measured with cairo's toy API ("sans-serif"), which renders ä
 * and ö through fontconfig; cairo is opened when the first canvas is made
 * (chart-cairo.h). Must always hold: nothing exists at the output
 * path unless rendering succeeded — the chart is drawn in memory, then
 * written with teema_file_write (a temporary file renamed into place,
 * with the mode the umask gives every other output; a pipe or device in
 * place). */
#include "reports/chart-private.h"

#include "reports/chart-cairo.h"

#include <math.h>
#include <string.h>
#include <teema/files.h>

#define FONT "sans-serif"

typedef enum { OP_RECT, OP_TEXT, OP_LINE } OpKind;
typedef enum { OUT_SVG, OUT_PNG, OUT_PDF } OutKind;

typedef struct {
  OpKind kind;
  double x, y, w, h; /* text: x, y is the baseline point; line: to w, h */
  guint32 rgb;
  double size; /* font size */
  gboolean bold;
  TeemaAnchor anchor;
  char *text;
} Op;

struct TeemaCanvas {
  GArray *ops; /* Op */
  double width, height;
  cairo_t *measure; /* for text extents */
  cairo_surface_t *measure_surface;
};

static void
op_clear (Op *op)
{
  g_free (op->text);
}

TeemaCanvas *
teema_canvas__new (GError **error)
{
  if (!teema_cairo__load (error))
    return NULL;
  TeemaCanvas *c = g_new0 (TeemaCanvas, 1);
  c->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (c->ops, (GDestroyNotify) op_clear);
  c->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  c->measure = cairo_create (c->measure_surface);
  return c;
}

void
teema_canvas__free (TeemaCanvas *c)
{
  if (!c)
    return;
  g_array_unref (c->ops);
  cairo_destroy (c->measure);
  cairo_surface_destroy (c->measure_surface);
  g_free (c);
}

void
teema_canvas__set_size (TeemaCanvas *c, double width, double height)
{
  c->width = ceil (width);
  c->height = ceil (height);
}

double
teema_canvas__text_width (TeemaCanvas *c, const char *s, double size,
                          gboolean bold)
{
  cairo_text_extents_t e;
  cairo_select_font_face (c->measure, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD
                               : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (c->measure, size);
  cairo_text_extents (c->measure, s, &e);
  return e.x_advance;
}

char *
teema_canvas__fit (TeemaCanvas *c, const char *s, double size, gboolean bold,
                   double width)
{
  if (teema_canvas__text_width (c, s, size, bold) <= width)
    return g_strdup (s);
  glong n = g_utf8_strlen (s, -1);
  while (n > 1) {
    n--;
    g_autofree char *head = g_utf8_substring (s, 0, n);
    g_strchomp (head);
    char *out = g_strconcat (head, "…", NULL);
    if (teema_canvas__text_width (c, out, size, bold) <= width)
      return out;
    g_free (out);
  }
  return g_strdup ("…");
}

void
teema_canvas__rect (TeemaCanvas *c, double x, double y, double w, double h,
                    guint32 rgb)
{
  Op op = { OP_RECT, x, y, w, h, rgb, 0, FALSE, TEEMA_ANCHOR_START, NULL };
  g_array_append_val (c->ops, op);
}

void
teema_canvas__line (TeemaCanvas *c, double x1, double y1, double x2, double y2,
                    guint32 rgb)
{
  Op op = { OP_LINE, x1, y1, x2, y2, rgb, 0, FALSE, TEEMA_ANCHOR_START, NULL };
  g_array_append_val (c->ops, op);
}

void
teema_canvas__text (TeemaCanvas *c, double x, double y, const char *s,
                    double size, gboolean bold, TeemaAnchor anchor, guint32 rgb)
{
  Op op = { OP_TEXT, x, y, 0, 0, rgb, size, bold, anchor, g_strdup (s) };
  g_array_append_val (c->ops, op);
}

/* ---- SVG ------------------------------------------------------------------
 */

static void
svg_op (GString *s, const Op *op)
{
  if (op->kind == OP_RECT) {
    g_string_append_printf (s,
                            "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                            "height=\"%.2f\" fill=\"#%06x\"/>\n",
                            op->x, op->y, op->w, op->h, op->rgb);
  } else if (op->kind == OP_LINE) {
    g_string_append_printf (s,
                            "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
                            "y2=\"%.2f\" stroke=\"#%06x\" "
                            "stroke-width=\"0.5\"/>\n",
                            op->x, op->y, op->w, op->h, op->rgb);
  } else {
    static const char *const anchors[] = { "start", "middle", "end" };
    g_autofree char *esc = g_markup_escape_text (op->text, -1);
    g_string_append_printf (s,
                            "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\""
                            "%s text-anchor=\"%s\" fill=\"#%06x\">%s</text>\n",
                            op->x, op->y, op->size,
                            op->bold ? " font-weight=\"bold\"" : "",
                            anchors[op->anchor], op->rgb, esc);
  }
}

/* Width and height are in points, so that the drawing keeps its size on
 * a page; the view box is the same numbers without a unit. */
static char *
svg_render (const TeemaCanvas *c)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (
    s,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0fpt\" "
    "height=\"%.0fpt\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">\n"
    "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
    c->width, c->height, c->width, c->height);
  for (guint i = 0; i < c->ops->len; i++)
    svg_op (s, &g_array_index (c->ops, Op, i));
  g_string_append (s, "</svg>\n");
  return g_string_free (s, FALSE);
}

/* ---- cairo ---------------------------------------------------------------
 */

static void
set_rgb (cairo_t *cr, guint32 rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
cairo_op (cairo_t *cr, const Op *op)
{
  set_rgb (cr, op->rgb);
  if (op->kind == OP_RECT) {
    cairo_rectangle (cr, op->x, op->y, op->w, op->h);
    cairo_fill (cr);
  } else if (op->kind == OP_LINE) {
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, op->x, op->y);
    cairo_line_to (cr, op->w, op->h);
    cairo_stroke (cr);
  } else {
    cairo_text_extents_t e;
    cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                            op->bold ? CAIRO_FONT_WEIGHT_BOLD
                                     : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size (cr, op->size);
    cairo_text_extents (cr, op->text, &e);
    double dx = op->anchor == TEEMA_ANCHOR_MIDDLE ? e.x_advance / 2
                : op->anchor == TEEMA_ANCHOR_END  ? e.x_advance
                                                  : 0;
    cairo_move_to (cr, op->x - dx, op->y);
    cairo_show_text (cr, op->text);
  }
}

static void
cairo_render (const TeemaCanvas *c, cairo_surface_t *surface, double scale)
{
  cairo_t *cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < c->ops->len; i++)
    cairo_op (cr, &g_array_index (c->ops, Op, i));
  cairo_destroy (cr);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Renders a PNG or PDF into out. */
static cairo_status_t
cairo_to_bytes (const TeemaCanvas *c, OutKind kind, GByteArray *out)
{
  double scale = kind == OUT_PDF ? 1.0 : TEEMA_CHART_DPI / 72.0;
  cairo_surface_t *s;
  if (kind == OUT_PDF)
    s = cairo_pdf_surface_create_for_stream (append_bytes, out, c->width,
                                             c->height);
  else
    s = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                    (int) ceil (c->width * scale),
                                    (int) ceil (c->height * scale));
  cairo_render (c, s, scale);
  cairo_surface_flush (s);
  cairo_status_t st = cairo_surface_status (s);
  if (st == CAIRO_STATUS_SUCCESS && kind == OUT_PNG)
    st = cairo_surface_write_to_png_stream (s, append_bytes, out);
  cairo_surface_finish (s);
  if (st == CAIRO_STATUS_SUCCESS)
    st = cairo_surface_status (s);
  cairo_surface_destroy (s);
  return st;
}

static gboolean
out_kind (const char *path, OutKind *kind, GError **error)
{
  const char *dot = strrchr (path, '.');
  if (dot && g_ascii_strcasecmp (dot, ".svg") == 0)
    *kind = OUT_SVG;
  else if (dot && g_ascii_strcasecmp (dot, ".png") == 0)
    *kind = OUT_PNG;
  else if (dot && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *kind = OUT_PDF;
  else {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("%s: unknown chart format: name the file .svg, .png or "
                    ".pdf"),
                 path);
    return FALSE;
  }
  return TRUE;
}

gboolean
teema_canvas__check_path (const char *path, GError **error)
{
  OutKind kind;
  return out_kind (path, &kind, error) && teema_cairo__load (error);
}

gboolean
teema_canvas__write (TeemaCanvas *c, const char *path, GError **error)
{
  OutKind kind;
  if (!out_kind (path, &kind, error))
    return FALSE;
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  if (kind == OUT_SVG) {
    g_autofree char *svg = svg_render (c);
    g_byte_array_append (bytes, (const guint8 *) svg, (guint) strlen (svg));
  } else {
    cairo_status_t st = cairo_to_bytes (c, kind, bytes);
    if (st != CAIRO_STATUS_SUCCESS) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO,
                   _ ("%s: could not draw: %s"), path,
                   cairo_status_to_string (st));
      return FALSE;
    }
  }
  return teema_file_write (path, bytes->data, bytes->len, error);
}
