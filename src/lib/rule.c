/* rule.c — the keyword rule language: parser and matcher.
 *
 * A rule compiles to a small tree. Terms (word, lemma:, part:, head:,
 * root:, prefix*, "phrase", re://) match tokens; AND, OR, NOT and NEAR/n
 * combine the sets of matching token positions. Whether a term matches a
 * word form is remembered per form (analyses are shared by every token of
 * the same form), so a corpus costs one check per distinct form and term.
 * Must always hold: a node's hits are token indices in ascending order
 * without duplicates; blocked tokens never appear in hits. */
#include "rule-private.h"
#include "text-private.h"

#include <string.h>
#include <teema/error.h>

typedef enum {
  N_WORD, N_LEMMA, N_PART, N_HEAD, N_ROOT, N_PREFIX, N_PHRASE, N_REGEX,
  N_AND, N_OR, N_NOT, N_NEAR,
} NodeKind;

typedef struct Node Node;
struct Node {
  NodeKind kind;
  char *value;          /* term value (folded), or phrase words joined */
  char *display;        /* "part:suhde" */
  char **words;         /* phrase words */
  GRegex *regex;
  guint distance;       /* NEAR/n */
  Node *a, *b;
  GHashTable *memo;     /* analysis -> 1 no / 2 yes */
  TeemaAnalyzer *memo_for;
};

struct TeemaRule {
  char *source;
  Node *root;
};

static void
node_free (Node *n)
{
  if (!n)
    return;
  node_free (n->a);
  node_free (n->b);
  g_free (n->value);
  g_free (n->display);
  g_strfreev (n->words);
  if (n->regex)
    g_regex_unref (n->regex);
  if (n->memo)
    g_hash_table_destroy (n->memo);
  g_free (n);
}

void
teema_rule_free (TeemaRule *rule)
{
  if (!rule)
    return;
  node_free (rule->root);
  g_free (rule->source);
  g_free (rule);
}

const char *
teema_rule_source (const TeemaRule *rule)
{
  return rule->source;
}

/* ---- parser -------------------------------------------------------------- */

typedef struct {
  const char *src;
  const char *p;
  GError **error;
  guint *column;
  gboolean failed;
} Parser;

static Node *parse_or (Parser *ps);

static gboolean
syntax_error (Parser *ps, const char *at, const char *fmt, const char *what)
{
  if (ps->failed)
    return FALSE;
  ps->failed = TRUE;
  *ps->column = (guint) g_utf8_strlen (ps->src, at - ps->src) + 1;
  g_set_error (ps->error, TEEMA_ERROR, TEEMA_ERROR_RULE, fmt, what);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t')
    ps->p++;
}

/* Matches keyword kw (upper case, whole word) at the cursor. */
static gboolean
keyword (Parser *ps, const char *kw)
{
  skip_space (ps);
  gsize n = strlen (kw);
  if (strncmp (ps->p, kw, n) != 0)
    return FALSE;
  char c = ps->p[n];
  if (c && !g_ascii_isspace (c) && c != '(' && c != '/' && c != '"')
    return FALSE;
  ps->p += n;
  return TRUE;
}

static gboolean
word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || c == '-' || c == ':' || c == '_' ||
         c == '\'';
}

static char *
read_word (Parser *ps)
{
  const char *start = ps->p;
  while (*ps->p && word_char (ps->p))
    ps->p = g_utf8_next_char (ps->p);
  return g_strndup (start, ps->p - start);
}

static Node *
node_new (NodeKind kind)
{
  Node *n = g_new0 (Node, 1);
  n->kind = kind;
  return n;
}

static Node *
term (Parser *ps, NodeKind kind, const char *prefix)
{
  const char *at = ps->p;
  g_autofree char *w = read_word (ps);
  if (!*w) {
    syntax_error (ps, at, "expected a word after '%s'", prefix);
    return NULL;
  }
  Node *n = node_new (kind);
  n->value = teema_text__fold (w, -1);
  n->display = g_strconcat (prefix, w, NULL);
  if (*ps->p == '*') {
    if (kind != N_WORD) {
      syntax_error (ps, ps->p, "'*' works only on a plain word, not after "
                               "'%s'", prefix);
      node_free (n);
      return NULL;
    }
    n->kind = N_PREFIX;
    ps->p++;
    g_free (n->display);
    n->display = g_strconcat (w, "*", NULL);
  }
  return n;
}

static Node *
phrase (Parser *ps)
{
  const char *open = ps->p++;
  const char *close = strchr (ps->p, '"');
  if (!close) {
    syntax_error (ps, open, "%s", "unclosed '\"': end the phrase with '\"'");
    return NULL;
  }
  g_autofree char *inner = g_strndup (ps->p, close - ps->p);
  ps->p = close + 1;
  g_autofree char *folded = teema_text__fold (inner, -1);
  Node *n = node_new (N_PHRASE);
  n->words = g_regex_split_simple ("\\s+", g_strstrip (folded), 0, 0);
  if (!n->words[0] || !*n->words[0]) {
    node_free (n);
    syntax_error (ps, open, "%s", "empty phrase");
    return NULL;
  }
  n->display = g_strdup_printf ("\"%s\"", inner);
  return n;
}

static Node *
regex_term (Parser *ps)
{
  const char *at = ps->p;
  ps->p += 4; /* re:/ */
  const char *close = ps->p;
  while (*close && (*close != '/' || close[-1] == '\\'))
    close++;
  if (!*close) {
    syntax_error (ps, at, "%s", "unclosed regular expression: end it with '/'");
    return NULL;
  }
  g_autofree char *pattern = g_strndup (ps->p, close - ps->p);
  ps->p = close + 1;
  GError *re_error = NULL;
  GRegex *re = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0,
                            &re_error);
  if (!re) {
    syntax_error (ps, at, "bad regular expression: %s", re_error->message);
    g_error_free (re_error);
    return NULL;
  }
  Node *n = node_new (N_REGEX);
  n->regex = re;
  n->display = g_strdup_printf ("re:/%s/", pattern);
  return n;
}

static Node *
primary (Parser *ps)
{
  skip_space (ps);
  static const struct {
    const char *prefix;
    NodeKind kind;
  } prefixes[] = { { "lemma:", N_LEMMA }, { "part:", N_PART },
                   { "head:", N_HEAD },   { "root:", N_ROOT } };
  if (*ps->p == '(') {
    const char *open = ps->p++;
    Node *n = parse_or (ps);
    skip_space (ps);
    if (n && *ps->p != ')') {
      syntax_error (ps, open, "%s", "unclosed '(': add ')'");
      node_free (n);
      return NULL;
    }
    ps->p++;
    return n;
  }
  if (*ps->p == '"')
    return phrase (ps);
  if (g_str_has_prefix (ps->p, "re:/"))
    return regex_term (ps);
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (ps->p, prefixes[i].prefix)) {
      ps->p += strlen (prefixes[i].prefix);
      return term (ps, prefixes[i].kind, prefixes[i].prefix);
    }
  if (!*ps->p || !word_char (ps->p)) {
    syntax_error (ps, ps->p,
                  "expected a word, lemma:, part:, head:, root:, a \"phrase\","
                  " re:/.../ or '(' %s",
                  *ps->p ? "here" : "at the end");
    return NULL;
  }
  return term (ps, N_WORD, "");
}

static Node *
binary (NodeKind kind, Node *a, Node *b)
{
  if (!a || !b) {
    node_free (a);
    node_free (b);
    return NULL;
  }
  Node *n = node_new (kind);
  n->a = a;
  n->b = b;
  return n;
}

static Node *
unary (Parser *ps)
{
  if (keyword (ps, "NOT")) {
    Node *inner = unary (ps);
    if (!inner)
      return NULL;
    Node *n = node_new (N_NOT);
    n->b = inner;
    return n;
  }
  return primary (ps);
}

static Node *
parse_near (Parser *ps)
{
  Node *left = unary (ps);
  while (left && keyword (ps, "NEAR")) {
    guint distance = 5;
    if (*ps->p == '/') {
      char *end = NULL;
      guint64 d = g_ascii_strtoull (ps->p + 1, &end, 10);
      if (end == ps->p + 1 || d == 0 || d > 1000) {
        syntax_error (ps, ps->p, "%s", "NEAR/n needs a distance 1-1000");
        node_free (left);
        return NULL;
      }
      distance = (guint) d;
      ps->p = end;
    }
    left = binary (N_NEAR, left, unary (ps));
    if (left)
      left->distance = distance;
  }
  return left;
}

static gboolean
at_operand (Parser *ps)
{
  skip_space (ps);
  if (!*ps->p || *ps->p == ')')
    return FALSE;
  const char *save = ps->p;
  gboolean op = keyword (ps, "OR") || keyword (ps, "AND");
  ps->p = save;
  return !op;
}

static Node *
parse_and (Parser *ps)
{
  Node *left = parse_near (ps);
  while (left) {
    if (keyword (ps, "AND")) {
      left = binary (N_AND, left, parse_near (ps));
    } else if (at_operand (ps)) {
      /* "A NOT B" and "A B" both mean A AND (...). */
      left = binary (N_AND, left, parse_near (ps));
    } else {
      break;
    }
  }
  return left;
}

static Node *
parse_or (Parser *ps)
{
  Node *left = parse_and (ps);
  while (left && keyword (ps, "OR"))
    left = binary (N_OR, left, parse_and (ps));
  return left;
}

TeemaRule *
teema_rule__compile (const char *src, guint *column, GError **error)
{
  guint col = 0;
  Parser ps = { src, src, error, column ? column : &col, FALSE };
  Node *root = parse_or (&ps);
  skip_space (&ps);
  if (root && *ps.p) {
    syntax_error (&ps, ps.p, "%s", *ps.p == ')' ? "unmatched ')'"
                                                 : "unexpected text");
    node_free (root);
    root = NULL;
  }
  if (!root) {
    if (!ps.failed)
      syntax_error (&ps, ps.p, "%s", "empty rule");
    return NULL;
  }
  TeemaRule *rule = g_new0 (TeemaRule, 1);
  rule->source = g_strdup (src);
  rule->root = root;
  return rule;
}

TeemaRule *
teema_rule_compile (const char *src, GError **error)
{
  guint column = 0;
  TeemaRule *rule = teema_rule__compile (src, &column, error);
  if (!rule)
    g_prefix_error (error, "rule '%s', column %u: ", src, column);
  return rule;
}

/* ---- matching ------------------------------------------------------------ */

static gboolean
in_list (const char *const *list, const char *key)
{
  for (; list && *list; list++)
    if (strcmp (*list, key) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
snowball_contains (const TeemaAnalysis *an, const char *key)
{
  return strstr (an->form, key) != NULL;
}

static gboolean
term_matches_uncached (const Node *n, TeemaAnalyzer *az,
                       const TeemaAnalysis *an, const char *word)
{
  gboolean snowball = teema_analyzer_backend (az) == TEEMA_BACKEND_SNOWBALL;
  switch (n->kind) {
  case N_WORD:
    return strcmp (an->form, word) == 0 ||
           in_list (an->lemmas, teema_analyzer__term_key (az, 'l', word));
  case N_LEMMA:
    return in_list (an->lemmas, teema_analyzer__term_key (az, 'l', word));
  case N_PART:
  case N_HEAD: {
    const char *key = teema_analyzer__term_key (az, 'p', word);
    if (snowball)
      return snowball_contains (an, key);
    return in_list (n->kind == N_PART ? an->parts : an->heads, key);
  }
  case N_ROOT: {
    const char *key = teema_analyzer__term_key (az, 'r', word);
    return in_list (an->roots, key) || in_list (an->lemmas, key);
  }
  case N_PREFIX:
    return g_str_has_prefix (an->form, word);
  default:
    return FALSE;
  }
}

static gboolean
term_matches (Node *n, TeemaAnalyzer *az, const TeemaAnalysis *an,
              const char *word)
{
  if (n->kind == N_PHRASE)
    return term_matches_uncached (&(Node){ .kind = N_WORD }, az, an, word);
  if (n->memo_for != az) {
    if (n->memo)
      g_hash_table_destroy (n->memo);
    n->memo = g_hash_table_new (g_direct_hash, g_direct_equal);
    n->memo_for = az;
  }
  gpointer v = g_hash_table_lookup (n->memo, an);
  if (v)
    return GPOINTER_TO_INT (v) == 2;
  gboolean yes = term_matches_uncached (n, az, an, word);
  g_hash_table_insert (n->memo, (gpointer) an, GINT_TO_POINTER (yes ? 2 : 1));
  return yes;
}

typedef struct {
  TeemaAnalyzer *az;
  const char *text;
  const GArray *tokens;
  const gboolean *blocked;
} Ctx;

static const TeemaToken *
tok (const Ctx *c, guint i)
{
  return &g_array_index (c->tokens, TeemaToken, i);
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
  for (guint i = 0; i < c->tokens->len; i++)
    if (!(c->blocked && c->blocked[i]) &&
        term_matches (n, c->az, tok (c, i)->analysis, n->value))
      g_array_append_val (out, i);
}

static void
eval_phrase (Node *n, const Ctx *c, GArray *out)
{
  guint k = g_strv_length (n->words);
  for (guint i = 0; i + k <= c->tokens->len; i++) {
    guint j = 0;
    while (j < k && !(c->blocked && c->blocked[i + j]) &&
           term_matches (n, c->az, tok (c, i + j)->analysis, n->words[j]))
      j++;
    if (j == k)
      for (j = 0; j < k; j++)
        set_add (out, i + j);
  }
}

static void
eval_regex (Node *n, const Ctx *c, GArray *out, gboolean *any)
{
  GMatchInfo *m = NULL;
  g_regex_match (n->regex, c->text, 0, &m);
  while (g_match_info_matches (m)) {
    int bs = 0, be = 0;
    g_match_info_fetch_pos (m, 0, &bs, &be);
    guint cs = (guint) g_utf8_strlen (c->text, bs);
    guint ce = cs + (guint) g_utf8_strlen (c->text + bs, be - bs);
    for (guint i = 0; i < c->tokens->len; i++) {
      const TeemaToken *t = tok (c, i);
      if (t->start < ce && t->end > cs && !(c->blocked && c->blocked[i])) {
        set_add (out, i);
        *any = TRUE;
      }
    }
    g_match_info_next (m, NULL);
  }
  g_match_info_free (m);
}

static gboolean eval (Node *n, const Ctx *c, GArray *out);

static gboolean
eval_near (Node *n, const Ctx *c, GArray *out)
{
  g_autoptr (GArray) a = set_new ();
  g_autoptr (GArray) b = set_new ();
  if (!eval (n->a, c, a) || !eval (n->b, c, b))
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

/* Evaluates n; on TRUE adds the tokens that made it true to out. */
static gboolean
eval (Node *n, const Ctx *c, GArray *out)
{
  g_autoptr (GArray) tmp = set_new ();
  gboolean any = FALSE;
  switch (n->kind) {
  case N_PHRASE:
    eval_phrase (n, c, tmp);
    any = tmp->len > 0;
    break;
  case N_REGEX:
    eval_regex (n, c, tmp, &any);
    break;
  case N_AND: {
    g_autoptr (GArray) b = set_new ();
    any = eval (n->a, c, tmp) && eval (n->b, c, b);
    set_union (tmp, b);
    break;
  }
  case N_OR: {
    gboolean x = eval (n->a, c, tmp);
    gboolean y = eval (n->b, c, tmp);
    any = x || y;
    break;
  }
  case N_NOT:
    any = !eval (n->b, c, tmp);
    g_array_set_size (tmp, 0);
    break;
  case N_NEAR:
    any = eval_near (n, c, tmp);
    break;
  default:
    eval_terms (n, c, tmp);
    any = tmp->len > 0;
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
  if (!n)
    return NULL;
  switch (n->kind) {
  case N_AND: case N_OR: case N_NEAR: {
    const char *w = why_token (n->a, c, i);
    return w ? w : why_token (n->b, c, i);
  }
  case N_NOT:
    return NULL;
  case N_REGEX:
    return n->display;
  case N_PHRASE:
    for (guint j = 0; n->words[j]; j++)
      if (term_matches (n, c->az, tok (c, i)->analysis, n->words[j]))
        return n->display;
    return NULL;
  default:
    return term_matches (n, c->az, tok (c, i)->analysis, n->value)
             ? n->display : NULL;
  }
}

gboolean
teema_rule_match (TeemaRule *rule, TeemaAnalyzer *analyzer, const char *text,
                  const GArray *tokens, const gboolean *blocked, GArray *hits)
{
  Ctx c = { analyzer, text, tokens, blocked };
  g_autoptr (GArray) set = set_new ();
  if (!eval (rule->root, &c, set))
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

GArray *
teema_rule_test (TeemaRule *rule, TeemaAnalyzer *analyzer, const char *text,
                 GArray **tokens_out)
{
  GArray *tokens = teema_analyzer_tokenize (analyzer, text, -1);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
  gboolean ok = teema_rule_match (rule, analyzer, text, tokens, NULL, hits);
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
