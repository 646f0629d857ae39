/* autocode.c — applying the codebook's rules to every informant segment.
 *
 * For each segment and theme: the theme's exclusions mark words that may
 * not count, then any of its rules that matches the remaining words codes
 * the whole segment. All rules share one matcher, so each word form is
 * checked against the codebook once, and a segment's term presence rules
 * out most themes before any word-level matching.
 * Segments are streamed from the store and codings written as they are
 * found, inside one transaction; only the difference from the earlier rule
 * codings is written, so re-running changes nothing and a dry run reports
 * exactly what a real run would do. The analyser's cache is loaded from
 * and saved to the project: each word form is analysed once per project. */
#include "autocode-private.h"
#include "project-private.h"
#include "rule-private.h"

#include <string.h>

typedef struct {
  const TeemaTheme *theme;
  gint64 theme_id;     /* in the project, for coding keys; 0 if unknown */
  GPtrArray *rules;    /* TeemaRule * */
  GPtrArray *excludes; /* TeemaRule * */
} CompiledTheme;

struct TeemaCompiled {
  TeemaAnalyzer *az;
  TeemaMatcher *matcher;
  GPtrArray *themes; /* CompiledTheme * */
  guint64 *presence; /* scratch, matcher words long */
};

static void
compiled_theme_free (CompiledTheme *c)
{
  g_ptr_array_unref (c->rules);
  g_ptr_array_unref (c->excludes);
  g_free (c);
}

void
teema_autocode__free (TeemaCompiled *c)
{
  if (!c)
    return;
  g_ptr_array_unref (c->themes); /* rules first: they use the matcher */
  teema_matcher__free (c->matcher);
  g_free (c->presence);
  g_free (c);
}

static GPtrArray *
compile_list (TeemaMatcher *m, GPtrArray *sources, const char *code,
              GError **error)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_rule_free);
  for (guint i = 0; i < sources->len; i++) {
    TeemaRule *r = teema_rule_compile (sources->pdata[i], error);
    if (!r) {
      g_prefix_error (error, "theme '%s': ", code);
      g_ptr_array_unref (out);
      return NULL;
    }
    teema_matcher__add (m, r);
    g_ptr_array_add (out, r);
  }
  return out;
}

TeemaCompiled *
teema_autocode__compile (const TeemaCodebook *cb, TeemaAnalyzer *az,
                         GError **error)
{
  TeemaCompiled *c = g_new0 (TeemaCompiled, 1);
  c->az = az;
  c->matcher = teema_matcher__new (az);
  c->themes =
    g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_theme_free);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (t->rules->len == 0)
      continue;
    CompiledTheme *ct = g_new0 (CompiledTheme, 1);
    ct->theme = t;
    ct->rules = compile_list (c->matcher, t->rules, t->code, error);
    ct->excludes =
      ct->rules ? compile_list (c->matcher, t->excludes, t->code, error) : NULL;
    g_ptr_array_add (c->themes, ct);
    if (!ct->excludes) {
      ct->excludes = g_ptr_array_new ();
      if (!ct->rules)
        ct->rules = g_ptr_array_new ();
      teema_autocode__free (c);
      return NULL;
    }
  }
  c->presence = g_new0 (guint64, teema_matcher__words (c->matcher));
  return c;
}

static void
hit_free (TeemaAutocodeHit *h)
{
  g_free (h->rule);
  g_free (h->why);
  g_free (h->word);
  g_free (h->lemmas);
  g_free (h->parts);
  g_free (h);
}

static void
item_free (TeemaAutocodeItem *it)
{
  g_free (it->informant);
  g_free (it->document);
  g_free (it->theme);
  g_ptr_array_unref (it->hits);
  g_free (it);
}

GPtrArray *
teema_autocode__items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

void
teema_autocode_result_free (TeemaAutocodeResult *r)
{
  if (!r)
    return;
  g_free (r->backend);
  g_free (r->warning);
  g_ptr_array_unref (r->items);
  g_free (r);
}

static char *
substring_cp (const char *text, guint start, guint end)
{
  const char *s = g_utf8_offset_to_pointer (text, start);
  const char *e = g_utf8_offset_to_pointer (s, end - start);
  return g_strndup (s, e - s);
}

/* Compound parts worth showing: those that are not just the lemmas. */
static char *
shown_parts (const TeemaAnalysis *an)
{
  for (const char *const *p = an->parts; *p; p++)
    if (!g_strv_contains ((const char *const *) an->lemmas, *p))
      return g_strjoinv ("+", (char **) an->parts);
  return g_strdup ("");
}

static TeemaAutocodeHit *
make_hit (const TeemaSegment *seg, const GArray *tokens, const TeemaRuleHit *rh,
          const TeemaRule *rule)
{
  const TeemaAnalysis *an =
    g_array_index (tokens, TeemaToken, rh->token).analysis;
  TeemaAutocodeHit *h = g_new0 (TeemaAutocodeHit, 1);
  h->rule = g_strdup (teema_rule_source (rule));
  h->why = g_strdup (rh->why);
  h->word = substring_cp (seg->text, rh->start, rh->end);
  h->lemmas = g_strjoinv (",", (char **) an->lemmas);
  h->parts = shown_parts (an);
  h->start = seg->start + rh->start;
  h->end = seg->start + rh->end;
  return h;
}

static TeemaAutocodeItem *
item_new (const TeemaSegment *seg, const char *theme)
{
  TeemaAutocodeItem *it = g_new0 (TeemaAutocodeItem, 1);
  it->segment_id = seg->id;
  it->informant = g_strdup (seg->informant);
  it->document = g_strdup (seg->document);
  it->ordinal = seg->ordinal;
  it->theme = g_strdup (theme);
  it->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  return it;
}

/* Marks the words that the theme's exclusions match, or NULL for none. */
static gboolean *
blocked_words (TeemaCompiled *c, CompiledTheme *ct, const char *text,
               const GArray *tokens)
{
  gboolean *blocked = NULL;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  for (guint i = 0; i < ct->excludes->len; i++) {
    TeemaRule *ex = ct->excludes->pdata[i];
    if (teema_rule__may_match (ex, c->presence))
      teema_rule_match (ex, c->az, text, tokens, NULL, hits);
  }
  if (hits->len)
    blocked = g_new0 (gboolean, tokens->len + 1);
  for (guint i = 0; i < hits->len; i++)
    blocked[g_array_index (hits, TeemaRuleHit, i).token] = TRUE;
  return blocked;
}

static gboolean
any_may_match (CompiledTheme *ct, const guint64 *presence)
{
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule__may_match (ct->rules->pdata[r], presence))
      return TRUE;
  return FALSE;
}

/* Codes one segment with one theme; returns the item or NULL. The item
 * carries the words that fired only when with_hits. */
static TeemaAutocodeItem *
code_theme (TeemaCompiled *c, CompiledTheme *ct, const TeemaSegment *seg,
            const GArray *tokens, gboolean with_hits)
{
  if (!any_may_match (ct, c->presence))
    return NULL;
  g_autofree gboolean *blocked = blocked_words (c, ct, seg->text, tokens);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  TeemaAutocodeItem *it = NULL;
  for (guint r = 0; r < ct->rules->len; r++) {
    TeemaRule *rule = ct->rules->pdata[r];
    g_array_set_size (hits, 0);
    if (!teema_rule__may_match (rule, c->presence))
      continue;
    gboolean decided =
      !with_hits && !blocked && teema_rule__presence_decides (rule);
    if (!decided
        && !teema_rule_match (rule, c->az, seg->text, tokens, blocked,
                              with_hits ? hits : NULL))
      continue;
    if (!it)
      it = item_new (seg, ct->theme->code);
    if (!with_hits)
      break;
    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (
        it->hits,
        make_hit (seg, tokens, &g_array_index (hits, TeemaRuleHit, i), rule));
  }
  return it;
}

static void
code_segment (TeemaCompiled *c, const TeemaSegment *seg, const GArray *tokens,
              GPtrArray *items, GHashTable *skip_hits)
{
  memset (c->presence, 0, teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  for (guint t = 0; t < c->themes->len; t++) {
    CompiledTheme *ct = c->themes->pdata[t];
    TeemaAutocodeItem *it = code_theme (c, ct, seg, tokens, !skip_hits);
    if (it && skip_hits) {
      /* A new coding is explained; an existing one needs no words. */
      if (!g_hash_table_contains (skip_hits,
                                  TEEMA_CODING_KEY (seg->id, ct->theme_id))) {
        item_free (it);
        it = code_theme (c, ct, seg, tokens, TRUE);
      }
    }
    if (it)
      g_ptr_array_add (items, it);
  }
}

void
teema_autocode__segment (TeemaCompiled *c, const TeemaSegment *seg,
                         const GArray *tokens, GPtrArray *items)
{
  code_segment (c, seg, tokens, items, NULL);
}

TeemaAnalyzer *
teema_autocode__analyzer (TeemaProject *p, const char *lang,
                          gboolean force_snowball, char **cache_key,
                          GError **error)
{
  g_autofree char *stored = NULL;
  if (!lang)
    lang = stored = teema_store__get_setting (p->store, "language");
  if (!lang)
    lang = "fi";
  TeemaAnalyzer *az = force_snowball ? teema_analyzer_new_snowball (lang, error)
                                     : teema_analyzer_new (lang, error);
  if (!az)
    return NULL;
  const char *backend =
    teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball";
  g_autofree char *key = g_strdup_printf ("%s-%s", backend, lang);
  g_autofree char *dump = teema_store__load_analyses (p->store, key);
  teema_analyzer_load_cache (az, dump);
  if (cache_key)
    *cache_key = g_steal_pointer (&key);
  return az;
}

/* ---- the run ---------------------------------------------------------------
 *
 * The main thread streams segments from the store in batches and writes the
 * results in batch order; worker threads, each with its own analyser (one
 * Voikko handle per thread) and compiled rules, tokenise and code batches.
 * The set of earlier rule codings is read-only while workers run: kept
 * codings are collected in a separate set. */

#define BATCH_SEGMENTS 128

typedef struct {
  guint seq;
  GPtrArray *segments; /* TeemaSegment * */
  GPtrArray *items;    /* TeemaAutocodeItem *, in segment order */
  guint64 words;
} Batch;

static Batch *
batch_new (guint seq)
{
  Batch *b = g_new0 (Batch, 1);
  b->seq = seq;
  b->segments =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  b->items = teema_autocode__items_new ();
  return b;
}

static void
batch_free (Batch *b)
{
  g_ptr_array_unref (b->segments);
  g_ptr_array_unref (b->items);
  g_free (b);
}

static Batch stop_batch; /* tells a worker to finish */

typedef struct {
  TeemaAnalyzer *az;
  TeemaCompiled *compiled;
  GAsyncQueue *todo, *done;
  const char *dump; /* the project's analysis cache, read-only */
  GHashTable *old;  /* read-only: existing codings need no words */
  gboolean keep;
  GThread *thread;
  char *new_forms; /* analyses made by this worker, at the end */
} Worker;

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  teema_analyzer_load_cache (w->az, w->dump);
  for (;;) {
    Batch *b = g_async_queue_pop (w->todo);
    if (b == &stop_batch)
      break;
    for (guint i = 0; i < b->segments->len; i++) {
      const TeemaSegment *seg = b->segments->pdata[i];
      g_autoptr (GArray) tokens =
        teema_analyzer_tokenize (w->az, seg->text, -1);
      b->words += tokens->len;
      code_segment (w->compiled, seg, tokens, b->items,
                    w->keep ? NULL : w->old);
    }
    g_async_queue_push (w->done, b);
  }
  w->new_forms = teema_analyzer_dump_cache (w->az, TRUE);
  return NULL;
}

typedef struct {
  TeemaProject *project;
  const TeemaAutocodeOptions *opt;
  const TeemaCodebook *cb;
  TeemaAutocodeResult *result;
  GHashTable *old;    /* "segment\x1ftheme" keys of earlier rule codings */
  GHashTable *seen;   /* keys produced again */
  gboolean keep;      /* keep items in the result */
  guint total;        /* segments to examine, for progress */
  GPtrArray *workers; /* Worker * */
  GAsyncQueue *todo, *done;
  Batch *filling;      /* the batch being filled */
  guint next_seq;      /* next batch number to hand out */
  guint next_write;    /* next batch number to write */
  GHashTable *pending; /* seq -> Batch * finished out of order */
  char *dump;          /* the project's analysis cache */
  const char *cache_key;
  GHashTable *theme_ids; /* theme code -> gint64 * id, looked up once */
  gint64 coder_id;       /* the coder "rules" */
} Run;

static char *
note_for (const TeemaAutocodeItem *it)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < it->hits->len; i++) {
    const TeemaAutocodeHit *h = it->hits->pdata[i];
    g_string_append_printf (s, "%s%s [%s] <- %s", i ? "; " : "", h->word,
                            h->lemmas, h->why);
  }
  return g_string_free (s, FALSE);
}

static gint64
theme_id (Run *run, const char *code)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (run->theme_ids, code));
}

static const char *
theme_code (Run *run, gsize id)
{
  GHashTableIter it;
  gpointer code, value;
  g_hash_table_iter_init (&it, run->theme_ids);
  while (g_hash_table_iter_next (&it, &code, &value))
    if (GPOINTER_TO_SIZE (value) == id)
      return code;
  return "?";
}

/* Theme ids of the project, before any worker starts (then read-only). */
static void
load_theme_ids (Run *run)
{
  for (guint i = 0; i < teema_codebook_size (run->cb); i++) {
    const char *code = teema_codebook_theme (run->cb, i)->code;
    g_hash_table_insert (
      run->theme_ids, (gpointer) code,
      GSIZE_TO_POINTER (teema_store__find_theme (run->project->store, code)));
  }
}

/* Records one produced coding: kept when it existed, else added. */
static gboolean
record (Run *run, TeemaAutocodeItem *it, const TeemaSegment *seg,
        GError **error)
{
  TeemaAutocodeResult *r = run->result;
  gpointer key = TEEMA_CODING_KEY (it->segment_id, theme_id (run, it->theme));
  it->kept = g_hash_table_contains (run->old, key);
  it->added = !it->kept;
  r->n_kept += it->kept;
  r->n_added += it->added;
  g_hash_table_add (run->seen, key);
  if (it->added && !run->opt->dry_run) {
    g_autofree char *note = note_for (it);
    if (!teema_store__insert_coding (run->project->store, it->segment_id,
                                     theme_id (run, it->theme), run->coder_id,
                                     seg->start, seg->end, note, NULL, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
write_batch (Run *run, Batch *b, GError **error)
{
  TeemaAutocodeResult *r = run->result;
  guint item = 0;
  for (guint i = 0; i < b->segments->len; i++) {
    const TeemaSegment *seg = b->segments->pdata[i];
    for (; item < b->items->len; item++) {
      TeemaAutocodeItem *it = b->items->pdata[item];
      if (it->segment_id != seg->id)
        break;
      if (!record (run, it, seg, error))
        return FALSE;
    }
  }
  r->n_words += b->words;
  r->n_segments += b->segments->len;
  while (run->keep && b->items->len)
    g_ptr_array_add (r->items, g_ptr_array_steal_index (b->items, 0));
  if (run->opt->progress)
    run->opt->progress (r->n_segments, run->total, run->opt->progress_data);
  return TRUE;
}

/* Writes finished batches in order; with wait, blocks for one. */
static gboolean
collect (Run *run, gboolean wait, GError **error)
{
  Batch *b =
    wait ? g_async_queue_pop (run->done) : g_async_queue_try_pop (run->done);
  for (; b; b = g_async_queue_try_pop (run->done))
    g_hash_table_insert (run->pending, GUINT_TO_POINTER (b->seq), b);
  Batch *next;
  while ((next = g_hash_table_lookup (run->pending,
                                      GUINT_TO_POINTER (run->next_write)))) {
    g_hash_table_steal (run->pending, GUINT_TO_POINTER (run->next_write));
    run->next_write++;
    gboolean ok = write_batch (run, next, error);
    batch_free (next);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static gboolean
hand_out (Run *run, GError **error)
{
  g_async_queue_push (run->todo, run->filling);
  run->filling = batch_new (++run->next_seq);
  /* Bound the work in flight so memory stays flat. */
  while (run->next_seq - run->next_write > 4 * run->workers->len)
    if (!collect (run, TRUE, error))
      return FALSE;
  return collect (run, FALSE, error);
}

static gboolean
feed (const TeemaSegment *seg, gpointer data, GError **error)
{
  Run *run = data;
  TeemaSegment *copy = g_new0 (TeemaSegment, 1);
  *copy = *seg;
  copy->document = g_strdup (seg->document);
  copy->speaker = g_strdup (seg->speaker);
  copy->informant = g_strdup (seg->informant);
  copy->group = g_strdup (seg->group);
  copy->timestamp = g_strdup (seg->timestamp);
  copy->text = g_strdup (seg->text);
  g_ptr_array_add (run->filling->segments, copy);
  if (run->filling->segments->len < BATCH_SEGMENTS)
    return TRUE;
  return hand_out (run, error);
}

static void
worker_free (Worker *w)
{
  teema_autocode__free (w->compiled);
  teema_analyzer_free (w->az);
  g_free (w->new_forms);
  g_free (w);
}

static TeemaAnalyzer *
new_analyzer (const char *lang, gboolean snowball, GError **error)
{
  return snowball ? teema_analyzer_new_snowball (lang, error)
                  : teema_analyzer_new (lang, error);
}

static gboolean
start_workers (Run *run, const char *lang, GError **error)
{
  guint n = CLAMP (g_get_num_processors (), 1, 8);
  for (guint i = 0; i < n; i++) {
    Worker *w = g_new0 (Worker, 1);
    g_ptr_array_add (run->workers, w);
    w->az = new_analyzer (lang, run->opt->force_snowball, error);
    w->compiled =
      w->az ? teema_autocode__compile (run->cb, w->az, error) : NULL;
    if (!w->compiled)
      return FALSE;
    for (guint t = 0; t < w->compiled->themes->len; t++) {
      CompiledTheme *ct = w->compiled->themes->pdata[t];
      ct->theme_id = theme_id (run, ct->theme->code);
    }
    w->todo = run->todo;
    w->done = run->done;
    w->dump = run->dump;
    w->old = run->old;
    w->keep = run->keep;
  }
  for (guint i = 0; i < n; i++) {
    Worker *w = run->workers->pdata[i];
    w->thread = g_thread_new ("autocode", worker_main, w);
  }
  return TRUE;
}

/* Stops and joins the workers (also after an error). */
static void
stop_workers (Run *run)
{
  for (guint i = 0; i < run->workers->len; i++)
    g_async_queue_push (run->todo, &stop_batch);
  for (guint i = 0; i < run->workers->len; i++) {
    Worker *w = run->workers->pdata[i];
    if (w->thread)
      g_thread_join (w->thread);
    w->thread = NULL;
  }
}

/* Old rule codings not produced again are removed. */
static gboolean
remove_stale (Run *run, GError **error)
{
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, run->old);
  while (g_hash_table_iter_next (&it, &key, NULL)) {
    if (g_hash_table_contains (run->seen, key))
      continue;
    gint64 segment_id = (gint64) (GPOINTER_TO_SIZE (key) >> 16);
    const char *theme = theme_code (run, GPOINTER_TO_SIZE (key) & 0xffff);
    run->result->n_removed++;
    if (!run->opt->dry_run
        && !teema_store__remove_coding (run->project->store, segment_id, theme,
                                        TEEMA_CODER_RULES, NULL, error))
      return FALSE;
    if (run->keep) {
      g_autoptr (TeemaSegment) seg =
        teema_store__get_segment (run->project->store, segment_id, NULL);
      TeemaSegment stub = { .id = segment_id };
      g_ptr_array_add (run->result->items, item_new (seg ? seg : &stub, theme));
    }
  }
  return TRUE;
}

static gboolean
save_analyses (Run *run, GError **error)
{
  for (guint i = 0; i < run->workers->len; i++) {
    Worker *w = run->workers->pdata[i];
    if (w->new_forms
        && !teema_store__save_analyses (run->project->store, run->cache_key,
                                        w->new_forms, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
run_all (TeemaProject *project, gpointer data, GError **error)
{
  Run *run = data;
  TeemaSegmentFilter filter = { NULL, NULL, run->opt->include_interviewer };
  run->total = teema_store__count_segments (project->store, &filter);
  if (!run->opt->dry_run) {
    run->coder_id =
      teema_store__ensure_coder (project->store, TEEMA_CODER_RULES, error);
    if (!run->coder_id)
      return FALSE;
  }
  gboolean ok =
    teema_store__foreach_segment (project->store, &filter, feed, run, error)
    && hand_out (run, error);
  while (ok && run->next_write < run->next_seq)
    ok = collect (run, TRUE, error);
  stop_workers (run);
  if (!ok || !remove_stale (run, error))
    return FALSE;
  run->result->n_codings = run->result->n_kept + run->result->n_added;
  return run->opt->dry_run || save_analyses (run, error);
}

static TeemaAutocodeResult *
result_new (TeemaBackend backend, const char *warning)
{
  TeemaAutocodeResult *r = g_new0 (TeemaAutocodeResult, 1);
  r->items = teema_autocode__items_new ();
  r->backend =
    g_strdup (backend == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball");
  r->warning = g_strdup (warning);
  return r;
}

static void
run_clear (Run *run)
{
  if (run->workers) {
    stop_workers (run);
    g_ptr_array_unref (run->workers);
  }
  if (run->filling)
    batch_free (run->filling);
  if (run->pending)
    g_hash_table_destroy (run->pending);
  Batch *b;
  while (run->done && (b = g_async_queue_try_pop (run->done)))
    batch_free (b);
  while (run->todo && (b = g_async_queue_try_pop (run->todo)))
    if (b != &stop_batch)
      batch_free (b);
  g_clear_pointer (&run->todo, g_async_queue_unref);
  g_clear_pointer (&run->done, g_async_queue_unref);
  g_clear_pointer (&run->old, g_hash_table_destroy);
  g_clear_pointer (&run->seen, g_hash_table_destroy);
  g_clear_pointer (&run->theme_ids, g_hash_table_destroy);
  g_free (run->dump);
}

/* Checks the language and backend once, before any thread starts. */
static TeemaAnalyzer *
probe (const TeemaAutocodeOptions *opt, const TeemaCodebook *cb, char **lang,
       GError **error)
{
  *lang = g_strdup (opt->lang ? opt->lang : teema_codebook_language (cb));
  return new_analyzer (*lang, opt->force_snowball, error);
}

TeemaAutocodeResult *
teema_project_autocode (TeemaProject *project,
                        const TeemaAutocodeOptions *options, GError **error)
{
  TeemaAutocodeOptions defaults = { 0 };
  const TeemaAutocodeOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaCodebook) cb = teema_project_get_codebook (project, error);
  if (!cb)
    return NULL;
  g_autofree char *lang = NULL;
  g_autoptr (TeemaAnalyzer) az = probe (opt, cb, &lang, error);
  if (!az)
    return NULL;
  g_autofree char *cache_key = g_strdup_printf (
    "%s-%s",
    teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball",
    lang);
  Run run = { 0 };
  run.project = project;
  run.opt = opt;
  run.cb = cb;
  run.keep = opt->keep_items || opt->dry_run;
  run.result =
    result_new (teema_analyzer_backend (az), teema_analyzer_warning (az));
  run.old = teema_store__coding_keys (project->store, TEEMA_CODER_RULES, error);
  run.seen = teema_store__coding_key_set ();
  run.workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  run.todo = g_async_queue_new ();
  run.done = g_async_queue_new ();
  run.pending = g_hash_table_new (g_direct_hash, g_direct_equal);
  run.theme_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load_theme_ids (&run);
  run.filling = batch_new (0);
  run.dump = teema_store__load_analyses (project->store, cache_key);
  run.cache_key = cache_key;
  gboolean ok =
    run.old && start_workers (&run, lang, error)
    && (opt->dry_run ? run_all (project, &run, error)
                     : teema_project__transact (project, run_all, &run, error));
  TeemaAutocodeResult *result = run.result;
  run_clear (&run);
  if (!ok) {
    teema_autocode_result_free (result);
    return NULL;
  }
  return result;
}
