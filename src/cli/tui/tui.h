/* tui/tui.h — the interactive coder: its state, its actions, the key table
 * and the views (tig-style: views are tables of functions, key bindings
 * are data, drawing reads the state and never changes it).
 *
 * Must always hold: every action that changes the project calls the
 * library at once (one transaction each), before the next frame shows it
 * as done; the undo and redo stacks hold only the session's own actions. */
#ifndef TEEMA_TUI_H
#define TEEMA_TUI_H

#include <glib/gi18n-lib.h> /* _(): the "teema" domain, see ../lang.c */
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
  ACT_THEME_PROMPT, /* code any theme by name; a new name creates one */
  ACT_RENAME,       /* rename a theme */
  ACT_CODEBOOK_UP,
  ACT_CODEBOOK_DOWN, /* scroll the codebook pane */
  ACT_SELECT,        /* start choosing sentences of the turn to code */
  ACT_SENTENCE_NEXT, /* while choosing: the cursor to the next sentence */
  ACT_SENTENCE_PREV,
  ACT_SENTENCE_MARK, /* while choosing: (un)choose the cursor's sentence */
  ACT_SELECT_END,    /* stop choosing */
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
  PROMPT_CREATE,       /* one key: create the theme named at ':'? */
  PROMPT_RENAME_WHICH, /* which theme to rename */
  PROMPT_RENAME_TO,    /* its new name */
} TuiPrompt;

typedef struct TuiState TuiState;

/* An action: what a key does, named and explained once (tig-style). */
typedef struct {
  TuiAction action;
  const char *name; /* "next", "undo": stable names for scripts and docs */
  const char *help; /* N_(): translated where shown; at most 29 columns in
                       every language, for the help view's two columns */
  void (*run) (TuiState *st);
} TuiActionDef;

/* Every action, indexed by TuiAction (actions.c). */
extern const TuiActionDef tui_actions[ACT_COUNT];

typedef struct {
  int key;          /* the key */
  const char *name; /* as shown in help, e.g. "j, Down" is two rows */
  TuiAction action;
} TuiBinding;

/* The key tables (each ends with action ACT_NONE): one for coding, one
 * while choosing sentences; and the theme keys: the first 35 themes have
 * a key each; ':' reaches every theme by name. Adjacent bindings of one
 * action share a row of the help view. */
extern const TuiBinding tui_bindings[];
extern const TuiBinding tui_select_bindings[];
extern const char TUI_THEME_KEYS[];

typedef enum {
  STEP_CODING, /* a coding of [from, to) of the segment's text */
  STEP_ACCEPT, /* a rule suggestion taken as it is (off: the theme's
                  codings of the segment removed) */
  STEP_REJECT,
  STEP_MEMO,
  STEP_THEME_ADD,    /* theme added (off: removed) */
  STEP_THEME_RENAME, /* theme renamed theme -> other, label old -> new */
} TuiStepKind;

typedef struct {
  TuiStepKind kind;
  guint group; /* steps of one key press share a group */
  gint64 segment;
  char *theme;               /* the theme's id (before a rename) */
  gboolean on;               /* coding, rejection or theme after the step */
  guint from;                /* coding: code points of the segment's text */
  guint to;                  /* coding: its end; G_MAXUINT: the whole segment */
  char *other;               /* add: the parent's id; rename: the new id */
  char *old_text, *new_text; /* memo; rename and add: the label */
} TuiStep;

struct TuiState {
  TeemaProject *project;
  char *coder;
  TeemaCodebook *codebook;
  const char *lang;              /* the codebook's language, for labels */
  TeemaHighlighter *highlighter; /* NULL when rules fail to compile */
  GPtrArray *all;    /* TeemaSegment *, every turn in order; a turn's text is
                        read when it is shown (NULL before) */
  GHashTable *by_id; /* gint64 * id -> TeemaSegment * in all */
  GArray *visible;   /* guint indices into all: codable, filtered */
  GHashTable *doc_turns; /* document id -> number of its turns */
  guint cur;             /* index into visible */
  guint anchor;     /* index into all of the last current segment: where a new
                       filter starts looking */
  GArray *hits;     /* TeemaHighlight of the current segment */
  GHashTable *mine; /* "seg\x1ftheme" coded by coder */
  GHashTable *partial;      /* "seg\x1ftheme": the coder coded only parts */
  GHashTable *rules;        /* "seg\x1ftheme" coded by rules */
  GHashTable *rejected;     /* "seg\x1ftheme" rejected by coder */
  GHashTable *suggestions;  /* gint64 * seg -> GPtrArray of TeemaSuggestion *,
                               the library's open suggestions, in order: read
                               a segment at a time as shown, or all at once
                               by tui_load_suggestions */
  gboolean suggestions_all; /* every segment's are in suggestions */
  GHashTable *memos;        /* gint64 * seg -> char * memo of coder */
  guint cb_top;             /* first theme shown in the codebook pane (the
                               drawing clamps it to the screen) */
  guint scroll;      /* first row of the current segment's text shown (while
                        choosing sentences, the drawing keeps the cursor's
                        sentence in view instead) */
  char *last_theme;  /* id of the theme last coded, created or renamed:
                        a new theme goes beside it */
  gboolean choosing; /* choosing sentences of the current segment */
  GArray *sentences; /* TeemaSpan of the current segment, when choosing */
  GArray *chosen;    /* gboolean per sentence */
  guint sentence;    /* the cursor, an index into sentences */
  char *f_informant, *f_group, *f_theme; /* filters or NULL */
  GHashTable *found; /* gint64 * seg ids matching the search */
  char *search;
  char *pending;       /* PROMPT_CREATE: the name to create; PROMPT_RENAME_TO:
                          the id of the theme to rename */
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
/* Reads the open suggestions of seg unless they are at hand: they are
 * read a segment at a time, when the segment is first shown. */
void tui_fetch_pending (TuiState *st, gint64 seg);
/* The open rule suggestions for the coder on seg as read by
 * tui_fetch_pending or tui_load_suggestions, strongest first: theme ids
 * (a new array owning its strings). */
GPtrArray *tui_pending (const TuiState *st, gint64 seg);
/* Reads every segment's open suggestions (for jumping to the next). */
void tui_load_suggestions (TuiState *st);
/* How theme t is shown: its label in the codebook's language, else id. */
const char *tui_theme_name (const TuiState *st, const TeemaTheme *t);

/* Recomputes the visible segments after a filter change, staying on the
 * current segment when it is still visible, else going to the nearest
 * one after it. */
void tui_refilter (TuiState *st);
void tui_select (TuiState *st, guint visible_index);
/* Stops choosing sentences (and forgets the choice). */
void tui_stop_choosing (TuiState *st);
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
void tui_status (TuiState *st, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

/* ---- what actions and prompts share (actions.c) -------------------------- */

typedef gboolean (*TuiSegmentTest) (const TuiState *st, const TeemaSegment *s,
                                    gconstpointer data);
/* Jumps to the next visible segment (wrapping) that passes test, saying
 * what it found (found) in the status line, or none when nothing passes
 * (both translated already). */
gboolean tui_jump (TuiState *st, TuiSegmentTest test, gconstpointer data,
                   const char *found, const char *none);
/* Codes or uncodes theme i of the codebook on the current segment (while
 * choosing sentences: codes the chosen ones). */
void tui_toggle (TuiState *st, guint i);
/* Creates a theme named name under parent (NULL: top level) and codes
 * the current segment (or chosen sentences) with it. */
void tui_create (TuiState *st, const char *name, const char *parent);
/* Opens a prompt with text in its input. */
void tui_open_prompt (TuiState *st, TuiPrompt prompt, const char *text);
/* Runs the prompt's text when Enter was pressed (prompt.c). */
void tui_commit_prompt (TuiState *st);
/* The codebook index of the theme text names: a theme key, an id or a
 * label (any case), or the start of exactly one; G_MAXUINT when none,
 * *many saying whether a start fitted several (prompt.c). */
guint tui_theme_index (const TuiState *st, const char *text, gboolean *many);

/* ---- the layout keys and drawing share (draw.c) -------------------------- */

/* Sets up the colour pairs draw uses (after initscr/newterm). */
void tui_colors (void);
/* How many themes the codebook pane shows on a screen of lines rows
 * (the layout draw uses; keys page the pane by it). */
int tui_codebook_rows (int lines);
/* On a screen of lines x cols: the rows the current segment's text gets
 * at the state's scroll, and how many rows its text wraps to in all. */
void tui_segment_view (const TuiState *st, int lines, int cols, int *rows,
                       int *total);
/* Draws one frame of the state on stdscr (erase, draw, no refresh). */
void tui_draw (const TuiState *st);

/* The loops: a terminal session, or a key script on a virtual terminal
 * of cols x rows that prints screen dumps to stdout (for tests). */
int tui_run_terminal (TuiState *st, GError **error);
int tui_run_script (TuiState *st, const char *path, int cols, int rows,
                    GError **error);

#endif
