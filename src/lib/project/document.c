/* project/document.c — documents already in a project: listing them.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

GPtrArray *
teema_document_list (TeemaProject *project, GError **error)
{
  return teema_store__document_list (project->store, error);
}
