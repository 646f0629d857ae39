/* gen-corpus.c — writes a synthetic interview corpus for the benchmarks.
 *
 * usage: gen-corpus [--file-words N] WORDS OUTDIR SOURCE.txt...
 *
 * Sentences are drawn at random (fixed seed) from the informant turns of
 * the source transcripts, so word frequencies look like real spoken
 * Finnish. To make the vocabulary grow as real corpora do, one word in
 * fifty gets a compound first part ("asiakas", "projekti", ...), which
 * yields new word forms that Voikko analyses as compounds. Output: files of
 * about 20,000 words (--file-words: N), each an interview with a header
 * and speaker turns. The output depends only on the arguments, so tests
 * can generate a small corpus with many informants. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

static const char *const first_parts[] = {
  "asiakas",     "projekti",     "toimitus",   "palvelu", "laatu",
  "yhteistyö",   "huolto",       "myynti",     "tila",    "kaluste",
  "suunnittelu", "markkinointi", "henkilöstö", "kehitys", "hankinta",
  "sopimus",     "tieto",        "työ",        "koulu",   "kunta",
  "yritys",      "talous",       "verkko",     "ääni",    "valo",
  "väri",        "käyttäjä",
};

static GPtrArray *
load_sentences (int n, char **paths)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) label =
    g_regex_new ("^(\\[[0-9:]+\\] )?\\**[AH][0-9]:\\** ", 0, 0, NULL);
  for (int i = 0; i < n; i++) {
    g_autofree char *data = NULL;
    if (!g_file_get_contents (paths[i], &data, NULL, NULL))
      continue;
    g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
    for (guint l = 0; lines[l]; l++) {
      GMatchInfo *m = NULL;
      if (g_regex_match (label, lines[l], 0, &m)) {
        int end = 0;
        g_match_info_fetch_pos (m, 0, NULL, &end);
        g_auto (GStrv) sents = g_strsplit (lines[l] + end, ". ", -1);
        for (guint s = 0; sents[s]; s++)
          if (strlen (sents[s]) > 10)
            g_ptr_array_add (out, g_strdup (sents[s]));
      }
      g_match_info_free (m);
    }
  }
  return out;
}

/* Appends a sentence, giving some words a compound first part. */
static guint
append_sentence (GString *out, const char *sentence, GRand *rng)
{
  g_auto (GStrv) words = g_strsplit (sentence, " ", -1);
  guint n = 0;
  for (guint w = 0; words[w]; w++) {
    if (w)
      g_string_append_c (out, ' ');
    const char *word = words[w];
    if (g_rand_int_range (rng, 0, 50) == 0
        && g_unichar_islower (g_utf8_get_char (word))
        && g_utf8_strlen (word, -1) > 4) {
      g_string_append (
        out,
        first_parts[g_rand_int_range (rng, 0, G_N_ELEMENTS (first_parts))]);
    }
    g_string_append (out, word);
    n++;
  }
  g_string_append (out, ". ");
  return n;
}

int
main (int argc, char **argv)
{
  guint64 per_file = 20000;
  if (argc > 2 && strcmp (argv[1], "--file-words") == 0) {
    per_file = g_ascii_strtoull (argv[2], NULL, 10);
    argc -= 2;
    argv += 2;
  }
  if (argc < 4 || per_file == 0) {
    fprintf (stderr,
             "usage: gen-corpus [--file-words N] WORDS OUTDIR SOURCE.txt...\n");
    return 2;
  }
  guint64 target = g_ascii_strtoull (argv[1], NULL, 10);
  const char *dir = argv[2];
  g_mkdir_with_parents (dir, 0755);
  g_autoptr (GPtrArray) sentences = load_sentences (argc - 3, argv + 3);
  if (sentences->len == 0) {
    fprintf (stderr, "gen-corpus: no sentences in the sources\n");
    return 1;
  }
  GRand *rng = g_rand_new_with_seed (20261123);
  guint64 written = 0;
  for (guint file = 0; written < target; file++) {
    GString *out = g_string_new (NULL);
    g_string_append_printf (out, "---\ninformant: B%u\ngroup: %s\n---\n", file,
                            file % 2 ? "customer" : "employee");
    guint64 in_file = 0;
    while (in_file < per_file && written < target) {
      g_string_append (out, "Haastattelija: Kerrotko lisää siitä?\n");
      g_string_append_printf (out, "B%u: ", file);
      guint turn = (guint) g_rand_int_range (rng, 2, 8);
      for (guint s = 0; s < turn; s++) {
        guint n = append_sentence (
          out, sentences->pdata[g_rand_int_range (rng, 0, sentences->len)],
          rng);
        in_file += n;
        written += n;
      }
      g_string_append_c (out, '\n');
    }
    g_autofree char *path = g_strdup_printf ("%s/b%05u.txt", dir, file);
    g_file_set_contents (path, out->str, (gssize) out->len, NULL);
    g_string_free (out, TRUE);
  }
  g_rand_free (rng);
  printf ("%" G_GUINT64_FORMAT "\n", written);
  return 0;
}
