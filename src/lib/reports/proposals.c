/* reports/proposals.c — keyword rules proposed from the segments people
 * coded with a theme.
 *
 * First every informant segment's lemmas and compound parts are counted:
 * in how many of the theme's human-coded segments (a of n1) and of the
 * other segments (b of n2) each occurs. Terms used more in the coded
 * segments are ranked by G² of that 2×2 table (segments with and without
 * the term, coded and not: the sum of teema_stats_log_likelihood_g2 over
 * its two columns); stop words, fillers, numbers and the theme's own rules
 * are left out. The best are then compiled as rules and run over the segments,
 * so the numbers shown are what the rule really matches. Text is read only
 * through coding/terms.c.
 * Must always hold: "more" counts only segments that no coder (rules
 * included) has coded with the theme. */
#include "reports/reports-private.h"
#include "text/text-private.h"

#include <string.h>

#define DEFAULT_TOP          15
#define DEFAULT_MIN_SEGMENTS 2
#define MIN_CODED            3

typedef struct {
  char *rule; /* "lemma:helpottaa" */
  guint a, b; /* coded segments with it, other segments with it */
  guint more; /* segments it would newly code */
  double g2;
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->rule);
  g_free (c);
}

typedef struct {
  const TeemaCodingSet *coded; /* people's codings of the theme */
  const TeemaCodingSet *any;   /* anyone's, rejected rule codings too */
  guint t;                     /* the theme's codebook index */
  GHashTable *counts;          /* term -> Candidate * */
  guint n1, n2;                /* coded and other informant segments */
  GPtrArray *kept;             /* Candidate * being verified */
} Run;

static void
count_terms (gint64 segment, GPtrArray *terms, gpointer data)
{
  Run *r = data;
  gboolean coded = teema_coding_set__has (r->coded, segment, r->t);
  if (!coded)
    r->n2++;
  for (guint i = 0; i < terms->len; i++) {
    const char *term = terms->pdata[i];
    Candidate *c = g_hash_table_lookup (r->counts, term);
    if (!c) {
      const char *word = strchr (term, ':') + 1;
      if (teema_text__is_stopword (word))
        continue;
      c = g_new0 (Candidate, 1);
      c->rule = g_strdup (term);
      g_hash_table_insert (r->counts, c->rule, c);
    }
    if (coded)
      c->a++;
    else
      c->b++;
  }
}

static int
by_g2 (gconstpointer pa, gconstpointer pb)
{
  const Candidate *x = *(Candidate *const *) pa, *y = *(Candidate *const *) pb;
  if (x->g2 != y->g2)
    return x->g2 < y->g2 ? 1 : -1;
  return strcmp (x->rule, y->rule);
}

/* G² of the table (a, n1 - a | b, n2 - b). */
static void
score (Run *r, Candidate *c)
{
  c->g2 =
    teema_stats_log_likelihood_g2 (c->a, r->n1, c->b, r->n2)
    + teema_stats_log_likelihood_g2 (r->n1 - c->a, r->n1, r->n2 - c->b, r->n2);
}

/* The terms worth verifying: frequent enough among the coded segments,
 * relatively more frequent there, not already in the theme's rules. */
static GPtrArray *
screen (Run *r, const TeemaTheme *theme, guint min_segments, guint want)
{
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, r->counts);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    Candidate *c = value;
    gboolean known = FALSE;
    for (guint i = 0; i < theme->rules->len && !known; i++)
      known = strstr (theme->rules->pdata[i], c->rule) != NULL;
    if (known || c->a < min_segments
        || (double) c->a * r->n2 <= (double) c->b * r->n1)
      continue;
    score (r, c);
    g_hash_table_iter_steal (&it);
    g_ptr_array_add (out, c);
  }
  g_ptr_array_sort (out, by_g2);
  if (out->len > want)
    g_ptr_array_set_size (out, want);
  return out;
}

static void
count_matches (gint64 segment, guint rule, gpointer data)
{
  Run *r = data;
  Candidate *c = r->kept->pdata[rule];
  if (teema_coding_set__has (r->coded, segment, r->t))
    c->a++;
  else
    c->b++;
  if (!teema_coding_set__has (r->any, segment, r->t))
    c->more++;
}

/* Runs the candidates as rules and replaces the counts with theirs. */
static gboolean
verify (TeemaProject *project, TeemaAnalyzer *az, Run *r, GError **error)
{
  g_autoptr (GPtrArray) rules =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_rule_free);
  for (guint i = 0; i < r->kept->len; i++) {
    Candidate *c = r->kept->pdata[i];
    TeemaRule *rule = teema_rule_compile (c->rule, error);
    if (!rule)
      return FALSE;
    g_ptr_array_add (rules, rule);
    c->a = c->b = c->more = 0;
  }
  if (!teema_coding__foreach_rule_segment (project, az, rules, count_matches, r,
                                           error))
    return FALSE;
  for (guint i = 0; i < r->kept->len; i++)
    score (r, r->kept->pdata[i]);
  g_ptr_array_sort (r->kept, by_g2);
  return TRUE;
}

/* A part: rule that matches exactly what the lemma: rule of the same word
 * matches says nothing more: only the lemma is shown. */
static gboolean
same_as_lemma (GPtrArray *kept, const Candidate *c)
{
  if (!g_str_has_prefix (c->rule, "part:"))
    return FALSE;
  g_autofree char *lemma = g_strconcat ("lemma:", c->rule + 5, NULL);
  for (guint i = 0; i < kept->len; i++) {
    const Candidate *o = kept->pdata[i];
    if (g_str_equal (o->rule, lemma) && o->a == c->a && o->b == c->b)
      return TRUE;
  }
  return FALSE;
}

static TeemaTable *
proposal_table (Run *r, const TeemaTheme *theme, guint top)
{
  g_autofree char *title =
    g_strdup_printf (_ ("Rule proposals for %s: %u segments coded by people"),
                     theme->code, r->n1);
  TeemaTable *t = teema_table_new (title);
  teema_table_add_column_heading (t, "rule", C_ ("heading", "rule"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "coded", C_ ("heading", "coded"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "other", C_ ("heading", "other"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column (t, "g2", TEEMA_COLUMN_REAL);
  teema_table_add_column_heading (t, "more", C_ ("heading", "more"),
                                  TEEMA_COLUMN_INT);
  guint shown = 0;
  for (guint i = 0; i < r->kept->len && shown < top; i++) {
    const Candidate *c = r->kept->pdata[i];
    if (same_as_lemma (r->kept, c) || c->g2 <= 0.0)
      continue;
    teema_table_add_row (t);
    teema_table_add_text (t, c->rule);
    teema_table_add_int (t, c->a);
    teema_table_add_int (t, c->b);
    teema_table_add_real (t, c->g2, 2);
    teema_table_add_int (t, c->more);
    shown++;
  }
  g_autofree char *note = g_strdup_printf (
    _ ("coded: of the %u segments people coded with %s, those the rule "
       "matches; other: of the %u other informant segments. g2: "
       "log-likelihood of matching coded vs other segments (2x2; stop words "
       "and fillers left out). more: segments it would code that nobody has "
       "coded with %s. Add one with: teema theme set %s --add-rule RULE, "
       "then teema autocode."),
    r->n1, theme->code, r->n2, theme->code, theme->code);
  teema_table_add_note (t, note);
  return t;
}

static TeemaTable *
propose (TeemaProject *project, const TeemaProposalOptions *opt, Run *r,
         const TeemaTheme *theme, GError **error)
{
  guint n = 0;
  teema_coding_set__rows (r->coded, r->t, &n);
  r->n1 = n;
  if (n < MIN_CODED) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "theme '%s' has %u segment coded by %s; code at "
                              "least %d to get rule proposals",
                              "theme '%s' has %u segments coded by %s; code "
                              "at least %d to get rule proposals",
                              n),
                 theme->code, n, opt->coder ? opt->coder : _ ("people"),
                 MIN_CODED);
    return NULL;
  }
  g_autoptr (TeemaAnalyzer) az =
    teema_coding__analyzer (project, NULL, FALSE, NULL, error);
  if (!az
      || !teema_coding__foreach_segment_terms (project, az, count_terms, r,
                                               error))
    return NULL;
  guint top = opt->top ? opt->top : DEFAULT_TOP;
  r->kept = screen (
    r, theme, opt->min_segments ? opt->min_segments : DEFAULT_MIN_SEGMENTS,
    2 * top);
  return verify (project, az, r, error) ? proposal_table (r, theme, top) : NULL;
}

TeemaTable *
teema_proposal_list (TeemaProject *project, const TeemaProposalOptions *options,
                     GError **error)
{
  TeemaProposalOptions defaults = { 0 };
  const TeemaProposalOptions *opt = options ? options : &defaults;
  TeemaCodingSetOptions co = { .coder = opt->coder, .humans_only = TRUE };
  TeemaCodingSetOptions ao = { .with_rejected = TRUE };
  g_autoptr (TeemaCodingSet) coded =
    teema_coding_set__new (project, &co, error);
  g_autoptr (TeemaCodingSet) any =
    coded ? teema_coding_set__new (project, &ao, error) : NULL;
  if (!any)
    return NULL;
  const TeemaCodebook *cb = teema_coding_set__codebook (coded);
  const TeemaTheme *theme = teema_codebook_find (cb, opt->theme, error);
  if (!theme)
    return NULL;
  Run r = { coded,
            any,
            (guint) teema_codebook_index (cb, theme->code),
            g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) candidate_free),
            0,
            0,
            NULL };
  TeemaTable *t = propose (project, opt, &r, theme, error);
  g_hash_table_destroy (r.counts);
  if (r.kept)
    g_ptr_array_unref (r.kept);
  return t;
}
