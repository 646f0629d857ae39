/* tui/draw.c — drawing a frame of the interactive coder.
 *
 * Layout (80x24 and up): a header, the segment's place, the previous turn,
 * the current segment with rule hits highlighted, the next turn, the
 * codebook with its keys on the right (scrolled to the state's cb_top when
 * it has more themes than rows), then suggestions, the memo and a status
 * or prompt line. Widths are display columns: ä, ö and å take one,
 * wide characters two, combining marks none.
 * Must always hold: nothing here changes the state (every function takes
 * it const); a frame is drawn in one pass onto stdscr and shown by the
 * loop with a single refresh. */
#include "tui.h"

#include <curses.h>
#include <string.h>

enum { PAIR_HIT = 1, PAIR_CODED, PAIR_SUGGESTED, PAIR_BAR };

static int
cp_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/* Writes at most cols columns of s at (y, x); returns columns used. */
static int
put (int y, int x, int cols, const char *s, attr_t attr)
{
  int used = 0;
  attron (attr);
  move (y, x);
  for (const char *p = s; *p && used < cols; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    int w = cp_width (c);
    if (used + w > cols)
      break;
    if (c == '\n' || c == '\t')
      addch (' ');
    else
      addnstr (p, (int) (g_utf8_next_char (p) - p));
    used += c == '\n' || c == '\t' ? 1 : w;
  }
  attroff (attr);
  return used;
}

/* Lines as Unicode box characters, so screen dumps read as drawn. */
static void
draw_hline (int y, int x, int n, attr_t attr)
{
  attron (attr);
  for (int i = 0; i < n; i++)
    mvaddstr (y, x + i, "─");
  attroff (attr);
}

static void
draw_vline (int y, int x, int n, attr_t attr)
{
  attron (attr);
  for (int i = 0; i < n; i++)
    mvaddstr (y + i, x, "│");
  attroff (attr);
}

static gboolean
in_hit (const GArray *hits, guint cp)
{
  for (guint i = 0; hits && i < hits->len; i++) {
    const TeemaHighlight *h = &g_array_index (hits, TeemaHighlight, i);
    if (cp >= h->start && cp < h->end)
      return TRUE;
  }
  return FALSE;
}

/* Columns of the word starting at p (up to a space or newline). */
static int
word_width (const char *p)
{
  int w = 0;
  for (; *p && *p != ' ' && *p != '\n'; p = g_utf8_next_char (p))
    w += cp_width (g_utf8_get_char (p));
  return w;
}

/* Wraps text into rows [y, y + rows) at columns [x, x + cols), prefixed
 * by label; hits (or NULL) are highlighted. Returns rows used. */
static int
wrap (int y, int x, int cols, int rows, const char *label, const char *text,
      const GArray *hits, attr_t attr)
{
  int row = 0, col = put (y, x, cols, label, attr | A_BOLD);
  guint cp = 0;
  for (const char *p = text; *p && row < rows; p = g_utf8_next_char (p), cp++) {
    gunichar c = g_utf8_get_char (p);
    int w = cp_width (c);
    gboolean brk = c == '\n'
                   || (c == ' ' && col + 1 + word_width (p + 1) > cols
                       && word_width (p + 1) <= cols)
                   || col + w > cols;
    if (brk) {
      row++, col = 0;
      if (c == ' ' || c == '\n' || row >= rows)
        continue;
    }
    attr_t a =
      attr
      | (in_hit (hits, cp) ? COLOR_PAIR (PAIR_HIT) | A_BOLD | A_UNDERLINE : 0);
    attron (a);
    mvaddnstr (y + row, x + col, p, (int) (g_utf8_next_char (p) - p));
    attroff (a);
    col += w;
  }
  return MIN (row + 1, rows);
}

static void
draw_header (const TuiState *st, int cols)
{
  attron (COLOR_PAIR (PAIR_BAR) | A_REVERSE);
  mvhline (0, 0, ' ', cols);
  g_autofree char *left = g_strdup_printf (
    " teema code · %s%s%s%s%s%s%s", st->coder,
    st->f_informant ? " · informant " : "",
    st->f_informant ? st->f_informant : "", st->f_group ? " · group " : "",
    st->f_group ? st->f_group : "", st->f_theme ? " · theme " : "",
    st->f_theme ? st->f_theme : "");
  g_autofree char *right = g_strdup_printf (
    "%u/%u ? help ", st->visible->len ? st->cur + 1 : 0, st->visible->len);
  int rw = (int) g_utf8_strlen (right, -1);
  put (0, 0, cols - rw - 1, left, 0);
  put (0, cols - rw, rw, right, 0);
  attroff (COLOR_PAIR (PAIR_BAR) | A_REVERSE);
}

static void
draw_place (const TuiState *st, const TeemaSegment *s, int cols)
{
  g_autofree char *place = g_strdup_printf (
    "%s · %s · %u/%u%s%s%s%s · #%" G_GINT64_FORMAT,
    s->informant ? s->informant : "?", s->document, s->ordinal,
    tui_doc_turns (st, s), s->group ? " · " : "", s->group ? s->group : "",
    s->timestamp ? " · " : "", s->timestamp ? s->timestamp : "", s->id);
  put (1, 0, cols, place, A_BOLD);
}

static void
draw_text (const TuiState *st, const TeemaSegment *s, int cols, int top,
           int bottom)
{
  const TeemaSegment *prev = tui_neighbour (st, -1);
  const TeemaSegment *next = tui_neighbour (st, 1);
  int y = top;
  if (prev) {
    g_autofree char *l = g_strdup_printf ("%s: ", prev->speaker);
    y += wrap (y, 0, cols, 2, l, prev->text, NULL, A_DIM);
  }
  draw_hline (y++, 0, cols, A_DIM);
  int room = bottom - y - (next ? 2 : 0);
  g_autofree char *label = g_strdup_printf ("%s: ", s->speaker);
  y += wrap (y, 0, cols, MAX (room, 1), label, s->text, st->hits, 0);
  if (next && y < bottom) {
    draw_hline (y++, 0, cols, A_DIM);
    g_autofree char *l = g_strdup_printf ("%s: ", next->speaker);
    wrap (y, 0, cols, MAX (bottom - y, 1), l, next->text, NULL, A_DIM);
  }
}

/* The codebook pane: a heading row, then one row per theme from the
 * state's cb_top, clamped so that the last page is full. */
enum { CODEBOOK_TOP = 1, CODEBOOK_BOTTOM_GAP = 3 };

int
tui_codebook_rows (int lines)
{
  return lines - CODEBOOK_BOTTOM_GAP - CODEBOOK_TOP - 1;
}

static void
draw_codebook (const TuiState *st, const TeemaSegment *s, int x, int cols,
               int rows)
{
  guint n = teema_codebook_size (st->codebook);
  guint shown = MIN (n, (guint) MAX (rows, 0));
  guint first = MIN (st->cb_top, n - shown);
  g_autofree char *head =
    shown < n
      ? g_strdup_printf ("Codebook %u-%u/%u  [ ]", first + 1, first + shown, n)
      : g_strdup ("Codebook  [x] yours  * rules");
  put (CODEBOOK_TOP, x, cols, head, A_BOLD);
  for (guint r = 0; r < shown; r++) {
    guint i = first + r;
    const TeemaTheme *t = teema_codebook_theme (st->codebook, i);
    gboolean mine = tui_has (st->mine, s->id, t->code);
    gboolean rule = tui_has (st->rules, s->id, t->code);
    gboolean rej = tui_has (st->rejected, s->id, t->code);
    char key = i < strlen (TUI_THEME_KEYS) ? TUI_THEME_KEYS[i] : ' ';
    g_autofree char *indent = g_strnfill (MIN (t->depth, 3) * 2, ' ');
    g_autofree char *line =
      g_strdup_printf ("%c [%c]%s %s%s %s", key, mine ? 'x' : ' ',
                       rule ? (rej ? "-" : "*") : " ", indent, t->code,
                       teema_theme_label (t, "fi"));
    attr_t a = mine           ? COLOR_PAIR (PAIR_CODED) | A_BOLD
               : rule && !rej ? COLOR_PAIR (PAIR_SUGGESTED)
                              : 0;
    put (CODEBOOK_TOP + 1 + (int) r, x, cols, line, a);
  }
}

static void
draw_footer (const TuiState *st, const TeemaSegment *s, int rows, int cols)
{
  g_autoptr (GPtrArray) p = tui_pending (st, s->id);
  GString *sug = g_string_new ("Suggested: ");
  for (guint i = 0; i < p->len; i++)
    g_string_append_printf (sug, "%s%s", i ? ", " : "", (char *) p->pdata[i]);
  if (p->len)
    g_string_append (sug, "  (a/r first, +/- all)");
  else
    g_string_append (sug, "-");
  put (rows - 3, 0, cols, sug->str, p->len ? COLOR_PAIR (PAIR_SUGGESTED) : 0);
  g_string_free (sug, TRUE);
  const char *memo = g_hash_table_lookup (st->memos, &s->id);
  g_autofree char *m = g_strdup_printf ("Memo: %s", memo ? memo : "-");
  put (rows - 2, 0, cols, m, 0);
}

static const char *
prompt_label (TuiPrompt p)
{
  switch (p) {
  case PROMPT_MEMO:
    return "Memo> ";
  case PROMPT_SEARCH:
    return "Search rule> ";
  case PROMPT_THEME:
    return "Next with theme (key or code)> ";
  case PROMPT_FILTER:
    return "Filter (informant:ID group:G theme:T)> ";
  case PROMPT_TOGGLE:
    return "Code/uncode theme (code or its start)> ";
  case PROMPT_NONE:
    break;
  }
  return "";
}

static void
draw_bottom (const TuiState *st, int rows, int cols)
{
  int y = rows - 1;
  if (st->prompt != PROMPT_NONE) {
    int x = put (y, 0, cols, prompt_label (st->prompt), A_BOLD);
    /* Show the end of a long input. */
    const char *s = st->input->str;
    while (g_utf8_strlen (s, -1) > cols - x - 1)
      s = g_utf8_next_char (s);
    x += put (y, x, cols - x, s, 0);
    put (y, x, 1, "_", A_BLINK);
  } else {
    put (y, 0, cols,
         st->status ? st->status
                    : "j/k move  1-9 A-Z code  a/r suggestions"
                      "  m memo  u undo  n uncoded  q quit",
         A_DIM);
  }
}

/* The help view's rows: the theme keys, then one row per action of the
 * key table (adjacent bindings of one action joined, "j, Down"). */
static GPtrArray *
help_rows (const TuiState *st)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint nk = MIN (teema_codebook_size (st->codebook), strlen (TUI_THEME_KEYS));
  if (nk)
    g_ptr_array_add (
      out, nk == 1 ? g_strdup ("  1        code/uncode that theme")
                   : g_strdup_printf ("  1-%c      code/uncode that theme",
                                      TUI_THEME_KEYS[nk - 1]));
  for (const TuiBinding *b = tui_bindings; b->action != ACT_NONE;) {
    GString *names = g_string_new (b->name);
    const TuiBinding *first = b;
    for (b++; b->action == first->action; b++)
      g_string_append_printf (names, ", %s", b->name);
    g_ptr_array_add (out, g_strdup_printf ("  %-8s %s", names->str,
                                           tui_actions[first->action].help));
    g_string_free (names, TRUE);
  }
  return out;
}

/* The help view: generated from the key table, in two columns when one
 * does not hold it. */
static void
draw_help (const TuiState *st, int rows, int cols)
{
  put (0, 0, cols, "teema code — keys (any key returns)", A_BOLD);
  g_autoptr (GPtrArray) lines = help_rows (st);
  int room = rows - 3; /* rows 2 .. rows - 2 */
  int colw = (int) lines->len > room ? cols / 2 : cols;
  for (guint i = 0; i < lines->len && (int) i < 2 * room; i++)
    put (2 + (int) i % room, (int) i < room ? 0 : colw, colw, lines->pdata[i],
         0);
  put (rows - 1, 0, cols,
       "Every action is saved at once; u undoes this "
       "session's actions.",
       A_DIM);
}

void
tui_draw (const TuiState *st)
{
  int rows = LINES, cols = COLS;
  erase ();
  if (rows < 16 || cols < 60) {
    put (0, 0, cols, "teema code: the terminal is too small (60x16 at least)",
         0);
    return;
  }
  if (st->help) {
    draw_help (st, rows, cols);
    return;
  }
  draw_header (st, cols);
  const TeemaSegment *s = tui_current (st);
  if (!s) {
    put (2, 0, cols, "No segments to code with these filters (f changes them).",
         0);
    draw_bottom (st, rows, cols);
    return;
  }
  int right = MAX (28, MIN (44, cols / 3));
  int left = cols - right - 1;
  draw_place (st, s, left);
  draw_text (st, s, left, 2, rows - 3);
  draw_vline (1, left, rows - 4, A_DIM);
  draw_codebook (st, s, left + 1, right, tui_codebook_rows (rows));
  draw_footer (st, s, rows, cols);
  draw_bottom (st, rows, cols);
}

void
tui_colors (void)
{
  if (!has_colors ())
    return;
  start_color ();
  use_default_colors ();
  init_pair (PAIR_HIT, COLOR_YELLOW, -1);
  init_pair (PAIR_CODED, COLOR_GREEN, -1);
  init_pair (PAIR_SUGGESTED, COLOR_CYAN, -1);
  init_pair (PAIR_BAR, COLOR_BLUE, -1);
}
