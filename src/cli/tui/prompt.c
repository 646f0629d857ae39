/* tui/prompt.c — what the prompts do when Enter is pressed: save a memo,
 * search, jump to a theme, filter, code a theme by its name.
 *
 * Must always hold: a prompt's text is read only here, after the prompt
 * closed, and a change it makes goes through tui_do like any action's. */
#include "tui.h"

#include <string.h>

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

static gboolean
is_found (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  return st->found && g_hash_table_contains (st->found, &s->id);
}

static void
commit_search (TuiState *st)
{
  GError *error = NULL;
  TeemaSegmentFilter f = { NULL, NULL, FALSE };
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
  if (tui_jump (st, is_found, NULL, "search match"))
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
    tui_toggle (st, i);
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

static gboolean
has_theme (const TuiState *st, const TeemaSegment *s, gconstpointer data)
{
  return tui_has (st->mine, s->id, data) || tui_has (st->rules, s->id, data);
}

void
tui_commit_prompt (TuiState *st)
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
      tui_jump (st, has_theme, t, t);
    else
      tui_status (st, "no theme '%s'", st->input->str);
  }
}
