/* project/speakers.c — which lines of a transcript start a turn, and the
 * turns they start.
 *
 * Two passes. The first reads every line and notes the candidates: a name
 * at the start of a line followed by a colon and speech ("H1: Joo"), a
 * name and a colon alone on the line above the speech ("Haastattelija:"),
 * or a name alone without a colon ("HAASTATTELIJA"), each optionally after
 * a timestamp in [] or () and in Markdown bold; a code in parentheses after
 * the name names the speaker ("Haastateltava (A2):" is A2). The second decides,
 * per name, from the whole file: a name is a label when it is declared in the
 * front matter, a known speaker word, an id ("H3", "Asiakas 2") or when it
 * starts two or more lines; "Ensimmäinen:" once in an answer is text.
 * Then the turns: each accepted label opens one, unlabelled lines continue
 * it, Markdown headings end it. A body without any label is the
 * informant's speech, one turn per paragraph.
 * Must always hold: turns are in text order, do not overlap, and hold no
 * label, timestamp or leading and trailing white space; text outside the
 * turns is only labels, timestamps, headings and what a warning names. */
#include "base/base-private.h"
#include "project/transcript-private.h"

#include <string.h>

typedef enum {
  LINE_TEXT,
  LINE_BLANK,
  LINE_HEADING,
  LINE_TIME,  /* a timestamp alone */
  LINE_LABEL, /* a label candidate */
} LineKind;

typedef enum {
  FORM_INLINE, /* "H1: speech" */
  FORM_ALONE,  /* "H1:" alone, speech below */
  FORM_BARE,   /* "H1" alone, no colon, speech below */
} LabelForm;

typedef struct {
  gsize byte; /* start in the text */
  gsize len;  /* bytes, without the line end */
  guint cp;   /* code point offset of the start */
  guint line; /* line in the file */
  LineKind kind;
  LabelForm form;
  char *name;    /* the candidate label, or NULL */
  char *stamp;   /* its timestamp, or NULL */
  gsize content; /* bytes into the line where inline speech starts */
  gboolean accepted;
} Line;

typedef struct {
  guint colon; /* uses with a colon */
  guint bare;  /* uses alone without one */
  gboolean accepted;
} NameUse;

#define TS "(?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d+)?"

static GRegex *
label_regex (void)
{
  static GRegex *re;
  if (g_once_init_enter (&re)) {
    GRegex *r = g_regex_new (
      "^\\h*(?:[\\[(](" TS ")[\\])]\\h*|(" TS ")\\h+)?(?:\\*\\*)?"
      "(\\p{L}[\\p{L}\\p{N}_.\\-]{0,24}(?: [\\p{Lu}\\p{N}][\\p{L}\\p{N}_.\\-]"
      "{0,24})?)(?:\\h*\\((\\p{L}[\\p{L}\\p{N}_.\\-]{0,11})\\))?(?:\\*\\*)?"
      "(?:\\h*[\\[(](" TS ")[\\])])?\\h*(:)?"
      "(?:\\*\\*)?(?:\\h+|$)",
      G_REGEX_OPTIMIZE, 0, NULL);
    g_once_init_leave (&re, r);
  }
  return re;
}

static GRegex *
time_regex (void)
{
  static GRegex *re;
  if (g_once_init_enter (&re)) {
    GRegex *r = g_regex_new ("^[ \\t]*[\\[(]?(" TS ")[\\])]?[ \\t]*$",
                             G_REGEX_OPTIMIZE, 0, NULL);
    g_once_init_leave (&re, r);
  }
  return re;
}

static char *
fetch_nonempty (GMatchInfo *m, int group)
{
  char *s = g_match_info_fetch (m, group);
  if (s && *s)
    return s;
  g_free (s);
  return NULL;
}

static gboolean
blank_n (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

/* The timestamp of a match: before the name ([] or bare) or after it
 * (groups 1, 2 and 5; 3 is the name, 4 a code in parentheses after it). */
static char *
match_stamp (GMatchInfo *m)
{
  for (int g = 1; g <= 5; g += g == 2 ? 3 : 1) {
    char *s = fetch_nonempty (m, g);
    if (s)
      return s;
  }
  return NULL;
}

/* Notes whether line l is a label candidate, and of which form. */
static void
scan_label (Line *l, const char *s)
{
  GMatchInfo *m = NULL;
  if (g_regex_match_full (label_regex (), s, (gssize) l->len, 0, 0, &m, NULL)) {
    int end = 0;
    g_match_info_fetch_pos (m, 0, NULL, &end);
    g_autofree char *colon = fetch_nonempty (m, 6);
    gboolean rest_blank = blank_n (s + end, l->len - (gsize) end);
    /* "Haastateltava (A2):" speaks as A2, "Haastattelija (H):" as H. */
    char *name = fetch_nonempty (m, 4);
    if (!name)
      name = g_match_info_fetch (m, 3);
    gsize name_len = strlen (name);
    if (colon || (rest_blank && name[name_len - 1] != '.')) {
      l->kind = LINE_LABEL;
      l->name = name;
      l->stamp = match_stamp (m);
      l->form = !colon ? FORM_BARE : rest_blank ? FORM_ALONE : FORM_INLINE;
      l->content = (gsize) end;
      name = NULL;
    }
    g_free (name);
  }
  g_match_info_free (m);
}

static void
scan_line (Line *l, const char *s)
{
  if (blank_n (s, l->len)) {
    l->kind = LINE_BLANK;
    return;
  }
  if (s[0] == '#') {
    l->kind = LINE_HEADING;
    return;
  }
  l->kind = LINE_TEXT;
  gsize lead = 0;
  while (lead < l->len && (s[lead] == ' ' || s[lead] == '\t'))
    lead++;
  GMatchInfo *m = NULL;
  if (l->len - lead <= 16
      && g_regex_match_full (time_regex (), s, (gssize) l->len, 0, 0, &m,
                             NULL)) {
    l->kind = LINE_TIME;
    l->stamp = g_match_info_fetch (m, 1);
  }
  g_match_info_free (m);
  /* A label has a colon, or is a short line of its own. */
  if (l->kind == LINE_TEXT && (l->len - lead <= 60 || memchr (s, ':', l->len)))
    scan_label (l, s);
}

static void
line_clear (gpointer p)
{
  Line *l = p;
  g_free (l->name);
  g_free (l->stamp);
}

static GArray *
scan_lines (const TeemaTranscript *t)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (lines, line_clear);
  gsize pos = 0;
  guint cp = 0, lineno = t->body_line;
  for (;;) {
    const char *s = t->text + pos;
    const char *eol = strchr (s, '\n');
    Line l = { 0 };
    l.byte = pos;
    l.len = eol ? (gsize) (eol - s) : strlen (s);
    l.cp = cp;
    l.line = lineno++;
    scan_line (&l, s);
    g_array_append_val (lines, l);
    if (!eol)
      break;
    cp += (guint) g_utf8_strlen (s, (gssize) l.len) + 1;
    pos += l.len + 1;
  }
  return lines;
}

/* ---- which names are labels ---------------------------------------------- */

/* Words that start lines of notes and headings, never speakers. */
static const char *const stop_words[] = {
  "teema", "teemat", "kysymys",  "kysymykset", "huom",    "huomio",
  "aihe",  "osio",   "osa",      "liite",      "esim",    "esimerkiksi",
  "ps",    "theme",  "question", "note",       "section", "part",
  "topic", "tema",   "pregunta", "nota",
};

static gboolean
is_stop_word (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  char *space = strchr (lower, ' ');
  if (space)
    *space = '\0';
  gsize n = strlen (lower);
  if (n > 1 && lower[n - 1] == '.')
    lower[n - 1] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (lower, stop_words[i]))
      return TRUE;
  return FALSE;
}

/* "H1", "T12", "IV2", "Asiakas 3": a label that numbers a person. */
static gboolean
is_numbered_id (const char *name)
{
  return g_regex_match_simple ("^\\p{L}{1,3}\\d{1,3}$", name, 0, 0)
         || g_regex_match_simple ("^\\p{L}{2,20} \\d{1,3}$", name, 0, 0);
}

static gboolean
is_all_caps (const char *name)
{
  guint letters = 0;
  for (const char *p = name; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_islower (c))
      return FALSE;
    letters += g_unichar_isalpha (c);
  }
  return letters >= 1;
}

gboolean
teema_speakers__declared (const TeemaTranscript *t, const char *name)
{
  const TeemaTranscriptOptions *o = t->options;
  return teema_labels__in_list (name, g_hash_table_lookup (t->meta, "speakers"))
         || teema_labels__in_list (name,
                                   g_hash_table_lookup (t->meta, "interviewer"))
         || teema_labels__in_list (name,
                                   g_hash_table_lookup (t->meta, "informant"))
         || (o && teema_labels__in_list (name, o->interviewer))
         || (o && teema_labels__in_list (name, o->informant));
}

/* Whether a name used with a colon (at least once) is a label. */
static gboolean
accept_colon_name (const TeemaTranscript *t, const char *name, const NameUse *u)
{
  if (teema_speakers__declared (t, name))
    return TRUE;
  if (is_stop_word (name))
    return FALSE;
  if (teema_labels__is_interviewer_word (name) || teema_labels__answers (name)
      || is_numbered_id (name))
    return TRUE;
  return g_unichar_isupper (g_utf8_get_char (name)) && u->colon + u->bare >= 2;
}

/* Whether a name only ever alone on its line, without a colon, is a label.
 * In a file whose labels have colons it must be a declared or known word;
 * else it must recur and be written as labels are, in capitals or as an
 * id ("HAASTATTELIJA", "H2"). */
static gboolean
accept_bare_name (const TeemaTranscript *t, const char *name, const NameUse *u,
                  gboolean colon_labels)
{
  if (teema_speakers__declared (t, name)
      || teema_labels__is_interviewer_word (name)
      || teema_labels__answers (name))
    return TRUE;
  if (colon_labels || is_stop_word (name))
    return FALSE;
  return u->bare >= 2 && (is_numbered_id (name) || is_all_caps (name));
}

/* A bare label must stand apart: at the start, or after a blank line or a
 * timestamp line. */
static gboolean
stands_apart (GArray *lines, guint i)
{
  if (i == 0)
    return TRUE;
  LineKind prev = g_array_index (lines, Line, i - 1).kind;
  return prev == LINE_BLANK || prev == LINE_TIME || prev == LINE_HEADING;
}

static GHashTable *
count_names (GArray *lines)
{
  GHashTable *names =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < lines->len; i++) {
    Line *l = &g_array_index (lines, Line, i);
    if (l->kind != LINE_LABEL)
      continue;
    if (l->form == FORM_BARE && !stands_apart (lines, i)) {
      l->kind = LINE_TEXT;
      continue;
    }
    NameUse *u = g_hash_table_lookup (names, l->name);
    if (!u)
      g_hash_table_insert (names, l->name, u = g_new0 (NameUse, 1));
    if (l->form == FORM_BARE)
      u->bare++;
    else
      u->colon++;
  }
  return names;
}

/* Decides every name: those used with a colon first, then those only
 * alone on a line. Returns TRUE when some accepted name recurs. */
static gboolean
decide_names (const TeemaTranscript *t, GHashTable *names)
{
  GHashTableIter it;
  gpointer key, value;
  gboolean colon_labels = FALSE, recurring = FALSE;
  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    NameUse *u = value;
    if (u->colon)
      u->accepted = accept_colon_name (t, key, u);
    colon_labels |= u->accepted && u->colon >= 2;
  }
  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &key, &value)) {
    NameUse *u = value;
    if (!u->colon)
      u->accepted = accept_bare_name (t, key, u, colon_labels);
    recurring |= u->accepted && u->colon + u->bare >= 2;
  }
  return recurring;
}

static void
warn_rejected (TeemaTranscript *t, const Line *l, const NameUse *u)
{
  if (l->form == FORM_BARE || u->colon + u->bare > 1 || is_stop_word (l->name)
      || !g_unichar_isupper (g_utf8_get_char (l->name)))
    return;
  teema_transcript__warn (
    t, TEEMA_WARNING_LABEL_AS_TEXT, l->line,
    _ ("'%s:' starts a line only once, so it is read as text, not as a "
       "speaker (if it is a speaker, add 'speakers: %s' to a header)"),
    l->name, l->name);
}

static gboolean
asks (const TeemaTranscript *t, const char *name)
{
  return teema_labels__is_interviewer_word (name)
         || teema_labels__in_list (name,
                                   g_hash_table_lookup (t->meta, "interviewer"))
         || (t->options
             && teema_labels__in_list (name, t->options->interviewer));
}

/* A name used once with a colon is still a speaker when its line answers
 * the interviewer ("I: Mitä?" then "C: Jotain."), which a word inside an
 * answer ("Ensimmäinen: ...") never does. */
static gboolean
answers_interviewer (const TeemaTranscript *t, GArray *lines, guint i)
{
  const Line *l = &g_array_index (lines, Line, i);
  if (l->form == FORM_BARE || is_stop_word (l->name)
      || !g_unichar_isupper (g_utf8_get_char (l->name)))
    return FALSE;
  while (i-- > 0) {
    const Line *prev = &g_array_index (lines, Line, i);
    if (prev->kind == LINE_HEADING)
      return FALSE;
    if (prev->kind == LINE_LABEL && prev->accepted)
      return asks (t, prev->name);
  }
  return FALSE;
}

/* Marks the lines whose label is accepted; warns about the others and
 * about labels used once. Returns the number of accepted lines. */
static guint
decide (TeemaTranscript *t, GArray *lines)
{
  g_autoptr (GHashTable) names = count_names (lines);
  gboolean recurring = decide_names (t, names);
  guint n = 0;
  /* Before the first label, a "Word:" is in text no turn holds, which
   * flush_stray warns about as a whole. */
  for (guint i = 0; i < lines->len; i++) {
    Line *l = &g_array_index (lines, Line, i);
    NameUse *u =
      l->kind == LINE_LABEL ? g_hash_table_lookup (names, l->name) : NULL;
    if (!u)
      continue;
    if (!u->accepted && u->colon + u->bare == 1)
      u->accepted = answers_interviewer (t, lines, i);
    l->accepted = u->accepted;
    n += l->accepted;
    if (!l->accepted) {
      if (n > 0)
        warn_rejected (t, l, u);
    } else if (recurring && u->colon + u->bare == 1
               && !teema_speakers__declared (t, l->name)) {
      teema_transcript__warn (t, TEEMA_WARNING_LABEL_ONCE, l->line,
                              _ ("speaker label '%s' is used only once; check "
                                 "that it is a speaker and not text"),
                              l->name);
    }
  }
  return n;
}

/* ---- turns --------------------------------------------------------------- */

typedef struct {
  TeemaTranscript *t;
  TeemaTurn cur;       /* cur.speaker != NULL while a turn is open */
  gsize cur_byte;      /* byte offset of the open turn's content */
  guint cur_cp;        /* ... and its code point offset */
  gsize last_byte;     /* end of the open turn's last line of speech */
  const Line *pending; /* a timestamp line not yet given to a turn */
  guint stray_line;    /* first line of a run of text in no turn, or 0 */
  guint stray_lines;   /* lines in that run */
  gboolean headed;     /* the run follows a heading, not the start */
} Builder;

static guint
cps (const char *s, gsize from, gsize to)
{
  return (guint) teema__utf8_length (s + from, (gssize) (to - from));
}

static void
close_turn (Builder *b)
{
  if (!b->cur.speaker)
    return;
  const char *text = b->t->text;
  gsize start = b->cur_byte, end = b->last_byte;
  guint start_cp = b->cur_cp;
  while (start < end && g_ascii_isspace (text[start])) {
    start++;
    start_cp++;
  }
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (end > start) {
    b->cur.start = start_cp;
    b->cur.end = start_cp + cps (text, start, end);
    g_array_append_val (b->t->turns, b->cur);
  } else {
    g_free (b->cur.speaker);
    g_free (b->cur.timestamp);
  }
  memset (&b->cur, 0, sizeof b->cur);
}

static void
flush_stray (Builder *b)
{
  if (!b->stray_line)
    return;
  const char *where =
    b->headed ? _ ("after a heading") : _ ("before the first speaker label");
  teema_transcript__warn (
    b->t, TEEMA_WARNING_UNLABELLED_TEXT, b->stray_line,
    g_dngettext (GETTEXT_PACKAGE,
                 "%u line %s belongs to no speaker and is not counted (add a "
                 "speaker label if it is speech)",
                 "%u lines %s belong to no speaker and are not counted (add "
                 "a speaker label if it is speech)",
                 b->stray_lines),
    b->stray_lines, where);
  b->stray_line = b->stray_lines = 0;
}

static void
open_turn (Builder *b, const Line *l)
{
  close_turn (b);
  flush_stray (b);
  b->cur.speaker = g_strdup (l->name);
  const char *stamp = l->stamp;
  if (!stamp && b->pending)
    stamp = b->pending->stamp;
  b->cur.timestamp = g_strdup (stamp);
  b->cur.line = l->line;
  b->pending = NULL;
  const char *text = b->t->text;
  if (l->form == FORM_INLINE) {
    b->cur_byte = l->byte + l->content;
    b->cur_cp = l->cp + cps (text, l->byte, b->cur_byte);
  } else {
    b->cur_byte = l->byte + l->len;
    b->cur_cp = l->cp + cps (text, l->byte, b->cur_byte);
  }
  b->last_byte = l->byte + l->len;
}

static void
text_line (Builder *b, const Line *l)
{
  if (b->cur.speaker) {
    b->last_byte = l->byte + l->len;
    return;
  }
  if (!b->stray_line)
    b->stray_line = l->line;
  b->stray_lines++;
}

static void
build_turns (TeemaTranscript *t, GArray *lines)
{
  Builder b = { t, { 0 }, 0, 0, 0, NULL, 0, 0, FALSE };
  for (guint i = 0; i < lines->len; i++) {
    const Line *l = &g_array_index (lines, Line, i);
    if (l->kind == LINE_LABEL && l->accepted) {
      open_turn (&b, l);
    } else if (l->kind == LINE_HEADING) {
      close_turn (&b);
      flush_stray (&b);
      b.headed = t->turns->len > 0;
    } else if (l->kind == LINE_TIME) {
      if (b.pending)
        text_line (&b, b.pending);
      b.pending = l;
    } else if (l->kind != LINE_BLANK) {
      if (b.pending)
        text_line (&b, b.pending);
      b.pending = NULL;
      text_line (&b, l);
    }
  }
  if (b.pending)
    text_line (&b, b.pending);
  close_turn (&b);
  flush_stray (&b);
}

/* A body without labels: each paragraph is a turn of the informant. */
static void
paragraph_turns (TeemaTranscript *t, GArray *lines)
{
  const char *informant = g_hash_table_lookup (t->meta, "informant");
  Builder b = { t, { 0 }, 0, 0, 0, NULL, 0, 0, FALSE };
  for (guint i = 0; i < lines->len; i++) {
    const Line *l = &g_array_index (lines, Line, i);
    if (l->kind == LINE_BLANK || l->kind == LINE_HEADING) {
      close_turn (&b);
      continue;
    }
    if (!b.cur.speaker) {
      b.cur.speaker = g_strdup (informant ? informant : "?");
      b.cur.line = l->line;
      b.cur_byte = l->byte;
      b.cur_cp = l->cp;
    }
    b.last_byte = l->byte + l->len;
  }
  close_turn (&b);
}

gboolean
teema_speakers__parse (TeemaTranscript *t, GError **error)
{
  g_autoptr (GArray) lines = scan_lines (t);
  t->labelled = decide (t, lines) > 0;
  if (t->labelled)
    build_turns (t, lines);
  if (!t->labelled || t->turns->len == 0) {
    g_array_set_size (t->turns, 0);
    t->labelled = FALSE;
    paragraph_turns (t, lines);
  }
  if (t->turns->len <= TEEMA_TRANSCRIPT_MAX_TURNS)
    return TRUE;
  g_set_error (
    error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
    _ ("%s:%u: more than %d turns, more than one transcript may have "
       "(TEEMA_TRANSCRIPT_MAX_TURNS); split the file"),
    t->name,
    g_array_index (t->turns, TeemaTurn, TEEMA_TRANSCRIPT_MAX_TURNS).line,
    TEEMA_TRANSCRIPT_MAX_TURNS);
  return FALSE;
}
