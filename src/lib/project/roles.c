/* project/roles.c — who is who in a parsed transcript: which labels are
 * the interviewer's, which the informant's, and the informant id the text
 * gives.
 *
 * The interviewer is, in this order: the labels of --interviewer; those
 * the front matter lists and the known words ("Haastattelija", "H", "I",
 * "Kysyjä", ...); the one speaker left when the others are known to answer
 * ("Vastaaja", "V", the declared informant); the speaker who asks, when
 * clearly so (most turns end in '?', twice the share of anyone else);
 * else the one whose turns are clearly the shortest. The
 * informant id is the front matter's, else the one other label unless it
 * is a generic word ("V", "Vastaaja", "Haastateltava", "R"): generic
 * labels name nobody, so the caller names the informant (import uses the
 * file name).
 * Must always hold: every decision made on thin evidence, and every file
 * where none could be made, leaves a warning. */
#include "base/base-private.h"
#include "project/transcript-private.h"

#include <string.h>

typedef struct {
  const char *name; /* owned by the turns */
  guint turns;
  guint questions; /* turns ending in '?' */
  guint words;     /* in all its turns */
  guint line;      /* of the first turn */
  gboolean interviewer;
} Speaker;

/* A byte position moving forward through the text with its code point. */
typedef struct {
  const char *text;
  const char *at;
  guint cp;
} Cursor;

static const char *
seek (Cursor *c, guint cp)
{
  while (c->cp < cp && *c->at) {
    c->at = g_utf8_next_char (c->at);
    c->cp++;
  }
  return c->at;
}

/* Does the turn [s, e) end in a question mark (after marks like
 * "[naurua]")? */
static gboolean
asks (const char *s, const char *e)
{
  gsize n = (gsize) (e - s);
  for (;;) {
    while (n > 0 && g_ascii_isspace (s[n - 1]))
      n--;
    char close = n ? s[n - 1] : 0;
    char open = close == ']' ? '[' : close == ')' ? '(' : 0;
    const char *o =
      open ? g_strrstr_len (s, (gssize) n, open == '[' ? "[" : "(") : NULL;
    if (!o)
      break;
    n = (gsize) (o - s);
  }
  return n > 0 && s[n - 1] == '?';
}

static guint
count_words (const char *s, const char *e)
{
  guint n = 0;
  gboolean in_word = FALSE;
  for (; s < e; s++) {
    gboolean space = g_ascii_isspace (*s);
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

static GArray *
collect_speakers (const TeemaTranscript *t)
{
  GArray *sp = g_array_new (FALSE, TRUE, sizeof (Speaker));
  Cursor c = { t->text, t->text, 0 };
  for (guint i = 0; i < t->turns->len; i++) {
    const TeemaTurn *turn = &g_array_index (t->turns, TeemaTurn, i);
    Speaker *s = NULL;
    for (guint k = 0; k < sp->len && !s; k++)
      if (g_str_equal (g_array_index (sp, Speaker, k).name, turn->speaker))
        s = &g_array_index (sp, Speaker, k);
    if (!s) {
      Speaker fresh = { turn->speaker, 0, 0, 0, turn->line, FALSE };
      g_array_append_val (sp, fresh);
      s = &g_array_index (sp, Speaker, sp->len - 1);
    }
    const char *start = seek (&c, turn->start);
    const char *end = seek (&c, turn->end);
    s->turns++;
    s->questions += asks (start, end);
    s->words += count_words (start, end);
  }
  return sp;
}

static gboolean
answers (const TeemaTranscript *t, const char *name)
{
  const TeemaTranscriptOptions *o = t->options;
  return teema_labels__answers (name)
         || teema_labels__in_list (name,
                                   g_hash_table_lookup (t->meta, "informant"))
         || (o && teema_labels__in_list (name, o->informant));
}

static guint
by_list (GArray *sp, const char *list)
{
  guint n = 0;
  for (guint i = 0; i < sp->len; i++) {
    Speaker *s = &g_array_index (sp, Speaker, i);
    s->interviewer = teema_labels__in_list (s->name, list);
    n += s->interviewer;
  }
  return n;
}

static guint
by_words (const TeemaTranscript *t, GArray *sp)
{
  const char *listed = g_hash_table_lookup (t->meta, "interviewer");
  guint n = 0;
  for (guint i = 0; i < sp->len; i++) {
    Speaker *s = &g_array_index (sp, Speaker, i);
    s->interviewer =
      teema_labels__in_list (s->name, listed)
      || (teema_labels__is_interviewer_word (s->name) && !answers (t, s->name));
    n += s->interviewer;
  }
  return n;
}

/* One speaker left when all the others are known to answer. */
static Speaker *
by_elimination (const TeemaTranscript *t, GArray *sp)
{
  Speaker *left = NULL;
  guint n_left = 0;
  for (guint i = 0; i < sp->len; i++) {
    Speaker *s = &g_array_index (sp, Speaker, i);
    if (!answers (t, s->name)) {
      left = s;
      n_left++;
    }
  }
  return n_left == 1 && sp->len >= 2 ? left : NULL;
}

/* The speaker who clearly asks the questions, or NULL. */
static Speaker *
by_questions (const TeemaTranscript *t, GArray *sp)
{
  Speaker *best = NULL;
  double best_r = 0, second_r = 0;
  for (guint i = 0; i < sp->len; i++) {
    Speaker *s = &g_array_index (sp, Speaker, i);
    double r = (double) s->questions / s->turns;
    if (answers (t, s->name))
      continue;
    if (!best || r > best_r) {
      second_r = best ? best_r : second_r;
      best = s;
      best_r = r;
    } else if (r > second_r) {
      second_r = r;
    }
  }
  gboolean clear =
    best && best->turns >= 2 && best_r >= 0.5 && best_r >= 2 * second_r;
  return clear ? best : NULL;
}

/* The speaker whose turns are clearly the shortest (under 40% of the
 * next shortest on average, over three turns or more), or NULL: who
 * prompts ("Kerro aluksi...") rather than asks. */
static Speaker *
by_length (const TeemaTranscript *t, GArray *sp)
{
  Speaker *best = NULL;
  double best_m = 0, second_m = 0;
  for (guint i = 0; i < sp->len; i++) {
    Speaker *s = &g_array_index (sp, Speaker, i);
    double m = (double) s->words / s->turns;
    if (answers (t, s->name))
      continue;
    if (!best || m < best_m) {
      second_m = best ? best_m : second_m;
      best = s;
      best_m = m;
    } else if (second_m == 0 || m < second_m) {
      second_m = m;
    }
  }
  gboolean clear =
    best && best->turns >= 3 && second_m > 0 && best_m < 0.4 * second_m;
  return clear ? best : NULL;
}

static void
recognise (TeemaTranscript *t, GArray *sp)
{
  if (by_words (t, sp) || sp->len < 2)
    return;
  Speaker *s = by_elimination (t, sp);
  if (s) {
    s->interviewer = TRUE;
    teema_transcript__warn (
      t, TEEMA_WARNING_INTERVIEWER_GUESSED, s->line,
      _ ("'%s' is taken as the interviewer: the other speakers answer (use "
         "--interviewer LABEL if that is wrong)"),
      s->name);
    return;
  }
  s = by_questions (t, sp);
  if (s) {
    s->interviewer = TRUE;
    teema_transcript__warn (
      t, TEEMA_WARNING_INTERVIEWER_GUESSED, s->line,
      _ ("'%s' is taken as the interviewer: %u of %u turns end in '?' (use "
         "--interviewer LABEL if that is wrong)"),
      s->name, s->questions, s->turns);
    return;
  }
  s = by_length (t, sp);
  if (s) {
    s->interviewer = TRUE;
    teema_transcript__warn (
      t, TEEMA_WARNING_INTERVIEWER_GUESSED, s->line,
      _ ("'%s' is taken as the interviewer: its turns are the shortest (%u "
         "words on average; use --interviewer LABEL if that is wrong)"),
      s->name, s->words / s->turns);
    return;
  }
  teema_transcript__warn (
    t, TEEMA_WARNING_NO_INTERVIEWER, 0,
    _ ("no speaker is recognised as the interviewer, so all speech is counted "
       "as the informant's; name the interviewer's label with --interviewer "
       "LABEL or 'interviewer: LABEL' in a header"));
}

static char *
join_names (GArray *sp, gboolean interviewer)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < sp->len; i++) {
    const Speaker *k = &g_array_index (sp, Speaker, i);
    if (k->interviewer == interviewer)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", k->name);
  }
  return s->len ? g_string_free (s, FALSE) : (g_string_free (s, TRUE), NULL);
}

static void
choose (TeemaTranscript *t, GArray *sp)
{
  const char *option = t->options ? t->options->interviewer : NULL;
  if (option && by_list (sp, option))
    return;
  if (option) {
    g_autofree char *labels = join_names (sp, FALSE);
    teema_transcript__warn (t, TEEMA_WARNING_UNKNOWN_INTERVIEWER, 0,
                            _ ("--interviewer %s names no speaker of this file "
                               "(its labels: %s); recognising the interviewer"),
                            option, labels ? labels : "none");
  }
  recognise (t, sp);
}

static void
name_informant (TeemaTranscript *t, GArray *sp)
{
  guint others = 0;
  const Speaker *other = NULL;
  for (guint i = 0; i < sp->len; i++)
    if (!g_array_index (sp, Speaker, i).interviewer) {
      other = &g_array_index (sp, Speaker, i);
      others++;
    }
  if (others == 1 && !teema_labels__is_generic (other->name))
    t->informant = g_strdup (other->name);
  if (others > 1)
    teema_transcript__warn (
      t, TEEMA_WARNING_SEVERAL_SPEAKERS, 0,
      _ ("several speakers besides the interviewer (%s): all of their speech "
         "is counted as one informant's"),
      t->speakers);
}

void
teema_roles__assign (TeemaTranscript *t)
{
  if (!t->labelled) {
    teema_transcript__warn (
      t, TEEMA_WARNING_NO_LABELS, 0,
      g_dngettext (GETTEXT_PACKAGE,
                   "no speaker labels: all %u paragraph is counted as the "
                   "informant's speech (label the turns, e.g. 'H:' and 'V:', "
                   "if the interviewer speaks in it)",
                   "no speaker labels: all %u paragraphs are counted as the "
                   "informant's speech (label the turns, e.g. 'H:' and 'V:', "
                   "if the interviewer speaks in it)",
                   t->turns->len),
      t->turns->len);
    return;
  }
  g_autoptr (GArray) sp = collect_speakers (t);
  choose (t, sp);
  for (guint i = 0; i < t->turns->len; i++) {
    TeemaTurn *turn = &g_array_index (t->turns, TeemaTurn, i);
    for (guint k = 0; k < sp->len; k++)
      if (g_str_equal (g_array_index (sp, Speaker, k).name, turn->speaker))
        turn->interviewer = g_array_index (sp, Speaker, k).interviewer;
  }
  t->interviewer = join_names (sp, TRUE);
  t->speakers = join_names (sp, FALSE);
  name_informant (t, sp);
}
