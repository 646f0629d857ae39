/* review.c — memos, rejected rule suggestions and rule-hit highlights for
 * the interactive coder.
 *
 * Must always hold: each write is one transaction of its own (the coder's
 * session may be killed between any two keys); highlights come from the
 * same compiled codebook and analyser as autocode, so what is highlighted
 * is exactly what the rules would code. */
#include "autocode-private.h"
#include "project-private.h"
#include "store/store-review.h"

#include <string.h>

void
teema_memo_free (TeemaMemo *m)
{
  if (!m)
    return;
  g_free (m->coder);
  g_free (m->text);
  g_free (m->updated_at);
  g_free (m->informant);
  g_free (m);
}

char *
teema_project_get_memo (TeemaProject *project, gint64 segment_id,
                        const char *coder, GError **error)
{
  return teema_store__get_memo (project->store, segment_id, coder, error);
}

typedef struct {
  gint64 segment_id;
  const char *coder, *text, *theme;
  gboolean rejected;
} ReviewChange;

static gboolean
check_segment (TeemaProject *p, gint64 id, GError **error)
{
  g_autoptr (TeemaSegment) seg = teema_store__get_segment (p->store, id, error);
  return seg != NULL;
}

static gboolean
write_memo (TeemaProject *p, gpointer data, GError **error)
{
  ReviewChange *c = data;
  return check_segment (p, c->segment_id, error)
         && teema_store__set_memo (p->store, c->segment_id, c->coder, c->text,
                                   NULL, error);
}

gboolean
teema_project_set_memo (TeemaProject *project, gint64 segment_id,
                        const char *coder, const char *text, GError **error)
{
  ReviewChange c = { segment_id, coder, text, NULL, FALSE };
  return teema_project__transact (project, write_memo, &c, error);
}

GPtrArray *
teema_project_list_memos (TeemaProject *project, const char *coder,
                          GError **error)
{
  return teema_store__list_memos (project->store, coder, error);
}

GPtrArray *
teema_project_filter_memos (TeemaProject *project,
                            const TeemaMemoFilter *filter, GError **error)
{
  return teema_store__list_memos_for (project->store,
                                      filter ? filter->coder : NULL,
                                      filter ? filter->informant : NULL, error);
}

static gboolean
write_rejected (TeemaProject *p, gpointer data, GError **error)
{
  ReviewChange *c = data;
  return check_segment (p, c->segment_id, error)
         && teema_store__set_rejected (p->store, c->segment_id, c->theme,
                                       c->coder, c->rejected, error);
}

gboolean
teema_project_set_rejected (TeemaProject *project, gint64 segment_id,
                            const char *theme, const char *coder,
                            gboolean rejected, GError **error)
{
  ReviewChange c = { segment_id, coder, NULL, theme, rejected };
  return teema_project__transact (project, write_rejected, &c, error);
}

GPtrArray *
teema_project_list_rejections (TeemaProject *project, const char *coder,
                               GError **error)
{
  return teema_store__list_rejections (project->store, coder, error);
}

/* ---- highlights ---------------------------------------------------------- */

struct TeemaHighlighter {
  TeemaCodebook *codebook; /* the compiled rules point into it */
  TeemaAnalyzer *analyzer;
  TeemaCompiled *compiled;
};

TeemaHighlighter *
teema_highlighter_new (TeemaProject *project, GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_project_get_codebook (project, error);
  if (!cb)
    return NULL;
  g_autoptr (TeemaAnalyzer) az =
    teema_autocode__analyzer (project, NULL, FALSE, NULL, error);
  if (!az)
    return NULL;
  TeemaCompiled *compiled = teema_autocode__compile (cb, az, error);
  if (!compiled)
    return NULL;
  TeemaHighlighter *h = g_new0 (TeemaHighlighter, 1);
  h->codebook = g_steal_pointer (&cb);
  h->analyzer = g_steal_pointer (&az);
  h->compiled = compiled;
  return h;
}

void
teema_highlighter_free (TeemaHighlighter *h)
{
  if (!h)
    return;
  teema_autocode__free (h->compiled);
  teema_analyzer_free (h->analyzer);
  teema_codebook_free (h->codebook);
  g_free (h);
}

static gint
by_start (gconstpointer a, gconstpointer b)
{
  const TeemaHighlight *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

GArray *
teema_highlighter_hits (TeemaHighlighter *h, const TeemaSegment *seg)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaHighlight));
  g_autoptr (GArray) tokens =
    teema_analyzer_tokenize (h->analyzer, seg->text, -1);
  g_autoptr (GPtrArray) items = teema_autocode__items_new ();
  teema_autocode__segment (h->compiled, seg, tokens, items);
  for (guint i = 0; i < items->len; i++) {
    TeemaAutocodeItem *it = items->pdata[i];
    const TeemaTheme *t = teema_codebook_lookup (h->codebook, it->theme);
    for (guint k = 0; k < it->hits->len; k++) {
      TeemaAutocodeHit *hit = it->hits->pdata[k];
      /* Autocode reports document offsets; highlights are in the text. */
      TeemaHighlight hl = { hit->start - seg->start, hit->end - seg->start,
                            t ? t->code : g_intern_string (it->theme) };
      g_array_append_val (out, hl);
    }
  }
  g_array_sort (out, by_start);
  return out;
}
