/* project/anchor.c — carrying code point offsets from an old text to an
 * edited one, for import --replace.
 *
 * The two texts are cut into words and marks and diffed as git's
 * "patience" diff does: the tokens found once in each text anchor them in
 * order, and the gaps between anchors go to Myers' O(ND) algorithm. A
 * typical edit (a sentence inserted, a word deleted, typos fixed) and a
 * global one (every "mä" made "minä") both cost little. GLib has no diff,
 * and the lines here are easier to test and keep inside the layer than a
 * library. A span is carried over when
 * enough of its words are still there; its ends move with the words they
 * are in. A gap between anchors that differs in more than MAX_EDITS
 * tokens is not searched: its words count as gone.
 * Must always hold: a mapped span lies inside the new text and starts no
 * later than it ends. */
#include "project/anchor-private.h"

#include <string.h>

#define MAX_EDITS 2000

typedef struct {
  guint start, end; /* code points */
  const char *s;    /* its bytes */
  guint len;
  guint hash;
  gboolean word; /* letters and digits; else one punctuation mark */
} Word;

struct TeemaAnchorMap {
  GArray *old_words, *new_words; /* Word */
  gint *match;                   /* old word -> new word, or -1 */
};

static void
add_token (GArray *words, const char *s, const char *e, guint start, guint end,
           gboolean word)
{
  Word w = { start, end, s, (guint) (e - s), 5381, word };
  for (guint i = 0; i < w.len; i++)
    w.hash = w.hash * 33 + (guchar) s[i];
  g_array_append_val (words, w);
}

/* Tokens: runs of letters and digits, and each other mark on its own, so
 * that "ratkaisee," and "ratkaisee" share their word. */
static GArray *
words_of (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *run = NULL;
  guint run_cp = 0, cp = 0;
  for (const char *p = text;; p = g_utf8_next_char (p), cp++) {
    gunichar c = *p ? g_utf8_get_char (p) : 0;
    gboolean alnum = c && g_unichar_isalnum (c);
    if (run && !alnum) {
      add_token (words, run, p, run_cp, cp, TRUE);
      run = NULL;
    }
    if (!c)
      break;
    if (alnum && !run) {
      run = p;
      run_cp = cp;
    } else if (!alnum && !g_unichar_isspace (c)) {
      add_token (words, p, g_utf8_next_char (p), cp, cp + 1, FALSE);
    }
  }
  return words;
}

static gboolean
same (const Word *a, const Word *b)
{
  return a->hash == b->hash && a->len == b->len
         && memcmp (a->s, b->s, a->len) == 0;
}

/* Walks the trace of V arrays back from (n, m), setting match[]. */
static void
backtrack (GPtrArray *trace, gint n, gint m, gint *match)
{
  gint x = n, y = m;
  for (gint d = (gint) trace->len - 1; d > 0; d--) {
    const gint *prev = trace->pdata[d - 1]; /* k from -(d-1) to d-1 */
    gint k = x - y;
    gboolean down =
      k == -d || (k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
    gint pk = down ? k + 1 : k - 1;
    gint px = prev[pk + d - 1], py = px - pk;
    while (x > px && y > py)
      match[--x] = --y;
    x = px;
    y = py;
  }
  while (x > 0 && y > 0)
    match[--x] = --y;
}

/* Myers' greedy diff of a[0, n) and b[0, m); matched words get the index
 * of their partner in match (which starts all -1). */
static void
myers (const Word *a, gint n, const Word *b, gint m, gint *match)
{
  gint max = MIN (n + m, MAX_EDITS);
  gint off = max + 1;
  g_autofree gint *v = g_new0 (gint, 2 * max + 3);
  g_autoptr (GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  for (gint d = 0; d <= max; d++) {
    for (gint k = -d; k <= d; k += 2) {
      gint x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                 ? v[off + k + 1]
                 : v[off + k - 1] + 1;
      gint y = x - k;
      while (x < n && y < m && same (&a[x], &b[y]))
        x++, y++;
      v[off + k] = x;
    }
    g_ptr_array_add (trace,
                     g_memdup2 (v + off - d, (2 * d + 1) * sizeof (gint)));
    gint end = n - m; /* the diagonal of (n, m) */
    if (end >= -d && end <= d && (end + d) % 2 == 0 && v[off + end] >= n) {
      backtrack (trace, n, m, match);
      return;
    }
  }
}

typedef struct {
  const Word *a, *b;
  gint *match;
} Diff;

typedef struct {
  gint n_a, n_b; /* occurrences in the two ranges */
  gint at_a, at_b;
} Count;

static guint
word_hash (gconstpointer w)
{
  return ((const Word *) w)->hash;
}

static gboolean
word_equal (gconstpointer x, gconstpointer y)
{
  return same (x, y);
}

/* The pairs (i, j) of tokens found exactly once in a[a0, a1) and once in
 * b[b0, b1), in a's order: two gints per pair. */
static GArray *
unique_pairs (const Diff *d, gint a0, gint a1, gint b0, gint b1)
{
  g_autoptr (GHashTable) counts =
    g_hash_table_new_full (word_hash, word_equal, NULL, g_free);
  for (gint i = a0; i < a1; i++) {
    Count *c = g_hash_table_lookup (counts, &d->a[i]);
    if (!c)
      g_hash_table_insert (counts, (gpointer) &d->a[i], c = g_new0 (Count, 1));
    c->n_a++;
    c->at_a = i;
  }
  for (gint j = b0; j < b1; j++) {
    Count *c = g_hash_table_lookup (counts, &d->b[j]);
    if (c) {
      c->n_b++;
      c->at_b = j;
    }
  }
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (gint));
  for (gint i = a0; i < a1; i++) {
    const Count *c = g_hash_table_lookup (counts, &d->a[i]);
    if (c->n_a == 1 && c->n_b == 1) {
      g_array_append_val (pairs, c->at_a);
      g_array_append_val (pairs, c->at_b);
    }
  }
  return pairs;
}

/* The longest run of pairs increasing in b too (patience sorting): the
 * anchors, as indices into pairs. */
static GArray *
longest_increasing (GArray *pairs)
{
  guint n = pairs->len / 2;
  g_autofree gint *tails = g_new (gint, n + 1); /* pair index per length */
  g_autofree gint *prev = g_new (gint, n + 1);
  gint len = 0;
  for (guint p = 0; p < n; p++) {
    gint j = g_array_index (pairs, gint, 2 * p + 1);
    gint lo = 0, hi = len;
    while (lo < hi) {
      gint mid = (lo + hi) / 2;
      if (g_array_index (pairs, gint, 2 * tails[mid] + 1) < j)
        lo = mid + 1;
      else
        hi = mid;
    }
    prev[p] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = (gint) p;
    len = MAX (len, lo + 1);
  }
  GArray *chain = g_array_sized_new (FALSE, FALSE, sizeof (gint), len);
  g_array_set_size (chain, len);
  for (gint k = len - 1, p = len ? tails[len - 1] : -1; k >= 0; k--) {
    g_array_index (chain, gint, k) = p;
    p = prev[p];
  }
  return chain;
}

static void diff_range (const Diff *d, gint a0, gint a1, gint b0, gint b1,
                        guint depth);

/* Patience diff: the tokens that occur once on each side and keep their
 * order anchor the texts; the gaps between them are diffed on their own.
 * A global change (every "mä" made "minä") then costs no more than its
 * gaps. FALSE when there is no anchor. */
static gboolean
by_anchors (const Diff *d, gint a0, gint a1, gint b0, gint b1, guint depth)
{
  g_autoptr (GArray) pairs = unique_pairs (d, a0, a1, b0, b1);
  g_autoptr (GArray) chain = longest_increasing (pairs);
  if (chain->len == 0)
    return FALSE;
  gint pa = a0, pb = b0;
  for (guint k = 0; k < chain->len; k++) {
    gint p = g_array_index (chain, gint, k);
    gint i = g_array_index (pairs, gint, 2 * p);
    gint j = g_array_index (pairs, gint, 2 * p + 1);
    diff_range (d, pa, i, pb, j, depth + 1);
    d->match[i] = j;
    pa = i + 1;
    pb = j + 1;
  }
  diff_range (d, pa, a1, pb, b1, depth + 1);
  return TRUE;
}

static void
diff_range (const Diff *d, gint a0, gint a1, gint b0, gint b1, guint depth)
{
  while (a0 < a1 && b0 < b1 && same (&d->a[a0], &d->b[b0]))
    d->match[a0++] = b0++;
  while (a0 < a1 && b0 < b1 && same (&d->a[a1 - 1], &d->b[b1 - 1]))
    d->match[--a1] = --b1;
  if (a0 == a1 || b0 == b1)
    return;
  gboolean small = (a1 - a0) + (b1 - b0) <= 64;
  if (!small && depth < 32 && by_anchors (d, a0, a1, b0, b1, depth))
    return;
  gint *mid = d->match + a0;
  myers (d->a + a0, a1 - a0, d->b + b0, b1 - b0, mid);
  for (gint i = 0; i < a1 - a0; i++)
    if (mid[i] >= 0)
      mid[i] += b0;
}

TeemaAnchorMap *
teema_anchor_map__new (const char *old_text, const char *new_text)
{
  TeemaAnchorMap *map = g_new0 (TeemaAnchorMap, 1);
  map->old_words = words_of (old_text);
  map->new_words = words_of (new_text);
  gint n = (gint) map->old_words->len, m = (gint) map->new_words->len;
  map->match = g_new (gint, MAX (n, 1));
  for (gint i = 0; i < n; i++)
    map->match[i] = -1;
  Diff d = { (const Word *) map->old_words->data,
             (const Word *) map->new_words->data, map->match };
  diff_range (&d, 0, n, 0, m, 0);
  return map;
}

void
teema_anchor_map__free (TeemaAnchorMap *map)
{
  if (!map)
    return;
  g_array_unref (map->old_words);
  g_array_unref (map->new_words);
  g_free (map->match);
  g_free (map);
}

/* The first old word that ends after cp. */
static guint
first_word_after (const GArray *words, guint cp)
{
  guint lo = 0, hi = words->len;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (g_array_index (words, Word, mid).end <= cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

gboolean
teema_anchor_map__span (const TeemaAnchorMap *map, guint start, guint end,
                        guint *new_start, guint *new_end)
{
  const GArray *ow = map->old_words;
  gint first = -1, last = -1;
  guint total = 0, kept = 0;
  for (guint i = first_word_after (ow, start);
       i < ow->len && g_array_index (ow, Word, i).start < end; i++) {
    gboolean word = g_array_index (ow, Word, i).word;
    total += word;
    if (map->match[i] < 0)
      continue;
    kept += word;
    first = first < 0 ? (gint) i : first;
    last = (gint) i;
  }
  if (!kept || kept * 2 < total)
    return FALSE;
  const Word *o = &g_array_index (ow, Word, first);
  const Word *w = &g_array_index (map->new_words, Word, map->match[first]);
  *new_start = w->start + (start > o->start ? start - o->start : 0);
  o = &g_array_index (ow, Word, last);
  w = &g_array_index (map->new_words, Word, map->match[last]);
  *new_end = end < o->end ? w->start + (end - o->start) : w->end;
  return *new_start < *new_end;
}

void
teema_anchor_map__stats (const TeemaAnchorMap *map, guint *kept, guint *total)
{
  *total = *kept = 0;
  for (guint i = 0; i < map->old_words->len; i++) {
    gboolean word = g_array_index (map->old_words, Word, i).word;
    *total += word;
    *kept += word && map->match[i] >= 0;
  }
}
