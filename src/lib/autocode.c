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
  GPtrArray *rules;    /* TeemaRule * */
  GPtrArray *excludes; /* TeemaRule * */
} CompiledTheme;

struct TeemaCompiled {
  TeemaAnalyzer *az;
  TeemaMatcher *matcher;
  GPtrArray *themes;   /* CompiledTheme * */
  guint64 *presence;   /* scratch, matcher words long */
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
make_hit (const TeemaSegment *seg, const GArray *tokens,
          const TeemaRuleHit *rh, const TeemaRule *rule)
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

/* Codes one segment with one theme; returns the item or NULL. */
static TeemaAutocodeItem *
code_theme (TeemaCompiled *c, CompiledTheme *ct, const TeemaSegment *seg,
            const GArray *tokens)
{
  if (!any_may_match (ct, c->presence))
    return NULL;
  g_autofree gboolean *blocked = blocked_words (c, ct, seg->text, tokens);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  TeemaAutocodeItem *it = NULL;
  for (guint r = 0; r < ct->rules->len; r++) {
    TeemaRule *rule = ct->rules->pdata[r];
    g_array_set_size (hits, 0);
    if (!teema_rule__may_match (rule, c->presence) ||
        !teema_rule_match (rule, c->az, seg->text, tokens, blocked, hits))
      continue;
    if (!it)
      it = item_new (seg, ct->theme->code);
    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (it->hits,
                       make_hit (seg, tokens,
                                 &g_array_index (hits, TeemaRuleHit, i), rule));
  }
  return it;
}

void
teema_autocode__segment (TeemaCompiled *c, const TeemaSegment *seg,
                         const GArray *tokens, GPtrArray *items)
{
  memset (c->presence, 0,
          teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  for (guint t = 0; t < c->themes->len; t++) {
    TeemaAutocodeItem *it = code_theme (c, c->themes->pdata[t], seg, tokens);
    if (it)
      g_ptr_array_add (items, it);
  }
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
  const char *backend = teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO
                          ? "voikko" : "snowball";
  g_autofree char *key = g_strdup_printf ("%s-%s", backend, lang);
  g_autofree char *dump = teema_store__load_analyses (p->store, key);
  teema_analyzer_load_cache (az, dump);
  if (cache_key)
    *cache_key = g_steal_pointer (&key);
  return az;
}

/* ---- the run ------------------------------------------------------------- */

typedef struct {
  TeemaProject *project;
  const TeemaAutocodeOptions *opt;
  TeemaCompiled *compiled;
  TeemaAutocodeResult *result;
  GHashTable *old;      /* "segment\x1ftheme" of earlier rule codings */
  gboolean keep;        /* keep items in the result */
  guint total;          /* segments to examine, for progress */
  GPtrArray *scratch;   /* items of the current segment */
} Run;

static char *
coding_key (gint64 segment_id, const char *theme)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", segment_id, theme);
}

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

/* Records one produced coding: kept when it existed, else added. */
static gboolean
record (Run *run, TeemaAutocodeItem *it, const TeemaSegment *seg,
        GError **error)
{
  TeemaAutocodeResult *r = run->result;
  g_autofree char *key = coding_key (it->segment_id, it->theme);
  it->kept = g_hash_table_remove (run->old, key);
  it->added = !it->kept;
  r->n_kept += it->kept;
  r->n_added += it->added;
  if (it->added && !run->opt->dry_run) {
    g_autofree char *note = note_for (it);
    if (!teema_store__add_coding (run->project->store, it->segment_id,
                                  it->theme, TEEMA_CODER_RULES, seg->start,
                                  seg->end, note, NULL, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
code_one (const TeemaSegment *seg, gpointer data, GError **error)
{
  Run *run = data;
  TeemaAutocodeResult *r = run->result;
  g_autoptr (GArray) tokens =
    teema_analyzer_tokenize (run->compiled->az, seg->text, -1);
  r->n_words += tokens->len;
  teema_autocode__segment (run->compiled, seg, tokens, run->scratch);
  for (guint i = 0; i < run->scratch->len; i++)
    if (!record (run, run->scratch->pdata[i], seg, error))
      return FALSE;
  while (run->scratch->len) {
    gpointer it = g_ptr_array_steal_index (run->scratch, 0);
    if (run->keep)
      g_ptr_array_add (r->items, it);
    else
      item_free (it);
  }
  r->n_segments++;
  if (run->opt->progress &&
      (r->n_segments % 512 == 0 || r->n_segments == run->total))
    run->opt->progress (r->n_segments, run->total, run->opt->progress_data);
  return TRUE;
}

/* Old rule codings not produced again are removed. */
static gboolean
remove_stale (Run *run, GError **error)
{
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, run->old);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    TeemaCoding *c = value;
    run->result->n_removed++;
    if (!run->opt->dry_run &&
        !teema_store__remove_coding (run->project->store, c->segment_id,
                                     c->theme, TEEMA_CODER_RULES, NULL, error))
      return FALSE;
    if (run->keep) {
      TeemaSegment stub = { .id = c->segment_id, .informant = c->informant };
      g_ptr_array_add (run->result->items, item_new (&stub, c->theme));
    }
  }
  return TRUE;
}

static gboolean
load_old (Run *run, GError **error)
{
  TeemaCodingFilter cf = { TEEMA_CODER_RULES, NULL, NULL, 0 };
  GPtrArray *old = teema_store__list_codings (run->project->store, &cf, error);
  if (!old)
    return FALSE;
  run->old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) teema_coding_free);
  for (guint i = 0; i < old->len; i++) {
    TeemaCoding *c = g_ptr_array_steal_index_fast (old, i--);
    g_hash_table_insert (run->old, coding_key (c->segment_id, c->theme), c);
  }
  g_ptr_array_unref (old);
  return TRUE;
}

static gboolean
run_all (TeemaProject *project, gpointer data, GError **error)
{
  Run *run = data;
  TeemaSegmentFilter filter = { NULL, NULL, run->opt->include_interviewer };
  run->total = teema_store__count_segments (project->store, &filter);
  if (!load_old (run, error) ||
      !teema_store__foreach_segment (project->store, &filter, code_one, run,
                                     error) ||
      !remove_stale (run, error))
    return FALSE;
  run->result->n_codings = run->result->n_kept + run->result->n_added;
  return TRUE;
}

static TeemaAutocodeResult *
result_new (TeemaAnalyzer *az)
{
  TeemaAutocodeResult *r = g_new0 (TeemaAutocodeResult, 1);
  r->items = teema_autocode__items_new ();
  gboolean voikko = teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO;
  r->backend = g_strdup (voikko ? "voikko" : "snowball");
  r->warning = g_strdup (teema_analyzer_warning (az));
  return r;
}

typedef struct {
  Run *run;
  const char *cache_key;
} WriteJob;

static gboolean
write_run (TeemaProject *project, gpointer data, GError **error)
{
  WriteJob *job = data;
  if (!run_all (project, job->run, error))
    return FALSE;
  g_autofree char *dump = teema_analyzer_dump_cache (job->run->compiled->az,
                                                     TRUE);
  return teema_store__save_analyses (project->store, job->cache_key, dump,
                                     error);
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
  g_autofree char *cache_key = NULL;
  g_autoptr (TeemaAnalyzer) az = teema_autocode__analyzer (
    project, opt->lang ? opt->lang : teema_codebook_language (cb),
    opt->force_snowball, &cache_key, error);
  if (!az)
    return NULL;
  g_autoptr (TeemaCompiled) compiled = teema_autocode__compile (cb, az, error);
  if (!compiled)
    return NULL;
  Run run = { project, opt, compiled, result_new (az), NULL,
              opt->keep_items || opt->dry_run, 0,
              teema_autocode__items_new () };
  WriteJob job = { &run, cache_key };
  gboolean ok = opt->dry_run
                  ? run_all (project, &run, error)
                  : teema_project__transact (project, write_run, &job, error);
  g_ptr_array_unref (run.scratch);
  if (run.old)
    g_hash_table_destroy (run.old);
  if (!ok) {
    teema_autocode_result_free (run.result);
    return NULL;
  }
  return run.result;
}
