/* chart.c — the heatmap and grouped-bar charts, drawn once into a display
 * list and rendered as SVG (our own writer, so labels stay <text>) or with
 * cairo (PNG at 2×, PDF).
 *
 * Numbers come from teema_report_themes' long tables, so a chart always
 * agrees with the report. Text is measured with cairo's toy API
 * ("sans-serif"), which renders ä and ö through fontconfig. Must always
 * hold: nothing exists at the output path unless rendering succeeded — the
 * chart is drawn in memory, then written under a temporary name beside the
 * path and renamed, with the same mode as every other output. */
#include <teema/teema.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FONT      "sans-serif"
#define PNG_SCALE 2.0

typedef enum { OP_RECT, OP_TEXT, OP_LINE } OpKind;
typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } Anchor;

typedef struct {
  OpKind kind;
  double x, y, w, h; /* text: x, y is the baseline point; line: to w, h */
  guint32 rgb;
  double size; /* font size */
  gboolean bold;
  Anchor anchor;
  char *text;
} Op;

typedef struct {
  GArray *ops; /* Op */
  double width, height;
  cairo_t *measure; /* for text extents */
  cairo_surface_t *measure_surface;
} Canvas;

typedef enum { OUT_SVG, OUT_PNG, OUT_PDF } OutKind;

static void
op_clear (Op *op)
{
  g_free (op->text);
}

static void
canvas_init (Canvas *c)
{
  c->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (c->ops, (GDestroyNotify) op_clear);
  c->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  c->measure = cairo_create (c->measure_surface);
}

static void
canvas_clear (Canvas *c)
{
  g_array_unref (c->ops);
  cairo_destroy (c->measure);
  cairo_surface_destroy (c->measure_surface);
}

static double
text_width (Canvas *c, const char *s, double size, gboolean bold)
{
  cairo_text_extents_t e;
  cairo_select_font_face (c->measure, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD
                               : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (c->measure, size);
  cairo_text_extents (c->measure, s, &e);
  return e.x_advance;
}

static void
rect (Canvas *c, double x, double y, double w, double h, guint32 rgb)
{
  Op op = { OP_RECT, x, y, w, h, rgb, 0, FALSE, ANCHOR_START, NULL };
  g_array_append_val (c->ops, op);
}

static void
line (Canvas *c, double x1, double y1, double x2, double y2, guint32 rgb)
{
  Op op = { OP_LINE, x1, y1, x2, y2, rgb, 0, FALSE, ANCHOR_START, NULL };
  g_array_append_val (c->ops, op);
}

static void
text (Canvas *c, double x, double y, const char *s, double size, gboolean bold,
      Anchor anchor, guint32 rgb)
{
  Op op = { OP_TEXT, x, y, 0, 0, rgb, size, bold, anchor, g_strdup (s) };
  g_array_append_val (c->ops, op);
}

/* ---- renderers ---------------------------------------------------------- */

static void
svg_op (GString *s, const Op *op)
{
  if (op->kind == OP_RECT) {
    g_string_append_printf (s,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                            "height=\"%.1f\" fill=\"#%06x\"/>\n",
                            op->x, op->y, op->w, op->h, op->rgb);
  } else if (op->kind == OP_LINE) {
    g_string_append_printf (s,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                            "y2=\"%.1f\" stroke=\"#%06x\"/>\n",
                            op->x, op->y, op->w, op->h, op->rgb);
  } else {
    static const char *const anchors[] = { "start", "middle", "end" };
    g_autofree char *esc = g_markup_escape_text (op->text, -1);
    g_string_append_printf (s,
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\""
                            "%s text-anchor=\"%s\" fill=\"#%06x\">%s</text>\n",
                            op->x, op->y, op->size,
                            op->bold ? " font-weight=\"bold\"" : "",
                            anchors[op->anchor], op->rgb, esc);
  }
}

static char *
svg_render (const Canvas *c)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (
    s,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
    "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">\n"
    "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
    c->width, c->height, c->width, c->height);
  for (guint i = 0; i < c->ops->len; i++)
    svg_op (s, &g_array_index (c->ops, Op, i));
  g_string_append (s, "</svg>\n");
  return g_string_free (s, FALSE);
}

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
    cairo_set_line_width (cr, 1.0);
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
    double dx = op->anchor == ANCHOR_MIDDLE ? e.x_advance / 2
                : op->anchor == ANCHOR_END  ? e.x_advance
                                            : 0;
    cairo_move_to (cr, op->x - dx, op->y);
    cairo_show_text (cr, op->text);
  }
}

static void
cairo_render (const Canvas *c, cairo_surface_t *surface, double scale)
{
  cairo_t *cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < c->ops->len; i++)
    cairo_op (cr, &g_array_index (c->ops, Op, i));
  cairo_destroy (cr);
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
                 "%s: unknown chart format: name the file .svg, .png or "
                 ".pdf",
                 path);
    return FALSE;
  }
  return TRUE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Renders a PNG or PDF into out. */
static cairo_status_t
cairo_to_bytes (const Canvas *c, OutKind kind, GByteArray *out)
{
  cairo_surface_t *s;
  if (kind == OUT_PDF)
    s = cairo_pdf_surface_create_for_stream (append_bytes, out, c->width,
                                             c->height);
  else
    s = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                    (int) ceil (c->width * PNG_SCALE),
                                    (int) ceil (c->height * PNG_SCALE));
  cairo_render (c, s, kind == OUT_PDF ? 1.0 : PNG_SCALE);
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

/* The chart is rendered in memory and written like every other output
 * (g_file_set_contents: a temporary file renamed into place, with the
 * mode the umask gives new files). */
static gboolean
write_chart (const Canvas *c, OutKind kind, const char *path, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  if (kind == OUT_SVG) {
    g_autofree char *svg = svg_render (c);
    g_byte_array_append (bytes, (const guint8 *) svg, (guint) strlen (svg));
  } else {
    cairo_status_t st = cairo_to_bytes (c, kind, bytes);
    if (st != CAIRO_STATUS_SUCCESS) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: could not draw: %s",
                   path, cairo_status_to_string (st));
      return FALSE;
    }
  }
  GError *io = NULL;
  if (!g_file_set_contents (path, (const char *) bytes->data,
                            (gssize) bytes->len, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return FALSE;
  }
  return TRUE;
}

/* ---- data ---------------------------------------------------------------- */

static int
column (const TeemaTable *t, const char *name)
{
  for (guint i = 0; i < teema_table_n_columns (t); i++)
    if (g_str_equal (teema_table_column_name (t, i), name))
      return (int) i;
  return -1;
}

static const char *
cell (const TeemaTable *t, guint row, const char *name)
{
  int c = column (t, name);
  return c < 0 ? "" : teema_table_cell (t, row, (guint) c);
}

static guint32
theme_colour (const TeemaCodebook *cb, const char *code, guint index)
{
  static const guint32 palette[] = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728,
                                     0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
                                     0xbcbd22, 0x17becf };
  const TeemaTheme *t = teema_codebook_lookup (cb, code);
  if (t && t->colour && t->colour[0] == '#' && strlen (t->colour) == 7)
    return (guint32) strtoul (t->colour + 1, NULL, 16);
  return palette[index % G_N_ELEMENTS (palette)];
}

static guint32
mix (guint32 from, guint32 to, double f)
{
  guint32 out = 0;
  for (int shift = 16; shift >= 0; shift -= 8) {
    double a = (from >> shift) & 0xff, b = (to >> shift) & 0xff;
    out |= ((guint32) lround (a + (b - a) * f) & 0xff) << shift;
  }
  return out;
}

static const char *
theme_label (const TeemaCodebook *cb, const char *code, const char *lang)
{
  const TeemaTheme *t = teema_codebook_lookup (cb, code);
  return t ? teema_theme_label (t, lang) : code;
}

/* Indentation of a theme's row label: children under their parent. */
static double
theme_indent (const TeemaCodebook *cb, const char *code)
{
  const TeemaTheme *t = teema_codebook_lookup (cb, code);
  return t ? 14.0 * t->depth : 0;
}

static TeemaTable *
report (TeemaProject *p, TeemaReportBy by, const TeemaChartOptions *opt,
        TeemaCodebook **cb, GError **error)
{
  TeemaReportOptions ro = { by, opt->coder, opt->lang, FALSE };
  *cb = teema_codebook_get (p, error);
  if (!*cb)
    return NULL;
  TeemaTable *t = teema_report_themes (p, &ro, error);
  if (t && teema_table_n_rows (t) == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 "nothing to chart: import transcripts first");
    g_clear_pointer (&t, teema_table_free);
  }
  return t;
}

/* ---- heatmap --------------------------------------------------------------
 */

#define CELL_W    44.0
#define CELL_H    24.0
#define GROUP_GAP 10.0
#define FS        12.0
#define HEAT      0x08306b

typedef struct {
  GPtrArray *themes; /* char * codes, borrowed from the table */
  GPtrArray *units;  /* char * informant codes */
  GPtrArray *groups; /* char * group of each unit */
  double *values;    /* themes × units */
  double max;
} Grid;

static guint
index_of (GPtrArray *a, const char *s)
{
  guint i;
  if (!g_ptr_array_find_with_equal_func (a, s, g_str_equal, &i)) {
    g_ptr_array_add (a, (gpointer) s);
    i = a->len - 1;
  }
  return i;
}

static void
grid_fill (Grid *g, const TeemaTable *t, gboolean counts, const char *unit)
{
  guint n = teema_table_n_rows (t);
  g->themes = g_ptr_array_new ();
  g->units = g_ptr_array_new ();
  g->groups = g_ptr_array_new ();
  for (guint r = 0; r < n; r++) {
    index_of (g->themes, cell (t, r, "theme"));
    guint before = g->units->len;
    index_of (g->units, cell (t, r, unit));
    if (g->units->len > before)
      g_ptr_array_add (g->groups, (gpointer) cell (t, r, "group"));
  }
  g->values = g_new0 (double, g->themes->len * g->units->len + 1);
  for (guint r = 0; r < n; r++) {
    guint ti = index_of (g->themes, cell (t, r, "theme"));
    guint ui = index_of (g->units, cell (t, r, unit));
    double v = g_ascii_strtod (
      cell (t, r, counts ? "segments" : "share_of_words_pct"), NULL);
    g->values[ti * g->units->len + ui] = v;
    g->max = MAX (g->max, v);
  }
}

static void
grid_clear (Grid *g)
{
  g_ptr_array_unref (g->themes);
  g_ptr_array_unref (g->units);
  g_ptr_array_unref (g->groups);
  g_free (g->values);
}

static char *
value_text (double v, gboolean counts)
{
  return counts ? g_strdup_printf ("%.3g", v) : g_strdup_printf ("%.0f%%", v);
}

static guint
group_size (const Grid *g, guint first)
{
  guint n = 1;
  while (first + n < g->units->len
         && !g_strcmp0 (g->groups->pdata[first + n], g->groups->pdata[first]))
    n++;
  return n;
}

/* x of each unit's column (and the right edge at [n]), leaving a gap where
 * the group changes and widening a group's columns to fit its label. */
static double *
unit_xs (Canvas *c, const Grid *g, double left)
{
  double *xs = g_new (double, g->units->len + 1);
  double x = left, w = CELL_W;
  for (guint u = 0; u < g->units->len; u++) {
    if (u == 0 || g_strcmp0 (g->groups->pdata[u], g->groups->pdata[u - 1])) {
      x += u ? GROUP_GAP : 0;
      double lw = text_width (c, g->groups->pdata[u], FS, TRUE) + 8;
      w = MAX (CELL_W, ceil (lw / group_size (g, u)));
    }
    xs[u] = x;
    x += w;
  }
  xs[g->units->len] = x;
  return xs;
}

/* Width of unit u's column: up to the next column or the gap before it. */
static double
cell_w (const Grid *g, const double *xs, guint u)
{
  double w = xs[u + 1] - xs[u];
  if (u + 1 < g->units->len
      && g_strcmp0 (g->groups->pdata[u], g->groups->pdata[u + 1]))
    w -= GROUP_GAP;
  return w;
}

static void
heat_headers (Canvas *c, const Grid *g, const double *xs, double top)
{
  guint start = 0;
  for (guint u = 0; u <= g->units->len; u++) {
    if (u < g->units->len
        && (u == 0
            || !g_strcmp0 (g->groups->pdata[u], g->groups->pdata[start])))
      continue;
    double x1 = xs[start], x2 = xs[u - 1] + cell_w (g, xs, u - 1);
    text (c, (x1 + x2) / 2, top + 14, g->groups->pdata[start], FS, TRUE,
          ANCHOR_MIDDLE, 0x333333);
    line (c, x1 + 2, top + 20, x2 - 2, top + 20, 0x999999);
    start = u;
  }
  for (guint u = 0; u < g->units->len; u++)
    text (c, xs[u] + cell_w (g, xs, u) / 2, top + 38, g->units->pdata[u], FS,
          FALSE, ANCHOR_MIDDLE, 0x000000);
}

static void
heat_cells (Canvas *c, const Grid *g, const double *xs, double top,
            const TeemaCodebook *cb, const TeemaChartOptions *opt)
{
  for (guint t = 0; t < g->themes->len; t++) {
    double y = top + t * CELL_H;
    const char *code = g->themes->pdata[t];
    text (c, 16 + theme_indent (cb, code), y + CELL_H / 2 + FS / 3,
          theme_label (cb, code, opt->lang), FS, FALSE, ANCHOR_START, 0x000000);
    for (guint u = 0; u < g->units->len; u++) {
      double v = g->values[t * g->units->len + u];
      double f = g->max > 0 ? v / g->max : 0;
      double cw = cell_w (g, xs, u);
      rect (c, xs[u] + 1, y + 1, cw - 2, CELL_H - 2,
            v > 0 ? mix (0xdeebf7, HEAT, f) : 0xf7f7f7);
      if (v > 0) {
        g_autofree char *vt = value_text (v, opt->counts);
        text (c, xs[u] + cw / 2, y + CELL_H / 2 + FS / 3 - 1, vt, FS - 2, FALSE,
              ANCHOR_MIDDLE, f > 0.5 ? 0xffffff : 0x000000);
      }
    }
  }
}

static double
heat_legend (Canvas *c, const Grid *g, double x, double y,
             const TeemaChartOptions *opt)
{
  gboolean en = g_strcmp0 (opt->lang, "en") == 0;
  const char *what =
    opt->counts
      ? (en ? "Coded segments" : "Koodatut segmentit")
      : (en ? "Share of the informant's words" : "Osuus informantin sanoista");
  text (c, x, y + FS, what, FS, FALSE, ANCHOR_START, 0x333333);
  for (int i = 0; i <= 4; i++) {
    double v = g->max * i / 4.0;
    double bx = x + i * 60;
    rect (c, bx, y + 20, 56, 14, i ? mix (0xdeebf7, HEAT, i / 4.0) : 0xf7f7f7);
    g_autofree char *vt = value_text (v, opt->counts);
    text (c, bx + 28, y + 48, vt, FS - 2, FALSE, ANCHOR_MIDDLE, 0x333333);
  }
  return MAX (300.0, text_width (c, what, FS, FALSE));
}

static void
heatmap_layout (Canvas *c, const Grid *g, const TeemaCodebook *cb,
                const TeemaChartOptions *opt)
{
  gboolean en = g_strcmp0 (opt->lang, "en") == 0;
  double label_w = 0;
  for (guint t = 0; t < g->themes->len; t++) {
    const char *code = g->themes->pdata[t];
    label_w =
      MAX (label_w,
           theme_indent (cb, code)
             + text_width (c, theme_label (cb, code, opt->lang), FS, FALSE));
  }
  double left = 16 + label_w + 12, top = 40;
  g_autofree double *xs = unit_xs (c, g, left);
  text (c, 16, 24, en ? "Themes by informant" : "Teemat informanteittain",
        FS + 4, TRUE, ANCHOR_START, 0x000000);
  heat_headers (c, g, xs, top);
  double grid_top = top + 48;
  heat_cells (c, g, xs, grid_top, cb, opt);
  double legend_y = grid_top + g->themes->len * CELL_H + 16;
  double legend_w = heat_legend (c, g, left, legend_y, opt);
  c->width = ceil (MAX (xs[g->units->len], left + legend_w) + 16);
  c->height = ceil (legend_y + 60);
}

gboolean
teema_chart_heatmap (TeemaProject *project, const char *path,
                     const TeemaChartOptions *options, GError **error)
{
  TeemaChartOptions defaults = { NULL, "fi", FALSE };
  const TeemaChartOptions *opt = options ? options : &defaults;
  OutKind kind;
  if (!out_kind (path, &kind, error))
    return FALSE;
  g_autoptr (TeemaCodebook) cb = NULL;
  g_autoptr (TeemaTable) t =
    report (project, TEEMA_BY_INFORMANT, opt, &cb, error);
  if (!t)
    return FALSE;
  Grid g = { 0 };
  grid_fill (&g, t, opt->counts, "informant");
  Canvas c;
  canvas_init (&c);
  heatmap_layout (&c, &g, cb, opt);
  gboolean ok = write_chart (&c, kind, path, error);
  canvas_clear (&c);
  grid_clear (&g);
  return ok;
}

/* ---- grouped bars ------------------------------------------------------- */

#define BAR_W  22.0
#define PLOT_H 200.0

/* Groups get lighter shades of the theme's colour, first group darkest. */
static guint32
group_shade (guint32 colour, guint group, guint n_groups)
{
  return n_groups > 1 ? mix (colour, 0xffffff, 0.6 * group / (n_groups - 1))
                      : colour;
}

static void
bars_axis (Canvas *c, double left, double top, double right)
{
  for (int i = 0; i <= 4; i++) {
    double y = top + PLOT_H - PLOT_H * i / 4.0;
    line (c, left, y, right, y, i ? 0xdddddd : 0x333333);
    g_autofree char *l = g_strdup_printf ("%d%%", i * 25);
    text (c, left - 6, y + 4, l, FS - 2, FALSE, ANCHOR_END, 0x333333);
  }
}

static void
bars_theme (Canvas *c, const TeemaTable *t, const Grid *g, guint ti, double x,
            double top, const TeemaCodebook *cb, const TeemaChartOptions *opt)
{
  const char *code = g->themes->pdata[ti];
  guint32 colour = theme_colour (cb, code, ti);
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    if (!g_str_equal (cell (t, r, "theme"), code))
      continue;
    guint gi = index_of (g->units, cell (t, r, "group"));
    long k = strtol (cell (t, r, "informants_k"), NULL, 10);
    long n = strtol (cell (t, r, "informants_n"), NULL, 10);
    double h = n ? PLOT_H * (double) k / (double) n : 0;
    double bx = x + gi * BAR_W;
    rect (c, bx + 1, top + PLOT_H - h, BAR_W - 2, h,
          group_shade (colour, gi, g->units->len));
    g_autofree char *kn = g_strdup_printf ("%ld/%ld", k, n);
    text (c, bx + BAR_W / 2, top + PLOT_H - h - 4, kn, FS - 3, FALSE,
          ANCHOR_MIDDLE, 0x333333);
  }
  const TeemaTheme *th = teema_codebook_lookup (cb, code);
  text (c, x + g->units->len * BAR_W / 2, top + PLOT_H + 16,
        th ? teema_theme_label (th, opt->lang) : code, FS - 1, FALSE,
        ANCHOR_MIDDLE, 0x000000);
}

static void
bars_legend (Canvas *c, const Grid *g, double x, double y)
{
  for (guint gi = 0; gi < g->units->len; gi++) {
    rect (c, x, y + gi * 18, 12, 12, group_shade (0x555555, gi, g->units->len));
    text (c, x + 18, y + gi * 18 + 11, g->units->pdata[gi], FS, FALSE,
          ANCHOR_START, 0x000000);
  }
}

static void
bars_layout (Canvas *c, const TeemaTable *t, const Grid *g,
             const TeemaCodebook *cb, const TeemaChartOptions *opt)
{
  gboolean en = g_strcmp0 (opt->lang, "en") == 0;
  double left = 56, top = 60, x = left + 12;
  text (c, 16, 24,
        en ? "Informants mentioning the theme, by group"
           : "Teeman maininneet informantit ryhmittäin",
        FS + 4, TRUE, ANCHOR_START, 0x000000);
  double slot_w = g->units->len * BAR_W + 20;
  g_autofree double *widths = g_new0 (double, g->themes->len + 1);
  double right = x;
  for (guint ti = 0; ti < g->themes->len; ti++) {
    const TeemaTheme *th = teema_codebook_lookup (cb, g->themes->pdata[ti]);
    const char *label = th ? teema_theme_label (th, opt->lang)
                           : (const char *) g->themes->pdata[ti];
    widths[ti] = MAX (slot_w, text_width (c, label, FS - 1, FALSE) + 12);
    right += widths[ti];
  }
  bars_axis (c, left, top, right); /* first, so bars cover the grid */
  for (guint ti = 0; ti < g->themes->len; ti++) {
    bars_theme (c, t, g, ti, x + (widths[ti] - g->units->len * BAR_W) / 2, top,
                cb, opt);
    x += widths[ti];
  }
  bars_legend (c, g, x + 16, top);
  c->width = ceil (x + 16 + 140);
  c->height = ceil (top + PLOT_H + 40);
}

gboolean
teema_chart_bars (TeemaProject *project, const char *path,
                  const TeemaChartOptions *options, GError **error)
{
  TeemaChartOptions defaults = { NULL, "fi", FALSE };
  const TeemaChartOptions *opt = options ? options : &defaults;
  OutKind kind;
  if (!out_kind (path, &kind, error))
    return FALSE;
  g_autoptr (TeemaCodebook) cb = NULL;
  g_autoptr (TeemaTable) t = report (project, TEEMA_BY_GROUP, opt, &cb, error);
  if (!t)
    return FALSE;
  Grid g = { 0 };
  grid_fill (&g, t, TRUE, "group");
  Canvas c;
  canvas_init (&c);
  bars_layout (&c, t, &g, cb, opt);
  gboolean ok = write_chart (&c, kind, path, error);
  canvas_clear (&c);
  grid_clear (&g);
  return ok;
}
