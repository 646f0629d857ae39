/* project/project.c — creating and opening projects, and settings.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact), so a failure leaves the project as
 * it was. */
#include "project/project-private.h"

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
                 _ ("%s: already exists; choose another name or remove it"),
                 path);
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

/* A project from before the word index gets it on first open, in the
 * transaction after the migration's. */
static gboolean
index_missing (TeemaProject *p, gpointer data, GError **error)
{
  return teema_words__index_missing (p->store, error);
}

/* A path that is not a regular file: a clear error for each case. */
static gboolean
check_file (const char *path, GError **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("%s: is a folder, not a project file; give the project's "
                    "file (e.g. %s/project.teema)"),
                 path, path);
    return FALSE;
  }
  if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("%s: no such project; create it with 'teema init %s'"),
                 path, path);
    return FALSE;
  }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("%s: not a regular file, so not a project"), path);
    return FALSE;
  }
  return TRUE;
}

TeemaProject *
teema_project_open (const char *path, GError **error)
{
  if (!check_file (path, error))
    return NULL;
  TeemaStore *store = teema_store__open (path, FALSE, error);
  if (!store)
    return NULL;
  TeemaProject *p = project_new (path, store);
  if (teema_store__migrated (store)
      && !teema_project__transact (p, index_missing, NULL, error)) {
    g_prefix_error (error, "%s: ", path);
    teema_project_free (p);
    return NULL;
  }
  return p;
}

TeemaProject *
teema_project__open_readonly (const char *path, GError **error)
{
  if (!check_file (path, error))
    return NULL;
  TeemaStore *store = teema_store__open_readonly (path, error);
  return store ? project_new (path, store) : NULL;
}

const char *
teema_project_notice (TeemaProject *project)
{
  return teema_store__notice (project->store);
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
  /* The public call has no error: a failed read reads as unset. */
  return teema_store__get_setting (project->store, key, NULL);
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
