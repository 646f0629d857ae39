/* refi-export.c — the whole project as a REFI-QDA .qdpx archive.
 *
 * The archive holds project.qde and sources/GUID.txt, one UTF-8 plain-text
 * file per document (its stored NFC text, LF line ends, no BOM), named in
 * the .qde as internal://GUID.txt. Coders become users, themes codes,
 * informants cases with their attributes as text variables, codings
 * selections (one PlainTextSelection per distinct span, with a Coding per
 * theme and coder), coding notes notes. A memo becomes a note by its coder
 * (dated by its last change) referenced from a selection of its own, with
 * no Coding, spanning the memo's segment: the standard has no segment, and
 * a note on a selection is what other tools show as a memo on the text.
 * Each source carries three teema
 * variables (segmentation, speakers, interviewers) so that teema can cut
 * it into exactly the same segments on import; other tools show them as
 * ordinary document variables. Pseudonymised on request: names in the
 * texts, memos and notes are replaced (text/names.c) and every position
 * is moved with the text. Must always hold: the .qde validates against
 * Project.xsd, positions are code points of the written text, and the
 * output is deterministic (GUIDs derive from content, not chance). */
#include "refi/refi-private.h"
#include "formats/zip-private.h"
#include "project/project-private.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#define VAR_SEGMENTATION "teema:segmentation"
#define VAR_SPEAKERS     "teema:speakers"
#define VAR_INTERVIEWERS "teema:interviewers"

typedef struct {
  TeemaProject *project;
  TeemaCodebook *codebook; /* or NULL */
  GPtrArray *coders;       /* char * */
  GPtrArray *informants;   /* TeemaInformant * */
  GPtrArray *documents;    /* TeemaStoreDocument * */
  GPtrArray *segments;     /* TeemaSegment *, all of them */
  GPtrArray *codings;      /* TeemaCoding * */
  GPtrArray *variables;    /* char *: variable names in order */
  GPtrArray *memos;        /* TeemaMemo * */
  GPtrArray *notes;        /* Note *, in the order they are referenced */
  xmlTextWriterPtr w;
  TeemaAnalyzer *az;           /* when pseudonymising, else NULL */
  TeemaPseudonymOptions names; /* the name key */
  GHashTable *texts;           /* document id -> text as written */
  GHashTable *edits;           /* document id -> its TeemaNameEdit */
} Export;

typedef struct {
  char *guid;
  const char *name; /* "coding note" or "teema memo" */
  char *user;       /* creating user GUID, or NULL */
  char *created;    /* creationDateTime, or NULL */
  char *text;
} Note;

static void
note_free (Note *n)
{
  g_free (n->guid);
  g_free (n->user);
  g_free (n->created);
  g_free (n->text);
  g_free (n);
}

/* text as written: with names replaced when pseudonymising. */
static char *
written (Export *e, const char *text)
{
  return e->az ? teema_names_pseudonymise (e->az, &e->names, text, NULL)
               : g_strdup (text);
}

static void
add_note (Export *e, const char *guid, const char *name, const char *coder,
          const char *created, const char *text)
{
  Note *n = g_new0 (Note, 1);
  n->guid = g_strdup (guid);
  n->name = name;
  n->user = coder ? teema_refi__guid ("coder", coder) : NULL;
  n->created = g_strdup (created);
  n->text = written (e, text);
  g_ptr_array_add (e->notes, n);
}

static void
export_clear (Export *e)
{
  teema_codebook_free (e->codebook);
  g_clear_pointer (&e->coders, g_ptr_array_unref);
  g_clear_pointer (&e->informants, g_ptr_array_unref);
  g_clear_pointer (&e->documents, g_ptr_array_unref);
  g_clear_pointer (&e->segments, g_ptr_array_unref);
  g_clear_pointer (&e->codings, g_ptr_array_unref);
  g_clear_pointer (&e->variables, g_ptr_array_unref);
  g_clear_pointer (&e->memos, g_ptr_array_unref);
  g_clear_pointer (&e->notes, g_ptr_array_unref);
  g_clear_pointer (&e->az, teema_analyzer_free);
  g_clear_pointer (&e->texts, g_hash_table_destroy);
  g_clear_pointer (&e->edits, g_hash_table_destroy);
}

/* The project's analyser with its cache, as autocode keeps it. */
static TeemaAnalyzer *
analyzer (TeemaStore *store, GError **error)
{
  g_autofree char *lang = teema_store__get_setting (store, "language");
  TeemaAnalyzer *az = teema_analyzer_new (lang ? lang : "fi", error);
  if (!az)
    return NULL;
  g_autofree char *key = g_strdup_printf (
    "%s-%s",
    teema_analyzer_backend (az) == TEEMA_BACKEND_VOIKKO ? "voikko" : "snowball",
    lang ? lang : "fi");
  g_autofree char *dump = teema_store__load_analyses (store, key);
  teema_analyzer_load_cache (az, dump);
  return az;
}

/* Every document's text with names replaced, and the replacements, so
 * that positions move with the text. */
static gboolean
pseudonymise (Export *e, const TeemaNameKey *key, GError **error)
{
  if (!(e->az = analyzer (e->project->store, error)))
    return FALSE;
  e->names.key = key;
  e->texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  e->edits = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < e->documents->len; i++) {
    TeemaStoreDocument *d = e->documents->pdata[i];
    GArray *edits = NULL;
    char *text = teema_names_pseudonymise (e->az, &e->names, d->text, &edits);
    g_hash_table_insert (e->texts, &d->id, text);
    g_hash_table_insert (e->edits, &d->id, edits);
  }
  return TRUE;
}

/* A position in document d's stored text, in the text as written. */
static guint
position (Export *e, const TeemaStoreDocument *d, guint offset,
          gboolean end_of_span)
{
  const GArray *edits =
    e->edits ? g_hash_table_lookup (e->edits, &d->id) : NULL;
  return edits ? teema_names_map_offset (edits, offset, end_of_span) : offset;
}

static void
add_variable (GPtrArray *vars, const char *name)
{
  for (guint i = 0; i < vars->len; i++)
    if (g_str_equal (vars->pdata[i], name))
      return;
  g_ptr_array_add (vars, g_strdup (name));
}

static gboolean
gather (Export *e, GError **error)
{
  TeemaStore *store = e->project->store;
  GError *no_cb = NULL;
  e->codebook = teema_codebook_get (e->project, &no_cb);
  if (!e->codebook
      && !g_error_matches (no_cb, TEEMA_ERROR, TEEMA_ERROR_NO_CODEBOOK)) {
    g_propagate_error (error, no_cb);
    return FALSE;
  }
  g_clear_error (&no_cb);
  TeemaSegmentFilter all = { NULL, NULL, TRUE };
  if (!(e->coders = teema_store__list_coders (store, error))
      || !(e->informants = teema_store__list_informants (store, error))
      || !(e->documents = teema_store__list_documents (store, error))
      || !(e->segments = teema_store__list_segments (store, &all, error))
      || !(e->codings = teema_store__list_codings (store, NULL, error))
      || !(e->memos = teema_store__list_memos (store, NULL, NULL, error)))
    return FALSE;
  e->variables = g_ptr_array_new_with_free_func (g_free);
  e->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  add_variable (e->variables, "group");
  add_variable (e->variables, "role");
  for (guint i = 0; i < e->informants->len; i++) {
    TeemaInformant *inf = e->informants->pdata[i];
    for (guint k = 0; k < inf->keys->len; k++)
      add_variable (e->variables, inf->keys->pdata[k]);
  }
  add_variable (e->variables, VAR_SEGMENTATION);
  add_variable (e->variables, VAR_SPEAKERS);
  add_variable (e->variables, VAR_INTERVIEWERS);
  return TRUE;
}

/* ---- small writer helpers -------------------------------------------------
 */

static void
start (Export *e, const char *element)
{
  xmlTextWriterStartElement (e->w, BAD_CAST element);
}

static void
end (Export *e)
{
  xmlTextWriterEndElement (e->w);
}

static void
attr (Export *e, const char *name, const char *value)
{
  if (value)
    xmlTextWriterWriteAttribute (e->w, BAD_CAST name, BAD_CAST value);
}

static void
guid_attr (Export *e, const char *name, const char *kind, const char *key)
{
  g_autofree char *g = teema_refi__guid (kind, key);
  attr (e, name, g);
}

static void
int_attr (Export *e, const char *name, guint value)
{
  xmlTextWriterWriteFormatAttribute (e->w, BAD_CAST name, "%u", value);
}

static void
variable_value (Export *e, const char *variable, const char *value)
{
  if (!value || !*value)
    return;
  start (e, "VariableValue");
  start (e, "VariableRef");
  guid_attr (e, "targetGUID", "variable", variable);
  end (e);
  xmlTextWriterWriteElement (e->w, BAD_CAST "TextValue", BAD_CAST value);
  end (e);
}

/* ---- sections -------------------------------------------------------------
 */

static void
write_users (Export *e)
{
  if (!e->coders->len)
    return;
  start (e, "Users");
  for (guint i = 0; i < e->coders->len; i++) {
    start (e, "User");
    guid_attr (e, "guid", "coder", e->coders->pdata[i]);
    attr (e, "name", e->coders->pdata[i]);
    end (e);
  }
  end (e);
}

static void
write_variables (Export *e)
{
  start (e, "Variables");
  for (guint i = 0; i < e->variables->len; i++) {
    start (e, "Variable");
    guid_attr (e, "guid", "variable", e->variables->pdata[i]);
    attr (e, "name", e->variables->pdata[i]);
    attr (e, "typeOfVariable", "Text");
    end (e);
  }
  end (e);
}

static void
write_case (Export *e, const TeemaInformant *inf)
{
  start (e, "Case");
  guid_attr (e, "guid", "informant", inf->code);
  attr (e, "name", inf->code);
  variable_value (e, "group", inf->group);
  variable_value (e, "role", inf->role);
  for (guint k = 0; k < inf->keys->len; k++)
    variable_value (e, inf->keys->pdata[k], inf->values->pdata[k]);
  for (guint i = 0; i < e->documents->len; i++) {
    TeemaStoreDocument *d = e->documents->pdata[i];
    if (g_strcmp0 (d->informant, inf->code) != 0)
      continue;
    start (e, "SourceRef");
    guid_attr (e, "targetGUID", "document", d->sha256);
    end (e);
  }
  end (e);
}

static void
write_cases (Export *e)
{
  if (!e->informants->len)
    return;
  start (e, "Cases");
  for (guint i = 0; i < e->informants->len; i++)
    write_case (e, e->informants->pdata[i]);
  end (e);
}

/* One Coding element; a note becomes a Note referenced from it. */
static void
write_coding (Export *e, const TeemaStoreDocument *d, const TeemaCoding *c)
{
  g_autofree char *key = g_strdup_printf ("%s:%u:%u:%s:%s", d->sha256, c->start,
                                          c->end, c->theme, c->coder);
  start (e, "Coding");
  guid_attr (e, "guid", "coding", key);
  guid_attr (e, "creatingUser", "coder", c->coder);
  attr (e, "creationDateTime", c->created_at);
  start (e, "CodeRef");
  guid_attr (e, "targetGUID", "theme", c->theme);
  end (e);
  if (c->note && *c->note) {
    g_autofree char *note = teema_refi__guid ("note", key);
    start (e, "NoteRef");
    attr (e, "targetGUID", note);
    end (e);
    add_note (e, note, "coding note", NULL, NULL, c->note);
  }
  end (e);
}

/* Codings of document d, as runs of equal spans (they are sorted). */
static void
write_selections (Export *e, const TeemaStoreDocument *d, GPtrArray *codings)
{
  for (guint i = 0; i < codings->len;) {
    TeemaCoding *first = codings->pdata[i];
    g_autofree char *key =
      g_strdup_printf ("%s:%u:%u", d->sha256, first->start, first->end);
    start (e, "PlainTextSelection");
    guid_attr (e, "guid", "selection", key);
    int_attr (e, "startPosition", position (e, d, first->start, FALSE));
    int_attr (e, "endPosition", position (e, d, first->end, TRUE));
    guid_attr (e, "creatingUser", "coder", first->coder);
    attr (e, "creationDateTime", first->created_at);
    for (; i < codings->len; i++) {
      TeemaCoding *c = codings->pdata[i];
      if (c->start != first->start || c->end != first->end)
        break;
      write_coding (e, d, c);
    }
    end (e);
  }
}

/* One note-only selection per memo on a segment of document d: the
 * segment's span, the memo's coder and time, and a NoteRef to its note. */
static void
write_memo_selections (Export *e, const TeemaStoreDocument *d,
                       GHashTable *segment_of)
{
  for (guint i = 0; i < e->memos->len; i++) {
    TeemaMemo *m = e->memos->pdata[i];
    TeemaSegment *s = g_hash_table_lookup (segment_of, &m->segment_id);
    if (!s || s->document_id != d->id)
      continue;
    g_autofree char *key =
      g_strdup_printf ("%s:%u:%u:%s", d->sha256, s->start, s->end, m->coder);
    g_autofree char *note = teema_refi__guid ("memo", key);
    start (e, "PlainTextSelection");
    guid_attr (e, "guid", "memo selection", key);
    int_attr (e, "startPosition", position (e, d, s->start, FALSE));
    int_attr (e, "endPosition", position (e, d, s->end, TRUE));
    guid_attr (e, "creatingUser", "coder", m->coder);
    attr (e, "creationDateTime", m->updated_at);
    start (e, "NoteRef");
    attr (e, "targetGUID", note);
    end (e);
    end (e);
    add_note (e, note, "teema memo", m->coder, m->updated_at, m->text);
  }
}

static gint
by_span (gconstpointer a, gconstpointer b)
{
  const TeemaCoding *x = *(TeemaCoding *const *) a;
  const TeemaCoding *y = *(TeemaCoding *const *) b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  int t = strcmp (x->theme, y->theme);
  return t ? t : strcmp (x->coder, y->coder);
}

/* Speakers (or interviewers) of a document's segments, comma separated. */
static char *
speakers_of (Export *e, gint64 doc, gboolean interviewer)
{
  GString *s = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < e->segments->len; i++) {
    TeemaSegment *seg = e->segments->pdata[i];
    if (seg->document_id != doc || seg->interviewer != interviewer
        || !g_hash_table_add (seen, seg->speaker))
      continue;
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", seg->speaker);
  }
  return g_string_free (s, FALSE);
}

static void
write_source (Export *e, const TeemaStoreDocument *d, GHashTable *segment_of)
{
  g_autofree char *guid = teema_refi__guid ("document", d->sha256);
  g_autofree char *path = g_strconcat ("internal://", guid, ".txt", NULL);
  start (e, "TextSource");
  attr (e, "guid", guid);
  attr (e, "name", d->name);
  attr (e, "plainTextPath", path);
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  for (guint i = 0; i < e->codings->len; i++) {
    TeemaCoding *c = e->codings->pdata[i];
    TeemaSegment *s = g_hash_table_lookup (segment_of, &c->segment_id);
    if (s && s->document_id == d->id)
      g_ptr_array_add (mine, c);
  }
  g_ptr_array_sort (mine, by_span);
  write_selections (e, d, mine);
  write_memo_selections (e, d, segment_of);
  g_autofree char *speakers = speakers_of (e, d->id, FALSE);
  g_autofree char *interviewers = speakers_of (e, d->id, TRUE);
  variable_value (e, VAR_SEGMENTATION, d->segmentation);
  variable_value (e, VAR_SPEAKERS, speakers);
  variable_value (e, VAR_INTERVIEWERS, interviewers);
  end (e);
}

static void
write_sources (Export *e)
{
  if (!e->documents->len)
    return;
  g_autoptr (GHashTable) segment_of =
    g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < e->segments->len; i++) {
    TeemaSegment *s = e->segments->pdata[i];
    g_hash_table_insert (segment_of, &s->id, s);
  }
  start (e, "Sources");
  for (guint i = 0; i < e->documents->len; i++)
    write_source (e, e->documents->pdata[i], segment_of);
  end (e);
}

static void
write_notes (Export *e)
{
  if (!e->notes->len)
    return;
  start (e, "Notes");
  for (guint i = 0; i < e->notes->len; i++) {
    const Note *n = e->notes->pdata[i];
    start (e, "Note");
    attr (e, "guid", n->guid);
    attr (e, "name", n->name);
    attr (e, "creatingUser", n->user);
    attr (e, "creationDateTime", n->created);
    xmlTextWriterWriteElement (e->w, BAD_CAST "PlainTextContent",
                               BAD_CAST n->text);
    end (e);
  }
  end (e);
}

static char *
write_qde (Export *e)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  e->w = xmlNewTextWriterMemory (buf, 0);
  xmlTextWriterSetIndent (e->w, 1);
  xmlTextWriterStartDocument (e->w, NULL, "utf-8", NULL);
  start (e, "Project");
  attr (e, "xmlns", "urn:QDA-XML:project:1.0");
  g_autofree char *base = g_path_get_basename (e->project->path);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  attr (e, "name", base);
  attr (e, "origin", "teema " TEEMA_REFI_VERSION);
  write_users (e);
  if (e->codebook) {
    start (e, "CodeBook");
    teema_refi__write_codes (e->w, e->codebook);
    end (e);
  }
  write_variables (e);
  write_cases (e);
  write_sources (e);
  write_notes (e);
  end (e);
  xmlTextWriterEndDocument (e->w);
  xmlFreeTextWriter (e->w);
  char *out = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return out;
}

static void
member_clear (gpointer p)
{
  TeemaZipMember *m = p;
  g_free (m->name);
  g_free (m->data);
}

static gboolean
export_qdpx (TeemaProject *project, const char *path, gboolean pseudonymised,
             const TeemaNameKey *key, GError **error)
{
  Export e = { .project = project };
  if (!gather (&e, error)
      || (pseudonymised && !pseudonymise (&e, key, error))) {
    export_clear (&e);
    return FALSE;
  }
  g_autoptr (GArray) members =
    g_array_new (FALSE, TRUE, sizeof (TeemaZipMember));
  g_array_set_clear_func (members, member_clear);
  TeemaZipMember qde = { g_strdup ("project.qde"), write_qde (&e), 0, FALSE };
  qde.len = strlen (qde.data);
  g_array_append_val (members, qde);
  for (guint i = 0; i < e.documents->len; i++) {
    TeemaStoreDocument *d = e.documents->pdata[i];
    g_autofree char *guid = teema_refi__guid ("document", d->sha256);
    const char *text =
      e.texts ? g_hash_table_lookup (e.texts, &d->id) : d->text;
    TeemaZipMember m = { g_strconcat ("sources/", guid, ".txt", NULL),
                         g_strdup (text), strlen (text), FALSE };
    g_array_append_val (members, m);
  }
  export_clear (&e);
  return teema_zip__write (path, members, error);
}

gboolean
teema_refi_export_qdpx (TeemaProject *project, const char *path, GError **error)
{
  return export_qdpx (project, path, FALSE, NULL, error);
}

gboolean
teema_refi_export_qdpx_pseudonymised (TeemaProject *project, const char *path,
                                      const TeemaNameKey *key, GError **error)
{
  return export_qdpx (project, path, TRUE, key, error);
}
