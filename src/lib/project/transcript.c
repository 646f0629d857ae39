/* project/transcript.c — plain-text and Markdown transcripts: the input,
 * the front matter and what the parse found.
 *
 * Input: UTF-8 (a BOM is dropped), CRLF or CR line ends (made LF), an
 * optional front matter between "---" lines, then the body. The text is
 * NFC-normalised. speakers.c finds the labels and turns of the body,
 * roles.c who is who; this file holds the word lists both use.
 * Must always hold: the stored text is exactly the body after the front
 * matter, every turn's [start, end) is in code points into it, and turns do
 * not overlap. Errors name the file and the 1-based line in the file. */
#include "base/base-private.h"
#include "project/transcript-private.h"

#include <string.h>

static void
turn_clear (gpointer p)
{
  TeemaTurn *t = p;
  g_free (t->speaker);
  g_free (t->timestamp);
}

void
teema_transcript_free (TeemaTranscript *t)
{
  if (!t)
    return;
  g_free (t->text);
  g_array_unref (t->turns);
  g_ptr_array_unref (t->keys);
  g_hash_table_destroy (t->meta);
  g_ptr_array_unref (t->warnings);
  g_free (t->name);
  g_free (t->interviewer);
  g_free (t->speakers);
  g_free (t->informant);
  g_free (t);
}

/* ---- encoding ------------------------------------------------------------ */

static guint
line_of (const char *data, const char *at)
{
  guint line = 1;
  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The size limits of transcript.h, checked before any work is done. */
static gboolean
check_limits (const char *data, gsize len, const char *name, GError **error)
{
  if (len > TEEMA_TRANSCRIPT_MAX_BYTES) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
      _ ("%s: %llu MB of text is more than one transcript may be "
         "(TEEMA_TRANSCRIPT_MAX_BYTES, %llu MB); split it into several "
         "files"),
      name, (unsigned long long) len >> 20,
      (unsigned long long) TEEMA_TRANSCRIPT_MAX_BYTES >> 20);
    return FALSE;
  }
  guint line = 1;
  for (const char *p = data, *end = data + len; p < end; line++) {
    const char *eol = memchr (p, '\n', (gsize) (end - p));
    const char *stop = eol ? eol : end;
    if (stop - p > TEEMA_TRANSCRIPT_MAX_LINE) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   _ ("%s:%u: the line is %llu KB long, longer than a "
                      "transcript line may be (TEEMA_TRANSCRIPT_MAX_LINE, "
                      "%d KB); break it into paragraphs"),
                   name, line, (unsigned long long) (stop - p) >> 10,
                   TEEMA_TRANSCRIPT_MAX_LINE >> 10);
      return FALSE;
    }
    p = stop + 1;
  }
  return TRUE;
}

static gboolean
check_encoding (const char *data, gsize len, const char *name, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate_len (data, len, &end))
    return TRUE;
  const char *line_start = end;
  while (line_start > data && line_start[-1] != '\n')
    line_start--;
  /* The column in characters: the line up to the bad byte is valid. */
  glong column = g_utf8_strlen (line_start, end - line_start) + 1;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
               _ ("%s:%u:%ld: not valid UTF-8 (byte 0x%02X); save the file as "
                  "UTF-8, or import it with '--encoding windows-1252' (or the "
                  "encoding it is in)"),
               name, line_of (data, end), column,
               (unsigned) (unsigned char) *end);
  return FALSE;
}

/* TRUE when s[0, n) is well-formed UTF-8 of code points below U+0300
 * (ASCII, Latin-1 and the Latin extensions: Finnish text): such text has
 * no combining marks and no character NFC changes, so it is NFC already
 * and the normaliser, the costliest step of an import, can be skipped. */
static gboolean
nfc_already (const char *s, gsize n)
{
  const unsigned char *p = (const unsigned char *) s;
  for (gsize i = 0; i < n; i++) {
    if (p[i] < 0x80)
      continue;
    if (p[i] < 0xC2 || p[i] > 0xCB || i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
      return FALSE;
    i++;
  }
  return TRUE;
}

/* Drops a BOM, makes line ends LF and normalises to NFC. */
static char *
clean_text (const char *data, gsize len)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3;
    len -= 3;
  }
  GString *s = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++) {
    if (data[i] == '\r') {
      g_string_append_c (s, '\n');
      if (i + 1 < len && data[i + 1] == '\n')
        i++;
    } else {
      g_string_append_c (s, data[i]);
    }
  }
  /* Line by line: GLib's normaliser is quadratic in the length of its
   * input, and NFC never composes across a line end. */
  GString *nfc = g_string_sized_new (s->len);
  for (gsize at = 0; at < s->len;) {
    const char *eol = memchr (s->str + at, '\n', s->len - at);
    gsize n = eol ? (gsize) (eol - s->str - at) + 1 : s->len - at;
    if (nfc_already (s->str + at, n)) {
      g_string_append_len (nfc, s->str + at, (gssize) n);
    } else {
      g_autofree char *line =
        g_utf8_normalize (s->str + at, (gssize) n, G_NORMALIZE_NFC);
      g_string_append (nfc, line);
    }
    at += n;
  }
  g_string_free (s, TRUE);
  return g_string_free (nfc, FALSE);
}

static gboolean
is_blank_n (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* ---- front matter -------------------------------------------------------- */

static gboolean
parse_meta_line (TeemaTranscript *t, const char *line, const char *name,
                 guint lineno, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  if (!*stripped || *stripped == '#')
    return TRUE;
  const char *colon = strchr (stripped, ':');
  gboolean ok = colon && colon > stripped;
  for (const char *p = stripped; ok && p < colon; p++)
    ok = g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.';
  if (!ok) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:%u: malformed header line '%s': expected 'key: value' "
                    "(e.g. 'group: employee') or a closing '---'"),
                 name, lineno, stripped);
    return FALSE;
  }
  char *key = g_ascii_strdown (stripped, colon - stripped);
  char *value = g_strstrip (g_strdup (colon + 1));
  if (!g_hash_table_contains (t->meta, key))
    g_ptr_array_insert (t->keys, (gint) t->keys->len - 1, key);
  g_hash_table_insert (t->meta, key, value); /* keeps the key in t->keys */
  return TRUE;
}

/* Parses the front matter of text, if any; returns the body start. */
static const char *
parse_front_matter (TeemaTranscript *t, const char *text, const char *name,
                    GError **error)
{
  t->body_line = 1;
  if (!g_str_has_prefix (text, "---\n") && strcmp (text, "---") != 0)
    return text;
  const char *p = text + 3 + (text[3] == '\n');
  guint lineno = 2;
  while (*p) {
    const char *eol = strchr (p, '\n');
    gsize n = eol ? (gsize) (eol - p) : strlen (p);
    g_autofree char *line = g_strndup (p, n);
    if (g_str_equal (g_strstrip (line), "---")) {
      t->body_line = lineno + 1;
      return eol ? eol + 1 : p + n;
    }
    if (!parse_meta_line (t, line, name, lineno, error))
      return NULL;
    p = eol ? eol + 1 : p + n;
    lineno++;
  }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("%s:1: the header opened with '---' is never closed; add a "
                  "line '---' after the last 'key: value' line"),
               name);
  return NULL;
}

/* ---- word lists --------------------------------------------------------- */

/* Labels of the one who asks, in the conventions students use (Finnish
 * first) and in a few other languages of the example transcripts. */
static const char *const interviewer_words[] = {
  "haastattelija",
  "haast",
  "h",
  "kysyjä",
  "kysyja",
  "k",
  "tutkija",
  "fasilitaattori",
  "moderaattori",
  "i",
  "int",
  "iv",
  "interviewer",
  "q",
  "moderator",
  "mod",
  "researcher",
  "entrevistador",
  "entrevistadora",
  "moderador",
  "moderadora",
  "intervjuare",
};

/* Labels that say "the one who answers" and so name nobody: never an
 * informant id, never the interviewer. */
static const char *const answer_words[] = {
  "haastateltava",
  "haastateltu",
  "vastaaja",
  "vast",
  "v",
  "informantti",
  "r",
  "resp",
  "respondent",
  "interviewee",
  "ie",
  "a",
  "informant",
  "entrevistado",
  "entrevistada",
};

/* Labels that name a role or a number, not a person ("Speaker 2",
 * "Asiakas"): never an informant id, but maybe the interviewer. */
static const char *const neutral_words[] = {
  "osallistuja", "puhuja",  "henkilö", "asiakas",      "työntekijä",
  "participant", "speaker", "person",  "participante",
};

/* label without case, a trailing '.' or a trailing " 2": a new string. */
static char *
word_key (const char *label)
{
  char *key = g_utf8_strdown (label, -1);
  gsize n = strlen (key);
  if (n > 1 && key[n - 1] == '.')
    key[--n] = '\0';
  const char *space = strrchr (key, ' ');
  if (space && space[1]) {
    const char *p = space + 1;
    while (g_ascii_isdigit (*p))
      p++;
    if (!*p)
      key[space - key] = '\0';
  }
  return key;
}

static gboolean
in_words (const char *label, const char *const *words, gsize n)
{
  g_autofree char *key = word_key (label);
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (key, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
teema_labels__is_interviewer_word (const char *label)
{
  return in_words (label, interviewer_words, G_N_ELEMENTS (interviewer_words));
}

gboolean
teema_labels__answers (const char *label)
{
  return in_words (label, answer_words, G_N_ELEMENTS (answer_words));
}

gboolean
teema_labels__is_generic (const char *label)
{
  return teema_labels__answers (label)
         || in_words (label, neutral_words, G_N_ELEMENTS (neutral_words));
}

gboolean
teema_labels__in_list (const char *label, const char *list)
{
  if (!list)
    return FALSE;
  g_auto (GStrv) items = g_strsplit (list, ",", -1);
  g_autofree char *key = g_utf8_casefold (label, -1);
  for (guint i = 0; items[i]; i++) {
    g_autofree char *item = g_utf8_casefold (g_strstrip (items[i]), -1);
    if (g_str_equal (item, key))
      return TRUE;
  }
  return FALSE;
}

/* ---- warnings ------------------------------------------------------------ */

void
teema_warning_free (TeemaWarning *w)
{
  if (!w)
    return;
  g_free (w->path);
  g_free (w->message);
  g_free (w);
}

/* The paragraph (blank-line separated block) of the body's line. */
static guint
paragraph_of (const char *text, guint line)
{
  guint para = 0, l = 1;
  gboolean in_block = FALSE;
  for (const char *p = text; *p && l <= line; l++) {
    const char *eol = strchr (p, '\n');
    gsize n = eol ? (gsize) (eol - p) : strlen (p);
    gboolean blank = is_blank_n (p, n);
    if (!blank && !in_block)
      para++;
    in_block = !blank;
    p = eol ? eol + 1 : p + n;
  }
  return para;
}

void
teema_transcript__warn (TeemaTranscript *t, TeemaWarningKind kind, guint line,
                        const char *fmt, ...)
{
  TeemaWarning *w = g_new0 (TeemaWarning, 1);
  w->kind = kind;
  w->path = g_strdup (t->name);
  if (line) {
    w->line = line;
    w->paragraph = line >= t->body_line
                     ? paragraph_of (t->text, line - t->body_line + 1)
                     : 0;
  }
  va_list ap;
  va_start (ap, fmt);
  w->message = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (t->warnings, w);
}

static gint
by_line (gconstpointer a, gconstpointer b)
{
  const TeemaWarning *x = *(TeemaWarning *const *) a;
  const TeemaWarning *y = *(TeemaWarning *const *) b;
  return (x->line > y->line) - (x->line < y->line);
}

/* ---- parsing ------------------------------------------------------------- */

static TeemaTranscript *
transcript_new (const char *name, const TeemaTranscriptOptions *options)
{
  TeemaTranscript *t = g_new0 (TeemaTranscript, 1);
  t->name = g_strdup (name);
  t->turns = g_array_new (FALSE, TRUE, sizeof (TeemaTurn));
  g_array_set_clear_func (t->turns, turn_clear);
  t->keys = g_ptr_array_new ();
  g_ptr_array_add (t->keys, NULL);
  t->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  t->warnings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_warning_free);
  t->options = options;
  return t;
}

static gboolean
check_input (const char *data, gsize n, const char *name, GError **error)
{
  if (n == 0 || is_blank_n (data, n)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 _ ("%s: the file is empty; nothing to import"), name);
    return FALSE;
  }
  if (memchr (data, '\0', n)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s:%u: contains a NUL byte: not a text file (for DOCX, "
                    "ODT, VTT or SRT use a file with that extension)"),
                 name, line_of (data, memchr (data, '\0', n)));
    return FALSE;
  }
  if (!check_limits (data, n, name, error))
    return FALSE;
  return check_encoding (data, n, name, error);
}

TeemaTranscript *
teema_transcript_parse_with (const char *data, gssize len, const char *name,
                             const TeemaTranscriptOptions *options,
                             GError **error)
{
  gsize n = len < 0 ? strlen (data) : (gsize) len;
  if (!check_input (data, n, name, error))
    return NULL;
  g_autofree char *clean = clean_text (data, n);
  TeemaTranscriptOptions none = { NULL, NULL };
  TeemaTranscript *t = transcript_new (name, options ? options : &none);
  const char *body = parse_front_matter (t, clean, name, error);
  if (!body) {
    teema_transcript_free (t);
    return NULL;
  }
  t->text = g_strdup (body);
  if (is_blank (t->text)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 _ ("%s: only a header, no transcript text"), name);
    teema_transcript_free (t);
    return NULL;
  }
  if (!teema_speakers__parse (t, error)) {
    teema_transcript_free (t);
    return NULL;
  }
  teema_roles__assign (t);
  g_ptr_array_sort (t->warnings, by_line);
  t->options = NULL;
  return t;
}

TeemaTranscript *
teema_transcript_parse (const char *data, gssize len, const char *name,
                        GError **error)
{
  return teema_transcript_parse_with (data, len, name, NULL, error);
}

const char *
teema_transcript_text (const TeemaTranscript *t)
{
  return t->text;
}

guint
teema_transcript_n_turns (const TeemaTranscript *t)
{
  return t->turns->len;
}

const TeemaTurn *
teema_transcript_turn (const TeemaTranscript *t, guint i)
{
  return i < t->turns->len ? &g_array_index (t->turns, TeemaTurn, i) : NULL;
}

const char *
teema_transcript_meta (const TeemaTranscript *t, const char *key)
{
  return g_hash_table_lookup (t->meta, key);
}

const char *const *
teema_transcript_meta_keys (const TeemaTranscript *t)
{
  return (const char *const *) t->keys->pdata;
}

const char *
teema_transcript_informant (const TeemaTranscript *t)
{
  const char *informant = g_hash_table_lookup (t->meta, "informant");
  return informant ? informant : t->informant;
}

const char *
teema_transcript_interviewer (const TeemaTranscript *t)
{
  return t->interviewer;
}

const char *
teema_transcript_speakers (const TeemaTranscript *t)
{
  return t->speakers;
}

GPtrArray *
teema_transcript_warnings (const TeemaTranscript *t)
{
  return t->warnings;
}
