/* project/informant.c — informants: listing them, their attributes,
 * renaming and removing them, and choosing some of them by attribute
 * (--where role=myyjä).
 *
 * Informants are listed by group, then by code in natural order (A2
 * before A10), which is the order every report and quote list shows.
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *a, *b, *c;
} Strings3;

int
teema_informant_code_compare (const char *a, const char *b)
{
  while (*a && *b) {
    if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b)) {
      const char *x = a, *y = b;
      while (*x == '0')
        x++;
      while (*y == '0')
        y++;
      gsize nx = strspn (x, "0123456789"), ny = strspn (y, "0123456789");
      if (nx != ny)
        return nx < ny ? -1 : 1;
      int c = strncmp (x, y, nx);
      if (c)
        return c;
      a = x + nx, b = y + ny;
      continue;
    }
    if (*a != *b)
      return (guchar) *a < (guchar) *b ? -1 : 1;
    a++, b++;
  }
  return *a ? 1 : *b ? -1 : 0;
}

static int
by_group_then_code (gconstpointer pa, gconstpointer pb)
{
  const TeemaInformant *a = *(TeemaInformant *const *) pa;
  const TeemaInformant *b = *(TeemaInformant *const *) pb;
  if (!a->group != !b->group)
    return a->group ? -1 : 1;
  int c = a->group ? strcmp (a->group, b->group) : 0;
  return c ? c : teema_informant_code_compare (a->code, b->code);
}

GPtrArray *
teema_informant_list (TeemaProject *project, GError **error)
{
  GPtrArray *list = teema_store__list_informants (project->store, error);
  if (list)
    g_ptr_array_sort (list, by_group_then_code);
  return list;
}

const char *
teema_informant_attr (const TeemaInformant *inf, const char *key)
{
  if (!inf || !key)
    return NULL;
  if (!g_ascii_strcasecmp (key, "informant"))
    return inf->code;
  if (!g_ascii_strcasecmp (key, "group"))
    return inf->group;
  if (!g_ascii_strcasecmp (key, "role"))
    return inf->role;
  for (guint i = 0; inf->keys && i < inf->keys->len; i++)
    if (!g_ascii_strcasecmp (inf->keys->pdata[i], key))
      return inf->values->pdata[i];
  return NULL;
}

/* ---- choosing informants: --where ---------------------------------------- */

struct TeemaWhere {
  GPtrArray *keys;   /* char * */
  GPtrArray *values; /* char *, case-folded */
  GArray *negate;    /* gboolean */
};

void
teema_where__free (TeemaWhere *w)
{
  if (!w)
    return;
  g_ptr_array_unref (w->keys);
  g_ptr_array_unref (w->values);
  g_array_unref (w->negate);
  g_free (w);
}

static gboolean
value_is (const char *value, const char *folded)
{
  g_autofree char *f = value ? g_utf8_casefold (value, -1) : NULL;
  return g_strcmp0 (f, folded) == 0;
}

gboolean
teema_where__matches (const TeemaWhere *w, const TeemaInformant *inf)
{
  for (guint i = 0; w && i < w->keys->len; i++) {
    gboolean is = value_is (teema_informant_attr (inf, w->keys->pdata[i]),
                            w->values->pdata[i]);
    if (is == g_array_index (w->negate, gboolean, i))
      return FALSE;
  }
  return TRUE;
}

/* The attribute names informants have, and the values of key, as
 * "a, b, c" for messages. */
static char *
known_names (GPtrArray *informants, const char *key)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < informants->len; i++) {
    const TeemaInformant *inf = informants->pdata[i];
    GPtrArray *names = inf->keys;
    const char *fixed[] = { "informant", "group", "role" };
    for (guint k = 0; !key && k < G_N_ELEMENTS (fixed) + names->len; k++) {
      const char *n = k < 3 ? fixed[k] : names->pdata[k - 3];
      if (!g_ptr_array_find_with_equal_func (seen, n, g_str_equal, NULL))
        g_ptr_array_add (seen, g_strdup (n));
    }
    const char *v = key ? teema_informant_attr (inf, key) : NULL;
    if (v && !g_ptr_array_find_with_equal_func (seen, v, g_str_equal, NULL))
      g_ptr_array_add (seen, g_strdup (v));
  }
  g_ptr_array_add (seen, NULL);
  return g_strjoinv (", ", (char **) seen->pdata);
}

static gboolean
anyone_has (GPtrArray *informants, const char *key, const char *folded)
{
  for (guint i = 0; i < informants->len; i++) {
    const char *v = teema_informant_attr (informants->pdata[i], key);
    if (v && (!folded || value_is (v, folded)))
      return TRUE;
  }
  return FALSE;
}

/* Adds "key=value" or "key!=value" to w, checked against informants. */
static gboolean
where_add (TeemaWhere *w, const char *cond, GPtrArray *informants,
           GError **error)
{
  const char *eq = strchr (cond, '=');
  gboolean negate = eq && eq > cond && eq[-1] == '!';
  g_autofree char *key =
    eq ? g_strstrip (g_strndup (cond, eq - cond - negate)) : NULL;
  if (!key || !*key) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("'%s': a condition is ATTRIBUTE=VALUE or ATTRIBUTE!=VALUE, "
                    "e.g. role=myyjä"),
                 cond);
    return FALSE;
  }
  g_autofree char *value = g_strstrip (g_strdup (eq + 1));
  g_autofree char *folded = g_utf8_casefold (value, -1);
  if (!teema_informant__check_attr (informants, key, error))
    return FALSE;
  if (!negate && !anyone_has (informants, key, folded)) {
    g_autofree char *values = known_names (informants, key);
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no informant has %s=%s (%s: %s)"), key, value, key,
                 values);
    return FALSE;
  }
  g_ptr_array_add (w->keys, g_steal_pointer (&key));
  g_ptr_array_add (w->values, g_steal_pointer (&folded));
  g_array_append_val (w->negate, negate);
  return TRUE;
}

TeemaWhere *
teema_where__new (const char *const *where, GPtrArray *informants,
                  GError **error)
{
  TeemaWhere *w = g_new0 (TeemaWhere, 1);
  w->keys = g_ptr_array_new_with_free_func (g_free);
  w->values = g_ptr_array_new_with_free_func (g_free);
  w->negate = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; where && where[i]; i++)
    if (!where_add (w, where[i], informants, error)) {
      teema_where__free (w);
      return NULL;
    }
  guint n = 0;
  for (guint i = 0; i < informants->len; i++)
    n += teema_where__matches (w, informants->pdata[i]);
  if (n == 0 && informants->len > 0) {
    g_autofree char *all = g_strjoinv (" and ", (char **) where);
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no informant matches %s"), all);
    teema_where__free (w);
    return NULL;
  }
  return w;
}

gboolean
teema_informant__check_attr (GPtrArray *informants, const char *key,
                             GError **error)
{
  if (anyone_has (informants, key, NULL))
    return TRUE;
  g_autofree char *names = known_names (informants, NULL);
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
               _ ("no informant has the attribute '%s' (attributes: %s)"), key,
               names);
  return FALSE;
}

const TeemaInformant *
teema_informant__find (GPtrArray *informants, const char *code, GError **error)
{
  g_autofree char *folded = g_utf8_casefold (code, -1);
  for (guint i = 0; i < informants->len; i++)
    if (value_is (((TeemaInformant *) informants->pdata[i])->code, folded))
      return informants->pdata[i];
  g_autofree char *known = known_names (informants, "informant");
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
               _ ("no informant '%s' (informants: %s)"), code,
               *known ? known : _ ("none; import transcripts first"));
  return NULL;
}

const char *
teema_informant__find_group (GPtrArray *informants, const char *group,
                             GError **error)
{
  g_autofree char *folded = g_utf8_casefold (group, -1);
  for (guint i = 0; i < informants->len; i++) {
    const TeemaInformant *inf = informants->pdata[i];
    if (inf->group && value_is (inf->group, folded))
      return inf->group;
  }
  g_autofree char *known = known_names (informants, "group");
  g_set_error (
    error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND, _ ("no group '%s' (groups: %s)"),
    group, *known ? known : _ ("none; set them with 'teema informant set'"));
  return NULL;
}

static gboolean
write_informant_attr (TeemaProject *p, gpointer data, GError **error)
{
  Strings3 *s = data;
  gint64 id = teema_store__find_informant (p->store, s->a, error);
  if (id < 0)
    return FALSE;
  if (!id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown informant '%s' (see 'teema informant list')"),
                 s->a);
    return FALSE;
  }
  return teema_store__set_informant_attr (p->store, id, s->b, s->c, error);
}

gboolean
teema_informant_set_attr (TeemaProject *project, const char *code,
                          const char *key, const char *value, GError **error)
{
  Strings3 s = { code, key, value };
  return teema_project__transact (project, write_informant_attr, &s, error);
}

static gint64
find (TeemaProject *p, const char *code, GError **error)
{
  gint64 id = teema_store__find_informant (p->store, code, error);
  if (id < 0)
    return 0;
  if (!id)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("unknown informant '%s' (see 'teema informant list')"),
                 code);
  return id;
}

static gboolean
write_rename (TeemaProject *p, gpointer data, GError **error)
{
  Strings3 *s = data;
  gint64 id = find (p, s->a, error);
  return id && teema_store__rename_informant (p->store, id, s->b, error);
}

gboolean
teema_informant_rename (TeemaProject *project, const char *code,
                        const char *new_code, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (new_code));
  if (!*clean) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("an informant id cannot be empty"));
    return FALSE;
  }
  Strings3 s = { code, clean, NULL };
  return teema_project__transact (project, write_rename, &s, error);
}

typedef struct {
  const char *code;
  gboolean dry_run;
  TeemaRemoval *removal;
} Remove;

static gboolean
write_remove (TeemaProject *p, gpointer data, GError **error)
{
  Remove *rm = data;
  gint64 id = find (p, rm->code, error);
  if (!id || !teema_store__count_removal (p->store, 0, id, rm->removal, error))
    return FALSE;
  rm->removal->informant_removed = TRUE;
  return rm->dry_run || teema_store__delete_informant (p->store, id, error);
}

gboolean
teema_informant_remove (TeemaProject *project, const char *code,
                        gboolean dry_run, TeemaRemoval *removal, GError **error)
{
  TeemaRemoval local = { 0 };
  Remove rm = { code, dry_run, removal ? removal : &local };
  memset (rm.removal, 0, sizeof *rm.removal);
  return teema_project__transact (project, write_remove, &rm, error);
}
