/* tui/loop.c — the interactive coder's main loops and terminal handling.
 *
 * In a terminal: ncursesw in cbreak mode, one frame per key, KEY_RESIZE
 * redraws at the new size. The terminal is restored on every exit path:
 * normal return, error, Ctrl-C / SIGTERM / SIGHUP, and crash signals
 * (SIGSEGV, SIGABRT, SIGBUS, SIGFPE), whose handlers call endwin and then
 * re-raise the signal with its default action.
 * In a script (--script FILE): the same keys and frames on a virtual
 * terminal of a fixed size; "dump" writes the screen as text to stdout.
 * Must always hold: state changes only in tui_key; the screen changes only
 * in tui_draw followed by one refresh. */
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t curses_on;

static void
restore_terminal (void)
{
  if (curses_on) {
    curses_on = 0;
    endwin ();
  }
}

static void
on_signal (int sig)
{
  restore_terminal ();
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
install_handlers (void)
{
  static const int sigs[] = { SIGINT,  SIGTERM, SIGHUP, SIGQUIT,
                              SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (sigs); i++)
    sigaction (sigs[i], &sa, NULL);
  atexit (restore_terminal);
}

static void
frame (TuiState *st)
{
  const TeemaSegment *s = tui_current (st);
  if (s)
    tui_fetch_pending (st, s->id);
  tui_draw (st);
  refresh ();
}

int
tui_run_terminal (TuiState *st, GError **error)
{
  if (!isatty (STDIN_FILENO) || !isatty (STDOUT_FILENO)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("'teema code' needs a terminal (for scripts use "
                    "'teema coding add' or 'teema code --script FILE')"));
    return 1;
  }
  install_handlers ();
  initscr ();
  curses_on = 1;
  cbreak ();
  noecho ();
  keypad (stdscr, TRUE);
  set_escdelay (25);
  curs_set (0);
  tui_colors ();
  while (!st->quit) {
    frame (st);
    wint_t ch;
    int rc = get_wch (&ch);
    if (rc == ERR)
      continue;
    if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
      continue; /* ncurses has the new LINES and COLS: just redraw */
    tui_key (st, rc == KEY_CODE_YES ? TUI_FN ((int) ch) : (int) ch);
  }
  restore_terminal ();
  return 0;
}

/* ---- scripts ------------------------------------------------------------- */

static const struct {
  const char *name;
  int key;
} named_keys[] = {
  { "Enter", '\n' },
  { "Esc", 27 },
  { "Space", ' ' },
  { "Tab", '\t' },
  { "Backspace", TUI_FN (KEY_BACKSPACE) },
  { "Up", TUI_FN (KEY_UP) },
  { "Down", TUI_FN (KEY_DOWN) },
  { "PgUp", TUI_FN (KEY_PPAGE) },
  { "PgDn", TUI_FN (KEY_NPAGE) },
  { "Home", TUI_FN (KEY_HOME) },
  { "End", TUI_FN (KEY_END) },
  { "F1", TUI_FN (KEY_F (1)) },
  { "C-r", TUI_CTRL ('r') },
  { "C-c", TUI_CTRL ('c') },
};

static gboolean
parse_key (const char *tok, int *key)
{
  if (g_utf8_strlen (tok, -1) == 1) {
    *key = (int) g_utf8_get_char (tok);
    return TRUE;
  }
  gsize n = strlen (tok);
  if (n > 2 && tok[0] == '<' && tok[n - 1] == '>')
    for (gsize i = 0; i < G_N_ELEMENTS (named_keys); i++)
      if (strlen (named_keys[i].name) == n - 2
          && strncmp (tok + 1, named_keys[i].name, n - 2) == 0) {
        *key = named_keys[i].key;
        return TRUE;
      }
  return FALSE;
}

/* Writes stdscr as text, one line per row, trailing blanks dropped. */
static void
dump_screen (void)
{
  for (int y = 0; y < LINES; y++) {
    GString *line = g_string_new (NULL);
    for (int x = 0; x < COLS; x++) {
      cchar_t cc;
      wchar_t wch[CCHARW_MAX + 1] = { 0 };
      attr_t attrs;
      short pair;
      if (mvwin_wch (stdscr, y, x, &cc) == ERR
          || getcchar (&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0])
        continue;
      for (int i = 0; wch[i]; i++)
        g_string_append_unichar (line, (gunichar) wch[i]);
      if (g_unichar_iswide ((gunichar) wch[0]))
        x++;
    }
    while (line->len && line->str[line->len - 1] == ' ')
      g_string_truncate (line, line->len - 1);
    printf ("%s\n", line->str);
    g_string_free (line, TRUE);
  }
  fflush (stdout);
}

static gboolean
run_line (TuiState *st, const char *path, guint n, char *line, GError **error)
{
  g_strchomp (line);
  if (!*line || *line == '#')
    return TRUE;
  int cols, rows;
  if (g_str_equal (line, "dump")) {
    frame (st);
    dump_screen ();
  } else if (g_str_has_prefix (line, "type ")) {
    for (const char *p = line + 5; *p; p = g_utf8_next_char (p))
      tui_key (st, (int) g_utf8_get_char (p));
  } else if (sscanf (line, "resize %d %d", &cols, &rows) == 2) {
    resizeterm (rows, cols);
  } else if (g_str_has_prefix (line, "keys ")) {
    g_auto (GStrv) toks = g_strsplit (line + 5, " ", -1);
    for (guint i = 0; toks[i]; i++) {
      int key;
      if (!*toks[i])
        continue;
      if (!parse_key (toks[i], &key)) {
        g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                     /* TRANSLATORS: a key script's file, line and word;
                      * the key names stay as they are. */
                     _ ("%s:%u: unknown key '%s' (a character or <Enter>, "
                        "<Esc>, <Down>, <C-r>...)"),
                     path, n, toks[i]);
        return FALSE;
      }
      tui_key (st, key);
    }
  } else {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 /* TRANSLATORS: keys, type, dump and resize are the
                  * words of a key script and stay as they are. */
                 _ ("%s:%u: expected 'keys K...', 'type TEXT', 'dump' or "
                    "'resize COLS ROWS'"),
                 path, n);
    return FALSE;
  }
  frame (st);
  return TRUE;
}

int
tui_run_script (TuiState *st, const char *path, int cols, int rows,
                GError **error)
{
  g_autofree char *text = NULL;
  GError *io = NULL;
  if (!g_file_get_contents (path, &text, NULL, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return 1;
  }
  FILE *out = fopen ("/dev/null", "w"), *in = fopen ("/dev/null", "r");
  const char *term = g_getenv ("TERM");
  SCREEN *screen = newterm (term && *term ? term : "xterm-256color", out, in);
  if (!screen) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED, "%s",
                 _ ("no terminal description for TERM; set "
                    "TERM=xterm-256color"));
    fclose (out);
    fclose (in);
    return 1;
  }
  curses_on = 1;
  resizeterm (rows, cols);
  tui_colors ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean ok = TRUE;
  frame (st);
  for (guint i = 0; ok && lines[i] && !st->quit; i++)
    ok = run_line (st, path, i + 1, lines[i], error);
  restore_terminal ();
  delscreen (screen);
  fclose (out);
  fclose (in);
  return ok ? 0 : 1;
}
