/* text/stopwords.c — words that say nothing about a theme: function
 * words, pronouns and the fillers of spoken Finnish ("tota", "niinku",
 * "öö"), in Finnish and English, as base forms. Keyword proposals leave
 * them out; the list is short on purpose, so that a content word is never
 * lost to it.
 * Must always hold: entries are lower case, NFC, and base forms as the
 * analyser gives them (Voikko lemmas; spoken forms normalised). */
#include "text/text-private.h"

#include <string.h>

/* Rows of related words; clang-format would put one word per line. */
/* clang-format off */
static const char *const stopwords[] = {
  /* Finnish: verbs of being and negation, light verbs that go with
   * anything, pronouns, conjunctions. */
  "olla", "ei", "voida", "mennä", "tulla", "tehdä", "saada", "sanoa",
  "minä", "sinä", "hän", "me", "te", "he", "se", "ne",
  "tämä", "tuo", "nämä", "nuo", "joka", "mikä", "kuka", "jokin", "joku",
  "mikään", "kukaan", "kaikki", "jokainen", "muu", "oma", "itse", "sama",
  "toinen", "sellainen", "semmoinen", "tällainen", "tämmöinen", "tuollainen",
  "ja", "tai", "mutta", "vaan", "sekä", "eli", "että", "kun", "jos", "koska",
  "kuin", "vaikka", "jotta", "kunnes", "ettei", "sillä",
  /* Finnish adverbs and postpositions that carry no topic. */
  "niin", "myös", "vain", "jo", "vielä", "nyt", "sitten", "siis", "kyllä",
  "ihan", "vähän", "tosi", "just", "juuri", "noin", "näin", "siellä",
  "täällä", "tässä", "siinä", "sinne", "tänne", "missä", "mihin", "miten",
  "miksi", "milloin", "kuinka", "paljon", "enemmän", "kanssa", "mukaan",
  "jälkeen", "ennen", "aikana", "kautta", "takia", "vuoksi", "asti",
  "saakka", "lisäksi", "tavallaan", "ehkä", "varmaan", "oikeastaan",
  "jotenkin", "ainakin", "esimerkiksi", "nimittäin", "kuitenkin", "toki",
  "tietysti", "koskaan", "sit", "et", "ku", "ni",
  /* Fillers and greetings of speech. */
  "no", "joo", "juu", "tota", "tuota", "niinku", "niinkuin", "öö", "ööh",
  "mm", "mmm", "hmm", "hm", "aa", "ai", "ahaa", "okei", "ok", "jaa", "noh",
  "äh", "hei", "moi", "kiitos",
  /* English. */
  "the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at",
  "for", "with", "is", "be", "are", "was", "were", "it", "this", "that",
  "these", "those", "i", "you", "he", "she", "we", "they", "me", "my",
  "your", "our", "their", "not", "yes", "so", "as", "by", "from", "do",
  "does", "did", "have", "has", "had", "will", "would", "can", "could",
  "like", "yeah", "um", "uh", "well", "really", "very", "also", "there",
  "here", "what", "which", "who", "how", "when", "then", "than", "about",
  "all", "some", "any", "kind", "sort", "know", "mean", "go", "get", "say",
};
/* clang-format on */

static GHashTable *table;

gboolean
teema_text__is_stopword (const char *lemma)
{
  if (g_once_init_enter (&table)) {
    GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS (stopwords); i++)
      g_hash_table_add (t, (gpointer) stopwords[i]);
    g_once_init_leave (&table, t);
  }
  return lemma
         && (g_utf8_strlen (lemma, -1) < 2
             || g_hash_table_contains (table, lemma));
}
