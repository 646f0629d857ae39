/* rules/node-private.h — the rule tree, shared by the files of rules/:
 * parse.c builds it, matcher.c binds its terms to bits, match.c
 * evaluates it.
 *
 * A new operator is a new NodeKind. Every switch over node kinds in this
 * folder is exhaustive and has no default: (the folder is compiled with
 * -Werror=switch-enum), so the compiler lists each place the new kind must
 * be handled. Must always hold: a tree is at most TEEMA_RULE_MAX_DEPTH
 * deep, so the recursive walks here are bounded whatever the input. */
#ifndef TEEMA_NODE_PRIVATE_H
#define TEEMA_NODE_PRIVATE_H

#include "rules/rules-private.h"
#include "text/text-private.h"

typedef enum {
  N_WORD,   /* a word by surface or lemma */
  N_LEMMA,  /* lemma:x */
  N_PART,   /* part:x */
  N_HEAD,   /* head:x */
  N_ROOT,   /* root:x */
  N_PREFIX, /* x* */
  N_PHRASE, /* "x y" */
  N_REGEX,  /* re:/x/ */
  N_AND,    /* two or more kids, all true */
  N_OR,     /* two or more kids, any true */
  N_NOT,    /* one kid, false */
  N_NEAR,   /* two kids within distance words */
} NodeKind;

typedef struct Node Node;
struct Node {
  NodeKind kind;
  char *value;       /* term value (folded) */
  char *display;     /* "part:suhde", for explanations */
  char **words;      /* phrase words */
  TeemaRegex *regex; /* re:/.../ */
  guint distance;    /* NEAR/n */
  Node **kids;       /* operands of AND, OR, NOT, NEAR */
  guint n_kids;
  guint depth;       /* 1 for a term, else 1 + the deepest kid */
  guint term;        /* a term's index in the rule's matcher */
  guint *word_terms; /* phrase: term index of each word */
};

struct TeemaRule {
  char *source;
  Node *root;
  TeemaMatcher *matcher; /* the matcher the rule's terms are bound to */
  gboolean own_matcher;  /* TRUE: made for this rule alone */
};

void teema_node__free (Node *n);

/* The analyser the matcher's bits are for. */
TeemaAnalyzer *teema_matcher__analyzer (const TeemaMatcher *m);
/* Does term match the word form an? (Its bits are computed once.) */
gboolean teema_matcher__term_matches (TeemaMatcher *m, guint term,
                                      const TeemaAnalysis *an);

#endif
