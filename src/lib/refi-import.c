/* refi-import.c — a REFI-QDA project (.qdpx archive or bare .qde) into a
 * teema project.
 *
 * Steps: read the archive (archive.c: limits, no path escapes), parse the
 * .qde safely (xml-safe.c), build the model (refi-read.c), find each text
 * source's text (PlainTextContent, or internal://NAME in the archive's
 * sources/ or Sources/ folder), map selections onto the stored text
 * (refi-offsets.c), segment each text, and only then write everything in
 * one transaction. Real files have quirks this accepts: any .qde name,
 * either folder case, BOM and CRLF, repeated identical selections
 * (merged), upper- or lower-case GUIDs, empty <Sets/>, media sources and
 * missing texts (skipped and reported). Must always hold: an error leaves
 * the project as it was; every coding's [start, end) is the selection's
 * exact span in code points of the stored NFC text. */
#include "interop-private.h"
#include "project-private.h"
#include "refi-model.h"
#include "store/store-refi.h"

#include <stdio.h>
#include <string.h>

void
teema_refi_report_free (TeemaRefiReport *r)
{
  if (!r)
    return;
  g_free (r->origin);
  g_free (r->convention);
  if (r->skipped)
    g_ptr_array_unref (r->skipped);
  g_free (r);
}

/* ---- reading -------------------------------------------------------------- */

static gboolean
looks_like_zip (const char *path)
{
  char magic[4] = { 0 };
  FILE *f = fopen (path, "rb");
  if (!f)
    return FALSE;
  gboolean zip = fread (magic, 1, 4, f) == 4 && memcmp (magic, "PK", 2) == 0;
  fclose (f);
  return zip;
}

static GBytes *
find_qde (TeemaZip *zip, const char *path, GError **error)
{
  const GPtrArray *names = teema_zip__names (zip);
  for (guint i = 0; i < names->len; i++) {
    const char *n = names->pdata[i];
    g_autofree char *lower = g_ascii_strdown (n, -1);
    if (g_str_has_suffix (lower, ".qde") && !strchr (n, '/'))
      return g_bytes_ref (teema_zip__get (zip, n));
  }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               "%s: no .qde file at the top of the archive: not a REFI-QDA "
               "project (.qdpx)", path);
  return NULL;
}

static GBytes *
read_plain (const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  GError *io = NULL;
  if (!g_file_get_contents (path, &data, &len, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return NULL;
  }
  return g_bytes_new_take (data, len);
}

/* The text of a source from the archive (NULL zip: a bare .qde). */
static void
find_text (RefiSource *src, TeemaZip *zip)
{
  if (src->content) {
    src->raw = g_bytes_new (src->content, strlen (src->content));
    return;
  }
  if (!zip || !src->path || !g_str_has_prefix (src->path, "internal://"))
    return;
  const char *member = src->path + strlen ("internal://");
  g_autofree char *in_sources = g_strconcat ("sources/", member, NULL);
  GBytes *b = teema_zip__get (zip, in_sources);
  if (!b)
    b = teema_zip__get (zip, member);
  src->raw = b ? g_bytes_ref (b) : NULL;
}

static void
skip_media (RefiProject *p, RefiSource *src)
{
  if (g_str_equal (src->kind, "TextSource")) {
    if (src->n_other_codings)
      g_ptr_array_add (p->skipped, g_strdup_printf (
        "source '%s': %u codings of the whole source (teema codes text "
        "spans)", src->name, src->n_other_codings));
    return;
  }
  g_ptr_array_add (p->skipped, g_strdup_printf (
    "%s '%s': teema imports text sources only (%u codings not imported)",
    src->kind, src->name, src->n_other_codings));
}

static void
assign_informants (RefiProject *p)
{
  g_autoptr (GHashTable) of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < p->cases->len; i++) {
    RefiCase *c = p->cases->pdata[i];
    for (guint k = 0; k < c->sources->len; k++)
      if (c->sources->pdata[k])
        g_hash_table_insert (of, c->sources->pdata[k], c->name);
  }
  for (guint i = 0; i < p->sources->len; i++) {
    RefiSource *s = p->sources->pdata[i];
    const char *c = s->guid ? g_hash_table_lookup (of, s->guid) : NULL;
    if (c) {
      s->informant = g_strdup (c);
    } else {
      s->informant = g_strdup (s->name);
      char *dot = strrchr (s->informant, '.');
      if (dot && dot != s->informant && strlen (dot) <= 5)
        *dot = '\0';
    }
  }
}

/* ---- writing -------------------------------------------------------------- */

typedef struct {
  RefiProject *p;
  const TeemaRefiOptions *opt;
  TeemaCodebook *existing;
  TeemaRefiReport *r;
  const char *path;
} Job;

static gboolean
write_codebook (TeemaStore *store, Job *job, GError **error)
{
  RefiProject *p = job->p;
  if (!p->new_codes->len)
    return TRUE;
  g_autofree char *head = job->existing
                            ? teema_codebook_to_text (job->existing)
                            : g_strdup_printf ("codebook: %s\n",
                                               p->name ? p->name : "REFI-QDA");
  g_autofree char *text = g_strconcat (head, p->codebook->str, NULL);
  g_autoptr (TeemaCodebook) cb =
    teema_codebook_parse (text, -1, job->path, error);
  if (!cb)
    return FALSE;
  for (guint i = 0; i < teema_codebook_size (cb); i++)
    if (!teema_store__upsert_theme (store, teema_codebook_theme (cb, i), i,
                                    error))
      return FALSE;
  job->r->n_codes = p->new_codes->len;
  if (!job->existing)
    return teema_store__set_setting (store, "codebook",
                                     teema_codebook_name (cb), error);
  return TRUE;
}

static gboolean
write_cases (TeemaStore *store, Job *job, GError **error)
{
  for (guint i = 0; i < job->p->cases->len; i++) {
    RefiCase *c = job->p->cases->pdata[i];
    gint64 id = teema_store__ensure_informant (store, c->name, error);
    if (!id)
      return FALSE;
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init (&it, c->vars);
    while (g_hash_table_iter_next (&it, &k, &v))
      if (!g_str_has_prefix (k, "teema:") &&
          !teema_store__set_informant_attr (store, id, k, v, error))
        return FALSE;
  }
  job->r->n_cases = job->p->cases->len;
  return TRUE;
}

static const char *
coder_of (RefiProject *p, const RefiSelection *s, const RefiCoding *c)
{
  const char *user = c->user ? c->user : s->user;
  if (!user)
    return "refi";
  const char *name = g_hash_table_lookup (p->users, user);
  return name ? name : user;
}

static char *
note_of (RefiProject *p, const RefiSelection *s, const RefiCoding *c)
{
  GString *out = g_string_new (NULL);
  GPtrArray *lists[] = { c->notes, s->notes };
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++) {
      const char *text = g_hash_table_lookup (p->notes, lists[l]->pdata[i]);
      if (!text)
        continue;
      g_hash_table_add (p->used_notes, g_strdup (lists[l]->pdata[i]));
      g_string_append_printf (out, "%s%s", out->len ? "\n\n" : "", text);
    }
  return g_string_free (out, out->len == 0);
}

/* The segment containing cs, else the first one starting before ce. */
static const TeemaSegment *
segment_at (GPtrArray *segs, guint cs, guint ce)
{
  guint lo = 0, hi = segs->len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (((TeemaSegment *) segs->pdata[mid])->start <= cs)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo > 0 && ((TeemaSegment *) segs->pdata[lo - 1])->end > cs)
    return segs->pdata[lo - 1];
  if (lo < segs->len && ((TeemaSegment *) segs->pdata[lo])->start < ce)
    return segs->pdata[lo];
  return NULL;
}

static gboolean
write_selection (TeemaStore *store, Job *job, RefiSource *src,
                 GPtrArray *segs, RefiSelection *s, GError **error)
{
  const TeemaSegment *seg = segment_at (segs, s->cs, s->ce);
  if (!seg) {
    g_ptr_array_add (job->p->skipped, g_strdup_printf (
      "source '%s': selection %u-%u covers no text of any segment",
      src->name, s->cs, s->ce));
    return TRUE;
  }
  job->r->n_selections++;
  for (guint i = 0; i < s->codings->len; i++) {
    RefiCoding *c = s->codings->pdata[i];
    const char *theme = c->code ? g_hash_table_lookup (job->p->code_ids,
                                                       c->code) : NULL;
    if (!theme) {
      g_ptr_array_add (job->p->skipped, g_strdup_printf (
        "source '%s': a coding of selection %u-%u refers to an unknown "
        "code", src->name, s->cs, s->ce));
      continue;
    }
    g_autofree char *note = note_of (job->p, s, c);
    gboolean added = FALSE;
    if (!teema_store__insert_coding_at (store, seg->id, theme,
                                        coder_of (job->p, s, c), s->cs, s->ce,
                                        c->created ? c->created : s->created,
                                        note, &added, error))
      return FALSE;
    job->r->n_codings += added;
  }
  return TRUE;
}

static gboolean
insert_document (TeemaStore *store, Job *job, RefiSource *src,
                 const char *sha, gint64 *doc, GError **error)
{
  gint64 old = teema_store__find_document_by_hash (store, sha);
  if (old && !job->opt->force) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 "%s: source '%s' is already in the project (same text); "
                 "use --force to replace it and its codings", job->path,
                 src->name);
    return FALSE;
  }
  if (old && !teema_store__delete_document (store, old, error))
    return FALSE;
  gint64 inf = teema_store__ensure_informant (store, src->informant, error);
  const char *mode = g_hash_table_lookup (src->vars, "teema:segmentation");
  *doc = inf ? teema_store__insert_document (
                 store, src->name, job->path, sha, src->text,
                 (guint) g_utf8_strlen (src->text, -1), inf,
                 mode ? mode : "turn", error)
             : 0;
  return *doc != 0;
}

static gboolean
write_source (TeemaStore *store, Job *job, RefiSource *src, GHashTable *seen,
              GError **error)
{
  g_autofree char *sha =
    g_compute_checksum_for_string (G_CHECKSUM_SHA256, src->text, -1);
  if (g_hash_table_contains (seen, sha)) {
    g_ptr_array_add (job->p->skipped, g_strdup_printf (
      "source '%s': same text as an earlier source; not imported twice",
      src->name));
    return TRUE;
  }
  g_hash_table_add (seen, g_strdup (sha));
  gint64 doc = 0;
  if (!insert_document (store, job, src, sha, &doc, error))
    return FALSE;
  g_autoptr (GPtrArray) segs = refi_segments (src);
  for (guint i = 0; i < segs->len; i++) {
    TeemaSegment *s = segs->pdata[i];
    s->document_id = doc;
    if (!(s->id = teema_store__insert_segment (store, s, error)))
      return FALSE;
  }
  job->r->n_sources++;
  job->r->n_segments += segs->len;
  for (guint i = 0; i < src->selections->len; i++) {
    RefiSelection *s = src->selections->pdata[i];
    if (s->mapped && !write_selection (store, job, src, segs, s, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
write_all (TeemaProject *project, gpointer data, GError **error)
{
  Job *job = data;
  TeemaStore *store = project->store;
  if (!write_codebook (store, job, error))
    return FALSE;
  for (guint i = 0; i < job->p->user_order->len; i++) {
    const char *name = g_hash_table_lookup (job->p->users,
                                            job->p->user_order->pdata[i]);
    if (!teema_store__ensure_coder (store, name, error))
      return FALSE;
  }
  job->r->n_users = job->p->user_order->len;
  if (!write_cases (store, job, error))
    return FALSE;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  for (guint i = 0; i < job->p->sources->len; i++) {
    RefiSource *src = job->p->sources->pdata[i];
    if (src->text && !write_source (store, job, src, seen, error))
      return FALSE;
  }
  return TRUE;
}

static void
report_notes (RefiProject *p)
{
  guint unused = g_hash_table_size (p->notes) -
                 MIN (g_hash_table_size (p->notes),
                      g_hash_table_size (p->used_notes));
  if (unused)
    g_ptr_array_add (p->skipped, g_strdup_printf (
      "%u notes not attached to a coded text selection (teema keeps notes "
      "on codings)", unused));
}

/* Reads path into the model, with every source's text found. */
static RefiProject *
load (const char *path, const TeemaRefiOptions *opt,
      const TeemaCodebook *existing, GError **error)
{
  g_autoptr (TeemaZip) zip = NULL;
  g_autoptr (GBytes) qde = NULL;
  if (looks_like_zip (path)) {
    zip = teema_zip__read (path, opt->max_bytes, opt->max_members, error);
    qde = zip ? find_qde (zip, path, error) : NULL;
  } else {
    qde = read_plain (path, error);
  }
  if (!qde)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (qde, &len);
  gpointer doc = teema_xml__parse (data, len, path, error);
  if (!doc)
    return NULL;
  RefiProject *p = refi_read (doc, existing, path, error);
  teema_xml__free (doc);
  for (guint i = 0; p && i < p->sources->len; i++) {
    RefiSource *src = p->sources->pdata[i];
    skip_media (p, src);
    if (g_str_equal (src->kind, "TextSource"))
      find_text (src, zip);
  }
  return p;
}

TeemaRefiReport *
teema_project_import_refi (TeemaProject *project, const char *path,
                           const TeemaRefiOptions *options, GError **error)
{
  TeemaRefiOptions defaults = { 0 };
  Job job = { NULL, options ? options : &defaults, NULL, NULL, path };
  GError *none = NULL;
  job.existing = teema_project_get_codebook (project, &none);
  g_clear_error (&none);
  g_autoptr (RefiProject) p = load (path, job.opt, job.existing, error);
  if (!p) {
    teema_codebook_free (job.existing);
    return NULL;
  }
  job.p = p;
  job.r = g_new0 (TeemaRefiReport, 1);
  job.r->origin = g_strdup (p->origin);
  job.r->convention = refi_map_offsets (p, &job.r->n_on_boundary);
  assign_informants (p);
  gboolean ok = teema_project__transact (project, write_all, &job, error);
  teema_codebook_free (job.existing);
  if (!ok) {
    teema_refi_report_free (job.r);
    return NULL;
  }
  report_notes (p);
  job.r->n_merged = p->n_merged;
  job.r->skipped = g_ptr_array_ref (p->skipped);
  return job.r;
}
