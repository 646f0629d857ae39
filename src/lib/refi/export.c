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
 * ordinary document variables.
 *
 * The export streams: the .qde is written into the archive as the XML
 * writer produces it, document by document from the store (its codings in
 * span order, its memos, its speakers), and notes are read again for the
 * Notes section rather than kept; then each text goes in alone. Memory
 * holds one document's text at a time, whatever the project's size.
 * Pseudonymised on request: names in the texts, memos and notes are
 * replaced (text/names.c) and every position is moved with the text; a
 * document's text is pseudonymised when its source is written (for the
 * positions) and again when the text goes in, so that still only one
 * text is held at a time (the analyser's cache makes the second pass
 * cheap, and it gives the same text).
 * Must always hold: the .qde validates against Project.xsd, positions are
 * code points of the written text, and the output is deterministic (GUIDs
 * derive from content, not chance). */
#include "refi/refi-private.h"
#include "text/text-private.h"
#include "formats/package-private.h"
#include "formats/zip-private.h"
#include "project/project-private.h"

#include "formats/libxml.h"
#include <string.h>

#define VAR_SEGMENTATION "teema:segmentation"
#define VAR_SPEAKERS     "teema:speakers"
#define VAR_INTERVIEWERS "teema:interviewers"

typedef struct {
  TeemaProject *project;
  TeemaCodebook *codebook; /* or NULL */
  GPtrArray *coders;       /* char * */
  GPtrArray *informants;   /* TeemaInformant * */
  GPtrArray *documents;    /* TeemaStoreDocument *, without their text */
  GPtrArray *variables;    /* char *: variable names in order */
  xmlTextWriterPtr w;
  TeemaZipWriter *zip;
  GError *write_error; /* the archive's, under the XML writer */
  guint n_notes;       /* notes referenced so far */
  /* the selection being written, in write_source */
  const TeemaStoreDocument *doc;
  gboolean in_selection;
  guint sel_start, sel_end;
  /* when pseudonymising, else NULL */
  TeemaAnalyzer *az;
  TeemaPseudonymOptions names; /* the name key */
  GArray *edits;               /* the current document's TeemaNameEdit */
} Export;

static void
export_clear (Export *e)
{
  teema_codebook_free (e->codebook);
  g_clear_pointer (&e->coders, g_ptr_array_unref);
  g_clear_pointer (&e->informants, g_ptr_array_unref);
  g_clear_pointer (&e->documents, g_ptr_array_unref);
  g_clear_pointer (&e->variables, g_ptr_array_unref);
  g_clear_error (&e->write_error);
  g_clear_pointer (&e->az, teema_analyzer_free);
  g_clear_pointer (&e->edits, g_array_unref);
}

/* text as written: with names replaced when pseudonymising. */
static char *
written (Export *e, const char *text)
{
  return e->az ? teema_names_pseudonymise (e->az, &e->names, text, NULL)
               : g_strdup (text);
}

/* The project's analyser with its cache, as autocode keeps it. */
static TeemaAnalyzer *
analyzer (TeemaStore *store, GError **error)
{
  GError *local = NULL;
  g_autofree char *lang = teema_store__get_setting (store, "language", &local);
  if (local) {
    g_propagate_error (error, local);
    return NULL;
  }
  g_autoptr (TeemaAnalyzer) az = teema_analyzer_new (lang ? lang : "fi", error);
  if (!az)
    return NULL;
  g_autofree char *key = teema_analyzer__cache_key (az);
  g_autofree char *dump = teema_store__load_analyses (store, key, error);
  if (!dump)
    return NULL;
  teema_analyzer_load_cache (az, dump);
  return g_steal_pointer (&az);
}

/* A position in the current document's stored text, in the text as
 * written. */
static guint
position (Export *e, guint offset, gboolean end_of_span)
{
  return e->edits ? teema_names_map_offset (e->edits, offset, end_of_span)
                  : offset;
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
  if (!(e->coders = teema_store__list_coders (store, error))
      || !(e->informants = teema_store__list_informants (store, error))
      || !(e->documents = teema_store__list_documents (store, error)))
    return FALSE;
  e->variables = g_ptr_array_new_with_free_func (g_free);
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
    e->n_notes++;
  }
  end (e);
}

/* One coding of the current document, in span order: equal spans share
 * a PlainTextSelection, opened by the first of them. */
static gboolean
selection_coding (const TeemaCoding *c, gpointer data, GError **error)
{
  Export *e = data;
  const TeemaStoreDocument *d = e->doc;
  if (e->in_selection && (c->start != e->sel_start || c->end != e->sel_end)) {
    end (e);
    e->in_selection = FALSE;
  }
  if (!e->in_selection) {
    g_autofree char *key =
      g_strdup_printf ("%s:%u:%u", d->sha256, c->start, c->end);
    start (e, "PlainTextSelection");
    guid_attr (e, "guid", "selection", key);
    int_attr (e, "startPosition", position (e, c->start, FALSE));
    int_attr (e, "endPosition", position (e, c->end, TRUE));
    guid_attr (e, "creatingUser", "coder", c->coder);
    attr (e, "creationDateTime", c->created_at);
    e->in_selection = TRUE;
    e->sel_start = c->start;
    e->sel_end = c->end;
  }
  write_coding (e, d, c);
  return TRUE;
}

/* A note-only selection for a memo on a segment of the current document:
 * the segment's span, the memo's coder and time, and a NoteRef. */
static gboolean
memo_selection (const TeemaStoreMemoSpan *m, gpointer data, GError **error)
{
  Export *e = data;
  g_autofree char *key =
    g_strdup_printf ("%s:%u:%u:%s", e->doc->sha256, m->start, m->end, m->coder);
  g_autofree char *note = teema_refi__guid ("memo", key);
  start (e, "PlainTextSelection");
  guid_attr (e, "guid", "memo selection", key);
  int_attr (e, "startPosition", position (e, m->start, FALSE));
  int_attr (e, "endPosition", position (e, m->end, TRUE));
  guid_attr (e, "creatingUser", "coder", m->coder);
  attr (e, "creationDateTime", m->updated_at);
  start (e, "NoteRef");
  attr (e, "targetGUID", note);
  end (e);
  end (e);
  e->n_notes++;
  return TRUE;
}

/* Speakers and interviewers of a document, comma separated, each once. */
typedef struct {
  GString *speakers, *interviewers;
  GHashTable *seen; /* "0name" or "1name" */
} Speakers;

static gboolean
add_speaker (const char *speaker, gboolean interviewer, gpointer data,
             GError **error)
{
  Speakers *sp = data;
  char *key = g_strconcat (interviewer ? "1" : "0", speaker, NULL);
  if (!g_hash_table_add (sp->seen, key))
    return TRUE;
  GString *s = interviewer ? sp->interviewers : sp->speakers;
  g_string_append_printf (s, "%s%s", s->len ? ", " : "", speaker);
  return TRUE;
}

static gboolean
write_source (Export *e, const TeemaStoreDocument *d, GError **error)
{
  TeemaStore *store = e->project->store;
  g_autofree char *guid = teema_refi__guid ("document", d->sha256);
  g_autofree char *path = g_strconcat ("internal://", guid, ".txt", NULL);
  start (e, "TextSource");
  attr (e, "guid", guid);
  attr (e, "name", d->name);
  attr (e, "plainTextPath", path);
  e->doc = d;
  e->in_selection = FALSE;
  g_clear_pointer (&e->edits, g_array_unref);
  if (e->az) { /* where the names change the text's length */
    g_autofree char *text = teema_store__document_text (store, d->id, error);
    if (!text)
      return FALSE;
    g_free (teema_names_pseudonymise (e->az, &e->names, text, &e->edits));
  }
  if (!teema_store__foreach_document_coding (store, d->id, FALSE,
                                             selection_coding, e, error))
    return FALSE;
  if (e->in_selection)
    end (e);
  if (!teema_store__foreach_document_memo (store, d->id, memo_selection, e,
                                           error))
    return FALSE;
  g_autoptr (GString) speakers = g_string_new (NULL);
  g_autoptr (GString) interviewers = g_string_new (NULL);
  g_autoptr (GHashTable) seen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Speakers sp = { speakers, interviewers, seen };
  if (!teema_store__foreach_document_speaker (store, d->id, add_speaker, &sp,
                                              error))
    return FALSE;
  variable_value (e, VAR_SEGMENTATION, d->segmentation);
  variable_value (e, VAR_SPEAKERS, speakers->str);
  variable_value (e, VAR_INTERVIEWERS, interviewers->str);
  end (e);
  g_clear_pointer (&e->edits, g_array_unref);
  return TRUE;
}

static gboolean
write_sources (Export *e, GError **error)
{
  if (!e->documents->len)
    return TRUE;
  start (e, "Sources");
  for (guint i = 0; i < e->documents->len; i++)
    if (!write_source (e, e->documents->pdata[i], error))
      return FALSE;
  end (e);
  return TRUE;
}

static void
write_note (Export *e, const char *guid, const char *name, const char *coder,
            const char *created, const char *stored)
{
  g_autofree char *text = written (e, stored);
  start (e, "Note");
  attr (e, "guid", guid);
  attr (e, "name", name);
  g_autofree char *user = coder ? teema_refi__guid ("coder", coder) : NULL;
  attr (e, "creatingUser", user);
  attr (e, "creationDateTime", created);
  xmlTextWriterWriteElement (e->w, BAD_CAST "PlainTextContent", BAD_CAST text);
  end (e);
}

static gboolean
coding_note (const TeemaCoding *c, gpointer data, GError **error)
{
  Export *e = data;
  g_autofree char *key = g_strdup_printf ("%s:%u:%u:%s:%s", e->doc->sha256,
                                          c->start, c->end, c->theme, c->coder);
  g_autofree char *guid = teema_refi__guid ("note", key);
  write_note (e, guid, "coding note", NULL, NULL, c->note);
  return TRUE;
}

static gboolean
memo_note (const TeemaStoreMemoSpan *m, gpointer data, GError **error)
{
  Export *e = data;
  g_autofree char *key =
    g_strdup_printf ("%s:%u:%u:%s", e->doc->sha256, m->start, m->end, m->coder);
  g_autofree char *guid = teema_refi__guid ("memo", key);
  write_note (e, guid, "teema memo", m->coder, m->updated_at, m->text);
  return TRUE;
}

/* The notes, read again in the order the sources referenced them. */
static gboolean
write_notes (Export *e, GError **error)
{
  if (!e->n_notes)
    return TRUE;
  TeemaStore *store = e->project->store;
  start (e, "Notes");
  for (guint i = 0; i < e->documents->len; i++) {
    e->doc = e->documents->pdata[i];
    if (!teema_store__foreach_document_coding (store, e->doc->id, TRUE,
                                               coding_note, e, error)
        || !teema_store__foreach_document_memo (store, e->doc->id, memo_note, e,
                                                error))
      return FALSE;
  }
  end (e);
  return TRUE;
}

/* Writes project.qde into the archive as it is produced. */
static gboolean
write_qde (Export *e, GError **error)
{
  if (!teema_libxml__load (error)
      || !teema_zip__writer_begin (e->zip, "project.qde", -1, FALSE, error))
    return FALSE;
  e->w = teema_package__member_writer (e->zip, &e->write_error);
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
  gboolean ok = write_sources (e, error) && write_notes (e, error);
  end (e);
  xmlTextWriterEndDocument (e->w);
  xmlFreeTextWriter (e->w); /* flushes the rest into the archive */
  e->w = NULL;
  if (ok && e->write_error) {
    g_propagate_error (error, g_steal_pointer (&e->write_error));
    ok = FALSE;
  }
  return ok;
}

/* Each document's text as sources/GUID.txt, read one at a time. */
static gboolean
write_texts (Export *e, GError **error)
{
  for (guint i = 0; i < e->documents->len; i++) {
    TeemaStoreDocument *d = e->documents->pdata[i];
    g_autofree char *stored =
      teema_store__document_text (e->project->store, d->id, error);
    if (!stored)
      return FALSE;
    g_autofree char *text = written (e, stored);
    g_autofree char *guid = teema_refi__guid ("document", d->sha256);
    g_autofree char *name = g_strconcat ("sources/", guid, ".txt", NULL);
    gsize len = strlen (text);
    if (!teema_zip__writer_begin (e->zip, name, (gint64) len, FALSE, error)
        || !teema_zip__writer_write (e->zip, text, len, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
export_qdpx (TeemaProject *project, const char *path, gboolean pseudonymised,
             const TeemaNameKey *key, GError **error)
{
  Export e = { .project = project };
  e.names.key = key;
  g_autoptr (TeemaZipWriter) zip = NULL;
  gboolean ok =
    gather (&e, error)
    && (!pseudonymised || (e.az = analyzer (project->store, error)) != NULL)
    && (zip = e.zip = teema_zip__writer_new (path, error)) != NULL
    && write_qde (&e, error) && write_texts (&e, error)
    && teema_zip__writer_finish (zip, error);
  export_clear (&e);
  return ok;
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
