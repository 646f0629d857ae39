/* tui/actions.c — the interactive coder's actions: one function each,
 * named and explained in one table (tui_actions), which the key tables
 * (keys.c) bind keys to and the help view lists.
 *
 * A key press that writes several steps (accept all, a new theme and its
 * coding, the removal of a theme's codings) gives them one undo group.
 * Themes past the 35 theme keys are reached with ':' and a name; the
 * codebook pane scrolls with [ and ], and coding a theme scrolls it into
 * view. A turn longer than the screen scrolls before j or k moves on.
 * Must always hold: an action changes the project only through tui_do
 * (state.c), so every change is saved at once and can be undone. */
#include "tui.h"

#include <curses.h>
#include <string.h>

#define WHOLE G_MAXUINT

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
          const char *found, const char *none)
{
  guint n = st->visible->len, from = st->cur;
  for (guint k = 1; k <= n; k++) {
    guint i = (from + k) % n;
    if (test (st, visible_at (st, i), data)) {
      tui_select (st, i);
      /* from, not st->cur: tui_select has moved the cursor already. */
      /* TRANSLATORS: after what a jump found (status line), when it went
       * past the last segment and on from the first. */
      tui_status (st, "%s%s", found, i <= from ? _ (" (wrapped)") : "");
      return TRUE;
    }
  }
  tui_status (st, "%s", none);
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
  GPtrArray *of = g_hash_table_lookup (st->suggestions, &s->id);
  return of && of->len > 0;
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

static void
remember_theme (TuiState *st, const char *code)
{
  g_free (st->last_theme);
  st->last_theme = g_strdup (code);
  gint i = teema_codebook_index (st->codebook, code);
  if (i >= 0)
    reveal (st, (guint) i);
}

/* A theme as the status line names it: its label in the coder's
 * language (the id when the codebook no longer has it). */
static const char *
shown (const TuiState *st, const char *code)
{
  gint i = teema_codebook_index (st->codebook, code);
  return i >= 0
           ? tui_theme_name (st, teema_codebook_theme (st->codebook, (guint) i))
           : code;
}

/* ---- choosing sentences ------------------------------------------------- */

static gboolean
is_chosen (const TuiState *st, guint i)
{
  return g_array_index (st->chosen, gboolean, i);
}

static gboolean
any_chosen (const TuiState *st)
{
  for (guint i = 0; i < st->chosen->len; i++)
    if (is_chosen (st, i))
      return TRUE;
  return FALSE;
}

/* What gets coded: the chosen sentences, or the cursor's when none is. */
static gboolean
takes (const TuiState *st, guint i, gboolean any)
{
  return any ? is_chosen (st, i) : i == st->sentence;
}

/* The sentences to code as runs of adjacent ones ([from, to) of the
 * segment's text), and their numbers for the status line ("2-3, 5"). */
static GArray *
chosen_spans (const TuiState *st, GString *names)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaSpan));
  gboolean any = any_chosen (st);
  for (guint i = 0; i < st->sentences->len; i++) {
    if (!takes (st, i, any))
      continue;
    TeemaSpan sp = g_array_index (st->sentences, TeemaSpan, i);
    guint run_end = i;
    while (run_end + 1 < st->sentences->len && takes (st, run_end + 1, any))
      run_end++;
    sp.end = g_array_index (st->sentences, TeemaSpan, run_end).end;
    g_array_append_val (out, sp);
    g_string_append_printf (names, "%s%u", names->len ? ", " : "", i + 1);
    if (run_end > i)
      g_string_append_printf (names, "-%u", run_end + 1);
    i = run_end;
  }
  return out;
}

/* Codes the chosen sentences with theme: one coding per run. */
static void
code_chosen (TuiState *st, const char *theme)
{
  const TeemaSegment *s = tui_current (st);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GArray) spans = chosen_spans (st, names);
  for (guint k = 0; k < spans->len; k++) {
    TeemaSpan sp = g_array_index (spans, TeemaSpan, k);
    TuiStep step = { .kind = STEP_CODING,
                     .segment = s->id,
                     .theme = g_strdup (theme),
                     .on = TRUE,
                     .from = sp.start,
                     .to = sp.end };
    if (!tui_do (st, step))
      return;
  }
  tui_stop_choosing (st);
  remember_theme (st, theme);
  /* TRANSLATORS: sentence numbers ("2" or "2-3, 5") and a theme's label. */
  if (strpbrk (names->str, ",-"))
    tui_status (st, _ ("coded sentences %s with %s"), names->str,
                shown (st, theme));
  else
    tui_status (st, _ ("coded sentence %s with %s"), names->str,
                shown (st, theme));
}

/* ---- coding -------------------------------------------------------------- */

/* Removes every coding of theme the coder made on the segment, whole or
 * in part, as one undo group. */
static void
remove_mine (TuiState *st, const TeemaSegment *s, const char *theme)
{
  TeemaCodingFilter f = { st->coder, theme, NULL, s->id, FALSE };
  g_autoptr (GPtrArray) list = teema_coding_list (st->project, &f, NULL);
  for (guint i = 0; list && i < list->len; i++) {
    const TeemaCoding *c = list->pdata[i];
    guint from = c->start - MIN (c->start, s->start);
    guint to = c->end - MIN (c->end, s->start);
    TuiStep step = { .kind = STEP_CODING,
                     .segment = s->id,
                     .theme = g_strdup (theme),
                     .on = FALSE,
                     .from = from,
                     .to = to };
    if (!tui_do (st, step))
      return;
  }
  tui_status (st, _ ("removed %s (u to undo)"), shown (st, theme));
}

void
tui_toggle (TuiState *st, guint i)
{
  const TeemaSegment *s = tui_current (st);
  if (!s)
    return;
  const char *theme = teema_codebook_theme (st->codebook, i)->code;
  if (st->choosing) {
    code_chosen (st, theme);
    return;
  }
  remember_theme (st, theme);
  if (tui_has (st->mine, s->id, theme)) {
    remove_mine (st, s, theme);
    return;
  }
  TuiStep step = { .kind = STEP_CODING,
                   .segment = s->id,
                   .theme = g_strdup (theme),
                   .on = TRUE,
                   .from = 0,
                   .to = WHOLE };
  if (tui_do (st, step))
    /* TRANSLATORS: the status line after coding the segment with a theme
     * (its label). */
    tui_status (st, C_ ("status", "coded %s"), shown (st, theme));
}

void
tui_create (TuiState *st, const char *name, const char *parent)
{
  const TeemaSegment *s = tui_current (st);
  g_autofree char *code = teema_theme_code_for (name);
  if (!s || !code) {
    tui_status (st, _ ("'%s' cannot name a theme: use letters or digits"),
                name);
    return;
  }
  TuiStep add = { .kind = STEP_THEME_ADD,
                  .theme = g_strdup (code),
                  .on = TRUE,
                  .other = g_strdup (parent),
                  .new_text =
                    g_str_equal (code, name) ? NULL : g_strdup (name) };
  if (!tui_do (st, add))
    return;
  gint i = teema_codebook_index (st->codebook, code);
  gboolean sentences = st->choosing;
  if (sentences)
    code_chosen (st, code); /* says which sentences */
  else
    tui_toggle (st, (guint) i);
  g_autofree char *coded = g_strdup (st->status);
  g_autofree char *key = i < (gint) strlen (TUI_THEME_KEYS)
                           ? g_strdup_printf (_ ("key %c"), TUI_THEME_KEYS[i])
                           : g_strdup (_ ("':' and its name code it"));
  if (sentences)
    /* TRANSLATORS: a theme id, how to code it, and which sentences were
     * coded with it ("coded sentences 2-3 with ..."). */
    tui_status (st, _ ("created %s (%s); %s"), code, key, coded);
  else
    /* TRANSLATORS: a theme id and how to code it ("key 4"). */
    tui_status (st, _ ("created %s (%s) and coded it"), code, key);
}

/* Accepts (codes) or rejects the first or all open suggestions. */
static void
decide (TuiState *st, gboolean accept, gboolean all)
{
  const TeemaSegment *s = tui_current (st);
  if (s)
    tui_fetch_pending (st, s->id);
  g_autoptr (GPtrArray) p = s ? tui_pending (st, s->id) : NULL;
  if (!p || p->len == 0) {
    tui_status (st, "%s", _ ("no open suggestions here"));
    return;
  }
  guint n = all ? p->len : 1;
  for (guint i = 0; i < n; i++) {
    TuiStep step = { .kind = accept ? STEP_ACCEPT : STEP_REJECT,
                     .segment = s->id,
                     .theme = g_strdup (p->pdata[i]),
                     .on = TRUE,
                     .from = 0,
                     .to = WHOLE };
    if (!tui_do (st, step))
      return;
  }
  const char *theme = shown (st, p->pdata[0]);
  /* TRANSLATORS: %s is the label of the first suggestion's theme. */
  if (accept && n > 1)
    tui_status (st, _ ("accepted %s and the rest"), theme);
  else if (accept)
    tui_status (st, _ ("accepted %s"), theme);
  else if (n > 1)
    tui_status (st, _ ("rejected %s and the rest"), theme);
  else
    tui_status (st, _ ("rejected %s"), theme);
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
  tui_stop_choosing (st);
  guint n = tui_replay (st, redo);
  if (n && redo)
    tui_status (
      st, g_dngettext (GETTEXT_PACKAGE, "redid %u step", "redid %u steps", n),
      n);
  else if (n)
    tui_status (
      st, g_dngettext (GETTEXT_PACKAGE, "undid %u step", "undid %u steps", n),
      n);
  else
    tui_status (st, "%s", redo ? _ ("nothing to redo") : _ ("nothing to undo"));
}

/* ---- scrolling a long turn ----------------------------------------------- */

/* Scrolls the current segment's text a page (dir 1 down, -1 up); FALSE
 * when it is already at that end. */
static gboolean
scroll_text (TuiState *st, int dir)
{
  int rows = 0, total = 0;
  tui_segment_view (st, LINES, COLS, &rows, &total);
  int page = MAX (rows - 1, 1);
  if (dir > 0 && (int) st->scroll + rows < total) {
    st->scroll += (guint) page;
    return TRUE;
  }
  if (dir < 0 && st->scroll > 0) {
    st->scroll -= MIN (st->scroll, (guint) page);
    return TRUE;
  }
  return FALSE;
}

/* ---- the actions --------------------------------------------------------- */

static void
act_next (TuiState *st)
{
  if (!scroll_text (st, 1))
    move_by (st, 1);
}

static void
act_prev (TuiState *st)
{
  if (!scroll_text (st, -1))
    move_by (st, -1);
}

static void
act_page_next (TuiState *st)
{
  if (!scroll_text (st, 1))
    move_by (st, 10);
}

static void
act_page_prev (TuiState *st)
{
  if (!scroll_text (st, -1))
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
  tui_jump (st, is_uncoded, NULL, _ ("uncoded segment"),
            _ ("no uncoded segment"));
}

static void
act_next_suggested (TuiState *st)
{
  tui_load_suggestions (st);
  tui_jump (st, is_suggested, NULL, _ ("segment with suggestions"),
            _ ("no segment with suggestions"));
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
  tui_jump (st, is_found, NULL, _ ("search match"), _ ("no search match"));
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
act_rename (TuiState *st)
{
  if (teema_codebook_size (st->codebook))
    tui_open_prompt (st, PROMPT_RENAME_WHICH, NULL);
  else
    tui_status (st, "%s", _ ("no themes yet: ':' and a name creates one"));
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

static void
act_select (TuiState *st)
{
  const TeemaSegment *s = tui_current (st);
  if (!s)
    return;
  st->sentences = teema_segment_sentences (s);
  st->chosen = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (st->chosen, st->sentences->len);
  st->sentence = 0;
  st->choosing = st->sentences->len > 0;
  st->scroll = 0;
  tui_status (st, "%s",
              _ ("choose sentences: j/k move, Space chooses, a theme key "
                 "codes them, Esc stops"));
}

static void
act_sentence_next (TuiState *st)
{
  if (st->sentence + 1 < st->sentences->len)
    st->sentence++;
}

static void
act_sentence_prev (TuiState *st)
{
  if (st->sentence > 0)
    st->sentence--;
}

static void
act_sentence_mark (TuiState *st)
{
  gboolean *on = &g_array_index (st->chosen, gboolean, st->sentence);
  *on = !*on;
  act_sentence_next (st);
}

static void
act_select_end (TuiState *st)
{
  tui_stop_choosing (st);
}

/* Help texts fit 29 columns, so that the help view fits two columns of an
 * 80-column terminal (the help view translates them). The theme keys are
 * dispatched by tui_key. */
const TuiActionDef tui_actions[ACT_COUNT] = {
  /* TRANSLATORS: the help texts of the interactive coder's keys: at most
   * 29 columns each, for the two columns of the help view. */
  [ACT_NONE] = { ACT_NONE, "none", "", NULL },
  [ACT_NEXT] = { ACT_NEXT, "next", N_ ("next segment (or page)"), act_next },
  [ACT_PREV] = { ACT_PREV, "prev", N_ ("previous segment (or page)"),
                 act_prev },
  [ACT_PAGE_NEXT] = { ACT_PAGE_NEXT, "page-next",
                      N_ ("page down, or 10 segments"), act_page_next },
  [ACT_PAGE_PREV] = { ACT_PAGE_PREV, "page-prev", N_ ("page up, or 10 back"),
                      act_page_prev },
  [ACT_FIRST] = { ACT_FIRST, "first", N_ ("first segment"), act_first },
  [ACT_LAST] = { ACT_LAST, "last", N_ ("last segment"), act_last },
  [ACT_NEXT_UNCODED] = { ACT_NEXT_UNCODED, "next-uncoded",
                         N_ ("next segment not coded by you"),
                         act_next_uncoded },
  [ACT_NEXT_SUGGESTED] = { ACT_NEXT_SUGGESTED, "next-suggested",
                           N_ ("next with open suggestions"),
                           act_next_suggested },
  [ACT_NEXT_THEME] = { ACT_NEXT_THEME, "next-theme",
                       N_ ("next with a theme you name"), act_next_theme },
  [ACT_SEARCH] = { ACT_SEARCH, "search", N_ ("search segments with a rule"),
                   act_search },
  [ACT_SEARCH_NEXT] = { ACT_SEARCH_NEXT, "search-next",
                        N_ ("next search match"), act_search_next },
  [ACT_FILTER] = { ACT_FILTER, "filter", N_ ("filter informant/group/theme"),
                   act_filter },
  [ACT_MEMO] = { ACT_MEMO, "memo", N_ ("write the segment's memo"), act_memo },
  [ACT_ACCEPT] = { ACT_ACCEPT, "accept", N_ ("accept the first suggestion"),
                   act_accept },
  [ACT_REJECT] = { ACT_REJECT, "reject", N_ ("reject the first suggestion"),
                   act_reject },
  [ACT_ACCEPT_ALL] = { ACT_ACCEPT_ALL, "accept-all",
                       N_ ("accept all suggestions"), act_accept_all },
  [ACT_REJECT_ALL] = { ACT_REJECT_ALL, "reject-all",
                       N_ ("reject all suggestions"), act_reject_all },
  [ACT_UNDO] = { ACT_UNDO, "undo", N_ ("undo"), act_undo },
  [ACT_REDO] = { ACT_REDO, "redo", N_ ("redo"), act_redo },
  [ACT_HELP] = { ACT_HELP, "help", N_ ("this help (any key closes it)"),
                 act_help },
  [ACT_QUIT] = { ACT_QUIT, "quit", N_ ("quit (all is saved already)"),
                 act_quit },
  [ACT_THEME_PROMPT] = { ACT_THEME_PROMPT, "theme",
                         N_ ("code a theme by name, or new"),
                         act_theme_prompt },
  [ACT_RENAME] = { ACT_RENAME, "rename", N_ ("rename a theme"), act_rename },
  [ACT_CODEBOOK_UP] = { ACT_CODEBOOK_UP, "codebook-up",
                        N_ ("scroll the codebook up"), act_codebook_up },
  [ACT_CODEBOOK_DOWN] = { ACT_CODEBOOK_DOWN, "codebook-down",
                          N_ ("scroll the codebook down"), act_codebook_down },
  [ACT_SELECT] = { ACT_SELECT, "choose", N_ ("code only some sentences"),
                   act_select },
  [ACT_SENTENCE_NEXT] = { ACT_SENTENCE_NEXT, "sentence-next",
                          N_ ("next sentence"), act_sentence_next },
  [ACT_SENTENCE_PREV] = { ACT_SENTENCE_PREV, "sentence-prev",
                          N_ ("previous sentence"), act_sentence_prev },
  [ACT_SENTENCE_MARK] = { ACT_SENTENCE_MARK, "sentence-mark",
                          N_ ("choose the sentence (or not)"),
                          act_sentence_mark },
  [ACT_SELECT_END] = { ACT_SELECT_END, "choose-end", N_ ("stop choosing"),
                       act_select_end },
  [ACT_TOGGLE_THEME] = { ACT_TOGGLE_THEME, "toggle-theme",
                         N_ ("code/uncode that theme"), NULL },
};
