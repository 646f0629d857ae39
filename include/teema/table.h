/* teema/table.h — a small typed table that every report returns, and its
 * renderings: an aligned terminal table, CSV, TSV, JSON and Markdown.
 *
 * Cells are strings; a column's type says how to align and quote them
 * (numbers right-aligned and unquoted in JSON). A column has a name, the
 * key CSV, TSV and JSON use (English, for R and Python), and a heading,
 * what a reader sees in the terminal and Markdown (it may be translated);
 * the heading is the name unless given. */
#ifndef TEEMA_TABLE_H
#define TEEMA_TABLE_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  TEEMA_COLUMN_TEXT,
  TEEMA_COLUMN_INT,
  TEEMA_COLUMN_REAL,
} TeemaColumnType;

typedef enum {
  TEEMA_FORMAT_TABLE,
  TEEMA_FORMAT_CSV,
  TEEMA_FORMAT_TSV,
  TEEMA_FORMAT_JSON,
  TEEMA_FORMAT_MARKDOWN,
} TeemaFormat;

typedef struct TeemaTable TeemaTable;

TeemaTable *teema_table_new (const char *title);
void teema_table_free (TeemaTable *table);
void teema_table_add_column (TeemaTable *table, const char *name,
                             TeemaColumnType type);
/* A column whose terminal and Markdown heading differs from its name
 * (heading NULL: the name). */
void teema_table_add_column_heading (TeemaTable *table, const char *name,
                                     const char *heading, TeemaColumnType type);
/* The column just added stays in the same block as the one before it
 * when a terminal table is cut to a width (a group's k/n beside its
 * counts), so that no block shows a heading that only the column before
 * explains. */
void teema_table_keep_with_previous (TeemaTable *table);
/* Starts a new row; cells are then added left to right. */
void teema_table_add_row (TeemaTable *table);
void teema_table_add_text (TeemaTable *table, const char *value);
void teema_table_add_int (TeemaTable *table, gint64 value);
void teema_table_add_real (TeemaTable *table, double value, int decimals);
/* A footnote line printed under terminal and Markdown tables. */
void teema_table_add_note (TeemaTable *table, const char *note);

const char *teema_table_title (const TeemaTable *table);
guint teema_table_n_rows (const TeemaTable *table);
guint teema_table_n_columns (const TeemaTable *table);
const char *teema_table_cell (const TeemaTable *table, guint row, guint col);
const char *teema_table_column_name (const TeemaTable *table, guint col);
/* What the terminal and Markdown print over the column. */
const char *teema_table_column_heading (const TeemaTable *table, guint col);

/* Parses "table", "csv", "tsv", "json", "md"/"markdown". */
gboolean teema_format_parse (const char *name, TeemaFormat *format,
                             GError **error);

/* The format a file name asks for by its extension: .txt (the terminal
 * table), .csv, .tsv, .json, .md. A name without an extension (or NULL)
 * leaves *format as it was and returns TRUE; any other extension fails
 * with TEEMA_ERROR_UNSUPPORTED naming the ones teema writes. */
gboolean teema_format_for_path (const char *path, TeemaFormat *format,
                                GError **error);

/* Renders the table; returns a newly allocated string. */
char *teema_table_render (const TeemaTable *table, TeemaFormat format);

/* The same, with the terminal table (TEEMA_FORMAT_TABLE) fitted to width
 * display columns: a wider table is split into blocks of whole columns,
 * one under the other, each repeating the first column (the theme), so
 * that every line fits unless one column (or columns kept together) is
 * wider alone. Title and notes are printed once. width 0: no limit, as
 * teema_table_render. Other formats ignore width. */
char *teema_table_render_width (const TeemaTable *table, TeemaFormat format,
                                guint width);

/* A table written in pieces: tables with the same columns rendered one
 * after another come out as one CSV, TSV or JSON table (its header or
 * opening bracket with the first piece, the closing bracket at the end),
 * so a long list is written as it is made. The terminal table and
 * Markdown need the whole table (teema_table_format_streams says which). */
typedef struct {
  TeemaFormat format;
  gboolean started; /* the header or bracket is out */
  gboolean any_row; /* a row is out (JSON separates rows with commas) */
} TeemaTableStream;

gboolean teema_table_format_streams (TeemaFormat format);
void teema_table_stream_init (TeemaTableStream *stream, TeemaFormat format);
/* The text of piece's rows (after the header, the first time); newly
 * allocated. A piece without rows still starts the table. */
char *teema_table_stream_rows (TeemaTableStream *stream,
                               const TeemaTable *piece);
/* What ends the table (JSON's closing bracket; nothing for CSV and TSV). */
char *teema_table_stream_end (TeemaTableStream *stream);

/* The display columns s takes on a terminal: ä and ö one, wide (East
 * Asian) characters two, combining marks none. */
guint teema_table_text_width (const char *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaTable, teema_table_free)

#ifdef __cplusplus
}
#endif

#endif
