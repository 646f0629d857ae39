/* coding/memo.c — a coder's memo per segment.
 *
 * Must always hold: each write is one transaction of its own (the coder's
 * session may be killed between any two keys). */
#include "coding/coding-private.h"

char *
teema_memo_get (TeemaProject *project, gint64 segment_id, const char *coder,
                GError **error)
{
  return teema_store__get_memo (project->store, segment_id, coder, error);
}

typedef struct {
  gint64 segment_id;
  const char *coder, *text;
} MemoChange;

static gboolean
write_memo (TeemaProject *p, gpointer data, GError **error)
{
  MemoChange *c = data;
  return teema_project__check_segment (p, c->segment_id, error)
         && teema_store__set_memo (p->store, c->segment_id, c->coder, c->text,
                                   NULL, error);
}

gboolean
teema_memo_set (TeemaProject *project, gint64 segment_id, const char *coder,
                const char *text, GError **error)
{
  MemoChange c = { segment_id, coder, text };
  return teema_project__transact (project, write_memo, &c, error);
}

GPtrArray *
teema_memo_list (TeemaProject *project, const TeemaMemoFilter *filter,
                 GError **error)
{
  return teema_store__list_memos (project->store, filter ? filter->coder : NULL,
                                  filter ? filter->informant : NULL, error);
}
