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
 * missing texts (skipped and reported). Notes on selections (teema's
 * memos, or another tool's notes on text) become memos on the segment.
 * Must always hold: an error leaves the project as it was; every coding's
 * [start, end) is the selection's exact span in code points of the stored
 * NFC text; a memo's text is its notes' text exactly. */
#include "refi/refi-private.h"
#include "formats/xml-private.h"
#include "formats/zip-private.h"
#include "project/project-private.h"

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

/* ---- reading --------------------------------------------------------------
 */

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
    if (!g_str_has_suffix (lower, ".qde") || strchr (n, '/'))
      continue;
    const char *want[] = { n, NULL };
    if (!teema_zip__load (zip, want, TEEMA_REFI_MAX_QDE_BYTES, error))
      return NULL;
    return g_bytes_ref (teema_zip__get (zip, n));
  }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("%s: no .qde file at the top of the archive: not a REFI-QDA "
                  "project (.qdpx)"),
               path);
  return NULL;
}

static GBytes *
read_plain (const char *path, GError **error)
{
  char *data = NULL;
  gsize len = 0;
  if (!teema__read_file_max (path, TEEMA_REFI_MAX_QDE_BYTES,
                             "TEEMA_REFI_MAX_QDE_BYTES", &data, &len, error))
    return NULL;
  return g_bytes_new_take (data, len);
}

/* The archive members the text sources name ("internal://x" is found
 * as "sources/x" or "x"), read in one pass; the rest is never inflated.
 * A source larger than a transcript may be fails the import. */
static gboolean
load_sources (RefiProject *p, TeemaZip *zip, GError **error)
{
  g_autoptr (GPtrArray) want = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < p->sources->len; i++) {
    RefiSource *src = p->sources->pdata[i];
    if (src->content || !src->path
        || !g_str_has_prefix (src->path, "internal://"))
      continue;
    const char *member = src->path + strlen ("internal://");
    g_ptr_array_add (want, g_strconcat ("sources/", member, NULL));
    g_ptr_array_add (want, g_strdup (member));
  }
  g_ptr_array_add (want, NULL);
  return teema_zip__load (zip, (const char *const *) want->pdata,
                          TEEMA_TRANSCRIPT_MAX_BYTES, error);
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
      g_ptr_array_add (
        p->skipped,
        g_strdup_printf (
          _ ("source '%s': %u codings of the whole source (teema codes text "
             "spans)"),
          src->name, src->n_other_codings));
    return;
  }
  g_ptr_array_add (
    p->skipped,
    g_strdup_printf (
      _ ("%s '%s': teema imports text sources only (%u codings not imported)"),
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

/* ---- writing --------------------------------------------------------------
 */

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
  g_autofree char *head =
    job->existing
      ? teema_codebook_to_text (job->existing)
      : g_strdup_printf ("codebook: %s\n", p->name ? p->name : "REFI-QDA");
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
      if (!g_str_has_prefix (k, "teema:")
          && !teema_store__set_informant_attr (store, id, k, v, error))
        return FALSE;
  }
  job->r->n_cases = job->p->cases->len;
  return TRUE;
}

/* The user's name, or its GUID when the file has no such user. */
static const char *
user_name (RefiProject *p, const char *user)
{
  const char *name = g_hash_table_lookup (p->users, user);
  return name ? name : user;
}

static const char *
coder_of (RefiProject *p, const RefiSelection *s, const RefiCoding *c)
{
  const char *user = c->user ? c->user : s->user;
  return user ? user_name (p, user) : "refi";
}

static const RefiNote *
find_note (RefiProject *p, const char *guid)
{
  return guid ? g_hash_table_lookup (p->notes, guid) : NULL;
}

/* The coding's own notes, trimmed, joined by blank lines. Notes on the
 * selection itself become memos (see add_memos). */
static char *
note_of (RefiProject *p, const RefiCoding *c)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < c->notes->len; i++) {
    const RefiNote *note = find_note (p, c->notes->pdata[i]);
    if (!note)
      continue;
    g_hash_table_add (p->used_notes, g_strdup (c->notes->pdata[i]));
    g_autofree char *text = g_strstrip (g_strdup (note->text));
    g_string_append_printf (out, "%s%s", out->len ? "\n\n" : "", text);
  }
  return g_string_free (out, out->len == 0);
}

/* A memo being gathered: one per segment and coder. */
typedef struct {
  gint64 segment;
  char *coder;
  GString *text;
  char *created;     /* of its first note, or NULL */
  GHashTable *notes; /* note guids already in text */
} Memo;

static void
memo_free (Memo *m)
{
  g_free (m->coder);
  g_string_free (m->text, TRUE);
  g_free (m->created);
  g_hash_table_destroy (m->notes);
  g_free (m);
}

/* memos: "segment\x1fcoder" -> Memo *. */
static Memo *
memo_for (GHashTable *memos, gint64 segment, const char *coder)
{
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", segment, coder);
  Memo *m = g_hash_table_lookup (memos, key);
  if (m) {
    g_free (key);
    return m;
  }
  m = g_new0 (Memo, 1);
  m->segment = segment;
  m->coder = g_strdup (coder);
  m->text = g_string_new (NULL);
  m->notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (memos, key, m);
  return m;
}

/* Each note on selection s that is no coding's note joins the memo of its
 * creator (else the selection's, else "imported") on segment seg, exactly
 * as written; a second note of the same coder follows a blank line. */
static void
add_memos (RefiProject *p, const RefiSelection *s, gint64 seg,
           GHashTable *memos)
{
  for (guint i = 0; i < s->notes->len; i++) {
    const char *guid = s->notes->pdata[i];
    const RefiNote *note = find_note (p, guid);
    if (!note || g_hash_table_contains (p->coding_notes, guid))
      continue;
    const char *user = note->user ? note->user : s->user;
    Memo *m = memo_for (memos, seg, user ? user_name (p, user) : "imported");
    if (!g_hash_table_add (m->notes, (gpointer) guid))
      continue;
    g_string_append_printf (m->text, "%s%s", m->text->len ? "\n\n" : "",
                            note->text);
    if (!m->created)
      m->created = g_strdup (note->created ? note->created : s->created);
    g_hash_table_add (p->used_notes, g_strdup (guid));
  }
}

static gboolean
write_memos (TeemaStore *store, Job *job, GHashTable *memos, GError **error)
{
  GHashTableIter it;
  gpointer m;
  g_hash_table_iter_init (&it, memos);
  while (g_hash_table_iter_next (&it, NULL, &m))
    if (!teema_store__set_memo (store, ((Memo *) m)->segment,
                                ((Memo *) m)->coder, ((Memo *) m)->text->str,
                                ((Memo *) m)->created, error))
      return FALSE;
  job->r->n_memos += g_hash_table_size (memos);
  return TRUE;
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
write_selection (TeemaStore *store, Job *job, RefiSource *src, GPtrArray *segs,
                 RefiSelection *s, GHashTable *memos, GError **error)
{
  const TeemaSegment *seg = segment_at (segs, s->cs, s->ce);
  if (!seg) {
    g_ptr_array_add (
      job->p->skipped,
      g_strdup_printf (
        _ ("source '%s': selection %u-%u covers no text of any segment"),
        src->name, s->cs, s->ce));
    return TRUE;
  }
  job->r->n_selections++;
  add_memos (job->p, s, seg->id, memos);
  for (guint i = 0; i < s->codings->len; i++) {
    RefiCoding *c = s->codings->pdata[i];
    const char *theme =
      c->code ? g_hash_table_lookup (job->p->code_ids, c->code) : NULL;
    if (!theme) {
      g_ptr_array_add (
        job->p->skipped,
        g_strdup_printf (
          _ ("source '%s': a coding of selection %u-%u refers to an unknown "
             "code"),
          src->name, s->cs, s->ce));
      continue;
    }
    g_autofree char *note = note_of (job->p, c);
    gboolean added = FALSE;
    if (!teema_store__insert_coding_at (
          store, seg->id, theme, coder_of (job->p, s, c), s->cs, s->ce,
          c->created ? c->created : s->created, note, &added, error))
      return FALSE;
    job->r->n_codings += added;
  }
  return TRUE;
}

static gboolean
insert_document (TeemaStore *store, Job *job, RefiSource *src, const char *sha,
                 gint64 *doc, GError **error)
{
  gint64 old = teema_store__find_document_by_hash (store, sha, error);
  if (old < 0)
    return FALSE;
  if (old && !job->opt->force) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS,
                 _ ("%s: source '%s' is already in the project (same text); "
                    "use --force to replace it and its codings"),
                 job->path, src->name);
    return FALSE;
  }
  if (old && !teema_store__delete_document (store, old, error))
    return FALSE;
  gint64 inf = teema_store__ensure_informant (store, src->informant, error);
  const char *mode = g_hash_table_lookup (src->vars, "teema:segmentation");
  *doc =
    inf ? teema_store__insert_document (
      store, src->name, job->path, sha, src->text,
      (guint) g_utf8_strlen (src->text, -1), inf, mode ? mode : "turn", error)
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
    g_ptr_array_add (
      job->p->skipped,
      g_strdup_printf (
        _ ("source '%s': same text as an earlier source; not imported twice"),
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
  if (!teema_store__count_document (store, doc, error))
    return FALSE;
  job->r->n_sources++;
  job->r->n_segments += segs->len;
  g_autoptr (GHashTable) memos = g_hash_table_new_full (
    g_str_hash, g_str_equal, g_free, (GDestroyNotify) memo_free);
  for (guint i = 0; i < src->selections->len; i++) {
    RefiSelection *s = src->selections->pdata[i];
    if (s->mapped && !write_selection (store, job, src, segs, s, memos, error))
      return FALSE;
  }
  return write_memos (store, job, memos, error);
}

static gboolean
write_all (TeemaProject *project, gpointer data, GError **error)
{
  Job *job = data;
  TeemaStore *store = project->store;
  if (!write_codebook (store, job, error))
    return FALSE;
  for (guint i = 0; i < job->p->user_order->len; i++) {
    const char *name =
      g_hash_table_lookup (job->p->users, job->p->user_order->pdata[i]);
    if (!teema_store__ensure_coder (store, name, error))
      return FALSE;
  }
  job->r->n_users = job->p->user_order->len;
  if (!write_cases (store, job, error))
    return FALSE;
  g_autoptr (GHashTable) seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < job->p->sources->len; i++) {
    RefiSource *src = job->p->sources->pdata[i];
    if (src->text && !write_source (store, job, src, seen, error))
      return FALSE;
  }
  return teema_words__index_missing (store, error);
}

static void
report_notes (RefiProject *p, TeemaRefiReport *r)
{
  r->n_notes_attached = g_hash_table_size (p->used_notes);
  r->n_notes_unattached = g_hash_table_size (p->notes) - r->n_notes_attached;
  if (r->n_notes_unattached)
    g_ptr_array_add (
      p->skipped,
      g_strdup_printf (
        _ ("%u notes not attached to an imported text selection (teema keeps "
           "notes on codings, and notes on selections as memos)"),
        r->n_notes_unattached));
}

/* Reads path into the model, with every source's text found. */
static RefiProject *
load (const char *path, const TeemaRefiOptions *opt,
      const TeemaCodebook *existing, GError **error)
{
  g_autoptr (TeemaZip) zip = NULL;
  g_autoptr (GBytes) qde = NULL;
  if (looks_like_zip (path)) {
    zip = teema_zip__open (path, opt->max_bytes, opt->max_members, error);
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
  if (p && zip && !load_sources (p, zip, error)) {
    refi_project_free (p);
    return NULL;
  }
  for (guint i = 0; p && i < p->sources->len; i++) {
    RefiSource *src = p->sources->pdata[i];
    skip_media (p, src);
    if (g_str_equal (src->kind, "TextSource"))
      find_text (src, zip);
  }
  return p;
}

TeemaRefiReport *
teema_refi_import (TeemaProject *project, const char *path,
                   const TeemaRefiOptions *options, GError **error)
{
  TeemaRefiOptions defaults = { 0 };
  Job job = { NULL, options ? options : &defaults, NULL, NULL, path };
  GError *none = NULL;
  job.existing = teema_codebook_get (project, &none);
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
  report_notes (p, job.r);
  job.r->n_merged = p->n_merged;
  job.r->skipped = g_ptr_array_ref (p->skipped);
  return job.r;
}
