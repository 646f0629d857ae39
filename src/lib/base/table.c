/* table.c — every report's rows, rendered for a terminal or for tools.
 *
 * Terminal tables align by display width (ä and ö are one column, wide
 * characters two); a line break inside a cell (a multi-line memo) shows
 * as "⏎" so that every row stays one line, and other control characters
 * from the data as visible escapes, never raw. A terminal table wider than the
 * terminal is cut into blocks of whole columns, each repeating the first
 * (the theme), rather than letting every line wrap. CSV follows RFC 4180;
 * TSV replaces tabs and newlines in cells with spaces; JSON is an array of
 * objects with numbers unquoted. Headings (translated) are for the terminal
 * and Markdown only; CSV, TSV and JSON use the column names. Must always
 * hold: every row has exactly one cell per column once rendering starts
 * (missing cells render empty). */
#include "base/base-private.h"
#include <teema/error.h>
#include <teema/table.h>

#include <string.h>

typedef struct {
  char *name;    /* the key of CSV, TSV and JSON */
  char *heading; /* what the terminal and Markdown print; NULL: name */
  TeemaColumnType type;
  gboolean with_previous; /* cut into blocks only together with the
                             column before it */
} Column;

struct TeemaTable {
  char *title;
  GArray *columns;  /* Column */
  GPtrArray *rows;  /* GPtrArray of char * */
  GPtrArray *notes; /* char * */
};

static void
column_clear (gpointer p)
{
  g_free (((Column *) p)->name);
  g_free (((Column *) p)->heading);
}

TeemaTable *
teema_table_new (const char *title)
{
  TeemaTable *t = g_new0 (TeemaTable, 1);
  t->title = g_strdup (title);
  t->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (t->columns, column_clear);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  t->notes = g_ptr_array_new_with_free_func (g_free);
  return t;
}

void
teema_table_free (TeemaTable *t)
{
  if (!t)
    return;
  g_free (t->title);
  g_array_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_ptr_array_unref (t->notes);
  g_free (t);
}

void
teema_table_add_column (TeemaTable *t, const char *name, TeemaColumnType type)
{
  teema_table_add_column_heading (t, name, NULL, type);
}

void
teema_table_add_column_heading (TeemaTable *t, const char *name,
                                const char *heading, TeemaColumnType type)
{
  Column c = { g_strdup (name),
               g_strcmp0 (heading, name) ? g_strdup (heading) : NULL, type,
               FALSE };
  g_array_append_val (t->columns, c);
}

void
teema_table_keep_with_previous (TeemaTable *t)
{
  g_return_if_fail (t->columns->len > 1);
  g_array_index (t->columns, Column, t->columns->len - 1).with_previous = TRUE;
}

void
teema_table_add_row (TeemaTable *t)
{
  g_ptr_array_add (t->rows, g_ptr_array_new_with_free_func (g_free));
}

static void
add_cell (TeemaTable *t, char *value)
{
  g_return_if_fail (t->rows->len > 0);
  g_ptr_array_add (t->rows->pdata[t->rows->len - 1], value);
}

void
teema_table_add_text (TeemaTable *t, const char *value)
{
  add_cell (t, g_strdup (value ? value : ""));
}

void
teema_table_add_int (TeemaTable *t, gint64 value)
{
  add_cell (t, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
teema_table_add_real (TeemaTable *t, double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf,
                   decimals == 0   ? "%.0f"
                   : decimals == 1 ? "%.1f"
                   : decimals == 2 ? "%.2f"
                                   : "%.3f",
                   value);
  add_cell (t, g_strdup (buf));
}

void
teema_table_add_note (TeemaTable *t, const char *note)
{
  g_ptr_array_add (t->notes, g_strdup (note));
}

const char *
teema_table_title (const TeemaTable *t)
{
  return t->title;
}

guint
teema_table_n_rows (const TeemaTable *t)
{
  return t->rows->len;
}

guint
teema_table_n_columns (const TeemaTable *t)
{
  return t->columns->len;
}

const char *
teema_table_cell (const TeemaTable *t, guint row, guint col)
{
  if (row >= t->rows->len)
    return NULL;
  GPtrArray *r = t->rows->pdata[row];
  return col < r->len ? r->pdata[col] : "";
}

const char *
teema_table_column_name (const TeemaTable *t, guint col)
{
  return col < t->columns->len ? g_array_index (t->columns, Column, col).name
                               : NULL;
}

const char *
teema_table_column_heading (const TeemaTable *t, guint col)
{
  if (col >= t->columns->len)
    return NULL;
  const Column *c = &g_array_index (t->columns, Column, col);
  return c->heading ? c->heading : c->name;
}

gboolean
teema_format_parse (const char *name, TeemaFormat *format, GError **error)
{
  static const struct {
    const char *name;
    TeemaFormat format;
  } names[] = {
    { "table", TEEMA_FORMAT_TABLE }, { "csv", TEEMA_FORMAT_CSV },
    { "tsv", TEEMA_FORMAT_TSV },     { "json", TEEMA_FORMAT_JSON },
    { "md", TEEMA_FORMAT_MARKDOWN }, { "markdown", TEEMA_FORMAT_MARKDOWN }
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i].name) == 0) {
      *format = names[i].format;
      return TRUE;
    }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("unknown format '%s': use table, csv, tsv, json or md"),
               name ? name : "");
  return FALSE;
}

gboolean
teema_format_for_path (const char *path, TeemaFormat *format, GError **error)
{
  static const struct {
    const char *ext;
    TeemaFormat format;
  } exts[] = {
    { ".txt", TEEMA_FORMAT_TABLE },   { ".csv", TEEMA_FORMAT_CSV },
    { ".tsv", TEEMA_FORMAT_TSV },     { ".json", TEEMA_FORMAT_JSON },
    { ".md", TEEMA_FORMAT_MARKDOWN }, { ".markdown", TEEMA_FORMAT_MARKDOWN },
  };
  const char *base = path ? strrchr (path, '/') : NULL;
  base = base ? base + 1 : path;
  const char *dot = base ? strrchr (base, '.') : NULL;
  if (!dot || dot == base)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_ascii_strcasecmp (dot, exts[i].ext) == 0) {
      *format = exts[i].format;
      return TRUE;
    }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("%s: teema does not write '%s' tables: name the file .txt, "
                  ".csv, .tsv, .json or .md"),
               path, dot);
  return FALSE;
}

/* A cell as one terminal line: "\r\n", "\n" and "\r" become "⏎", a tab a
 * space, and the other control characters from the data (C0, DEL, C1; ESC
 * would start an escape sequence) visible escapes (\x1B, \u009B) instead
 * of being sent raw; a byte that is not UTF-8 is shown as \xNN. */
static char *
terminal_text (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  const char *p = s;
  while (*p) {
    gunichar c = g_utf8_get_char_validated (p, -1);
    if (c == (gunichar) -1 || c == (gunichar) -2) { /* not UTF-8: a byte */
      g_string_append_printf (out, "\\x%02X", (guint) (guchar) *p++);
      continue;
    }
    if (c == '\r' && p[1] == '\n') { /* the '\n' shows the line break */
      p++;
      continue;
    }
    if (c == '\n' || c == '\r')
      g_string_append (out, "⏎");
    else if (c == '\t')
      g_string_append_c (out, ' ');
    else if (c < 0x20 || c == 0x7F)
      g_string_append_printf (out, "\\x%02X", c);
    else if (c >= 0x80 && c < 0xA0)
      g_string_append_printf (out, "\\u%04X", c);
    else
      g_string_append_unichar (out, c);
    p = g_utf8_next_char (p);
  }
  return g_string_free (out, FALSE);
}

guint
teema_table_text_width (const char *s)
{
  guint w = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_iszerowidth (c))
      continue;
    w += g_unichar_iswide (c) ? 2 : 1;
  }
  return w;
}

static void
pad (GString *out, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* One line of the terminal table: row r (0: the headings) in the columns
 * cols[0..n-1]; shown holds every cell escaped, (rows + 1) x columns. */
static void
terminal_line (const TeemaTable *t, GString *out, const GPtrArray *shown,
               guint r, const guint *cols, guint n, const guint *width)
{
  guint nc = t->columns->len;
  for (guint i = 0; i < n; i++) {
    guint c = cols[i];
    const char *cell = shown->pdata[r * nc + c];
    guint gap = width[c] - teema_table_text_width (cell);
    gboolean right =
      g_array_index (t->columns, Column, c).type != TEEMA_COLUMN_TEXT;
    if (i)
      g_string_append (out, "  ");
    if (right)
      pad (out, gap);
    g_string_append (out, cell);
    if (!right && i + 1 < n)
      pad (out, gap);
  }
  /* Empty trailing cells would leave spaces at the end of the line. */
  while (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/* The whole table in the columns cols[0..n-1]: headings, a rule, rows. */
static void
terminal_block (const TeemaTable *t, GString *out, const GPtrArray *shown,
                const guint *cols, guint n, const guint *width)
{
  for (guint r = 0; r <= t->rows->len; r++) {
    terminal_line (t, out, shown, r, cols, n, width);
    if (r == 0) {
      guint total = 0;
      for (guint i = 0; i < n; i++)
        total += width[cols[i]] + (i ? 2 : 0);
      for (guint i = 0; i < total; i++)
        g_string_append (out, "─");
      g_string_append_c (out, '\n');
    }
  }
}

/* The display width of the columns from c that are kept together (c and
 * those after it marked with_previous), and in *end the column after
 * them. */
static guint
unit_width (const TeemaTable *t, const guint *width, guint c, guint *end)
{
  guint w = width[c];
  for (*end = c + 1; *end < t->columns->len
                     && g_array_index (t->columns, Column, *end).with_previous;
       (*end)++)
    w += 2 + width[*end];
  return w;
}

/* Blocks of columns that fit in limit display columns (0: one block):
 * each holds the first column and as many of the next as fit, at least
 * one, never parting columns kept together. */
static void
render_terminal (const TeemaTable *t, GString *out, guint limit)
{
  guint nc = t->columns->len;
  g_autofree guint *width = g_new0 (guint, nc + 1);
  /* Every cell escaped once: (rows + 1) x columns, headings first. */
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r <= t->rows->len; r++)
    for (guint c = 0; c < nc; c++)
      g_ptr_array_add (shown,
                       terminal_text (r == 0 ? teema_table_column_heading (t, c)
                                             : teema_table_cell (t, r - 1, c)));
  for (guint c = 0; c < nc; c++)
    for (guint r = 0; r <= t->rows->len; r++)
      width[c] =
        MAX (width[c], teema_table_text_width (shown->pdata[r * nc + c]));
  if (t->title)
    g_string_append_printf (out, "%s\n\n", t->title);
  g_autofree guint *cols = g_new0 (guint, nc + 1);
  guint next = 1;
  do {
    guint n = 0, used = nc ? width[0] : 0;
    if (nc)
      cols[n++] = 0;
    while (next < nc) {
      guint end;
      guint w = unit_width (t, width, next, &end);
      if (limit && n > 1 && used + 2 + w > limit)
        break;
      used += 2 + w;
      for (; next < end; next++)
        cols[n++] = next;
    }
    if (n > 1 && cols[1] > 1)
      g_string_append_c (out, '\n'); /* between blocks */
    terminal_block (t, out, shown, cols, n, width);
  } while (next < nc);
  for (guint i = 0; i < t->notes->len; i++)
    g_string_append_printf (out, "%s%s\n", i ? "" : "\n",
                            (char *) t->notes->pdata[i]);
}

static void
csv_cell (GString *out, const char *s)
{
  if (!strpbrk (s, ",\"\n\r")) {
    g_string_append (out, s);
    return;
  }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      g_string_append_c (out, '"');
    g_string_append_c (out, *p);
  }
  g_string_append_c (out, '"');
}

static void
tsv_cell (GString *out, const char *s)
{
  for (const char *p = s; *p; p++)
    g_string_append_c (out,
                       (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/* Delimited rows of t (the header first unless started). */
static void
delimited_rows (const TeemaTable *t, GString *out, gboolean csv,
                gboolean started)
{
  for (guint r = started ? 1 : 0; r <= t->rows->len; r++) {
    for (guint c = 0; c < t->columns->len; c++) {
      const char *cell = r == 0 ? teema_table_column_name (t, c)
                                : teema_table_cell (t, r - 1, c);
      if (c)
        g_string_append_c (out, csv ? ',' : '\t');
      if (csv)
        csv_cell (out, cell);
      else
        tsv_cell (out, cell);
    }
    g_string_append (out, csv ? "\r\n" : "\n");
  }
}

static void
json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char) *p;
    if (c == '"' || c == '\\')
      g_string_append_printf (out, "\\%c", c);
    else if (c == '\n')
      g_string_append (out, "\\n");
    else if (c < 0x20)
      g_string_append_printf (out, "\\u%04x", c);
    else
      g_string_append_c (out, (char) c);
  }
  g_string_append_c (out, '"');
}

/* A number column may hold text (a report matrix's "3 (12%)" or "2/3"):
 * only a cell that is a JSON number goes out unquoted. */
static gboolean
is_json_number (const char *s)
{
  const char *p = s + (*s == '-');
  if (!g_ascii_isdigit (*p) || (p[0] == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.') {
    if (!g_ascii_isdigit (*++p))
      return FALSE;
    while (g_ascii_isdigit (*p))
      p++;
  }
  return *p == '\0';
}

/* JSON objects of t's rows; any_row says whether one came before. */
static void
json_rows (const TeemaTable *t, GString *out, gboolean *any_row)
{
  for (guint r = 0; r < t->rows->len; r++) {
    g_string_append (out, *any_row ? ",\n  {" : "\n  {");
    *any_row = TRUE;
    for (guint c = 0; c < t->columns->len; c++) {
      const char *cell = teema_table_cell (t, r, c);
      if (c)
        g_string_append (out, ", ");
      json_string (out, teema_table_column_name (t, c));
      g_string_append (out, ": ");
      gboolean number =
        g_array_index (t->columns, Column, c).type != TEEMA_COLUMN_TEXT
        && is_json_number (cell);
      if (number)
        g_string_append (out, cell);
      else
        json_string (out, cell);
    }
    g_string_append (out, "}");
  }
}

gboolean
teema_table_format_streams (TeemaFormat format)
{
  return format == TEEMA_FORMAT_CSV || format == TEEMA_FORMAT_TSV
         || format == TEEMA_FORMAT_JSON;
}

void
teema_table_stream_init (TeemaTableStream *s, TeemaFormat format)
{
  g_return_if_fail (teema_table_format_streams (format));
  s->format = format;
  s->started = FALSE;
  s->any_row = FALSE;
}

static void
stream_rows (TeemaTableStream *s, const TeemaTable *t, GString *out)
{
  if (s->format == TEEMA_FORMAT_JSON) {
    if (!s->started)
      g_string_append (out, "[");
    json_rows (t, out, &s->any_row);
  } else {
    delimited_rows (t, out, s->format == TEEMA_FORMAT_CSV, s->started);
  }
  s->started = TRUE;
}

static void
stream_end (TeemaTableStream *s, GString *out)
{
  if (s->format == TEEMA_FORMAT_JSON)
    g_string_append (out, s->any_row ? "\n]\n" : "]\n");
}

char *
teema_table_stream_rows (TeemaTableStream *s, const TeemaTable *piece)
{
  GString *out = g_string_new (NULL);
  stream_rows (s, piece, out);
  return g_string_free (out, FALSE);
}

char *
teema_table_stream_end (TeemaTableStream *s)
{
  GString *out = g_string_new (NULL);
  stream_end (s, out);
  return g_string_free (out, FALSE);
}

/* CSV, TSV and JSON: the whole table as one piece. */
static void
render_streamed (const TeemaTable *t, TeemaFormat format, GString *out)
{
  TeemaTableStream s;
  teema_table_stream_init (&s, format);
  stream_rows (&s, t, out);
  stream_end (&s, out);
}

static void
md_cell (GString *out, const char *s)
{
  for (const char *p = s; *p; p++) {
    if (*p == '|')
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p == '\n' ? ' ' : *p);
  }
}

static void
render_markdown (const TeemaTable *t, GString *out)
{
  if (t->title)
    g_string_append_printf (out, "### %s\n\n", t->title);
  for (guint r = 0; r <= t->rows->len; r++) {
    g_string_append (out, "|");
    for (guint c = 0; c < t->columns->len; c++) {
      g_string_append_c (out, ' ');
      md_cell (out, r == 0 ? teema_table_column_heading (t, c)
                           : teema_table_cell (t, r - 1, c));
      g_string_append (out, " |");
    }
    g_string_append_c (out, '\n');
    if (r == 0) {
      g_string_append (out, "|");
      for (guint c = 0; c < t->columns->len; c++)
        g_string_append (out, g_array_index (t->columns, Column, c).type
                                  == TEEMA_COLUMN_TEXT
                                ? " --- |"
                                : " ---: |");
      g_string_append_c (out, '\n');
    }
  }
  for (guint i = 0; i < t->notes->len; i++)
    g_string_append_printf (out, "%s%s\n", i ? "" : "\n",
                            (char *) t->notes->pdata[i]);
}

char *
teema_table_render (const TeemaTable *t, TeemaFormat format)
{
  return teema_table_render_width (t, format, 0);
}

char *
teema_table_render_width (const TeemaTable *t, TeemaFormat format, guint width)
{
  GString *out = g_string_new (NULL);
  switch (format) {
  case TEEMA_FORMAT_CSV:
  case TEEMA_FORMAT_TSV:
  case TEEMA_FORMAT_JSON:
    render_streamed (t, format, out);
    break;
  case TEEMA_FORMAT_MARKDOWN:
    render_markdown (t, out);
    break;
  default:
    render_terminal (t, out, width);
    break;
  }
  return g_string_free (out, FALSE);
}
