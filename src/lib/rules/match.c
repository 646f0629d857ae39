/* rules/match.c — evaluating a rule tree on the tokens of one text.
 *
 * Each node gives the set of token positions that make it true; AND, OR,
 * NOT and NEAR combine the sets of their kids. Terms are looked up in the
 * rule's matcher (one bit per term and word form). A re:/.../ term that
 * reaches its cost limit makes the whole match undecided: an error, never
 * a silent "no match".
 * Must always hold: a node's hits are token indices in ascending order
 * without duplicates; blocked tokens never appear in hits; recursion is
 * bounded by TEEMA_RULE_MAX_DEPTH. */
#include "rules/node-private.h"

#include <string.h>
#include <teema/error.h>

typedef struct {
  TeemaMatcher *m;
  const char *text;
  const GArray *tokens;
  const gboolean *blocked;
  const guint64 *presence; /* the terms of the whole text, or NULL */
  GError *error;           /* the first regex that gave up, or NULL */
} Ctx;

/* FALSE when term t is in no word of the text (so no token need be
 * looked at); TRUE when it may be. */
static gboolean
present (const Ctx *c, guint t)
{
  return !c->presence || ((c->presence[t / 64] >> (t % 64)) & 1);
}

static const TeemaToken *
tok (const Ctx *c, guint i)
{
  return &g_array_index (c->tokens, TeemaToken, i);
}

static gboolean
usable (const Ctx *c, guint i)
{
  return !(c->blocked && c->blocked[i]);
}

static gboolean
term_matches (const Ctx *c, guint term, guint i)
{
  return teema_matcher__term_matches (c->m, term, tok (c, i)->analysis);
}

/* Hit sets are sorted GArrays of guint. */
static void
set_add (GArray *set, guint i)
{
  if (set->len == 0 || g_array_index (set, guint, set->len - 1) < i) {
    g_array_append_val (set, i);
    return;
  }
  guint lo = 0, hi = set->len;
  while (lo < hi) {
    guint mid = (lo + hi) / 2;
    if (g_array_index (set, guint, mid) < i)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < set->len && g_array_index (set, guint, lo) == i)
    return;
  g_array_insert_val (set, lo, i);
}

static void
set_union (GArray *into, const GArray *from)
{
  for (guint i = 0; i < from->len; i++)
    set_add (into, g_array_index (from, guint, i));
}

static GArray *
set_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
eval_terms (Node *n, const Ctx *c, GArray *out)
{
  if (!present (c, n->term))
    return;
  for (guint i = 0; i < c->tokens->len; i++)
    if (usable (c, i) && term_matches (c, n->term, i))
      g_array_append_val (out, i);
}

static void
eval_phrase (Node *n, const Ctx *c, GArray *out)
{
  guint k = g_strv_length (n->words);
  for (guint j = 0; j < k; j++)
    if (!present (c, n->word_terms[j]))
      return;
  for (guint i = 0; i + k <= c->tokens->len; i++) {
    guint j = 0;
    while (j < k && usable (c, i + j)
           && term_matches (c, n->word_terms[j], i + j))
      j++;
    if (j == k)
      for (j = 0; j < k; j++)
        set_add (out, i + j);
  }
}

typedef struct {
  const Ctx *c;
  GArray *out;
  guint from; /* tokens before it end before the last match */
} RegexHits;

/* The usable tokens that overlap the match [cs, ce). */
static void
regex_hit (guint cs, guint ce, gpointer data)
{
  RegexHits *rh = data;
  const Ctx *c = rh->c;
  while (rh->from < c->tokens->len && tok (c, rh->from)->end <= cs)
    rh->from++;
  for (guint i = rh->from; i < c->tokens->len && tok (c, i)->start < ce; i++)
    if (usable (c, i))
      set_add (rh->out, i);
}

static void
eval_regex (Node *n, Ctx *c, GArray *out)
{
  if (c->error)
    return;
  RegexHits rh = { c, out, 0 };
  if (!teema_regex__find_all (n->regex, c->text, regex_hit, &rh, &c->error))
    g_prefix_error (&c->error, "%s: ", n->display);
}

static gboolean eval (Node *n, Ctx *c, GArray *out);

static gboolean
eval_near (Node *n, Ctx *c, GArray *out)
{
  g_autoptr (GArray) a = set_new ();
  g_autoptr (GArray) b = set_new ();
  if (!eval (n->kids[0], c, a) || !eval (n->kids[1], c, b))
    return FALSE;
  gboolean any = FALSE;
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++) {
      guint x = g_array_index (a, guint, i), y = g_array_index (b, guint, j);
      if (x != y && (x > y ? x - y : y - x) <= n->distance) {
        set_add (out, x);
        set_add (out, y);
        any = TRUE;
      }
    }
  return any;
}

static gboolean
eval_and (Node *n, Ctx *c, GArray *out)
{
  for (guint i = 0; i < n->n_kids; i++) {
    g_autoptr (GArray) kid = set_new ();
    if (!eval (n->kids[i], c, kid))
      return FALSE;
    set_union (out, kid);
  }
  return TRUE;
}

static gboolean
eval_or (Node *n, Ctx *c, GArray *out)
{
  gboolean any = FALSE;
  for (guint i = 0; i < n->n_kids; i++)
    any = eval (n->kids[i], c, out) || any;
  return any;
}

/* Evaluates n; on TRUE adds the tokens that made it true to out. */
static gboolean
eval (Node *n, Ctx *c, GArray *out)
{
  g_autoptr (GArray) tmp = set_new ();
  gboolean any = FALSE;
  switch (n->kind) {
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    eval_terms (n, c, tmp);
    any = tmp->len > 0;
    break;
  case N_PHRASE:
    eval_phrase (n, c, tmp);
    any = tmp->len > 0;
    break;
  case N_REGEX:
    eval_regex (n, c, tmp);
    any = tmp->len > 0;
    break;
  case N_AND:
    any = eval_and (n, c, tmp);
    break;
  case N_OR:
    any = eval_or (n, c, tmp);
    break;
  case N_NOT:
    any = !eval (n->kids[0], c, tmp);
    g_array_set_size (tmp, 0);
    break;
  case N_NEAR:
    any = eval_near (n, c, tmp);
    break;
  }
  if (any)
    set_union (out, tmp);
  return any;
}

/* The display name of the term that matched token i, for explanations. */
static const char *
why_token (Node *n, const Ctx *c, guint i)
{
  switch (n->kind) {
  case N_AND:
  case N_OR:
  case N_NEAR:
    for (guint k = 0; k < n->n_kids; k++) {
      const char *w = why_token (n->kids[k], c, i);
      if (w)
        return w;
    }
    return NULL;
  case N_NOT:
    return NULL;
  case N_REGEX:
    return n->display;
  case N_PHRASE:
    for (guint j = 0; n->words[j]; j++)
      if (term_matches (c, n->word_terms[j], i))
        return n->display;
    return NULL;
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    return term_matches (c, n->term, i) ? n->display : NULL;
  }
  g_return_val_if_reached (NULL);
}

/* The rule's matcher for analyzer: the shared one it was added to, or one
 * of its own. */
static TeemaMatcher *
matcher_for (TeemaRule *rule, TeemaAnalyzer *analyzer)
{
  if (rule->matcher && teema_matcher__analyzer (rule->matcher) == analyzer)
    return rule->matcher;
  TeemaMatcher *m = teema_matcher__new (analyzer);
  teema_matcher__add (m, rule);
  rule->own_matcher = TRUE;
  return m;
}

TeemaMatcher *
teema_rule__matcher (TeemaRule *rule, TeemaAnalyzer *analyzer)
{
  return matcher_for (rule, analyzer);
}

gboolean
teema_rule__match_present (TeemaRule *rule, TeemaAnalyzer *analyzer,
                           const char *text, const GArray *tokens,
                           const TeemaMatcher *matcher, const guint64 *presence,
                           const gboolean *blocked, GArray *hits,
                           GError **error)
{
  TeemaMatcher *m = matcher_for (rule, analyzer);
  Ctx c = { m, text, tokens, blocked, m == matcher ? presence : NULL, NULL };
  g_autoptr (GArray) set = set_new ();
  gboolean any = eval (rule->root, &c, set);
  if (c.error) {
    g_propagate_error (error, c.error);
    return FALSE;
  }
  if (!any)
    return FALSE;
  for (guint i = 0; hits && i < set->len; i++) {
    guint t = g_array_index (set, guint, i);
    const char *why = why_token (rule->root, &c, t);
    TeemaRuleHit h = { t, tok (&c, t)->start, tok (&c, t)->end,
                       why ? why : rule->source };
    g_array_append_val (hits, h);
  }
  return TRUE;
}

gboolean
teema_rule_match_full (TeemaRule *rule, TeemaAnalyzer *analyzer,
                       const char *text, const GArray *tokens,
                       const gboolean *blocked, GArray *hits, GError **error)
{
  return teema_rule__match_present (rule, analyzer, text, tokens, NULL, NULL,
                                    blocked, hits, error);
}

gboolean
teema_rule_match (TeemaRule *rule, TeemaAnalyzer *analyzer, const char *text,
                  const GArray *tokens, const gboolean *blocked, GArray *hits)
{
  return teema_rule_match_full (rule, analyzer, text, tokens, blocked, hits,
                                NULL);
}

GArray *
teema_rule_test_full (TeemaRule *rule, TeemaAnalyzer *analyzer,
                      const char *text, GArray **tokens_out, GError **error)
{
  GArray *tokens = teema_analyzer_tokenize (analyzer, text, -1);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  gboolean ok =
    teema_rule_match_full (rule, analyzer, text, tokens, NULL, hits, error);
  if (tokens_out)
    *tokens_out = tokens;
  else
    g_array_unref (tokens);
  if (!ok) {
    g_array_unref (hits);
    return NULL;
  }
  return hits;
}

GArray *
teema_rule_test (TeemaRule *rule, TeemaAnalyzer *analyzer, const char *text,
                 GArray **tokens_out)
{
  return teema_rule_test_full (rule, analyzer, text, tokens_out, NULL);
}
