/* coding/autocode.c — applying the codebook's rules to every informant
 * segment (the coding itself is coding/compiled.c).
 *
 * Segments are streamed from the store and the codings found go, batch by
 * batch, into a staging table that locks nothing (store/stage.c); one
 * short transaction at the end swaps them in. So a long run never blocks
 * the terminal coder or a script for more than that moment, and a run
 * killed midway changes nothing. Only the difference from the earlier rule
 * codings is written, so re-running changes nothing, and the counts are
 * what the swap changed. The analyser's cache is loaded from and saved to
 * the project: each word form is analysed once per project. */
#include "coding/coding-private.h"
#include "text/text-private.h"

#include <string.h>

void
teema_autocode_result_free (TeemaAutocodeResult *r)
{
  if (!r)
    return;
  g_free (r->backend);
  g_free (r->warning);
  g_free (r->undecided);
  g_ptr_array_unref (r->items);
  g_free (r);
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
  b->items = teema_compiled__items_new ();
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
      teema_compiled__code (w->compiled, seg, tokens, b->items,
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
  GHashTable *old;    /* TeemaCodingKey set: earlier rule codings */
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
  const char *lang;
  GHashTable *theme_ids;   /* theme code -> gint64 * id, looked up once */
  GHashTable *theme_codes; /* gint64 * id -> theme code */
  guint n_produced;        /* codings the rules gave */
} Run;

/* "word [lemmas] <- term; ..." for the hits of it in [start, end)
 * (document offsets). */
static char *
note_for (const TeemaAutocodeItem *it, guint start, guint end)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < it->hits->len; i++) {
    const TeemaAutocodeHit *h = it->hits->pdata[i];
    if (h->start < start || h->end > end)
      continue;
    g_string_append_printf (s, "%s%s [%s] <- %s", s->len ? "; " : "", h->word,
                            h->lemmas, h->why);
  }
  return g_string_free (s, FALSE);
}

static gint64
theme_id (Run *run, const char *code)
{
  const gint64 *id = g_hash_table_lookup (run->theme_ids, code);
  return id ? *id : 0;
}

static const char *
theme_code (Run *run, gint64 id)
{
  const char *code = g_hash_table_lookup (run->theme_codes, &id);
  return code ? code : "?";
}

/* Theme ids of the project, before any worker starts (then read-only). */
static gboolean
load_theme_ids (Run *run, GError **error)
{
  for (guint i = 0; i < teema_codebook_size (run->cb); i++) {
    const char *code = teema_codebook_theme (run->cb, i)->code;
    gint64 id = teema_store__find_theme (run->project->store, code, error);
    if (id < 0)
      return FALSE;
    g_hash_table_insert (run->theme_ids, (gpointer) code,
                         g_memdup2 (&id, sizeof id));
    g_hash_table_insert (run->theme_codes, g_memdup2 (&id, sizeof id),
                         (gpointer) code);
  }
  return TRUE;
}

/* Stages it's coding of seg: the whole segment, or each of its spans; a
 * new one with a note of the words that fired in it (a kept one stays as
 * it is, note and time). */
static gboolean
stage_item (Run *run, const TeemaAutocodeItem *it, const TeemaSegment *seg,
            GError **error)
{
  TeemaAutocodeSpan whole = { 0, seg->end - seg->start, 0, 0 };
  guint n = it->spans->len ? it->spans->len : 1;
  for (guint i = 0; i < n; i++) {
    const TeemaAutocodeSpan *sp =
      it->spans->len ? &g_array_index (it->spans, TeemaAutocodeSpan, i)
                     : &whole;
    guint start = seg->start + sp->start, end = seg->start + sp->end;
    g_autofree char *note = it->added ? note_for (it, start, end) : NULL;
    if (!teema_store__stage_add (run->project->store, it->segment_id,
                                 theme_id (run, it->theme), start, end, note,
                                 error))
      return FALSE;
  }
  return TRUE;
}

/* Records one produced coding: kept when it existed with the same spans,
 * else added (replacing the old spans, when it had others). */
static gboolean
record (Run *run, TeemaAutocodeItem *it, const TeemaSegment *seg,
        GError **error)
{
  TeemaAutocodeResult *r = run->result;
  gint64 theme = theme_id (run, it->theme);
  const char *stored = NULL;
  gboolean had =
    teema_coding_keys__lookup (run->old, it->segment_id, theme, &stored);
  g_autofree char *spans = teema_compiled__spans_key (it);
  it->kept = had && g_strcmp0 (stored, spans) == 0;
  it->added = !it->kept;
  r->n_kept += it->kept;
  r->n_added += it->added;
  r->n_removed += had && !it->kept;
  run->n_produced++;
  teema_coding_keys__add (run->seen, it->segment_id, theme);
  if (run->opt->dry_run)
    return TRUE;
  return stage_item (run, it, seg, error);
}

static gboolean
write_batch (Run *run, Batch *b, GError **error)
{
  TeemaAutocodeResult *r = run->result;
  guint item = 0;
  gboolean stage = !run->opt->dry_run;
  if (stage && !teema_store__stage_begin (run->project->store, error))
    return FALSE;
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
  if (stage && !teema_store__stage_commit (run->project->store, error))
    return FALSE;
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
  teema_compiled__free (w->compiled);
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
    w->compiled = w->az ? teema_compiled__new (run->cb, w->az, error) : NULL;
    if (!w->compiled)
      return FALSE;
    for (guint t = 0; t < w->compiled->themes->len; t++) {
      TeemaCompiledTheme *ct = w->compiled->themes->pdata[t];
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

/* Old rule codings not produced again are counted (the swap removes
 * them) and listed when items are kept. */
static gboolean
remove_stale (Run *run, GError **error)
{
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, run->old);
  while (g_hash_table_iter_next (&it, &key, NULL)) {
    const TeemaCodingKey *k = key;
    if (teema_coding_keys__has (run->seen, k->segment, k->theme))
      continue;
    gint64 segment_id = k->segment;
    const char *theme = theme_code (run, k->theme);
    run->result->n_removed++;
    if (run->keep) {
      g_autoptr (TeemaSegment) seg =
        teema_store__get_segment (run->project->store, segment_id, NULL);
      TeemaSegment stub = { .id = segment_id };
      g_ptr_array_add (run->result->items,
                       teema_compiled__item_new (seg ? seg : &stub, theme));
    }
  }
  return TRUE;
}

/* The rules that could not decide, summed over the workers. */
static void
count_undecided (Run *run)
{
  for (guint i = 0; i < run->workers->len; i++) {
    TeemaCompiled *c = ((Worker *) run->workers->pdata[i])->compiled;
    run->result->n_undecided += c->n_undecided;
    if (!run->result->undecided && c->undecided)
      run->result->undecided = g_strdup (c->undecided);
  }
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

/* The one write to the project: the staged codings replace the old. */
static gboolean
swap (TeemaProject *project, gpointer data, GError **error)
{
  Run *run = data;
  TeemaAutocodeResult *r = run->result;
  gint64 coder =
    teema_store__ensure_coder (project->store, TEEMA_CODER_RULES, error);
  if (!coder
      || !teema_store__stage_swap (project->store, coder, &r->n_added,
                                   &r->n_removed, error))
    return FALSE;
  r->n_kept = run->n_produced - MIN (run->n_produced, r->n_added);
  return TRUE;
}

/* The analyses made, and those of the words only interviewers said (not
 * analysed above; a search should find every word analysed). */
static gboolean
save_cache (TeemaProject *project, gpointer data, GError **error)
{
  Run *run = data;
  return save_analyses (run, error)
         && teema_words__analyse_all (project, run->lang,
                                      run->opt->force_snowball, error);
}

static gboolean
run_all (TeemaProject *project, Run *run, GError **error)
{
  TeemaSegmentFilter filter = { NULL, NULL, run->opt->include_interviewer,
                                FALSE };
  gint64 total = teema_store__count_segments (project->store, &filter, error);
  if (total < 0)
    return FALSE;
  run->total = (guint) total;
  gboolean dry = run->opt->dry_run;
  gboolean ok =
    (dry || teema_store__stage_open (project->store, error))
    && teema_store__foreach_segment (project->store, &filter, feed, run, error)
    && hand_out (run, error);
  while (ok && run->next_write < run->next_seq)
    ok = collect (run, TRUE, error);
  stop_workers (run);
  count_undecided (run);
  ok = ok && remove_stale (run, error);
  if (ok && !dry)
    ok = teema_project__transact (project, swap, run, error)
         && teema_project__transact (project, save_cache, run, error);
  if (!dry)
    teema_store__stage_close (project->store);
  run->result->n_codings = run->n_produced;
  return ok;
}

static TeemaAutocodeResult *
result_new (TeemaBackend backend, const char *warning)
{
  TeemaAutocodeResult *r = g_new0 (TeemaAutocodeResult, 1);
  r->items = teema_compiled__items_new ();
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
  g_clear_pointer (&run->theme_codes, g_hash_table_destroy);
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
teema_autocode_run (TeemaProject *project, const TeemaAutocodeOptions *options,
                    GError **error)
{
  TeemaAutocodeOptions defaults = { 0 };
  const TeemaAutocodeOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  g_autofree char *lang = NULL;
  g_autoptr (TeemaAnalyzer) az = probe (opt, cb, &lang, error);
  if (!az)
    return NULL;
  g_autofree char *cache_key = teema_analyzer__cache_key (az);
  Run run = { 0 };
  run.project = project;
  run.opt = opt;
  run.cb = cb;
  run.keep = opt->keep_items || opt->dry_run;
  run.result =
    result_new (teema_analyzer_backend (az), teema_analyzer_warning (az));
  run.old = teema_store__coding_keys (project->store, TEEMA_CODER_RULES, error);
  run.seen = teema_coding_keys__new ();
  run.workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  run.todo = g_async_queue_new ();
  run.done = g_async_queue_new ();
  run.pending = g_hash_table_new (g_direct_hash, g_direct_equal);
  run.theme_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  run.theme_codes =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run.filling = batch_new (0);
  run.cache_key = cache_key;
  run.lang = lang;
  gboolean ok =
    run.old && load_theme_ids (&run, error)
    && (run.dump =
          teema_store__load_analyses (project->store, cache_key, error))
    && start_workers (&run, lang, error) && run_all (project, &run, error);
  TeemaAutocodeResult *result = run.result;
  run_clear (&run);
  if (!ok) {
    teema_autocode_result_free (result);
    return NULL;
  }
  /* A warning that arose while the segments were read (ICU missing). */
  if (!result->warning && teema_analyzer_warning (az))
    result->warning = g_strdup (teema_analyzer_warning (az));
  return result;
}
