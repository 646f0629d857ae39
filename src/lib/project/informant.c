/* project/informant.c — informants: listing them and setting attributes.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

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
  gint64 id = teema_store__find_informant (p->store, s->a, error);
  if (id < 0)
    return FALSE;
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
