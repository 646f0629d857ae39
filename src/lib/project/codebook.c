/* codebook.c — the plain-text codebook format and the project's codebook.
 *
 * Format (see teema/codebook.h): "codebook:" and "language:" at column 1,
 * then "theme ID" blocks with indented "key: value" fields. Rules are
 * compiled while parsing so that errors point at file:line:column.
 * Codes compare case-insensitively by Unicode case folding ("Työolot" is
 * "työolot"), everywhere in this file.
 * Must always hold: codes are unique, every parent exists (spelled as its
 * parent's code), there is no cycle, and themes are ordered parents first
 * (file order among siblings). */
#include "project/project-private.h"
#include "rules/rules-private.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

struct TeemaCodebook {
  char *name;
  char *language;
  GPtrArray *themes; /* TeemaTheme *, depth-first */
  GHashTable *index; /* lower-case code -> position + 1 in themes */
};

/* The index key of a code: codes are equal as teema_theme_code_equal
 * says (ignoring case in any alphabet), so are their keys. */
static char *
code_key (const char *code)
{
  if (g_str_is_ascii (code))
    return g_ascii_strdown (code, -1);
  g_autofree char *folded = g_utf8_casefold (code, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
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
  cb->themes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_theme__free);
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

gboolean
teema_theme_code_valid (const char *code)
{
  if (!code || !*code || !g_utf8_validate (code, -1, NULL))
    return FALSE;
  for (const char *p = code; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (!g_unichar_isalnum (c) && !g_unichar_ismark (c) && c != '_' && c != '-'
        && c != '.')
      return FALSE;
  }
  return TRUE;
}

gboolean
teema_theme_code_equal (const char *a, const char *b)
{
  if (!a || !b)
    return a == b;
  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  if (g_str_is_ascii (a) && g_str_is_ascii (b))
    return FALSE; /* the common case, without allocating */
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_autofree char *na = g_utf8_normalize (fa, -1, G_NORMALIZE_NFC);
  g_autofree char *nb = g_utf8_normalize (fb, -1, G_NORMALIZE_NFC);
  return g_strcmp0 (na, nb) == 0;
}

gboolean
teema_codebook__valid_colour (const char *c)
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
                 _ ("%s:%u:%u: theme '%s', %s '%s': %s"), w->name, w->line,
                 value_col + col - 1, t->code, key, value, rule_error->message);
    g_error_free (rule_error);
    return FALSE;
  }
  teema_rule_free (rule);
  g_ptr_array_add (into, g_strdup (value));
  return TRUE;
}

gboolean
teema_evidence_term_valid (const char *term)
{
  if (!term || !g_utf8_validate (term, -1, NULL))
    return FALSE;
  if (g_str_equal (term, "bias") || g_str_equal (term, "rules"))
    return TRUE;
  const char *kinds[] = { "lemma:", "part:", "word:" };
  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_has_prefix (term, kinds[k]))
      return term[strlen (kinds[k])] && !strpbrk (term, " \t");
  return FALSE;
}

static gboolean
has_term (const GArray *evidence, const char *term)
{
  for (guint i = 0; evidence && i < evidence->len; i++)
    if (g_str_equal (g_array_index (evidence, TeemaEvidence, i).term, term))
      return TRUE;
  return FALSE;
}

/* "evidence: TERM WEIGHT": the weight is the last word, a finite number
 * of at most TEEMA_EVIDENCE_MAX_WEIGHT either way. */
static gboolean
add_evidence (Where *w, TeemaTheme *t, const char *value, guint value_col)
{
  const char *space = strrchr (value, ' ');
  g_autofree char *term = space ? g_strndup (value, space - value) : NULL;
  if (term)
    g_strchomp (term);
  if (!term || !teema_evidence_term_valid (term))
    return parse_error (
      w, value_col,
      _ ("evidence '%s' of theme '%s': expected a term and a weight, e.g. "
         "'lemma:lupaus 0.8' (terms: bias, rules, lemma:X, part:X, word:X)"),
      value, t->code);
  char *end = NULL;
  double weight = g_ascii_strtod (space + 1, &end);
  if (end == space + 1 || *end || !isfinite (weight)
      || fabs (weight) > TEEMA_EVIDENCE_MAX_WEIGHT)
    return parse_error (
      w, value_col + (guint) g_utf8_strlen (value, space + 1 - value),
      _ ("evidence '%s' of theme '%s': the weight must be a "
         "number from -%d to %d"),
      value, t->code, TEEMA_EVIDENCE_MAX_WEIGHT, TEEMA_EVIDENCE_MAX_WEIGHT);
  if (has_term (t->evidence, term))
    return parse_error (w, value_col,
                        _ ("evidence term '%s' of theme '%s' is given twice"),
                        term, t->code);
  if (!t->evidence)
    t->evidence = teema_evidence__array_new ();
  TeemaEvidence e = { g_steal_pointer (&term), weight };
  g_array_append_val (t->evidence, e);
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
  if (g_str_equal (key, "evidence"))
    return add_evidence (w, t, value, value_col);
  if (g_str_equal (key, "parent"))
    set_field (&t->parent, value);
  else if (g_str_equal (key, "label.fi") || g_str_equal (key, "label"))
    set_field (&t->label_fi, value);
  else if (g_str_equal (key, "label.en"))
    set_field (&t->label_en, value);
  else if (g_str_equal (key, "renamed-from")) {
    if (!teema_theme_code_valid (value))
      return parse_error (w, value_col,
                          _ ("renamed-from '%s' is not a theme id"), value);
    set_field (&t->renamed_from, value);
  } else if (g_str_equal (key, "description")) {
    char *joined = t->description
                     ? g_strconcat (t->description, " ", value, NULL)
                     : g_strdup (value);
    g_free (t->description);
    t->description = joined;
  } else if (g_str_equal (key, "colour") || g_str_equal (key, "color")) {
    if (!teema_codebook__valid_colour (value))
      return parse_error (w, value_col, _ ("colour '%s' is not #rrggbb"),
                          value);
    set_field (&t->colour, value);
  } else if (g_str_equal (key, "scope")) {
    if (!teema_scope_parse (value, &t->scope))
      return parse_error (
        w, value_col,
        _ ("scope '%s' of theme '%s': expected 'segment' (the "
           "whole segment, the default) or 'sentence' (each "
           "sentence on its own)"),
        value, t->code);
  } else {
    return parse_error (w, key_col,
                        _ ("unknown field '%s' in theme '%s' (fields: parent, "
                           "label.fi, label.en, description, colour, scope, "
                           "rule, exclude, evidence, renamed-from)"),
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
                        _ ("expected 'key: value', got '%s'"), s);
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
    if (!teema_theme_code_valid (code))
      return parse_error (w, 7,
                          _ ("theme id '%s' must be letters, digits, "
                             "'_', '-' or '.' (e.g. 'theme työolot')"),
                          code);
    g_autofree char *key = code_key (code);
    if (g_hash_table_contains (cb->index, key))
      return parse_error (w, 7, _ ("theme '%s' is defined twice"), code);
    if (cb->themes->len >= TEEMA_CODEBOOK_MAX_THEMES)
      return parse_error (w, 1,
                          _ ("more than %d themes, more than a codebook may "
                             "have (TEEMA_CODEBOOK_MAX_THEMES)"),
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
                        _ ("unknown line '%s': expected 'codebook:', "
                           "'language:' or 'theme ID'"),
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
                        _ ("indented line outside a theme: start a "
                           "block with 'theme ID' at column 1"));
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
    const TeemaTheme *parent = teema_codebook_lookup (cb, t->parent);
    if (!parent) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:%u: theme '%s' has unknown parent '%s'"), name,
                   t->line, t->code, t->parent);
      return FALSE;
    }
    /* The parent as its theme spells it. */
    set_field (&t->parent, parent->code);
    char *key = code_key (t->parent);
    GPtrArray *kids = g_hash_table_lookup (children, key);
    if (!kids) {
      kids = g_ptr_array_new ();
      g_hash_table_insert (children, key, kids);
    } else {
      g_free (key);
    }
    g_ptr_array_add (kids, t);
  }
  GPtrArray *ordered =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_theme__free);
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
                 _ ("%s:%u: theme '%s' is its own ancestor (parent cycle)"),
                 name, t->line, t->code);
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
                 _ ("%s: not valid UTF-8; save the codebook as UTF-8"), name);
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
                 _ ("%s: no themes; add a block starting with 'theme ID'"),
                 name);
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

void
teema_codebook__write_evidence (GString *out, const char *indent,
                                const GArray *evidence)
{
  for (guint j = 0; evidence && j < evidence->len; j++) {
    const TeemaEvidence *e = &g_array_index (evidence, TeemaEvidence, j);
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (num, sizeof num, "%+.3f", e->weight);
    g_string_append_printf (out, "%sevidence: %s %s\n", indent, e->term, num);
  }
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
    if (t->scope != TEEMA_SCOPE_SEGMENT) /* the default goes unsaid */
      write_field (out, "scope", teema_scope_name (t->scope));
    for (guint j = 0; j < t->rules->len; j++)
      write_field (out, "rule", t->rules->pdata[j]);
    for (guint j = 0; j < t->excludes->len; j++)
      write_field (out, "exclude", t->excludes->pdata[j]);
    teema_codebook__write_evidence (out, "  ", t->evidence);
  }
  return g_string_free (out, FALSE);
}

gboolean
teema_codebook_set_evidence (TeemaCodebook *cb, const char *code,
                             const GArray *evidence, GError **error)
{
  gint i = teema_codebook_index (cb, code);
  if (i < 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("the codebook has no theme '%s'"), code);
    return FALSE;
  }
  g_autoptr (GArray) copy = teema_evidence__array_new ();
  for (guint j = 0; evidence && j < evidence->len; j++) {
    const TeemaEvidence *e = &g_array_index (evidence, TeemaEvidence, j);
    if (!teema_evidence_term_valid (e->term) || !isfinite (e->weight)
        || has_term (copy, e->term)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("evidence term '%s' of theme '%s' is not valid"), e->term,
                   code);
      return FALSE;
    }
    TeemaEvidence c = { g_strdup (e->term), e->weight };
    g_array_append_val (copy, c);
  }
  TeemaTheme *t = cb->themes->pdata[i];
  if (t->evidence)
    g_array_unref (t->evidence);
  t->evidence = copy->len ? g_steal_pointer (&copy) : NULL;
  return TRUE;
}

/* ---- in the project ------------------------------------------------------ */

gboolean
teema_codebook_mark_renamed (TeemaCodebook *cb, const char *old_code,
                             const char *new_code, GError **error)
{
  gint i = teema_codebook_index (cb, new_code);
  if (i < 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("rename %s=%s: the codebook has no theme '%s'"), old_code,
                 new_code, new_code);
    return FALSE;
  }
  if (!teema_theme_code_valid (old_code)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("rename %s=%s: '%s' is not a theme id"), old_code, new_code,
                 old_code);
    return FALSE;
  }
  TeemaTheme *t = cb->themes->pdata[i];
  set_field (&t->renamed_from, old_code);
  return TRUE;
}

void
teema_codebook_changes_clear (TeemaCodebookChanges *changes)
{
  if (changes && changes->notes)
    g_clear_pointer (&changes->notes, g_ptr_array_unref);
}

typedef struct {
  const TeemaCodebook *cb;
  gboolean force;
  TeemaCodebookChanges *changes;
  GPtrArray *stored; /* TeemaTheme *: the project's themes, kept current */
} SetJob;

static void note (SetJob *job, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
note (SetJob *job, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_ptr_array_add (job->changes->notes, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

/* The project's spelling of code (Unicode case-insensitive), or NULL. */
static const char *
stored_code (SetJob *job, const char *code)
{
  for (guint i = 0; i < job->stored->len; i++) {
    const TeemaTheme *t = job->stored->pdata[i];
    if (teema_theme_code_equal (t->code, code))
      return t->code;
  }
  return NULL;
}

static gboolean
reload_stored (TeemaProject *p, SetJob *job, GError **error)
{
  GPtrArray *themes = teema_store__list_themes (p->store, error);
  if (!themes)
    return FALSE;
  g_ptr_array_set_free_func (themes, (GDestroyNotify) teema_theme__free);
  if (job->stored)
    g_ptr_array_unref (job->stored);
  job->stored = themes;
  return TRUE;
}

/* Renames stored themes the codebook says were renamed ("renamed-from:"),
 * and stored themes spelled in another case, so that their codings stay. */
static gboolean
apply_renames (TeemaProject *p, SetJob *job, GError **error)
{
  for (guint i = 0; i < job->cb->themes->len; i++) {
    const TeemaTheme *t = job->cb->themes->pdata[i];
    const char *was =
      t->renamed_from ? stored_code (job, t->renamed_from) : NULL;
    if (!was || teema_theme_code_equal (was, t->code))
      continue; /* nothing by that name any more: already renamed */
    if (stored_code (job, t->code)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                   _ ("cannot rename '%s' to '%s': the project has both; to "
                      "join them use 'teema theme merge %s %s'"),
                   was, t->code, was, t->code);
      return FALSE;
    }
    gint64 n = teema_store__count_theme_codings (p->store, was, error);
    if (n < 0)
      return FALSE;
    note (job,
          g_dngettext (GETTEXT_PACKAGE, "renamed %s to %s (%lld coding kept)",
                       "renamed %s to %s (%lld codings kept)", (gulong) n),
          was, t->code, (long long) n);
    job->changes->n_renamed++;
    if (!teema_store__rename_theme (p->store, was, t->code, error)
        || !reload_stored (p, job, error))
      return FALSE;
  }
  for (guint i = 0; i < job->cb->themes->len; i++) {
    const TeemaTheme *t = job->cb->themes->pdata[i];
    const char *was = stored_code (job, t->code);
    if (was && !g_str_equal (was, t->code)
        && (!teema_store__rename_theme (p->store, was, t->code, error)
            || !reload_stored (p, job, error)))
      return FALSE;
  }
  return TRUE;
}

static gboolean
drop_missing_themes (TeemaProject *p, SetJob *job, GError **error)
{
  guint uncoded = 0;
  for (guint i = 0; i < job->stored->len; i++) {
    TeemaTheme *t = job->stored->pdata[i];
    if (teema_codebook_lookup (job->cb, t->code))
      continue;
    gint64 n = teema_store__count_theme_codings (p->store, t->code, error);
    if (n < 0)
      return FALSE;
    if (n && !job->force) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                   _ ("theme '%s' has %lld codings but is not in the new "
                      "codebook; keep it, say it was renamed ('renamed-from: "
                      "%s' in the new theme's block, or --rename %s=NEW), or "
                      "use --force to drop it and its codings"),
                   t->code, (long long) n, t->code, t->code);
      return FALSE;
    }
    if (!teema_store__delete_theme (p->store, t->code, error))
      return FALSE;
    job->changes->n_removed++;
    job->changes->n_codings_removed += (guint) n;
    uncoded += n == 0;
    if (n)
      note (job,
            g_dngettext (GETTEXT_PACKAGE, "removed %s and its %lld coding",
                         "removed %s and its %lld codings", (gulong) n),
            t->code, (long long) n);
  }
  if (uncoded)
    note (job,
          g_dngettext (GETTEXT_PACKAGE, "removed %u theme without codings",
                       "removed %u themes without codings", uncoded),
          uncoded);
  return TRUE;
}

static gboolean
write_codebook (TeemaProject *p, gpointer data, GError **error)
{
  SetJob *job = data;
  if (!reload_stored (p, job, error) || !apply_renames (p, job, error)
      || !drop_missing_themes (p, job, error))
    return FALSE;
  for (guint i = 0; i < job->cb->themes->len; i++) {
    const TeemaTheme *t = job->cb->themes->pdata[i];
    job->changes->n_added += stored_code (job, t->code) == NULL;
    if (!teema_store__upsert_theme (p->store, t, i, error))
      return FALSE;
  }
  return teema_store__set_setting (p->store, "codebook",
                                   job->cb->name ? job->cb->name : "", error)
         && teema_store__set_setting (p->store, "language",
                                      teema_codebook_language (job->cb), error);
}

gboolean
teema_codebook_apply (TeemaProject *project, const TeemaCodebook *cb,
                      gboolean force, TeemaCodebookChanges *changes,
                      GError **error)
{
  TeemaCodebookChanges mine = { 0 };
  TeemaCodebookChanges *c = changes ? changes : &mine;
  memset (c, 0, sizeof *c);
  c->notes = g_ptr_array_new_with_free_func (g_free);
  SetJob job = { cb, force, c, NULL };
  gboolean ok = teema_project__transact (project, write_codebook, &job, error);
  if (job.stored)
    g_ptr_array_unref (job.stored);
  if (!ok) {
    teema_codebook_changes_clear (c);
    memset (c, 0, sizeof *c);
  }
  teema_codebook_changes_clear (&mine);
  return ok;
}

gboolean
teema_codebook_set (TeemaProject *project, const TeemaCodebook *cb,
                    gboolean force, GError **error)
{
  return teema_codebook_apply (project, cb, force, NULL, error);
}

TeemaCodebook *
teema_codebook_get (TeemaProject *project, GError **error)
{
  GPtrArray *themes = teema_store__list_themes (project->store, error);
  if (!themes)
    return NULL;
  TeemaCodebook *cb = codebook_new ();
  g_ptr_array_unref (cb->themes);
  g_ptr_array_set_free_func (themes, (GDestroyNotify) teema_theme__free);
  cb->themes = themes;
  GError *local = NULL;
  cb->name = teema_store__get_setting (project->store, "codebook", &local);
  if (!local)
    cb->language =
      teema_store__get_setting (project->store, "language", &local);
  if (local) {
    g_propagate_error (error, local);
    teema_codebook_free (cb);
    return NULL;
  }
  if (!order_themes (cb, project->path, error)) {
    teema_codebook_free (cb);
    return NULL;
  }
  return cb;
}
