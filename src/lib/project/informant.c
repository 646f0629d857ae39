/* project/informant.c — informants: listing them, setting attributes,
 * renaming and removing them.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

#include <string.h>

typedef struct {
  const char *a, *b, *c;
} Strings3;

GPtrArray *
teema_informant_list (TeemaProject *project, GError **error)
{
  return teema_store__list_informants (project->store, error);
}

static gboolean
write_informant_attr (TeemaProject *p, gpointer data, GError **error)
{
  Strings3 *s = data;
  gint64 id = teema_store__find_informant (p->store, s->a);
  if (!id) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown informant '%s' (see 'teema informant list')", s->a);
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
  gint64 id = teema_store__find_informant (p->store, code);
  if (!id)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown informant '%s' (see 'teema informant list')", code);
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
                 "an informant id cannot be empty");
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
