/* project/document.c — documents already in a project: listing,
 * renaming and removing them, and the codings and memos an import
 * --replace set aside.
 *
 * A document is named by its name ("H3.txt") or its id ("7"); a name two
 * documents share must be given as an id.
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

#include <string.h>

GPtrArray *
teema_document_list (TeemaProject *project, GError **error)
{
  return teema_store__document_list (project->store, error);
}

/* The id of the one document named document, or 0 with an error. */
static gint64
resolve (TeemaStore *store, const char *document, GError **error)
{
  g_autoptr (GArray) ids = teema_store__find_documents (store, document, error);
  if (!ids)
    return 0;
  if (ids->len == 1)
    return g_array_index (ids, gint64, 0);
  if (ids->len == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("no document '%s' (see 'teema document list')"), document);
    return 0;
  }
  GString *list = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? ", " : "",
                            g_array_index (ids, gint64, i));
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
               _ ("%u documents are named '%s' (ids %s): give the id"),
               ids->len, document, list->str);
  g_string_free (list, TRUE);
  return 0;
}

char *
teema_document_text (TeemaProject *project, const char *document,
                     GError **error)
{
  gint64 id = resolve (project->store, document, error);
  g_autoptr (TeemaStoreDocument) doc =
    id ? teema_store__get_document (project->store, id, error) : NULL;
  return doc ? g_steal_pointer (&doc->text) : NULL;
}

typedef struct {
  const char *document;
  gboolean dry_run;
  TeemaRemoval *removal;
} Remove;

static gboolean
write_remove (TeemaProject *p, gpointer data, GError **error)
{
  Remove *rm = data;
  gint64 id = resolve (p->store, rm->document, error);
  g_autoptr (TeemaStoreDocument) doc =
    id ? teema_store__get_document (p->store, id, error) : NULL;
  if (!doc || !teema_store__count_removal (p->store, id, 0, rm->removal, error))
    return FALSE;
  g_autoptr (GPtrArray) docs =
    doc->informant
      ? teema_store__informant_documents (p->store, doc->informant, error)
      : NULL;
  if (doc->informant && !docs)
    return FALSE;
  rm->removal->informant_removed = docs && docs->len == 1;
  if (rm->dry_run)
    return TRUE;
  if (!teema_store__delete_document (p->store, id, error))
    return FALSE;
  if (!rm->removal->informant_removed)
    return TRUE;
  gint64 inf = teema_store__find_informant (p->store, doc->informant, error);
  return inf >= 0 && teema_store__delete_informant (p->store, inf, error);
}

gboolean
teema_document_remove (TeemaProject *project, const char *document,
                       gboolean dry_run, TeemaRemoval *removal, GError **error)
{
  TeemaRemoval local = { 0 };
  Remove rm = { document, dry_run, removal ? removal : &local };
  memset (rm.removal, 0, sizeof *rm.removal);
  return teema_project__transact (project, write_remove, &rm, error);
}

typedef struct {
  const char *document, *name;
} Rename;

static gboolean
write_rename (TeemaProject *p, gpointer data, GError **error)
{
  Rename *rn = data;
  gint64 id = resolve (p->store, rn->document, error);
  if (!id)
    return FALSE;
  g_autoptr (GArray) same =
    teema_store__find_documents (p->store, rn->name, error);
  if (!same)
    return FALSE;
  for (guint i = 0; i < same->len; i++)
    if (g_array_index (same, gint64, i) != id) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                   _ ("another document is already named '%s'"), rn->name);
      return FALSE;
    }
  return teema_store__rename_document (p->store, id, rn->name, error);
}

gboolean
teema_document_rename (TeemaProject *project, const char *document,
                       const char *name, GError **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  if (!*clean) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("a document name cannot be empty"));
    return FALSE;
  }
  Rename rn = { document, clean };
  return teema_project__transact (project, write_rename, &rn, error);
}

/* ---- set aside by import --replace --------------------------------------- */

GPtrArray *
teema_aside_list (TeemaProject *project, const char *document, GError **error)
{
  gint64 id = document ? resolve (project->store, document, error) : 0;
  if (document && !id)
    return NULL;
  return teema_store__list_aside (project->store, id, error);
}

typedef struct {
  const char *document;
  guint n;
} Clear;

static gboolean
write_clear (TeemaProject *p, gpointer data, GError **error)
{
  Clear *c = data;
  gint64 id = c->document ? resolve (p->store, c->document, error) : 0;
  if (c->document && !id)
    return FALSE;
  return teema_store__clear_aside (p->store, id, &c->n, error);
}

gboolean
teema_aside_clear (TeemaProject *project, const char *document,
                   guint *n_cleared, GError **error)
{
  Clear c = { document, 0 };
  gboolean ok = teema_project__transact (project, write_clear, &c, error);
  if (n_cleared)
    *n_cleared = c.n;
  return ok;
}
