/* rule.c — the keyword rule language: parser and matcher.
 *
 * A rule compiles to a small tree. Terms (word, lemma:, part:, head:,
 * root:, prefix*, "phrase", re://) match tokens; AND, OR, NOT and NEAR/n
 * combine the sets of matching token positions. Whether a term matches a
 * word form is remembered per form (analyses are shared by every token of
 * the same form), so a corpus costs one check per distinct form and term.
 * Must always hold: a node's hits are token indices in ascending order
 * without duplicates; blocked tokens never appear in hits. */
#include "base/base-private.h"
#include "rules/rules-private.h"
#include "text/text-private.h"

#include <string.h>
#include <teema/error.h>

typedef enum {
  N_WORD,
  N_LEMMA,
  N_PART,
  N_HEAD,
  N_ROOT,
  N_PREFIX,
  N_PHRASE,
  N_REGEX,
  N_AND,
  N_OR,
  N_NOT,
  N_NEAR,
} NodeKind;

typedef struct Node Node;
struct Node {
  NodeKind kind;
  char *value;   /* term value (folded), or phrase words joined */
  char *display; /* "part:suhde" */
  char **words;  /* phrase words */
  GRegex *regex;
  guint distance; /* NEAR/n */
  Node *a, *b;
  guint term;        /* term index in the rule's matcher */
  guint *word_terms; /* phrase: term index of each word */
};

struct TeemaRule {
  char *source;
  Node *root;
  TeemaMatcher *matcher; /* the matcher the rule's terms are bound to */
  gboolean own_matcher;  /* TRUE: made for this rule alone */
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
  g_free (n->word_terms);
  g_free (n);
}

void
teema_rule_free (TeemaRule *rule)
{
  if (!rule)
    return;
  if (rule->own_matcher)
    teema_matcher__free (rule->matcher);
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
  return g_unichar_isalnum (c) || c == '-' || c == ':' || c == '_' || c == '\'';
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
    syntax_error (ps, at, _ ("expected a word after '%s'"), prefix);
    return NULL;
  }
  Node *n = node_new (kind);
  n->value = teema_text__fold (w, -1);
  n->display = g_strconcat (prefix, w, NULL);
  if (*ps->p == '*') {
    if (kind != N_WORD) {
      syntax_error (ps, ps->p,
                    _ ("'*' works only on a plain word, not after "
                       "'%s'"),
                    prefix);
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
    syntax_error (ps, open, "%s",
                  _ ("unclosed '\"': end the phrase with '\"'"));
    return NULL;
  }
  g_autofree char *inner = g_strndup (ps->p, close - ps->p);
  ps->p = close + 1;
  g_autofree char *folded = teema_text__fold (inner, -1);
  Node *n = node_new (N_PHRASE);
  n->words = g_regex_split_simple ("\\s+", g_strstrip (folded), 0, 0);
  if (!n->words[0] || !*n->words[0]) {
    node_free (n);
    syntax_error (ps, open, "%s", _ ("empty phrase"));
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
    syntax_error (ps, at, "%s",
                  _ ("unclosed regular expression: end it with '/'"));
    return NULL;
  }
  g_autofree char *pattern = g_strndup (ps->p, close - ps->p);
  ps->p = close + 1;
  GError *re_error = NULL;
  GRegex *re =
    g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &re_error);
  if (!re) {
    syntax_error (ps, at, _ ("bad regular expression: %s"), re_error->message);
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
  } prefixes[] = { { "lemma:", N_LEMMA },
                   { "part:", N_PART },
                   { "head:", N_HEAD },
                   { "root:", N_ROOT } };
  if (*ps->p == '(') {
    const char *open = ps->p++;
    Node *n = parse_or (ps);
    skip_space (ps);
    if (n && *ps->p != ')') {
      syntax_error (ps, open, "%s", _ ("unclosed '(': add ')'"));
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
    syntax_error (
      ps, ps->p,
      _ ("expected a word, lemma:, part:, head:, root:, a \"phrase\","
         " re:/.../ or '(' %s"),
      *ps->p ? _ ("here") : _ ("at the end"));
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
        syntax_error (ps, ps->p, "%s", _ ("NEAR/n needs a distance 1-1000"));
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
    syntax_error (&ps, ps.p, "%s",
                  *ps.p == ')' ? _ ("unmatched ')'") : _ ("unexpected text"));
    node_free (root);
    root = NULL;
  }
  if (!root) {
    if (!ps.failed)
      syntax_error (&ps, ps.p, "%s", _ ("empty rule"));
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
    g_prefix_error (error, _ ("rule '%s', column %u: "), src, column);
  return rule;
}

/* ---- the matcher --------------------------------------------------------- */

struct TeemaMatcher {
  TeemaAnalyzer *az;
  guint n_terms;
  GHashTable *term_ids; /* "kind\x1fvalue" -> index + 1 */
  GHashTable *by_lemma; /* key -> GArray of guint term indices */
  GHashTable *by_part;
  GHashTable *by_head;
  GHashTable *by_root;
  GHashTable *by_surface;
  GArray *scans;   /* Scan: terms checked against every form */
  GPtrArray *bits; /* analysis id -> guint64 * (words long) */
  guint words;     /* fixed when the first form is looked up */
};

typedef struct {
  guint term;
  char kind; /* 'x' prefix, 'p' part / 'h' head (Snowball) */
  const char *key;
} Scan;

static void
index_free (gpointer p)
{
  g_array_unref (p);
}

static GHashTable *
index_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, index_free);
}

TeemaMatcher *
teema_matcher__new (TeemaAnalyzer *az)
{
  TeemaMatcher *m = g_new0 (TeemaMatcher, 1);
  m->az = az;
  m->term_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->by_lemma = index_new ();
  m->by_part = index_new ();
  m->by_head = index_new ();
  m->by_root = index_new ();
  m->by_surface = index_new ();
  m->scans = g_array_new (FALSE, FALSE, sizeof (Scan));
  m->bits = g_ptr_array_new_with_free_func (g_free);
  return m;
}

void
teema_matcher__free (TeemaMatcher *m)
{
  if (!m)
    return;
  g_hash_table_destroy (m->term_ids);
  g_hash_table_destroy (m->by_lemma);
  g_hash_table_destroy (m->by_part);
  g_hash_table_destroy (m->by_head);
  g_hash_table_destroy (m->by_root);
  g_hash_table_destroy (m->by_surface);
  g_array_unref (m->scans);
  g_ptr_array_unref (m->bits);
  g_free (m);
}

guint
teema_matcher__words (const TeemaMatcher *m)
{
  /* At least one word, as form_bits allocates: a codebook without rules
   * has no terms but still gets presence bits. */
  return m->words ? m->words : MAX (1, (m->n_terms + 63) / 64);
}

static void
index_add (GHashTable *index, const char *key, guint term)
{
  GArray *list = g_hash_table_lookup (index, key);
  if (!list) {
    list = g_array_new (FALSE, FALSE, sizeof (guint));
    g_hash_table_insert (index, (gpointer) key, list);
  }
  g_array_append_val (list, term);
}

/* Registers a term (kind, value) once; returns its index. */
static guint
term_index (TeemaMatcher *m, NodeKind kind, const char *value)
{
  g_autofree char *id = g_strdup_printf ("%d\x1f%s", (int) kind, value);
  gpointer found = g_hash_table_lookup (m->term_ids, id);
  if (found)
    return GPOINTER_TO_UINT (found) - 1;
  g_return_val_if_fail (m->words == 0, 0);
  guint t = m->n_terms++;
  g_hash_table_insert (m->term_ids, g_steal_pointer (&id),
                       GUINT_TO_POINTER (t + 1));
  TeemaAnalyzer *az = m->az;
  gboolean snowball = teema_analyzer_backend (az) == TEEMA_BACKEND_SNOWBALL;
  switch (kind) {
  case N_WORD:
    index_add (m->by_surface, teema_analyzer__term_key (az, 's', value), t);
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'l', value), t);
    break;
  case N_LEMMA:
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'l', value), t);
    break;
  case N_ROOT:
    index_add (m->by_root, teema_analyzer__term_key (az, 'r', value), t);
    index_add (m->by_lemma, teema_analyzer__term_key (az, 'r', value), t);
    break;
  case N_PART:
  case N_HEAD: {
    const char *key = teema_analyzer__term_key (az, 'p', value);
    if (snowball) {
      Scan sc = { t, kind == N_PART ? 'p' : 'h', key };
      g_array_append_val (m->scans, sc);
    } else {
      index_add (kind == N_PART ? m->by_part : m->by_head, key, t);
    }
    break;
  }
  case N_PREFIX: {
    Scan sc = { t, 'x', teema_analyzer__term_key (az, 's', value) };
    g_array_append_val (m->scans, sc);
    break;
  }
  default:
    break;
  }
  return t;
}

static void
bind_node (TeemaMatcher *m, Node *n)
{
  if (!n)
    return;
  bind_node (m, n->a);
  bind_node (m, n->b);
  if (n->kind == N_PHRASE) {
    guint k = g_strv_length (n->words);
    g_free (n->word_terms);
    n->word_terms = g_new (guint, k);
    for (guint j = 0; j < k; j++)
      n->word_terms[j] = term_index (m, N_WORD, n->words[j]);
  } else if (n->kind <= N_PREFIX && n->kind != N_PHRASE) {
    n->term = term_index (m, n->kind, n->value);
  }
}

void
teema_matcher__add (TeemaMatcher *m, TeemaRule *rule)
{
  if (rule->own_matcher)
    teema_matcher__free (rule->matcher);
  rule->matcher = m;
  rule->own_matcher = FALSE;
  bind_node (m, rule->root);
}

static void
set_bits (guint64 *bits, GHashTable *index, const char *key)
{
  GArray *list = g_hash_table_lookup (index, key);
  for (guint i = 0; list && i < list->len; i++) {
    guint t = g_array_index (list, guint, i);
    bits[t / 64] |= G_GUINT64_CONSTANT (1) << (t % 64);
  }
}

static void
set_bits_all (guint64 *bits, GHashTable *index, const char *const *keys)
{
  for (; keys && *keys; keys++)
    set_bits (bits, index, *keys);
}

static guint64 *
compute_bits (TeemaMatcher *m, const TeemaAnalysis *an)
{
  guint64 *bits = g_new0 (guint64, m->words);
  set_bits (bits, m->by_surface, an->form);
  set_bits_all (bits, m->by_lemma, an->lemmas);
  set_bits_all (bits, m->by_root, an->roots);
  set_bits_all (bits, m->by_part, an->parts);
  set_bits_all (bits, m->by_head, an->heads);
  for (guint i = 0; i < m->scans->len; i++) {
    const Scan *sc = &g_array_index (m->scans, Scan, i);
    gboolean yes = sc->kind == 'x' ? g_str_has_prefix (an->form, sc->key)
                                   : strstr (an->form, sc->key) != NULL;
    if (yes)
      bits[sc->term / 64] |= G_GUINT64_CONSTANT (1) << (sc->term % 64);
  }
  return bits;
}

/* The term bits of a word form, computed on first use. */
static const guint64 *
form_bits (TeemaMatcher *m, const TeemaAnalysis *an)
{
  if (!m->words)
    m->words = MAX (1, (m->n_terms + 63) / 64);
  if (an->id >= m->bits->len)
    g_ptr_array_set_size (m->bits, an->id + 1024);
  guint64 *bits = m->bits->pdata[an->id];
  if (!bits)
    bits = m->bits->pdata[an->id] = compute_bits (m, an);
  return bits;
}

void
teema_matcher__presence (TeemaMatcher *m, const GArray *tokens,
                         guint64 *presence)
{
  for (guint i = 0; i < tokens->len; i++) {
    const guint64 *bits =
      form_bits (m, g_array_index (tokens, TeemaToken, i).analysis);
    for (guint w = 0; w < m->words; w++)
      presence[w] |= bits[w];
  }
}

static gboolean
bit (const guint64 *bits, guint t)
{
  return (bits[t / 64] >> (t % 64)) & 1;
}

static gboolean
may_match (const Node *n, const guint64 *presence)
{
  switch (n->kind) {
  case N_AND:
  case N_NEAR:
    return may_match (n->a, presence) && may_match (n->b, presence);
  case N_OR:
    return may_match (n->a, presence) || may_match (n->b, presence);
  case N_NOT:
  case N_REGEX:
    return TRUE; /* decided only on the words themselves */
  case N_PHRASE:
    for (guint j = 0; n->words[j]; j++)
      if (!bit (presence, n->word_terms[j]))
        return FALSE;
    return TRUE;
  default:
    return bit (presence, n->term);
  }
}

static gboolean
presence_decides (const Node *n)
{
  switch (n->kind) {
  case N_AND:
  case N_OR:
    return presence_decides (n->a) && presence_decides (n->b);
  case N_NOT:
  case N_REGEX:
  case N_NEAR:
  case N_PHRASE:
    return FALSE;
  default:
    return TRUE;
  }
}

gboolean
teema_rule__presence_decides (const TeemaRule *rule)
{
  return presence_decides (rule->root);
}

gboolean
teema_rule__may_match (const TeemaRule *rule, const guint64 *presence)
{
  return may_match (rule->root, presence);
}

static void
add_display (GPtrArray *out, const char *display)
{
  for (guint i = 0; i < out->len; i++)
    if (g_str_equal (out->pdata[i], display))
      return;
  g_ptr_array_add (out, (gpointer) display);
}

static void
present_terms (const Node *n, const guint64 *presence, const char *text,
               GPtrArray *out)
{
  switch (n->kind) {
  case N_AND:
  case N_OR:
  case N_NEAR:
    present_terms (n->a, presence, text, out);
    present_terms (n->b, presence, text, out);
    return;
  case N_NOT:
    return; /* a word under NOT never helps the rule match */
  case N_REGEX:
    if (g_regex_match (n->regex, text, 0, NULL))
      add_display (out, n->display);
    return;
  case N_PHRASE:
    if (may_match (n, presence))
      add_display (out, n->display);
    return;
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    if (bit (presence, n->term))
      add_display (out, n->display);
    return;
  }
}

static gboolean
complete (const Node *n, const guint64 *presence, const char *text)
{
  switch (n->kind) {
  case N_AND:
  case N_NEAR:
    return complete (n->a, presence, text) && complete (n->b, presence, text);
  case N_OR:
    return complete (n->a, presence, text) || complete (n->b, presence, text);
  case N_NOT:
    return TRUE; /* needs no word */
  case N_REGEX:
    return g_regex_match (n->regex, text, 0, NULL);
  case N_PHRASE:
  case N_WORD:
  case N_LEMMA:
  case N_PART:
  case N_HEAD:
  case N_ROOT:
  case N_PREFIX:
    return may_match (n, presence);
  }
  return FALSE;
}

gboolean
teema_rule__complete (const TeemaRule *rule, const guint64 *presence,
                      const char *text)
{
  return complete (rule->root, presence, text);
}

void
teema_rule__present_terms (const TeemaRule *rule, const guint64 *presence,
                           const char *text, GPtrArray *out)
{
  present_terms (rule->root, presence, text, out);
}

/* ---- matching --------------------------------------------------------------
 */

static gboolean
term_matches (TeemaMatcher *m, guint term, const TeemaAnalysis *an)
{
  return bit (form_bits (m, an), term);
}

typedef struct {
  TeemaMatcher *m;
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
    if (!(c->blocked && c->blocked[i])
        && term_matches (c->m, n->term, tok (c, i)->analysis))
      g_array_append_val (out, i);
}

static void
eval_phrase (Node *n, const Ctx *c, GArray *out)
{
  guint k = g_strv_length (n->words);
  for (guint i = 0; i + k <= c->tokens->len; i++) {
    guint j = 0;
    while (j < k && !(c->blocked && c->blocked[i + j])
           && term_matches (c->m, n->word_terms[j], tok (c, i + j)->analysis))
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
  case N_AND:
  case N_OR:
  case N_NEAR: {
    const char *w = why_token (n->a, c, i);
    return w ? w : why_token (n->b, c, i);
  }
  case N_NOT:
    return NULL;
  case N_REGEX:
    return n->display;
  case N_PHRASE:
    for (guint j = 0; n->words[j]; j++)
      if (term_matches (c->m, n->word_terms[j], tok (c, i)->analysis))
        return n->display;
    return NULL;
  default:
    return term_matches (c->m, n->term, tok (c, i)->analysis) ? n->display
                                                              : NULL;
  }
}

/* The rule's matcher for analyzer: the shared one it was added to, or one
 * of its own. */
static TeemaMatcher *
matcher_for (TeemaRule *rule, TeemaAnalyzer *analyzer)
{
  if (rule->matcher && rule->matcher->az == analyzer)
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

const guint64 *
teema_matcher__form_bits (TeemaMatcher *m, const TeemaAnalysis *analysis)
{
  return form_bits (m, analysis);
}

static void
add_keys (GHashTable *index, GPtrArray *out)
{
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, index);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (out, key);
}

GPtrArray *
teema_matcher__keys (TeemaMatcher *m)
{
  GPtrArray *out = g_ptr_array_new ();
  add_keys (m->by_surface, out);
  add_keys (m->by_lemma, out);
  add_keys (m->by_part, out);
  add_keys (m->by_head, out);
  add_keys (m->by_root, out);
  for (guint i = 0; i < m->scans->len; i++)
    g_ptr_array_add (out, (gpointer) g_array_index (m->scans, Scan, i).key);
  return out;
}

gboolean
teema_rule_match (TeemaRule *rule, TeemaAnalyzer *analyzer, const char *text,
                  const GArray *tokens, const gboolean *blocked, GArray *hits)
{
  Ctx c = { matcher_for (rule, analyzer), text, tokens, blocked };
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
