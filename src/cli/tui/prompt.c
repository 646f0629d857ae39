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
  TuiStep step = { .kind = STEP_MEMO,
                   .segment = s->id,
                   .on = TRUE,
                   .old_text = g_strdup (old),
                   .new_text = g_strdup (st->input->str) };
  if (tui_do (st, step))
    tui_status (st, "%s",
                st->input->len ? _ ("memo saved") : _ ("memo deleted"));
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
  if (tui_jump (st, is_found, NULL, _ ("search match"), _ ("no search match")))
    /* TRANSLATORS: a count of segments and the search rule typed. */
    tui_status (st,
                g_dngettext (GETTEXT_PACKAGE, "%u segment matches %s (N: next)",
                             "%u segments match %s (N: next)", m->len),
                m->len, st->search);
}

static gboolean
starts_with (const char *name, const char *folded_start)
{
  if (!name)
    return FALSE;
  g_autofree char *f = g_utf8_casefold (name, -1);
  return g_str_has_prefix (f, folded_start);
}

guint
tui_theme_index (const TuiState *st, const char *text, gboolean *many)
{
  guint n = teema_codebook_size (st->codebook), found = G_MAXUINT, hits = 0;
  const char *k = strlen (text) == 1 ? strchr (TUI_THEME_KEYS, text[0]) : NULL;
  if (many)
    *many = FALSE;
  if (k && text[0] && (guint) (k - TUI_THEME_KEYS) < n)
    return (guint) (k - TUI_THEME_KEYS);
  const TeemaTheme *t =
    *text ? teema_codebook_find (st->codebook, text, NULL) : NULL;
  if (t)
    return (guint) teema_codebook_index (st->codebook, t->code);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < n && *text; i++) {
    const TeemaTheme *c = teema_codebook_theme (st->codebook, i);
    if ((starts_with (c->code, folded) || starts_with (c->label_fi, folded)
         || starts_with (c->label_en, folded))
        && hits++ == 0)
      found = i;
  }
  if (many)
    *many = hits > 1;
  return hits == 1 ? found : G_MAXUINT;
}

static const char *
theme_for (const TuiState *st, const char *text)
{
  guint i = tui_theme_index (st, text, NULL);
  return i == G_MAXUINT ? NULL : teema_codebook_theme (st->codebook, i)->code;
}

/* A name that is no theme: offer to create it (PROMPT_CREATE). */
static void
commit_toggle (TuiState *st)
{
  gboolean many;
  guint i = tui_theme_index (st, st->input->str, &many);
  if (i != G_MAXUINT)
    tui_toggle (st, i);
  else if (many)
    tui_status (st, _ ("'%s' starts several theme names; type more"),
                st->input->str);
  else if (*st->input->str) {
    g_free (st->pending);
    st->pending = g_strdup (st->input->str);
    tui_open_prompt (st, PROMPT_CREATE, NULL);
  }
}

static void
commit_rename_which (TuiState *st)
{
  guint i = tui_theme_index (st, st->input->str, NULL);
  if (i == G_MAXUINT) {
    tui_status (st, _ ("no theme '%s'"), st->input->str);
    return;
  }
  const TeemaTheme *t = teema_codebook_theme (st->codebook, i);
  g_free (st->pending);
  st->pending = g_strdup (t->code);
  tui_open_prompt (st, PROMPT_RENAME_TO, tui_theme_name (st, t));
}

/* Renames st->pending to the typed name: its id follows the name, and
 * its label (in the codebook's language) is the name when the name is
 * not itself the id. */
static void
commit_rename_to (TuiState *st)
{
  const TeemaTheme *t = teema_codebook_lookup (st->codebook, st->pending);
  const char *name = st->input->str;
  g_autofree char *code = teema_theme_code_for (name);
  if (!t || !code) {
    tui_status (st, _ ("'%s' cannot name a theme: use letters or digits"),
                name);
    return;
  }
  gboolean en = g_strcmp0 (st->lang, "en") == 0;
  TuiStep step = { .kind = STEP_THEME_RENAME,
                   .theme = g_strdup (t->code),
                   .on = TRUE,
                   .other = teema_theme_code_equal (code, t->code)
                              ? g_strdup (t->code)
                              : g_strdup (code),
                   .old_text = g_strdup (en ? t->label_en : t->label_fi),
                   .new_text =
                     g_str_equal (code, name) ? NULL : g_strdup (name) };
  g_autofree char *from = g_strdup (t->code);
  g_autofree char *to = g_strdup (step.other);
  if (tui_do (st, step)) {
    g_free (st->last_theme);
    st->last_theme = g_steal_pointer (&to);
    tui_status (st, _ ("renamed %s to %s"), from, name);
  }
}

static void
commit_filter (TuiState *st)
{
  g_auto (GStrv) words = g_strsplit (st->input->str, " ", -1);
  g_clear_pointer (&st->f_informant, g_free);
  g_clear_pointer (&st->f_group, g_free);
  g_clear_pointer (&st->f_theme, g_free);
  gboolean ignored = FALSE;
  for (guint i = 0; words[i]; i++) {
    const char *w = words[i];
    if (g_str_has_prefix (w, "informant:"))
      st->f_informant = g_strdup (w + 10);
    else if (g_str_has_prefix (w, "group:"))
      st->f_group = g_strdup (w + 6);
    else if (g_str_has_prefix (w, "theme:") && theme_for (st, w + 6))
      st->f_theme = g_strdup (theme_for (st, w + 6));
    else if (*w) {
      /* TRANSLATORS: informant:, group: and theme: are typed as they are. */
      tui_status (st, _ ("ignored '%s' (use informant:ID group:G theme:T)"), w);
      ignored = TRUE;
    }
  }
  tui_refilter (st);
  guint n = st->visible->len;
  gboolean any = st->f_informant || st->f_group || st->f_theme;
  if (ignored)
    return;
  if (any)
    tui_status (st,
                g_dngettext (GETTEXT_PACKAGE, "%u segment matches the filter",
                             "%u segments match the filter", n),
                n);
  else
    tui_status (st,
                g_dngettext (GETTEXT_PACKAGE, "%u segment: no filter",
                             "%u segments: no filter", n),
                n);
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
  else if (p == PROMPT_RENAME_WHICH)
    commit_rename_which (st);
  else if (p == PROMPT_RENAME_TO)
    commit_rename_to (st);
  else if (p == PROMPT_THEME) {
    const char *t = theme_for (st, st->input->str);
    if (t) {
      /* TRANSLATORS: a theme id: no segment is coded with it. */
      g_autofree char *none = g_strdup_printf (_ ("no %s"), t);
      tui_jump (st, has_theme, t, t, none);
    } else {
      tui_status (st, _ ("no theme '%s'"), st->input->str);
    }
  }
}
