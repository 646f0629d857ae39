/* project.c — opening projects and the thin public layer over the store for
 * informants, segments and codings.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact), so a failure leaves the project as
 * it was. */
#include "project-private.h"

#include <glib/gstdio.h>

gboolean
teema_project__transact (TeemaProject *project, TeemaWriteFunc fn,
                         gpointer data, GError **error)
{
  if (!teema_store__begin (project->store, error))
    return FALSE;
  if (!fn (project, data, error)) {
    teema_store__rollback (project->store);
    return FALSE;
  }
  return teema_store__commit (project->store, error);
}

static TeemaProject *
project_new (const char *path, TeemaStore *store)
{
  TeemaProject *p = g_new0 (TeemaProject, 1);
  p->path = g_strdup (path);
  p->store = store;
  return p;
}

TeemaProject *
teema_project_create (const char *path, GError **error)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 "%s: already exists; choose another name or remove it", path);
    return NULL;
  }
  TeemaStore *store = teema_store__open (path, TRUE, error);
  if (!store) {
    g_unlink (path);
    return NULL;
  }
  TeemaProject *p = project_new (path, store);
  if (!teema_project_set_setting (p, "language", "fi", error)) {
    teema_project_free (p);
    g_unlink (path);
    return NULL;
  }
  return p;
}

TeemaProject *
teema_project_open (const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "%s: no such project; create it with 'teema init %s'", path,
                 path);
    return NULL;
  }
  TeemaStore *store = teema_store__open (path, FALSE, error);
  return store ? project_new (path, store) : NULL;
}

void
teema_project_free (TeemaProject *project)
{
  if (!project)
    return;
  teema_store__close (project->store);
  g_free (project->path);
  g_free (project);
}

const char *
teema_project_path (TeemaProject *project)
{
  return project->path;
}

int
teema_project_schema_version (void)
{
  return teema_store__schema_version ();
}

char *
teema_project_get_setting (TeemaProject *project, const char *key)
{
  return teema_store__get_setting (project->store, key);
}

typedef struct {
  const char *a, *b, *c;
} Strings3;

static gboolean
write_setting (TeemaProject *p, gpointer data, GError **error)
{
  Strings3 *s = data;
  return teema_store__set_setting (p->store, s->a, s->b, error);
}

gboolean
teema_project_set_setting (TeemaProject *project, const char *key,
                           const char *value, GError **error)
{
  Strings3 s = { key, value, NULL };
  return teema_project__transact (project, write_setting, &s, error);
}

/* ---- informants -------------------------------------------------------- */

void
teema_informant_free (TeemaInformant *inf)
{
  if (!inf)
    return;
  g_free (inf->code);
  g_free (inf->group);
  g_free (inf->role);
  g_ptr_array_unref (inf->keys);
  g_ptr_array_unref (inf->values);
  g_free (inf);
}

GPtrArray *
teema_project_list_informants (TeemaProject *project, GError **error)
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
teema_project_set_informant_attr (TeemaProject *project, const char *code,
                                  const char *key, const char *value,
                                  GError **error)
{
  Strings3 s = { code, key, value };
  return teema_project__transact (project, write_informant_attr, &s, error);
}

/* ---- segments ------------------------------------------------------------ */

void
teema_segment_free (TeemaSegment *s)
{
  if (!s)
    return;
  g_free (s->document);
  g_free (s->speaker);
  g_free (s->informant);
  g_free (s->group);
  g_free (s->timestamp);
  g_free (s->text);
  g_free (s);
}

GPtrArray *
teema_project_list_segments (TeemaProject *project,
                             const TeemaSegmentFilter *filter, GError **error)
{
  return teema_store__list_segments (project->store, filter, error);
}

TeemaSegment *
teema_project_get_segment (TeemaProject *project, gint64 id, GError **error)
{
  return teema_store__get_segment (project->store, id, error);
}

/* ---- codings ----------------------------------------------------------- */

void
teema_coding_free (TeemaCoding *c)
{
  if (!c)
    return;
  g_free (c->theme);
  g_free (c->coder);
  g_free (c->informant);
  g_free (c->created_at);
  g_free (c->note);
  g_free (c);
}

GPtrArray *
teema_project_list_codings (TeemaProject *project,
                            const TeemaCodingFilter *filter, GError **error)
{
  return teema_store__list_codings (project->store, filter, error);
}

typedef struct {
  gint64 segment_id;
  const char *theme, *coder;
  gboolean add;
  gboolean changed;
} CodingChange;

static gboolean
write_coding (TeemaProject *p, gpointer data, GError **error)
{
  CodingChange *c = data;
  g_autoptr (TeemaSegment) seg =
    teema_store__get_segment (p->store, c->segment_id, error);
  if (!seg)
    return FALSE;
  if (!teema_store__find_theme (p->store, c->theme)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown theme '%s' (see 'teema codebook list')", c->theme);
    return FALSE;
  }
  if (c->add)
    return teema_store__add_coding (p->store, c->segment_id, c->theme, c->coder,
                                    seg->start, seg->end, NULL, &c->changed,
                                    error);
  return teema_store__remove_coding (p->store, c->segment_id, c->theme,
                                     c->coder, &c->changed, error);
}

gboolean
teema_project_add_coding (TeemaProject *project, gint64 segment_id,
                          const char *theme, const char *coder, gboolean *added,
                          GError **error)
{
  CodingChange c = { segment_id, theme, coder, TRUE, FALSE };
  gboolean ok = teema_project__transact (project, write_coding, &c, error);
  if (added)
    *added = c.changed;
  return ok;
}

gboolean
teema_project_remove_coding (TeemaProject *project, gint64 segment_id,
                             const char *theme, const char *coder,
                             gboolean *removed, GError **error)
{
  CodingChange c = { segment_id, theme, coder, FALSE, FALSE };
  gboolean ok = teema_project__transact (project, write_coding, &c, error);
  if (removed)
    *removed = c.changed;
  return ok;
}
