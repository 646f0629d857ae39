/* cmd-rules.c — teema rules test 'RULE' 'TEXT': does a rule fire on a
 * sentence, and on which words (needs no project; --scope sentence: on
 * each sentence of TEXT on its own); teema rules suggest
 * --theme T: rules proposed from the segments people coded with T;
 * teema rules learn: a codebook's evidence learned from hand-coded rows. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void
print_token (const char *text, const TeemaToken *t, const char *why)
{
  const char *s = g_utf8_offset_to_pointer (text, t->start);
  const char *e = g_utf8_offset_to_pointer (s, t->end - t->start);
  const TeemaAnalysis *an = t->analysis;
  g_autofree char *word = g_strndup (s, e - s);
  g_autofree char *lemmas = g_strjoinv (",", (char **) an->lemmas);
  g_autofree char *parts = g_strjoinv ("+", (char **) an->parts);
  g_autofree char *padded = cli_pad (word, 20);
  printf (_ ("  %s %s lemma %s"), why ? "*" : " ", padded, lemmas);
  gboolean compound = FALSE;
  for (const char *const *p = an->parts; *p; p++)
    compound |= !g_strv_contains (an->lemmas, *p);
  if (compound)
    printf (_ (", parts %s"), parts);
  if (an->normalised)
    printf (_ (", spoken for '%s'"), an->normalised);
  if (why)
    printf ("  <- %s", why);
  printf ("\n");
}

/* Prints the words of text: those a hit names, or every one (verbose). */
static void
print_tokens (const char *text, const GArray *tokens, const GArray *hits,
              gboolean verbose)
{
  for (guint i = 0; i < tokens->len; i++) {
    const char *why = NULL;
    for (guint h = 0; hits && h < hits->len; h++)
      if (g_array_index (hits, TeemaRuleHit, h).token == i)
        why = g_array_index (hits, TeemaRuleHit, h).why;
    if (why || verbose)
      print_token (text, &g_array_index (tokens, TeemaToken, i), why);
  }
}

/* The sentences of text (as autocode cuts a segment), as strings. */
static GPtrArray *
sentences_of (const char *text)
{
  TeemaSegment seg = { .text = (char *) text };
  g_autoptr (GArray) spans = teema_segment_sentences (&seg);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < spans->len; i++) {
    TeemaSpan sp = g_array_index (spans, TeemaSpan, i);
    const char *b = g_utf8_offset_to_pointer (text, sp.start);
    const char *e = g_utf8_offset_to_pointer (b, sp.end - sp.start);
    g_ptr_array_add (out, g_strndup (b, e - b));
  }
  return out;
}

static void
array_unref0 (gpointer array)
{
  if (array)
    g_array_unref (array);
}

/* scope: sentence — the rule on each sentence of text on its own, as
 * autocode matches a theme of that scope: which sentences match, then
 * each (every one when verbose) with its words. TRUE on a match. */
static gboolean
test_sentences (TeemaRule *rule, TeemaAnalyzer *az, const char *text,
                gboolean whole_matches, gboolean verbose)
{
  g_autoptr (GPtrArray) sentences = sentences_of (text);
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func (array_unref0);
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (array_unref0);
  g_autoptr (GString) which = g_string_new (NULL);
  guint n = 0;
  for (guint i = 0; i < sentences->len; i++) {
    GArray *t = NULL;
    GArray *h = teema_rule_test (rule, az, sentences->pdata[i], &t);
    g_ptr_array_add (hits, h);
    g_ptr_array_add (tokens, t);
    if (h)
      g_string_append_printf (which, "%s%u", n++ ? ", " : "", i + 1);
  }
  if (n)
    /* TRANSLATORS: rules test --scope sentence: "match in sentences 1, 3
     * of 4". */
    printf (g_dngettext (GETTEXT_PACKAGE, "match in sentence %s of %u\n",
                         "match in sentences %s of %u\n", n),
            which->str, sentences->len);
  else if (whole_matches)
    printf (_ ("no match in any one sentence (the whole text matches: below "
               "scope)\n"));
  else
    printf ("%s\n", _ ("no match"));
  for (guint i = 0; i < sentences->len; i++) {
    const GArray *h = hits->pdata[i];
    if (!h && !verbose)
      continue;
    printf (h ? _ ("sentence %u: %s\n") : _ ("sentence %u (no match): %s\n"),
            i + 1, (char *) sentences->pdata[i]);
    print_tokens (sentences->pdata[i], tokens->pdata[i], h, verbose);
  }
  return n > 0;
}

static int
rules_test (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *lang = "fi", *scope_name = "segment";
  gboolean snowball = FALSE, verbose = FALSE;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_ ("fi (default) or en"),
      N_ ("LANG") },
    { "snowball", 0, 0, G_OPTION_ARG_NONE, &snowball,
      N_ ("use Snowball stems instead of Voikko"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_ ("show every word's analysis"), NULL },
    { "scope", 's', 0, G_OPTION_ARG_STRING, &scope_name,
      N_ ("segment: TEXT as a whole (default); sentence: each sentence of "
          "TEXT on its own, as a theme with scope: sentence is matched"),
      N_ ("SCOPE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("RULE TEXT"),
                  N_ ("Tests a rule on a sentence; exit 0 if it matches, 1 if "
                      "not."),
                  error))
    return 2;
  TeemaScope scope;
  if (!teema_scope_parse (scope_name, &scope))
    return cli_usage (error, _ ("--scope is segment or sentence, not '%s'"),
                      scope_name);
  if (argc != 3)
    return cli_usage (error, _ ("usage: teema rules test 'RULE' 'TEXT'"));
  g_autoptr (TeemaRule) rule = teema_rule_compile (argv[1], error);
  if (!rule)
    return 2;
  g_autoptr (TeemaAnalyzer) az = snowball
                                   ? teema_analyzer_new_snowball (lang, error)
                                   : teema_analyzer_new (lang, error);
  if (!az)
    return 1;
  if (teema_analyzer_warning (az))
    fprintf (stderr, _ ("teema: warning: %s\n"), teema_analyzer_warning (az));
  GArray *tokens = NULL;
  g_autoptr (GArray) hits =
    teema_rule_test_full (rule, az, argv[2], &tokens, error);
  if (error && *error) {
    g_array_unref (tokens);
    return 1;
  }
  gboolean match = hits != NULL;
  if (scope == TEEMA_SCOPE_SENTENCE) {
    match = test_sentences (rule, az, argv[2], hits != NULL, verbose);
  } else {
    printf ("%s\n", match ? _ ("match") : _ ("no match"));
    print_tokens (argv[2], tokens, hits, verbose);
  }
  g_array_unref (tokens);
  return match ? 0 : 1;
}

static int
rules_suggest (int argc, char **argv, CliGlobals *g, GError **error)
{
  TeemaProposalOptions opt = { 0 };
  const char *format = "table";
  gint top = 0, min = 0;
  GOptionEntry entries[] = {
    { "theme", 't', 0, G_OPTION_ARG_STRING, &opt.theme,
      N_ ("the theme (id or label)"), N_ ("THEME") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &opt.coder,
      N_ ("learn from this coder only (default: every coder but the rules)"),
      N_ ("NAME") },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top,
      N_ ("at most N rules (default 15)"), "N" },
    { "min", 0, 0, G_OPTION_ARG_INT, &min,
      N_ ("a word in at least N coded segments (default 2)"), "N" },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Proposes keyword rules for a theme: the lemmas and "
                      "compound parts most distinctive of the segments people "
                      "coded with it (at least 3)."),
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!opt.theme || argc != 1 || top < 0 || min < 0)
    return cli_usage (error, _ ("usage: teema rules suggest --theme THEME "
                                "[--coder NAME] [--top N]"));
  opt.top = (guint) top;
  opt.min_segments = (guint) min;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaTable) t = p ? teema_proposal_list (p, &opt, error) : NULL;
  if (!t)
    return 1;
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

/* The learned codebook as text: the codebook file's own text with the
 * new evidence lines (comments kept), or the codebook written out. */
static char *
learned_text (const char *codebook_path, const TeemaCodebook *learned,
              GError **error)
{
  if (!codebook_path)
    return teema_codebook_to_text (learned);
  g_autofree char *source = NULL;
  if (!g_file_get_contents (codebook_path, &source, NULL, error))
    return NULL;
  return teema_evidence_rewrite (source, learned, error);
}

static int
rules_learn (int argc, char **argv, CliGlobals *g, GError **error)
{
  char **devsets = NULL, **themes = NULL; /* owned by cli_parse */
  const char *codebook = NULL, *output = NULL, *format = "table";
  const char *gold = NULL;
  double min_weight = 0;
  GOptionEntry entries[] = {
    { "devset", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &devsets,
      N_ ("hand-coded rows to learn from (TSV as teema evaluate --devset "
          "reads; repeat for several files)"),
      N_ ("FILE") },
    { "gold", 'g', 0, G_OPTION_ARG_STRING, &gold,
      N_ ("learn from the segments this person coded in the project"),
      N_ ("CODER") },
    { "codebook", 'k', 0, G_OPTION_ARG_FILENAME, &codebook,
      N_ ("the codebook file (default: the project's)"), N_ ("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("write the codebook with the learned evidence here (may be the "
          "--codebook file itself)"),
      N_ ("FILE") },
    { "theme", 't', 0, G_OPTION_ARG_STRING_ARRAY, &themes,
      N_ ("learn this theme (repeat; default: every theme without "
          "sub-themes coded in 10 rows or more)"),
      N_ ("THEME") },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight,
      N_ ("leave out terms weighing less than W either way (default 0.5)"),
      "W" },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Learns evidence for a codebook's themes from "
                      "hand-coded rows: weights of words for and against "
                      "each theme, written as evidence lines of the "
                      "codebook. With two files (or interviews) or more, "
                      "each is scored with what the others taught."),
                  error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (!devsets == !gold || !output || argc != 1 || min_weight < 0)
    return cli_usage (error, _ ("usage: teema rules learn --devset FILE "
                                "[--devset FILE ...] | --gold CODER, "
                                "--output FILE [--codebook FILE] "
                                "[--theme THEME ...]"));
  g_autoptr (TeemaProject) p = gold ? cli_open (g, error) : NULL;
  if (gold && !p)
    return 1;
  g_autoptr (TeemaCodebook) cb = codebook
                                   ? teema_codebook_load (codebook, error)
                                 : p ? teema_codebook_get (p, error)
                                     : cli_codebook (g, NULL, error);
  if (!cb)
    return 1;
  TeemaLearnOptions opt = { .themes = (const char *const *) themes,
                            .min_weight = min_weight };
  g_autoptr (TeemaTable) report = NULL;
  g_autoptr (TeemaCodebook) learned =
    gold ? teema_evidence_learn_coder (p, cb, gold, &opt, &report, error)
         : teema_evidence_learn (cb, (const char *const *) devsets, &opt,
                                 &report, error);
  g_autofree char *text =
    learned ? learned_text (codebook, learned, error) : NULL;
  if (!text || !teema_file_write (output, text, strlen (text), error))
    return 1;
  return cli_write_table (g, report, fmt, NULL, error) ? 0 : 1;
}

int
cmd_rules (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "test", rules_test, N_ ("test a rule: teema rules test 'RULE' 'TEXT'") },
    { "suggest", rules_suggest,
      N_ ("rules for a theme from your coding: --theme THEME") },
    { "learn", rules_learn,
      N_ ("evidence for the themes from hand coding: --devset FILE or "
          "--gold CODER") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "rules", argc, argv, g, error);
}
