/* tui/tui.h — the interactive coder: its state, its actions, the key table
 * and the views (tig-style: views are tables of functions, key bindings
 * are data, drawing reads the state and never changes it).
 *
 * Must always hold: every action that changes the project calls the
 * library at once (one transaction each), before the next frame shows it
 * as done; the undo and redo stacks hold only the session's own actions. */
#ifndef TEEMA_TUI_H
#define TEEMA_TUI_H

#include <teema/teema.h>

/* A key: a Unicode code point, or a curses function key via TUI_FN. */
#define TUI_FN(k)   ((k) + 0x200000)
#define TUI_CTRL(c) ((c) &0x1f)

typedef enum {
  ACT_NONE,
  ACT_NEXT,
  ACT_PREV,
  ACT_PAGE_NEXT,
  ACT_PAGE_PREV,
  ACT_FIRST,
  ACT_LAST,
  ACT_NEXT_UNCODED,
  ACT_NEXT_SUGGESTED,
  ACT_NEXT_THEME,
  ACT_SEARCH,
  ACT_SEARCH_NEXT,
  ACT_FILTER,
  ACT_MEMO,
  ACT_ACCEPT,
  ACT_REJECT,
  ACT_ACCEPT_ALL,
  ACT_REJECT_ALL,
  ACT_UNDO,
  ACT_REDO,
  ACT_HELP,
  ACT_QUIT,
  ACT_THEME_PROMPT, /* toggle any theme by its code (past the 35 keys) */
  ACT_CODEBOOK_UP,
  ACT_CODEBOOK_DOWN, /* scroll the codebook pane */
  ACT_TOGGLE_THEME,  /* the theme keys: THEME_KEYS[i] toggles theme i */
  ACT_COUNT,
} TuiAction;

typedef enum {
  PROMPT_NONE,
  PROMPT_MEMO,
  PROMPT_SEARCH,
  PROMPT_THEME,
  PROMPT_FILTER,
  PROMPT_TOGGLE,
} TuiPrompt;

typedef struct TuiState TuiState;

/* An action: what a key does, named and explained once (tig-style). */
typedef struct {
  TuiAction action;
  const char *name; /* "next", "undo": stable names for scripts and docs */
  const char *help; /* at most 29 columns: the help view has two columns */
  void (*run) (TuiState *st);
} TuiActionDef;

/* Every action, indexed by TuiAction (actions.c). */
extern const TuiActionDef tui_actions[ACT_COUNT];

typedef struct {
  int key;          /* the key */
  const char *name; /* as shown in help, e.g. "j, Down" is two rows */
  TuiAction action;
} TuiBinding;

/* The key table (ends with action ACT_NONE) and the theme keys: the
 * first 35 themes have a key each; ':' reaches every theme by its code.
 * Adjacent bindings of one action share a row of the help view. */
extern const TuiBinding tui_bindings[];
extern const char TUI_THEME_KEYS[];

typedef enum { STEP_CODING, STEP_REJECT, STEP_MEMO } TuiStepKind;

typedef struct {
  TuiStepKind kind;
  guint group; /* steps of one key press share a group */
  gint64 segment;
  char *theme;
  gboolean on; /* coding/rejection after the step */
  char *old_memo, *new_memo;
} TuiStep;

struct TuiState {
  TeemaProject *project;
  char *coder;
  TeemaCodebook *codebook;
  TeemaHighlighter *highlighter; /* NULL when rules fail to compile */
  GPtrArray *all;                /* TeemaSegment *, every turn in order */
  GArray *visible;               /* guint indices into all: codable, filtered */
  GHashTable *doc_turns;         /* document id -> number of its turns */
  guint cur;                     /* index into visible */
  GArray *hits;                  /* TeemaHighlight of the current segment */
  GHashTable *mine;              /* "seg\x1ftheme" coded by coder */
  GHashTable *rules;             /* "seg\x1ftheme" coded by rules */
  GHashTable *rejected;          /* "seg\x1ftheme" rejected by coder */
  GHashTable *memos;             /* gint64 * seg -> char * memo of coder */
  guint cb_top;                  /* first theme shown in the codebook pane (the
                                    drawing clamps it to the screen) */
  char *f_informant, *f_group, *f_theme; /* filters or NULL */
  GHashTable *found; /* gint64 * seg ids matching the search */
  char *search;
  GArray *undo, *redo; /* TuiStep */
  guint next_group;
  TuiPrompt prompt;
  GString *input; /* the prompt's text */
  gboolean help;  /* the help view is shown */
  gboolean quit;
  char *status; /* the message line */
};

TuiState *tui_state_new (TeemaProject *project, const char *coder,
                         const char *informant, const char *group,
                         const char *theme, GError **error);
void tui_state_free (TuiState *st);
const TeemaSegment *tui_current (const TuiState *st);
/* Neighbour turn of the current one: delta -1 or +1; NULL at an edge. */
const TeemaSegment *tui_neighbour (const TuiState *st, int delta);
guint tui_doc_turns (const TuiState *st, const TeemaSegment *seg);
gboolean tui_has (GHashTable *set, gint64 seg, const char *theme);
/* Rule themes not yet coded or rejected by the coder, in codebook order. */
GPtrArray *tui_pending (const TuiState *st, gint64 seg);

/* Recomputes the visible segments after a filter change, staying on the
 * current segment when it is still visible. */
void tui_refilter (TuiState *st);
void tui_select (TuiState *st, guint visible_index);
/* Does a new step (taking ownership of its strings), recording it for
 * undo; FALSE with the status set when the project refused it. */
gboolean tui_do (TuiState *st, TuiStep step);
/* Applies a step forward or backward through the library. */
gboolean tui_apply (TuiState *st, const TuiStep *step, gboolean forward);
/* Undoes (forward FALSE) or redoes the last group of steps; returns how
 * many steps moved. */
guint tui_replay (TuiState *st, gboolean forward);

/* Runs one key in the state (dispatching to an action or the prompt). */
void tui_key (TuiState *st, int key);

/* ---- what actions and prompts share (actions.c) -------------------------- */

typedef gboolean (*TuiSegmentTest) (const TuiState *st, const TeemaSegment *s,
                                    gconstpointer data);
/* Jumps to the next visible segment (wrapping) that passes test, saying
 * what it found (what) in the status line. */
gboolean tui_jump (TuiState *st, TuiSegmentTest test, gconstpointer data,
                   const char *what);
/* Codes or uncodes theme i of the codebook on the current segment. */
void tui_toggle (TuiState *st, guint i);
/* Opens a prompt with text in its input. */
void tui_open_prompt (TuiState *st, TuiPrompt prompt, const char *text);
/* Runs the prompt's text when Enter was pressed (prompt.c). */
void tui_commit_prompt (TuiState *st);
void tui_status (TuiState *st, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

/* Sets up the colour pairs draw uses (after initscr/newterm). */
void tui_colors (void);
/* How many themes the codebook pane shows on a screen of lines rows
 * (the layout draw uses; keys page the pane by it). */
int tui_codebook_rows (int lines);
/* Draws one frame of the state on stdscr (erase, draw, no refresh). */
void tui_draw (const TuiState *st);

/* The loops: a terminal session, or a key script on a virtual terminal
 * of cols x rows that prints screen dumps to stdout (for tests). */
int tui_run_terminal (TuiState *st, GError **error);
int tui_run_script (TuiState *st, const char *path, int cols, int rows,
                    GError **error);

#endif
