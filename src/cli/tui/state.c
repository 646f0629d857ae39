/* tui/state.c — the interactive coder's state: the segments, the coder's
 * codings, rule suggestions, rejections and memos, the filters, and the
 * session's undo and redo stacks.
 *
 * Segments are listed without their text, and a segment's text is read
 * when it is shown (the current one and its neighbours), so a session on
 * a project of a million words opens at once; codings are read as keys
 * (segment, theme) without their notes.
 *
 * Must always hold: the in-memory sets mirror the project after every
 * step, because each step writes through the library first and updates
 * the sets only when the write succeeded; cur indexes visible (or visible
 * is empty). */
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
  for (guint i = 0; i < mine->len; i++) {
    TeemaCoding *c = mine->pdata[i];
    set_put (st->mine, c->segment_id, c->theme, TRUE);
  }
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
  return TRUE;
}

static gboolean
passes (const TuiState *st, const TeemaSegment *s)
{
  if (s->interviewer)
    return FALSE;
  if (st->f_informant && g_strcmp0 (s->informant, st->f_informant) != 0)
    return FALSE;
  if (st->f_group && g_strcmp0 (s->group, st->f_group) != 0)
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
    tui_status (st, "cannot read segment %" G_GINT64_FORMAT ": %s", s->id,
                error->message);
    g_error_free (error);
    s->text = g_strdup ("");
    return;
  }
  s->text = g_steal_pointer (&full->text);
}

static void
select_index (TuiState *st, guint i)
{
  st->cur = i;
  if (i < st->visible->len) {
    gint64 at = g_array_index (st->visible, guint, i);
    for (gint64 k = at - 1; k <= at + 1; k++)
      ensure_text (st, k);
  }
  g_array_set_size (st->hits, 0);
  const TeemaSegment *s = tui_current (st);
  if (s && st->highlighter) {
    GArray *h = teema_highlighter_hits (st->highlighter, s);
    g_array_append_vals (st->hits, h->data, h->len);
    g_array_unref (h);
  }
}

/* Recomputes the visible segments after a filter change, staying on the
 * current segment when it is still visible. */
void
tui_refilter (TuiState *st)
{
  const TeemaSegment *was = tui_current (st);
  gint64 id = was ? was->id : 0;
  g_array_set_size (st->visible, 0);
  guint keep = 0;
  for (guint i = 0; i < st->all->len; i++) {
    const TeemaSegment *s = st->all->pdata[i];
    if (!passes (st, s))
      continue;
    if (s->id == id)
      keep = st->visible->len;
    g_array_append_val (st->visible, i);
  }
  select_index (st, keep);
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
  st->f_theme = g_strdup (theme);
  st->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  st->hits = g_array_new (FALSE, FALSE, sizeof (TeemaHighlight));
  st->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->memos =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  st->doc_turns =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  st->undo = g_array_new (FALSE, FALSE, sizeof (TuiStep));
  st->redo = g_array_new (FALSE, FALSE, sizeof (TuiStep));
  st->input = g_string_new (NULL);
  st->codebook = teema_codebook_get (project, error);
  TeemaSegmentFilter all = { NULL, NULL, TRUE, TRUE };
  if (!st->codebook || !(st->all = teema_segment_list (project, &all, error))
      || !load_codings (st, error)) {
    tui_state_free (st);
    return NULL;
  }
  if (theme && !teema_codebook_lookup (st->codebook, theme)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 "unknown theme '%s' (see 'teema codebook list')", theme);
    tui_state_free (st);
    return NULL;
  }
  GError *local = NULL;
  st->highlighter = teema_highlighter_new (project, &local);
  if (!st->highlighter) {
    tui_status (st, "no highlights: %s", local->message);
    g_error_free (local);
  }
  for (guint i = 0; i < st->all->len; i++) {
    const TeemaSegment *s = st->all->pdata[i];
    gpointer n = g_hash_table_lookup (st->doc_turns, &s->document_id);
    g_hash_table_insert (st->doc_turns,
                         g_memdup2 (&s->document_id, sizeof (gint64)),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
  }
  tui_refilter (st);
  return st;
}

static void
step_clear (gpointer p)
{
  TuiStep *s = p;
  g_free (s->theme);
  g_free (s->old_memo);
  g_free (s->new_memo);
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
  if (st->found)
    g_hash_table_destroy (st->found);
  teema_codebook_free (st->codebook);
  teema_highlighter_free (st->highlighter);
  if (st->all)
    g_ptr_array_unref (st->all);
  g_array_unref (st->visible);
  g_array_unref (st->hits);
  g_hash_table_destroy (st->mine);
  g_hash_table_destroy (st->rules);
  g_hash_table_destroy (st->rejected);
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

GPtrArray *
tui_pending (const TuiState *st, gint64 seg)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < teema_codebook_size (st->codebook); i++) {
    const char *code = teema_codebook_theme (st->codebook, i)->code;
    if (tui_has (st->rules, seg, code) && !tui_has (st->mine, seg, code)
        && !tui_has (st->rejected, seg, code))
      g_ptr_array_add (out, (gpointer) code);
  }
  return out;
}

/* ---- steps: written through the library, then mirrored ------------------ */

/* Applies step forward (or its inverse); FALSE with the status set. */
gboolean
tui_apply (TuiState *st, const TuiStep *s, gboolean forward)
{
  GError *error = NULL;
  gboolean on = forward ? s->on : !s->on;
  gboolean ok;
  if (s->kind == STEP_CODING)
    ok = on ? teema_coding_add (st->project, s->segment, s->theme, st->coder,
                                NULL, &error)
            : teema_coding_remove (st->project, s->segment, s->theme, st->coder,
                                   NULL, &error);
  else if (s->kind == STEP_REJECT)
    ok = teema_rejection_set (st->project, s->segment, s->theme, st->coder, on,
                              &error);
  else
    ok = teema_memo_set (st->project, s->segment, st->coder,
                         forward ? s->new_memo : s->old_memo, &error);
  if (!ok) {
    tui_status (st, "not saved: %s", error->message);
    g_error_free (error);
    return FALSE;
  }
  if (s->kind == STEP_CODING)
    set_put (st->mine, s->segment, s->theme, on);
  else if (s->kind == STEP_REJECT)
    set_put (st->rejected, s->segment, s->theme, on);
  else {
    const char *text = forward ? s->new_memo : s->old_memo;
    if (text && *text)
      g_hash_table_insert (st->memos, g_memdup2 (&s->segment, sizeof (gint64)),
                           g_strdup (text));
    else
      g_hash_table_remove (st->memos, &s->segment);
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
 * (forward FALSE) or redoing them; returns how many moved. */
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
    for (guint i = 0; i < st->visible->len; i++)
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
