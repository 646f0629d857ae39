/* coding/compiled.c — the codebook's rules compiled for one analyser, and
 * coding one segment with them.
 *
 * For each theme: the theme's exclusions mark words that may not count,
 * then any of its rules that matches the remaining words codes the
 * segment. All rules share one matcher, so each word form is checked
 * against the codebook once, and a segment's term presence rules out most
 * themes before any word-level matching. Autocode, search, highlights,
 * suggestions and evaluation all code through here, so every path codes
 * text the same way. */
#include "coding/coding-private.h"

#include <string.h>

static void
compiled_theme_free (TeemaCompiledTheme *c)
{
  g_ptr_array_unref (c->rules);
  g_ptr_array_unref (c->excludes);
  g_free (c);
}

void
teema_compiled__free (TeemaCompiled *c)
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
      g_prefix_error (error, _ ("theme '%s': "), code);
      g_ptr_array_unref (out);
      return NULL;
    }
    teema_matcher__add (m, r);
    g_ptr_array_add (out, r);
  }
  return out;
}

TeemaCompiled *
teema_compiled__new (const TeemaCodebook *cb, TeemaAnalyzer *az, GError **error)
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
    TeemaCompiledTheme *ct = g_new0 (TeemaCompiledTheme, 1);
    ct->theme = t;
    ct->rules = compile_list (c->matcher, t->rules, t->code, error);
    ct->excludes =
      ct->rules ? compile_list (c->matcher, t->excludes, t->code, error) : NULL;
    g_ptr_array_add (c->themes, ct);
    if (!ct->excludes) {
      ct->excludes = g_ptr_array_new ();
      if (!ct->rules)
        ct->rules = g_ptr_array_new ();
      teema_compiled__free (c);
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
teema_compiled__items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
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

TeemaAutocodeItem *
teema_compiled__item_new (const TeemaSegment *seg, const char *theme)
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
blocked_words (TeemaCompiled *c, TeemaCompiledTheme *ct, const char *text,
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
any_may_match (TeemaCompiledTheme *ct, const guint64 *presence)
{
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule__may_match (ct->rules->pdata[r], presence))
      return TRUE;
  return FALSE;
}

/* Codes one segment with one theme; returns the item or NULL. The item
 * carries the words that fired only when with_hits. */
static TeemaAutocodeItem *
code_theme (TeemaCompiled *c, TeemaCompiledTheme *ct, const TeemaSegment *seg,
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
      it = teema_compiled__item_new (seg, ct->theme->code);
    if (!with_hits)
      break;
    for (guint i = 0; i < hits->len; i++)
      g_ptr_array_add (
        it->hits,
        make_hit (seg, tokens, &g_array_index (hits, TeemaRuleHit, i), rule));
  }
  return it;
}

void
teema_compiled__code (TeemaCompiled *c, const TeemaSegment *seg,
                      const GArray *tokens, GPtrArray *items,
                      GHashTable *skip_hits)
{
  memset (c->presence, 0, teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  for (guint t = 0; t < c->themes->len; t++) {
    TeemaCompiledTheme *ct = c->themes->pdata[t];
    TeemaAutocodeItem *it = code_theme (c, ct, seg, tokens, !skip_hits);
    if (it && skip_hits) {
      /* A new coding is explained; an existing one needs no words. */
      if (!teema_coding_keys__has (skip_hits, seg->id, ct->theme_id)) {
        item_free (it);
        it = code_theme (c, ct, seg, tokens, TRUE);
      }
    }
    if (it)
      g_ptr_array_add (items, it);
  }
}

void
teema_compiled__code_one (TeemaCompiled *c, const TeemaSegment *seg,
                          const GArray *tokens, GPtrArray *items)
{
  teema_compiled__code (c, seg, tokens, items, NULL);
}

static TeemaCompiledTheme *
compiled_theme (TeemaCompiled *c, const char *code)
{
  for (guint t = 0; t < c->themes->len; t++) {
    TeemaCompiledTheme *ct = c->themes->pdata[t];
    if (g_ascii_strcasecmp (ct->theme->code, code) == 0)
      return ct;
  }
  return NULL;
}

/* Adds "exclusion: word" for each word an exclusion of ct blocks. */
static void
exclusion_details (TeemaCompiled *c, TeemaCompiledTheme *ct,
                   const TeemaSegment *seg, const GArray *tokens,
                   GPtrArray *details)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  for (guint i = 0; i < ct->excludes->len; i++) {
    g_array_set_size (hits, 0);
    if (!teema_rule_match (ct->excludes->pdata[i], c->az, seg->text, tokens,
                           NULL, hits))
      continue;
    for (guint h = 0; h < hits->len; h++) {
      const TeemaRuleHit *rh = &g_array_index (hits, TeemaRuleHit, h);
      g_autofree char *word = substring_cp (seg->text, rh->start, rh->end);
      g_ptr_array_add (details, g_strdup_printf ("%s: %s", rh->why, word));
    }
  }
}

TeemaMissCause
teema_compiled__why_missed (TeemaCompiled *c, const char *code,
                            const TeemaSegment *seg, const GArray *tokens,
                            GPtrArray *details)
{
  TeemaCompiledTheme *ct = compiled_theme (c, code);
  if (!ct)
    return TEEMA_MISS_NO_WORD;
  memset (c->presence, 0, teema_matcher__words (c->matcher) * sizeof (guint64));
  teema_matcher__presence (c->matcher, tokens, c->presence);
  g_autoptr (GPtrArray) present = g_ptr_array_new ();
  for (guint r = 0; r < ct->rules->len; r++)
    teema_rule__present_terms (ct->rules->pdata[r], c->presence, seg->text,
                               present);
  if (present->len == 0)
    return TEEMA_MISS_NO_WORD;
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule_match (ct->rules->pdata[r], c->az, seg->text, tokens, NULL,
                          NULL)) {
      exclusion_details (c, ct, seg, tokens, details);
      return TEEMA_MISS_EXCLUDED;
    }
  for (guint r = 0; r < ct->rules->len; r++)
    if (teema_rule__complete (ct->rules->pdata[r], c->presence, seg->text))
      g_ptr_array_add (details, g_strdup_printf ("rule %u", r + 1));
  if (details->len)
    return TEEMA_MISS_APART;
  for (guint i = 0; i < present->len; i++)
    g_ptr_array_add (details, g_strdup (present->pdata[i]));
  return TEEMA_MISS_INCOMPLETE;
}

TeemaAnalyzer *
teema_coding__analyzer (TeemaProject *p, const char *lang,
                        gboolean force_snowball, char **cache_key,
                        GError **error)
{
  g_autofree char *stored = NULL;
  GError *local = NULL;
  if (!lang)
    lang = stored = teema_store__get_setting (p->store, "language", &local);
  if (local) {
    g_propagate_error (error, local);
    return NULL;
  }
  if (!lang)
    lang = "fi";
  TeemaAnalyzer *az = force_snowball ? teema_analyzer_new_snowball (lang, error)
                                     : teema_analyzer_new (lang, error);
  if (!az)
    return NULL;
  const char *backend =
    teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball";
  g_autofree char *key = g_strdup_printf ("%s-%s", backend, lang);
  g_autofree char *dump = teema_store__load_analyses (p->store, key, error);
  if (!dump) {
    teema_analyzer_free (az);
    return NULL;
  }
  teema_analyzer_load_cache (az, dump);
  if (cache_key)
    *cache_key = g_steal_pointer (&key);
  return az;
}

GPtrArray *
teema_autocode_text (const TeemaCodebook *codebook, TeemaAnalyzer *analyzer,
                     const char *text, GError **error)
{
  g_autoptr (TeemaCompiled) compiled =
    teema_compiled__new (codebook, analyzer, error);
  if (!compiled)
    return NULL;
  TeemaSegment seg = { .text = (char *) text };
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (analyzer, text, -1);
  GPtrArray *items = teema_compiled__items_new ();
  teema_compiled__code_one (compiled, &seg, tokens, items);
  return items;
}
