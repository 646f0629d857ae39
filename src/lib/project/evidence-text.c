/* project/evidence-text.c — learned evidence written into a codebook file
 * that people wrote: every comment, rule and description stays where it
 * was, and only a theme's "evidence:" lines are replaced (put after the
 * theme's last field). teema_codebook_to_text would drop the comments
 * that explain a codebook. */
#include "project/project-private.h"

#include <teema/evidence.h>

#include <string.h>

/* The theme a "theme ID" line at column 1 opens, or NULL. */
static char *
opened_theme (const char *line)
{
  if (!g_str_has_prefix (line, "theme ") && !g_str_has_prefix (line, "theme\t"))
    return NULL;
  return g_strstrip (g_strdup (line + 5));
}

static gboolean
is_field (const char *line)
{
  const char *s = line;
  while (*s == ' ' || *s == '\t')
    s++;
  return s != line && *s && *s != '#';
}

static gboolean
is_evidence (const char *line)
{
  const char *s = line;
  while (*s == ' ' || *s == '\t')
    s++;
  return s != line && g_str_has_prefix (s, "evidence:");
}

/* Puts theme's evidence after line last_field of out (a GPtrArray of
 * lines). */
static void
insert_evidence (GPtrArray *out, guint last_field, const TeemaTheme *t)
{
  g_autoptr (GString) s = g_string_new (NULL);
  teema_codebook__write_evidence (s, "  ", t->evidence);
  if (s->len)
    g_string_truncate (s, s->len - 1); /* the last newline: a line of out */
  g_ptr_array_insert (out, (gint) last_field + 1,
                      g_string_free (g_steal_pointer (&s), FALSE));
}

char *
teema_evidence_rewrite (const char *source, const TeemaCodebook *cb,
                        GError **error)
{
  g_auto (GStrv) lines = g_strsplit (source, "\n", -1);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) done = g_hash_table_new (g_direct_hash, NULL);
  const TeemaTheme *cur = NULL; /* the open block's theme, if it has evidence */
  guint last_field = 0;
  for (guint i = 0;; i++) {
    g_autofree char *code = lines[i] ? opened_theme (lines[i]) : NULL;
    if (cur && (!lines[i] || code)) {
      insert_evidence (out, last_field, cur);
      cur = NULL;
    }
    if (!lines[i])
      break;
    if (code) {
      const TeemaTheme *t = teema_codebook_lookup (cb, code);
      cur = t && t->evidence && t->evidence->len ? t : NULL;
      if (cur)
        g_hash_table_add (done, (gpointer) cur);
      last_field = out->len;
    } else if (cur && is_evidence (lines[i])) {
      continue;
    } else if (cur && is_field (lines[i])) {
      last_field = out->len;
    }
    g_ptr_array_add (out, g_strdup (lines[i]));
  }
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    if (t->evidence && t->evidence->len && !g_hash_table_contains (done, t)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   _ ("the codebook file has no theme '%s' to write its "
                      "evidence to"),
                   t->code);
      return NULL;
    }
  }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}
