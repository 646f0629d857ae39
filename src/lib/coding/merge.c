/* merge.c — merging codings, memos, rejections and themes from another copy
 * of the project (see teema/merge.h for the matching rules).
 *
 * Must always hold: everything is written in one transaction on the
 * project (rolled back on error or dry run); every item of the other copy
 * ends up merged, already present, or listed in result->events, so the
 * counts add up to what the other copy holds. */
#include "project/project-private.h"

#include <stdlib.h>
#include <string.h>

void
teema_merge_result_free (TeemaMergeResult *r)
{
  if (!r)
    return;
  teema_table_free (r->events);
  g_free (r);
}

typedef struct {
  TeemaProject *other;
  const char *other_name;
  GHashTable *keys;  /* other's segment id -> "sha256\x1fordinal" */
  GHashTable *where; /* other's segment id -> TeemaSegment * */
  TeemaMergeResult *result;
} Merge;

static void
event (Merge *m, const char *kind, gint64 other_segment, const char *theme,
       const char *coder, const char *detail)
{
  const TeemaSegment *s =
    other_segment ? g_hash_table_lookup (m->where, &other_segment) : NULL;
  TeemaTable *t = m->result->events;
  teema_table_add_row (t);
  teema_table_add_text (t, kind);
  teema_table_add_text (t, s ? s->document : "");
  if (s)
    teema_table_add_int (t, s->ordinal);
  else
    teema_table_add_text (t, "");
  teema_table_add_text (t, theme ? theme : "");
  teema_table_add_text (t, coder ? coder : "");
  teema_table_add_text (t, detail);
}

/* Our segment for the other's segment id, or 0 (reported) when missing. */
/* Our segment for the other copy's: its id, 0 (recorded as a conflict)
 * when we have none, or -1 with error set when the read failed. */
static gint64
our_segment (TeemaProject *p, Merge *m, gint64 other_id, const char *theme,
             const char *coder, const char *what, GError **error)
{
  const char *key = g_hash_table_lookup (m->keys, &other_id);
  g_auto (GStrv) f = key ? g_strsplit (key, "\x1f", 2) : NULL;
  gint64 id = f && f[1]
                ? teema_store__find_segment (p->store, f[0], atoi (f[1]), error)
                : 0;
  if (id < 0)
    return -1;
  if (!id) {
    g_autofree char *detail = g_strdup_printf (
      "%s not merged: the project has no such segment (import the same "
      "document file first)",
      what);
    event (m, "segment missing", other_id, theme, coder, detail);
    m->result->n_conflicts++;
  }
  return id;
}

static gboolean
merge_themes (TeemaProject *p, Merge *m, GError **error)
{
  GError *local = NULL;
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (m->other, &local);
  if (!cb) {
    gboolean none =
      g_error_matches (local, TEEMA_ERROR, TEEMA_ERROR_NO_CODEBOOK);
    if (none)
      g_error_free (local);
    else
      g_propagate_error (error, local);
    return none;
  }
  g_autoptr (TeemaCodebook) ours = teema_codebook_get (p, NULL);
  guint ordinal = ours ? teema_codebook_size (ours) : 0;
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    gint64 id = teema_store__find_theme (p->store, t->code, error);
    if (id < 0)
      return FALSE;
    if (id)
      continue;
    if (!teema_store__upsert_theme (p->store, t, ordinal++, error))
      return FALSE;
    m->result->n_themes_added++;
    event (m, "theme added", 0, t->code, NULL,
           "only in the other copy; added with its labels and rules");
  }
  return TRUE;
}

static gboolean
merge_codings (TeemaProject *p, Merge *m, GError **error)
{
  g_autoptr (GPtrArray) list = teema_coding_list (m->other, NULL, error);
  if (!list)
    return FALSE;
  for (guint i = 0; i < list->len; i++) {
    TeemaCoding *c = list->pdata[i];
    if (g_str_equal (c->coder, TEEMA_CODER_RULES)) {
      m->result->n_rules_skipped++;
      continue;
    }
    gint64 id =
      our_segment (p, m, c->segment_id, c->theme, c->coder, "coding", error);
    if (id < 0)
      return FALSE;
    gboolean added = FALSE;
    if (id && !teema_store__merge_coding (p->store, c, id, &added, error))
      return FALSE;
    if (id)
      added ? m->result->n_codings_added++ : m->result->n_codings_kept++;
  }
  return TRUE;
}

static gboolean
merge_memo (TeemaProject *p, Merge *m, const TeemaMemo *memo, gint64 id,
            GError **error)
{
  GError *local = NULL;
  g_autofree char *ours =
    teema_store__get_memo (p->store, id, memo->coder, &local);
  if (local) {
    g_propagate_error (error, local);
    return FALSE;
  }
  g_autofree char *joined_tail = g_strdup_printf ("]\n%s", memo->text);
  if (ours
      && (g_str_equal (ours, memo->text)
          || g_str_has_suffix (ours, joined_tail))) {
    m->result->n_memos_kept++;
    return TRUE;
  }
  g_autofree char *text =
    ours ? g_strdup_printf ("%s\n\n[merged from %s, %s]\n%s", ours,
                            m->other_name, memo->updated_at, memo->text)
         : g_strdup (memo->text);
  if (!teema_store__set_memo (p->store, id, memo->coder, text,
                              ours ? NULL : memo->updated_at, error))
    return FALSE;
  if (ours) {
    m->result->n_memos_joined++;
    event (m, "memo joined", memo->segment_id, NULL, memo->coder,
           "both copies had a different memo: the other's text was "
           "appended to ours");
  } else {
    m->result->n_memos_added++;
  }
  return TRUE;
}

static gboolean
merge_memos (TeemaProject *p, Merge *m, GError **error)
{
  g_autoptr (GPtrArray) list =
    teema_store__list_memos (m->other->store, NULL, NULL, error);
  if (!list)
    return FALSE;
  for (guint i = 0; i < list->len; i++) {
    TeemaMemo *memo = list->pdata[i];
    gint64 id =
      our_segment (p, m, memo->segment_id, NULL, memo->coder, "memo", error);
    if (id < 0 || (id && !merge_memo (p, m, memo, id, error)))
      return FALSE;
  }
  return TRUE;
}

static gboolean
merge_rejections (TeemaProject *p, Merge *m, GError **error)
{
  g_autoptr (GPtrArray) list =
    teema_store__list_rejections (m->other->store, NULL, error);
  if (!list)
    return FALSE;
  for (guint i = 0; i < list->len; i++) {
    TeemaCoding *c = list->pdata[i];
    gint64 id = our_segment (p, m, c->segment_id, c->theme, c->coder,
                             "rejected suggestion", error);
    if (id < 0
        || (id
            && !teema_store__set_rejected (p->store, id, c->theme, c->coder,
                                           TRUE, error)))
      return FALSE;
    m->result->n_rejections_added += id != 0;
  }
  return TRUE;
}

static gboolean
write_merge (TeemaProject *p, gpointer data, GError **error)
{
  Merge *m = data;
  return merge_themes (p, m, error) && merge_codings (p, m, error)
         && merge_memos (p, m, error) && merge_rejections (p, m, error);
}

static gboolean
load_other (Merge *m, const char *path, GError **error)
{
  m->other = teema_project__open_readonly (path, error);
  if (!m->other)
    return FALSE;
  m->keys = teema_store__segment_keys (m->other->store, error);
  TeemaSegmentFilter all = { NULL, NULL, TRUE, TRUE };
  g_autoptr (GPtrArray) segs =
    m->keys ? teema_segment_list (m->other, &all, error) : NULL;
  if (!segs)
    return FALSE;
  m->where = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) teema_segment_free);
  for (guint i = 0; i < segs->len; i++) {
    TeemaSegment *s = g_steal_pointer (&segs->pdata[i]);
    g_hash_table_insert (m->where, &s->id, s);
  }
  return TRUE;
}

static void
merge_clear (Merge *m)
{
  if (m->where)
    g_hash_table_destroy (m->where);
  if (m->keys)
    g_hash_table_destroy (m->keys);
  teema_project_free (m->other);
}

static gboolean
same_file (const char *a, const char *b)
{
  g_autofree char *ra = g_canonicalize_filename (a, NULL);
  g_autofree char *rb = g_canonicalize_filename (b, NULL);
  return g_str_equal (ra, rb);
}

static TeemaMergeResult *
result_new (void)
{
  TeemaMergeResult *r = g_new0 (TeemaMergeResult, 1);
  r->events = teema_table_new (_ ("Merge events"));
  const char *cols[] = {
    NC_ ("heading", "event"),    NC_ ("heading", "document"),
    NC_ ("heading", "position"), NC_ ("heading", "theme"),
    NC_ ("heading", "coder"),    NC_ ("heading", "detail")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (r->events, cols[i], TEEMA_HEADING (cols[i]),
                                    i == 2 ? TEEMA_COLUMN_INT
                                           : TEEMA_COLUMN_TEXT);
  return r;
}

TeemaMergeResult *
teema_merge_run (TeemaProject *project, const char *other_path,
                 gboolean dry_run, GError **error)
{
  if (same_file (project->path, other_path)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("%s: cannot merge a project into itself; give the other "
                    "copy"),
                 other_path);
    return NULL;
  }
  g_autofree char *name = g_path_get_basename (other_path);
  Merge m = { NULL, name, NULL, NULL, result_new () };
  gboolean ok = load_other (&m, other_path, error)
                && teema_store__begin (project->store, error);
  if (ok && !(ok = write_merge (project, &m, error)))
    teema_store__rollback (project->store);
  else if (ok && dry_run)
    teema_store__rollback (project->store);
  else if (ok)
    ok = teema_store__commit (project->store, error);
  merge_clear (&m);
  if (!ok) {
    g_prefix_error (error, _ ("merging %s: "), other_path);
    teema_merge_result_free (m.result);
    return NULL;
  }
  return m.result;
}
