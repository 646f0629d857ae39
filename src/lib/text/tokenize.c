/* tokenize.c — word tokens from ICU word segmentation.
 *
 * ICU's word break iterator (locale "fi") runs over UTF-8 through UText, so
 * no UTF-16 copy is made. Afterwards word-hyphen-word and word-colon-word
 * are glued back ("NPS-luku", "kanta-asiakas", "B2B:ssä"), a word right
 * after " -" is marked suspended ("ja -polun"), and words inside
 * transcription marks ("[naurua]", "(epäselvä)") are dropped.
 * A text written only in ASCII and the Latin-1 letters (most Finnish
 * transcripts) is segmented by the same word rules written out for that
 * alphabet (Unicode's UAX #29 as ICU applies it: letters, '@' among them,
 * and digits join, and so do two letters across one of . ' : and two
 * digits across one of . ' , ;; the colon is left to the glue, which joins
 * the same words), which is several times faster than the iterator; anything
 * else goes to ICU. Both give the same tokens (test-text's
 * FastSplitIsIcu, the fuzz harness split).
 * Must always hold: offsets are code points into the given text, tokens are
 * in text order and never overlap. */
#include "base/base-private.h"
#include "text/text-private.h"

#include "text/icu.h"

#include <string.h>

static void
close_iterator (gpointer bi)
{
  ubrk_close (bi);
}

/* One break iterator of each kind per thread: opening one costs far more
 * than a line. */
static GPrivate word_iter = G_PRIVATE_INIT (close_iterator);
static GPrivate sentence_iter = G_PRIVATE_INIT (close_iterator);

/* Set once ICU was needed and could not be opened (a broken
 * installation: the package is a dependency). Text outside Latin-1 is
 * then split by GLib's character classes (unicode_class) and every
 * sentence scope is the whole text, and analysers say so
 * (teema_text__icu_warning). */
static gint icu_missing;

/* The thread's iterator, ICU opened first if need be; NULL without ICU. */
static UBreakIterator *
thread_iterator (GPrivate *slot, UBreakIteratorType type)
{
  UBreakIterator *bi = g_private_get (slot);
  if (!bi) {
    if (teema_icu__load ()) {
      g_atomic_int_set (&icu_missing, 1);
      return NULL;
    }
    UErrorCode st = U_ZERO_ERROR;
    bi = ubrk_open (type, "fi", NULL, 0, &st);
    if (U_FAILURE (st))
      return NULL;
    g_private_set (slot, bi);
  }
  return bi;
}

/* Byte length of a transcription mark starting at p, or 0. A mark is
 * "[...]" on one line, or "(...)" of at most two words on one line. */
static gsize
mark_length (const char *p, const char *end)
{
  char close = *p == '[' ? ']' : ')';
  gsize limit = *p == '[' ? 80 : 40;
  int spaces = 0;
  for (const char *q = p + 1; q < end && (gsize) (q - p) <= limit; q++) {
    if (*q == close)
      return (gsize) (q - p) + 1;
    if (*q == '\n' || *q == '(' || *q == '[')
      return 0;
    if (*q == ' ' && ++spaces > 1 && close == ')')
      return 0;
  }
  return 0;
}

static gboolean
is_glue (char c)
{
  return c == '-' || c == ':';
}

static guint
count_cps (const char *p, gsize n)
{
  guint cps = 0;
  for (gsize i = 0; i < n; i++)
    cps += ((unsigned char) p[i] & 0xC0) != 0x80;
  return cps;
}

/* Appends a word token, gluing it to the previous one across a single
 * '-' or ':' that joins them without spaces. */
static void
push_word (GArray *out, const char *text, gsize bs, gsize be, gsize *cp_pos,
           guint *cp)
{
  *cp += count_cps (text + *cp_pos, bs - *cp_pos);
  guint start = *cp;
  *cp += count_cps (text + bs, be - bs);
  *cp_pos = be;
  if (out->len > 0) {
    TeemaRawToken *prev = &g_array_index (out, TeemaRawToken, out->len - 1);
    if (prev->byte_end + 1 == bs && is_glue (text[prev->byte_end])) {
      prev->byte_end = be;
      prev->end = *cp;
      return;
    }
  }
  TeemaRawToken t = { bs, be, start, *cp, 0 };
  if (bs >= 1 && text[bs - 1] == '-'
      && (bs == 1 || g_ascii_isspace (text[bs - 2])))
    t.flags |= TEEMA_TOKEN_SUSPENDED;
  if (g_ascii_isdigit (text[bs]))
    t.flags |= TEEMA_TOKEN_NUMBER;
  g_array_append_val (out, t);
}

/* ---- the alphabet written out -------------------------------------------- */

enum { K_OTHER, K_LETTER, K_DIGIT, K_MID_NUM_LET, K_MID_NUM };

/* TRUE when every character of text is ASCII (but '_', which joins words
 * in ways not written out here) or a Latin-1 letter (U+00C0–U+00FF but
 * × and ÷), valid UTF-8. */
static gboolean
latin_text (const char *text, gsize n)
{
  for (gsize i = 0; i < n; i++) {
    unsigned char c = (unsigned char) text[i];
    if (c < 0x80) {
      if (c == '_')
        return FALSE;
      continue;
    }
    if (c != 0xC3 || i + 1 >= n)
      return FALSE;
    unsigned char d = (unsigned char) text[++i];
    if (d < 0x80 || d > 0xBF || d == 0x97 || d == 0xB7)
      return FALSE;
  }
  return TRUE;
}

/* The class of the character at text[i] (of n bytes) of a latin_text; its
 * bytes in *len. */
static int
latin_class (const char *text, gsize i, gsize n, gsize *len)
{
  (void) n;
  unsigned char c = (unsigned char) text[i];
  *len = 1;
  if (c >= 0x80) {
    *len = 2;
    return K_LETTER;
  }
  if (g_ascii_isalpha (c) || c == '@') /* to ICU, '@' is a letter */
    return K_LETTER;
  if (g_ascii_isdigit (c))
    return K_DIGIT;
  if (c == '.' || c == '\'')
    return K_MID_NUM_LET;
  if (c == ',' || c == ';')
    return K_MID_NUM;
  return K_OTHER;
}

/* The class of the character at text[i] by GLib's Unicode tables, for
 * text outside Latin-1 when ICU cannot be opened: close to ICU's rules
 * for alphabets (a script written without spaces becomes long words). */
static int
unicode_class (const char *text, gsize i, gsize n, gsize *len)
{
  unsigned char c = (unsigned char) text[i];
  if (c < 0x80)
    return latin_class (text, i, n, len);
  gunichar u = g_utf8_get_char_validated (text + i, (gssize) (n - i));
  *len = 1;
  if (u == (gunichar) -1 || u == (gunichar) -2)
    return K_OTHER;
  *len = (gsize) g_utf8_skip[c];
  if (g_unichar_isalpha (u) || g_unichar_ismark (u))
    return K_LETTER;
  return g_unichar_isdigit (u) ? K_DIGIT : K_OTHER;
}

typedef int (*ClassFunc) (const char *text, gsize i, gsize n, gsize *len);

/* Whether a word goes on across mid (a K_MID_*) between the classes of
 * the characters either side. */
static gboolean
joins (int before, int mid, int after)
{
  if (before == K_LETTER && after == K_LETTER)
    return mid == K_MID_NUM_LET;
  if (before == K_DIGIT && after == K_DIGIT)
    return mid == K_MID_NUM_LET || mid == K_MID_NUM;
  return FALSE;
}

/* The end (in bytes) of the word starting at i. */
static gsize
word_end (const char *text, gsize n, gsize i, ClassFunc klass)
{
  gsize len = 0;
  int last = klass (text, i, n, &len);
  i += len;
  while (i < n) {
    int k = klass (text, i, n, &len);
    if (k == K_LETTER || k == K_DIGIT) {
      last = k;
      i += len;
      continue;
    }
    if (k == K_OTHER || i + len >= n)
      break;
    gsize after_len = 0;
    int after = klass (text, i + len, n, &after_len);
    if (!joins (last, k, after))
      break;
    last = after;
    i += len + after_len;
  }
  return i;
}

/* An empty token list for a text of n bytes. */
static GArray *
tokens_for (gsize n)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (TeemaRawToken), n / 6 + 1);
}

/* Splits by the word rules written out here, with characters classed by
 * klass. */
static GArray *
split_by (const char *text, gsize n, ClassFunc klass)
{
  GArray *out = tokens_for (n);
  gsize cp_pos = 0, skip_until = 0;
  guint cp = 0;
  for (gsize i = 0; i < n;) {
    gsize len = 0;
    int k = klass (text, i, n, &len);
    if (k != K_LETTER && k != K_DIGIT) {
      /* Every other character is a segment of its own (ICU's rule of
       * last resort), so a mark starts at one. */
      if ((text[i] == '[' || text[i] == '(') && i >= skip_until) {
        gsize m = mark_length (text + i, text + n);
        if (m)
          skip_until = i + m;
      }
      i += len;
      continue;
    }
    gsize end = word_end (text, n, i, klass);
    if (i >= skip_until)
      push_word (out, text, i, end, &cp_pos, &cp);
    i = end;
  }
  return out;
}

GArray *
teema_text__split (const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  return latin_text (text, n) ? split_by (text, n, latin_class)
                              : teema_text__split_icu (text, (gssize) n);
}

GArray *
teema_text__split_without_icu (const char *text, gssize len)
{
  return split_by (text, len < 0 ? strlen (text) : (gsize) len, unicode_class);
}

GArray *
teema_text__split_icu (const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  UBreakIterator *bi = thread_iterator (&word_iter, UBRK_WORD);
  if (!bi)
    return split_by (text, n, unicode_class);
  GArray *out = tokens_for (n);
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, text, (int64_t) n, &st);
  if (U_FAILURE (st))
    return out;
  ubrk_setUText (bi, ut, &st);
  gsize cp_pos = 0, skip_until = 0;
  guint cp = 0;
  int32_t prev = ubrk_first (bi);
  for (int32_t next = ubrk_next (bi); next != UBRK_DONE;
       prev = next, next = ubrk_next (bi)) {
    char c = text[prev];
    if ((c == '[' || c == '(') && (gsize) prev >= skip_until) {
      gsize m = mark_length (text + prev, text + n);
      if (m)
        skip_until = (gsize) prev + m;
    }
    if ((gsize) prev < skip_until || ubrk_getRuleStatus (bi) < UBRK_WORD_NUMBER)
      continue;
    push_word (out, text, (gsize) prev, (gsize) next, &cp_pos, &cp);
  }
  utext_close (ut);
  return out;
}

guint
teema_text_count_words (const char *text, gssize len)
{
  GArray *tokens = teema_text__split (text, len);
  guint n = tokens->len;
  g_array_unref (tokens);
  return n;
}

char *
teema_text__fold (const char *word, gssize len)
{
  g_autofree char *folded = g_utf8_casefold (word, len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

const char *
teema_text__icu_warning (void)
{
  static char *warning;
  if (!g_atomic_int_get (&icu_missing))
    return NULL;
  if (g_once_init_enter (&warning)) {
    char *w = g_strdup_printf (
      _ ("ICU (Debian package libicu%d) could not be opened (%s): text "
         "outside the Latin-1 alphabet is split into words without it and "
         "sentence scopes take the whole segment; install it again"),
      U_ICU_VERSION_MAJOR_NUM, teema_icu__load ());
    g_once_init_leave (&warning, w);
  }
  return warning;
}

GArray *
teema_text_sentences (const char *text, gsize len)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* ICU ends a sentence at every line break; a transcript wrapped by hand
   * is one sentence across lines, so lone newlines become spaces in a copy
   * of the same length (byte offsets stay valid). Blank lines still end
   * sentences. */
  g_autofree char *flat = g_strndup (text, len);
  for (gsize i = 0; i < len; i++)
    if (flat[i] == '\n' && !(i + 1 < len && flat[i + 1] == '\n')
        && !(i > 0 && flat[i - 1] == '\n'))
      flat[i] = ' ';
  UBreakIterator *bi = thread_iterator (&sentence_iter, UBRK_SENTENCE);
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = bi ? utext_openUTF8 (NULL, flat, (int64_t) len, &st) : NULL;
  if (bi)
    ubrk_setUText (bi, ut, &st);
  if (bi && U_SUCCESS (st)) {
    ubrk_first (bi);
    for (int32_t next = ubrk_next (bi); next != UBRK_DONE;
         next = ubrk_next (bi)) {
      gsize end = (gsize) next;
      g_array_append_val (ends, end);
    }
  }
  if (ut) /* without ICU there is no text to close, nor a function */
    utext_close (ut);
  if (ends->len == 0 || g_array_index (ends, gsize, ends->len - 1) != len)
    g_array_append_val (ends, len);
  return ends;
}
