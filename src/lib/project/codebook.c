/* codebook.c — the plain-text codebook format and the project's codebook.
 *
 * Format (see teema/codebook.h): "codebook:" and "language:" at column 1,
 * then "theme ID" blocks with indented "key: value" fields. Rules are
 * compiled while parsing so that errors point at file:line:column.
 * Must always hold: codes are unique, every parent exists, there is no
 * cycle, and themes are ordered parents first (file order among siblings). */
#include "project/project-private.h"
#include "rules/rules-private.h"

#include <string.h>

struct TeemaCodebook {
  char *name;
  char *language;
  GPtrArray *themes; /* TeemaTheme *, depth-first */
  GHashTable *index; /* lower-case code -> position + 1 in themes */
};

static char *
code_key (const char *code)
{
  return g_ascii_strdown (code, -1);
}

/* Rebuilds the code index after themes changed order. */
static void
reindex (TeemaCodebook *cb)
{
  g_hash_table_remove_all (cb->index);
  for (guint i = 0; i < cb->themes->len; i++)
    g_hash_table_insert (cb->index,
                         code_key (((TeemaTheme *) cb->themes->pdata[i])->code),
                         GUINT_TO_POINTER (i + 1));
}

static void
theme_free (TeemaTheme *t)
{
  if (!t)
    return;
  g_free (t->code);
  g_free (t->parent);
  g_free (t->label_fi);
  g_free (t->label_en);
  g_free (t->description);
  g_free (t->colour);
  g_ptr_array_unref (t->rules);
  g_ptr_array_unref (t->excludes);
  g_free (t);
}

static TeemaTheme *
theme_new (const char *code, guint line)
{
  TeemaTheme *t = g_new0 (TeemaTheme, 1);
  t->code = g_strdup (code);
  t->line = line;
  t->rules = g_ptr_array_new_with_free_func (g_free);
  t->excludes = g_ptr_array_new_with_free_func (g_free);
  return t;
}

void
teema_codebook_free (TeemaCodebook *cb)
{
  if (!cb)
    return;
  g_free (cb->name);
  g_free (cb->language);
  g_ptr_array_unref (cb->themes);
  g_hash_table_destroy (cb->index);
  g_free (cb);
}

static TeemaCodebook *
codebook_new (void)
{
  TeemaCodebook *cb = g_new0 (TeemaCodebook, 1);
  cb->themes = g_ptr_array_new_with_free_func ((GDestroyNotify) theme_free);
  cb->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return cb;
}

typedef struct {
  const char *name; /* file name for messages */
  guint line;
  GError **error;
} Where;

static gboolean parse_error (Where *w, guint col, const char *fmt, ...)
  G_GNUC_PRINTF (3, 4);

static gboolean
parse_error (Where *w, guint col, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (col)
    g_set_error (w->error, TEEMA_ERROR, TEEMA_ERROR_PARSE, "%s:%u:%u: %s",
                 w->name, w->line, col, msg);
  else
    g_set_error (w->error, TEEMA_ERROR, TEEMA_ERROR_PARSE, "%s:%u: %s", w->name,
                 w->line, msg);
  return FALSE;
}

static gboolean
valid_code (const char *code)
{
  if (!*code)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
valid_colour (const char *c)
{
  if (strlen (c) != 7 || c[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (c[i]))
      return FALSE;
  return TRUE;
}

static gboolean
add_rule (Where *w, TeemaTheme *t, GPtrArray *into, const char *value,
          guint value_col, const char *key)
{
  guint col = 0;
  GError *rule_error = NULL;
  TeemaRule *rule = teema_rule__compile (value, &col, &rule_error);
  if (!rule) {
    g_set_error (w->error, TEEMA_ERROR, TEEMA_ERROR_RULE,
                 "%s:%u:%u: theme '%s', %s '%s': %s", w->name, w->line,
                 value_col + col - 1, t->code, key, value, rule_error->message);
    g_error_free (rule_error);
    return FALSE;
  }
  teema_rule_free (rule);
  g_ptr_array_add (into, g_strdup (value));
  return TRUE;
}

static void
set_field (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
theme_field (Where *w, TeemaTheme *t, const char *key, guint key_col,
             const char *value, guint value_col)
{
  if (g_str_equal (key, "rule"))
    return add_rule (w, t, t->rules, value, value_col, key);
  if (g_str_equal (key, "exclude"))
    return add_rule (w, t, t->excludes, value, value_col, key);
  if (g_str_equal (key, "parent"))
    set_field (&t->parent, value);
  else if (g_str_equal (key, "label.fi") || g_str_equal (key, "label"))
    set_field (&t->label_fi, value);
  else if (g_str_equal (key, "label.en"))
    set_field (&t->label_en, value);
  else if (g_str_equal (key, "description")) {
    char *joined = t->description
                     ? g_strconcat (t->description, " ", value, NULL)
                     : g_strdup (value);
    g_free (t->description);
    t->description = joined;
  } else if (g_str_equal (key, "colour") || g_str_equal (key, "color")) {
    if (!valid_colour (value))
      return parse_error (w, value_col, "colour '%s' is not #rrggbb", value);
    set_field (&t->colour, value);
  } else {
    return parse_error (w, key_col,
                        "unknown field '%s' in theme '%s' (fields: parent, "
                        "label.fi, label.en, description, colour, rule, "
                        "exclude)",
                        key, t->code);
  }
  return TRUE;
}

static gboolean
split_field (Where *w, const char *line, char **key, char **value,
             guint *value_col)
{
  const char *s = line;
  while (*s == ' ' || *s == '\t')
    s++;
  const char *colon = strchr (s, ':');
  if (!colon || colon == s)
    return parse_error (w, (guint) (s - line) + 1,
                        "expected 'key: value', got '%s'", s);
  *key = g_ascii_strdown (s, colon - s);
  g_strstrip (*key);
  const char *v = colon + 1;
  while (*v == ' ' || *v == '\t')
    v++;
  *value = g_strdup (v);
  g_strchomp (*value);
  *value_col = (guint) g_utf8_strlen (line, v - line) + 1;
  return TRUE;
}

static gboolean
top_level (Where *w, TeemaCodebook *cb, const char *line, TeemaTheme **cur)
{
  if (g_str_has_prefix (line, "theme ") || g_str_equal (line, "theme")) {
    g_autofree char *code = g_strstrip (g_strdup (line + 5));
    if (!valid_code (code))
      return parse_error (w, 7,
                          "theme id '%s' must be letters, digits, "
                          "'_', '-' or '.' (e.g. 'theme trust')",
                          code);
    g_autofree char *key = code_key (code);
    if (g_hash_table_contains (cb->index, key))
      return parse_error (w, 7, "theme '%s' is defined twice", code);
    if (cb->themes->len >= TEEMA_CODEBOOK_MAX_THEMES)
      return parse_error (w, 1,
                          "more than %d themes, more than a codebook may "
                          "have (TEEMA_CODEBOOK_MAX_THEMES)",
                          TEEMA_CODEBOOK_MAX_THEMES);
    *cur = theme_new (code, w->line);
    g_ptr_array_add (cb->themes, *cur);
    g_hash_table_insert (cb->index, code_key (code),
                         GUINT_TO_POINTER (cb->themes->len));
    return TRUE;
  }
  g_autofree char *key = NULL, *value = NULL;
  guint col = 0;
  if (!split_field (w, line, &key, &value, &col))
    return FALSE;
  if (g_str_equal (key, "codebook"))
    set_field (&cb->name, value);
  else if (g_str_equal (key, "language"))
    set_field (&cb->language, value);
  else
    return parse_error (w, 1,
                        "unknown line '%s': expected 'codebook:', "
                        "'language:' or 'theme ID'",
                        line);
  *cur = NULL;
  return TRUE;
}

static gboolean
parse_line (Where *w, TeemaCodebook *cb, const char *line, TeemaTheme **cur)
{
  const char *s = line;
  while (*s == ' ' || *s == '\t')
    s++;
  if (!*s || *s == '#')
    return TRUE;
  if (s == line)
    return top_level (w, cb, line, cur);
  if (!*cur)
    return parse_error (w, 1,
                        "indented line outside a theme: start a "
                        "block with 'theme ID' at column 1");
  g_autofree char *key = NULL, *value = NULL;
  guint col = 0;
  if (!split_field (w, line, &key, &value, &col))
    return FALSE;
  return theme_field (w, *cur, key, (guint) (s - line) + 1, value, col);
}

/* Appends t and its descendants (children in file order) depth-first,
 * without recursion: a chain of 100,000 nested themes is fine. */
static void
place_subtree (GPtrArray *ordered, TeemaTheme *root, GHashTable *children)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  root->depth = 0;
  g_ptr_array_add (stack, root);
  while (stack->len) {
    TeemaTheme *t = g_ptr_array_steal_index (stack, stack->len - 1);
    g_ptr_array_add (ordered, t);
    g_autofree char *key = code_key (t->code);
    GPtrArray *kids = g_hash_table_lookup (children, key);
    for (guint i = kids ? kids->len : 0; i-- > 0;) {
      TeemaTheme *k = kids->pdata[i];
      k->depth = t->depth + 1;
      g_ptr_array_add (stack, k);
    }
  }
}

/* Orders themes parents first (depth-first; roots and siblings in file
 * order) and checks parents exist, without cycles. Linear in the number of
 * themes: a 100,000-code .qdc used to take minutes here. */
static gboolean
order_themes (TeemaCodebook *cb, const char *name, GError **error)
{
  reindex (cb);
  g_autoptr (GHashTable) children = g_hash_table_new_full (
    g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < cb->themes->len; i++) {
    TeemaTheme *t = cb->themes->pdata[i];
    if (!t->parent)
      continue;
    g_autofree char *parent = code_key (t->parent);
    if (!g_hash_table_contains (cb->index, parent)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   "%s:%u: theme '%s' has unknown parent '%s'", name, t->line,
                   t->code, t->parent);
      return FALSE;
    }
    GPtrArray *kids = g_hash_table_lookup (children, parent);
    if (!kids) {
      kids = g_ptr_array_new ();
      g_hash_table_insert (children, g_steal_pointer (&parent), kids);
    }
    g_ptr_array_add (kids, t);
  }
  GPtrArray *ordered =
    g_ptr_array_new_with_free_func ((GDestroyNotify) theme_free);
  for (guint i = 0; i < cb->themes->len; i++) {
    TeemaTheme *t = cb->themes->pdata[i];
    if (!t->parent)
      place_subtree (ordered, t, children);
  }
  if (ordered->len < cb->themes->len) {
    /* What no root reaches is on a parent cycle. */
    g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);
    for (guint i = 0; i < ordered->len; i++)
      g_hash_table_add (placed, ordered->pdata[i]);
    TeemaTheme *t = NULL;
    for (guint i = 0; !t && i < cb->themes->len; i++)
      if (!g_hash_table_contains (placed, cb->themes->pdata[i]))
        t = cb->themes->pdata[i];
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 "%s:%u: theme '%s' is its own ancestor (parent cycle)", name,
                 t->line, t->code);
    g_ptr_array_set_free_func (ordered, NULL);
    g_ptr_array_unref (ordered);
    return FALSE;
  }
  g_ptr_array_set_free_func (cb->themes, NULL);
  g_ptr_array_unref (cb->themes);
  cb->themes = ordered;
  reindex (cb);
  return TRUE;
}

TeemaCodebook *
teema_codebook_parse (const char *text, gssize len, const char *name,
                      GError **error)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  if (n >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    n -= 3;
  }
  if (!g_utf8_validate_len (text, n, NULL)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 "%s: not valid UTF-8; save the codebook as UTF-8", name);
    return NULL;
  }
  TeemaCodebook *cb = codebook_new ();
  TeemaTheme *cur = NULL;
  Where w = { name, 0, error };
  /* Line by line with memchr: g_strsplit's strstr is quadratic under
   * AddressSanitizer, which measures the rest of the text on every call. */
  for (const char *p = text, *end = text + n; p <= end;) {
    const char *eol = memchr (p, '\n', (gsize) (end - p));
    const char *stop = eol ? eol : end;
    g_autofree char *line = g_strndup (p, (gsize) (stop - p));
    w.line++;
    g_strchomp (line);
    if (!parse_line (&w, cb, line, &cur)) {
      teema_codebook_free (cb);
      return NULL;
    }
    p = stop + 1;
  }
  if (cb->themes->len == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 "%s: no themes; add a block starting with 'theme ID'", name);
    teema_codebook_free (cb);
    return NULL;
  }
  if (!order_themes (cb, name, error)) {
    teema_codebook_free (cb);
    return NULL;
  }
  return cb;
}

TeemaCodebook *
teema_codebook_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!teema__read_file_max (path, TEEMA_CODEBOOK_MAX_BYTES,
                             "TEEMA_CODEBOOK_MAX_BYTES", &data, &len, error))
    return NULL;
  return teema_codebook_parse (data, (gssize) len, path, error);
}

const char *
teema_codebook_name (const TeemaCodebook *cb)
{
  return cb->name;
}

const char *
teema_codebook_language (const TeemaCodebook *cb)
{
  return cb->language ? cb->language : "fi";
}

guint
teema_codebook_size (const TeemaCodebook *cb)
{
  return cb->themes->len;
}

const TeemaTheme *
teema_codebook_theme (const TeemaCodebook *cb, guint i)
{
  return i < cb->themes->len ? cb->themes->pdata[i] : NULL;
}

gint
teema_codebook_index (const TeemaCodebook *cb, const char *code)
{
  if (!code)
    return -1;
  g_autofree char *key = code_key (code);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (cb->index, key)) - 1;
}

const TeemaTheme *
teema_codebook_lookup (const TeemaCodebook *cb, const char *code)
{
  gint i = teema_codebook_index (cb, code);
  return i < 0 ? NULL : cb->themes->pdata[i];
}

const char *
teema_theme_label (const TeemaTheme *t, const char *lang)
{
  gboolean en = g_strcmp0 (lang, "en") == 0;
  const char *first = en ? t->label_en : t->label_fi;
  const char *second = en ? t->label_fi : t->label_en;
  return first ? first : second ? second : t->code;
}

static void
write_field (GString *out, const char *key, const char *value)
{
  if (value)
    g_string_append_printf (out, "  %s: %s\n", key, value);
}

char *
teema_codebook_to_text (const TeemaCodebook *cb)
{
  GString *out = g_string_new (NULL);
  if (cb->name)
    g_string_append_printf (out, "codebook: %s\n", cb->name);
  g_string_append_printf (out, "language: %s\n", teema_codebook_language (cb));
  for (guint i = 0; i < cb->themes->len; i++) {
    const TeemaTheme *t = cb->themes->pdata[i];
    g_string_append_printf (out, "\ntheme %s\n", t->code);
    write_field (out, "parent", t->parent);
    write_field (out, "label.fi", t->label_fi);
    write_field (out, "label.en", t->label_en);
    write_field (out, "colour", t->colour);
    write_field (out, "description", t->description);
    for (guint j = 0; j < t->rules->len; j++)
      write_field (out, "rule", t->rules->pdata[j]);
    for (guint j = 0; j < t->excludes->len; j++)
      write_field (out, "exclude", t->excludes->pdata[j]);
  }
  return g_string_free (out, FALSE);
}

/* ---- in the project ------------------------------------------------------ */

typedef struct {
  const TeemaCodebook *cb;
  gboolean force;
} SetJob;

static gboolean
drop_missing_themes (TeemaProject *p, const SetJob *job, GError **error)
{
  GPtrArray *old = teema_store__list_themes (p->store, error);
  if (!old)
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < old->len; i++) {
    TeemaTheme *t = old->pdata[i];
    if (teema_codebook_lookup (job->cb, t->code))
      continue;
    guint n = teema_store__count_theme_codings (p->store, t->code);
    if (n && !job->force) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                   "theme '%s' has %u codings but is not in the new "
                   "codebook; keep it, or use --force to drop it and its "
                   "codings",
                   t->code, n);
      ok = FALSE;
    } else {
      ok = teema_store__delete_theme (p->store, t->code, error);
    }
  }
  g_ptr_array_set_free_func (old, (GDestroyNotify) theme_free);
  g_ptr_array_unref (old);
  return ok;
}

static gboolean
write_codebook (TeemaProject *p, gpointer data, GError **error)
{
  SetJob *job = data;
  if (!drop_missing_themes (p, job, error))
    return FALSE;
  for (guint i = 0; i < job->cb->themes->len; i++)
    if (!teema_store__upsert_theme (p->store, job->cb->themes->pdata[i], i,
                                    error))
      return FALSE;
  return teema_store__set_setting (p->store, "codebook",
                                   job->cb->name ? job->cb->name : "", error)
         && teema_store__set_setting (p->store, "language",
                                      teema_codebook_language (job->cb), error);
}

gboolean
teema_codebook_set (TeemaProject *project, const TeemaCodebook *cb,
                    gboolean force, GError **error)
{
  SetJob job = { cb, force };
  return teema_project__transact (project, write_codebook, &job, error);
}

TeemaCodebook *
teema_codebook_get (TeemaProject *project, GError **error)
{
  GPtrArray *themes = teema_store__list_themes (project->store, error);
  if (!themes)
    return NULL;
  if (themes->len == 0) {
    g_ptr_array_unref (themes);
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NO_CODEBOOK,
                 "%s: the project has no codebook yet; load one with "
                 "'teema codebook import FILE'",
                 project->path);
    return NULL;
  }
  TeemaCodebook *cb = codebook_new ();
  g_ptr_array_unref (cb->themes);
  g_ptr_array_set_free_func (themes, (GDestroyNotify) theme_free);
  cb->themes = themes;
  cb->name = teema_store__get_setting (project->store, "codebook");
  cb->language = teema_store__get_setting (project->store, "language");
  if (!order_themes (cb, project->path, error)) {
    teema_codebook_free (cb);
    return NULL;
  }
  return cb;
}
