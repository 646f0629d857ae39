/* coding/coding-private.h — what the coding layer shares with itself and
 * with the reports above it: the compiled codebook, and the analyser a
 * project's text is analysed with. */
#ifndef TEEMA_CODING_PRIVATE_H
#define TEEMA_CODING_PRIVATE_H

#include "project/project-private.h"
#include "rules/rules-private.h"

/* ---- evidence (evidence.c) ---------------------------------------------- */

/* The evidence of a codebook's themes, each theme a slot, for scoring
 * texts (see "evidence" in teema/codebook.h). Not thread-safe. */
typedef struct TeemaEvidenceIndex TeemaEvidenceIndex;

TeemaEvidenceIndex *teema_evidence__index_new (void);
void teema_evidence__index_free (TeemaEvidenceIndex *index);
/* Adds a theme's evidence (NULL: none) and returns its slot, 0, 1, ...;
 * add every theme before scoring. */
guint teema_evidence__index_add (TeemaEvidenceIndex *index,
                                 const GArray *evidence);
/* Appends the terms of a word (new strings, e.g. "lemma:lupaus"): its
 * lemmas but stop words, its compound parts that are not lemmas, and
 * "word:FORM" when the analyser knows no lemma of it. */
void teema_evidence__terms (const TeemaAnalysis *analysis, GPtrArray *out);
/* scores[slot] = the slot's bias plus the weight of each term of tokens
 * it weighs, each term once (scores: one per slot added). */
void teema_evidence__score (TeemaEvidenceIndex *index, const GArray *tokens,
                            double *scores);
/* What slot adds when one of its rules matches. */
double teema_evidence__rules_weight (const TeemaEvidenceIndex *index,
                                     guint slot);
/* The weights of the terms of tokens for slot, each term once (no bias). */
double teema_evidence__terms_sum (TeemaEvidenceIndex *index, guint slot,
                                  const GArray *tokens);

/* A term of a text that weighs for a theme. */
typedef struct {
  guint token;      /* the first of its words, an index into tokens */
  const char *term; /* owned by the index */
  double weight;    /* above 0 */
} TeemaEvidenceFired;

/* Appends to out (TeemaEvidenceFired) each term of tokens that weighs for
 * slot, once, at its first word. */
void teema_evidence__fired (TeemaEvidenceIndex *index, guint slot,
                            const GArray *tokens, GArray *out);

/* ---- the compiled codebook (compiled.c) ---------------------------------- */

/* One theme's rules and exclusions, compiled into the shared matcher. */
typedef struct {
  const TeemaTheme *theme;
  gint64 theme_id;     /* in the project, for coding keys; 0 if unknown */
  GPtrArray *rules;    /* TeemaRule * */
  GPtrArray *excludes; /* TeemaRule * */
  gboolean weighed;    /* it has evidence: coded by its score */
  guint slot;          /* its slot in the evidence index */
} TeemaCompiledTheme;

/* The codebook's rules compiled for one analyser. Not thread-safe: one
 * per thread. */
typedef struct {
  TeemaAnalyzer *az;
  TeemaMatcher *matcher;
  GPtrArray *themes;   /* TeemaCompiledTheme *, codebook order */
  guint64 *presence;   /* scratch, matcher words long */
  guint n_undecided;   /* (segment, theme) pairs a rule could not decide */
  char *undecided;     /* the first such problem, naming theme and segment */
  GHashTable *gave_up; /* TeemaRule * -> times its regex gave up */
  TeemaEvidenceIndex *evidence; /* NULL: no theme has evidence */
  double *scores;               /* scratch: a score per evidence slot */
} TeemaCompiled;

/* After this many searches of one rule that reach the regex cost limit in
 * one run, the rule is no longer tried (each further segment it would
 * have been tried on counts as undecided): a pathological re:/.../ costs
 * a run seconds, not hours. */
#define TEEMA_RULE_MAX_GIVE_UPS 10

/* Compiles every theme of cb for az (which must outlive the result). A
 * rule that does not compile: TEEMA_ERROR_RULE naming theme and rule. */
TeemaCompiled *teema_compiled__new (const TeemaCodebook *cb, TeemaAnalyzer *az,
                                    GError **error);
void teema_compiled__free (TeemaCompiled *compiled);

/* The item's spans as teema_store__coding_keys spells a coding's: NULL
 * for the whole segment, else "start-end,..." (code points of the
 * segment's text). */
char *teema_compiled__spans_key (const TeemaAutocodeItem *item);

/* An empty array for TeemaAutocodeItem * (frees them). */
GPtrArray *teema_compiled__items_new (void);

/* A new item (no hits yet) coding seg with theme. */
TeemaAutocodeItem *teema_compiled__item_new (const TeemaSegment *seg,
                                             const char *theme);

/* Codes one segment: appends a TeemaAutocodeItem per theme that codes it,
 * a theme of scope sentence with the runs of sentences it codes (spans).
 * tokens come from teema_analyzer_tokenize (az, seg->text). Items carry
 * the words that fired, except those whose (segment, theme id) is in
 * skip_hits (a TeemaCodingKey set, valued as teema_store__coding_keys
 * values it) with the same spans (NULL: every item has its words). */
void teema_compiled__code (TeemaCompiled *compiled, const TeemaSegment *seg,
                           const GArray *tokens, GPtrArray *items,
                           GHashTable *skip_hits);
/* The same, every item with its words. */
void teema_compiled__code_one (TeemaCompiled *compiled, const TeemaSegment *seg,
                               const GArray *tokens, GPtrArray *items);

/* Why a theme's rules do not code a segment. */
typedef enum {
  TEEMA_MISS_NO_WORD,     /* no word of any of its rules is in the segment */
  TEEMA_MISS_EXCLUDED,    /* a rule matches, but only with words that an
                             exclusion blocks */
  TEEMA_MISS_APART,       /* every word a rule needs is there, but not as
                             it needs them: too far apart for NEAR, not in
                             a phrase's order, or with a NOT word */
  TEEMA_MISS_INCOMPLETE,  /* words of its rules are there, but each rule
                             lacks one (a NEAR or AND partner, a phrase
                             word) */
  TEEMA_MISS_BELOW_SCOPE, /* a theme of scope sentence: a rule matches the
                             whole segment, but in no single sentence */
  TEEMA_MISS_OUTWEIGHED,  /* a theme with evidence: a rule matches, but
                             its words weigh against the theme */
} TeemaMissCause;

/* Says why the theme code (its own rules, not its sub-themes') does not
 * code seg, whose tokens come as for teema_compiled__code; call it only
 * for a segment the theme does not code. details (owned strings) gets,
 * for EXCLUDED, "exclusion term: word" per blocked word; for APART
 * and BELOW_SCOPE, "rule N" (1-based) per such rule; for INCOMPLETE, the
 * rule terms present; for OUTWEIGHED, "score S" and the term weighing
 * most against it. A theme without rules: NO_WORD. */
TeemaMissCause teema_compiled__why_missed (TeemaCompiled *compiled,
                                           const char *code,
                                           const TeemaSegment *seg,
                                           const GArray *tokens,
                                           GPtrArray *details);

/* An analyser for lang (NULL: the project's language) with the project's
 * analysis cache loaded; *cache_key (may be NULL) gets the cache's key for
 * saving back. */
TeemaAnalyzer *teema_coding__analyzer (TeemaProject *project, const char *lang,
                                       gboolean force_snowball,
                                       char **cache_key, GError **error);

/* ---- the word index (words.c) ------------------------------------------ */

/* An analyser for the project's language that reads stored analyses
 * form by form as it meets them, instead of loading the whole cache: for
 * work that sees a few segments (search, the coder's highlights). */
TeemaAnalyzer *teema_coding__lazy_analyzer (TeemaProject *project,
                                            GError **error);

/* A segment a rule may match. */
typedef struct {
  gint64 id;
  gint64 document;
  gboolean read_whole; /* its words are not indexed: tokenise its text
                          with the analyser */
} TeemaCandidate;

typedef struct {
  GArray *segments;             /* TeemaCandidate, in document order */
  GHashTable *known;            /* folded form -> analysis: every word
                                   that carries a term of the rule */
  const TeemaAnalysis *nothing; /* stands for every other word */
} TeemaCandidates;

void teema_candidates_free (TeemaCandidates *candidates);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCandidates, teema_candidates_free)

/* The segments matching filter that rule may match (a superset of those
 * it matches), found through the word index with analyzer (which must be
 * the one the rule is then matched with). NULL with error set when a read
 * failed. */
TeemaCandidates *teema_words__candidates (TeemaProject *project,
                                          TeemaAnalyzer *analyzer,
                                          TeemaRule *rule,
                                          const TeemaSegmentFilter *filter,
                                          GError **error);
/* The tokens of a candidate's text for matching the rule: word spans as
 * tokenising gives them, with the analysis of each word that carries a
 * term and candidates->nothing for every other word, so that no other
 * word is analysed (a suspended part is completed and analysed as
 * tokenising does). Not for a candidate read_whole. */
GArray *teema_words__tokens (TeemaCandidates *candidates,
                             TeemaAnalyzer *analyzer, const char *text);

/* Stores an analysis (for lang, or Snowball's) of every word in the
 * vocabulary that has none and records that all have one, so that a
 * search analyses nothing afresh. Needs the caller's transaction. */
gboolean teema_words__analyse_all (TeemaProject *project, const char *lang,
                                   gboolean force_snowball, GError **error);

/* One word form of a segment and how often it occurs there. */
typedef struct {
  const TeemaAnalysis *analysis; /* owned by the analyser */
  guint count;                   /* tokens of this form */
  gboolean number;               /* the tokens are numbers */
  gint64 word; /* its id in the vocabulary, or 0 when read from the text */
} TeemaSegmentWord;

/* Which segment, for TeemaWordsFunc; strings valid during the call. */
typedef struct {
  gint64 segment;
  gint64 document;
  const char *informant; /* code, or NULL */
  const char *group;     /* or NULL */
  gboolean interviewer;
} TeemaSegmentRef;

typedef gboolean (*TeemaWordsFunc) (const TeemaSegmentRef *segment,
                                    const TeemaSegmentWord *words, guint n,
                                    gpointer data, GError **error);

/* Calls fn with the words of each segment matching filter, in document
 * order, each form once with its count: from the word index, or from the
 * text where the index cannot say (as tokenising the text would give
 * them). Analyses come from analyzer and the project's cache, read once
 * for the whole vocabulary. This is what keyness and keyword proposals
 * (lemma, part and root counts per segment) are built on; fn returns
 * FALSE (setting error) to stop. */
gboolean teema_words__foreach (TeemaProject *project, TeemaAnalyzer *analyzer,
                               const TeemaSegmentFilter *filter,
                               TeemaWordsFunc fn, gpointer data,
                               GError **error);
/* What teema_words__foreach_totals calls. */
typedef struct {
  /* An indexed document's informant turns' words summed (the ref's
   * segment 0): counts by vocabulary id, ascending, every id one of the
   * vocabulary's; a suspended compound part is not counted here but as
   * the compound it completes, given to words. */
  gboolean (*totals) (const TeemaSegmentRef *document,
                      const TeemaWordCount *words, guint n, gpointer data,
                      GError **error);
  /* The completed suspended parts of a document (word 0), and the words
   * of each turn of a document not indexed, read from its text. */
  TeemaWordsFunc words;
  /* Last, each word of the vocabulary: its analysis, and whether its
   * tokens are numbers. */
  void (*word) (gint64 id, const TeemaAnalysis *analysis, gboolean number,
                gpointer data);
} TeemaTotalsFuncs;

/* The informant turns' words, summed, for a caller that counts tokens by
 * their first lemma and needs no more of an analysis than its form and
 * first lemma (keyness): the funcs are called once per document, then
 * once per vocabulary word, so that the caller sums counts by word id
 * and looks at each word's analysis once.
 * The stored analyses of the vocabulary are not loaded in full, only their
 * first lemma read, so an indexed word's analysis has no compound parts,
 * heads or roots and its id is 0. Such an analysis lives until the call
 * returns; its form and lemma are copied into strings, the caller's, and
 * live as long as it. */
gboolean teema_words__foreach_totals (TeemaProject *project,
                                      TeemaAnalyzer *analyzer,
                                      GStringChunk *strings,
                                      const TeemaTotalsFuncs *funcs,
                                      gpointer data, GError **error);

/* ---- terms.c: what keyword proposals read -------------------------------- */

/* terms: const char * like "lemma:helpottaa" or "part:suhde" (a compound
 * part that is not the word's lemma), each once; valid during the call. */
typedef void (*TeemaTermsFunc) (gint64 segment, GPtrArray *terms,
                                gpointer data);
/* Calls fn for every informant segment, in document order, with its
 * terms (numbers left out), read from the word index (teema_words__foreach).
 * az is the project's analyser. */
gboolean teema_coding__foreach_segment_terms (TeemaProject *project,
                                              TeemaAnalyzer *az,
                                              TeemaTermsFunc fn, gpointer data,
                                              GError **error);

typedef void (*TeemaRuleSegmentFunc) (gint64 segment, guint rule,
                                      gpointer data);
/* Calls fn for every informant segment and every rule (TeemaRule *, an
 * index into rules) that matches it, rule by rule, matching each rule only
 * on the segments the word index says it may match (as search does); az
 * must be the analyser the rules are matched with. */
gboolean teema_coding__foreach_rule_segment (TeemaProject *project,
                                             TeemaAnalyzer *az,
                                             GPtrArray *rules,
                                             TeemaRuleSegmentFunc fn,
                                             gpointer data, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCompiled, teema_compiled__free)

#endif
