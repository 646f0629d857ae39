/* project/theme.c — finding a theme by what the user typed, and changing
 * one theme at a time: add, update, rename, move, merge, remove.
 *
 * A name is an id or a label (Finnish or English), compared with Unicode
 * case folding; when nothing matches, the error lists the closest ids and
 * labels by edit distance. Every change reads the codebook and writes the
 * store inside one transaction, so the checks and the write see the same
 * project.
 * Must always hold: after any change the themes still form a tree (every
 * parent exists, spelled as its code, with no cycle), and codings are
 * moved or deleted only as the function's contract says. */
#include "project/project-private.h"
#include "rules/rules-private.h"

#include <string.h>

/* ---- finding a theme by id or label -------------------------------------- */

static char *
fold (const char *s)
{
  g_autofree char *f = g_utf8_casefold (s, -1);
  return g_utf8_normalize (f, -1, G_NORMALIZE_NFC);
}

/* Levenshtein distance between a and b, in code points. */
static guint
edit_distance (const char *a, const char *b)
{
  glong na = 0, nb = 0;
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, &nb);
  g_autofree guint *row = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= na; i++) {
    guint diag = row[0];
    row[0] = (guint) i;
    for (glong j = 1; j <= nb; j++) {
      guint up = row[j];
      guint best = MIN (row[j] + 1, row[j - 1] + 1);
      row[j] = MIN (best, diag + (x[i - 1] != y[j - 1]));
      diag = up;
    }
  }
  return row[nb];
}

/* How close name is to the theme's id or labels (lower is closer);
 * G_MAXUINT when not close enough to suggest. */
static guint
closeness (const TeemaTheme *t, const char *folded)
{
  const char *names[] = { t->code, t->label_fi, t->label_en };
  guint best = G_MAXUINT;
  glong len = g_utf8_strlen (folded, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    if (!names[i])
      continue;
    g_autofree char *f = fold (names[i]);
    guint d = edit_distance (folded, f);
    if (len >= 3 && (g_str_has_prefix (f, folded) || strstr (f, folded)))
      d = MIN (d, 1);
    if (d <= MAX (1, (guint) len / 3))
      best = MIN (best, d);
  }
  return best;
}

static void
not_found (const TeemaCodebook *cb, const char *name, GError **error)
{
  guint n = teema_codebook_size (cb);
  if (n == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s': the project has no themes yet (add "
                    "one with 'teema theme add ID')"),
                 name);
    return;
  }
  g_autofree char *folded = fold (name);
  g_autoptr (GString) close = g_string_new (NULL);
  guint shown = 0;
  for (guint d = 0; d <= 1 + (guint) g_utf8_strlen (folded, -1) / 3; d++)
    for (guint i = 0; i < n && shown < 5; i++) {
      const TeemaTheme *t = teema_codebook_theme (cb, i);
      if (closeness (t, folded) != d)
        continue;
      const char *label = teema_theme_label (t, "fi");
      g_string_append_printf (close, "%s%s", shown++ ? ", " : "", t->code);
      if (!g_str_equal (label, t->code))
        g_string_append_printf (close, " (%s)", label);
    }
  if (shown)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s'; did you mean %s? (see 'teema theme "
                    "list')"),
                 name, close->str);
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown theme '%s' (see 'teema theme list', or add it "
                    "with 'teema theme add')"),
                 name);
}

const TeemaTheme *
teema_codebook_find (const TeemaCodebook *cb, const char *name, GError **error)
{
  if (!name || !*name) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("which theme? (see 'teema theme list')"));
    return NULL;
  }
  const TeemaTheme *t = teema_codebook_lookup (cb, name);
  if (t)
    return t;
  g_autoptr (GString) ids = g_string_new (NULL);
  guint hits = 0;
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *c = teema_codebook_theme (cb, i);
    if (!teema_theme_code_equal (c->label_fi, name)
        && !teema_theme_code_equal (c->label_en, name))
      continue;
    g_string_append_printf (ids, "%s%s", hits++ ? ", " : "", c->code);
    t = c;
  }
  if (hits == 1)
    return t;
  if (hits > 1)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("'%s' is the label of %u themes (%s); name one by its id"),
                 name, hits, ids->str);
  else
    not_found (cb, name, error);
  return NULL;
}

char *
teema_project__theme_code (TeemaProject *project, const char *name,
                           GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  const TeemaTheme *t = cb ? teema_codebook_find (cb, name, error) : NULL;
  return t ? g_strdup (t->code) : NULL;
}

char *
teema_theme_code_for (const char *name)
{
  if (!name || !g_utf8_validate (name, -1, NULL))
    return NULL;
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *nfc = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  for (const char *p = nfc; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gboolean dash = g_unichar_isspace (c) || c == '-' || c == '/';
    if (dash && out->len && out->str[out->len - 1] != '-')
      g_string_append_c (out, '-');
    else if (!dash
             && (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_'))
      g_string_append_unichar (out, c);
  }
  while (out->len && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (!out->len) {
    g_string_free (out, TRUE);
    return NULL;
  }
  return g_string_free (out, FALSE);
}

/* ---- changes ------------------------------------------------------------- */

/* An editable copy of a theme's fields (not its rules). */
typedef struct {
  TeemaTheme t;
} Edit;

static void
edit_clear (Edit *e)
{
  g_free (e->t.code);
  g_free (e->t.parent);
  g_free (e->t.label_fi);
  g_free (e->t.label_en);
  g_free (e->t.description);
  g_free (e->t.colour);
  if (e->t.rules)
    g_ptr_array_unref (e->t.rules);
  if (e->t.excludes)
    g_ptr_array_unref (e->t.excludes);
  memset (e, 0, sizeof *e);
}

static void
edit_from (Edit *e, const TeemaTheme *t)
{
  e->t.code = g_strdup (t->code);
  e->t.parent = g_strdup (t->parent);
  e->t.label_fi = g_strdup (t->label_fi);
  e->t.label_en = g_strdup (t->label_en);
  e->t.description = g_strdup (t->description);
  e->t.colour = g_strdup (t->colour);
  e->t.scope = t->scope;
  e->t.rules = g_ptr_array_new_with_free_func (g_free);
  e->t.excludes = g_ptr_array_new_with_free_func (g_free);
}

/* TRUE when t is `ancestor` or lies under it. */
static gboolean
is_under (const TeemaCodebook *cb, const char *code, const char *ancestor)
{
  for (guint depth = 0; code && depth <= teema_codebook_size (cb); depth++) {
    if (teema_theme_code_equal (code, ancestor))
      return TRUE;
    const TeemaTheme *t = teema_codebook_lookup (cb, code);
    code = t ? t->parent : NULL;
  }
  return FALSE;
}

static void
set_text (char **field, const char *value)
{
  if (!value)
    return;
  g_free (*field);
  *field = *value ? g_strdup (value) : NULL;
}

/* Sets e's fields from f, checking the parent and colour. */
static gboolean
apply_fields (const TeemaCodebook *cb, Edit *e, const TeemaThemeFields *f,
              GError **error)
{
  if (!f)
    return TRUE;
  if (f->colour && *f->colour && !teema_codebook__valid_colour (f->colour)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("colour '%s' is not #rrggbb (e.g. #2ca02c)"), f->colour);
    return FALSE;
  }
  TeemaScope scope = TEEMA_SCOPE_SEGMENT;
  if (f->scope && *f->scope && !teema_scope_parse (f->scope, &scope)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("scope '%s': expected 'segment' (the whole segment) or "
                    "'sentence' (each sentence on its own)"),
                 f->scope);
    return FALSE;
  }
  if (f->scope)
    e->t.scope = scope;
  if (f->parent && *f->parent) {
    const TeemaTheme *p = teema_codebook_find (cb, f->parent, error);
    if (!p)
      return FALSE;
    if (is_under (cb, p->code, e->t.code)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                   _ ("'%s' cannot go under '%s': that is %s"), e->t.code,
                   p->code,
                   teema_theme_code_equal (p->code, e->t.code)
                     ? _ ("the theme itself")
                     : _ ("one of its sub-themes"));
      return FALSE;
    }
    set_text (&e->t.parent, p->code);
  } else if (f->parent) {
    g_clear_pointer (&e->t.parent, g_free);
  }
  set_text (&e->t.label_fi, f->label_fi);
  set_text (&e->t.label_en, f->label_en);
  set_text (&e->t.colour, f->colour);
  set_text (&e->t.description, f->description);
  return TRUE;
}

typedef struct {
  const char *theme; /* as named by the user */
  const char *other; /* new id, parent or merge target */
  const TeemaThemeFields *fields;
  gboolean force;
  guint n;               /* codings removed */
  TeemaThemeMerge merge; /* what a merge moved */
} Change;

static gboolean
write_add (TeemaProject *p, gpointer data, GError **error)
{
  Change *c = data;
  if (!teema_theme_code_valid (c->theme)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("theme id '%s' must be letters, digits, '_', '-' or '.' "
                    "(e.g. 'työolot'; a label may have spaces: --label-fi)"),
                 c->theme);
    return FALSE;
  }
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  if (!cb)
    return FALSE;
  const TeemaTheme *old = teema_codebook_lookup (cb, c->theme);
  if (old) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 _ ("theme '%s' exists already"), old->code);
    return FALSE;
  }
  Edit e = { 0 };
  TeemaTheme blank = { 0 };
  blank.code = (char *) c->theme;
  edit_from (&e, &blank);
  gint64 ordinal = -1;
  gboolean ok =
    apply_fields (cb, &e, c->fields, error)
    && (ordinal = teema_store__next_theme_ordinal (p->store, error)) >= 0
    && teema_store__upsert_theme (p->store, &e.t, (guint) ordinal, error);
  edit_clear (&e);
  return ok;
}

gboolean
teema_theme_add (TeemaProject *project, const char *code,
                 const TeemaThemeFields *fields, GError **error)
{
  Change c = { code, NULL, fields, FALSE, 0, { 0 } };
  return teema_project__transact (project, write_add, &c, error);
}

static gboolean
write_update (TeemaProject *p, gpointer data, GError **error)
{
  Change *c = data;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  const TeemaTheme *t = cb ? teema_codebook_find (cb, c->theme, error) : NULL;
  if (!t)
    return FALSE;
  Edit e = { 0 };
  edit_from (&e, t);
  gboolean ok = apply_fields (cb, &e, c->fields, error)
                && teema_store__update_theme (p->store, &e.t, error);
  edit_clear (&e);
  return ok;
}

gboolean
teema_theme_update (TeemaProject *project, const char *theme,
                    const TeemaThemeFields *fields, GError **error)
{
  Change c = { theme, NULL, fields, FALSE, 0, { 0 } };
  return teema_project__transact (project, write_update, &c, error);
}

gboolean
teema_theme_move (TeemaProject *project, const char *theme, const char *parent,
                  GError **error)
{
  TeemaThemeFields f = { parent ? parent : "", NULL, NULL, NULL, NULL, NULL };
  return teema_theme_update (project, theme, &f, error);
}

static gboolean
write_rename (TeemaProject *p, gpointer data, GError **error)
{
  Change *c = data;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  const TeemaTheme *t = cb ? teema_codebook_find (cb, c->theme, error) : NULL;
  if (!t)
    return FALSE;
  if (!teema_theme_code_valid (c->other)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("theme id '%s' must be letters, digits, '_', '-' or '.'"),
                 c->other);
    return FALSE;
  }
  const TeemaTheme *taken = teema_codebook_lookup (cb, c->other);
  if (taken && taken != t) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 _ ("theme '%s' exists already; to join the two use 'teema "
                    "theme merge %s %s'"),
                 taken->code, t->code, taken->code);
    return FALSE;
  }
  return teema_store__rename_theme (p->store, t->code, c->other, error);
}

gboolean
teema_theme_rename (TeemaProject *project, const char *theme,
                    const char *new_code, GError **error)
{
  Change c = { theme, new_code, NULL, FALSE, 0, { 0 } };
  return teema_project__transact (project, write_rename, &c, error);
}

/* into takes from's place in the tree when it lies under from, so that
 * from's sub-themes can move under it without a cycle; into's description
 * gets from's appended. */
static gboolean
prepare_into (TeemaProject *p, const TeemaCodebook *cb, const TeemaTheme *from,
              const TeemaTheme *into, GError **error)
{
  Edit e = { 0 };
  edit_from (&e, into);
  if (is_under (cb, into->code, from->code))
    set_text (&e.t.parent, from->parent ? from->parent : "");
  if (from->description) {
    char *joined = into->description ? g_strconcat (into->description, " ",
                                                    from->description, NULL)
                                     : g_strdup (from->description);
    g_free (e.t.description);
    e.t.description = joined;
  }
  gboolean ok = teema_store__update_theme (p->store, &e.t, error);
  edit_clear (&e);
  return ok;
}

static gboolean
write_merge (TeemaProject *p, gpointer data, GError **error)
{
  Change *c = data;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  const TeemaTheme *from =
    cb ? teema_codebook_find (cb, c->theme, error) : NULL;
  const TeemaTheme *into =
    from ? teema_codebook_find (cb, c->other, error) : NULL;
  if (!into)
    return FALSE;
  if (from == into) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("'%s' and '%s' are the same theme (%s)"), c->theme,
                 c->other, from->code);
    return FALSE;
  }
  TeemaStoreMerged m = { 0 };
  if (!prepare_into (p, cb, from, into, error)
      || !teema_store__merge_theme (p->store, from->code, into->code, &m,
                                    error))
    return FALSE;
  c->merge =
    (TeemaThemeMerge){ m.n_codings, m.n_duplicates, m.n_rules, m.n_children };
  return TRUE;
}

gboolean
teema_theme_merge (TeemaProject *project, const char *from, const char *into,
                   TeemaThemeMerge *result, GError **error)
{
  Change c = { from, into, NULL, FALSE, 0, { 0 } };
  gboolean ok = teema_project__transact (project, write_merge, &c, error);
  if (ok && result)
    *result = c.merge;
  return ok;
}

static gboolean
write_remove (TeemaProject *p, gpointer data, GError **error)
{
  Change *c = data;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  const TeemaTheme *t = cb ? teema_codebook_find (cb, c->theme, error) : NULL;
  if (!t)
    return FALSE;
  gint64 n = teema_store__count_theme_codings (p->store, t->code, error);
  if (n < 0)
    return FALSE;
  c->n = (guint) n;
  if (c->n && !c->force) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 g_dngettext (GETTEXT_PACKAGE,
                              "theme '%s' has %u coding; --force removes it "
                              "too (or keep it: 'teema theme merge %s OTHER')",
                              "theme '%s' has %u codings; --force removes "
                              "them too (or keep them: 'teema theme merge %s "
                              "OTHER')",
                              c->n),
                 t->code, c->n, t->code);
    return FALSE;
  }
  return teema_store__reparent_children (p->store, t->code, t->parent, NULL,
                                         error)
         && teema_store__delete_theme (p->store, t->code, error);
}

gboolean
teema_theme_remove (TeemaProject *project, const char *theme, gboolean force,
                    guint *n_codings, GError **error)
{
  Change c = { theme, NULL, NULL, force, 0, { 0 } };
  gboolean ok = teema_project__transact (project, write_remove, &c, error);
  if (n_codings)
    *n_codings = ok ? c.n : 0;
  return ok;
}

typedef struct {
  const char *theme, *rule;
  gboolean exclude;
} RuleJob;

static gboolean
write_rule (TeemaProject *p, gpointer data, GError **error)
{
  RuleJob *j = data;
  g_autoptr (TeemaRule) rule = teema_rule_compile (j->rule, error);
  if (!rule)
    return FALSE;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, error);
  const TeemaTheme *t = cb ? teema_codebook_find (cb, j->theme, error) : NULL;
  GPtrArray *list = t ? (j->exclude ? t->excludes : t->rules) : NULL;
  if (!t)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], j->rule))
      return TRUE; /* there already */
  return teema_store__append_theme_rule (
    p->store, t->code, j->exclude ? "exclude" : "rule", j->rule, error);
}

gboolean
teema_theme_add_rule (TeemaProject *project, const char *theme,
                      const char *rule, gboolean exclude, GError **error)
{
  RuleJob j = { theme, rule, exclude };
  return teema_project__transact (project, write_rule, &j, error);
}

GHashTable *
teema_theme_coding_counts (TeemaProject *project, GError **error)
{
  return teema_store__theme_coding_counts (project->store, error);
}
