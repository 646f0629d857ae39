/* project/import.c — bringing transcript files into a project.
 *
 * Each file is read, parsed and segmented before anything is written; then
 * all files go in one transaction, so an error in the fifth file leaves
 * the project as it was before the first. A file whose content hash is
 * already in the project is refused unless forced (then it is replaced). */
#include "project/project-private.h"
#include "project/segment-private.h"
#include "formats/formats-private.h"

#include <string.h>

void
teema_import_result_free (TeemaImportResult *r)
{
  if (!r)
    return;
  g_free (r->path);
  g_free (r->informant);
  g_free (r);
}

typedef struct {
  char *path, *name, *sha256;
  TeemaTranscript *transcript;
  GPtrArray *segments;
  char *informant;
} Prepared;

static void
prepared_free (Prepared *p)
{
  g_free (p->path);
  g_free (p->name);
  g_free (p->sha256);
  g_free (p->informant);
  teema_transcript_free (p->transcript);
  if (p->segments)
    g_ptr_array_unref (p->segments);
  g_free (p);
}

static char *
base_name_no_ext (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

static Prepared *
prepare_file (const char *path, const TeemaImportOptions *opt,
              TeemaAnalyzer *joiner, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!teema_formats__read_transcript (path, &data, &len, error))
    return NULL;
  Prepared *p = g_new0 (Prepared, 1);
  p->path = g_strdup (path);
  p->name = g_path_get_basename (path);
  if (joiner && g_utf8_validate_len (data, len, NULL)
      && !memchr (data, '\0', len)) {
    char *joined = teema_analyzer_join_hyphenation (joiner, data, NULL);
    g_free (data);
    data = joined;
    len = strlen (joined);
  }
  p->transcript = teema_transcript_parse (data, (gssize) len, path, error);
  if (!p->transcript) {
    prepared_free (p);
    return NULL;
  }
  const char *text = teema_transcript_text (p->transcript);
  p->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  const char *inf = opt->informant ? opt->informant
                                   : teema_transcript_informant (p->transcript);
  p->informant = inf ? g_strdup (inf) : base_name_no_ext (path);
  p->segments = teema_segment__cut (p->transcript, opt->segmentation);
  return p;
}

static gboolean
store_attributes (TeemaStore *store, gint64 informant_id,
                  const TeemaTranscript *t, GError **error)
{
  for (const char *const *k = teema_transcript_meta_keys (t); *k; k++) {
    if (g_str_equal (*k, "informant") || g_str_equal (*k, "interviewer")
        || g_str_equal (*k, "speakers"))
      continue;
    if (!teema_store__set_informant_attr (store, informant_id, *k,
                                          teema_transcript_meta (t, *k), error))
      return FALSE;
  }
  return TRUE;
}

static TeemaImportResult *
store_file (TeemaStore *store, Prepared *p, const TeemaImportOptions *opt,
            GError **error)
{
  TeemaImportResult *r = g_new0 (TeemaImportResult, 1);
  r->path = g_strdup (p->path);
  r->informant = g_strdup (p->informant);
  gint64 old = teema_store__find_document_by_hash (store, p->sha256);
  if (old && !opt->force) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 "%s: already imported (same content); use --force to "
                 "replace it and its codings",
                 p->path);
    goto fail;
  }
  if (old && !teema_store__delete_document (store, old, error))
    goto fail;
  r->replaced = old != 0;
  gint64 inf = teema_store__ensure_informant (store, p->informant, error);
  if (!inf || !store_attributes (store, inf, p->transcript, error))
    goto fail;
  const char *text = teema_transcript_text (p->transcript);
  r->document_id = teema_store__insert_document (
    store, p->name, p->path, p->sha256, text, (guint) g_utf8_strlen (text, -1),
    inf, teema_segmentation__name (opt->segmentation), error);
  if (!r->document_id)
    goto fail;
  for (guint i = 0; i < p->segments->len; i++) {
    TeemaSegment *s = p->segments->pdata[i];
    s->document_id = r->document_id;
    if (!teema_store__insert_segment (store, s, error))
      goto fail;
    if (!s->interviewer)
      r->n_words += s->n_words;
  }
  r->n_turns = teema_transcript_n_turns (p->transcript);
  r->n_segments = p->segments->len;
  return r;
fail:
  teema_import_result_free (r);
  return NULL;
}

typedef struct {
  const char *const *paths;
  gsize n_paths;
  const TeemaImportOptions *opt;
  TeemaAnalyzer *joiner;
  GPtrArray *results;
} ImportJob;

/* One file at a time, parsed, written and freed, so memory does not grow
 * with the number of files; the transaction still covers them all. */
static gboolean
write_import (TeemaProject *project, gpointer data, GError **error)
{
  ImportJob *job = data;
  for (gsize i = 0; i < job->n_paths; i++) {
    Prepared *p = prepare_file (job->paths[i], job->opt, job->joiner, error);
    if (!p)
      return FALSE;
    TeemaImportResult *r = store_file (project->store, p, job->opt, error);
    prepared_free (p);
    if (!r)
      return FALSE;
    g_ptr_array_add (job->results, r);
    if (job->opt->progress)
      job->opt->progress (i + 1, job->n_paths, job->opt->progress_data);
  }
  return TRUE;
}

GPtrArray *
teema_document_import (TeemaProject *project, const char *const *paths,
                       gsize n_paths, const TeemaImportOptions *options,
                       GError **error)
{
  TeemaImportOptions defaults = { 0 };
  const TeemaImportOptions *opt = options ? options : &defaults;
  g_autoptr (TeemaAnalyzer) joiner = NULL;
  if (opt->join_hyphens) {
    g_autofree char *lang =
      teema_store__get_setting (project->store, "language");
    joiner = teema_analyzer_new (lang ? lang : "fi", error);
    if (!joiner)
      return NULL;
  }
  ImportJob job = { paths, n_paths, opt, joiner,
                    g_ptr_array_new_with_free_func (
                      (GDestroyNotify) teema_import_result_free) };
  if (!teema_project__transact (project, write_import, &job, error)) {
    g_ptr_array_unref (job.results);
    return NULL;
  }
  return job.results;
}
