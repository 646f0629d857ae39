/* text/names.c — finding personal names in text and replacing them:
 * the name key, the scan, and inflecting a pseudonym like the form it
 * replaces.
 *
 * A word is a name of the key when its lemma (the same analysis rules
 * use, so "Jarkolle" is Jarkko) is the key's word, or, for words the
 * analyser does not know, when it is the key's word plus a short ending
 * ("Sisustamolla"). A word is a name by itself when Voikko knows it only
 * as a first or last name, or as one and a common word but written with
 * a capital where a sentence does not start. Pseudonyms are inflected by
 * trying stems and endings until Voikko reads the result as the
 * pseudonym in the replaced form's case and number; if none reads so, the
 * base form is used. Must always hold: hits are in text order and never
 * overlap; offsets are code points of the text scanned. */
#include "base/base-private.h"
#include "text/text-private.h"
#include "text/voikko.h"

#include <string.h>
#include <teema/error.h>
#include <teema/names.h>

#define DEFAULT_PLACEHOLDER "[nimi]"
#define MAX_UNKNOWN_ENDING  5 /* bytes after a key word in an unknown word */

/* ---- the key --------------------------------------------------------------
 */

typedef struct {
  char *name;       /* as written in the key */
  char *pseudonym;  /* NULL: the placeholder */
  gboolean keep;    /* "Helsinki = Helsinki": never replaced */
  GPtrArray *words; /* char *, folded */
  GArray *upper;    /* gboolean: the word is written with a capital */
} KeyEntry;

struct TeemaNameKey {
  GPtrArray *entries; /* KeyEntry *, most words first */
};

static void
entry_free (KeyEntry *e)
{
  g_free (e->name);
  g_free (e->pseudonym);
  g_ptr_array_unref (e->words);
  g_array_unref (e->upper);
  g_free (e);
}

void
teema_name_key_free (TeemaNameKey *key)
{
  if (!key)
    return;
  g_ptr_array_unref (key->entries);
  g_free (key);
}

guint
teema_name_key_size (const TeemaNameKey *key)
{
  return key ? key->entries->len : 0;
}

const char *
teema_name_key__name (const TeemaNameKey *key, guint i)
{
  return ((KeyEntry *) key->entries->pdata[i])->name;
}

const char *
teema_name_key__pseudonym (const TeemaNameKey *key, guint i)
{
  return ((KeyEntry *) key->entries->pdata[i])->pseudonym;
}

static int
more_words_first (gconstpointer a, gconstpointer b)
{
  const KeyEntry *x = *(KeyEntry *const *) a, *y = *(KeyEntry *const *) b;
  return (int) y->words->len - (int) x->words->len;
}

static KeyEntry *
entry_new (const char *name, const char *pseudonym)
{
  KeyEntry *e = g_new0 (KeyEntry, 1);
  e->name = g_strdup (name);
  e->pseudonym = pseudonym && *pseudonym ? g_strdup (pseudonym) : NULL;
  e->keep = e->pseudonym && g_str_equal (e->name, e->pseudonym);
  e->words = g_ptr_array_new_with_free_func (g_free);
  e->upper = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_auto (GStrv) words = g_strsplit_set (name, " \t", -1);
  for (guint i = 0; words[i]; i++) {
    if (!*words[i])
      continue;
    gboolean up = g_unichar_isupper (g_utf8_get_char (words[i]));
    g_ptr_array_add (e->words, teema_text__fold (words[i], -1));
    g_array_append_val (e->upper, up);
  }
  return e;
}

static gboolean
same_words (const KeyEntry *a, const KeyEntry *b)
{
  if (a->words->len != b->words->len)
    return FALSE;
  for (guint i = 0; i < a->words->len; i++)
    if (!g_str_equal (a->words->pdata[i], b->words->pdata[i]))
      return FALSE;
  return TRUE;
}

TeemaNameKey *
teema_name_key_parse (const char *data, gssize len, const char *name,
                      GError **error)
{
  g_autofree char *text =
    g_strndup (data, len < 0 ? strlen (data) : (gsize) len);
  if (!g_utf8_validate (text, -1, NULL)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s: not UTF-8 text; save the name key as UTF-8"), name);
    return NULL;
  }
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  TeemaNameKey *key = g_new0 (TeemaNameKey, 1);
  key->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; lines[i]; i++) {
    char *line = lines[i];
    if (i == 0 && g_str_has_prefix (line, "\xef\xbb\xbf"))
      line += 3; /* a BOM from Notepad */
    char *hash = strchr (line, '#');
    if (hash)
      *hash = '\0';
    g_strstrip (line);
    if (!*line)
      continue;
    char *eq = strchr (line, '=');
    if (eq)
      *eq++ = '\0';
    g_autofree char *folded = g_strstrip (g_strdup (line));
    g_autofree char *pseudonym = eq ? g_strstrip (g_strdup (eq)) : NULL;
    if (!*folded) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                   _ ("%s:%u: no name before '='; write 'name = pseudonym'"),
                   name, i + 1);
      teema_name_key_free (key);
      return NULL;
    }
    KeyEntry *e = entry_new (folded, pseudonym);
    for (guint k = 0; k < key->entries->len; k++)
      if (same_words (key->entries->pdata[k], e)) {
        g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                     _ ("%s:%u: '%s' is already in the key; keep one line for "
                        "it"),
                     name, i + 1, folded);
        entry_free (e);
        teema_name_key_free (key);
        return NULL;
      }
    g_ptr_array_add (key->entries, e);
  }
  g_ptr_array_sort (key->entries, more_words_first);
  return key;
}

TeemaNameKey *
teema_name_key_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *io = NULL;
  if (!g_file_get_contents (path, &data, &len, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return NULL;
  }
  return teema_name_key_parse (data, (gssize) len, path, error);
}

/* ---- inflecting a pseudonym ------------------------------------------------
 */

typedef struct {
  char *sija, *number, *ending; /* of the replaced form */
} Form;

static void
form_clear (Form *f)
{
  g_free (f->sija);
  g_free (f->number);
  g_free (f->ending);
}

static char *
mor (struct voikko_mor_analysis *m, const char *key)
{
  char *v = voikko_mor_analysis_value_cstr (m, key);
  char *out = g_strdup (v);
  if (v)
    voikko_free_mor_analysis_value_cstr (v);
  return out;
}

/* The letters after the stem in a Voikko FSTOUTPUT:
 * "[Lee][Xp]Jarkko[X]jarko[Sall][Ny]lle" -> "lle". */
static char *
fst_ending (const char *fst)
{
  const char *x = fst ? g_strrstr (fst, "[X]") : NULL;
  if (!x)
    return g_strdup ("");
  const char *p = strchr (x + 3, '[');
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;
  for (; p && *p; p++) {
    if (*p == '[' || *p == ']')
      in_tag = *p == '[';
    else if (!in_tag)
      g_string_append_c (out, *p);
  }
  return g_string_free (out, FALSE);
}

/* Case, number and ending of a name's form, from its reading as a name
 * (or its first reading). FALSE when Voikko does not know it. */
static gboolean
form_of (struct VoikkoHandle *v, const char *word, Form *f)
{
  struct voikko_mor_analysis **list = voikkoAnalyzeWordCstr (v, word);
  struct voikko_mor_analysis *pick = list ? list[0] : NULL;
  for (guint i = 0; list && list[i]; i++) {
    g_autofree char *cls = mor (list[i], "CLASS");
    if (cls && g_str_has_suffix (cls, "nimi")) {
      pick = list[i];
      break;
    }
  }
  if (pick) {
    g_autofree char *fst = mor (pick, "FSTOUTPUT");
    f->sija = mor (pick, "SIJAMUOTO");
    f->number = mor (pick, "NUMBER");
    f->ending = fst_ending (fst);
  }
  if (list)
    voikko_free_mor_analysis (list);
  return pick && f->sija;
}

/* TRUE when Voikko reads word as base in the case and number of f. */
static gboolean
reads_as (struct VoikkoHandle *v, const char *word, const char *base,
          const Form *f)
{
  struct voikko_mor_analysis **list = voikkoAnalyzeWordCstr (v, word);
  gboolean ok = FALSE;
  for (guint i = 0; list && list[i] && !ok; i++) {
    g_autofree char *b = mor (list[i], "BASEFORM");
    g_autofree char *s = mor (list[i], "SIJAMUOTO");
    g_autofree char *n = mor (list[i], "NUMBER");
    ok = g_strcmp0 (b, base) == 0 && g_strcmp0 (s, f->sija) == 0
         && g_strcmp0 (n, f->number) == 0;
  }
  if (list)
    voikko_free_mor_analysis (list);
  return ok;
}

static void
add_unique (GPtrArray *a, char *s)
{
  if (g_ptr_array_find_with_equal_func (a, s, g_str_equal, NULL))
    g_free (s);
  else
    g_ptr_array_add (a, s);
}

/* Stems a name may take before an ending: itself, with consonant
 * gradation in its last syllable (Matti -> Mati, Jarkko -> Jarko), with
 * its last vowel doubled (Laine -> Lainee), and -nen names' s-stems
 * (Virtanen -> Virta, Virtas). */
/* The last letter of p as a string when it is a vowel, else NULL. */
static char *
last_vowel (const char *p)
{
  if (!*p)
    return NULL;
  const char *last = g_utf8_prev_char (p + strlen (p));
  gunichar c = g_unichar_tolower (g_utf8_get_char (last));
  return c < 0x80 && strchr ("aeiouy", (int) c) ? g_strdup (last)
         : c == 0xe4 || c == 0xf6               ? g_strdup (last)
                                                : NULL;
}

static GPtrArray *
stems_of (const char *p)
{
  static const char *const grade[][2] = {
    { "kk", "k" },  { "pp", "p" },  { "tt", "t" },  { "nk", "ng" },
    { "mp", "mm" }, { "lt", "ll" }, { "nt", "nn" }, { "rt", "rr" },
    { "ht", "hd" }, { "k", "" },    { "p", "v" },   { "t", "d" },
  };
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gssize n = (gssize) strlen (p);
  add_unique (out, g_strdup (p));
  for (gsize i = 0; i < G_N_ELEMENTS (grade); i++) {
    gssize k = (gssize) strlen (grade[i][0]);
    /* In the last syllable, with a letter after it, never the initial. */
    for (gssize at = n - 1 - k; at >= 1 && at >= n - 5; at--)
      if (strncmp (p + at, grade[i][0], (gsize) k) == 0) {
        add_unique (out, g_strdup_printf ("%.*s%s%s", (int) at, p, grade[i][1],
                                          p + at + k));
        break;
      }
  }
  g_autofree char *vowel = last_vowel (p);
  if (vowel)
    add_unique (out, g_strconcat (p, vowel, NULL));
  if (g_str_has_suffix (p, "nen")) {
    add_unique (out, g_strndup (p, (gsize) n - 3));
    add_unique (out, g_strdup_printf ("%.*ss", (int) (n - 3), p));
  }
  return out;
}

/* a <-> ä, o <-> ö, u <-> y: the ending in the other vowel harmony. */
static char *
harmony_swap (const char *s)
{
  static const char *const pairs[][2] = { { "a", "ä" },
                                          { "o", "ö" },
                                          { "u", "y" } };
  GString *out = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gboolean done = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS (pairs) && !done; i++)
      for (int k = 0; k < 2 && !done; k++)
        if (g_str_has_prefix (p, pairs[i][k])) {
          g_string_append (out, pairs[i][1 - k]);
          done = TRUE;
        }
    if (!done)
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  }
  return g_string_free (out, FALSE);
}

/* Endings to try: the replaced form's own, in both vowel harmonies, and
 * the usual endings of its case (illative with the stem's last vowel). */
static GPtrArray *
endings_of (const Form *f, const char *p)
{
  static const char *const usual[][2] = {
    { "omanto", "n en" },         { "osanto", "a ä ta tä" },
    { "sisaolento", "ssa ssä" },  { "sisaeronto", "sta stä" },
    { "ulko_olento", "lla llä" }, { "ulkoolento", "lla llä" },
    { "ulkoeronto", "lta ltä" },  { "ulkotulento", "lle" },
    { "olento", "na nä" },        { "tulento", "ksi" },
    { "vajanto", "tta ttä" },     { "sisatulento", "_n h_n seen en" },
  };
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  add_unique (out, g_strdup (f->ending));
  add_unique (out, harmony_swap (f->ending));
  g_autofree char *vowel = last_vowel (p);
  for (gsize i = 0; i < G_N_ELEMENTS (usual); i++) {
    if (g_strcmp0 (f->sija, usual[i][0]) != 0)
      continue;
    g_auto (GStrv) list = g_strsplit (usual[i][1], " ", -1);
    for (guint k = 0; list[k]; k++) {
      g_auto (GStrv) parts = g_strsplit (list[k], "_", -1);
      add_unique (out, g_strjoinv (vowel ? vowel : "e", parts));
    }
  }
  return out;
}

/* pseudonym (one word) inflected like model, or a copy of it. */
static char *
inflect_like (TeemaAnalyzer *az, const char *pseudonym, const char *model)
{
  struct VoikkoHandle *v = teema_analyzer__voikko (az);
  Form f = { 0 };
  if (!v || !form_of (v, model, &f) || !*f.ending
      || (g_str_equal (f.sija, "nimento")
          && g_strcmp0 (f.number, "singular") == 0)) {
    form_clear (&f);
    return g_strdup (pseudonym);
  }
  g_autoptr (GPtrArray) stems = stems_of (pseudonym);
  g_autoptr (GPtrArray) endings = endings_of (&f, pseudonym);
  char *found = NULL;
  for (guint i = 0; i < stems->len && !found; i++)
    for (guint k = 0; k < endings->len && !found; k++) {
      g_autofree char *c =
        g_strconcat (stems->pdata[i], endings->pdata[k], NULL);
      if (reads_as (v, c, pseudonym, &f))
        found = g_steal_pointer (&c);
    }
  form_clear (&f);
  return found ? found : g_strdup (pseudonym);
}

/* ---- the scan -------------------------------------------------------------
 */

/* Byte offsets of every token's start and end. */
static void
byte_offsets (const char *text, const GArray *tokens, gsize *starts,
              gsize *ends)
{
  const char *p = text;
  guint cp = 0;
  for (guint i = 0; i < tokens->len; i++) {
    const TeemaToken *t = &g_array_index (tokens, TeemaToken, i);
    for (; cp < t->start && *p; cp++)
      p = g_utf8_next_char (p);
    starts[i] = (gsize) (p - text);
    for (; cp < t->end && *p; cp++)
      p = g_utf8_next_char (p);
    ends[i] = (gsize) (p - text);
  }
}

/* The start of a transcription mark "(..)" or "[naurua]" that ends just
 * before p, or NULL. */
static const char *
mark_before (const char *text, const char *p)
{
  char close = p[-1], open = close == ')' ? '(' : '[';
  for (const char *q = p - 1; q > text && p - q < 80; q--) {
    if (q[-1] == '\n')
      return NULL;
    if (q[-1] == open)
      return q - 1;
  }
  return NULL;
}

/* TRUE when the word at byte offset at starts a sentence: only
 * whitespace, quotes, dashes or transcription marks between it and the
 * start of the text or a sentence-ending mark. */
static gboolean
starts_sentence (const char *text, gsize at)
{
  const char *p = text + at;
  while (p > text) {
    if (p[-1] == ')' || p[-1] == ']') {
      const char *mark = mark_before (text, p);
      if (!mark)
        return FALSE;
      p = mark;
      continue;
    }
    const char *prev = g_utf8_prev_char (p);
    gunichar c = g_utf8_get_char (prev);
    if ((c < 0x80 && strchr (".!?:;\n", (int) c)) || c == 0x2026 /* … */)
      return TRUE;
    if (!(g_unichar_isspace (c) || (c < 0x80 && strchr ("\"'-", (int) c))
          || c == 0x201d || c == 0x201c || c == 0x2013 || c == 0x2014
          || c == 0xbb))
      return FALSE;
    p = prev;
  }
  return TRUE;
}

/* An abbreviation or code ("CRM", "ERP:stä", "B2B:ssä"): never a name
 * candidate by itself. */
static gboolean
abbreviation (const char *word)
{
  guint upper = 0, letters = 0;
  for (const char *p = word; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == ':' || g_unichar_isdigit (c))
      return TRUE;
    letters += g_unichar_isalpha (c);
    upper += g_unichar_isupper (c);
  }
  return letters <= 5 && upper == letters;
}

static gboolean
capitalised (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

/* TRUE when token i (written as surface) is word w of a key entry. */
static gboolean
token_is (TeemaAnalyzer *az, const TeemaToken *t, const char *surface,
          const char *word, gboolean upper)
{
  if (upper && !capitalised (surface))
    return FALSE;
  const TeemaAnalysis *an = t->analysis;
  if (g_str_equal (an->form, word))
    return TRUE;
  const char *key = teema_analyzer__term_key (az, 'l', word);
  for (const char *const *l = an->lemmas; *l; l++)
    if (g_str_equal (*l, key))
      return TRUE;
  /* "Sisustamolla": a word the analyser does not know, the key's word
   * with an ending. */
  gsize n = strlen (word);
  return an->classes == 0 && g_str_has_prefix (an->form, word)
         && strlen (an->form) - n <= MAX_UNKNOWN_ENDING
         && strlen (an->form) > n;
}

typedef struct {
  TeemaAnalyzer *az;
  const TeemaPseudonymOptions *opt;
  const char *text;
  const GArray *tokens;
  gsize *starts, *ends;
  GArray *hits;
} Scan;

static char *
surface (const Scan *s, guint i)
{
  return g_strndup (s->text + s->starts[i], s->ends[i] - s->starts[i]);
}

/* The key entry matching the tokens from i on, or -1; *n gets its
 * number of words. */
static gint
key_match (Scan *s, guint i, guint *n)
{
  const TeemaNameKey *key = s->opt->key;
  for (guint e = 0; key && e < key->entries->len; e++) {
    const KeyEntry *k = key->entries->pdata[e];
    guint w = 0;
    for (; w < k->words->len && i + w < s->tokens->len; w++) {
      g_autofree char *word = surface (s, i + w);
      if (!token_is (s->az, &g_array_index (s->tokens, TeemaToken, i + w), word,
                     k->words->pdata[w], g_array_index (k->upper, gboolean, w)))
        break;
    }
    if (w == k->words->len) {
      *n = w;
      return (gint) e;
    }
  }
  return -1;
}

static const char *
placeholder (const Scan *s)
{
  return s->opt->placeholder ? s->opt->placeholder : DEFAULT_PLACEHOLDER;
}

/* The replacement for a key entry's words ending at token last: its
 * pseudonym with the last word inflected like the text's. */
static char *
pseudonym_for (Scan *s, const KeyEntry *k, guint last)
{
  if (!k->pseudonym)
    return g_strdup (placeholder (s));
  if (k->pseudonym[0] == '[')
    return g_strdup (k->pseudonym);
  const char *space = strrchr (k->pseudonym, ' ');
  const char *tail = space ? space + 1 : k->pseudonym;
  g_autofree char *model = surface (s, last);
  g_autofree char *inflected = inflect_like (s->az, tail, model);
  return g_strdup_printf ("%.*s%s", (int) (tail - k->pseudonym), k->pseudonym,
                          inflected);
}

static TeemaNameHit *
add_hit (Scan *s, guint first, guint last, guint classes, gint entry,
         gboolean replace, char *replacement)
{
  const TeemaToken *a = &g_array_index (s->tokens, TeemaToken, first);
  const TeemaToken *b = &g_array_index (s->tokens, TeemaToken, last);
  TeemaNameHit h = { a->start,      b->end,      s->starts[first],
                     s->ends[last], classes,     entry,
                     replace,       replacement, a->analysis->lemmas[0],
                     FALSE };
  g_array_append_val (s->hits, h);
  return &g_array_index (s->hits, TeemaNameHit, s->hits->len - 1);
}

static void
scan_token (Scan *s, guint *i, gboolean candidates)
{
  guint n = 0;
  const TeemaToken *t = &g_array_index (s->tokens, TeemaToken, *i);
  guint classes = t->analysis->classes;
  gint e = key_match (s, *i, &n);
  if (e >= 0) {
    const KeyEntry *k = s->opt->key->entries->pdata[e];
    add_hit (s, *i, *i + n - 1, classes, e, !k->keep,
             k->keep ? NULL : pseudonym_for (s, k, *i + n - 1));
    *i += n;
    return;
  }
  g_autofree char *word = surface (s, *i);
  gboolean upper = capitalised (word);
  gboolean initial = starts_sentence (s->text, s->starts[*i]);
  /* At the start of a sentence a capital says nothing: a word that can
   * also be a common word ("Marja", "Varmaan") is only a candidate. */
  gboolean ambiguous = initial && (classes & TEEMA_WORD_COMMON);
  gboolean person = (classes & TEEMA_WORD_PERSON) && upper && !ambiguous;
  if (person && !s->opt->no_automatic)
    add_hit (s, *i, *i, classes, -1, TRUE, g_strdup (placeholder (s)));
  else if (candidates && upper && (classes & ~TEEMA_WORD_COMMON))
    add_hit (s, *i, *i, classes, -1, FALSE, NULL)->ambiguous = ambiguous;
  else if (candidates && upper && !classes && !initial && !abbreviation (word))
    add_hit (s, *i, *i, classes, -1, FALSE, NULL);
  (*i)++;
}

static void
hit_clear (TeemaNameHit *h)
{
  g_free (h->replacement);
}

GArray *
teema_names__scan (TeemaAnalyzer *az, const TeemaPseudonymOptions *options,
                   const char *text, gboolean candidates)
{
  TeemaPseudonymOptions defaults = { 0 };
  g_autoptr (GArray) tokens = teema_analyzer_tokenize (az, text, -1);
  g_autofree gsize *starts = g_new (gsize, tokens->len + 1);
  g_autofree gsize *ends = g_new (gsize, tokens->len + 1);
  byte_offsets (text, tokens, starts, ends);
  Scan s = { az,
             options ? options : &defaults,
             text,
             tokens,
             starts,
             ends,
             g_array_new (FALSE, FALSE, sizeof (TeemaNameHit)) };
  g_array_set_clear_func (s.hits, (GDestroyNotify) hit_clear);
  for (guint i = 0; i < tokens->len;)
    scan_token (&s, &i, candidates);
  return s.hits;
}

/* ---- replacing ------------------------------------------------------------
 */

/* TRUE when only spaces lie between two hits that both became the same
 * placeholder: "Marja Virtanen" is one person, one "[nimi]". */
static gboolean
same_person (const char *text, const TeemaNameHit *a, const TeemaNameHit *b)
{
  if (!a->replace || !b->replace || !a->replacement || a->replacement[0] != '['
      || g_strcmp0 (a->replacement, b->replacement) != 0)
    return FALSE;
  for (gsize i = a->byte_end; i < b->byte_start; i++)
    if (text[i] != ' ')
      return FALSE;
  return TRUE;
}

char *
teema_names_pseudonymise (TeemaAnalyzer *az,
                          const TeemaPseudonymOptions *options,
                          const char *text, GArray **edits)
{
  g_autoptr (GArray) hits = teema_names__scan (az, options, text, FALSE);
  GString *out = g_string_new (NULL);
  GArray *ed = g_array_new (FALSE, FALSE, sizeof (TeemaNameEdit));
  gsize done = 0;
  for (guint i = 0; i < hits->len; i++) {
    const TeemaNameHit *h = &g_array_index (hits, TeemaNameHit, i);
    if (!h->replace)
      continue;
    guint j = i;
    while (j + 1 < hits->len
           && same_person (text, &g_array_index (hits, TeemaNameHit, j),
                           &g_array_index (hits, TeemaNameHit, j + 1)))
      j++;
    const TeemaNameHit *last = &g_array_index (hits, TeemaNameHit, j);
    g_string_append_len (out, text + done, (gssize) (h->byte_start - done));
    g_string_append (out, h->replacement);
    TeemaNameEdit e = { h->start, last->end,
                        (guint) g_utf8_strlen (h->replacement, -1) };
    g_array_append_val (ed, e);
    done = last->byte_end;
    i = j;
  }
  g_string_append (out, text + done);
  if (edits)
    *edits = ed;
  else
    g_array_unref (ed);
  return g_string_free (out, FALSE);
}

guint
teema_names_map_offset (const GArray *edits, guint offset, gboolean end_of_span)
{
  gint64 shift = 0;
  for (guint i = 0; edits && i < edits->len; i++) {
    const TeemaNameEdit *e = &g_array_index (edits, TeemaNameEdit, i);
    if (offset <= e->start)
      break;
    if (offset < e->end)
      return (guint) (e->start + shift + (end_of_span ? e->length : 0));
    shift += (gint64) e->length - (gint64) (e->end - e->start);
  }
  return (guint) ((gint64) offset + shift);
}
