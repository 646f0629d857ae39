/* project/attributes.c — informant attributes from a CSV file.
 *
 * RFC 4180 fields (quotes, doubled quotes, separators and line breaks
 * inside quotes), a comma, semicolon or tab separator chosen from the
 * header line, a BOM and CRLF accepted. Rows are checked before anything
 * is written; then all rows go in one transaction. Must always hold:
 * errors name the file and the 1-based line where the row starts. */
#include "project/project-private.h"

#include <string.h>

typedef TeemaCsvRow Row;

static void
row_free (Row *r)
{
  g_ptr_array_unref (r->fields);
  g_free (r);
}

/* Splits text into rows; fails on an unterminated quote. */
static GPtrArray *
split_rows (const char *text, char sep, const char *path, GError **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  GString *field = g_string_new (NULL);
  Row *row = NULL;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE;
  for (const char *p = text;; p++) {
    if (!row) {
      row = g_new0 (Row, 1);
      row->fields = g_ptr_array_new_with_free_func (g_free);
      row->line = line;
    }
    char c = *p;
    if (quoted && c) {
      if (c == '"' && p[1] == '"')
        g_string_append_c (field, *++p);
      else if (c == '"')
        quoted = FALSE;
      else
        g_string_append_c (field, c);
      line += c == '\n';
      continue;
    }
    if (c == '"' && field->len == 0) {
      quoted = TRUE;
      quote_line = line;
    } else if (c == sep) {
      g_ptr_array_add (row->fields, g_strdup (field->str));
      g_string_truncate (field, 0);
    } else if (c == '\n' || c == '\0') {
      g_ptr_array_add (row->fields, g_strdup (g_strchomp (field->str)));
      g_string_truncate (field, 0);
      gboolean blank =
        row->fields->len == 1 && !*(char *) row->fields->pdata[0];
      if (blank)
        row_free (row);
      else
        g_ptr_array_add (rows, row);
      row = NULL;
      line++;
      if (!c)
        break;
    } else if (c != '\r') {
      g_string_append_c (field, c);
    }
  }
  g_string_free (field, TRUE);
  if (quoted) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:%u: a quoted field is never closed; add the closing "
                    "'\"'"),
                 path, quote_line);
    g_ptr_array_unref (rows);
    return NULL;
  }
  return rows;
}

static char
separator (const char *text)
{
  const char *eol = strchr (text, '\n');
  gsize n = eol ? (gsize) (eol - text) : strlen (text);
  if (memchr (text, ',', n))
    return ',';
  if (memchr (text, ';', n))
    return ';';
  return memchr (text, '\t', n) ? '\t' : ',';
}

static gboolean
check_header (Row *head, const char *path, GError **error)
{
  const char *first = head->fields->pdata[0];
  if (g_ascii_strcasecmp (first, "informant") != 0
      && g_ascii_strcasecmp (first, "id") != 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:1: the first column must be 'informant' (header like "
                    "informant,group,role,age), not '%s'"),
                 path, first);
    return FALSE;
  }
  g_autoptr (GHashTable) names =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < head->fields->len; i++) {
    const char *name = head->fields->pdata[i];
    if (!*name) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:1: column %u has no name in the header"), path,
                   i + 1);
      return FALSE;
    }
    /* 'id' and 'informant' both name the first column. */
    char *key =
      g_ascii_strdown (i && g_ascii_strcasecmp (name, "id") == 0 ? "informant"
                       : i                                       ? name
                                                                 : "informant",
                       -1);
    if (!g_hash_table_add (names, key)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:1: column %u is named '%s' like an earlier column; "
                      "each column needs its own name"),
                   path, i + 1, name);
      return FALSE;
    }
  }
  return TRUE;
}

static gboolean
check_shape (GPtrArray *rows, const char *path, char sep, GError **error)
{
  Row *head = rows->pdata[0];
  if (!check_header (head, path, error))
    return FALSE;
  for (guint r = 1; r < rows->len; r++) {
    Row *row = rows->pdata[r];
    if (row->fields->len != head->fields->len) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:%u: %u fields, but the header has %u; quote values "
                      "that contain '%c'"),
                   path, row->line, row->fields->len, head->fields->len, sep);
      return FALSE;
    }
  }
  return TRUE;
}

static gboolean
check_rows (TeemaStore *store, GPtrArray *rows, const char *path,
            GError **error)
{
  for (guint r = 1; r < rows->len; r++) {
    Row *row = rows->pdata[r];
    const char *code = row->fields->pdata[0];
    gint64 id = teema_store__find_informant (store, code, error);
    if (id < 0)
      return FALSE;
    if (!id) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   _ ("%s:%u: no informant '%s' in the project (see 'teema "
                      "informant list'; import its transcript first)"),
                   path, row->line, code);
      return FALSE;
    }
  }
  return TRUE;
}

typedef struct {
  GPtrArray *rows;
  const char *path;
} Job;

static gboolean
write_rows (TeemaProject *p, gpointer data, GError **error)
{
  Job *job = data;
  if (!check_rows (p->store, job->rows, job->path, error))
    return FALSE;
  Row *head = job->rows->pdata[0];
  for (guint r = 1; r < job->rows->len; r++) {
    Row *row = job->rows->pdata[r];
    gint64 id =
      teema_store__find_informant (p->store, row->fields->pdata[0], error);
    if (id <= 0)
      return FALSE;
    for (guint i = 1; i < row->fields->len; i++) {
      g_autofree char *key = g_ascii_strdown (head->fields->pdata[i], -1);
      if (!teema_store__set_informant_attr (p->store, id, key,
                                            row->fields->pdata[i], error))
        return FALSE;
    }
  }
  return TRUE;
}

GPtrArray *
teema_attributes__parse (const char *data, gsize len, const char *path,
                         GError **error)
{
  const char *text = data;
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  const char *nul = memchr (text, '\0', len);
  if (nul) {
    guint line = 1;
    for (const char *p = text; p < nul; p++)
      line += *p == '\n';
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s:%u: contains a NUL byte: not a CSV text file; save the "
                    "spreadsheet as CSV UTF-8"),
                 path, line);
    return NULL;
  }
  if (!g_utf8_validate_len (text, len, NULL)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s: not UTF-8 text; save the spreadsheet as CSV UTF-8"),
                 path);
    return NULL;
  }
  g_autofree char *copy = g_strndup (text, len);
  char sep = separator (copy);
  g_autoptr (GPtrArray) rows = split_rows (copy, sep, path, error);
  if (!rows)
    return NULL;
  if (rows->len < 2) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 _ ("%s: no rows under the header; nothing to import"), path);
    return NULL;
  }
  for (guint r = 0; r < rows->len; r++) {
    Row *row = rows->pdata[r];
    for (guint i = 0; i < row->fields->len; i++)
      g_strstrip ((char *) row->fields->pdata[i]);
  }
  if (!check_shape (rows, path, sep, error))
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
teema_informant_import_csv (TeemaProject *project, const char *path,
                            guint *n_rows, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!teema__read_file_max (path, TEEMA_CSV_MAX_BYTES, "TEEMA_CSV_MAX_BYTES",
                             &data, &len, error))
    return FALSE;
  g_autoptr (GPtrArray) rows = teema_attributes__parse (data, len, path, error);
  if (!rows)
    return FALSE;
  Job job = { rows, path };
  if (!teema_project__transact (project, write_rows, &job, error))
    return FALSE;
  if (n_rows)
    *n_rows = rows->len - 1;
  return TRUE;
}
