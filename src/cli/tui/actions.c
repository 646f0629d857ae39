/* tui/actions.c — the interactive coder's actions: one function each,
 * named and explained in one table (tui_actions), which the key table
 * (keys.c) binds keys to and the help view lists.
 *
 * A key press that writes several steps (accept all) gives them one undo
 * group. Themes past the 35 theme keys are reached with ':' and a code;
 * the codebook pane scrolls with [ and ], and toggling a theme scrolls it
 * into view.
 * Must always hold: an action changes the project only through tui_do
 * (state.c), so every change is saved at once and can be undone. */
#include "tui.h"

#include <curses.h>
#include <string.h>

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

gboolean
tui_jump (TuiState *st, TuiSegmentTest test, gconstpointer data,
          const char *what)
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

void
tui_toggle (TuiState *st, guint i)
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

void
tui_open_prompt (TuiState *st, TuiPrompt prompt, const char *text)
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

/* ---- the actions --------------------------------------------------------- */

static void
act_next (TuiState *st)
{
  move_by (st, 1);
}

static void
act_prev (TuiState *st)
{
  move_by (st, -1);
}

static void
act_page_next (TuiState *st)
{
  move_by (st, 10);
}

static void
act_page_prev (TuiState *st)
{
  move_by (st, -10);
}

static void
act_first (TuiState *st)
{
  tui_select (st, 0);
}

static void
act_last (TuiState *st)
{
  move_by (st, (int) st->visible->len);
}

static void
act_next_uncoded (TuiState *st)
{
  tui_jump (st, is_uncoded, NULL, "uncoded segment");
}

static void
act_next_suggested (TuiState *st)
{
  tui_jump (st, is_suggested, NULL, "segment with suggestions");
}

static void
act_next_theme (TuiState *st)
{
  tui_open_prompt (st, PROMPT_THEME, NULL);
}

static void
act_search (TuiState *st)
{
  tui_open_prompt (st, PROMPT_SEARCH, st->search);
}

static void
act_search_next (TuiState *st)
{
  tui_jump (st, is_found, NULL, "search match");
}

static void
act_filter (TuiState *st)
{
  tui_open_prompt (st, PROMPT_FILTER, NULL);
}

static void
act_memo (TuiState *st)
{
  const TeemaSegment *s = tui_current (st);
  if (s)
    tui_open_prompt (st, PROMPT_MEMO, g_hash_table_lookup (st->memos, &s->id));
}

static void
act_accept (TuiState *st)
{
  decide (st, TRUE, FALSE);
}

static void
act_reject (TuiState *st)
{
  decide (st, FALSE, FALSE);
}

static void
act_accept_all (TuiState *st)
{
  decide (st, TRUE, TRUE);
}

static void
act_reject_all (TuiState *st)
{
  decide (st, FALSE, TRUE);
}

static void
act_undo (TuiState *st)
{
  undo_redo (st, FALSE);
}

static void
act_redo (TuiState *st)
{
  undo_redo (st, TRUE);
}

static void
act_help (TuiState *st)
{
  st->help = TRUE;
}

static void
act_quit (TuiState *st)
{
  st->quit = TRUE;
}

static void
act_theme_prompt (TuiState *st)
{
  if (tui_current (st))
    tui_open_prompt (st, PROMPT_TOGGLE, NULL);
}

static void
act_codebook_up (TuiState *st)
{
  scroll_codebook (st, -tui_codebook_rows (LINES));
}

static void
act_codebook_down (TuiState *st)
{
  scroll_codebook (st, tui_codebook_rows (LINES));
}

/* Help texts fit 29 columns, so that the help view fits two columns of an
 * 80-column terminal. The theme keys are dispatched by tui_key. */
const TuiActionDef tui_actions[ACT_COUNT] = {
  [ACT_NONE] = { ACT_NONE, "none", "", NULL },
  [ACT_NEXT] = { ACT_NEXT, "next", "next segment", act_next },
  [ACT_PREV] = { ACT_PREV, "prev", "previous segment", act_prev },
  [ACT_PAGE_NEXT] = { ACT_PAGE_NEXT, "page-next", "10 segments on",
                      act_page_next },
  [ACT_PAGE_PREV] = { ACT_PAGE_PREV, "page-prev", "10 segments back",
                      act_page_prev },
  [ACT_FIRST] = { ACT_FIRST, "first", "first segment", act_first },
  [ACT_LAST] = { ACT_LAST, "last", "last segment", act_last },
  [ACT_NEXT_UNCODED] = { ACT_NEXT_UNCODED, "next-uncoded",
                         "next segment not coded by you", act_next_uncoded },
  [ACT_NEXT_SUGGESTED] = { ACT_NEXT_SUGGESTED, "next-suggested",
                           "next with open suggestions", act_next_suggested },
  [ACT_NEXT_THEME] = { ACT_NEXT_THEME, "next-theme",
                       "next with a theme you name", act_next_theme },
  [ACT_SEARCH] = { ACT_SEARCH, "search", "search segments with a rule",
                   act_search },
  [ACT_SEARCH_NEXT] = { ACT_SEARCH_NEXT, "search-next", "next search match",
                        act_search_next },
  [ACT_FILTER] = { ACT_FILTER, "filter", "filter informant/group/theme",
                   act_filter },
  [ACT_MEMO] = { ACT_MEMO, "memo", "write the segment's memo", act_memo },
  [ACT_ACCEPT] = { ACT_ACCEPT, "accept", "accept the first suggestion",
                   act_accept },
  [ACT_REJECT] = { ACT_REJECT, "reject", "reject the first suggestion",
                   act_reject },
  [ACT_ACCEPT_ALL] = { ACT_ACCEPT_ALL, "accept-all", "accept all suggestions",
                       act_accept_all },
  [ACT_REJECT_ALL] = { ACT_REJECT_ALL, "reject-all", "reject all suggestions",
                       act_reject_all },
  [ACT_UNDO] = { ACT_UNDO, "undo", "undo", act_undo },
  [ACT_REDO] = { ACT_REDO, "redo", "redo", act_redo },
  [ACT_HELP] = { ACT_HELP, "help", "this help (any key closes it)", act_help },
  [ACT_QUIT] = { ACT_QUIT, "quit", "quit (all is saved already)", act_quit },
  [ACT_THEME_PROMPT] = { ACT_THEME_PROMPT, "theme",
                         "code/uncode a theme by code", act_theme_prompt },
  [ACT_CODEBOOK_UP] = { ACT_CODEBOOK_UP, "codebook-up",
                        "scroll the codebook up", act_codebook_up },
  [ACT_CODEBOOK_DOWN] = { ACT_CODEBOOK_DOWN, "codebook-down",
                          "scroll the codebook down", act_codebook_down },
  [ACT_TOGGLE_THEME] = { ACT_TOGGLE_THEME, "toggle-theme",
                         "code/uncode that theme", NULL },
};
