/* project/coding.c — codings made by hand: listing, adding and removing.
 *
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact). */
#include "project/project-private.h"

GPtrArray *
teema_coding_list (TeemaProject *project, const TeemaCodingFilter *filter,
                   GError **error)
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
  gint64 theme = teema_store__find_theme (p->store, c->theme, error);
  if (theme < 0)
    return FALSE;
  if (!theme) {
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
teema_coding_add (TeemaProject *project, gint64 segment_id, const char *theme,
                  const char *coder, gboolean *added, GError **error)
{
  CodingChange c = { segment_id, theme, coder, TRUE, FALSE };
  gboolean ok = teema_project__transact (project, write_coding, &c, error);
  if (added)
    *added = c.changed;
  return ok;
}

gboolean
teema_coding_remove (TeemaProject *project, gint64 segment_id,
                     const char *theme, const char *coder, gboolean *removed,
                     GError **error)
{
  CodingChange c = { segment_id, theme, coder, FALSE, FALSE };
  gboolean ok = teema_project__transact (project, write_coding, &c, error);
  if (removed)
    *removed = c.changed;
  return ok;
}
