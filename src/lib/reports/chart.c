/* reports/chart.c — the charts of a thesis: a themes × informants heatmap
 * and, per theme, the share of each group's informants who mention it as
 * horizontal grouped bars.
 *
 * Both are laid out in points for an A4 page: never wider than
 * TEEMA_CHART_MAX_W (16 cm). A heatmap with more informants than fit
 * side by side is split into stacked panels; bars run sideways, so long
 * theme labels and many themes grow the chart downwards, not outwards.
 * Numbers come from teema_report_themes' long tables, so a chart always
 * agrees with the report. Informants are grouped by "group" or by any
 * attribute (options->attribute), and a --where chooses whom to show.
 * Drawing and writing are chart-render.c's. */
#include "reports/chart-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define M        8.0  /* outer margin */
#define FS       8.0  /* labels */
#define FS_SMALL 6.5  /* numbers in and beside marks */
#define FS_TITLE 10.0 /* the title */
#define INDENT   8.0  /* per level of a sub-theme's label */
#define HEAT     0x08306b
#define TEXT     0x000000
#define GREY     0x555555

/* ---- words shown on charts (one place, for translation) ----------------- */

typedef enum {
  S_HEAT_TITLE,
  S_HEAT_SHARE,
  S_HEAT_COUNTS,
  S_BARS_TITLE,
  S_BARS_AXIS,
  S_NOTHING,
  S_NO_THEMES,
} Str;

/* In the language of teema's messages (gettext); the theme labels follow
 * opt->lang, which the command sets to the same language. */
static const char *const strings[] = {
  [S_HEAT_TITLE] = N_ ("Themes by informant"),
  [S_HEAT_SHARE] = N_ ("Share of the informant's words"),
  [S_HEAT_COUNTS] = N_ ("Coded segments"),
  [S_BARS_TITLE] = N_ ("Informants mentioning the theme"),
  [S_BARS_AXIS] = N_ ("share of the group's informants (k/n)"),
  [S_NOTHING] = N_ ("nothing to chart: import transcripts first"),
  [S_NO_THEMES] = N_ ("nothing to chart: the project has no themes yet (add "
                      "them with 'teema theme add ID')"),
};

static const char *
str (const TeemaChartOptions *opt, Str id)
{
  (void) opt;
  return _ (strings[id]);
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
mix (guint32 from, guint32 to, double f)
{
  guint32 out = 0;
  for (int shift = 16; shift >= 0; shift -= 8) {
    double a = (from >> shift) & 0xff, b = (to >> shift) & 0xff;
    out |= ((guint32) lround (a + (b - a) * f) & 0xff) << shift;
  }
  return out;
}

/* Bars are coloured by group, from a palette that stays apart for the
 * colour-blind (Okabe & Ito) and in greyscale print. */
static guint32
group_colour (guint i)
{
  static const guint32 palette[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7,
                                     0x56b4e9, 0xd55e00, 0xf0e442, 0x999999 };
  return palette[i % G_N_ELEMENTS (palette)];
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
  return t ? INDENT * t->depth : 0;
}

static const char *
key_of (const TeemaChartOptions *opt)
{
  return opt->attribute ? opt->attribute : "group";
}

static TeemaTable *
report (TeemaProject *p, TeemaReportBy by, const TeemaChartOptions *opt,
        TeemaCodebook **cb, GError **error)
{
  TeemaReportOptions ro = { by,    opt->coder,     opt->lang,
                            FALSE, opt->attribute, opt->where };
  if (by == TEEMA_BY_GROUP && opt->attribute)
    ro.by = TEEMA_BY_ATTRIBUTE;
  *cb = teema_codebook_get (p, error);
  if (!*cb)
    return NULL;
  TeemaTable *t = teema_report_themes (p, &ro, error);
  if (t && teema_table_n_rows (t) == 0) {
    g_set_error_literal (
      error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
      str (opt, teema_codebook_size (*cb) ? S_NOTHING : S_NO_THEMES));
    g_clear_pointer (&t, teema_table_free);
  }
  return t;
}

typedef struct {
  GPtrArray *themes; /* char * codes, borrowed from the table */
  GPtrArray *units;  /* char * informant codes (heatmap) or groups (bars) */
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
grid_fill (Grid *g, const TeemaTable *t, const char *value, const char *unit,
           const char *key)
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
      g_ptr_array_add (g->groups, (gpointer) cell (t, r, key));
  }
  g->values = g_new0 (double, g->themes->len * g->units->len + 1);
  for (guint r = 0; r < n; r++) {
    guint ti = index_of (g->themes, cell (t, r, "theme"));
    guint ui = index_of (g->units, cell (t, r, unit));
    double v = g_ascii_strtod (cell (t, r, value), NULL);
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

/* The width of the theme label column: the widest label, at most 38% of
 * the page (longer labels are shortened with "…"). */
static double
label_width (TeemaCanvas *c, const Grid *g, const TeemaCodebook *cb,
             const TeemaChartOptions *opt)
{
  double w = 0;
  for (guint t = 0; t < g->themes->len; t++) {
    const char *code = g->themes->pdata[t];
    w = MAX (w, theme_indent (cb, code)
                  + teema_canvas__text_width (
                    c, theme_label (cb, code, opt->lang), FS, FALSE));
  }
  return MIN (ceil (w), 0.38 * TEEMA_CHART_MAX_W);
}

static void
theme_row_label (TeemaCanvas *c, const TeemaCodebook *cb, const char *code,
                 double label_w, double y, const TeemaChartOptions *opt)
{
  double indent = theme_indent (cb, code);
  g_autofree char *label = teema_canvas__fit (
    c, theme_label (cb, code, opt->lang), FS, FALSE, label_w - indent);
  teema_canvas__text (c, M + indent, y, label, FS, FALSE, TEEMA_ANCHOR_START,
                      TEXT);
}

/* ---- heatmap --------------------------------------------------------------
 */

#define CELL_W     26.0 /* preferred */
#define MIN_CELL_W 17.0 /* "100%" at FS_SMALL still fits */
#define CELL_H     13.0
#define GROUP_GAP  4.0

static char *
value_text (double v, gboolean counts)
{
  return counts ? g_strdup_printf ("%.3g", v) : g_strdup_printf ("%.0f%%", v);
}

static gboolean
new_group (const Grid *g, guint u, guint first)
{
  return u > first && g_strcmp0 (g->groups->pdata[u], g->groups->pdata[u - 1]);
}

static guint
gaps_in (const Grid *g, guint first, guint last)
{
  guint n = 0;
  for (guint u = first; u < last; u++)
    n += new_group (g, u, first);
  return n;
}

/* Columns [first, last) of one panel: the width of each, widened where a
 * group's name is wider than its columns if the panel still fits. */
static double *
panel_ws (TeemaCanvas *c, const Grid *g, guint first, guint last, double cell_w,
          double avail)
{
  double *ws = g_new (double, last - first + 1);
  double total = gaps_in (g, first, last) * GROUP_GAP;
  for (guint start = first, u = first + 1; u <= last; u++) {
    if (u < last && !new_group (g, u, first))
      continue;
    double name =
      teema_canvas__text_width (c, g->groups->pdata[start], FS, TRUE) + 6;
    double w = MAX (cell_w, ceil (name / (u - start)));
    for (guint k = start; k < u; k++)
      ws[k - first] = w;
    total += w * (u - start);
    start = u;
  }
  if (total > avail)
    for (guint u = first; u < last; u++)
      ws[u - first] = cell_w;
  return ws;
}

/* The x of each column of a panel and, at [last - first], the right
 * edge. */
static double *
panel_xs (const Grid *g, guint first, guint last, double left, const double *ws)
{
  double *xs = g_new (double, last - first + 1);
  double x = left;
  for (guint u = first; u < last; u++) {
    x += new_group (g, u, first) ? GROUP_GAP : 0;
    xs[u - first] = x;
    x += ws[u - first];
  }
  xs[last - first] = x;
  return xs;
}

static void
heat_headers (TeemaCanvas *c, const Grid *g, guint first, guint last,
              const double *xs, const double *ws, double top)
{
  guint start = first;
  for (guint u = first + 1; u <= last; u++) {
    if (u < last && !new_group (g, u, first))
      continue;
    double x1 = xs[start - first], x2 = xs[u - 1 - first] + ws[u - 1 - first];
    g_autofree char *label = teema_canvas__fit (c, g->groups->pdata[start], FS,
                                                TRUE, x2 - x1 + GROUP_GAP);
    teema_canvas__text (c, (x1 + x2) / 2, top + FS, label, FS, TRUE,
                        TEEMA_ANCHOR_MIDDLE, 0x333333);
    teema_canvas__line (c, x1 + 1, top + FS + 3, x2 - 1, top + FS + 3,
                        0x999999);
    start = u;
  }
  for (guint u = first; u < last; u++) {
    double w = ws[u - first];
    g_autofree char *code =
      teema_canvas__fit (c, g->units->pdata[u], FS, FALSE, w);
    teema_canvas__text (c, xs[u - first] + w / 2, top + 2 * FS + 6, code, FS,
                        FALSE, TEEMA_ANCHOR_MIDDLE, TEXT);
  }
}

static void
heat_cells (TeemaCanvas *c, const Grid *g, guint first, guint last,
            const double *xs, const double *ws, double top, double label_w,
            const TeemaCodebook *cb, const TeemaChartOptions *opt)
{
  for (guint t = 0; t < g->themes->len; t++) {
    double y = top + t * CELL_H;
    theme_row_label (c, cb, g->themes->pdata[t], label_w,
                     y + CELL_H / 2 + FS / 3, opt);
    for (guint u = first; u < last; u++) {
      double v = g->values[t * g->units->len + u];
      double f = g->max > 0 ? v / g->max : 0;
      double x = xs[u - first], cell_w = ws[u - first];
      teema_canvas__rect (c, x + 0.5, y + 0.5, cell_w - 1, CELL_H - 1,
                          v > 0 ? mix (0xdeebf7, HEAT, f) : 0xf4f4f4);
      if (v > 0) {
        g_autofree char *vt = value_text (v, opt->counts);
        teema_canvas__text (c, x + cell_w / 2, y + CELL_H / 2 + FS_SMALL / 3,
                            vt, FS_SMALL, FALSE, TEEMA_ANCHOR_MIDDLE,
                            f > 0.5 ? 0xffffff : TEXT);
      }
    }
  }
}

/* Five shades from none to the largest value, under the last panel. */
static double
heat_legend (TeemaCanvas *c, const Grid *g, double x, double y,
             const TeemaChartOptions *opt)
{
  teema_canvas__text (c, x, y + FS,
                      str (opt, opt->counts ? S_HEAT_COUNTS : S_HEAT_SHARE), FS,
                      FALSE, TEEMA_ANCHOR_START, 0x333333);
  for (int i = 0; i <= 4; i++) {
    double v = g->max * i / 4.0;
    double bx = x + i * 34;
    teema_canvas__rect (c, bx, y + 13, 32, 8,
                        i ? mix (0xdeebf7, HEAT, i / 4.0) : 0xf4f4f4);
    g_autofree char *vt = value_text (v, opt->counts);
    teema_canvas__text (c, bx + 16, y + 30, vt, FS_SMALL, FALSE,
                        TEEMA_ANCHOR_MIDDLE, 0x333333);
  }
  return y + 36;
}

/* How many informant columns one panel holds, and their width. */
static guint
panel_size (const Grid *g, double avail, double *cell_w)
{
  guint n = g->units->len;
  double gaps = gaps_in (g, 0, n) * GROUP_GAP;
  if (n * CELL_W + gaps <= avail) {
    *cell_w = CELL_W;
    return n;
  }
  if (n * MIN_CELL_W + gaps <= avail) {
    *cell_w = floor ((avail - gaps) / n);
    return n;
  }
  guint per = (guint) floor (avail / (MIN_CELL_W + 1));
  guint panels = (n + per - 1) / per;
  per = (n + panels - 1) / panels; /* panels of even size */
  *cell_w = MIN (CELL_W, floor ((avail - (per - 1) * 1.0) / per));
  while (per > 1 && per * *cell_w + gaps_in (g, 0, per) * GROUP_GAP > avail)
    *cell_w -= 1;
  return per;
}

static void
heatmap_layout (TeemaCanvas *c, const Grid *g, const TeemaCodebook *cb,
                const TeemaChartOptions *opt)
{
  double label_w = label_width (c, g, cb, opt);
  double left = M + label_w + 6;
  double cell_w = CELL_W, avail = TEEMA_CHART_MAX_W - left - M;
  guint per = panel_size (g, avail, &cell_w);
  teema_canvas__text (c, M, M + FS_TITLE, str (opt, S_HEAT_TITLE), FS_TITLE,
                      TRUE, TEEMA_ANCHOR_START, TEXT);
  double y = M + FS_TITLE + 8, right = 0;
  for (guint first = 0; first < g->units->len; first += per) {
    guint last = MIN (first + per, g->units->len);
    g_autofree double *ws = panel_ws (c, g, first, last, cell_w, avail);
    g_autofree double *xs = panel_xs (g, first, last, left, ws);
    heat_headers (c, g, first, last, xs, ws, y);
    y += 2 * FS + 10;
    heat_cells (c, g, first, last, xs, ws, y, label_w, cb, opt);
    y += g->themes->len * CELL_H + 10;
    right = MAX (right, xs[last - first]);
  }
  y = heat_legend (c, g, left, y, opt);
  teema_canvas__set_size (
    c, MIN (MAX (right, left + 170) + M, TEEMA_CHART_MAX_W), y + M);
}

gboolean
teema_chart_heatmap (TeemaProject *project, const char *path,
                     const TeemaChartOptions *options, GError **error)
{
  TeemaChartOptions defaults = { NULL, "fi", FALSE, NULL, NULL };
  const TeemaChartOptions *opt = options ? options : &defaults;
  if (!teema_canvas__check_path (path, error))
    return FALSE;
  g_autoptr (TeemaCodebook) cb = NULL;
  g_autoptr (TeemaTable) t =
    report (project, TEEMA_BY_INFORMANT, opt, &cb, error);
  if (!t)
    return FALSE;
  Grid g = { 0 };
  grid_fill (&g, t, opt->counts ? "segments" : "share_of_words_pct",
             "informant", key_of (opt));
  g_autoptr (TeemaCanvas) c = teema_canvas__new (error);
  if (!c) {
    grid_clear (&g);
    return FALSE;
  }
  heatmap_layout (c, &g, cb, opt);
  grid_clear (&g);
  return teema_canvas__write (c, path, error);
}

/* ---- grouped bars ------------------------------------------------------- */

#define BAR_H     6.5
#define THEME_GAP 5.0
#define VALUE_W   24.0 /* room for "10/10" after a full bar */

/* The legend: a swatch in each group's bar colour and its name with n,
 * wrapped to the width; returns the y below it. */
static double
bars_legend (TeemaCanvas *c, const TeemaTable *t, const Grid *g, double x0,
             double y, const char *key)
{
  double x = x0;
  for (guint gi = 0; gi < g->units->len; gi++) {
    const char *name = g->units->pdata[gi];
    const char *n = "";
    for (guint r = 0; r < teema_table_n_rows (t) && !*n; r++)
      if (g_str_equal (cell (t, r, key), name))
        n = cell (t, r, "informants_n");
    g_autofree char *label = g_strdup_printf ("%s (n = %s)", name, n);
    double w = 10 + teema_canvas__text_width (c, label, FS, FALSE) + 12;
    if (x > x0 && x + w > TEEMA_CHART_MAX_W - M) {
      x = x0;
      y += FS + 5;
    }
    teema_canvas__rect (c, x, y, 7, 7, group_colour (gi));
    teema_canvas__text (c, x + 10, y + 6.5, label, FS, FALSE,
                        TEEMA_ANCHOR_START, TEXT);
    x += w;
  }
  return y + FS + 6;
}

static void
bars_axis (TeemaCanvas *c, double left, double width, double top, double bottom,
           const TeemaChartOptions *opt)
{
  for (int i = 0; i <= 4; i++) {
    double x = left + width * i / 4.0;
    teema_canvas__line (c, x, top, x, bottom, i ? 0xdddddd : 0x333333);
    g_autofree char *l = g_strdup_printf ("%d %%", i * 25);
    teema_canvas__text (c, x, bottom + FS_SMALL + 2, l, FS_SMALL, FALSE,
                        TEEMA_ANCHOR_MIDDLE, 0x333333);
  }
  teema_canvas__text (c, left + width / 2, bottom + FS_SMALL + FS + 5,
                      str (opt, S_BARS_AXIS), FS_SMALL, FALSE,
                      TEEMA_ANCHOR_MIDDLE, 0x333333);
}

static void
bars_theme (TeemaCanvas *c, const TeemaTable *t, const Grid *g, guint ti,
            double left, double width, double y, const char *key)
{
  const char *code = g->themes->pdata[ti];
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    if (!g_str_equal (cell (t, r, "theme"), code))
      continue;
    guint gi = index_of (g->units, cell (t, r, key));
    long k = strtol (cell (t, r, "informants_k"), NULL, 10);
    long n = strtol (cell (t, r, "informants_n"), NULL, 10);
    double w = n ? width * (double) k / (double) n : 0;
    double by = y + gi * BAR_H;
    teema_canvas__rect (c, left, by + 0.5, w, BAR_H - 1, group_colour (gi));
    g_autofree char *kn = g_strdup_printf ("%ld/%ld", k, n);
    teema_canvas__text (c, left + w + 2, by + BAR_H - 1.2, kn, FS_SMALL, FALSE,
                        TEEMA_ANCHOR_START, 0x333333);
  }
}

static void
bars_layout (TeemaCanvas *c, const TeemaTable *t, const Grid *g,
             const TeemaCodebook *cb, const TeemaChartOptions *opt)
{
  double label_w = label_width (c, g, cb, opt);
  double left = M + label_w + 8;
  double width = TEEMA_CHART_MAX_W - M - VALUE_W - left;
  g_autofree char *title =
    opt->attribute && !g_str_equal (opt->attribute, "group")
      ? g_strdup_printf ("%s: %s", str (opt, S_BARS_TITLE), opt->attribute)
      : g_strdup (str (opt, S_BARS_TITLE));
  teema_canvas__text (c, M, M + FS_TITLE, title, FS_TITLE, TRUE,
                      TEEMA_ANCHOR_START, TEXT);
  double top = bars_legend (c, t, g, M, M + FS_TITLE + 6, key_of (opt)) + 4;
  double block = g->units->len * BAR_H + THEME_GAP;
  double bottom = top + g->themes->len * block;
  bars_axis (c, left, width, top - 2, bottom, opt);
  for (guint ti = 0; ti < g->themes->len; ti++) {
    double y = top + ti * block;
    theme_row_label (c, cb, g->themes->pdata[ti], label_w,
                     y + g->units->len * BAR_H / 2 + FS / 3, opt);
    bars_theme (c, t, g, ti, left, width, y, key_of (opt));
  }
  teema_canvas__set_size (c, TEEMA_CHART_MAX_W, bottom + FS_SMALL + FS + 8 + M);
}

gboolean
teema_chart_bars (TeemaProject *project, const char *path,
                  const TeemaChartOptions *options, GError **error)
{
  TeemaChartOptions defaults = { NULL, "fi", FALSE, NULL, NULL };
  const TeemaChartOptions *opt = options ? options : &defaults;
  if (!teema_canvas__check_path (path, error))
    return FALSE;
  g_autoptr (TeemaCodebook) cb = NULL;
  g_autoptr (TeemaTable) t = report (project, TEEMA_BY_GROUP, opt, &cb, error);
  if (!t)
    return FALSE;
  Grid g = { 0 };
  grid_fill (&g, t, "informants_k", key_of (opt), key_of (opt));
  g_autoptr (TeemaCanvas) c = teema_canvas__new (error);
  if (!c) {
    grid_clear (&g);
    return FALSE;
  }
  bars_layout (c, t, &g, cb, opt);
  grid_clear (&g);
  return teema_canvas__write (c, path, error);
}
