/* rules/parse.c — the keyword rule language: from text to a rule tree.
 *
 * A recursive-descent parser: OR of ANDs of NEARs of (NOT) primaries.
 * A chain of ANDs or ORs becomes one node with many kids, so the tree is
 * only as deep as the nesting of '(', NOT and NEAR. Hostile input is
 * bounded: a rule is at most TEEMA_RULE_MAX_BYTES long, holds at most
 * TEEMA_RULE_MAX_TERMS terms and nests at most TEEMA_RULE_MAX_DEPTH deep;
 * past any of them it is refused with an error naming the limit.
 * Must always hold: the cursor never moves past the string's NUL; every
 * error sets the 1-based column of the problem. */
#include "base/base-private.h"
#include "rules/node-private.h"

#include <string.h>
#include <teema/error.h>

static void
node_free_kids (Node *n)
{
  for (guint i = 0; i < n->n_kids; i++)
    teema_node__free (n->kids[i]);
  g_free (n->kids);
}

/* Recursive, but a tree is at most TEEMA_RULE_MAX_DEPTH deep. */
void
teema_node__free (Node *n)
{
  if (!n)
    return;
  node_free_kids (n);
  g_free (n->value);
  g_free (n->display);
  g_strfreev (n->words);
  teema_regex__free (n->regex);
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
  teema_node__free (rule->root);
  g_free (rule->source);
  g_free (rule);
}

const char *
teema_rule_source (const TeemaRule *rule)
{
  return rule->source;
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct {
  const char *src;
  const char *p;
  GError **error;
  guint *column;
  gboolean failed;
  guint nesting; /* open '(' and NOT around the cursor */
  guint terms;   /* terms so far */
} Parser;

static Node *parse_or (Parser *ps);

static gboolean syntax_error (Parser *ps, const char *at, const char *fmt, ...)
  G_GNUC_PRINTF (3, 4);

static gboolean
syntax_error (Parser *ps, const char *at, const char *fmt, ...)
{
  if (ps->failed)
    return FALSE;
  ps->failed = TRUE;
  *ps->column = (guint) g_utf8_strlen (ps->src, at - ps->src) + 1;
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error_literal (ps->error, TEEMA_ERROR, TEEMA_ERROR_RULE, msg);
  return FALSE;
}

static gboolean
too_deep (Parser *ps, const char *at)
{
  return syntax_error (ps, at,
                       _ ("the rule nests deeper than %d levels of '(', NOT "
                          "and NEAR (TEEMA_RULE_MAX_DEPTH); split it into "
                          "several rule: lines"),
                       TEEMA_RULE_MAX_DEPTH);
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

/* Counts n more terms against TEEMA_RULE_MAX_TERMS. */
static gboolean
count_terms (Parser *ps, const char *at, guint n)
{
  ps->terms += n;
  if (ps->terms <= TEEMA_RULE_MAX_TERMS)
    return TRUE;
  return syntax_error (ps, at,
                       _ ("the rule has more than %d terms "
                          "(TEEMA_RULE_MAX_TERMS); split it into several rule: "
                          "lines"),
                       TEEMA_RULE_MAX_TERMS);
}

static Node *
node_new (NodeKind kind)
{
  Node *n = g_new0 (Node, 1);
  n->kind = kind;
  n->depth = 1;
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
  if (!count_terms (ps, at, 1))
    return NULL;
  Node *n = node_new (kind);
  n->value = teema_text__fold (w, -1);
  n->display = g_strconcat (prefix, w, NULL);
  if (*ps->p == '*') {
    if (kind != N_WORD) {
      syntax_error (ps, ps->p,
                    _ ("'*' works only on a plain word, not after '%s'"),
                    prefix);
      teema_node__free (n);
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
  g_auto (GStrv) words =
    g_regex_split_simple ("\\s+", g_strstrip (folded), 0, 0);
  if (!words[0] || !*words[0]) {
    syntax_error (ps, open, "%s", _ ("empty phrase"));
    return NULL;
  }
  if (!count_terms (ps, open, g_strv_length (words)))
    return NULL;
  Node *n = node_new (N_PHRASE);
  n->words = g_steal_pointer (&words);
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
  if (!count_terms (ps, at, 1))
    return NULL;
  g_autoptr (GError) re_error = NULL;
  TeemaRegex *re = teema_regex__new (pattern, &re_error);
  if (!re) {
    syntax_error (ps, at, "%s", re_error->message);
    return NULL;
  }
  Node *n = node_new (N_REGEX);
  n->regex = re;
  n->display = g_strdup_printf ("re:/%s/", pattern);
  return n;
}

static Node *
group (Parser *ps)
{
  const char *open = ps->p++;
  if (++ps->nesting > TEEMA_RULE_MAX_DEPTH) {
    too_deep (ps, open);
    return NULL;
  }
  Node *n = parse_or (ps);
  ps->nesting--;
  if (!n)
    return NULL;
  skip_space (ps);
  if (*ps->p != ')') {
    syntax_error (ps, open, "%s", _ ("unclosed '(': add ')'"));
    teema_node__free (n);
    return NULL;
  }
  ps->p++;
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
  if (*ps->p == '(')
    return group (ps);
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

/* A node of kind over kids (taken); NULL (kids freed) when one is NULL or
 * the node would be deeper than TEEMA_RULE_MAX_DEPTH. */
static Node *
operator(Parser *ps, NodeKind kind, GPtrArray *kids, const char *at)
{
  guint depth = 0;
  gboolean ok = TRUE;
  for (guint i = 0; i < kids->len; i++) {
    Node *k = kids->pdata[i];
    ok = ok && k;
    depth = k ? MAX (depth, k->depth) : depth;
  }
  if (ok && depth + 1 > TEEMA_RULE_MAX_DEPTH)
    ok = too_deep (ps, at);
  if (!ok) {
    for (guint i = 0; i < kids->len; i++)
      teema_node__free (kids->pdata[i]);
    g_ptr_array_unref (kids);
    return NULL;
  }
  Node *n = node_new (kind);
  n->depth = depth + 1;
  n->n_kids = kids->len;
  n->kids = (Node **) g_ptr_array_free (kids, FALSE);
  return n;
}

/* The n (1 or 2) operands a, b, as given: a NULL among them (a failed
 * operand) makes operator() fail. */
static GPtrArray *
kids_of (guint n, Node *a, Node *b)
{
  GPtrArray *kids = g_ptr_array_new ();
  g_ptr_array_add (kids, a);
  if (n == 2)
    g_ptr_array_add (kids, b);
  return kids;
}

static Node *
unary (Parser *ps)
{
  const char *at = ps->p;
  if (!keyword (ps, "NOT"))
    return primary (ps);
  if (++ps->nesting > TEEMA_RULE_MAX_DEPTH) {
    too_deep (ps, at);
    return NULL;
  }
  Node *inner = unary (ps);
  ps->nesting--;
  return inner ? operator(ps, N_NOT, kids_of (1, inner, NULL), at) : NULL;
}

static Node *
parse_near (Parser *ps)
{
  Node *left = unary (ps);
  const char *at = ps->p;
  while (left && keyword (ps, "NEAR")) {
    guint distance = 5;
    if (*ps->p == '/') {
      char *end = NULL;
      guint64 d = g_ascii_strtoull (ps->p + 1, &end, 10);
      if (end == ps->p + 1 || d == 0 || d > 1000) {
        syntax_error (ps, ps->p, "%s", _ ("NEAR/n needs a distance 1-1000"));
        teema_node__free (left);
        return NULL;
      }
      distance = (guint) d;
      ps->p = end;
    }
    left = operator(ps, N_NEAR, kids_of (2, left, unary (ps)), at);
    if (left)
      left->distance = distance;
    at = ps->p;
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

/* One node over operands joined by kw (or, for AND, by nothing). */
static Node *
chain (Parser *ps, NodeKind kind, const char *kw, Node *(*operand) (Parser *) )
{
  const char *at = ps->p;
  Node *first = operand (ps);
  if (!first)
    return NULL;
  GPtrArray *kids = kids_of (1, first, NULL);
  for (;;) {
    /* "A NOT B" and "A B" both mean A AND (...). */
    gboolean more = keyword (ps, kw) || (kind == N_AND && at_operand (ps));
    if (!more)
      break;
    Node *next = operand (ps);
    g_ptr_array_add (kids, next);
    if (!next)
      break;
  }
  if (kids->len == 1 && kids->pdata[0]) {
    Node *only = kids->pdata[0];
    g_ptr_array_unref (kids);
    return only;
  }
  return operator(ps, kind, kids, at);
}

static Node *
parse_and (Parser *ps)
{
  return chain (ps, N_AND, "AND", parse_near);
}

static Node *
parse_or (Parser *ps)
{
  return chain (ps, N_OR, "OR", parse_and);
}

TeemaRule *
teema_rule__compile (const char *src, guint *column, GError **error)
{
  guint col = 0;
  Parser ps = { src, src, error, column ? column : &col, FALSE, 0, 0 };
  gsize len = strlen (src);
  if (len > TEEMA_RULE_MAX_BYTES) {
    syntax_error (&ps, src,
                  _ ("the rule is %llu bytes long, more than %d "
                     "(TEEMA_RULE_MAX_BYTES); split it into several rule: "
                     "lines"),
                  (unsigned long long) len, TEEMA_RULE_MAX_BYTES);
    return NULL;
  }
  if (!g_utf8_validate (src, -1, NULL)) {
    syntax_error (&ps, src, "%s", _ ("the rule is not valid UTF-8"));
    return NULL;
  }
  Node *root = parse_or (&ps);
  skip_space (&ps);
  if (root && *ps.p) {
    syntax_error (&ps, ps.p, "%s",
                  *ps.p == ')' ? _ ("unmatched ')'") : _ ("unexpected text"));
    teema_node__free (root);
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
  if (!rule) {
    /* A huge rule is not repeated whole in its own error message. */
    g_autofree char *valid = g_utf8_make_valid (src, -1);
    if (g_utf8_strlen (valid, -1) > 80)
      strcpy (g_utf8_offset_to_pointer (valid, 77), "...");
    g_prefix_error (error, _ ("rule '%s', column %u: "), valid, column);
  }
  return rule;
}
