/* tui/state.c — the interactive coder's state: the segments, the coder's
 * codings, the library's rule suggestions, rejections and memos, the
 * filters, and the session's undo and redo stacks.
 *
 * Segments are listed without their text, and a segment's text is read
 * when it is shown (the current one and its neighbours), so a session on
 * a project of a million words opens at once; codings are read as keys
 * (segment, theme) without their notes.
 *
 * Must always hold: the in-memory sets mirror the project after every
 * step, because each step writes through the library first and then
 * re-reads what it changed (the coder's codings of that theme on that
 * segment, the segment's open suggestions; after a theme was added or
 * renamed, everything); cur indexes visible (or visible is empty). */
#include "tui.h"

#include <stdarg.h>
#include <string.h>

/* "seg\x1ftheme", built without printf: a session puts every rule
 * coding of the project into a set at start. */
static char *
key_of (gint64 seg, const char *theme)
{
  char digits[24];
  guint n = 0;
  guint64 v = seg < 0 ? 0 : (guint64) seg;
  do {
    digits[n++] = (char) ('0' + v % 10);
    v /= 10;
  } while (v && n < sizeof digits);
  gsize len = strlen (theme);
  char *key = g_malloc (n + 1 + len + 1);
  for (guint i = 0; i < n; i++)
    key[i] = digits[n - 1 - i];
  key[n] = '\x1f';
  memcpy (key + n + 1, theme, len + 1);
  return key;
}

gboolean
tui_has (GHashTable *set, gint64 seg, const char *theme)
{
  g_autofree char *k = key_of (seg, theme);
  return g_hash_table_contains (set, k);
}

static void
set_put (GHashTable *set, gint64 seg, const char *theme, gboolean on)
{
  char *k = key_of (seg, theme);
  if (on)
    g_hash_table_add (set, k);
  else {
    g_hash_table_remove (set, k);
    g_free (k);
  }
}

void
tui_status (TuiState *st, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_free (st->status);
  st->status = g_strdup_vprintf (fmt, ap);
  va_end (ap);
}

const char *
tui_theme_name (const TuiState *st, const TeemaTheme *t)
{
  return teema_theme_label (t, st->lang);
}

/* Records one of the coder's codings in mine (and partial while every
 * coding of the pair seen so far covers only part of its segment). */
static void
put_mine (TuiState *st, const TeemaCoding *c)
{
  const TeemaSegment *s = g_hash_table_lookup (st->by_id, &c->segment_id);
  gboolean whole = !s || (c->start <= s->start && c->end >= s->end);
  gboolean first = !tui_has (st->mine, c->segment_id, c->theme);
  set_put (st->mine, c->segment_id, c->theme, TRUE);
  if (whole)
    set_put (st->partial, c->segment_id, c->theme, FALSE);
  else if (first)
    set_put (st->partial, c->segment_id, c->theme, TRUE);
}

/* Re-reads the coder's codings of theme on seg. */
static void
refresh_mine (TuiState *st, gint64 seg, const char *theme)
{
  TeemaCodingFilter f = { st->coder, theme, NULL, seg, FALSE };
  g_autoptr (GPtrArray) list = teema_coding_list (st->project, &f, NULL);
  set_put (st->mine, seg, theme, FALSE);
  set_put (st->partial, seg, theme, FALSE);
  for (guint i = 0; list && i < list->len; i++)
    put_mine (st, list->pdata[i]);
}

/* Puts the open suggestions of list into the cache, one array per segment;
 * when seg is not 0, seg gets an entry even when it has none. */
static void
cache_suggestions (TuiState *st, gint64 seg, GPtrArray *list)
{
  if (seg)
    g_hash_table_insert (
      st->suggestions, g_memdup2 (&seg, sizeof (gint64)),
      g_ptr_array_new_with_free_func ((GDestroyNotify) teema_suggestion_free));
  for (guint i = 0; list && i < list->len; i++) {
    TeemaSuggestion *s = list->pdata[i];
    GPtrArray *of = g_hash_table_lookup (st->suggestions, &s->segment_id);
    if (!of) {
      of =
        g_ptr_array_new_with_free_func ((GDestroyNotify) teema_suggestion_free);
      g_hash_table_insert (st->suggestions,
                           g_memdup2 (&s->segment_id, sizeof (gint64)), of);
    }
    g_ptr_array_add (of, g_steal_pointer (&list->pdata[i]));
  }
}

/* Re-reads the open suggestions of seg; 0 forgets them all, to be read
 * again a segment at a time as turns are shown (reading every segment's
 * at start-up was half the time to the first screen of a large project). */
static void
refresh_suggestions (TuiState *st, gint64 seg)
{
  if (!seg) {
    g_hash_table_remove_all (st->suggestions);
    st->suggestions_all = FALSE;
    return;
  }
  TeemaSuggestionFilter f = { st->coder, seg, NULL, NULL };
  g_autoptr (GPtrArray) list = teema_suggestion_list (st->project, &f, NULL);
  cache_suggestions (st, seg, list);
}

void
tui_load_suggestions (TuiState *st)
{
  if (st->suggestions_all)
    return;
  TeemaSuggestionFilter f = { st->coder, 0, NULL, NULL };
  g_autoptr (GPtrArray) list = teema_suggestion_list (st->project, &f, NULL);
  g_hash_table_remove_all (st->suggestions);
  cache_suggestions (st, 0, list);
  st->suggestions_all = list != NULL;
}

void
tui_fetch_pending (TuiState *st, gint64 seg)
{
  if (seg && !st->suggestions_all
      && !g_hash_table_contains (st->suggestions, &seg))
    refresh_suggestions (st, seg);
}

GPtrArray *
tui_pending (const TuiState *st, gint64 seg)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *of = g_hash_table_lookup (st->suggestions, &seg);
  for (guint i = 0; of && i < of->len; i++)
    g_ptr_array_add (out, g_strdup (((TeemaSuggestion *) of->pdata[i])->theme));
  return out;
}

static gboolean
load_codings (TuiState *st, GError **error)
{
  TeemaCodingFilter mine_f = { st->coder, NULL, NULL, 0, TRUE };
  TeemaCodingFilter rules_f = { TEEMA_CODER_RULES, NULL, NULL, 0, TRUE };
  g_autoptr (GPtrArray) mine = teema_coding_list (st->project, &mine_f, error);
  g_autoptr (GPtrArray) rules =
    mine ? teema_coding_list (st->project, &rules_f, error) : NULL;
  g_autoptr (GPtrArray) rej =
    rules ? teema_rejection_list (st->project, st->coder, error) : NULL;
  TeemaMemoFilter mf = { st->coder, NULL };
  g_autoptr (GPtrArray) memos =
    rej ? teema_memo_list (st->project, &mf, error) : NULL;
  if (!memos)
    return FALSE;
  g_hash_table_remove_all (st->mine);
  g_hash_table_remove_all (st->partial);
  g_hash_table_remove_all (st->rules);
  g_hash_table_remove_all (st->rejected);
  g_hash_table_remove_all (st->memos);
  for (guint i = 0; i < mine->len; i++)
    put_mine (st, mine->pdata[i]);
  /* Coding as "rules", the rule codings are one's own, not suggestions. */
  gboolean suggest = !g_str_equal (st->coder, TEEMA_CODER_RULES);
  for (guint i = 0; suggest && i < rules->len; i++) {
    TeemaCoding *c = rules->pdata[i];
    set_put (st->rules, c->segment_id, c->theme, TRUE);
  }
  for (guint i = 0; i < rej->len; i++) {
    TeemaCoding *c = rej->pdata[i];
    set_put (st->rejected, c->segment_id, c->theme, TRUE);
  }
  for (guint i = 0; i < memos->len; i++) {
    TeemaMemo *m = memos->pdata[i];
    g_hash_table_insert (st->memos, g_memdup2 (&m->segment_id, sizeof (gint64)),
                         g_strdup (m->text));
  }
  refresh_suggestions (st, 0);
  return TRUE;
}

static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *fa = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = b ? g_utf8_casefold (b, -1) : NULL;
  return g_strcmp0 (fa, fb) == 0;
}

static gboolean
passes (const TuiState *st, const TeemaSegment *s)
{
  if (s->interviewer)
    return FALSE;
  if (st->f_informant && !same_text (s->informant, st->f_informant))
    return FALSE;
  if (st->f_group && !same_text (s->group, st->f_group))
    return FALSE;
  return !st->f_theme || tui_has (st->mine, s->id, st->f_theme)
         || tui_has (st->rules, s->id, st->f_theme);
}

/* Reads the text of all[i] (a turn shown now) when it has none yet. */
static void
ensure_text (TuiState *st, gint64 i)
{
  if (i < 0 || i >= st->all->len)
    return;
  TeemaSegment *s = st->all->pdata[i];
  if (s->text)
    return;
  GError *error = NULL;
  g_autoptr (TeemaSegment) full =
    teema_segment_get (st->project, s->id, &error);
  if (!full) {
    tui_status (st, _ ("cannot read segment %lld: %s"), (long long) s->id,
                error->message);
    g_error_free (error);
    s->text = g_strdup ("");
    return;
  }
  s->text = g_steal_pointer (&full->text);
}

void
tui_stop_choosing (TuiState *st)
{
  st->choosing = FALSE;
  g_clear_pointer (&st->sentences, g_array_unref);
  g_clear_pointer (&st->chosen, g_array_unref);
}

static void
select_index (TuiState *st, guint i)
{
  if (i != st->cur || st->scroll)
    tui_stop_choosing (st);
  st->cur = i;
  st->scroll = 0;
  if (i < st->visible->len) {
    gint64 at = g_array_index (st->visible, guint, i);
    for (gint64 k = at - 1; k <= at + 1; k++)
      ensure_text (st, k);
  }
  g_array_set_size (st->hits, 0);
  const TeemaSegment *s = tui_current (st);
  if (s)
    st->anchor = g_array_index (st->visible, guint, i);
  if (s && st->highlighter) {
    GArray *h = teema_highlighter_hits (st->highlighter, s);
    g_array_append_vals (st->hits, h->data, h->len);
    g_array_unref (h);
  }
}

void
tui_refilter (TuiState *st)
{
  const TeemaSegment *was = tui_current (st);
  guint anchor = st->anchor;
  g_array_set_size (st->visible, 0);
  guint keep = G_MAXUINT;
  for (guint i = 0; i < st->all->len; i++) {
    const TeemaSegment *s = st->all->pdata[i];
    if (!passes (st, s))
      continue;
    if (keep == G_MAXUINT && i >= anchor)
      keep = st->visible->len; /* the current one, or the next after it */
    g_array_append_val (st->visible, i);
  }
  if (keep == G_MAXUINT)
    keep = st->visible->len ? st->visible->len - 1 : 0;
  st->cur = G_MAXUINT; /* a new position: reset the view */
  select_index (st, keep);
  if (!tui_current (st) && was)
    st->anchor = anchor;
}

/* Reads the codebook again (a theme was added or renamed) and every
 * coding, since theme ids in the sets may have changed. */
static gboolean
reload (TuiState *st, GError **error)
{
  TeemaCodebook *cb = teema_codebook_get (st->project, error);
  if (!cb)
    return FALSE;
  teema_codebook_free (st->codebook);
  st->codebook = cb;
  st->lang = teema_codebook_language (cb);
  return load_codings (st, error);
}

TuiState *
tui_state_new (TeemaProject *project, const char *coder, const char *informant,
               const char *group, const char *theme, GError **error)
{
  TuiState *st = g_new0 (TuiState, 1);
  st->project = project;
  st->coder = g_strdup (coder);
  st->f_informant = g_strdup (informant);
  st->f_group = g_strdup (group);
  st->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  st->hits = g_array_new (FALSE, FALSE, sizeof (TeemaHighlight));
  st->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->partial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->suggestions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  st->memos =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  st->doc_turns =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  st->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  st->undo = g_array_new (FALSE, FALSE, sizeof (TuiStep));
  st->redo = g_array_new (FALSE, FALSE, sizeof (TuiStep));
  st->input = g_string_new (NULL);
  TeemaSegmentFilter all = { NULL, NULL, TRUE, TRUE };
  if (!(st->all = teema_segment_list (project, &all, error))) {
    tui_state_free (st);
    return NULL;
  }
  for (guint i = 0; i < st->all->len; i++) {
    TeemaSegment *s = st->all->pdata[i];
    g_hash_table_insert (st->by_id, &s->id, s);
    gpointer n = g_hash_table_lookup (st->doc_turns, &s->document_id);
    g_hash_table_insert (st->doc_turns,
                         g_memdup2 (&s->document_id, sizeof (gint64)),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
  }
  const TeemaTheme *t = NULL;
  if (!reload (st, error)
      || (theme && !(t = teema_codebook_find (st->codebook, theme, error)))) {
    tui_state_free (st);
    return NULL;
  }
  st->f_theme = t ? g_strdup (t->code) : NULL;
  GError *local = NULL;
  st->highlighter = teema_highlighter_new (project, &local);
  if (!st->highlighter) {
    tui_status (st, _ ("no highlights: %s"), local->message);
    g_error_free (local);
  }
  tui_refilter (st);
  return st;
}

static void
step_clear (gpointer p)
{
  TuiStep *s = p;
  g_free (s->theme);
  g_free (s->other);
  g_free (s->old_text);
  g_free (s->new_text);
}

void
tui_state_free (TuiState *st)
{
  if (!st)
    return;
  g_free (st->coder);
  g_free (st->f_informant);
  g_free (st->f_group);
  g_free (st->f_theme);
  g_free (st->search);
  g_free (st->status);
  g_free (st->pending);
  g_free (st->last_theme);
  tui_stop_choosing (st);
  if (st->found)
    g_hash_table_destroy (st->found);
  teema_codebook_free (st->codebook);
  teema_highlighter_free (st->highlighter);
  g_hash_table_destroy (st->by_id);
  if (st->all)
    g_ptr_array_unref (st->all);
  g_array_unref (st->visible);
  g_array_unref (st->hits);
  g_hash_table_destroy (st->mine);
  g_hash_table_destroy (st->partial);
  g_hash_table_destroy (st->rules);
  g_hash_table_destroy (st->rejected);
  g_hash_table_destroy (st->suggestions);
  g_hash_table_destroy (st->memos);
  g_hash_table_destroy (st->doc_turns);
  g_array_set_clear_func (st->undo, step_clear);
  g_array_set_clear_func (st->redo, step_clear);
  g_array_unref (st->undo);
  g_array_unref (st->redo);
  g_string_free (st->input, TRUE);
  g_free (st);
}

const TeemaSegment *
tui_current (const TuiState *st)
{
  if (!st->all || st->cur >= st->visible->len)
    return NULL;
  return st->all->pdata[g_array_index (st->visible, guint, st->cur)];
}

const TeemaSegment *
tui_neighbour (const TuiState *st, int delta)
{
  if (st->cur >= st->visible->len)
    return NULL;
  gint64 i = (gint64) g_array_index (st->visible, guint, st->cur) + delta;
  if (i < 0 || i >= st->all->len)
    return NULL;
  const TeemaSegment *n = st->all->pdata[i];
  return n->document_id == tui_current (st)->document_id ? n : NULL;
}

guint
tui_doc_turns (const TuiState *st, const TeemaSegment *seg)
{
  return GPOINTER_TO_UINT (
    g_hash_table_lookup (st->doc_turns, &seg->document_id));
}

/* ---- steps: written through the library, then mirrored ------------------ */

static gboolean
apply_coding (TuiState *st, const TuiStep *s, gboolean on, GError **error)
{
  const TeemaSegment *seg = g_hash_table_lookup (st->by_id, &s->segment);
  guint to = s->to == G_MAXUINT && seg ? seg->end - seg->start : s->to;
  if (s->to == G_MAXUINT && on)
    return teema_coding_add (st->project, s->segment, s->theme, st->coder, NULL,
                             error);
  return on ? teema_coding_add_range (st->project, s->segment, s->theme,
                                      st->coder, s->from, to, NULL, error)
            : teema_coding_remove_range (st->project, s->segment, s->theme,
                                         st->coder, s->from, to, NULL, error);
}

static gboolean
apply_rename (TuiState *st, const TuiStep *s, gboolean forward, GError **error)
{
  const char *from = forward ? s->theme : s->other;
  const char *to = forward ? s->other : s->theme;
  const char *label = forward ? s->new_text : s->old_text;
  gboolean en = g_strcmp0 (st->lang, "en") == 0;
  TeemaThemeFields f = { NULL,
                         en ? NULL : (label ? label : ""),
                         en ? (label ? label : "") : NULL,
                         NULL,
                         NULL,
                         NULL };
  return (g_str_equal (from, to)
          || teema_theme_rename (st->project, from, to, error))
         && teema_theme_update (st->project, to, &f, error);
}

static gboolean
apply_add (TuiState *st, const TuiStep *s, gboolean on, GError **error)
{
  gboolean en = g_strcmp0 (st->lang, "en") == 0;
  TeemaThemeFields f = {
    s->other, en ? NULL : s->new_text, en ? s->new_text : NULL, NULL, NULL, NULL
  };
  return on ? teema_theme_add (st->project, s->theme, &f, error)
            : teema_theme_remove (st->project, s->theme, FALSE, NULL, error);
}

/* Writes step (or its inverse) through the library. */
static gboolean
write_step (TuiState *st, const TuiStep *s, gboolean forward, GError **error)
{
  gboolean on = forward ? s->on : !s->on;
  switch (s->kind) {
  case STEP_CODING:
    return apply_coding (st, s, on, error);
  case STEP_ACCEPT:
    return on ? teema_suggestion_accept (st->project, s->segment, s->theme,
                                         st->coder, NULL, error)
              : teema_coding_remove (st->project, s->segment, s->theme,
                                     st->coder, NULL, error);
  case STEP_REJECT:
    return teema_rejection_set (st->project, s->segment, s->theme, st->coder,
                                on, error);
  case STEP_MEMO:
    return teema_memo_set (st->project, s->segment, st->coder,
                           forward ? s->new_text : s->old_text, error);
  case STEP_THEME_ADD:
    return apply_add (st, s, on, error);
  case STEP_THEME_RENAME:
    return apply_rename (st, s, forward, error);
  }
  return FALSE;
}

/* Re-reads what step changed. */
static gboolean
mirror (TuiState *st, const TuiStep *s, gboolean forward, GError **error)
{
  const char *text = forward ? s->new_text : s->old_text;
  switch (s->kind) {
  case STEP_CODING:
  case STEP_ACCEPT:
    refresh_mine (st, s->segment, s->theme);
    refresh_suggestions (st, s->segment);
    return TRUE;
  case STEP_REJECT:
    set_put (st->rejected, s->segment, s->theme, forward ? s->on : !s->on);
    refresh_suggestions (st, s->segment);
    return TRUE;
  case STEP_MEMO:
    if (text && *text)
      g_hash_table_insert (st->memos, g_memdup2 (&s->segment, sizeof (gint64)),
                           g_strdup (text));
    else
      g_hash_table_remove (st->memos, &s->segment);
    return TRUE;
  case STEP_THEME_ADD:
  case STEP_THEME_RENAME:
    if (s->kind == STEP_THEME_RENAME && st->f_theme
        && g_str_equal (st->f_theme, forward ? s->theme : s->other)) {
      g_free (st->f_theme);
      st->f_theme = g_strdup (forward ? s->other : s->theme);
    }
    return reload (st, error);
  }
  return FALSE;
}

/* Applies step forward (or its inverse); FALSE with the status set. */
gboolean
tui_apply (TuiState *st, const TuiStep *s, gboolean forward)
{
  GError *error = NULL;
  if (!write_step (st, s, forward, &error)
      || !mirror (st, s, forward, &error)) {
    tui_status (st, _ ("not saved: %s"), error->message);
    g_error_free (error);
    return FALSE;
  }
  return TRUE;
}

/* Does a new step (taking ownership of its strings) and records it. */
gboolean
tui_do (TuiState *st, TuiStep step)
{
  step.group = st->next_group;
  if (!tui_apply (st, &step, TRUE)) {
    step_clear (&step);
    return FALSE;
  }
  g_array_append_val (st->undo, step);
  g_array_set_clear_func (st->redo, step_clear);
  g_array_set_size (st->redo, 0);
  g_array_set_clear_func (st->redo, NULL);
  return TRUE;
}

/* Moves the last group of steps from one stack to the other, undoing
 * (forward FALSE) or redoing them; returns how many moved. Undo takes a
 * group's steps last first, so a theme's coding goes before the theme. */
guint
tui_replay (TuiState *st, gboolean forward)
{
  GArray *from = forward ? st->redo : st->undo;
  GArray *to = forward ? st->undo : st->redo;
  if (from->len == 0)
    return 0;
  guint group = g_array_index (from, TuiStep, from->len - 1).group, n = 0;
  while (from->len
         && g_array_index (from, TuiStep, from->len - 1).group == group) {
    TuiStep s = g_array_index (from, TuiStep, from->len - 1);
    if (!tui_apply (st, &s, forward))
      break;
    g_array_append_val (to, s);
    g_array_set_size (from, from->len - 1);
    n++;
    /* Show the segment the step was on. */
    for (guint i = 0; s.segment && i < st->visible->len; i++)
      if (((TeemaSegment *)
             st->all->pdata[g_array_index (st->visible, guint, i)])
            ->id
          == s.segment)
        select_index (st, i);
  }
  return n;
}

void
tui_select (TuiState *st, guint i)
{
  if (i < st->visible->len)
    select_index (st, i);
}
