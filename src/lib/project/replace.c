/* project/replace.c — import --replace: an edited transcript in place of
 * the document of the same name, keeping what the coders did.
 *
 * The old and new texts are diffed word by word (project/anchor.c). Each
 * coding is carried to the new segment that holds most of its words, with
 * its theme, coder, note and creation time; a coding of a whole segment
 * stays a coding of the whole new segment. Memos and rejected suggestions
 * follow their segment. What has lost most of its words is set aside in
 * the aside table with the text it was on, for the coder to see
 * ('teema document aside') and code again. The document keeps its id,
 * name and informant (unless an option or its header names another).
 * Must always hold: every old coding and memo is either carried over or
 * set aside; planning writes nothing, so a check can report the plan. */
#include "project/import-private.h"
#include "project/anchor-private.h"

#include <string.h>

typedef struct {
  gint seg;         /* index into the new segments, or -1: set aside */
  guint start, end; /* the new span */
} Place;

struct TeemaReplace {
  gint64 doc;
  TeemaStoreDocument *old;
  GPtrArray *old_segs;                                 /* TeemaSegment * */
  GPtrArray *codings;                                  /* TeemaCoding * */
  GPtrArray *memos;                                    /* TeemaMemo * */
  GPtrArray *rejections;                               /* TeemaCoding * */
  GArray *coding_place, *memo_place, *rejection_place; /* Place */
};

void
teema_replace__free (TeemaReplace *rp)
{
  if (!rp)
    return;
  teema_store_document__free (rp->old);
  g_clear_pointer (&rp->old_segs, g_ptr_array_unref);
  g_clear_pointer (&rp->codings, g_ptr_array_unref);
  g_clear_pointer (&rp->memos, g_ptr_array_unref);
  g_clear_pointer (&rp->rejections, g_ptr_array_unref);
  g_clear_pointer (&rp->coding_place, g_array_unref);
  g_clear_pointer (&rp->memo_place, g_array_unref);
  g_clear_pointer (&rp->rejection_place, g_array_unref);
  g_free (rp);
}

gint64
teema_replace__document (const TeemaReplace *rp)
{
  return rp->doc;
}

static gint64
find_one (TeemaStore *store, const TeemaPrepared *p, GError **error)
{
  g_autoptr (GArray) ids = teema_store__find_documents (store, p->name, error);
  if (!ids)
    return 0;
  if (ids->len == 1)
    return g_array_index (ids, gint64, 0);
  if (ids->len == 0)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("%s: no document named '%s' to replace (see 'teema "
                    "document list'); import it without --replace"),
                 p->path, p->name);
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("%s: %u documents are named '%s'; give one another name "
                    "with 'teema document rename' first"),
                 p->path, ids->len, p->name);
  return 0;
}

static gboolean
load (TeemaStore *store, TeemaReplace *rp, GError **error)
{
  return (rp->old = teema_store__get_document (store, rp->doc, error))
         && (rp->old_segs =
               teema_store__document_segments (store, rp->doc, error))
         && (rp->codings =
               teema_store__document_codings (store, rp->doc, error))
         && (rp->memos = teema_store__document_memos (store, rp->doc, error))
         && (rp->rejections =
               teema_store__document_rejections (store, rp->doc, error));
}

static const TeemaSegment *
old_segment (const TeemaReplace *rp, gint64 id)
{
  for (guint i = 0; i < rp->old_segs->len; i++)
    if (((TeemaSegment *) rp->old_segs->pdata[i])->id == id)
      return rp->old_segs->pdata[i];
  return NULL;
}

/* Where the old span lands: the new segment holding most of it. */
static Place
place (const TeemaAnchorMap *map, GPtrArray *segs, guint start, guint end,
       gboolean whole)
{
  Place out = { -1, 0, 0 };
  guint ns, ne, best = 0;
  if (!teema_anchor_map__span (map, start, end, &ns, &ne))
    return out;
  for (guint i = 0; i < segs->len; i++) {
    const TeemaSegment *s = segs->pdata[i];
    guint lo = MAX (ns, s->start), hi = MIN (ne, s->end);
    if (hi > lo && hi - lo > best) {
      best = hi - lo;
      out.seg = (gint) i;
      out.start = whole ? s->start : lo;
      out.end = whole ? s->end : hi;
    }
  }
  return out;
}

static GArray *
place_all (const TeemaReplace *rp, const TeemaAnchorMap *map, GPtrArray *segs,
           GPtrArray *items, gboolean memos)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Place));
  for (guint i = 0; i < items->len; i++) {
    gint64 seg_id = memos ? ((TeemaMemo *) items->pdata[i])->segment_id
                          : ((TeemaCoding *) items->pdata[i])->segment_id;
    const TeemaSegment *old = old_segment (rp, seg_id);
    const TeemaCoding *c = memos ? NULL : items->pdata[i];
    guint start = c && c->end > c->start ? c->start : old->start;
    guint end = c && c->end > c->start ? c->end : old->end;
    gboolean whole = start <= old->start && end >= old->end;
    Place pl = place (map, segs, start, end, whole);
    g_array_append_val (places, pl);
  }
  return places;
}

TeemaReplace *
teema_replace__plan (TeemaStore *store, TeemaPrepared *p, GError **error)
{
  g_autoptr (TeemaReplace) rp = g_new0 (TeemaReplace, 1);
  if (!(rp->doc = find_one (store, p, error)) || !load (store, rp, error))
    return NULL;
  gboolean explicit = p->from == TEEMA_INFORMANT_FROM_OPTION
                      || p->from == TEEMA_INFORMANT_FROM_HEADER;
  if (!explicit && rp->old->informant) {
    g_free (p->informant);
    p->informant = g_strdup (rp->old->informant);
    p->from = TEEMA_INFORMANT_FROM_DOCUMENT;
  }
  const char *text = teema_transcript_text (p->transcript);
  g_autoptr (TeemaAnchorMap) map = teema_anchor_map__new (rp->old->text, text);
  rp->coding_place = place_all (rp, map, p->segments, rp->codings, FALSE);
  rp->memo_place = place_all (rp, map, p->segments, rp->memos, TRUE);
  rp->rejection_place = place_all (rp, map, p->segments, rp->rejections, FALSE);
  return g_steal_pointer (&rp);
}

static guint
n_placed (GArray *places)
{
  guint n = 0;
  for (guint i = 0; i < places->len; i++)
    n += g_array_index (places, Place, i).seg >= 0;
  return n;
}

void
teema_replace__report (const TeemaReplace *rp, TeemaImportResult *r)
{
  r->replaced_name = g_strdup (rp->old->name);
  r->n_codings_kept = n_placed (rp->coding_place);
  r->n_codings_aside = rp->codings->len - r->n_codings_kept;
  r->n_memos_kept = n_placed (rp->memo_place);
  r->n_memos_aside = rp->memos->len - r->n_memos_kept;
}

/* ---- writing ------------------------------------------------------------- */

static char *
old_text (const TeemaReplace *rp, guint start, guint end)
{
  return g_utf8_substring (rp->old->text, start, end);
}

static gboolean
write_codings (TeemaStore *store, TeemaReplace *rp, GPtrArray *segs,
               GError **error)
{
  for (guint i = 0; i < rp->codings->len; i++) {
    const TeemaCoding *c = rp->codings->pdata[i];
    const Place *pl = &g_array_index (rp->coding_place, Place, i);
    if (pl->seg >= 0) {
      const TeemaSegment *s = segs->pdata[pl->seg];
      if (!teema_store__insert_coding_at (store, s->id, c->theme, c->coder,
                                          pl->start, pl->end, c->created_at,
                                          c->note, NULL, error))
        return FALSE;
      continue;
    }
    g_autofree char *was = old_text (rp, c->start, c->end);
    if (!teema_store__insert_aside (store, rp->doc, "coding", c->theme,
                                    c->coder, was, c->note, c->created_at,
                                    error))
      return FALSE;
  }
  return TRUE;
}

/* Memos of one coder landing on one new segment are joined. */
static gboolean
write_memos (TeemaStore *store, TeemaReplace *rp, GPtrArray *segs,
             GError **error)
{
  g_autoptr (GHashTable) joined =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < rp->memos->len; i++) {
    const TeemaMemo *m = rp->memos->pdata[i];
    const Place *pl = &g_array_index (rp->memo_place, Place, i);
    if (pl->seg < 0) {
      const TeemaSegment *old = old_segment (rp, m->segment_id);
      if (!teema_store__insert_aside (store, rp->doc, "memo", NULL, m->coder,
                                      old->text, m->text, m->updated_at, error))
        return FALSE;
      continue;
    }
    const TeemaSegment *s = segs->pdata[pl->seg];
    char *key = g_strdup_printf ("%d\x1f%s", pl->seg, m->coder);
    g_autofree char *before =
      g_hash_table_contains (joined, key)
        ? teema_store__get_memo (store, s->id, m->coder, NULL)
        : NULL;
    g_autofree char *text =
      before ? g_strconcat (before, "\n\n", m->text, NULL) : g_strdup (m->text);
    g_hash_table_add (joined, key);
    if (!teema_store__set_memo (store, s->id, m->coder, text, m->updated_at,
                                error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
write_rejections (TeemaStore *store, TeemaReplace *rp, GPtrArray *segs,
                  GError **error)
{
  for (guint i = 0; i < rp->rejections->len; i++) {
    const TeemaCoding *c = rp->rejections->pdata[i];
    const Place *pl = &g_array_index (rp->rejection_place, Place, i);
    if (pl->seg >= 0
        && !teema_store__set_rejected (
          store, ((TeemaSegment *) segs->pdata[pl->seg])->id, c->theme,
          c->coder, TRUE, error))
      return FALSE;
  }
  return TRUE;
}

/* A header that names another informant moves the document; the old
 * informant goes when it has no document left, as with a removal, so that
 * "k of n informants" does not count it. */
static gboolean
drop_left_informant (TeemaStore *store, const TeemaReplace *rp,
                     const TeemaPrepared *p, GError **error)
{
  const char *old = rp->old->informant;
  if (!old || g_str_equal (old, p->informant))
    return TRUE;
  g_autoptr (GPtrArray) docs =
    teema_store__informant_documents (store, old, error);
  if (!docs)
    return FALSE;
  if (docs->len > 0)
    return TRUE;
  gint64 id = teema_store__find_informant (store, old, error);
  return id >= 0 && teema_store__delete_informant (store, id, error);
}

/* The new text and segments, their words in the index, and the document's
 * counts. */
static gboolean
write_text (TeemaStore *store, TeemaWordIndexer *words, TeemaReplace *rp,
            TeemaPrepared *p, gint64 informant_id, const char *segmentation,
            GError **error)
{
  const char *text = teema_transcript_text (p->transcript);
  if (!teema_store__delete_segments (store, rp->doc, error)
      || !teema_store__update_document (store, rp->doc, p->path, p->sha256,
                                        text,
                                        (guint) teema__utf8_length (text, -1),
                                        informant_id, segmentation, error))
    return FALSE;
  teema_words__begin (words);
  for (guint i = 0; i < p->segments->len; i++) {
    TeemaSegment *s = p->segments->pdata[i];
    s->document_id = rp->doc;
    if (!(s->id = teema_store__insert_segment (store, s, error)))
      return FALSE;
    teema_words__add_read (words, i, s->id, s->interviewer);
  }
  return teema_words__end (words, rp->doc, error)
         && teema_store__count_document (store, rp->doc, error);
}

gboolean
teema_replace__write (TeemaStore *store, TeemaWordIndexer *words,
                      TeemaReplace *rp, TeemaPrepared *p, gint64 informant_id,
                      const char *segmentation, GError **error)
{
  return write_text (store, words, rp, p, informant_id, segmentation, error)
         && write_codings (store, rp, p->segments, error)
         && write_memos (store, rp, p->segments, error)
         && write_rejections (store, rp, p->segments, error)
         && drop_left_informant (store, rp, p, error);
}
