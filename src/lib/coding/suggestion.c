/* coding/suggestion.c — rule suggestions for a human coder and the coder's
 * rejections of them.
 *
 * A suggestion is a rule coding (coder "rules") of a segment that the
 * coder has neither coded with the same theme nor rejected. They are
 * computed by the store in one query, so a script (teema suggestions) and
 * the terminal coder see the same list in the same order.
 * Must always hold: each write is one transaction of its own. */
#include "coding/coding-private.h"

typedef struct {
  gint64 segment_id;
  const char *theme, *coder;
  gboolean rejected;
} Rejection;

static gboolean
write_rejected (TeemaProject *p, gpointer data, GError **error)
{
  Rejection *c = data;
  g_autofree char *theme = teema_project__theme_code (p, c->theme, error);
  return theme && teema_project__check_segment (p, c->segment_id, error)
         && teema_store__set_rejected (p->store, c->segment_id, theme, c->coder,
                                       c->rejected, error);
}

gboolean
teema_rejection_set (TeemaProject *project, gint64 segment_id,
                     const char *theme, const char *coder, gboolean rejected,
                     GError **error)
{
  Rejection c = { segment_id, theme, coder, rejected };
  return teema_project__transact (project, write_rejected, &c, error);
}

GPtrArray *
teema_rejection_list (TeemaProject *project, const char *coder, GError **error)
{
  return teema_store__list_rejections (project->store, coder, error);
}
