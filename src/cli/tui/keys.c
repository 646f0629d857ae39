/* tui/keys.c — the key tables, and one key's way to an action or prompt.
 *
 * Key bindings are data (tui_bindings while coding, tui_select_bindings
 * while choosing sentences), naming actions of the action table
 * (actions.c); the help view is generated from them, so what help shows
 * is what the keys do. A theme key toggles that theme (while choosing:
 * codes the chosen sentences with it).
 * Must always hold: a prompt owns every key until Enter or Esc (the
 * create prompt: until one key). */
#include "tui.h"

#include <curses.h>
#include <string.h>

/* N is search-next, so it is not a theme key. */
const char TUI_THEME_KEYS[] = "1234567890ABCDEFGHIJKLMOPQRSTUVWXYZ";

const TuiBinding tui_bindings[] = {
  { 'j', "j", ACT_NEXT },
  { TUI_FN (KEY_DOWN), "Down", ACT_NEXT },
  { 'k', "k", ACT_PREV },
  { TUI_FN (KEY_UP), "Up", ACT_PREV },
  { TUI_FN (KEY_NPAGE), "PgDn", ACT_PAGE_NEXT },
  { TUI_FN (KEY_PPAGE), "PgUp", ACT_PAGE_PREV },
  { 'g', "g", ACT_FIRST },
  { TUI_FN (KEY_HOME), "Home", ACT_FIRST },
  { TUI_FN (KEY_END), "End", ACT_LAST },
  { 'n', "n", ACT_NEXT_UNCODED },
  { 's', "s", ACT_NEXT_SUGGESTED },
  { 't', "t", ACT_NEXT_THEME },
  { '/', "/", ACT_SEARCH },
  { 'N', "N", ACT_SEARCH_NEXT },
  { 'f', "f", ACT_FILTER },
  { ':', ":", ACT_THEME_PROMPT },
  { 'e', "e", ACT_RENAME },
  { 'v', "v", ACT_SELECT },
  { '[', "[", ACT_CODEBOOK_UP },
  { ']', "]", ACT_CODEBOOK_DOWN },
  { 'm', "m", ACT_MEMO },
  { 'a', "a", ACT_ACCEPT },
  { 'r', "r", ACT_REJECT },
  { '+', "+", ACT_ACCEPT_ALL },
  { '-', "-", ACT_REJECT_ALL },
  { 'u', "u", ACT_UNDO },
  { TUI_CTRL ('r'), "Ctrl-R", ACT_REDO },
  { '?', "?", ACT_HELP },
  { TUI_FN (KEY_F (1)), "F1", ACT_HELP },
  { 'q', "q", ACT_QUIT },
  { 0, NULL, ACT_NONE },
};

const TuiBinding tui_select_bindings[] = {
  { 'j', "j", ACT_SENTENCE_NEXT },
  { TUI_FN (KEY_DOWN), "Down", ACT_SENTENCE_NEXT },
  { 'k', "k", ACT_SENTENCE_PREV },
  { TUI_FN (KEY_UP), "Up", ACT_SENTENCE_PREV },
  { ' ', "Space", ACT_SENTENCE_MARK },
  { ':', ":", ACT_THEME_PROMPT },
  { 27, "Esc", ACT_SELECT_END },
  { 'v', "v", ACT_SELECT_END },
  { 'u', "u", ACT_UNDO },
  { '?', "?", ACT_HELP },
  { 0, NULL, ACT_NONE },
};

/* y: create the theme beside the last one coded, t: at the top level,
 * s: under the last one; any other key: not at all. */
static void
create_key (TuiState *st, int key)
{
  st->prompt = PROMPT_NONE;
  g_autofree char *name = g_steal_pointer (&st->pending);
  const TeemaTheme *last =
    st->last_theme ? teema_codebook_lookup (st->codebook, st->last_theme)
                   : NULL;
  st->next_group++;
  if (key == 'y')
    tui_create (st, name, last ? last->parent : NULL);
  else if (key == 't')
    tui_create (st, name, NULL);
  else if (key == 's' && last)
    tui_create (st, name, last->code);
  else
    tui_status (st, "%s", _ ("no theme created"));
}

static void
prompt_key (TuiState *st, int key)
{
  if (key == '\n' || key == '\r' || key == TUI_FN (KEY_ENTER))
    tui_commit_prompt (st);
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
  if (st->prompt == PROMPT_CREATE) {
    create_key (st, key);
    return;
  }
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
    tui_toggle (st, (guint) (k - TUI_THEME_KEYS));
    return;
  }
  const TuiBinding *table = st->choosing ? tui_select_bindings : tui_bindings;
  for (const TuiBinding *b = table; b->action != ACT_NONE; b++)
    if (b->key == key) {
      tui_actions[b->action].run (st);
      return;
    }
}
