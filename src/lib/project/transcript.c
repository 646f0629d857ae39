/* transcript.c — plain-text and Markdown transcripts into speaker turns.
 *
 * Input: UTF-8 (a BOM is dropped), CRLF or CR line ends (made LF), an
 * optional front matter between "---" lines, then turns that start with a
 * speaker label: "H1:", "[00:01:23] H2:", "**H3:**". Lines without a label
 * continue the turn; Markdown headings end it. The text is NFC-normalised.
 * Must always hold: the stored text is exactly the body after the front
 * matter, every turn's [start, end) is in code points into it, and turns do
 * not overlap. Errors name the file and the 1-based line in the file. */
#include <teema/transcript.h>

#include <string.h>
#include <teema/error.h>

struct TeemaTranscript {
  char *text;       /* NFC body, LF line ends */
  GArray *turns;    /* TeemaTurn */
  GPtrArray *keys;  /* front-matter keys in order, NULL-terminated */
  GHashTable *meta; /* key -> value */
  guint body_line;  /* file line of the body's first line */
};

static const char *const interviewer_labels[] = {
  "haastattelija",
  "haast",
  "i",
  "int",
  "interviewer",
  "q",
  "moderator",
  "tutkija",
  "fasilitaattori",
  "haastattelija 1",
  "haastattelija 2",
};

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
      "%s: %" G_GSIZE_FORMAT " MB of text is more than one "
      "transcript may be (TEEMA_TRANSCRIPT_MAX_BYTES, %" G_GSIZE_FORMAT
      " MB); split it into several files",
      name, len >> 20, TEEMA_TRANSCRIPT_MAX_BYTES >> 20);
    return FALSE;
  }
  guint line = 1;
  for (const char *p = data, *end = data + len; p < end; line++) {
    const char *eol = memchr (p, '\n', (gsize) (end - p));
    const char *stop = eol ? eol : end;
    if (stop - p > TEEMA_TRANSCRIPT_MAX_LINE) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                   "%s:%u: the line is %" G_GSIZE_FORMAT " KB long, longer "
                   "than a transcript line may be (TEEMA_TRANSCRIPT_MAX_LINE, "
                   "%d KB); break it into paragraphs",
                   name, line, (gsize) (stop - p) >> 10,
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
               "%s:%u:%ld: not valid UTF-8 (byte 0x%02X); save the file as "
               "UTF-8 (e.g. 'iconv -f latin1 -t utf-8')",
               name, line_of (data, end), column,
               (unsigned) (unsigned char) *end);
  return FALSE;
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
    g_autofree char *line =
      g_utf8_normalize (s->str + at, (gssize) n, G_NORMALIZE_NFC);
    g_string_append (nfc, line);
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
                 "%s:%u: malformed header line '%s': expected 'key: value' "
                 "(e.g. 'group: employee') or a closing '---'",
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
               "%s:1: the header opened with '---' is never closed; add a "
               "line '---' after the last 'key: value' line",
               name);
  return NULL;
}

/* ---- speaker labels ------------------------------------------------------ */

static GRegex *
label_regex (void)
{
  static GRegex *re;
  if (g_once_init_enter (&re)) {
    GRegex *r = g_regex_new (
      "^[ \\t]*(?:[\\[(]((?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d+)?)[\\])]"
      "[ \\t]*)?(?:\\*\\*)?"
      "(\\p{Lu}[\\p{L}\\p{N}_.\\-]{0,24}(?: [\\p{Lu}\\p{N}][\\p{L}\\p{N}_.\\-]"
      "{0,24})?)(?:\\*\\*)?[ \\t]*:(?:\\*\\*)?(?:[ \\t]+|$)",
      G_REGEX_OPTIMIZE, 0, NULL);
    g_once_init_leave (&re, r);
  }
  return re;
}

static gboolean
in_list (const char *label, const char *list)
{
  if (!list)
    return FALSE;
  g_auto (GStrv) items = g_strsplit (list, ",", -1);
  for (guint i = 0; items[i]; i++)
    if (g_ascii_strcasecmp (g_strstrip (items[i]), label) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_interviewer (const TeemaTranscript *t, const char *label)
{
  g_autofree char *lower = g_utf8_strdown (label, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (interviewer_labels); i++)
    if (g_str_equal (lower, interviewer_labels[i]))
      return TRUE;
  return in_list (label, g_hash_table_lookup (t->meta, "interviewer"));
}

/* A label is a speaker when it is known, looks like an id ("H1",
 * "Asiakas 2") or, without a declared informant, is a single word. */
static gboolean
accept_label (const TeemaTranscript *t, const char *label, GHashTable *seen)
{
  if (is_interviewer (t, label) || g_hash_table_contains (seen, label)
      || in_list (label, g_hash_table_lookup (t->meta, "speakers")))
    return TRUE;
  const char *informant = g_hash_table_lookup (t->meta, "informant");
  if (informant)
    return g_str_equal (label, informant)
           || in_list (label, g_hash_table_lookup (t->meta, "speakers"))
           || g_regex_match_simple ("^\\p{L}{1,12} ?\\d{1,3}$", label, 0, 0);
  return strchr (label, ' ') == NULL
         || g_regex_match_simple ("^\\p{L}{1,12} \\d{1,3}$", label, 0, 0);
}

/* ---- turns --------------------------------------------------------------- */

typedef struct {
  TeemaTranscript *t;
  const char *body;
  GHashTable *seen;
  TeemaTurn cur;   /* cur.speaker != NULL while a turn is open */
  gsize cur_byte;  /* byte offset of the open turn's content */
  guint cur_cp;    /* ... and its code point offset */
  gsize last_byte; /* end of the open turn's last non-blank line */
  guint line_cp;   /* code point offset of the current line */
  guint too_many;  /* line of the turn past TEEMA_TRANSCRIPT_MAX_TURNS */
} TurnParser;

static guint
cps (const char *s, gsize from, gsize to)
{
  return (guint) g_utf8_strlen (s + from, (gssize) (to - from));
}

static void
close_turn (TurnParser *tp)
{
  if (!tp->cur.speaker)
    return;
  gsize start = tp->cur_byte, end = tp->last_byte;
  guint start_cp = tp->cur_cp;
  while (start < end && g_ascii_isspace (tp->body[start])) {
    start++;
    start_cp++;
  }
  while (end > start && g_ascii_isspace (tp->body[end - 1]))
    end--;
  if (end > start) {
    tp->cur.start = start_cp;
    tp->cur.end = start_cp + cps (tp->body, start, end);
    g_array_append_val (tp->t->turns, tp->cur);
    if (tp->t->turns->len > TEEMA_TRANSCRIPT_MAX_TURNS && !tp->too_many)
      tp->too_many = tp->cur.line;
  } else {
    turn_clear (&tp->cur);
  }
  memset (&tp->cur, 0, sizeof tp->cur);
}

static void
open_turn (TurnParser *tp, GMatchInfo *m, const char *line, gsize line_byte,
           guint lineno)
{
  close_turn (tp);
  int end = 0;
  g_match_info_fetch_pos (m, 0, NULL, &end);
  tp->cur_cp = tp->line_cp + cps (line, 0, (gsize) end);
  char *ts = g_match_info_fetch (m, 1);
  tp->cur.speaker = g_match_info_fetch (m, 2);
  tp->cur.timestamp = ts && *ts ? ts : (g_free (ts), NULL);
  tp->cur.interviewer = is_interviewer (tp->t, tp->cur.speaker);
  tp->cur.line = lineno;
  tp->cur_byte = line_byte + (gsize) end;
  tp->last_byte = tp->cur_byte;
  g_hash_table_add (tp->seen, g_strdup (tp->cur.speaker));
}

static void
parse_line (TurnParser *tp, const char *line, gsize line_byte, guint lineno)
{
  GMatchInfo *m = NULL;
  if (g_regex_match (label_regex (), line, 0, &m)) {
    g_autofree char *label = g_match_info_fetch (m, 2);
    if (accept_label (tp->t, label, tp->seen)) {
      open_turn (tp, m, line, line_byte, lineno);
      tp->last_byte = line_byte + strlen (line);
      g_match_info_free (m);
      return;
    }
  }
  g_match_info_free (m);
  if (line[0] == '#') {
    close_turn (tp);
    return;
  }
  if (tp->cur.speaker && !is_blank (line))
    tp->last_byte = line_byte + strlen (line);
}

/* A body without any label is one turn of the informant. */
static void
whole_body_turn (TeemaTranscript *t, const char *informant)
{
  TeemaTurn turn = { 0 };
  turn.speaker = g_strdup (informant ? informant : "?");
  turn.line = t->body_line;
  const char *s = t->text, *e = t->text + strlen (t->text);
  while (*s && g_ascii_isspace (*s))
    s++;
  while (e > s && g_ascii_isspace (e[-1]))
    e--;
  turn.start = cps (t->text, 0, s - t->text);
  turn.end = turn.start + cps (t->text, s - t->text, e - t->text);
  g_array_append_val (t->turns, turn);
}

static gboolean
parse_turns (TeemaTranscript *t, const char *name, GError **error)
{
  TurnParser tp = { t, t->text, NULL, { 0 }, 0, 0, 0, 0, 0 };
  tp.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize pos = 0;
  guint lineno = t->body_line;
  while (!tp.too_many) {
    const char *eol = strchr (t->text + pos, '\n');
    gsize n = eol ? (gsize) (eol - t->text - pos) : strlen (t->text + pos);
    g_autofree char *line = g_strndup (t->text + pos, n);
    parse_line (&tp, line, pos, lineno++);
    if (!eol)
      break;
    tp.line_cp += cps (line, 0, n) + 1;
    pos += n + 1;
  }
  close_turn (&tp);
  g_hash_table_destroy (tp.seen);
  if (tp.too_many) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 "%s:%u: more than %d turns, more than one transcript may "
                 "have (TEEMA_TRANSCRIPT_MAX_TURNS); split the file",
                 name, tp.too_many, TEEMA_TRANSCRIPT_MAX_TURNS);
    return FALSE;
  }
  if (t->turns->len == 0)
    whole_body_turn (t, g_hash_table_lookup (t->meta, "informant"));
  return TRUE;
}

TeemaTranscript *
teema_transcript_parse (const char *data, gssize len, const char *name,
                        GError **error)
{
  gsize n = len < 0 ? strlen (data) : (gsize) len;
  if (n == 0 || is_blank_n (data, n)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 "%s: the file is empty; nothing to import", name);
    return NULL;
  }
  if (memchr (data, '\0', n)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 "%s:%u: contains a NUL byte: not a text file (for DOCX, "
                 "ODT, VTT or SRT use a file with that extension)",
                 name, line_of (data, memchr (data, '\0', n)));
    return NULL;
  }
  if (!check_limits (data, n, name, error)
      || !check_encoding (data, n, name, error))
    return NULL;
  g_autofree char *clean = clean_text (data, n);
  TeemaTranscript *t = g_new0 (TeemaTranscript, 1);
  t->turns = g_array_new (FALSE, TRUE, sizeof (TeemaTurn));
  g_array_set_clear_func (t->turns, turn_clear);
  t->keys = g_ptr_array_new ();
  g_ptr_array_add (t->keys, NULL);
  t->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *body = parse_front_matter (t, clean, name, error);
  if (!body) {
    teema_transcript_free (t);
    return NULL;
  }
  t->text = g_strdup (body);
  if (is_blank (t->text)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 "%s: only a header, no transcript text", name);
    teema_transcript_free (t);
    return NULL;
  }
  if (!parse_turns (t, name, error)) {
    teema_transcript_free (t);
    return NULL;
  }
  return t;
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
  if (informant)
    return informant;
  const char *only = NULL;
  for (guint i = 0; i < t->turns->len; i++) {
    const TeemaTurn *turn = &g_array_index (t->turns, TeemaTurn, i);
    if (turn->interviewer)
      continue;
    if (only && !g_str_equal (only, turn->speaker))
      return NULL;
    only = turn->speaker;
  }
  return only && !g_str_equal (only, "?") ? only : NULL;
}
