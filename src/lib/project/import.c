/* project/import.c — bringing transcript files into a project, and saying
 * what was understood.
 *
 * Each file is read (decoding its encoding), parsed and segmented before
 * anything is written; then all files go in one transaction, so an error
 * in the fifth file leaves the project as it was before the first. A file
 * whose content hash is already in the project is refused unless forced
 * (then it is replaced); with --replace a file takes the place of the
 * document of its name (project/replace.c). Every result says which
 * informant and labels were found, and warns, with the line, about what a
 * careful reader would question: labels used once, text outside any turn,
 * an informant with no words or one segment, two files of one informant.
 * Must always hold: a check (options->check) writes nothing; the informant
 * id is never a generic label ("V", "Vastaaja", ...). */
#include "project/import-private.h"
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
  g_free (r->speakers);
  g_free (r->interviewer);
  g_free (r->encoding);
  g_free (r->replaced_name);
  g_free (r->error);
  if (r->warnings)
    g_ptr_array_unref (r->warnings);
  g_free (r);
}

static void
prepared_free (TeemaPrepared *p)
{
  if (!p)
    return;
  g_free (p->path);
  g_free (p->name);
  g_free (p->sha256);
  g_free (p->informant);
  teema_transcript_free (p->transcript);
  if (p->segments)
    g_ptr_array_unref (p->segments);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaPrepared, prepared_free)

static char *
base_name_no_ext (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

static void
name_informant (TeemaPrepared *p, const TeemaImportOptions *opt)
{
  const char *header = teema_transcript_meta (p->transcript, "informant");
  const char *label = teema_transcript_informant (p->transcript);
  if (opt->informant) {
    p->informant = g_strdup (opt->informant);
    p->from = TEEMA_INFORMANT_FROM_OPTION;
  } else if (header) {
    p->informant = g_strdup (header);
    p->from = TEEMA_INFORMANT_FROM_HEADER;
  } else if (label) {
    p->informant = g_strdup (label);
    p->from = TEEMA_INFORMANT_FROM_LABEL;
  } else {
    p->informant = base_name_no_ext (p->path);
    p->from = TEEMA_INFORMANT_FROM_FILE_NAME;
  }
}

static char *
read_text (const char *path, TeemaAnalyzer *joiner, TeemaReadInfo *info,
           gsize *len, GError **error)
{
  char *data = NULL;
  if (!teema_formats__read_transcript (path, info, &data, len, error))
    return NULL;
  if (joiner && g_utf8_validate_len (data, *len, NULL)
      && !memchr (data, '\0', *len)) {
    char *joined = teema_analyzer_join_hyphenation (joiner, data, NULL);
    g_free (data);
    data = joined;
    *len = strlen (joined);
  }
  return data;
}

static TeemaPrepared *
prepare_file (const char *path, const TeemaImportOptions *opt,
              TeemaAnalyzer *joiner, TeemaReadInfo *info, GError **error)
{
  gsize len = 0;
  g_autofree char *data = read_text (path, joiner, info, &len, error);
  if (!data)
    return NULL;
  g_autoptr (TeemaPrepared) p = g_new0 (TeemaPrepared, 1);
  p->path = g_strdup (path);
  p->name = g_path_get_basename (path);
  TeemaTranscriptOptions topt = { opt->interviewer, opt->informant };
  p->transcript =
    teema_transcript_parse_with (data, (gssize) len, path, &topt, error);
  if (!p->transcript)
    return NULL;
  const char *text = teema_transcript_text (p->transcript);
  p->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  name_informant (p, opt);
  /* An import counts each segment's words as it indexes them (import_one);
   * a check writes nothing, so it counts them here. */
  p->segments =
    teema_segment__cut (p->transcript, opt->segmentation, opt->check);
  return g_steal_pointer (&p);
}

/* ---- the report ---------------------------------------------------------- */

static void warn (TeemaImportResult *r, TeemaWarningKind kind, guint line,
                  const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static void
warn (TeemaImportResult *r, TeemaWarningKind kind, guint line, const char *fmt,
      ...)
{
  TeemaWarning *w = g_new0 (TeemaWarning, 1);
  w->kind = kind;
  w->path = g_strdup (r->path);
  w->line = line;
  va_list ap;
  va_start (ap, fmt);
  w->message = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (r->warnings, w);
}

/* The parser's warnings, placed by line in a text file and by paragraph
 * in a converted one (DOCX, ODT, VTT, SRT). */
static void
copy_warnings (TeemaImportResult *r, const TeemaTranscript *t,
               gboolean converted)
{
  GPtrArray *ws = teema_transcript_warnings (t);
  for (guint i = 0; i < ws->len; i++) {
    const TeemaWarning *src = ws->pdata[i];
    TeemaWarning *w = g_new0 (TeemaWarning, 1);
    w->kind = src->kind;
    w->path = g_strdup (r->path);
    w->line = converted ? 0 : src->line;
    w->paragraph = converted ? src->paragraph : 0;
    w->message = g_strdup (src->message);
    g_ptr_array_add (r->warnings, w);
  }
}

static TeemaImportResult *
result_new (const TeemaPrepared *p, const TeemaReadInfo *info)
{
  TeemaImportResult *r = g_new0 (TeemaImportResult, 1);
  r->path = g_strdup (p->path);
  r->warnings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_warning_free);
  r->encoding = g_strdup (info->used ? info->used : "UTF-8");
  r->speakers = g_strdup (teema_transcript_speakers (p->transcript));
  r->interviewer = g_strdup (teema_transcript_interviewer (p->transcript));
  r->n_turns = teema_transcript_n_turns (p->transcript);
  for (guint i = 0; i < r->n_turns; i++) {
    gboolean iv = teema_transcript_turn (p->transcript, i)->interviewer;
    r->n_interviewer_turns += iv;
    r->n_informant_turns += !iv;
  }
  r->n_segments = p->segments->len;
  for (guint i = 0; i < p->segments->len; i++) {
    const TeemaSegment *s = p->segments->pdata[i];
    r->n_words += s->interviewer ? 0 : s->n_words;
  }
  copy_warnings (r, p->transcript, info->converted);
  return r;
}

static void
check_speech (const TeemaPrepared *p, TeemaImportResult *r)
{
  if (r->n_words == 0)
    warn (r, TEEMA_WARNING_NO_INFORMANT_WORDS, 0,
          _ ("the informant has no words: %s; check the speaker labels or "
             "name the interviewer with --interviewer LABEL"),
          r->n_informant_turns ? _ ("the turns hold only marks or numbers")
                               : _ ("every turn is the interviewer's"));
  else if (p->segments->len == 1)
    warn (r, TEEMA_WARNING_ONE_SEGMENT, 0,
          _ ("the whole document is one segment, so a code can only cover all "
             "of it; check the speaker labels, or import with --segment "
             "paragraph or sentence"));
}

typedef struct {
  const char *const *paths;
  gsize n_paths;
  const TeemaImportOptions *opt;
  TeemaAnalyzer *joiner;
  GPtrArray *results;
  GHashTable *seen;        /* informant -> first path of this import */
  TeemaWordIndexer *words; /* while writing: the word index (not in a check) */
} ImportJob;

/* Another file of this import, or a document of the project, has the
 * same informant: one person's two interviews, or two people. FALSE when
 * the project could not be read. */
static gboolean
check_shared (TeemaStore *store, ImportJob *job, const TeemaPrepared *p,
              TeemaImportResult *r, const char *replaced, GError **error)
{
  const char *first = g_hash_table_lookup (job->seen, p->informant);
  if (first && !job->opt->informant) {
    warn (r, TEEMA_WARNING_SHARED_INFORMANT, 0,
          _ ("informant %s also comes from %s: both files count as one "
             "informant (give one another id with --informant ID if they are "
             "different people)"),
          p->informant, first);
    return TRUE;
  }
  if (!first)
    g_hash_table_insert (job->seen, g_strdup (p->informant),
                         g_strdup (p->path));
  g_autoptr (GPtrArray) docs =
    store ? teema_store__informant_documents (store, p->informant, error)
          : NULL;
  if (store && !docs)
    return FALSE;
  for (guint i = 0; docs && i < docs->len && !job->opt->informant; i++) {
    if (replaced && g_str_equal (docs->pdata[i], replaced))
      continue;
    warn (r, TEEMA_WARNING_SHARED_INFORMANT, 0,
          _ ("informant %s already has the document %s in the project: this "
             "file is added to it (use --replace if it is a corrected version, "
             "--informant ID if it is another person)"),
          p->informant, (char *) docs->pdata[i]);
    return TRUE;
  }
  return TRUE;
}

/* ---- writing ------------------------------------------------------------- */

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

/* The same text already in the project, other than the replaced one. */
static gboolean
check_duplicate (TeemaStore *store, const TeemaPrepared *p,
                 const TeemaImportOptions *opt, gint64 replaced,
                 TeemaImportResult *r, gint64 *forced, GError **error)
{
  gint64 old =
    store ? teema_store__find_document_by_hash (store, p->sha256, error) : 0;
  if (old < 0)
    return FALSE;
  if (!old || old == replaced || opt->force) {
    r->replaced = old && old != replaced;
    *forced = r->replaced ? old : 0;
    return TRUE;
  }
  if (opt->check) {
    warn (r, TEEMA_WARNING_DUPLICATE, 0,
          _ ("already imported (same content): the import would fail; --force "
             "replaces it and its codings"));
    return TRUE;
  }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
               _ ("%s: already imported (same content); use --force to "
                  "replace it and its codings"),
               p->path);
  return FALSE;
}

/* Writes the document, its segments and their words (read by
 * teema_words__read_segments). */
static gboolean
store_file (TeemaStore *store, TeemaWordIndexer *words, TeemaPrepared *p,
            TeemaReplace *rp, const TeemaImportOptions *opt,
            TeemaImportResult *r, GError **error)
{
  gint64 old = r->replaced
                 ? teema_store__find_document_by_hash (store, p->sha256, error)
                 : 0;
  if (old < 0 || (old && !teema_store__delete_document (store, old, error)))
    return FALSE;
  gint64 inf = teema_store__ensure_informant (store, p->informant, error);
  if (!inf || !store_attributes (store, inf, p->transcript, error))
    return FALSE;
  const char *seg = teema_segmentation__name (opt->segmentation);
  if (rp) {
    r->document_id = teema_replace__document (rp);
    return teema_replace__write (store, words, rp, p, inf, seg, error);
  }
  const char *text = teema_transcript_text (p->transcript);
  r->document_id = teema_store__insert_document (
    store, p->name, p->path, p->sha256, text,
    (guint) teema__utf8_length (text, -1), inf, seg, error);
  if (!r->document_id)
    return FALSE;
  teema_words__begin (words);
  for (guint i = 0; i < p->segments->len; i++) {
    TeemaSegment *s = p->segments->pdata[i];
    s->document_id = r->document_id;
    gint64 id = teema_store__insert_segment (store, s, error);
    if (!id)
      return FALSE;
    teema_words__add_read (words, i, id, s->interviewer);
  }
  return teema_words__end (words, r->document_id, error)
         && teema_store__count_document (store, r->document_id, error);
}

/* One file: read, understood, checked and (unless a check) written. */
static TeemaImportResult *
import_one (TeemaStore *store, ImportJob *job, const char *path, GError **error)
{
  const TeemaImportOptions *opt = job->opt;
  TeemaReadInfo info = { opt->encoding, NULL, FALSE };
  g_autoptr (TeemaPrepared) p =
    prepare_file (path, opt, job->joiner, &info, error);
  if (!p)
    return NULL;
  g_autoptr (TeemaReplace) rp =
    opt->replace ? teema_replace__plan (store, p, error) : NULL;
  if (opt->replace && !rp)
    return NULL;
  /* The words are read once: for the counts reported and stored with the
   * segments, and for the word index. */
  if (job->words
      && !teema_words__read_segments (job->words, p->segments, error))
    return NULL;
  g_autoptr (TeemaImportResult) r = result_new (p, &info);
  r->informant = g_strdup (p->informant);
  r->informant_from = p->from;
  if (rp)
    teema_replace__report (rp, r);
  check_speech (p, r);
  gint64 forced = 0;
  if (!check_duplicate (store, p, opt, rp ? teema_replace__document (rp) : 0, r,
                        &forced, error))
    return NULL;
  g_autoptr (TeemaStoreDocument) gone =
    forced ? teema_store__get_document (store, forced, error) : NULL;
  if (forced && !gone)
    return NULL;
  if (!check_shared (store, job, p, r,
                     rp     ? r->replaced_name
                     : gone ? gone->name
                            : NULL,
                     error))
    return NULL;
  if (!opt->check && !store_file (store, job->words, p, rp, opt, r, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* One file at a time, parsed, written and freed, so memory does not grow
 * with the number of files; the transaction still covers them all. */
static gboolean
write_import (TeemaProject *project, gpointer data, GError **error)
{
  ImportJob *job = data;
  TeemaStore *store = project ? project->store : NULL;
  /* A check writes nothing, not even new words of the vocabulary. */
  g_autoptr (TeemaWordIndexer) words =
    store && !job->opt->check ? teema_words__indexer_new (store, error) : NULL;
  if (store && !job->opt->check && !words)
    return FALSE;
  job->words = words;
  gboolean ok = TRUE;
  for (gsize i = 0; i < job->n_paths; i++) {
    GError *local = NULL;
    TeemaImportResult *r = import_one (store, job, job->paths[i], &local);
    if (!r && !job->opt->check) {
      g_propagate_error (error, local);
      ok = FALSE;
      break;
    }
    if (!r) {
      r = g_new0 (TeemaImportResult, 1);
      r->path = g_strdup (job->paths[i]);
      r->warnings =
        g_ptr_array_new_with_free_func ((GDestroyNotify) teema_warning_free);
      r->error = g_strdup (local->message);
      g_error_free (local);
    }
    g_ptr_array_add (job->results, r);
    if (job->opt->progress)
      job->opt->progress (i + 1, job->n_paths, job->opt->progress_data);
  }
  job->words = NULL;
  return ok;
}

static TeemaAnalyzer *
joiner_for (TeemaProject *project, GError **error)
{
  GError *local = NULL;
  g_autofree char *lang =
    project ? teema_store__get_setting (project->store, "language", &local)
            : NULL;
  if (local) {
    g_propagate_error (error, local);
    return NULL;
  }
  return teema_analyzer_new (lang ? lang : "fi", error);
}

GPtrArray *
teema_document_import (TeemaProject *project, const char *const *paths,
                       gsize n_paths, const TeemaImportOptions *options,
                       GError **error)
{
  TeemaImportOptions defaults = { 0 };
  const TeemaImportOptions *opt = options ? options : &defaults;
  if (!project && (!opt->check || opt->replace)) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
      _ ("importing needs a project (create one with 'teema init')"));
    return NULL;
  }
  g_autoptr (TeemaAnalyzer) joiner = NULL;
  if (opt->join_hyphens && !(joiner = joiner_for (project, error)))
    return NULL;
  g_autoptr (GHashTable) seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ImportJob job = { paths,
                    n_paths,
                    opt,
                    joiner,
                    g_ptr_array_new_with_free_func (
                      (GDestroyNotify) teema_import_result_free),
                    seen,
                    NULL };
  gboolean ok =
    opt->check ? write_import (project, &job, error)
               : teema_project__transact (project, write_import, &job, error);
  if (!ok) {
    g_ptr_array_unref (job.results);
    return NULL;
  }
  return job.results;
}
