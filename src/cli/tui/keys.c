/* tui/keys.c — the key table and the actions it names.
 *
 * Key bindings are data (tui_bindings); the help view is generated from
 * the same table, so what help shows is what the keys do. Each action is a
 * function of the state; a key press that writes several steps (accept
 * all) gives them one undo group. Themes past the 35 theme keys are
 * reached with ':' and a code; the codebook pane scrolls with [ and ], and
 * toggling a theme scrolls it into view.
 * Must always hold: a prompt owns every key until Enter or Esc. */
#include "tui.h"

#include <curses.h>
#include <string.h>

/* N is search-next, so it is not a theme key. */
const char TUI_THEME_KEYS[] = "1234567890ABCDEFGHIJKLMOPQRSTUVWXYZ";

/* Help texts fit 29 columns, so that the help view fits two columns of an
 * 80-column terminal. */
const TuiBinding tui_bindings[] = {
  { 'j', "j", ACT_NEXT, "next segment" },
  { TUI_FN (KEY_DOWN), "Down", ACT_NEXT, "next segment" },
  { 'k', "k", ACT_PREV, "previous segment" },
  { TUI_FN (KEY_UP), "Up", ACT_PREV, "previous segment" },
  { TUI_FN (KEY_NPAGE), "PgDn", ACT_PAGE_NEXT, "10 segments on" },
  { TUI_FN (KEY_PPAGE), "PgUp", ACT_PAGE_PREV, "10 segments back" },
  { 'g', "g", ACT_FIRST, "first segment" },
  { TUI_FN (KEY_HOME), "Home", ACT_FIRST, "first segment" },
  { TUI_FN (KEY_END), "End", ACT_LAST, "last segment" },
  { 'n', "n", ACT_NEXT_UNCODED, "next segment not coded by you" },
  { 's', "s", ACT_NEXT_SUGGESTED, "next with open suggestions" },
  { 't', "t", ACT_NEXT_THEME, "next with a theme you name" },
  { '/', "/", ACT_SEARCH, "search segments with a rule" },
  { 'N', "N", ACT_SEARCH_NEXT, "next search match" },
  { 'f', "f", ACT_FILTER, "filter informant/group/theme" },
  { ':', ":", ACT_THEME_PROMPT, "code/uncode a theme by code" },
  { '[', "[", ACT_CODEBOOK_UP, "scroll the codebook up" },
  { ']', "]", ACT_CODEBOOK_DOWN, "scroll the codebook down" },
  { 'm', "m", ACT_MEMO, "write the segment's memo" },
  { 'a', "a", ACT_ACCEPT, "accept the first suggestion" },
  { 'r', "r", ACT_REJECT, "reject the first suggestion" },
  { '+', "+", ACT_ACCEPT_ALL, "accept all suggestions" },
  { '-', "-", ACT_REJECT_ALL, "reject all suggestions" },
  { 'u', "u", ACT_UNDO, "undo" },
  { TUI_CTRL ('r'), "Ctrl-R", ACT_REDO, "redo" },
  { '?', "?", ACT_HELP, "this help (any key closes it)" },
  { TUI_FN (KEY_F (1)), "F1", ACT_HELP, "this help" },
  { 'q', "q", ACT_QUIT, "quit (all is saved already)" },
  { 0, NULL, ACT_NONE, NULL },
};

static void
move_by (TuiState *st, int delta)
{
  gint64 i = (gint64) st->cur + delta;
  i = CLAMP (i, 0, (gint64) st->visible->len - 1);
  tui_select (st, (guint) MAX (i, 0));
}

static const TeemaSegment *
visible_at (const TuiState *st, guint i)
{
  return st->all->pdata[g_array_index (st->visible, guint, i)];
}

typedef gboolean (*SegmentTest) (const TuiState *st, const TeemaSegment *s,
                                 gconstpointer data);

/* Jumps to the next visible segment (wrapping) that passes test. */
static gboolean
jump (TuiState *st, SegmentTest test, gconstpointer data, const char *what)
{
  guint n = st->visible->len;
  for (guint k = 1; k <= n; k++) {
    guint i = (st->cur + k) % n;
    if (test (st, visible_at (st, i), data)) {
      tui_select (st, i);
      tui_status (st, "%s%s", what, i <= st->cur ? " (wrapped)" : "");
      return TRUE;
    }
  }
  tui_status (st, "no %s", what);
  return FALSE;
}

static gboolean
is_uncoded (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  for (guint i = 0; i < teema_codebook_size (st->codebook); i++)
    if (tui_has (st->mine, s->id, teema_codebook_theme (st->codebook, i)->code))
      return FALSE;
  return TRUE;
}

static gboolean
is_suggested (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  g_autoptr (GPtrArray) p = tui_pending (st, s->id);
  return p->len > 0;
}

static gboolean
has_theme (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  return tui_has (st->mine, s->id, data) || tui_has (st->rules, s->id, data);
}

static gboolean
is_found (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  return st->found && g_hash_table_contains (st->found, &s->id);
}

/* Scrolls the codebook pane by delta themes, within the codebook. */
static void
scroll_codebook (TuiState *st, int delta)
{
  gint64 rows = MAX (tui_codebook_rows (LINES), 1);
  gint64 n = teema_codebook_size (st->codebook);
  gint64 top = (gint64) st->cb_top + delta;
  st->cb_top = (guint) CLAMP (top, 0, MAX (n - rows, 0));
}

/* Scrolls the codebook pane, if needed, to show theme i. */
static void
reveal (TuiState *st, guint i)
{
  guint rows = (guint) MAX (tui_codebook_rows (LINES), 1);
  if (i < st->cb_top)
    st->cb_top = i;
  else if (i >= st->cb_top + rows)
    st->cb_top = i - rows + 1;
}

/* Codes or uncodes theme i of the codebook for the coder. */
static void
toggle (TuiState *st, guint i)
{
  const TeemaSegment *s = tui_current (st);
  if (!s)
    return;
  const char *theme = teema_codebook_theme (st->codebook, i)->code;
  reveal (st, i);
  gboolean on = !tui_has (st->mine, s->id, theme);
  TuiStep step = { STEP_CODING, 0, s->id, g_strdup (theme), on, NULL, NULL };
  if (tui_do (st, step))
    tui_status (st, "%s %s", on ? "coded" : "uncoded", theme);
}

/* Accepts (codes) or rejects the first or all open suggestions. */
static void
decide (TuiState *st, gboolean accept, gboolean all)
{
  const TeemaSegment *s = tui_current (st);
  g_autoptr (GPtrArray) p = s ? tui_pending (st, s->id) : NULL;
  if (!p || p->len == 0) {
    tui_status (st, "no open suggestions here");
    return;
  }
  guint n = all ? p->len : 1;
  for (guint i = 0; i < n; i++) {
    TuiStep step = { accept ? STEP_CODING : STEP_REJECT,
                     0,
                     s->id,
                     g_strdup (p->pdata[i]),
                     TRUE,
                     NULL,
                     NULL };
    if (!tui_do (st, step))
      return;
  }
  tui_status (st, "%s %s%s", accept ? "accepted" : "rejected",
              (char *) p->pdata[0], n > 1 ? " and the rest" : "");
}

static void
open_prompt (TuiState *st, TuiPrompt prompt, const char *text)
{
  st->prompt = prompt;
  g_string_assign (st->input, text ? text : "");
}

static void
undo_redo (TuiState *st, gboolean redo)
{
  guint n = tui_replay (st, redo);
  if (n)
    tui_status (st, "%s %u step%s", redo ? "redid" : "undid", n,
                n == 1 ? "" : "s");
  else
    tui_status (st, "nothing to %s", redo ? "redo" : "undo");
}

static void
run_action (TuiState *st, TuiAction a)
{
  const TeemaSegment *s = tui_current (st);
  switch (a) {
  case ACT_NEXT:
    move_by (st, 1);
    break;
  case ACT_PREV:
    move_by (st, -1);
    break;
  case ACT_PAGE_NEXT:
    move_by (st, 10);
    break;
  case ACT_PAGE_PREV:
    move_by (st, -10);
    break;
  case ACT_FIRST:
    tui_select (st, 0);
    break;
  case ACT_LAST:
    move_by (st, (int) st->visible->len);
    break;
  case ACT_NEXT_UNCODED:
    jump (st, is_uncoded, NULL, "uncoded segment");
    break;
  case ACT_NEXT_SUGGESTED:
    jump (st, is_suggested, NULL, "segment with suggestions");
    break;
  case ACT_NEXT_THEME:
    open_prompt (st, PROMPT_THEME, NULL);
    break;
  case ACT_SEARCH:
    open_prompt (st, PROMPT_SEARCH, st->search);
    break;
  case ACT_SEARCH_NEXT:
    jump (st, is_found, NULL, "search match");
    break;
  case ACT_FILTER:
    open_prompt (st, PROMPT_FILTER, NULL);
    break;
  case ACT_MEMO:
    if (s)
      open_prompt (st, PROMPT_MEMO, g_hash_table_lookup (st->memos, &s->id));
    break;
  case ACT_ACCEPT:
    decide (st, TRUE, FALSE);
    break;
  case ACT_REJECT:
    decide (st, FALSE, FALSE);
    break;
  case ACT_ACCEPT_ALL:
    decide (st, TRUE, TRUE);
    break;
  case ACT_REJECT_ALL:
    decide (st, FALSE, TRUE);
    break;
  case ACT_UNDO:
    undo_redo (st, FALSE);
    break;
  case ACT_REDO:
    undo_redo (st, TRUE);
    break;
  case ACT_HELP:
    st->help = TRUE;
    break;
  case ACT_QUIT:
    st->quit = TRUE;
    break;
  case ACT_THEME_PROMPT:
    if (s)
      open_prompt (st, PROMPT_TOGGLE, NULL);
    break;
  case ACT_CODEBOOK_UP:
    scroll_codebook (st, -tui_codebook_rows (LINES));
    break;
  case ACT_CODEBOOK_DOWN:
    scroll_codebook (st, tui_codebook_rows (LINES));
    break;
  case ACT_TOGGLE_THEME:
  case ACT_NONE:
    break;
  }
}

/* ---- prompts ------------------------------------------------------------- */

static void
commit_memo (TuiState *st)
{
  const TeemaSegment *s = tui_current (st);
  const char *old = g_hash_table_lookup (st->memos, &s->id);
  if (g_strcmp0 (old ? old : "", st->input->str) == 0)
    return;
  TuiStep step = {
    STEP_MEMO, 0, s->id, NULL, TRUE, g_strdup (old), g_strdup (st->input->str)
  };
  if (tui_do (st, step))
    tui_status (st, st->input->len ? "memo saved" : "memo deleted");
}

static void
commit_search (TuiState *st)
{
  GError *error = NULL;
  TeemaSegmentFilter f = { NULL, NULL, FALSE, FALSE };
  g_autoptr (GPtrArray) m =
    teema_search_run (st->project, st->input->str, &f, &error);
  if (!m) {
    tui_status (st, "%s", error->message);
    g_error_free (error);
    return;
  }
  g_free (st->search);
  st->search = g_strdup (st->input->str);
  if (st->found)
    g_hash_table_destroy (st->found);
  st->found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < m->len; i++) {
    TeemaSegment *seg = ((TeemaSearchMatch *) m->pdata[i])->segment;
    g_hash_table_add (st->found, g_memdup2 (&seg->id, sizeof (gint64)));
  }
  if (jump (st, is_found, NULL, "search match"))
    tui_status (st, "%u segments match %s (N: next)", m->len, st->search);
}

/* The codebook index of the theme text names: a theme key, a code (any
 * case), or the start of exactly one code. G_MAXUINT when none; *many
 * (if given) says whether the start fitted several codes. */
static guint
theme_index (const TuiState *st, const char *text, gboolean *many)
{
  guint n = teema_codebook_size (st->codebook), found = G_MAXUINT, hits = 0;
  const char *k = strlen (text) == 1 ? strchr (TUI_THEME_KEYS, text[0]) : NULL;
  if (many)
    *many = FALSE;
  if (k && text[0] && (guint) (k - TUI_THEME_KEYS) < n)
    return (guint) (k - TUI_THEME_KEYS);
  for (guint i = 0; i < n && *text; i++) {
    const char *code = teema_codebook_theme (st->codebook, i)->code;
    if (g_ascii_strcasecmp (code, text) == 0)
      return i;
    if (g_ascii_strncasecmp (code, text, strlen (text)) == 0 && hits++ == 0)
      found = i;
  }
  if (many)
    *many = hits > 1;
  return hits == 1 ? found : G_MAXUINT;
}

static const char *
theme_for (const TuiState *st, const char *text)
{
  guint i = theme_index (st, text, NULL);
  return i == G_MAXUINT ? NULL : teema_codebook_theme (st->codebook, i)->code;
}

static void
commit_toggle (TuiState *st)
{
  gboolean many;
  guint i = theme_index (st, st->input->str, &many);
  if (i != G_MAXUINT)
    toggle (st, i);
  else
    tui_status (st,
                many ? "'%s' starts several theme codes; type more"
                     : "no theme '%s' (see the codebook)",
                st->input->str);
}

static void
commit_filter (TuiState *st)
{
  g_auto (GStrv) words = g_strsplit (st->input->str, " ", -1);
  g_clear_pointer (&st->f_informant, g_free);
  g_clear_pointer (&st->f_group, g_free);
  g_clear_pointer (&st->f_theme, g_free);
  for (guint i = 0; words[i]; i++) {
    const char *w = words[i];
    if (g_str_has_prefix (w, "informant:"))
      st->f_informant = g_strdup (w + 10);
    else if (g_str_has_prefix (w, "group:"))
      st->f_group = g_strdup (w + 6);
    else if (g_str_has_prefix (w, "theme:") && theme_for (st, w + 6))
      st->f_theme = g_strdup (theme_for (st, w + 6));
    else if (*w)
      tui_status (st, "ignored '%s' (use informant:ID group:G theme:T)", w);
  }
  tui_refilter (st);
}

static void
commit_prompt (TuiState *st)
{
  TuiPrompt p = st->prompt;
  st->prompt = PROMPT_NONE;
  if (p == PROMPT_MEMO && tui_current (st))
    commit_memo (st);
  else if (p == PROMPT_SEARCH && st->input->len)
    commit_search (st);
  else if (p == PROMPT_FILTER)
    commit_filter (st);
  else if (p == PROMPT_TOGGLE && tui_current (st))
    commit_toggle (st);
  else if (p == PROMPT_THEME) {
    const char *t = theme_for (st, st->input->str);
    if (t)
      jump (st, has_theme, t, t);
    else
      tui_status (st, "no theme '%s'", st->input->str);
  }
}

static void
prompt_key (TuiState *st, int key)
{
  if (key == '\n' || key == '\r' || key == TUI_FN (KEY_ENTER))
    commit_prompt (st);
  else if (key == 27 || key == TUI_CTRL ('c'))
    st->prompt = PROMPT_NONE;
  else if (key == TUI_FN (KEY_BACKSPACE) || key == 127 || key == 8) {
    const char *end = st->input->str + st->input->len;
    const char *prev = g_utf8_find_prev_char (st->input->str, end);
    if (prev)
      g_string_truncate (st->input, prev - st->input->str);
  } else if (key < 0x110000 && key >= 32)
    g_string_append_unichar (st->input, (gunichar) key);
}

void
tui_key (TuiState *st, int key)
{
  if (st->prompt != PROMPT_NONE) {
    prompt_key (st, key);
    return;
  }
  if (st->help) {
    st->help = FALSE;
    return;
  }
  g_clear_pointer (&st->status, g_free);
  st->next_group++;
  const char *k = key > 0 && key < 128 ? strchr (TUI_THEME_KEYS, key) : NULL;
  if (k && (guint) (k - TUI_THEME_KEYS) < teema_codebook_size (st->codebook)) {
    toggle (st, (guint) (k - TUI_THEME_KEYS));
    return;
  }
  for (const TuiBinding *b = tui_bindings; b->action != ACT_NONE; b++)
    if (b->key == key) {
      run_action (st, b->action);
      return;
    }
}
