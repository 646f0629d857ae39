/* tui/draw.c — drawing a frame of the interactive coder.
 *
 * Layout (80x24 and up): a header, the segment's place, the previous turn,
 * the current segment with rule hits highlighted, the next turn, the
 * codebook with its keys on the right (scrolled to the state's cb_top when
 * it has more themes than rows), then suggestions, the memo and a status
 * or prompt line. A segment longer than its rows is drawn from the state's
 * scroll with a "more" line, and the turns around it give way. While
 * sentences are chosen, the segment is drawn as its numbered sentences.
 * The codebook shows each theme's label in the codebook's language (the
 * id when it has none), so Finnish labels fit at 80 columns. Widths are
 * display columns: ä, ö and å take one, wide characters two, combining
 * marks none. Every text is translated (gettext): a fixed column holds
 * a translation by its display width, and a text longer than its room is
 * cut at the room (put) or wrapped (draw_rows), never drawn past it.
 * Must always hold: nothing here changes the state (every function takes
 * it const); a frame is drawn in one pass onto stdscr and shown by the
 * loop with a single refresh; tui_segment_view gives keys the same layout
 * draw_text draws. */
#include "tui.h"

#include <curses.h>
#include <string.h>

enum { PAIR_HIT = 1, PAIR_CODED, PAIR_SUGGESTED, PAIR_BAR };

enum { MIN_COLS = 60, MIN_ROWS = 16 };

static int
cp_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static int
text_width (const char *s)
{
  int w = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    w += cp_width (g_utf8_get_char (p));
  return w;
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

/* ---- wrapping ------------------------------------------------------------ */

/* One screen row of wrapped text: the characters [start, end) (a break at
 * a space or newline drops it), from code point cp. */
typedef struct {
  const char *start, *end;
  guint cp;
} Row;

/* Wraps text at cols columns, the first row after a label of label_w
 * columns: words move to the next row whole unless longer than a row. */
static GArray *
wrap_rows (const char *text, int label_w, int cols)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Row row = { text, text, 0 };
  int col = MIN (label_w, cols);
  guint cp = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), cp++) {
    gunichar c = g_utf8_get_char (p);
    int w = cp_width (c);
    gboolean brk = c == '\n'
                   || (c == ' ' && col + 1 + word_width (p + 1) > cols
                       && word_width (p + 1) <= cols)
                   || col + w > cols;
    if (brk) {
      row.end = p;
      g_array_append_val (rows, row);
      col = 0;
      gboolean skip = c == ' ' || c == '\n';
      row = (Row){ skip ? g_utf8_next_char (p) : p, NULL, skip ? cp + 1 : cp };
      if (skip)
        continue;
    }
    col += w;
  }
  row.end = text + strlen (text);
  g_array_append_val (rows, row);
  return rows;
}

static int
count_rows (const char *label, const char *text, int cols)
{
  g_autoptr (GArray) rows = wrap_rows (text, text_width (label), cols);
  return (int) rows->len;
}

/* Draws rows [first, first + n) of text wrapped at cols, at (y, x); the
 * label starts row 0; hits (or NULL) are highlighted. Returns rows drawn. */
static int
draw_rows (int y, int x, int cols, const char *label, const char *text,
           int first, int n, const GArray *hits, attr_t attr)
{
  g_autoptr (GArray) rows = wrap_rows (text, text_width (label), cols);
  int drawn = 0;
  for (int r = first; r < (int) rows->len && drawn < n; r++, drawn++) {
    const Row *row = &g_array_index (rows, Row, r);
    int col = r == 0 ? put (y + drawn, x, cols, label, attr | A_BOLD) : 0;
    guint cp = row->cp;
    for (const char *p = row->start; p < row->end;
         p = g_utf8_next_char (p), cp++) {
      attr_t a =
        attr
        | (in_hit (hits, cp) ? COLOR_PAIR (PAIR_HIT) | A_BOLD | A_UNDERLINE
                             : 0);
      attron (a);
      mvaddnstr (y + drawn, x + col, p, (int) (g_utf8_next_char (p) - p));
      attroff (a);
      col += cp_width (g_utf8_get_char (p));
    }
  }
  return drawn;
}

/* ---- the current segment and the turns around it --------------------------
 */

enum { TEXT_TOP = 2, CONTEXT_ROWS = 2 };

/* The codebook pane takes a third of the screen (28 to 44 columns), and
 * up to two fifths when its labels need it, so that a label like
 * "Johtaminen ja mittaaminen" is not cut at 80 columns. */
static int
pane_cols (const TuiState *st, int cols)
{
  int floor = MAX (28, MIN (44, cols / 3));
  int cap = MAX (floor, MIN (44, cols * 2 / 5));
  int need = 0;
  for (guint i = 0; i < teema_codebook_size (st->codebook); i++) {
    const TeemaTheme *t = teema_codebook_theme (st->codebook, i);
    int w =
      7 + (int) MIN (t->depth, 3) * 2 + text_width (tui_theme_name (st, t));
    need = MAX (need, w);
  }
  return CLAMP (need, floor, cap);
}

static int
text_cols (const TuiState *st, int cols)
{
  return cols - pane_cols (st, cols) - 1;
}

static char *
speaker_label (const TeemaSegment *s)
{
  return g_strdup_printf ("%s: ", s->speaker);
}

/* Where things go in the text column: the previous turn's rows (shown
 * only at the top of the current one), the current segment's first row,
 * its rows and total rows, and whether the next turn fits after it. */
typedef struct {
  int prev_rows;
  int y; /* the current segment's first row */
  int rows, total;
  gboolean more; /* a "more" row under the text */
  gboolean next; /* the next turn is drawn */
} View;

static View
view_of (const TuiState *st, int lines, int cols)
{
  View v = { 0 };
  const TeemaSegment *s = tui_current (st);
  int w = text_cols (st, cols), bottom = lines - 3;
  const TeemaSegment *prev = tui_neighbour (st, -1);
  const TeemaSegment *next = tui_neighbour (st, 1);
  if (!s)
    return v;
  g_autofree char *label = speaker_label (s);
  if (prev && st->scroll == 0) {
    g_autofree char *l = speaker_label (prev);
    v.prev_rows = MIN (CONTEXT_ROWS, count_rows (l, prev->text, w));
  }
  v.y = TEXT_TOP + v.prev_rows + 1; /* the rule above the segment */
  v.total = count_rows (label, s->text, w);
  int left = v.total - (int) MIN (st->scroll, (guint) v.total);
  int room = bottom - v.y;
  if (left <= room - (next ? 2 : 0)) {
    v.rows = left;
    v.next = next != NULL;
  } else if (left <= room) {
    v.rows = left;
  } else {
    v.rows = MAX (room - 1, 1);
    v.more = TRUE;
  }
  return v;
}

void
tui_segment_view (const TuiState *st, int lines, int cols, int *rows,
                  int *total)
{
  View v = view_of (st, lines, cols);
  *rows = v.rows;
  *total = v.total;
}

static void
draw_text (const TuiState *st, const TeemaSegment *s, int cols, int bottom)
{
  View v = view_of (st, LINES, COLS);
  const TeemaSegment *prev = tui_neighbour (st, -1);
  const TeemaSegment *next = tui_neighbour (st, 1);
  if (v.prev_rows) {
    g_autofree char *l = speaker_label (prev);
    draw_rows (TEXT_TOP, 0, cols, l, prev->text, 0, v.prev_rows, NULL, A_DIM);
  }
  draw_hline (v.y - 1, 0, cols, A_DIM);
  g_autofree char *label = speaker_label (s);
  int y = v.y
          + draw_rows (v.y, 0, cols, label, s->text, (int) st->scroll, v.rows,
                       st->hits, 0);
  if (v.more) {
    int n = v.total - (int) st->scroll - v.rows;
    g_autofree char *more = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "… %d more row (j or PgDn)",
                   "… %d more rows (j or PgDn)", (gulong) n),
      n);
    put (y, 0, cols, more, A_DIM | A_BOLD);
  } else if (st->scroll && y < bottom) {
    put (y++, 0, cols, _ ("(end of the turn; k or PgUp goes back)"), A_DIM);
  }
  if (v.next && y < bottom) {
    draw_hline (y++, 0, cols, A_DIM);
    g_autofree char *l = speaker_label (next);
    draw_rows (y, 0, cols, l, next->text, 0, MAX (bottom - y, 1), NULL, A_DIM);
  }
}

/* While choosing: the segment as numbered sentences, "> [x] 2 ..." for
 * the cursor on a chosen one, starting where the cursor's sentence fits. */
static void
draw_sentences (const TuiState *st, const TeemaSegment *s, int cols, int bottom)
{
  int y = TEXT_TOP;
  g_autofree char *head =
    g_strdup_printf (_ ("%s: choose sentences to code"), s->speaker);
  put (y++, 0, cols, head, A_BOLD);
  draw_hline (y++, 0, cols, A_DIM);
  guint n = st->sentences->len, first = st->sentence;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++) {
    TeemaSpan sp = g_array_index (st->sentences, TeemaSpan, i);
    const char *a = g_utf8_offset_to_pointer (s->text, sp.start);
    const char *b = g_utf8_offset_to_pointer (a, sp.end - sp.start);
    g_ptr_array_add (
      labels, g_strdup_printf (
                "%s [%c] %u ", i == st->sentence ? ">" : " ",
                g_array_index (st->chosen, gboolean, i) ? 'x' : ' ', i + 1));
    g_ptr_array_add (texts, g_strndup (a, b - a));
  }
  /* Back from the cursor while the sentences up to it fit. */
  int used = count_rows (labels->pdata[first], texts->pdata[first], cols);
  while (first > 0
         && used
                + count_rows (labels->pdata[first - 1], texts->pdata[first - 1],
                              cols)
              <= bottom - y) {
    first--;
    used += count_rows (labels->pdata[first], texts->pdata[first], cols);
  }
  for (guint i = first; i < n && y < bottom; i++)
    y += draw_rows (y, 0, cols, labels->pdata[i], texts->pdata[i], 0,
                    bottom - y, NULL, i == st->sentence ? A_BOLD : 0);
  g_ptr_array_unref (labels);
  g_ptr_array_unref (texts);
}

/* ---- the header, the codebook and the footer ------------------------------
 */

static void
draw_header (const TuiState *st, int cols)
{
  attron (COLOR_PAIR (PAIR_BAR) | A_REVERSE);
  mvhline (0, 0, ' ', cols);
  /* TRANSLATORS: the header names the filters: " · informant H3". */
  g_autofree char *left = g_strdup_printf (
    " teema code · %s%s%s%s%s%s%s", st->coder,
    st->f_informant ? _ (" · informant ") : "",
    st->f_informant ? st->f_informant : "", st->f_group ? _ (" · group ") : "",
    st->f_group ? st->f_group : "", st->f_theme ? _ (" · theme ") : "",
    st->f_theme ? st->f_theme : "");
  /* TRANSLATORS: the header's right end: "3/12 ? help " (? opens it). */
  g_autofree char *right = g_strdup_printf (
    _ ("%u/%u ? help "), st->visible->len ? st->cur + 1 : 0, st->visible->len);
  int rw = MIN (text_width (right), cols);
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

/* The codebook pane: a heading row, then one row per theme from the
 * state's cb_top, clamped so that the last page is full; under a
 * codebook that leaves room, what the marks mean. */
enum { CODEBOOK_TOP = 1, CODEBOOK_BOTTOM_GAP = 3 };

int
tui_codebook_rows (int lines)
{
  return lines - CODEBOOK_BOTTOM_GAP - CODEBOOK_TOP - 1;
}

/* TRANSLATORS: what the codebook pane's marks mean, two rows of at most
 * 28 columns: the marks stay in their columns. */
static const char *const legend[] = {
  N_ ("[x] yours  [~] part of it"),
  N_ (" *  rules   -  you rejected"),
};

static void
draw_theme (const TuiState *st, const TeemaSegment *s, guint i, int y, int x,
            int cols)
{
  const TeemaTheme *t = teema_codebook_theme (st->codebook, i);
  gboolean mine = tui_has (st->mine, s->id, t->code);
  gboolean part = mine && tui_has (st->partial, s->id, t->code);
  gboolean rule = tui_has (st->rules, s->id, t->code);
  gboolean rej = tui_has (st->rejected, s->id, t->code);
  char key = i < strlen (TUI_THEME_KEYS) ? TUI_THEME_KEYS[i] : ' ';
  g_autofree char *indent = g_strnfill (MIN (t->depth, 3) * 2, ' ');
  g_autofree char *line = g_strdup_printf ("%c [%c]%s %s%s", key,
                                           part   ? '~'
                                           : mine ? 'x'
                                                  : ' ',
                                           rule ? (rej ? "-" : "*") : " ",
                                           indent, tui_theme_name (st, t));
  attr_t a = mine           ? COLOR_PAIR (PAIR_CODED) | A_BOLD
             : rule && !rej ? COLOR_PAIR (PAIR_SUGGESTED)
                            : 0;
  put (y, x, cols, line, a);
}

static void
draw_codebook (const TuiState *st, const TeemaSegment *s, int x, int cols,
               int rows)
{
  guint n = teema_codebook_size (st->codebook);
  guint shown = MIN (n, (guint) MAX (rows, 0));
  guint first = MIN (st->cb_top, n - shown);
  g_autofree char *head = shown < n
                            ? g_strdup_printf (_ ("Codebook %u-%u/%u  [ ]"),
                                               first + 1, first + shown, n)
                            : g_strdup (_ ("Codebook"));
  put (CODEBOOK_TOP, x, cols, head, A_BOLD);
  if (n == 0) {
    /* TRANSLATORS: an empty codebook pane, in rows of at most 28 columns. */
    put (CODEBOOK_TOP + 2, x, cols, _ ("No themes yet."), 0);
    put (CODEBOOK_TOP + 3, x, cols, _ ("Press : and type a name"), 0);
    put (CODEBOOK_TOP + 4, x, cols, _ ("to create one and code"), 0);
    put (CODEBOOK_TOP + 5, x, cols, _ ("this segment with it."), 0);
    return;
  }
  for (guint r = 0; r < shown; r++)
    draw_theme (st, s, first + r, CODEBOOK_TOP + 1 + (int) r, x, cols);
  int free_rows = rows - (int) shown;
  for (gsize k = 0; free_rows >= 3 && k < G_N_ELEMENTS (legend); k++)
    put (CODEBOOK_TOP + rows - 1 + (int) k, x, cols, _ (legend[k]), A_DIM);
}

static void
draw_footer (const TuiState *st, const TeemaSegment *s, int rows, int cols)
{
  g_autoptr (GPtrArray) p = tui_pending (st, s->id);
  GString *sug = g_string_new (_ ("Suggested: "));
  for (guint i = 0; i < p->len; i++)
    g_string_append_printf (sug, "%s%s", i ? ", " : "", (char *) p->pdata[i]);
  if (p->len)
    g_string_append (sug, _ ("  (a/r first, +/- all)"));
  else
    g_string_append (sug, "-");
  put (rows - 3, 0, cols, sug->str, p->len ? COLOR_PAIR (PAIR_SUGGESTED) : 0);
  g_string_free (sug, TRUE);
  const char *memo = g_hash_table_lookup (st->memos, &s->id);
  g_autofree char *m = g_strdup_printf (_ ("Memo: %s"), memo ? memo : "-");
  put (rows - 2, 0, cols, m, 0);
}

/* The prompt's label; the create prompt names what it would do. */
static char *
prompt_label (const TuiState *st)
{
  switch (st->prompt) {
  case PROMPT_MEMO:
    return g_strdup (_ ("Memo> "));
  case PROMPT_SEARCH:
    return g_strdup (_ ("Search rule> "));
  case PROMPT_THEME:
    return g_strdup (_ ("Next with theme (key or name)> "));
  case PROMPT_FILTER:
    /* TRANSLATORS: informant:, group: and theme: are typed as they are. */
    return g_strdup (_ ("Filter (informant:ID group:G theme:T)> "));
  case PROMPT_TOGGLE:
    return g_strdup (_ ("Code theme (key, name, or a new name)> "));
  case PROMPT_RENAME_WHICH:
    return g_strdup (_ ("Rename theme (key or name)> "));
  case PROMPT_RENAME_TO:
    return g_strdup_printf (_ ("Rename %s to> "), st->pending);
  case PROMPT_CREATE: {
    const TeemaTheme *last =
      st->last_theme ? teema_codebook_lookup (st->codebook, st->last_theme)
                     : NULL;
    const TeemaTheme *parent =
      last && last->parent ? teema_codebook_lookup (st->codebook, last->parent)
                           : NULL;
    /* TRANSLATORS: where a new theme would go: under a theme's label. */
    g_autofree char *under =
      parent ? g_strdup_printf (_ ("under %s"), tui_theme_name (st, parent))
             : g_strdup (_ ("at the top"));
    /* TRANSLATORS: the create prompt's choice s: under the label of the
     * theme last coded. The key s stays. */
    g_autofree char *sub =
      last ? g_strdup_printf (_ (", s under %s"), tui_theme_name (st, last))
           : g_strdup ("");
    /* TRANSLATORS: a new theme's name, where it would go ("under X", "at
     * the top") and the other choices; the keys y, t, s and n stay. */
    return g_strdup_printf (_ ("New theme '%s' %s? y yes%s%s, n no> "),
                            st->pending, under, parent ? _ (", t top") : "",
                            sub);
  }
  case PROMPT_NONE:
    break;
  }
  return g_strdup ("");
}

static void
draw_bottom (const TuiState *st, int rows, int cols)
{
  int y = rows - 1;
  if (st->prompt != PROMPT_NONE) {
    g_autofree char *label = prompt_label (st);
    int x = put (y, 0, cols, label, A_BOLD);
    /* Show the end of a long input. */
    const char *s = st->input->str;
    while (g_utf8_strlen (s, -1) > cols - x - 1)
      s = g_utf8_next_char (s);
    x += put (y, x, cols - x, s, 0);
    put (y, x, 1, "_", A_BLINK);
  } else {
    /* TRANSLATORS: the status line's reminder of the main keys: it is cut
     * at the terminal's width (80 columns and up), so keep it short. */
    put (y, 0, cols,
         st->status ? st->status
                    : _ ("j/k move  1-9 A-Z code  a/r suggestions"
                         "  m memo  u undo  n uncoded  q quit"),
         A_DIM);
  }
}

/* The help view's rows: the theme keys, one row per action of the key
 * table (adjacent bindings of one action joined, "j, Down"), the keys
 * while choosing sentences, and the codebook's marks. */
static GPtrArray *
help_rows (const TuiState *st)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint nk = MIN (teema_codebook_size (st->codebook), strlen (TUI_THEME_KEYS));
  if (nk)
    g_ptr_array_add (
      out, nk == 1
             ? g_strdup_printf ("  1        %s", _ ("code/uncode that theme"))
             : g_strdup_printf ("  1-%c      %s", TUI_THEME_KEYS[nk - 1],
                                _ ("code/uncode that theme")));
  const TuiBinding *tables[] = { tui_bindings, tui_select_bindings };
  for (gsize k = 0; k < G_N_ELEMENTS (tables); k++) {
    if (k == 1)
      g_ptr_array_add (out, g_strdup (_ ("After v (choosing sentences):")));
    for (const TuiBinding *b = tables[k]; b->action != ACT_NONE;) {
      GString *names = g_string_new (b->name);
      const TuiBinding *first = b;
      for (b++; b->action == first->action; b++)
        g_string_append_printf (names, ", %s", b->name);
      g_ptr_array_add (out,
                       g_strdup_printf ("  %-8s %s", names->str,
                                        _ (tui_actions[first->action].help)));
      g_string_free (names, TRUE);
    }
  }
  /* TRANSLATORS: the codebook's marks x ~ * - (they stay), at most 38
   * columns in all. */
  g_ptr_array_add (out,
                   g_strdup (_ ("  x ~ * -  yours, part, rules, rejected")));
  return out;
}

/* The help view: generated from the key tables, in two columns when one
 * does not hold it. */
static void
draw_help (const TuiState *st, int rows, int cols)
{
  put (0, 0, cols, _ ("teema code — keys (any key returns)"), A_BOLD);
  g_autoptr (GPtrArray) lines = help_rows (st);
  int room = rows - 3; /* rows 2 .. rows - 2 */
  int colw = (int) lines->len > room ? cols / 2 : cols;
  for (guint i = 0; i < lines->len && (int) i < 2 * room; i++)
    put (2 + (int) i % room, (int) i < room ? 0 : colw, colw, lines->pdata[i],
         0);
  put (rows - 1, 0, cols,
       _ ("Every action is saved at once; u undoes this "
          "session's actions."),
       A_DIM);
}

/* Says so, wrapped to the width there is, when the terminal is too
 * small to code in. */
static void
draw_too_small (int rows, int cols)
{
  g_autofree char *msg = g_strdup_printf (
    _ ("teema code needs a terminal of %dx%d at least; this one is %dx%d. "
       "Make it larger, or press q to quit."),
    MIN_COLS, MIN_ROWS, cols, rows);
  draw_rows (0, 0, cols, "", msg, 0, rows, NULL, 0);
}

void
tui_draw (const TuiState *st)
{
  int rows = LINES, cols = COLS;
  erase ();
  if (rows < MIN_ROWS || cols < MIN_COLS) {
    draw_too_small (rows, cols);
    return;
  }
  if (st->help) {
    draw_help (st, rows, cols);
    return;
  }
  draw_header (st, cols);
  const TeemaSegment *s = tui_current (st);
  if (!s) {
    /* Wrapped, as a translation may be longer than the narrowest screen. */
    draw_rows (2, 0, cols, "",
               _ ("No segments to code with these filters (f changes them)."),
               0, rows - 5, NULL, 0);
    draw_bottom (st, rows, cols);
    return;
  }
  int left = text_cols (st, cols);
  draw_place (st, s, left);
  if (st->choosing)
    draw_sentences (st, s, left, rows - 3);
  else
    draw_text (st, s, left, rows - 3);
  draw_vline (1, left, rows - 4, A_DIM);
  draw_codebook (st, s, left + 1, cols - left - 1, tui_codebook_rows (rows));
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
