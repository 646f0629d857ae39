/* autocode.c — applying the codebook's rules to every informant segment.
 *
 * For each segment and theme: the theme's exclusions mark words that may
 * not count, then any of its rules that matches the remaining words codes
 * the whole segment. The new set of rule codings is compared with the old
 * one; only the difference is written, in one transaction, so a dry run
 * and a real run report the same changes and re-running changes nothing.
 * The analyser's cache is loaded from and saved to the project, so each
 * word form is analysed once per project. */
#include "autocode-private.h"
#include "project-private.h"

#include <string.h>
#include <teema/teema.h>

typedef struct {
  const TeemaTheme *theme;
  GPtrArray *rules;    /* TeemaRule * */
  GPtrArray *excludes; /* TeemaRule * */
} CompiledTheme;

static void
compiled_free (CompiledTheme *c)
{
  g_ptr_array_unref (c->rules);
  g_ptr_array_unref (c->excludes);
  g_free (c);
}

static GPtrArray *
compile_list (GPtrArray *sources, const char *code, GError **error)
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
    g_ptr_array_add (out, r);
  }
  return out;
}

GPtrArray *
teema_autocode__compile (const TeemaCodebook *cb, GError **error)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_free);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (t->rules->len == 0)
      continue;
    CompiledTheme *c = g_new0 (CompiledTheme, 1);
    c->theme = t;
    c->rules = compile_list (t->rules, t->code, error);
    c->excludes = c->rules ? compile_list (t->excludes, t->code, error) : NULL;
    if (!c->excludes) {
      if (c->rules)
        g_ptr_array_unref (c->rules);
      g_free (c);
      g_ptr_array_unref (out);
      return NULL;
    }
    g_ptr_array_add (out, c);
  }
  return out;
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
  gboolean compound = an->parts[0] && an->parts[1];
  h->parts = compound ? g_strjoinv ("+", (char **) an->parts) : g_strdup ("");
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

/* Marks the words that the theme's exclusions match. */
static gboolean *
blocked_words (CompiledTheme *c, TeemaAnalyzer *az, const char *text,
               const GArray *tokens)
{
  if (c->excludes->len == 0)
    return NULL;
  gboolean *blocked = g_new0 (gboolean, tokens->len + 1);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  for (guint i = 0; i < c->excludes->len; i++)
    teema_rule_match (c->excludes->pdata[i], az, text, tokens, NULL, hits);
  for (guint i = 0; i < hits->len; i++)
    blocked[g_array_index (hits, TeemaRuleHit, i).token] = TRUE;
  return blocked;
}

/* Codes one segment with one theme; returns the item or NULL. */
static TeemaAutocodeItem *
code_segment (CompiledTheme *c, TeemaAnalyzer *az, const TeemaSegment *seg,
              const GArray *tokens)
{
  g_autofree gboolean *blocked = blocked_words (c, az, seg->text, tokens);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  TeemaAutocodeItem *it = NULL;
  for (guint r = 0; r < c->rules->len; r++) {
    g_array_set_size (hits, 0);
    TeemaRule *rule = c->rules->pdata[r];
    if (!teema_rule_match (rule, az, seg->text, tokens, blocked, hits))
      continue;
    if (!it)
      it = item_new (seg, c->theme->code);
    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (it->hits,
                       make_hit (seg, tokens,
                                 &g_array_index (hits, TeemaRuleHit, i), rule));
  }
  return it;
}

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

typedef struct {
  TeemaAutocodeResult *result;
  GPtrArray *segments;
  char *cache_dump;
  const char *backend;
} WriteJob;

static gboolean
write_changes (TeemaProject *p, gpointer data, GError **error)
{
  WriteJob *job = data;
  g_autoptr (GHashTable) seg_by_id =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < job->segments->len; i++) {
    TeemaSegment *s = job->segments->pdata[i];
    g_hash_table_insert (seg_by_id, &s->id, s);
  }
  for (guint i = 0; i < job->result->items->len; i++) {
    TeemaAutocodeItem *it = job->result->items->pdata[i];
    if (it->kept)
      continue;
    if (!it->added) {
      if (!teema_store__remove_coding (p->store, it->segment_id, it->theme,
                                       TEEMA_CODER_RULES, NULL, error))
        return FALSE;
      continue;
    }
    TeemaSegment *s = g_hash_table_lookup (seg_by_id, &it->segment_id);
    g_autofree char *note = note_for (it);
    if (!teema_store__add_coding (p->store, it->segment_id, it->theme,
                                  TEEMA_CODER_RULES, s->start, s->end, note,
                                  NULL, error))
      return FALSE;
  }
  return teema_store__save_analyses (p->store, job->backend, job->cache_dump,
                                     error);
}

/* Marks items as kept or added against the old codings and appends
 * removals for old codings no longer produced. */
static void
diff_with_old (TeemaAutocodeResult *r, GPtrArray *old, GPtrArray *segments)
{
  g_autoptr (GHashTable) old_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < old->len; i++) {
    TeemaCoding *c = old->pdata[i];
    g_hash_table_insert (old_keys, coding_key (c->segment_id, c->theme), c);
  }
  for (guint i = 0; i < r->items->len; i++) {
    TeemaAutocodeItem *it = r->items->pdata[i];
    g_autofree char *key = coding_key (it->segment_id, it->theme);
    it->kept = g_hash_table_remove (old_keys, key);
    it->added = !it->kept;
    r->n_kept += it->kept;
    r->n_added += it->added;
  }
  g_autoptr (GHashTable) seg_by_id =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < segments->len; i++) {
    TeemaSegment *s = segments->pdata[i];
    g_hash_table_insert (seg_by_id, &s->id, s);
  }
  for (guint i = 0; i < old->len; i++) {
    TeemaCoding *c = old->pdata[i];
    g_autofree char *key = coding_key (c->segment_id, c->theme);
    if (!g_hash_table_contains (old_keys, key))
      continue;
    TeemaSegment stub = { .id = c->segment_id, .informant = c->informant };
    TeemaSegment *s = g_hash_table_lookup (seg_by_id, &c->segment_id);
    TeemaAutocodeItem *it = item_new (s ? s : &stub, c->theme);
    g_ptr_array_add (r->items, it);
    r->n_removed++;
  }
  r->n_codings = r->n_kept + r->n_added;
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

void
teema_autocode__segment (GPtrArray *compiled, TeemaAnalyzer *az,
                         const TeemaSegment *seg, const GArray *tokens,
                         GPtrArray *items)
{
  for (guint t = 0; t < compiled->len; t++) {
    TeemaAutocodeItem *it = code_segment (compiled->pdata[t], az, seg, tokens);
    if (it)
      g_ptr_array_add (items, it);
  }
}

GPtrArray *
teema_autocode__items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

static void
run_rules (TeemaAutocodeResult *r, GPtrArray *compiled, TeemaAnalyzer *az,
           GPtrArray *segments, const TeemaAutocodeOptions *opt)
{
  for (guint i = 0; i < segments->len; i++) {
    const TeemaSegment *seg = segments->pdata[i];
    GArray *tokens = teema_analyzer_tokenize (az, seg->text, -1);
    r->n_words += tokens->len;
    teema_autocode__segment (compiled, az, seg, tokens, r->items);
    g_array_unref (tokens);
    if (opt->progress && (i % 256 == 255 || i + 1 == segments->len))
      opt->progress (i + 1, segments->len, opt->progress_data);
  }
  r->n_segments = segments->len;
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
  g_autoptr (GPtrArray) compiled = teema_autocode__compile (cb, error);
  if (!compiled)
    return NULL;
  g_autofree char *cache_key = NULL;
  g_autoptr (TeemaAnalyzer) az = teema_autocode__analyzer (
    project, opt->lang ? opt->lang : teema_codebook_language (cb),
    opt->force_snowball, &cache_key, error);
  if (!az)
    return NULL;
  TeemaSegmentFilter filter = { NULL, NULL, opt->include_interviewer };
  g_autoptr (GPtrArray) segments =
    teema_store__list_segments (project->store, &filter, error);
  TeemaCodingFilter cf = { TEEMA_CODER_RULES, NULL, NULL, 0 };
  g_autoptr (GPtrArray) old =
    segments ? teema_store__list_codings (project->store, &cf, error) : NULL;
  if (!old)
    return NULL;
  TeemaAutocodeResult *r = g_new0 (TeemaAutocodeResult, 1);
  r->items = teema_autocode__items_new ();
  gboolean voikko = teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO;
  r->backend = g_strdup (voikko ? "voikko" : "snowball");
  r->warning = g_strdup (teema_analyzer_warning (az));
  run_rules (r, compiled, az, segments, opt);
  diff_with_old (r, old, segments);
  if (opt->dry_run)
    return r;
  WriteJob job = { r, segments, teema_analyzer_dump_cache (az, TRUE),
                   cache_key };
  gboolean ok = teema_project__transact (project, write_changes, &job, error);
  g_free (job.cache_dump);
  if (!ok) {
    teema_autocode_result_free (r);
    return NULL;
  }
  return r;
}
