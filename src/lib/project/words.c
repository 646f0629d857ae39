/* project/words.c — building the word index: for every segment, the word
 * forms it contains, as ids into the project's vocabulary, with counts,
 * stored as one blob per document.
 *
 * A form is the token's text folded exactly as tokenising folds it
 * (teema_text__fold_token), so analysing a stored form gives the token's
 * analysis. Forms need no analyser: the index is built at import, from
 * the one word segmentation that also counts the segment's words, and it
 * stays right whichever analyser later reads it. A suspended compound part
 * ("asiakaskokemuksen ja -polun") is analysed together with the words
 * before it, so a segment with one is marked and read from its text.
 *
 * Encoding of a document's words: varint number of segments, then per
 * segment varint (id - previous id), varint flags (TEEMA_WORDS_*), varint
 * number of forms, and per form in ascending id order varint (id -
 * previous id) and varint count.
 * A document's totals (what keyness reads: one list per document, not one
 * per turn) are encoded the same way, as one segment 0 whose words are
 * those of every informant turn summed; then follow the suspended parts of
 * those turns, whose words depend on the words before them: varint number
 * of parts, and per part, in text order, varint n (the tokens before it in
 * its turn, at most three), varint its word id, and n times, nearest
 * first, varint 0 for a token that is itself a suspended part (the part
 * before this one) or else its word id.
 * Must always hold: every document imported has its words and totals;
 * decoding what was encoded gives the same segments and (id, count)
 * lists; the totals are those of the words stored with them. */
#include "project/project-private.h"
#include "text/text-private.h"

#include <string.h>

struct TeemaWordIndexer {
  TeemaStore *store;
  GHashTable *ids; /* form (in forms) -> gint64 * id */
  GStringChunk *forms;
  GArray *scratch; /* gint64 word ids of the segment read last */
  guint flags;     /* of the segment read last */
  GByteArray *seg; /* the segments of the current document */
  guint n_segments;
  gint64 prev_segment;
  GByteArray *blob;   /* the document's encoding */
  GByteArray *totals; /* and its totals */
  GArray *counts;     /* TeemaWordCount of the segment added last */
  GArray *read_ids;   /* gint64 word ids of the segments read_segments read */
  GArray *read_at;    /* per such segment: ReadSpan */
};

typedef struct {
  guint first, n; /* its ids in read_ids */
  guint flags;
} ReadSpan;

static void
put_varint (GByteArray *out, guint64 v)
{
  guint8 b[10];
  guint n = 0;
  do {
    b[n] = (guint8) (v & 0x7f);
    v >>= 7;
    if (v)
      b[n] |= 0x80;
    n++;
  } while (v);
  g_byte_array_append (out, b, n);
}

static inline gboolean
get_varint (const guint8 **p, const guint8 *end, guint64 *v)
{
  /* Most ids' deltas and counts fit in one byte. */
  if (*p < end && !(**p & 0x80)) {
    *v = *(*p)++;
    return TRUE;
  }
  *v = 0;
  for (guint shift = 0; *p < end && shift < 64; shift += 7) {
    guint8 b = *(*p)++;
    *v |= (guint64) (b & 0x7f) << shift;
    if (!(b & 0x80))
      return TRUE;
  }
  return FALSE;
}

void
teema_words__reader_init (TeemaWordsReader *r, const guint8 *data, gsize len)
{
  guint64 n = 0;
  r->p = data;
  r->end = data ? data + len : data; /* an empty blob may come as NULL */
  r->segment = 0;
  r->bad = len > 0 && !get_varint (&r->p, r->end, &n);
  r->left = (guint) n;
}

gboolean
teema_words__next (TeemaWordsReader *r, gint64 *segment, guint *flags,
                   GArray *out)
{
  if (r->bad || r->left == 0)
    return FALSE;
  guint64 delta = 0, f = 0, n = 0;
  if (!get_varint (&r->p, r->end, &delta) || !get_varint (&r->p, r->end, &f)
      || !get_varint (&r->p, r->end, &n) || n > (guint64) (r->end - r->p)
      || delta > (guint64) (G_MAXINT64 - r->segment) || f > G_MAXUINT) {
    r->bad = TRUE;
    return FALSE;
  }
  r->left--;
  r->segment += (gint64) delta;
  *segment = r->segment;
  *flags = (guint) f;
  g_array_set_size (out, (guint) n);
  TeemaWordCount *w = (TeemaWordCount *) out->data;
  guint64 id = 0;
  /* The position in a local, so that writing w does not reload it. */
  const guint8 *p = r->p;
  for (guint i = 0; i < n; i++) {
    guint64 d = 0, count = 0;
    if (!get_varint (&p, r->end, &d) || !get_varint (&p, r->end, &count)
        || d > G_MAXINT64 - id || count > G_MAXUINT) {
      r->bad = TRUE; /* (ids past what a database holds: damaged) */
      return FALSE;
    }
    id += d;
    w[i].word = (gint64) id;
    w[i].count = (guint) count;
  }
  r->p = p;
  return TRUE;
}

static void
remember (gint64 id, const char *form, const char *data, gpointer user_data)
{
  TeemaWordIndexer *ix = user_data;
  g_hash_table_insert (ix->ids, g_string_chunk_insert (ix->forms, form),
                       g_memdup2 (&id, sizeof id));
}

TeemaWordIndexer *
teema_words__indexer_new (TeemaStore *store, GError **error)
{
  TeemaWordIndexer *ix = g_new0 (TeemaWordIndexer, 1);
  ix->store = store;
  ix->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ix->forms = g_string_chunk_new (64 * 1024);
  ix->scratch = g_array_new (FALSE, FALSE, sizeof (gint64));
  ix->seg = g_byte_array_new ();
  ix->blob = g_byte_array_new ();
  ix->totals = g_byte_array_new ();
  ix->counts = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  ix->read_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ix->read_at = g_array_new (FALSE, FALSE, sizeof (ReadSpan));
  if (!teema_store__load_words (store, remember, ix, error)) {
    teema_words__indexer_free (ix);
    return NULL;
  }
  return ix;
}

void
teema_words__indexer_free (TeemaWordIndexer *ix)
{
  if (!ix)
    return;
  g_hash_table_destroy (ix->ids);
  g_string_chunk_free (ix->forms);
  g_array_unref (ix->scratch);
  g_byte_array_unref (ix->seg);
  g_byte_array_unref (ix->blob);
  g_byte_array_unref (ix->totals);
  g_array_unref (ix->counts);
  g_array_unref (ix->read_ids);
  g_array_unref (ix->read_at);
  g_free (ix);
}

static gint64
known_id (const char *form, gpointer data)
{
  TeemaWordIndexer *ix = data;
  const gint64 *id = g_hash_table_lookup (ix->ids, form);
  return id ? *id : 0;
}

/* The id of a form, added to the vocabulary when new; 0 on error. */
static gint64
word_id (TeemaWordIndexer *ix, const char *form, GError **error)
{
  const gint64 *id = g_hash_table_lookup (ix->ids, form);
  if (id)
    return *id;
  gint64 fresh = teema_store__insert_word (ix->store, form, error);
  if (fresh)
    remember (fresh, form, NULL, ix);
  return fresh;
}

/* Insertion sort: a segment has tens of words, where qsort's calls cost
 * more than the moves. */
static void
sort_ids (gint64 *v, guint n)
{
  for (guint i = 1; i < n; i++) {
    gint64 x = v[i];
    guint j = i;
    for (; j > 0 && v[j - 1] > x; j--)
      v[j] = v[j - 1];
    v[j] = x;
  }
}

void
teema_words__begin (TeemaWordIndexer *ix)
{
  g_byte_array_set_size (ix->seg, 0);
  ix->n_segments = 0;
  ix->prev_segment = 0;
}

guint
teema_words__read (TeemaWordIndexer *ix, const char *text, GError **error)
{
  g_autoptr (GArray) raw = teema_text__split (text, -1);
  ix->flags = 0;
  g_array_set_size (ix->scratch, 0);
  for (guint i = 0; i < raw->len; i++) {
    const TeemaRawToken *r = &g_array_index (raw, TeemaRawToken, i);
    char buf[256];
    char *form = teema_text__fold_token (
      text + r->byte_start, r->byte_end - r->byte_start, buf, sizeof buf);
    gint64 id = word_id (ix, form, error);
    if (form != buf)
      g_free (form);
    if (!id)
      return G_MAXUINT;
    if (r->flags & TEEMA_TOKEN_SUSPENDED)
      ix->flags |= TEEMA_WORDS_SUSPENDED;
    g_array_append_val (ix->scratch, id);
  }
  return raw->len;
}

/* One segment's entry: its id's delta, flags and words (ascending ids). */
static void
put_segment (GByteArray *out, gint64 delta, guint flags,
             const TeemaWordCount *w, guint n)
{
  put_varint (out, (guint64) delta);
  put_varint (out, flags);
  put_varint (out, n);
  gint64 prev = 0;
  for (guint i = 0; i < n; i++) {
    put_varint (out, (guint64) (w[i].word - prev));
    put_varint (out, w[i].count);
    prev = w[i].word;
  }
}

void
teema_words__add (TeemaWordIndexer *ix, gint64 segment_id, gboolean interviewer)
{
  GArray *ids = ix->scratch;
  sort_ids ((gint64 *) ids->data, ids->len);
  g_array_set_size (ix->counts, 0);
  for (guint i = 0; i < ids->len;) {
    TeemaWordCount w = { g_array_index (ids, gint64, i), 0 };
    for (; i < ids->len && g_array_index (ids, gint64, i) == w.word; i++)
      w.count++;
    g_array_append_val (ix->counts, w);
  }
  put_segment (ix->seg, segment_id - ix->prev_segment,
               ix->flags | (interviewer ? TEEMA_WORDS_INTERVIEWER : 0u),
               (const TeemaWordCount *) ix->counts->data, ix->counts->len);
  ix->prev_segment = segment_id;
  ix->n_segments++;
}

gboolean
teema_words__read_segments (TeemaWordIndexer *ix, GPtrArray *segments,
                            GError **error)
{
  g_array_set_size (ix->read_ids, 0);
  g_array_set_size (ix->read_at, 0);
  for (guint i = 0; i < segments->len; i++) {
    TeemaSegment *s = segments->pdata[i];
    s->n_words = teema_words__read (ix, s->text, error);
    if (s->n_words == G_MAXUINT)
      return FALSE;
    ReadSpan at = { ix->read_ids->len, ix->scratch->len, ix->flags };
    g_array_append_vals (ix->read_ids, ix->scratch->data, ix->scratch->len);
    g_array_append_val (ix->read_at, at);
  }
  return TRUE;
}

void
teema_words__add_read (TeemaWordIndexer *ix, guint i, gint64 segment_id,
                       gboolean interviewer)
{
  const ReadSpan *at = &g_array_index (ix->read_at, ReadSpan, i);
  g_array_set_size (ix->scratch, 0);
  g_array_append_vals (ix->scratch,
                       &g_array_index (ix->read_ids, gint64, at->first), at->n);
  ix->flags = at->flags;
  teema_words__add (ix, segment_id, interviewer);
}

static int
word_compare (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const TeemaWordCount *) a)->word;
  gint64 y = ((const TeemaWordCount *) b)->word;
  return (x > y) - (x < y);
}

/* The word id of one of text's tokens, or 0 when unknown. */
static gint64
token_id (const char *text, const TeemaRawToken *r, TeemaFormIdFunc id_of,
          gpointer data)
{
  char buf[256];
  char *form = teema_text__fold_token (
    text + r->byte_start, r->byte_end - r->byte_start, buf, sizeof buf);
  gint64 id = id_of (form, data);
  if (form != buf)
    g_free (form);
  return id;
}

/* The suspended parts of a turn's text, as the totals encode them; -1
 * when a word is not in the vocabulary. */
static int
put_parts (GByteArray *out, const char *text, TeemaFormIdFunc id_of,
           gpointer data)
{
  g_autoptr (GArray) raw = teema_text__split (text, -1);
  const TeemaRawToken *t = (const TeemaRawToken *) raw->data;
  int parts = 0;
  for (guint i = 0; i < raw->len; i++) {
    if (!(t[i].flags & TEEMA_TOKEN_SUSPENDED))
      continue;
    guint n = MIN (i, 3u);
    put_varint (out, n);
    for (guint back = 0; back <= n; back++) {
      const TeemaRawToken *r = &t[i - back];
      gint64 id = 0; /* a part before: 0 */
      if (!back || !(r->flags & TEEMA_TOKEN_SUSPENDED)) {
        id = token_id (text, r, id_of, data);
        if (id <= 0)
          return -1;
      }
      put_varint (out, (guint64) id);
    }
    parts++;
  }
  return parts;
}

gboolean
teema_words__totals (TeemaStore *store, gint64 document_id, const guint8 *words,
                     gsize len, TeemaFormIdFunc id_of, gpointer id_data,
                     GByteArray *out, GError **error)
{
  /* Summed by id in a dense array; the ids met, sorted at the end. */
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GArray) met = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (TeemaWordCount));
  g_autoptr (GByteArray) parts = g_byte_array_new ();
  guint n_parts = 0;
  gint64 segment = 0;
  guint flags = 0;
  TeemaWordsReader r;
  teema_words__reader_init (&r, words, len);
  while (teema_words__next (&r, &segment, &flags, one)) {
    if (flags & TEEMA_WORDS_INTERVIEWER)
      continue;
    for (guint i = 0; i < one->len; i++) {
      const TeemaWordCount *w = &g_array_index (one, TeemaWordCount, i);
      if (w->word <= 0 || w->word >= G_MAXINT)
        return teema_words__corrupt (document_id, error);
      guint id = (guint) w->word;
      if (!w->count)
        continue;
      if (id >= sums->len)
        g_array_set_size (sums, MAX (id + 1, sums->len * 2));
      guint *sum = &g_array_index (sums, guint, id);
      if (!*sum)
        g_array_append_val (met, *w);
      *sum += w->count;
    }
    if (flags & TEEMA_WORDS_SUSPENDED) {
      GError *local = NULL;
      g_autofree char *text =
        teema_store__segment_text (store, segment, &local);
      if (!text
          && g_error_matches (local, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND)) {
        g_error_free (local); /* the index names a segment that is not */
        return teema_words__corrupt (document_id, error);
      }
      if (!text) {
        g_propagate_error (error, local);
        return FALSE;
      }
      int n = put_parts (parts, text, id_of, id_data);
      if (n < 0)
        return teema_words__corrupt (document_id, error);
      n_parts += (guint) n;
    }
  }
  if (r.bad)
    return teema_words__corrupt (document_id, error);
  g_array_sort (met, word_compare);
  TeemaWordCount *w = (TeemaWordCount *) met->data;
  for (guint i = 0; i < met->len; i++)
    w[i].count = g_array_index (sums, guint, (guint) w[i].word);
  g_byte_array_set_size (out, 0);
  put_varint (out, 1);
  put_segment (out, 0, 0, w, met->len);
  put_varint (out, n_parts);
  g_byte_array_append (out, parts->data, parts->len);
  return TRUE;
}

gboolean
teema_words__next_part (TeemaWordsReader *r, GArray *ids)
{
  guint64 n = 0;
  g_array_set_size (ids, 0);
  if (r->bad || r->left == 0)
    return FALSE;
  if (!get_varint (&r->p, r->end, &n) || n > 3) {
    r->bad = TRUE;
    return FALSE;
  }
  r->left--;
  for (guint i = 0; i <= n; i++) {
    guint64 id = 0;
    if (!get_varint (&r->p, r->end, &id) || id > G_MAXINT64
        || (i == 0 && id == 0)) {
      r->bad = TRUE;
      return FALSE;
    }
    gint64 v = (gint64) id;
    g_array_append_val (ids, v);
  }
  return TRUE;
}

void
teema_words__parts_init (TeemaWordsReader *r)
{
  guint64 n = 0;
  /* Segments left unread, or no count: not totals. */
  if (r->left != 0 || !get_varint (&r->p, r->end, &n) || n > G_MAXUINT)
    r->bad = TRUE;
  r->left = r->bad ? 0 : (guint) n;
}

gboolean
teema_words__end (TeemaWordIndexer *ix, gint64 document_id, GError **error)
{
  g_byte_array_set_size (ix->blob, 0);
  put_varint (ix->blob, ix->n_segments);
  g_byte_array_append (ix->blob, ix->seg->data, ix->seg->len);
  gboolean ok =
    teema_words__totals (ix->store, document_id, ix->blob->data, ix->blob->len,
                         known_id, ix, ix->totals, error)
    && teema_store__set_document_words (ix->store, document_id, ix->blob->data,
                                        ix->blob->len, ix->totals->data,
                                        ix->totals->len, error);
  teema_words__begin (ix);
  return ok;
}

typedef struct {
  TeemaWordIndexer *ix;
  gint64 document; /* the document being read, or 0 */
} Missing;

static gboolean
index_one (gint64 document_id, gint64 segment_id, gboolean interviewer,
           const char *text, gpointer data, GError **error)
{
  Missing *m = data;
  if (m->document && m->document != document_id
      && !teema_words__end (m->ix, m->document, error))
    return FALSE;
  m->document = document_id;
  if (teema_words__read (m->ix, text, error) == G_MAXUINT)
    return FALSE;
  teema_words__add (m->ix, segment_id, interviewer);
  return TRUE;
}

gboolean
teema_words__corrupt (gint64 document, GError **error)
{
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_STORE,
               _ ("the word index of document %lld is damaged; run 'teema "
                  "autocode' or re-import it"),
               (long long) document);
  return FALSE;
}

static gboolean
total_one (gint64 document_id, const guint8 *words, gsize len, gpointer data,
           GError **error)
{
  TeemaWordIndexer *ix = data;
  return teema_words__totals (ix->store, document_id, words, len, known_id, ix,
                              ix->totals, error)
         && teema_store__set_document_totals (
           ix->store, document_id, ix->totals->data, ix->totals->len, error);
}

gboolean
teema_words__index_missing (TeemaStore *store, GError **error)
{
  g_autoptr (TeemaWordIndexer) ix = teema_words__indexer_new (store, error);
  if (!ix)
    return FALSE;
  Missing m = { ix, 0 };
  return teema_store__foreach_unindexed (store, index_one, &m, error)
         && (!m.document || teema_words__end (ix, m.document, error))
         && teema_store__foreach_untotalled (store, total_one, ix, error);
}
