/* reports/keyness.c — the lemmas most distinctive of each of two groups,
 * by log-likelihood G² and Hardie's log ratio.
 *
 * Each informant token counts once, by its first lemma (after spoken forms
 * are normalised); numbers are skipped, and so are function words (a stop
 * list: the Finnish one compiled in from data/stopwords-fi.txt, or the
 * caller's file), which otherwise top the list only because one group
 * talks more. By default only rows with p < 0.05 are shown. The tokens
 * come from the word index's totals (each form once per document, with its
 * count in the informant turns), so the corpus is not tokenised again. */
#include "reports/reports-private.h"
#include "reports/stopwords-fi.h"

#include <string.h>

#define SIGNIFICANT_P 0.05

#define DEFAULT_TOP      20
#define DEFAULT_MIN_FREQ 3

typedef struct {
  const char *lemma; /* kept by the word reader or the analyser */
  guint64 freq[2];
  gboolean stop; /* a function word: counted in the totals only */
} LemmaCount;

typedef struct {
  const char *lemma;
  guint64 freq[2];
  double g2, log_ratio;
} Key;

/* The stop list: lemmas from path (one per line, '#' comments), from the
 * compiled-in Finnish list when path is NULL, none when it is "". */
static GHashTable *
stop_list (const char *path, GError **error)
{
  GHashTable *stop =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *data = NULL;
  if (path && *path && !teema__read_file (path, &data, NULL, error)) {
    g_hash_table_destroy (stop);
    return NULL;
  }
  const char *text = path ? (data ? data : "") : TEEMA_STOPWORDS_FI;
  g_auto (GStrv) lines = g_strsplit_set (text, path ? "\n" : " ", -1);
  for (guint i = 0; lines[i]; i++) {
    char *hash = strchr (lines[i], '#');
    if (hash)
      *hash = '\0';
    g_strstrip (lines[i]);
    if (*lines[i])
      g_hash_table_add (stop, g_utf8_casefold (lines[i], -1));
  }
  return stop;
}

typedef struct {
  GHashTable *member; /* informant code -> its group index + 1 */
  GHashTable *stop;   /* lemmas left out */
  GHashTable *counts; /* lemma -> LemmaCount */
  guint64 *tokens;    /* per group */
  GArray *by_word;    /* WordCount per vocabulary id, counted first */
} Counting;

typedef struct {
  guint64 freq[2];
} WordCount;

/* Every token counts in its group's total; a function word's lemma is
 * not ranked. n: the tokens in each group. */
static void
add_lemma (Counting *c, const char *lemma, const guint64 n[2])
{
  c->tokens[0] += n[0];
  c->tokens[1] += n[1];
  LemmaCount *lc = g_hash_table_lookup (c->counts, lemma);
  if (!lc) {
    lc = g_new0 (LemmaCount, 1);
    lc->lemma = lemma;
    lc->stop = g_hash_table_contains (c->stop, lemma);
    g_hash_table_insert (c->counts, (gpointer) lemma, lc);
  }
  lc->freq[0] += n[0];
  lc->freq[1] += n[1];
}

/* The group index of a document's (or turn's) informant, or -1. */
static int
group_of (Counting *c, const TeemaSegmentRef *ref)
{
  return ref->informant && !ref->interviewer
           ? GPOINTER_TO_INT (g_hash_table_lookup (c->member, ref->informant))
               - 1
           : -1;
}

/* An indexed document's words, summed by word id into its group. */
static gboolean
count_totals (const TeemaSegmentRef *doc, const TeemaWordCount *words, guint n,
              gpointer data, GError **error)
{
  Counting *c = data;
  int k = group_of (c, doc);
  if (k < 0 || !n)
    return TRUE;
  gint64 last = words[n - 1].word;
  if (last > G_MAXINT)
    return TRUE; /* (not from a database teema wrote) */
  if ((guint) last >= c->by_word->len)
    g_array_set_size (c->by_word, MAX ((guint) last + 1, c->by_word->len * 2));
  WordCount *by_word = (WordCount *) c->by_word->data;
  for (guint i = 0; i < n; i++)
    by_word[words[i].word].freq[k] += words[i].count;
  return TRUE;
}

/* Words counted by their analysis: a turn read from its text, or a
 * suspended part completed. */
static gboolean
count_words (const TeemaSegmentRef *seg, const TeemaSegmentWord *words, guint n,
             gpointer data, GError **error)
{
  Counting *c = data;
  int k = group_of (c, seg);
  for (guint i = 0; k >= 0 && i < n; i++) {
    if (words[i].number || !words[i].analysis->lemmas[0])
      continue;
    guint64 count[2] = { 0, 0 };
    count[k] = words[i].count;
    add_lemma (c, words[i].analysis->lemmas[0], count);
  }
  return TRUE;
}

/* A vocabulary word's sums, under its first lemma. */
static void
count_word (gint64 id, const TeemaAnalysis *an, gboolean number, gpointer data)
{
  Counting *c = data;
  if (id < 0 || (guint64) id >= c->by_word->len || number || !an->lemmas[0])
    return;
  const WordCount *wc = &g_array_index (c->by_word, WordCount, id);
  if (wc->freq[0] || wc->freq[1])
    add_lemma (c, an->lemmas[0], wc->freq);
}

/* Counts first lemmas of the two groups' informant segments from the word
 * index; sets each group's token total in tokens[]. The lemmas are kept
 * in strings or by az. */
static GHashTable *
count_lemmas (TeemaProject *project, TeemaAnalyzer *az, GStringChunk *strings,
              GHashTable *member, GHashTable *stop, guint64 tokens[2],
              GError **error)
{
  GHashTable *counts =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GArray) by_word = g_array_new (FALSE, TRUE, sizeof (WordCount));
  Counting c = { member, stop, counts, tokens, by_word };
  static const TeemaTotalsFuncs funcs = { count_totals, count_words,
                                          count_word };
  if (!teema_words__foreach_totals (project, az, strings, &funcs, &c, error)) {
    g_hash_table_destroy (counts);
    return NULL;
  }
  return counts;
}

static int
key_compare (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;
  if (x->g2 != y->g2)
    return x->g2 < y->g2 ? 1 : -1;
  return strcmp (x->lemma, y->lemma);
}

/* Restores the heap of keys[0..n) below i: each key after (worse than,
 * by key_compare) the ones below it. */
static void
sift_down (Key *keys, guint i, guint n)
{
  for (;;) {
    guint worst = i, left = 2 * i + 1, right = left + 1;
    if (left < n && key_compare (&keys[left], &keys[worst]) > 0)
      worst = left;
    if (right < n && key_compare (&keys[right], &keys[worst]) > 0)
      worst = right;
    if (worst == i)
      return;
    Key t = keys[i];
    keys[i] = keys[worst];
    keys[worst] = t;
    i = worst;
  }
}

/* Keeps the first top keys by key_compare, sorted: a heap of the top
 * with the worst kept at its root, so that tens of thousands of lemmas
 * are not sorted for a table of twenty rows. The order is total (lemmas
 * differ), so the rows are those a full sort gives. */
static void
keep_top (GArray *keys, guint top)
{
  if (keys->len > top) {
    Key *k = (Key *) keys->data;
    for (guint i = top / 2; i-- > 0;)
      sift_down (k, i, top);
    for (guint i = top; i < keys->len; i++)
      if (top && key_compare (&k[i], &k[0]) < 0) {
        k[0] = k[i];
        sift_down (k, 0, top);
      }
    g_array_set_size (keys, top);
  }
  g_array_sort (keys, key_compare);
}

/* The top lemmas overused in group k (relative frequency above the
 * other's), sorted by G² descending, then lemma. */
static GArray *
keys_for (GHashTable *counts, int k, const guint64 tokens[2], guint min_freq,
          guint top)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (Key));
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, NULL, &value)) {
    LemmaCount *lc = value;
    if (lc->stop || lc->freq[0] + lc->freq[1] < min_freq)
      continue;
    double lr = teema_stats_log_ratio (lc->freq[k], tokens[k], lc->freq[1 - k],
                                       tokens[1 - k]);
    if (lr <= 0.0)
      continue;
    Key key = { lc->lemma,
                { lc->freq[0], lc->freq[1] },
                teema_stats_log_likelihood_g2 (lc->freq[0], tokens[0],
                                               lc->freq[1], tokens[1]),
                lr };
    g_array_append_val (keys, key);
  }
  keep_top (keys, top);
  return keys;
}

static void
keyness_columns (TeemaTable *t, const TeemaGroup g[2])
{
  teema_table_add_column_heading (t, "group", C_ ("heading", "group"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "lemma", C_ ("heading", "lemma"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column (t, g[0].name, TEEMA_COLUMN_INT);
  teema_table_add_column (t, g[1].name, TEEMA_COLUMN_INT);
  /* Symbols the note explains: the same in every language. */
  teema_table_add_column (t, "g2", TEEMA_COLUMN_REAL);
  teema_table_add_column (t, "p", TEEMA_COLUMN_REAL);
  teema_table_add_column (t, "log_ratio", TEEMA_COLUMN_REAL);
}

/* Adds the top rows of group k: only significant ones unless all. */
static void
keyness_rows (TeemaTable *t, const TeemaGroup g[2], int k, GArray *keys,
              guint top, gboolean all)
{
  for (guint i = 0, shown = 0; i < keys->len && shown < top; i++) {
    const Key *key = &g_array_index (keys, Key, i);
    if (!all && teema_stats_chi2_p_1df (key->g2) >= SIGNIFICANT_P)
      break; /* sorted by G², so p only grows from here */
    shown++;
    teema_table_add_row (t);
    teema_table_add_text (t, g[k].name);
    teema_table_add_text (t, key->lemma);
    teema_table_add_int (t, (gint64) key->freq[0]);
    teema_table_add_int (t, (gint64) key->freq[1]);
    teema_table_add_real (t, key->g2, 2);
    teema_table_add_real (t, teema_stats_chi2_p_1df (key->g2), 3);
    teema_table_add_real (t, key->log_ratio, 2);
  }
}

static TeemaTable *
keyness_table (GHashTable *counts, const TeemaGroup g[2],
               const guint64 tokens[2], guint n_stop,
               const TeemaCompareOptions *opt)
{
  guint top = opt->top ? opt->top : DEFAULT_TOP;
  guint min_freq = opt->min_freq ? opt->min_freq : DEFAULT_MIN_FREQ;
  g_autofree char *title =
    g_strdup_printf (_ ("Keyness: %s vs %s"), g[0].name, g[1].name);
  TeemaTable *t = teema_table_new (title);
  keyness_columns (t, g);
  for (int k = 0; k < 2; k++) {
    g_autoptr (GArray) keys = keys_for (counts, k, tokens, min_freq, top);
    keyness_rows (t, g, k, keys, top, opt->all);
  }
  g_autofree char *note = g_strdup_printf (
    _ ("Lemma frequencies in informant turns (%s: %llu tokens; %s: %llu "
       "tokens), at least %u in all. g2: log-likelihood; p: its "
       "chi-squared p (1 df); log_ratio: log2 of the relative frequency in "
       "the row's group over the other's."),
    g[0].name, (unsigned long long) tokens[0], g[1].name,
    (unsigned long long) tokens[1], min_freq);
  teema_table_add_note (t, note);
  g_autofree char *stop = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u function word (a stop list) is not ranked.",
                 "%u function words (a stop list) are not ranked.", n_stop),
    n_stop);
  g_autofree char *left_out = g_strconcat (
    opt->all ? ""
             : _ ("Only rows with p < 0.05 are shown (--all shows every "
                  "row; with many lemmas tested, some of them are "
                  "chance). "),
    stop, NULL);
  teema_table_add_note (t, n_stop     ? left_out
                           : opt->all ? _ ("No stop list.")
                                      : _ ("Only rows with p < 0.05 are "
                                           "shown (--all shows every "
                                           "row). No stop list."));
  return t;
}

TeemaTable *
teema_report_keyness (TeemaProject *project, const TeemaCompareOptions *options,
                      GError **error)
{
  TeemaCompareOptions defaults = { 0 };
  const TeemaCompareOptions *opt = options ? options : &defaults;
  TeemaGroup g[2] = { { 0 } };
  g_auto (GStrv) owned = NULL;
  g_autoptr (GHashTable) member = NULL;
  if (!teema_groups__resolve (project, opt, g, &owned, &member, error))
    return NULL;
  g_autoptr (TeemaAnalyzer) az = teema_coding__lazy_analyzer (project, error);
  if (!az)
    return NULL;
  g_autoptr (GHashTable) stop = stop_list (opt->stopwords, error);
  if (!stop)
    return NULL;
  guint64 tokens[2] = { 0, 0 };
  GStringChunk *strings = g_string_chunk_new (64 * 1024);
  g_autoptr (GHashTable) counts =
    count_lemmas (project, az, strings, member, stop, tokens, error);
  TeemaTable *t =
    counts ? keyness_table (counts, g, tokens, g_hash_table_size (stop), opt)
           : NULL;
  g_string_chunk_free (strings);
  return t;
}
