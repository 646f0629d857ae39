/* teema/merge.h — merging the work of coders who coded separate copies of
 * a project.
 *
 * Documents match by content hash and segments by (document hash, ordinal),
 * so the copies may have imported documents in any order. Themes match by
 * code; a theme only the other copy has is added with its labels and rules.
 * Human codings, memos and rejected suggestions are merged as a union;
 * the rule codings (coder "rules") are not, since autocode recomputes them.
 * Nothing is lost: what cannot be merged (a segment the project lacks) is
 * reported as a conflict, and when the two copies hold different memos by
 * the same coder on the same segment, the other's text is appended to ours
 * and reported. One transaction: all of it or nothing. */
#ifndef TEEMA_MERGE_H
#define TEEMA_MERGE_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  guint n_codings_added; /* codings new to the project */
  guint n_codings_kept;  /* codings the project already had */
  guint n_rules_skipped; /* rule codings left out */
  guint n_memos_added;
  guint n_memos_kept;   /* identical memos */
  guint n_memos_joined; /* different memos, other's appended */
  guint n_rejections_added;
  guint n_themes_added;
  guint n_conflicts;  /* codings, memos, rejections not merged */
  TeemaTable *events; /* kind, document, position, theme, coder,
                         detail: every conflict, joined memo and
                         added theme */
} TeemaMergeResult;

void teema_merge_result_free (TeemaMergeResult *result);

/* Merges other_path into project; with dry_run computes the same result
 * and changes nothing. Same file as the
 * project: TEEMA_ERROR_FAILED; no such file: TEEMA_ERROR_NOT_FOUND. The
 * other file is only read, never changed (an older one is upgraded in
 * memory); one that is not a teema project is refused unchanged. */
TeemaMergeResult *teema_merge_run (TeemaProject *project,
                                   const char *other_path, gboolean dry_run,
                                   GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaMergeResult, teema_merge_result_free)

#ifdef __cplusplus
}
#endif

#endif
