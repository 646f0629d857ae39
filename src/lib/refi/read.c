/* refi-read.c — a REFI-QDA .qde document into the import model.
 *
 * Elements are matched by local name, so the project namespace, the
 * codebook namespace used by some exporters, or none at all are read
 * alike; GUIDs are lower-cased. Everything the model cannot hold is named
 * in p->skipped with the reason. Must always hold: nothing here touches
 * the project; codes whose theme id (from the teema block, or the same id
 * and label) is already in the project map to that theme, all others get
 * new unique ids. */
#include "refi/refi-private.h"

#include "formats/xml-private.h"

#include "formats/libxml.h"
#include <string.h>

static void
coding_free (RefiCoding *c)
{
  g_free (c->code);
  g_free (c->user);
  g_free (c->created);
  g_ptr_array_unref (c->notes);
  g_free (c);
}

static void
selection_free (RefiSelection *s)
{
  g_free (s->guid);
  g_free (s->name);
  g_free (s->user);
  g_free (s->created);
  g_ptr_array_unref (s->codings);
  g_ptr_array_unref (s->notes);
  g_free (s);
}

static void
source_free (RefiSource *s)
{
  g_free (s->guid);
  g_free (s->name);
  g_free (s->kind);
  g_free (s->path);
  g_free (s->content);
  g_hash_table_destroy (s->vars);
  g_ptr_array_unref (s->selections);
  if (s->raw)
    g_bytes_unref (s->raw);
  g_free (s->text);
  g_free (s->informant);
  g_free (s);
}

static void
note_free (RefiNote *n)
{
  g_free (n->text);
  g_free (n->user);
  g_free (n->created);
  g_free (n);
}

static void
case_free (RefiCase *c)
{
  g_free (c->guid);
  g_free (c->name);
  g_hash_table_destroy (c->vars);
  g_ptr_array_unref (c->sources);
  g_free (c);
}

void
refi_project_free (RefiProject *p)
{
  if (!p)
    return;
  g_free (p->origin);
  g_free (p->name);
  g_hash_table_destroy (p->users);
  g_ptr_array_unref (p->user_order);
  g_string_free (p->codebook, TRUE);
  g_hash_table_destroy (p->code_ids);
  g_ptr_array_unref (p->new_codes);
  g_ptr_array_unref (p->sources);
  g_ptr_array_unref (p->cases);
  g_hash_table_destroy (p->notes);
  g_hash_table_destroy (p->coding_notes);
  g_hash_table_destroy (p->used_notes);
  g_ptr_array_unref (p->skipped);
  g_free (p);
}

static GHashTable *
str_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static RefiProject *
project_new (void)
{
  RefiProject *p = g_new0 (RefiProject, 1);
  p->users = str_table ();
  p->user_order = g_ptr_array_new_with_free_func (g_free);
  p->codebook = g_string_new (NULL);
  p->code_ids = str_table ();
  p->new_codes = g_ptr_array_new_with_free_func (g_free);
  p->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  p->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  p->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) note_free);
  p->coding_notes =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->used_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->skipped = g_ptr_array_new_with_free_func (g_free);
  return p;
}

/* ---- libxml2 helpers ------------------------------------------------------
 */

static char *
guid_prop (xmlNodePtr n, const char *name)
{
  g_autofree char *v = teema_xml__prop (n, name);
  if (!v)
    return NULL;
  g_strstrip (v);
  /* "{...}" is a valid GUID form too. */
  gsize len = strlen (v);
  if (len > 2 && v[0] == '{' && v[len - 1] == '}')
    return g_ascii_strdown (v + 1, (gssize) len - 2);
  return g_ascii_strdown (v, -1);
}

static char *
text_of (xmlNodePtr n)
{
  if (!n)
    return NULL;
  xmlChar *v = xmlNodeGetContent (n);
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

/* ---- users and codes ------------------------------------------------------
 */

static void
read_users (RefiProject *p, xmlNodePtr users)
{
  for (xmlNodePtr u = users ? users->children : NULL; u; u = u->next) {
    if (!teema_xml__is_el (u, "User"))
      continue;
    char *guid = guid_prop (u, "guid");
    char *name = teema_xml__prop (u, "name");
    if (!name || !*name) {
      g_free (name);
      name = teema_xml__prop (u, "id");
    }
    if (!guid)
      continue;
    if (!name || !*name) {
      g_free (name);
      name = g_strdup (guid);
    }
    g_ptr_array_add (p->user_order, g_strdup (guid));
    g_hash_table_replace (p->users, guid, name);
  }
}

typedef struct {
  RefiProject *p;
  const TeemaCodebook *existing;
  GHashTable *taken; /* lower-case theme ids in use */
  GHashTable *names; /* code guid -> code name, to name duplicates */
  const char *file;
  GError **error; /* set once: the walk stops */
} CodeWalk;

/* A GUID seen on an earlier code is an error naming both codes: a child
 * repeating its ancestor's GUID would otherwise replace (and free) the
 * ancestor's id while it is still the parent. */
static gboolean
unique_guid (CodeWalk *w, const char *guid, const char *name)
{
  const char *first = g_hash_table_lookup (w->names, guid);
  if (!g_hash_table_contains (w->names, guid)) {
    g_hash_table_insert (w->names, g_strdup (guid), g_strdup (name));
    return TRUE;
  }
  g_set_error (w->error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
               _ ("%s: the codes '%s' and '%s' have the same guid %s; every "
                  "code needs its own guid (fix the file or export it again)"),
               w->file, first ? first : "", name ? name : "", guid);
  return FALSE;
}

/* The existing theme this code is, or NULL. */
static const TeemaTheme *
existing_theme (CodeWalk *w, const char *name, const char *desc)
{
  if (!w->existing)
    return NULL;
  g_autofree char *want = teema_refi__block_code (desc);
  if (want)
    return teema_codebook_lookup (w->existing, want);
  g_autoptr (GHashTable) none =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = teema_refi__code_id (name, none);
  const TeemaTheme *t = teema_codebook_lookup (w->existing, id);
  return t && g_strcmp0 (teema_theme_label (t, "fi"), name) == 0 ? t : NULL;
}

static char *
new_id (CodeWalk *w, const char *name, const char *desc)
{
  g_autofree char *want = teema_refi__block_code (desc);
  g_autofree char *key = want ? g_ascii_strdown (want, -1) : NULL;
  gboolean ok = key && *key;
  for (const char *c = key; ok && *c; c++)
    ok = g_ascii_isalnum (*c) || *c == '_' || *c == '-' || *c == '.';
  if (ok && !g_hash_table_contains (w->taken, key)) {
    g_hash_table_add (w->taken, g_steal_pointer (&key));
    return g_strdup (want);
  }
  return teema_refi__code_id (name, w->taken);
}

static gboolean
read_codes (CodeWalk *w, xmlNodePtr codes, const char *parent)
{
  for (xmlNodePtr c = codes ? codes->children : NULL; c; c = c->next) {
    if (!teema_xml__is_el (c, "Code"))
      continue;
    g_autofree char *guid = guid_prop (c, "guid");
    g_autofree char *name = teema_xml__prop (c, "name");
    if (guid && !unique_guid (w, guid, name))
      return FALSE;
    g_autofree char *colour = teema_xml__prop (c, "color");
    g_autofree char *desc = text_of (teema_xml__child (c, "Description"));
    const TeemaTheme *old = existing_theme (w, name, desc);
    char *id = old ? g_strdup (old->code) : new_id (w, name, desc);
    if (!old) {
      teema_refi__theme_text (w->p->codebook, id, name, colour, parent, desc);
      g_ptr_array_add (w->p->new_codes, g_strdup (id));
    }
    if (guid)
      g_hash_table_replace (w->p->code_ids, g_strdup (guid), id);
    gboolean ok = read_codes (w, c, id);
    if (!guid)
      g_free (id);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

/* ---- variables, cases, notes ----------------------------------------------
 */

/* Reads VariableValue children of n into vars (names via variables). */
static void
read_values (xmlNodePtr n, GHashTable *variables, GHashTable *vars)
{
  for (xmlNodePtr v = n->children; v; v = v->next) {
    if (!teema_xml__is_el (v, "VariableValue"))
      continue;
    g_autofree char *ref =
      guid_prop (teema_xml__child (v, "VariableRef"), "targetGUID");
    const char *name = ref ? g_hash_table_lookup (variables, ref) : NULL;
    xmlNodePtr value = NULL;
    for (xmlNodePtr c = v->children; c && !value; c = c->next)
      if (teema_xml__is_el (c, NULL)
          && g_str_has_suffix ((const char *) c->name, "Value"))
        value = c;
    if (name && value)
      g_hash_table_replace (vars, g_strdup (name),
                            g_strstrip (text_of (value)));
  }
}

static void
read_cases (RefiProject *p, xmlNodePtr cases, GHashTable *variables)
{
  for (xmlNodePtr c = cases ? cases->children : NULL; c; c = c->next) {
    if (!teema_xml__is_el (c, "Case"))
      continue;
    RefiCase *rc = g_new0 (RefiCase, 1);
    rc->guid = guid_prop (c, "guid");
    rc->name = teema_xml__prop (c, "name");
    if (!rc->name || !*g_strstrip (rc->name)) {
      g_free (rc->name);
      rc->name = g_strdup (rc->guid ? rc->guid : "case");
    }
    rc->vars = str_table ();
    rc->sources = g_ptr_array_new_with_free_func (g_free);
    read_values (c, variables, rc->vars);
    for (xmlNodePtr r = c->children; r; r = r->next)
      if (teema_xml__is_el (r, "SourceRef"))
        g_ptr_array_add (rc->sources, guid_prop (r, "targetGUID"));
    g_ptr_array_add (p->cases, rc);
  }
}

static GHashTable *
read_variables (xmlNodePtr variables)
{
  GHashTable *t = str_table ();
  for (xmlNodePtr v = variables ? variables->children : NULL; v; v = v->next)
    if (teema_xml__is_el (v, "Variable")) {
      char *guid = guid_prop (v, "guid");
      char *name = teema_xml__prop (v, "name");
      if (guid && name)
        g_hash_table_replace (t, guid, name);
      else {
        g_free (guid);
        g_free (name);
      }
    }
  return t;
}

static gboolean
blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* A note's text: its PlainTextContent untouched (a memo must come back
 * exactly), or when that is blank the Description some tools use instead,
 * or the blank content itself. */
static char *
note_text (xmlNodePtr n)
{
  char *content = text_of (teema_xml__child (n, "PlainTextContent"));
  if (!blank (content))
    return content;
  char *description = text_of (teema_xml__child (n, "Description"));
  if (!blank (description)) {
    g_free (content);
    return g_strstrip (description);
  }
  g_free (description);
  if (content && !*content)
    g_clear_pointer (&content, g_free);
  return content;
}

static void
read_notes (RefiProject *p, xmlNodePtr notes)
{
  for (xmlNodePtr n = notes ? notes->children : NULL; n; n = n->next) {
    if (!teema_xml__is_el (n, "Note"))
      continue;
    char *guid = guid_prop (n, "guid");
    char *text = note_text (n);
    if (!guid || !text) {
      g_free (guid);
      g_free (text);
      continue;
    }
    RefiNote *note = g_new0 (RefiNote, 1);
    note->text = text;
    note->user = guid_prop (n, "creatingUser");
    note->created = teema_xml__prop (n, "creationDateTime");
    g_hash_table_replace (p->notes, guid, note);
  }
}

/* ---- sources --------------------------------------------------------------
 */

static GPtrArray *
note_refs (xmlNodePtr n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (teema_xml__is_el (c, "NoteRef"))
      g_ptr_array_add (out, guid_prop (c, "targetGUID"));
  return out;
}

static RefiCoding *
read_coding (xmlNodePtr c)
{
  RefiCoding *rc = g_new0 (RefiCoding, 1);
  rc->code = guid_prop (teema_xml__child (c, "CodeRef"), "targetGUID");
  rc->user = guid_prop (c, "creatingUser");
  rc->created = teema_xml__prop (c, "creationDateTime");
  rc->notes = note_refs (c);
  return rc;
}

static gboolean
parse_position (xmlNodePtr n, const char *name, gint64 *out)
{
  g_autofree char *v = teema_xml__prop (n, name);
  char *end = NULL;
  if (!v)
    return FALSE;
  *out = g_ascii_strtoll (v, &end, 10);
  return end && end != v && *end == '\0' && *out >= 0;
}

static RefiSelection *
read_selection (xmlNodePtr s)
{
  RefiSelection *sel = g_new0 (RefiSelection, 1);
  sel->guid = guid_prop (s, "guid");
  sel->name = teema_xml__prop (s, "name");
  sel->user = guid_prop (s, "creatingUser");
  sel->created = teema_xml__prop (s, "creationDateTime");
  sel->codings = g_ptr_array_new_with_free_func ((GDestroyNotify) coding_free);
  sel->notes = note_refs (s);
  if (!parse_position (s, "startPosition", &sel->start)
      || !parse_position (s, "endPosition", &sel->end))
    sel->start = sel->end = -1;
  for (xmlNodePtr c = s->children; c; c = c->next)
    if (teema_xml__is_el (c, "Coding"))
      g_ptr_array_add (sel->codings, read_coding (c));
  return sel;
}

/* Adds sel to src unless an identical span is there: then merges. */
static void
add_selection (RefiProject *p, RefiSource *src, RefiSelection *sel)
{
  for (guint i = 0; i < sel->codings->len; i++) {
    GPtrArray *notes = ((RefiCoding *) sel->codings->pdata[i])->notes;
    for (guint k = 0; k < notes->len; k++)
      if (notes->pdata[k])
        g_hash_table_add (p->coding_notes, g_strdup (notes->pdata[k]));
  }
  for (guint i = 0; i < src->selections->len; i++) {
    RefiSelection *o = src->selections->pdata[i];
    if (o->start != sel->start || o->end != sel->end)
      continue;
    for (guint k = 0; k < sel->codings->len; k++)
      g_ptr_array_add (o->codings, sel->codings->pdata[k]);
    for (guint k = 0; k < sel->notes->len; k++)
      g_ptr_array_add (o->notes, g_strdup (sel->notes->pdata[k]));
    g_ptr_array_set_free_func (sel->codings, NULL);
    selection_free (sel);
    p->n_merged++;
    return;
  }
  g_ptr_array_add (src->selections, sel);
}

static guint
count_codings (xmlNodePtr n)
{
  guint k = 0;
  for (xmlNodePtr c = n->children; c; c = c->next)
    k += teema_xml__is_el (c, "Coding") ? 1
         : teema_xml__is_el (c, NULL)   ? count_codings (c)
                                        : 0;
  return k;
}

static void
read_source (RefiProject *p, xmlNodePtr s, GHashTable *variables)
{
  RefiSource *src = g_new0 (RefiSource, 1);
  src->kind = g_strdup ((const char *) s->name);
  src->guid = guid_prop (s, "guid");
  src->name = teema_xml__prop (s, "name");
  if (!src->name || !*g_strstrip (src->name)) {
    g_free (src->name);
    src->name = g_strdup (src->guid ? src->guid : "source");
  }
  src->path = teema_xml__prop (s, "plainTextPath");
  src->content = text_of (teema_xml__child (s, "PlainTextContent"));
  src->vars = str_table ();
  src->selections =
    g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);
  read_values (s, variables, src->vars);
  gboolean text = g_str_equal (src->kind, "TextSource");
  for (xmlNodePtr c = s->children; c; c = c->next) {
    if (text && teema_xml__is_el (c, "PlainTextSelection"))
      add_selection (p, src, read_selection (c));
    else if (teema_xml__is_el (c, "Coding")
             || (teema_xml__is_el (c, NULL) && !text))
      src->n_other_codings +=
        teema_xml__is_el (c, "Coding") ? 1 : count_codings (c);
  }
  g_ptr_array_add (p->sources, src);
}

RefiProject *
refi_read (gpointer xml, const TeemaCodebook *existing, const char *name,
           GError **error)
{
  xmlDocPtr doc = xml;
  xmlNodePtr root = xmlDocGetRootElement (doc);
  if (!teema_xml__is_el (root, "Project")) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s: the root element is <%s>, not <Project>: not a "
                    "REFI-QDA project%s"),
                 name, root ? (char *) root->name : "",
                 teema_xml__is_el (root, "CodeBook")
                   ? _ (" (for a codebook use 'teema "
                        "codebook import FILE.qdc')")
                   : "");
    return NULL;
  }
  RefiProject *p = project_new ();
  p->origin = teema_xml__prop (root, "origin");
  p->name = teema_xml__prop (root, "name");
  read_users (p, teema_xml__child (root, "Users"));
  CodeWalk w = {
    p,
    existing,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    name,
    error,
  };
  for (guint i = 0; existing && i < teema_codebook_size (existing); i++)
    g_hash_table_add (
      w.taken, g_ascii_strdown (teema_codebook_theme (existing, i)->code, -1));
  gboolean codes_ok = read_codes (
    &w, teema_xml__child (teema_xml__child (root, "CodeBook"), "Codes"), NULL);
  g_hash_table_destroy (w.taken);
  g_hash_table_destroy (w.names);
  if (!codes_ok) {
    refi_project_free (p);
    return NULL;
  }
  g_autoptr (GHashTable) variables =
    read_variables (teema_xml__child (root, "Variables"));
  read_cases (p, teema_xml__child (root, "Cases"), variables);
  read_notes (p, teema_xml__child (root, "Notes"));
  for (xmlNodePtr s =
         teema_xml__child (teema_xml__child (root, "Sources"), NULL);
       s; s = s->next)
    if (teema_xml__is_el (s, NULL))
      read_source (p, s, variables);
  return p;
}
