/* project/coding.c — codings made by hand: listing, adding and removing,
 * of a whole segment or of a part of its text.
 *
 * A theme may be named by id or label; the coding stores the id. A part
 * is given in code points of the segment's text and stored as document
 * offsets, like every coding.
 * Must always hold: each public function that writes runs in exactly one
 * transaction (teema_project__transact); no coding is made on an
 * interviewer turn, and a coding lies inside its segment. */
#include "project/project-private.h"

GPtrArray *
teema_coding_list (TeemaProject *project, const TeemaCodingFilter *filter,
                   GError **error)
{
  if (!filter || !filter->theme)
    return teema_store__list_codings (project->store, filter, error);
  g_autofree char *code =
    teema_project__theme_code (project, filter->theme, error);
  if (!code)
    return NULL;
  TeemaCodingFilter f = *filter;
  f.theme = code;
  return teema_store__list_codings (project->store, &f, error);
}

#define WHOLE G_MAXUINT

typedef struct {
  gint64 segment_id;
  const char *theme, *coder;
  guint from, to; /* code points of the segment's text; to WHOLE: its end */
  gboolean add;
  gboolean exact; /* remove only the coding of exactly [from, to) */
  gboolean changed;
} CodingChange;

/* The document span of [from, to) in seg; FALSE with an error when it is
 * not inside the segment's text. */
static gboolean
span_of (const TeemaSegment *seg, const CodingChange *c, guint *start,
         guint *end, GError **error)
{
  guint len = seg->end - seg->start;
  guint to = c->to == WHOLE ? len : c->to;
  if (c->from >= to || to > len) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("characters %u-%u are not inside segment %lld (its text "
                    "has %u characters, counted from 0)"),
                 c->from, to, (long long) seg->id, len);
    return FALSE;
  }
  *start = seg->start + c->from;
  *end = seg->start + to;
  return TRUE;
}

static gboolean
write_coding (TeemaProject *p, gpointer data, GError **error)
{
  CodingChange *c = data;
  g_autoptr (TeemaSegment) seg =
    teema_store__get_segment (p->store, c->segment_id, error);
  if (!seg)
    return FALSE;
  g_autofree char *theme = teema_project__theme_code (p, c->theme, error);
  if (!theme)
    return FALSE;
  guint start = 0, end = 0;
  if ((c->add || c->exact) && !span_of (seg, c, &start, &end, error))
    return FALSE;
  if (c->add && seg->interviewer) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("segment %lld is an interviewer turn (%s); interviewer "
                    "turns are not coded or counted (see 'teema segments' "
                    "for the informants' turns)"),
                 (long long) seg->id, seg->speaker);
    return FALSE;
  }
  if (c->add)
    return teema_store__add_coding (p->store, c->segment_id, theme, c->coder,
                                    start, end, NULL, &c->changed, error);
  if (c->exact)
    return teema_store__remove_coding_span (
      p->store, c->segment_id, theme, c->coder, start, end, &c->changed, error);
  return teema_store__remove_coding (p->store, c->segment_id, theme, c->coder,
                                     &c->changed, error);
}

static gboolean
change (TeemaProject *project, CodingChange *c, gboolean *changed,
        GError **error)
{
  gboolean ok = teema_project__transact (project, write_coding, c, error);
  if (changed)
    *changed = ok && c->changed;
  return ok;
}

gboolean
teema_coding_add (TeemaProject *project, gint64 segment_id, const char *theme,
                  const char *coder, gboolean *added, GError **error)
{
  CodingChange c = { segment_id, theme, coder, 0, WHOLE, TRUE, FALSE, FALSE };
  return change (project, &c, added, error);
}

gboolean
teema_coding_add_range (TeemaProject *project, gint64 segment_id,
                        const char *theme, const char *coder, guint from,
                        guint to, gboolean *added, GError **error)
{
  CodingChange c = { segment_id, theme, coder, from, to, TRUE, FALSE, FALSE };
  return change (project, &c, added, error);
}

gboolean
teema_coding_remove (TeemaProject *project, gint64 segment_id,
                     const char *theme, const char *coder, gboolean *removed,
                     GError **error)
{
  CodingChange c = { segment_id, theme, coder, 0, WHOLE, FALSE, FALSE, FALSE };
  return change (project, &c, removed, error);
}

gboolean
teema_coding_remove_range (TeemaProject *project, gint64 segment_id,
                           const char *theme, const char *coder, guint from,
                           guint to, gboolean *removed, GError **error)
{
  CodingChange c = { segment_id, theme, coder, from, to, FALSE, TRUE, FALSE };
  return change (project, &c, removed, error);
}
