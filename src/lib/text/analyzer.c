/* analysis.c — what a word form means: lemmas, compound parts, roots.
 *
 * Voikko (voikko-fi) gives every reading of a form; teema keeps the union,
 * because the first reading is sometimes wrong ("verkkosivuilta"). From each
 * reading: BASEFORM is a lemma, STRUCTURE marks compound boundaries (so the
 * head part follows from the base form), WORDBASES gives roots
 * ("luotettavuutta" -> luottaa), CLASS whether it can be a name. Forms
 * Voikko does not know are handled
 * here: spoken Finnish through a small table, "NPS-luku" through its last
 * part, "B2B:ssä" through the part before the colon. Without a Finnish
 * dictionary Snowball stems stand in for lemmas.
 * Must always hold: a form is analysed at most once per analyser; every
 * analysis has at least one lemma; every string is owned by the analyser. */
#include "base/base-private.h"
#include "text/text-private.h"

#include "text/voikko.h"

#include <libstemmer.h>
#include <string.h>
#include <teema/error.h>

typedef struct {
  TeemaAnalysis pub;
  const char *prefix;
} Analysis;

struct TeemaAnalyzer {
  char *lang;
  TeemaBackend backend;
  struct VoikkoHandle *voikko;
  gboolean voikko_pending; /* started on first use (new_deferred) */
  struct sb_stemmer *stemmer;
  char *warning;
  GHashTable *cache; /* folded form -> Analysis * */
  GHashTable *fresh; /* forms analysed here, not loaded from a dump */
  GHashTable *keys;  /* "k\x1fvalue" -> term key */
  guint next_id;     /* id of the next analysis */
  GStringChunk *strings;
  TeemaAnalysisLookup lookup; /* stored analyses, asked on a cache miss */
  gpointer lookup_data;
  GDestroyNotify lookup_destroy;
  struct {
    GPtrArray *lemmas, *parts, *heads, *roots;
  } scratch; /* reused lists for analyses loaded from data */
};

/* Spoken forms Voikko does not know or misreads, and their standard forms.
 * A space in the standard form means several words: each is a lemma. */
static const char *const spoken[][2] = {
  { "mä", "minä" },
  { "mää", "minä" },
  { "sä", "sinä" },
  { "sää", "sinä" },
  { "mun", "minun" },
  { "mulla", "minulla" },
  { "mulle", "minulle" },
  { "multa", "minulta" },
  { "mua", "minua" },
  { "sun", "sinun" },
  { "sulla", "sinulla" },
  { "sulle", "sinulle" },
  { "oot", "olet" },
  { "oon", "olen" },
  { "ollu", "ollut" },
  { "ollaa", "ollaan" },
  { "oltu", "oltu" },
  { "ois", "olisi" },
  { "olis", "olisi" },
  { "oli", "oli" },
  { "vois", "voisi" },
  { "pitäis", "pitäisi" },
  { "tarttis", "tarvitsisi" },
  { "niinku", "niin kuin" },
  { "niiku", "niin kuin" },
  { "semmonen", "sellainen" },
  { "semmosta", "sellaista" },
  { "semmoset", "sellaiset" },
  { "semmosia", "sellaisia" },
  { "tämmönen", "tällainen" },
  { "tommonen", "tuollainen" },
  { "meiän", "meidän" },
  { "teiän", "teidän" },
  { "niiden", "niiden" },
  { "tuu", "tule" },
  { "tuut", "tulet" },
  { "kato", "katso" },
  { "et", "että" },
  { "jotenki", "jotenkin" },
  { "vähä", "vähän" },
  { "sit", "sitten" },
  { "sitte", "sitten" },
  { "nii", "niin" },
  { "ni", "niin" },
  { "tää", "tämä" },
  { "toi", "tuo" },
  { "noi", "nuo" },
  { "tota", "tuota" },
  { "kans", "kanssa" },
  { "mut", "mutta" },
  { "ku", "kun" },
  { "yks", "yksi" },
  { "kaks", "kaksi" },
  { "onks", "onko" },
  { "oliks", "oliko" },
  { "tehää", "tehdään" },
  { "tehään", "tehdään" },
  { "mennää", "mennään" },
  { "ees", "edes" },
  { "vaa", "vain" },
  { "tai", "tai" },
  { "ihan", "ihan" },
  { "just", "juuri" },
  { "sillee", "sillä tavalla" },
  { "silleen", "sillä tavalla" },
  { "tiiä", "tiedä" },
  { "tiiän", "tiedän" },
  { "tiietään", "tiedetään" },
  { "mee", "mene" },
  { "meen", "menen" },
  { "tuun", "tulen" },
  { "kattoo", "katsoo" },
  { "kattoa", "katsoa" },
  { "sanoo", "sanoa" },
  { "kysyy", "kysyä" },
  { "tarvii", "tarvitsee" },
  { "tarviin", "tarvitsen" },
  { "tarvis", "tarvitsisi" },
  { "yhen", "yhden" },
  { "yhes", "yhdessä" },
  { "yhessä", "yhdessä" },
  { "takasin", "takaisin" },
  { "hoitu", "hoitui" },
  { "tavote", "tavoite" },
  { "tavotteet", "tavoitteet" },
  { "tavotteita", "tavoitteita" },
  { "tavotteen", "tavoitteen" },
  { "oo", "ole" },
  { "nään", "näen" },
  { "miks", "miksi" },
  { "uus", "uusi" },
  { "sillon", "silloin" },
  { "viimeks", "viimeksi" },
  { "meiät", "meidät" },
  { "teiät", "teidät" },
  { "kahen", "kahden" },
  { "yhellä", "yhdellä" },
  { "yhestä", "yhdestä" },
  { "yheltä", "yhdeltä" },
  { "anto", "antoi" },
  { "kerto", "kertoi" },
  { "vastas", "vastasi" },
  { "pyys", "pyysi" },
  { "siks", "siksi" },
  { "lisäks", "lisäksi" },
  { "katon", "katson" },
  { "katotaan", "katsotaan" },
  { "katottiin", "katsottiin" },
  { "kattomaan", "katsomaan" },
  { "kattonu", "katsonut" },
};

static GHashTable *spoken_table;

static void
init_spoken (void)
{
  if (g_once_init_enter (&spoken_table)) {
    GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS (spoken); i++)
      if (!g_str_equal (spoken[i][0], spoken[i][1]))
        g_hash_table_insert (t, (gpointer) spoken[i][0],
                             (gpointer) spoken[i][1]);
    g_once_init_leave (&spoken_table, t);
  }
}

static void
analysis_free (gpointer p)
{
  g_free (p); /* one block with its lists (builder_finish) */
}

static TeemaAnalyzer *
analyzer_new (const char *lang)
{
  init_spoken ();
  TeemaAnalyzer *a = g_new0 (TeemaAnalyzer, 1);
  a->lang = g_strdup (lang);
  a->cache =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, analysis_free);
  a->fresh = g_hash_table_new (g_str_hash, g_str_equal);
  a->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a->strings = g_string_chunk_new (64 * 1024);
  a->scratch.lemmas = g_ptr_array_new ();
  a->scratch.parts = g_ptr_array_new ();
  a->scratch.heads = g_ptr_array_new ();
  a->scratch.roots = g_ptr_array_new ();
  return a;
}

/* libstemmer, opened when the first Snowball analyser is made (see
 * base/library.c); the names below call through the table. */
#define TEEMA_SB_FUNCTIONS(X) X (new) X (delete) X (stem)
#define TEEMA_SB_FIELD(name)  __typeof__ (sb_stemmer_##name) *name;
static struct {
  TEEMA_SB_FUNCTIONS (TEEMA_SB_FIELD)
} sb;
#undef TEEMA_SB_FIELD
#define sb_stemmer_new    sb.new
#define sb_stemmer_delete sb.delete
#define sb_stemmer_stem   sb.stem

static gboolean
load_stemmer (GError **error)
{
  static TeemaLibrary lib;
#define TEEMA_SB_NAME(name) #name,
#define TEEMA_SB_SLOT(name) (void **) &sb.name,
  static const char *const names[] = { TEEMA_SB_FUNCTIONS (TEEMA_SB_NAME) };
  void **const slots[] = { TEEMA_SB_FUNCTIONS (TEEMA_SB_SLOT) };
#undef TEEMA_SB_NAME
#undef TEEMA_SB_SLOT
  const char *failure =
    teema__load_library (&lib, "libstemmer.so.0d", "sb_stemmer_", names, slots,
                         G_N_ELEMENTS (names));
  if (failure)
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("the Snowball stemmer (Debian package libstemmer0d) "
                    "could not be opened: %s"),
                 failure);
  return !failure;
}

static gboolean
use_snowball (TeemaAnalyzer *a, GError **error)
{
  const char *algo = g_str_equal (a->lang, "fi") ? "finnish" : "english";
  a->backend = TEEMA_BACKEND_SNOWBALL;
  if (!load_stemmer (error))
    return FALSE;
  a->stemmer = sb_stemmer_new (algo, NULL);
  if (!a->stemmer) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("no Snowball stemmer for '%s'"), a->lang);
    return FALSE;
  }
  return TRUE;
}

static gboolean
check_lang (const char *lang, GError **error)
{
  if (g_strcmp0 (lang, "fi") == 0 || g_strcmp0 (lang, "en") == 0)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("language '%s' is not supported; use 'fi' or 'en'"),
               lang ? lang : "(none)");
  return FALSE;
}

TeemaAnalyzer *
teema_analyzer_new (const char *lang, GError **error)
{
  if (!check_lang (lang, error))
    return NULL;
  TeemaAnalyzer *a = analyzer_new (lang);
  if (g_str_equal (lang, "fi")) {
    const char *why = teema_voikko__load ();
    a->voikko = why ? NULL : voikkoInit (&why, "fi", NULL);
    if (a->voikko) {
      a->backend = TEEMA_BACKEND_VOIKKO;
      return a;
    }
    a->warning = g_strdup_printf (
      _ ("Finnish dictionary not available (%s): using Snowball stems; "
         "install voikko-fi for lemmas and compound parts"),
      why ? why : "voikkoInit failed");
  }
  if (!use_snowball (a, error)) {
    teema_analyzer_free (a);
    return NULL;
  }
  return a;
}

TeemaAnalyzer *
teema_analyzer__new_deferred (const char *lang, GError **error)
{
  if (g_strcmp0 (lang, "fi") != 0)
    return teema_analyzer_new (lang, error);
  TeemaAnalyzer *a = analyzer_new (lang);
  a->backend = TEEMA_BACKEND_VOIKKO;
  a->voikko_pending = TRUE;
  return a;
}

/* The analyser's Voikko, started now if it was deferred; NULL on the
 * Snowball fallback, or when a deferred Voikko cannot be started (then
 * the forms not analysed before are taken as written, with a warning). */
static struct VoikkoHandle *
voikko_of (TeemaAnalyzer *a)
{
  if (!a->voikko_pending)
    return a->voikko;
  a->voikko_pending = FALSE;
  const char *why = teema_voikko__load ();
  a->voikko = why ? NULL : voikkoInit (&why, "fi", NULL);
  if (!a->voikko)
    a->warning = g_strdup_printf (
      _ ("Finnish dictionary not available (%s): words this project has not "
         "analysed before are taken as written; install voikko-fi"),
      why ? why : "voikkoInit failed");
  return a->voikko;
}

TeemaAnalyzer *
teema_analyzer_new_snowball (const char *lang, GError **error)
{
  if (!check_lang (lang, error))
    return NULL;
  TeemaAnalyzer *a = analyzer_new (lang);
  if (!use_snowball (a, error)) {
    teema_analyzer_free (a);
    return NULL;
  }
  return a;
}

void
teema_analyzer_free (TeemaAnalyzer *a)
{
  if (!a)
    return;
  if (a->voikko)
    voikkoTerminate (a->voikko);
  if (a->stemmer)
    sb_stemmer_delete (a->stemmer);
  if (a->lookup_destroy)
    a->lookup_destroy (a->lookup_data);
  g_ptr_array_unref (a->scratch.lemmas);
  g_ptr_array_unref (a->scratch.parts);
  g_ptr_array_unref (a->scratch.heads);
  g_ptr_array_unref (a->scratch.roots);
  g_hash_table_destroy (a->cache);
  g_hash_table_destroy (a->fresh);
  g_hash_table_destroy (a->keys);
  g_string_chunk_free (a->strings);
  g_free (a->warning);
  g_free (a->lang);
  g_free (a);
}

TeemaBackend
teema_analyzer_backend (const TeemaAnalyzer *a)
{
  return a->backend;
}

const char *
teema_analyzer_lang (const TeemaAnalyzer *a)
{
  return a->lang;
}

const char *
teema_analyzer_warning (const TeemaAnalyzer *a)
{
  return a->warning ? a->warning : teema_text__icu_warning ();
}

guint
teema_analyzer_cache_size (const TeemaAnalyzer *a)
{
  return g_hash_table_size (a->cache);
}

/* ---- building analyses ------------------------------------------------- */

typedef struct {
  GPtrArray *lemmas, *parts, *heads, *roots;
  const char *prefix;
  const char *normalised;
  gboolean keep; /* the analyser's scratch builder: emptied, not freed */
  guint classes;
} Builder;

static const char *
intern (TeemaAnalyzer *a, const char *s)
{
  return g_string_chunk_insert_const (a->strings, s);
}

static void
add_unique (TeemaAnalyzer *a, GPtrArray *set, const char *s)
{
  if (!s || !*s)
    return;
  const char *in = intern (a, s);
  for (guint i = 0; i < set->len; i++)
    if (set->pdata[i] == in)
      return;
  g_ptr_array_add (set, (gpointer) in);
}

static void
add_all (TeemaAnalyzer *a, GPtrArray *set, const char *const *list)
{
  for (; list && *list; list++)
    add_unique (a, set, *list);
}

/* Copies set into out as a NULL-terminated list; returns the slot after. */
static const char **
put_strv (const char **out, const GPtrArray *set, const char *const **list)
{
  *list = out;
  for (guint i = 0; i < set->len; i++)
    *out++ = set->pdata[i];
  *out++ = NULL;
  return out;
}

static void
builder_done (Builder *b)
{
  GPtrArray *sets[] = { b->lemmas, b->parts, b->heads, b->roots };
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    if (b->keep)
      g_ptr_array_set_size (sets[i], 0);
    else
      g_ptr_array_unref (sets[i]);
  b->prefix = NULL;
  b->normalised = NULL;
  b->classes = 0;
}

/* The analysis and its four lists in one allocation: a project's cache is
 * tens of thousands of analyses, built (or loaded) one by one. */
static Analysis *
builder_finish (TeemaAnalyzer *a, Builder *b, const char *form)
{
  if (b->lemmas->len == 0)
    add_unique (a, b->lemmas, form);
  gsize n = b->lemmas->len + b->parts->len + b->heads->len + b->roots->len + 4;
  Analysis *an = g_malloc0 (sizeof (Analysis) + n * sizeof (char *));
  const char **lists = (const char **) (an + 1);
  an->pub.id = a->next_id++;
  an->pub.form = intern (a, form);
  an->pub.normalised = b->normalised ? intern (a, b->normalised) : NULL;
  lists = put_strv (lists, b->lemmas, &an->pub.lemmas);
  lists = put_strv (lists, b->parts, &an->pub.parts);
  lists = put_strv (lists, b->heads, &an->pub.heads);
  put_strv (lists, b->roots, &an->pub.roots);
  an->pub.classes = b->classes;
  an->prefix = b->prefix ? intern (a, b->prefix) : NULL;
  builder_done (b);
  return an;
}

static void
builder_init (Builder *b)
{
  b->lemmas = g_ptr_array_new ();
  b->parts = g_ptr_array_new ();
  b->heads = g_ptr_array_new ();
  b->roots = g_ptr_array_new ();
  b->prefix = NULL;
  b->normalised = NULL;
  b->keep = FALSE;
  b->classes = 0;
}

/* Splits form by a Voikko STRUCTURE into its compound parts (surface). */
static GPtrArray *
structure_parts (const char *form, const char *structure)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *cur = g_string_new (NULL);
  const char *p = form;
  for (const char *s = structure; *s && *p; s++) {
    if (*s == '=') {
      if (cur->len)
        g_ptr_array_add (parts, g_strdup (cur->str));
      g_string_truncate (cur, 0);
      continue;
    }
    const char *next = g_utf8_next_char (p);
    g_string_append_len (cur, p, next - p);
    p = next;
  }
  g_string_append (cur, p);
  if (cur->len)
    g_ptr_array_add (parts, g_strdup (cur->str));
  g_string_free (cur, TRUE);
  return parts;
}

/* Adds the roots of a WORDBASES value "+asiakas(asiakas)+suhde(suhde)":
 * bases in parentheses that do not start with '+' (those are affixes). */
static void
add_wordbases (TeemaAnalyzer *a, Builder *b, const char *wordbases)
{
  for (const char *p = strchr (wordbases, '('); p; p = strchr (p + 1, '(')) {
    const char *close = strchr (p, ')');
    if (!close)
      break;
    if (p[1] != '+' && close > p + 1) {
      g_autofree char *root = g_utf8_strdown (p + 1, close - p - 1);
      add_unique (a, b->roots, root);
    }
  }
}

static char *
mor_value (struct voikko_mor_analysis *m, const char *key)
{
  char *v = voikko_mor_analysis_value_cstr (m, key);
  char *out = v ? g_utf8_strdown (v, -1) : NULL;
  if (v)
    voikko_free_mor_analysis_value_cstr (v);
  return out;
}

/* A participle ("soittanut", "luvattu") is its own base form to Voikko;
 * its verb is a lemma too, so lemma:soittaa finds the perfect tense. A
 * -minen noun ("tapaamisessa") has the verb as base form; the noun
 * ("tapaaminen") is a lemma too. */
static void
add_verb_noun_lemmas (TeemaAnalyzer *a, Builder *b,
                      struct voikko_mor_analysis *m, const char *wordbases)
{
  g_autofree char *participle = mor_value (m, "PARTICIPLE");
  if (participle && wordbases) {
    const char *open = strchr (wordbases, '(');
    const char *close = open ? strchr (open, ')') : NULL;
    if (close && open[1] != '+' && close > open + 1) {
      g_autofree char *verb = g_strndup (open + 1, close - open - 1);
      add_unique (a, b->lemmas, verb);
    }
  }
  g_autofree char *mood = mor_value (m, "MOOD");
  g_autofree char *fst = mood && g_str_equal (mood, "minen-infinitive")
                           ? mor_value (m, "FSTOUTPUT")
                           : NULL;
  const char *x = fst ? strstr (fst, "[x]") : NULL;
  const char *end = x ? strchr (x + 3, '[') : NULL;
  if (end && end > x + 3) {
    g_autofree char *stem = g_strndup (x + 3, end - x - 3);
    g_autofree char *noun = g_strconcat (stem, "minen", NULL);
    add_unique (a, b->lemmas, noun);
  }
}

static char *
strip_hyphen (const char *s)
{
  gsize n = strlen (s);
  return g_strndup (s, n && s[n - 1] == '-' ? n - 1 : n);
}

/* The TEEMA_WORD_* bit of a Voikko CLASS value. */
static guint
word_class (const char *cls)
{
  static const struct {
    const char *name;
    guint bit;
  } names[] = {
    { "etunimi", TEEMA_WORD_FIRST_NAME },
    { "sukunimi", TEEMA_WORD_LAST_NAME },
    { "paikannimi", TEEMA_WORD_PLACE },
    { "nimi", TEEMA_WORD_PROPER },
  };
  for (gsize i = 0; cls && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (cls, names[i].name))
      return names[i].bit;
  return TEEMA_WORD_COMMON;
}

static void
add_voikko_reading (TeemaAnalyzer *a, Builder *b, const char *form,
                    struct voikko_mor_analysis *m)
{
  g_autofree char *base = mor_value (m, "BASEFORM");
  g_autofree char *structure = mor_value (m, "STRUCTURE");
  g_autofree char *wordbases = mor_value (m, "WORDBASES");
  g_autofree char *cls = mor_value (m, "CLASS");
  if (!base)
    return;
  b->classes |= word_class (cls);
  add_unique (a, b->lemmas, base);
  if (wordbases)
    add_wordbases (a, b, wordbases);
  add_verb_noun_lemmas (a, b, m, wordbases);
  g_autoptr (GPtrArray) parts =
    structure ? structure_parts (form, structure) : g_ptr_array_new ();
  if (parts->len < 2) {
    add_unique (a, b->parts, base);
    add_unique (a, b->heads, base);
    return;
  }
  add_unique (a, b->parts, base);
  GString *prefix = g_string_new (NULL);
  for (guint i = 0; i + 1 < parts->len; i++) {
    g_autofree char *part = strip_hyphen (parts->pdata[i]);
    add_unique (a, b->parts, part);
    g_string_append (prefix, parts->pdata[i]);
  }
  const char *head =
    g_str_has_prefix (base, prefix->str)
      ? base + prefix->len
      : (const char *) g_ptr_array_index (parts, parts->len - 1);
  add_unique (a, b->parts, head);
  add_unique (a, b->heads, head);
  if (!b->prefix)
    b->prefix = intern (a, prefix->str);
  g_string_free (prefix, TRUE);
}

static gboolean
analyze_voikko (TeemaAnalyzer *a, Builder *b, const char *form)
{
  struct VoikkoHandle *voikko = voikko_of (a);
  if (!voikko)
    return FALSE;
  struct voikko_mor_analysis **list = voikkoAnalyzeWordCstr (voikko, form);
  gboolean any = list && list[0];
  for (guint i = 0; list && list[i]; i++)
    add_voikko_reading (a, b, form, list[i]);
  if (list)
    voikko_free_mor_analysis (list);
  return any;
}

static const Analysis *analyze (TeemaAnalyzer *a, const char *form);

/* "nps-luku": known through its last part; lemma keeps the first parts. */
static gboolean
analyze_hyphenated (TeemaAnalyzer *a, Builder *b, const char *form)
{
  const char *dash = strrchr (form, '-');
  if (!dash || dash == form || !dash[1])
    return FALSE;
  const Analysis *tail = analyze (a, dash + 1);
  g_autofree char *first = g_strndup (form, dash - form + 1);
  for (const char *const *l = tail->pub.lemmas; *l; l++) {
    g_autofree char *lemma = g_strconcat (first, *l, NULL);
    add_unique (a, b->lemmas, lemma);
  }
  g_auto (GStrv) pieces = g_strsplit (first, "-", -1);
  for (guint i = 0; pieces[i]; i++)
    add_unique (a, b->parts, pieces[i]);
  add_all (a, b->parts, tail->pub.parts);
  add_all (a, b->heads, tail->pub.heads);
  add_all (a, b->roots, tail->pub.roots);
  b->classes |= tail->pub.classes;
  b->prefix = intern (a, first);
  return TRUE;
}

static void
analyze_snowball (TeemaAnalyzer *a, Builder *b, const char *form)
{
  const sb_symbol *stem =
    sb_stemmer_stem (a->stemmer, (const sb_symbol *) form, (int) strlen (form));
  if (stem)
    add_unique (a, b->lemmas, (const char *) stem);
}

static void
analyze_spoken (TeemaAnalyzer *a, Builder *b, const char *standard)
{
  b->normalised = standard;
  g_auto (GStrv) words = g_strsplit (standard, " ", -1);
  for (guint i = 0; words[i]; i++) {
    const Analysis *w = analyze (a, words[i]);
    add_all (a, b->lemmas, w->pub.lemmas);
    add_all (a, b->parts, w->pub.parts);
    add_all (a, b->heads, w->pub.heads);
    add_all (a, b->roots, w->pub.roots);
    b->classes |= w->pub.classes;
  }
}

/* Tries standard, a respelling of a form Voikko rejected: spell-checked
 * first, which is cheaper than an analysis, as most tries fail. */
static gboolean
analyze_respelled (TeemaAnalyzer *a, Builder *b, const char *standard)
{
  struct VoikkoHandle *voikko = voikko_of (a);
  if (!voikko || voikkoSpellCstr (voikko, standard) != VOIKKO_SPELL_OK
      || !analyze_voikko (a, b, standard))
    return FALSE;
  b->normalised = intern (a, standard);
  return TRUE;
}

/* Spoken endings Voikko does not know, and their standard spelling: tried
 * in order on a form Voikko rejects ("henkilökohtanen", "huomannu",
 * "helpottais", "selkee", "jotenki", "helppoo"). Each pair is (spoken,
 * standard). */
static const char *const spoken_endings[][2] = {
  { "anen", "ainen" },
  { "änen", "äinen" },
  { "asen", "aisen" },
  { "äsen", "äisen" },
  { "asta", "aista" },
  { "ästä", "äistä" },
  { "asia", "aisia" },
  { "äsiä", "äisiä" },
  { "onen", "oinen" },
  { "osen", "oisen" },
  { "osta", "oista" },
  { "osia", "oisia" },
  { "nu", "nut" },
  { "ny", "nyt" },
  { "ttais", "ttaisi" },
  { "ttäis", "ttäisi" },
  { "is", "isi" },
  { "ee", "eä" },
  { "ee", "ea" },
  { "eetä", "eää" },
  { "eeta", "eaa" },
  { "ki", "kin" },
  { "aa", "aan" },
  { "ää", "ään" },
  { "oo", "oa" },
  { "öö", "öä" },
  { "eesti", "easti" },
  { "eesti", "eästi" },
  { "lu", "lut" },
  { "ru", "rut" },
  { "su", "sut" },
  { "ks", "ksi" },
  { "een", "eän" },
  { "een", "ean" },
  /* past tense with the final -i dropped: tapahtu, lupas, löyty */
  { "u", "ui" },
  { "y", "yi" },
  { "o", "oi" },
  { "ö", "öi" },
  { "as", "asi" },
  { "äs", "äsi" },
  { "ys", "ysi" },
  { "us", "usi" },
};

static gboolean
analyze_spoken_ending (TeemaAnalyzer *a, Builder *b, const char *form)
{
  gsize n = strlen (form);
  for (gsize i = 0; i < G_N_ELEMENTS (spoken_endings); i++) {
    const char *from = spoken_endings[i][0], *to = spoken_endings[i][1];
    gsize k = strlen (from);
    if (n <= k + 2 || strcmp (form + n - k, from) != 0)
      continue;
    g_autofree char *stem = g_strndup (form, n - k);
    g_autofree char *standard = g_strconcat (stem, to, NULL);
    if (analyze_respelled (a, b, standard))
      return TRUE;
  }
  return FALSE;
}

/* The places a spoken d drop leaves: two like vowels (oottaa for
 * odottaa, veetään for vedetään), h and a vowel (yheksän, tehään, kahen),
 * i and a, ä or e (meiän, tiietään). Only these are tried: each try is a
 * Voikko lookup of a form it rejected. */
static gboolean
d_dropped_between (gunichar before, gunichar after)
{
  static const gunichar vowels[] = { 'a', 'e', 'i', 'o', 'u', 'y', 0xe4, 0xf6 };
  gboolean vowel = FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (vowels); k++)
    vowel = vowel || after == vowels[k];
  return vowel
         && (before == after || before == 'h'
             || (before == 'i'
                 && (after == 'a' || after == 0xe4 || after == 'e')));
}

/* Tries letter inserted at each place where(before, after) holds, first
 * to last, until Voikko knows the word. */
static gboolean
respell_inserting (TeemaAnalyzer *a, Builder *b, const char *form,
                   const char *letter, gboolean (*where) (gunichar, gunichar))
{
  gunichar before = g_utf8_get_char (form);
  for (const char *p = g_utf8_next_char (form); *p; p = g_utf8_next_char (p)) {
    gunichar after = g_utf8_get_char (p);
    gboolean here = where (before, after);
    before = after;
    if (!here)
      continue;
    g_autofree char *head = g_strndup (form, p - form);
    g_autofree char *standard = g_strconcat (head, letter, p, NULL);
    if (analyze_respelled (a, b, standard))
      return TRUE;
  }
  return FALSE;
}

/* "oi" said as "o" before t: ilmottaa, osote, kirjottaa, tarkottaa. */
static gboolean
oi_dropped_between (gunichar before, gunichar after)
{
  return before == 'o' && after == 't';
}

/* ts said as tt: ettiä (etsiä), itte (itse). */
static gboolean
analyze_spoken_ts (TeemaAnalyzer *a, Builder *b, const char *form)
{
  for (const char *p = strstr (form, "tt"); p; p = strstr (p + 1, "tt")) {
    g_autofree char *standard = g_strdup (form);
    standard[p - form + 1] = 's';
    if (analyze_respelled (a, b, standard))
      return TRUE;
  }
  return FALSE;
}

static void
analyze_form (TeemaAnalyzer *a, Builder *b, const char *form)
{
  const char *standard = g_hash_table_lookup (spoken_table, form);
  if (standard && g_str_equal (a->lang, "fi")) {
    analyze_spoken (a, b, standard);
    return;
  }
  if (a->backend == TEEMA_BACKEND_SNOWBALL) {
    analyze_snowball (a, b, form);
    return;
  }
  if (analyze_voikko (a, b, form))
    return;
  if (g_str_equal (a->lang, "fi") && !strchr (form, '-') && !strchr (form, ':')
      && (respell_inserting (a, b, form, "i", oi_dropped_between)
          || analyze_spoken_ending (a, b, form)
          || respell_inserting (a, b, form, "d", d_dropped_between)
          || analyze_spoken_ts (a, b, form)))
    return;
  const char *colon = strchr (form, ':');
  if (colon && colon != form) {
    g_autofree char *abbr = g_strndup (form, colon - form);
    add_unique (a, b->lemmas, abbr);
    add_unique (a, b->parts, abbr);
    add_unique (a, b->heads, abbr);
    return;
  }
  analyze_hyphenated (a, b, form);
}

static Analysis *build_stored (TeemaAnalyzer *a, const char *form,
                               const char *data);

static const Analysis *
analyze (TeemaAnalyzer *a, const char *form)
{
  Analysis *an = g_hash_table_lookup (a->cache, form);
  if (an)
    return an;
  if (a->lookup) {
    g_autofree char *data = a->lookup (form, a->lookup_data);
    an = data ? build_stored (a, form, data) : NULL;
    if (an) {
      g_hash_table_insert (a->cache, (gpointer) an->pub.form, an);
      return an;
    }
  }
  Builder b;
  builder_init (&b);
  analyze_form (a, &b, form);
  an = builder_finish (a, &b, form);
  g_hash_table_insert (a->cache, (gpointer) an->pub.form, an);
  g_hash_table_add (a->fresh, (gpointer) an->pub.form);
  return an;
}

const TeemaAnalysis *
teema_analyzer_analyze (TeemaAnalyzer *a, const char *word)
{
  /* Folded as the tokenizer folds (most words without normalising), so
   * that a word and its token are one form. */
  char buf[256];
  char *folded = teema_text__fold_token (word, strlen (word), buf, sizeof buf);
  const TeemaAnalysis *an = &analyze (a, folded)->pub;
  if (folded != buf)
    g_free (folded);
  return an;
}

char *
teema_analyzer__family (TeemaAnalyzer *a)
{
  return g_strdup_printf (
    "%s-%s", a->backend == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball",
    a->lang);
}

char *
teema_analyzer__cache_key (TeemaAnalyzer *a)
{
  g_autofree char *family = teema_analyzer__family (a);
  return g_strdup_printf ("%s-r%d", family, TEEMA_ANALYSES_REVISION);
}

const char *
teema_analysis__prefix (const TeemaAnalysis *analysis)
{
  return ((const Analysis *) analysis)->prefix;
}

/* ---- tokens -------------------------------------------------------------- */

/* "asiakaskokemuksen ja -polun": the suspended word borrows the first parts
 * of the nearest compound before it (at most three words back). */
const TeemaAnalysis *
teema_analyzer__complete (TeemaAnalyzer *a, const char *word,
                          const TeemaAnalysis *const *before, guint n_before)
{
  for (guint back = 0; back < 3 && back < n_before; back++) {
    const char *prefix = teema_analysis__prefix (before[back]);
    if (prefix) {
      g_autofree char *whole = g_strconcat (prefix, word, NULL);
      return &analyze (a, whole)->pub;
    }
  }
  return &analyze (a, word)->pub;
}

static const TeemaAnalysis *
complete_suspended (TeemaAnalyzer *a, GArray *tokens, const char *word)
{
  const TeemaAnalysis *before[3];
  guint n = 0;
  for (; n < 3 && n < tokens->len; n++)
    before[n] =
      g_array_index (tokens, TeemaToken, tokens->len - 1 - n).analysis;
  return teema_analyzer__complete (a, word, before, n);
}

/* Lower-cases an NFC word into buf when it is ASCII or Latin-1 letters
 * (lower-casing keeps those NFC); returns FALSE for anything else. */
static gboolean
fold_fast (const char *w, gsize n, char *buf, gsize size)
{
  if (n + 1 > size)
    return FALSE;
  for (gsize i = 0; i < n; i++) {
    unsigned char c = (unsigned char) w[i];
    if (c < 0x80) {
      buf[i] = (char) g_ascii_tolower (c);
    } else if (c == 0xC3 && i + 1 < n) {
      unsigned char d = (unsigned char) w[i + 1];
      /* À-Þ (except ×) fold to à-þ by adding 0x20 to the second byte. */
      buf[i] = (char) c;
      buf[i + 1] = (char) (d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      i++;
    } else {
      return FALSE;
    }
  }
  buf[n] = '\0';
  return TRUE;
}

char *
teema_text__fold_token (const char *word, gsize n, char *buf, gsize size)
{
  if (fold_fast (word, n, buf, size))
    return buf;
  return teema_text__fold (word, (gssize) n);
}

static const TeemaAnalysis *
token_analysis (TeemaAnalyzer *a, GArray *out, const char *word, gsize n,
                guint flags)
{
  char buf[256];
  char *folded = teema_text__fold_token (word, n, buf, sizeof buf);
  const TeemaAnalysis *an = (flags & TEEMA_TOKEN_SUSPENDED)
                              ? complete_suspended (a, out, folded)
                              : &analyze (a, folded)->pub;
  if (folded != buf)
    g_free (folded);
  return an;
}

GArray *
teema_analyzer_tokenize (TeemaAnalyzer *a, const char *text, gssize len)
{
  GArray *raw = teema_text__split (text, len);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TeemaToken), raw->len);
  for (guint i = 0; i < raw->len; i++) {
    const TeemaRawToken *r = &g_array_index (raw, TeemaRawToken, i);
    TeemaToken t = { r->start, r->end, NULL, r->flags };
    t.analysis = token_analysis (a, out, text + r->byte_start,
                                 r->byte_end - r->byte_start, r->flags);
    g_array_append_val (out, t);
  }
  g_array_unref (raw);
  return out;
}

/* ---- line-end hyphenation ----------------------------------------------- */

static gboolean
known_word (TeemaAnalyzer *a, const char *word)
{
  struct VoikkoHandle *voikko = voikko_of (a);
  return voikko && voikkoSpellCstr (voikko, word) == VOIKKO_SPELL_OK;
}

/* How to join left "X-" and right "Y": 1 keep the hyphen, 2 drop it,
 * 0 leave the line break. */
static int
join_kind (TeemaAnalyzer *a, const char *left, const char *right)
{
  if (!voikko_of (a)) {
    gunichar c = g_utf8_get_char (right);
    return g_unichar_isupper (c) || g_unichar_isdigit (c) ? 1 : 2;
  }
  g_autofree char *hyphenated = g_strconcat (left, "-", right, NULL);
  if (known_word (a, hyphenated))
    return 1;
  g_autofree char *joined = g_strconcat (left, right, NULL);
  return known_word (a, joined) ? 2 : 0;
}

char *
teema_analyzer_join_hyphenation (TeemaAnalyzer *a, const char *text,
                                 guint *n_joined)
{
  static GRegex *re;
  if (g_once_init_enter (&re)) {
    GRegex *r =
      g_regex_new ("(\\w+)-[ \\t]*\\n[ \\t]*(\\w+)", G_REGEX_OPTIMIZE, 0, NULL);
    g_once_init_leave (&re, r);
  }
  GString *out = g_string_new (NULL);
  GMatchInfo *m = NULL;
  gsize done = 0;
  guint n = 0;
  g_regex_match (re, text, 0, &m);
  for (; g_match_info_matches (m); g_match_info_next (m, NULL)) {
    int ms = 0, me = 0;
    g_match_info_fetch_pos (m, 0, &ms, &me);
    g_autofree char *left = g_match_info_fetch (m, 1);
    g_autofree char *right = g_match_info_fetch (m, 2);
    int kind = join_kind (a, left, right);
    if (!kind)
      continue;
    g_string_append_len (out, text + done, ms - (gssize) done);
    g_string_append_printf (out, "%s%s%s", left, kind == 1 ? "-" : "", right);
    done = (gsize) me;
    n++;
  }
  g_match_info_free (m);
  g_string_append (out, text + done);
  if (n_joined)
    *n_joined = n;
  return g_string_free (out, FALSE);
}

struct VoikkoHandle *
teema_analyzer__voikko (TeemaAnalyzer *a)
{
  return voikko_of (a);
}

/* ---- rule keys ----------------------------------------------------------- */

const char *
teema_analyzer__term_key (TeemaAnalyzer *a, char kind, const char *value)
{
  g_autofree char *id = g_strdup_printf ("%c\x1f%s", kind, value);
  const char *key = g_hash_table_lookup (a->keys, id);
  if (key)
    return key;
  g_autofree char *folded = teema_text__fold (value, -1);
  if (a->backend == TEEMA_BACKEND_SNOWBALL && kind != 's') {
    const sb_symbol *stem = sb_stemmer_stem (
      a->stemmer, (const sb_symbol *) folded, (int) strlen (folded));
    key = intern (a, stem ? (const char *) stem : folded);
  } else {
    key = intern (a, folded);
  }
  g_hash_table_insert (a->keys, g_steal_pointer (&id), (gpointer) key);
  return key;
}

/* ---- persistence --------------------------------------------------------- */

static void
append_list (GString *out, const char *const *list)
{
  g_string_append_c (out, '\t');
  for (guint i = 0; list[i]; i++) {
    if (i)
      g_string_append_c (out, ',');
    g_string_append (out, list[i]);
  }
}

char *
teema_analyzer_dump_cache (TeemaAnalyzer *a, gboolean only_new)
{
  GString *out = g_string_new (NULL);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, a->cache);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    const Analysis *an = value;
    if (only_new && !g_hash_table_contains (a->fresh, key))
      continue;
    if (strchr (an->pub.form, '\t') || strchr (an->pub.form, '\n'))
      continue;
    g_string_append (out, an->pub.form);
    g_string_append_c (out, '\t');
    g_string_append (out, an->pub.normalised ? an->pub.normalised : "");
    append_list (out, an->pub.lemmas);
    append_list (out, an->pub.parts);
    append_list (out, an->pub.heads);
    append_list (out, an->pub.roots);
    g_string_append_c (out, '\t');
    g_string_append (out, an->prefix ? an->prefix : "");
    g_string_append_printf (out, "\t%u\n", an->pub.classes);
  }
  return g_string_free (out, FALSE);
}

/* Adds the comma-separated items of field[0, len) to set. */
static void
load_list (TeemaAnalyzer *a, GPtrArray *set, const char *field, gsize len)
{
  char item[256];
  for (gsize start = 0, i = 0; i <= len; i++) {
    if (i < len && field[i] != ',')
      continue;
    gsize n = i - start;
    if (n < sizeof item) {
      memcpy (item, field + start, n);
      item[n] = '\0';
      add_unique (a, set, item);
    } else {
      g_autofree char *big = g_strndup (field + start, n);
      add_unique (a, set, big);
    }
    start = i + 1;
  }
}

/* An analysis from its stored data (the dump's fields after the form:
 * normalised, lemmas, parts, heads, roots, prefix, word classes,
 * tab-separated; len bytes), or NULL when the data is not seven fields
 * with a lemma. Six fields are data from before word classes were kept:
 * such a form is analysed again (and saved again, replacing the line).
 * Parsed in place: a project's cache is tens of thousands of these. */
static Analysis *
build_stored_len (TeemaAnalyzer *a, const char *form, const char *data,
                  gsize len)
{
  const char *f[8];
  gsize n = 0;
  f[n++] = data;
  for (gsize i = 0; i < len; i++)
    if (data[i] == '\t') {
      if (n == 7)
        return NULL;
      f[n++] = data + i + 1;
    }
  if (n != 7)
    return NULL;
  f[7] = data + len + 1; /* one past the end, so each field ends before */
  gsize flen[7];
  for (guint i = 0; i < 7; i++)
    flen[i] = (gsize) (f[i + 1] - f[i]) - 1;
  if (flen[1] == 0)
    return NULL;
  /* The analyser's scratch lists, emptied by builder_finish: loading
   * allocates only the analysis itself. */
  Builder b = { a->scratch.lemmas,
                a->scratch.parts,
                a->scratch.heads,
                a->scratch.roots,
                NULL,
                NULL,
                TRUE,
                0 };
  g_autofree char *normalised = flen[0] ? g_strndup (f[0], flen[0]) : NULL;
  g_autofree char *prefix = flen[5] ? g_strndup (f[5], flen[5]) : NULL;
  b.normalised = normalised;
  load_list (a, b.lemmas, f[1], flen[1]);
  load_list (a, b.parts, f[2], flen[2]);
  load_list (a, b.heads, f[3], flen[3]);
  load_list (a, b.roots, f[4], flen[4]);
  b.prefix = prefix ? intern (a, prefix) : NULL;
  b.classes = (guint) g_ascii_strtoull (f[6], NULL, 10);
  return builder_finish (a, &b, form);
}

static Analysis *
build_stored (TeemaAnalyzer *a, const char *form, const char *data)
{
  return build_stored_len (a, form, data, strlen (data));
}

const TeemaAnalysis *
teema_analyzer__add_stored (TeemaAnalyzer *a, const char *form,
                            const char *data)
{
  Analysis *an = g_hash_table_lookup (a->cache, form);
  if (!an) {
    an = data ? build_stored (a, form, data) : NULL;
    if (!an)
      return NULL;
    g_hash_table_insert (a->cache, (gpointer) an->pub.form, an);
  }
  return &an->pub;
}

void
teema_analyzer__set_lookup (TeemaAnalyzer *a, TeemaAnalysisLookup fn,
                            gpointer data, GDestroyNotify destroy)
{
  if (a->lookup_destroy)
    a->lookup_destroy (a->lookup_data);
  a->lookup = fn;
  a->lookup_data = data;
  a->lookup_destroy = destroy;
}

void
teema_analyzer_load_cache (TeemaAnalyzer *a, const char *dump)
{
  char form[256];
  for (const char *line = dump; line && *line;) {
    const char *end = strchr (line, '\n');
    gsize len = end ? (gsize) (end - line) : strlen (line);
    const char *tab = memchr (line, '\t', len);
    gsize flen = tab ? (gsize) (tab - line) : 0;
    if (tab && flen < sizeof form) {
      memcpy (form, line, flen);
      form[flen] = '\0';
      Analysis *an = g_hash_table_contains (a->cache, form)
                       ? NULL
                       : build_stored_len (a, form, tab + 1, len - flen - 1);
      if (an)
        g_hash_table_insert (a->cache, (gpointer) an->pub.form, an);
    }
    line = end ? end + 1 : line + len;
  }
}
