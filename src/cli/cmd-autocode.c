/* cmd-autocode.c — teema autocode: rule codings, with --dry-run and
 * --explain. --explain is for reading, like --dry-run: it changes nothing
 * unless --write asks for the codings too. */
#include "cli.h"

#include <stdio.h>

/* " sentences 2-3, 5" for a coding of part of a segment (scope:
 * sentence), numbered as coding add --sentences numbers them; "" for a
 * whole one. */
static char *
sentences_of (const TeemaAutocodeItem *it)
{
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean many = it->spans->len > 1;
  for (guint i = 0; i < it->spans->len; i++) {
    const TeemaAutocodeSpan *sp =
      &g_array_index (it->spans, TeemaAutocodeSpan, i);
    many |= sp->last > sp->first;
    g_string_append_printf (s, "%s%u", i ? ", " : "", sp->first);
    if (sp->last > sp->first)
      g_string_append_printf (s, "-%u", sp->last);
  }
  if (!s->len)
    return g_strdup ("");
  /* TRANSLATORS: the end of a line of autocode --dry-run: the sentences
   * of the segment a theme codes, "2" or "2-3, 5". */
  return g_strdup_printf (many ? _ (" sentences %s") : _ (" sentence %s"),
                          s->str);
}

static void
print_item (const TeemaAutocodeItem *it, gboolean explain)
{
  const char *mark = it->kept ? "=" : it->added ? "+" : "-";
  g_autofree char *part = sentences_of (it);
  printf ("%s %s #%lld %s:%u %s%s\n", mark, it->theme,
          (long long) it->segment_id, it->informant ? it->informant : "?",
          it->ordinal, it->document ? it->document : "", part);
  for (guint i = 0; explain && i < it->hits->len; i++) {
    const TeemaAutocodeHit *h = it->hits->pdata[i];
    g_autofree char *why = cli_pad (h->why, 22);
    g_autofree char *word = cli_pad (h->word, 20);
    printf (_ ("    %s %s lemma %s%s%s  (rule: %s)\n"), why, word, h->lemmas,
            *h->parts ? _ (", parts ") : "", h->parts, h->rule);
  }
}

int
cmd_autocode (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean dry_run = FALSE, explain = FALSE, snowball = FALSE, all = FALSE;
  gboolean write = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("show what would change, change nothing"), NULL },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      N_ ("show the rule, word, lemma and parts behind each coding (changes "
          "nothing unless --write)"),
      NULL },
    { "write", 'w', 0, G_OPTION_ARG_NONE, &write,
      N_ ("with --explain: also write the codings"), NULL },
    { "snowball", 0, 0, G_OPTION_ARG_NONE, &snowball,
      N_ ("use Snowball stems even where Voikko is installed"), NULL },
    { "interviewer", 0, 0, G_OPTION_ARG_NONE, &all,
      N_ ("code interviewer turns too"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Codes segments with the codebook's rules as coder "
                      "'rules'. Re-running replaces the earlier rule codings."),
                  error))
    return 2;
  if (write && (!explain || dry_run))
    return cli_usage (error, _ ("--write goes with --explain (without "
                                "--dry-run): autocode writes by default"));
  dry_run |= explain && !write;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaAutocodeOptions opt = { dry_run,
                               all,
                               NULL,
                               snowball,
                               explain,
                               g->quiet ? NULL : cli_progress,
                               (gpointer) "autocode" };
  g_autoptr (TeemaAutocodeResult) r = teema_autocode_run (p, &opt, error);
  if (!r)
    return 1;
  if (r->warning)
    fprintf (stderr, _ ("teema: warning: %s\n"), r->warning);
  if (r->n_undecided)
    fprintf (stderr,
             g_dngettext (GETTEXT_PACKAGE,
                          "teema: warning: %u segment was not coded because "
                          "a rule could not be decided; the first: %s\n",
                          "teema: warning: %u segments were not coded because "
                          "a rule could not be decided; the first: %s\n",
                          r->n_undecided),
             r->n_undecided, r->undecided);
  for (guint i = 0; (dry_run || explain) && i < r->items->len; i++) {
    const TeemaAutocodeItem *it = r->items->pdata[i];
    if (explain || !it->kept)
      print_item (it, explain);
  }
  if (!g->quiet)
    printf (_ ("%s%u segments, %llu words (%s): %u codings, %u added, %u "
               "removed, %u unchanged\n"),
            dry_run ? _ ("dry run: ") : "", r->n_segments,
            (unsigned long long) r->n_words, r->backend, r->n_codings,
            r->n_added, r->n_removed, r->n_kept);
  return 0;
}
