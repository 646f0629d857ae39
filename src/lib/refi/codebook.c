/* refi-codebook.c — REFI-QDA codebooks (.qdc) and what projects share
 * with them: GUIDs, theme ids from code names, the teema block.
 *
 * A code's <Description> holds the human description, then a line
 * TEEMA_REFI_MARKER, then "key: value" lines (code, label.fi, label.en,
 * scope, rule, exclude): REFI-QDA has no place for rules or a rule scope.
 * Import goes through the codebook text format, so a .qdc is validated (rules
 * compiled, parents checked) exactly like a text codebook. Must always hold:
 * GUIDs are deterministic (same project, same GUIDs), theme ids are unique and
 * valid, and a teema codebook written and read back is the same codebook
 * (descriptions are single lines in teema). */
#include "project/project-private.h"
#include "refi/refi-private.h"

#include "formats/xml-private.h"

#include "formats/libxml.h"
#include <string.h>

char *
teema_refi__guid (const char *kind, const char *key)
{
  g_autofree char *seed = g_strconcat ("teema:", kind, ":", key, NULL);
  g_autofree char *h =
    g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);
  h[12] = '5';                                      /* name-based, version 5 */
  h[16] = "89ab"[g_ascii_xdigit_value (h[16]) & 3]; /* RFC 4122 variant */
  char *g = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8, h + 12,
                             h + 16, h + 20);
  for (char *p = g; *p; p++)
    *p = g_ascii_toupper (*p);
  return g;
}

char *
teema_refi__code_id (const char *name, GHashTable *taken)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *id = g_string_new (NULL);
  for (const char *p = ascii; *p && id->len < 40; p++) {
    char c = g_ascii_tolower (*p);
    if (g_ascii_isalnum (c) || c == '_')
      g_string_append_c (id, c);
    else if (id->len && id->str[id->len - 1] != '-')
      g_string_append_c (id, '-');
  }
  while (id->len && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (!id->len)
    g_string_append (id, "code");
  g_autofree char *base = g_string_free (id, FALSE);
  char *unique = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (taken, unique); n++) {
    g_free (unique);
    unique = g_strdup_printf ("%s-%u", base, n);
  }
  g_hash_table_add (taken, g_strdup (unique));
  return unique;
}

char *
teema_refi__describe (const TeemaTheme *t)
{
  GString *s = g_string_new (t->description);
  if (s->len)
    g_string_append (s, "\n\n");
  g_string_append (s, TEEMA_REFI_MARKER "\n");
  g_string_append_printf (s, "code: %s\n", t->code);
  if (t->label_fi)
    g_string_append_printf (s, "label.fi: %s\n", t->label_fi);
  if (t->label_en)
    g_string_append_printf (s, "label.en: %s\n", t->label_en);
  if (t->scope != TEEMA_SCOPE_SEGMENT)
    g_string_append_printf (s, "scope: %s\n", teema_scope_name (t->scope));
  for (guint i = 0; i < t->rules->len; i++)
    g_string_append_printf (s, "rule: %s\n", (char *) t->rules->pdata[i]);
  for (guint i = 0; i < t->excludes->len; i++)
    g_string_append_printf (s, "exclude: %s\n", (char *) t->excludes->pdata[i]);
  teema_codebook__write_evidence (s, "", t->evidence);
  return g_string_free (s, FALSE);
}

/* The marker line of a description (at the start of a line), or NULL. */
static const char *
marker_of (const char *description)
{
  const char *m = description ? strstr (description, TEEMA_REFI_MARKER) : NULL;
  while (m && m != description && m[-1] != '\n')
    m = strstr (m + 1, TEEMA_REFI_MARKER);
  return m;
}

/* Splits a description at the marker line: *block gets what follows. */
static char *
split_block (const char *description, const char **block)
{
  *block = NULL;
  if (!description)
    return NULL;
  const char *m = marker_of (description);
  if (!m)
    return g_strstrip (g_strdup (description));
  *block = m + strlen (TEEMA_REFI_MARKER);
  return g_strstrip (g_strndup (description, m - description));
}

/* One line: newlines and tabs become spaces (the text format's fields are
 * single lines). */
static char *
one_line (const char *s)
{
  char *out = g_strdup (s);
  for (char *p = out; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (out);
}

static void
field (GString *out, const char *key, const char *value)
{
  if (!value)
    return;
  g_autofree char *v = one_line (value);
  if (*v)
    g_string_append_printf (out, "  %s: %s\n", key, v);
}

char *
teema_refi__block_code (const char *description)
{
  const char *m = marker_of (description);
  if (!m)
    return NULL;
  g_auto (GStrv) lines = g_strsplit (m + strlen (TEEMA_REFI_MARKER), "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (g_strstrip (lines[i]), "code:"))
      return g_strstrip (g_strdup (lines[i] + 5));
  return NULL;
}

static void
normalise_colour (GString *out, const char *colour)
{
  gsize n = colour ? strlen (colour) : 0;
  if ((n != 4 && n != 7) || colour[0] != '#')
    return;
  char hex[8] = "#";
  for (gsize i = 1; i < 7; i++)
    hex[i] = g_ascii_tolower (colour[n == 4 ? (i + 1) / 2 : i]);
  field (out, "colour", hex);
}

void
teema_refi__theme_text (GString *out, const char *id, const char *name,
                        const char *colour, const char *parent,
                        const char *description)
{
  const char *block;
  g_autofree char *human = split_block (description, &block);
  g_string_append_printf (out, "\ntheme %s\n", id);
  field (out, "parent", parent);
  normalise_colour (out, colour);
  field (out, "description", human);
  if (!block) {
    field (out, "label", name);
    return;
  }
  g_auto (GStrv) lines = g_strsplit (block, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *line = g_strstrip (lines[i]);
    const char *colon = strchr (line, ':');
    if (!colon || g_str_has_prefix (line, "code:"))
      continue;
    g_autofree char *key = g_strndup (line, colon - line);
    if (g_str_equal (key, "label.fi") || g_str_equal (key, "label.en")
        || g_str_equal (key, "scope") || g_str_equal (key, "rule")
        || g_str_equal (key, "exclude") || g_str_equal (key, "evidence"))
      field (out, key, colon + 1);
  }
}

/* ---- reading a .qdc -------------------------------------------------------
 */

static char *
content (xmlNodePtr n)
{
  if (!n)
    return NULL;
  xmlChar *v = xmlNodeGetContent (n);
  char *s = g_strdup ((const char *) v);
  xmlFree (v);
  return s;
}

static gboolean
valid_id (const char *id)
{
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return *id != '\0';
}

static void
codes_text (GString *out, xmlNodePtr codes, const char *parent,
            GHashTable *taken)
{
  for (xmlNodePtr c = codes->children; c; c = c->next) {
    if (!teema_xml__is_el (c, "Code"))
      continue;
    g_autofree char *name = teema_xml__prop (c, "name");
    g_autofree char *colour = teema_xml__prop (c, "color");
    g_autofree char *desc = content (teema_xml__child (c, "Description"));
    g_autofree char *want = teema_refi__block_code (desc);
    g_autofree char *id = NULL;
    g_autofree char *key = want ? g_ascii_strdown (want, -1) : NULL;
    if (key && valid_id (key) && !g_hash_table_contains (taken, key)) {
      id = g_strdup (want);
      g_hash_table_add (taken, g_steal_pointer (&key));
    } else
      id = teema_refi__code_id (name, taken);
    teema_refi__theme_text (out, id, name, colour, parent, desc);
    codes_text (out, c, id, taken);
  }
}

TeemaCodebook *
teema_codebook_parse_qdc (const char *data, gsize len, const char *name,
                          GError **error)
{
  xmlDocPtr doc = teema_xml__parse (data, len, name, error);
  if (!doc)
    return NULL;
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr book = teema_xml__is_el (root, "CodeBook")
                      ? root
                      : teema_xml__child (root, "CodeBook");
  xmlNodePtr codes = teema_xml__child (book, "Codes");
  if (!codes) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
      _ ("%s: no <CodeBook><Codes> element: not a REFI-QDA codebook"), name);
    teema_xml__free (doc);
    return NULL;
  }
  g_autoptr (GHashTable) taken =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *text = g_string_new (NULL);
  g_autofree char *base = g_path_get_basename (name);
  g_string_append_printf (text, "codebook: %s\n", base);
  codes_text (text, codes, NULL, taken);
  teema_xml__free (doc);
  TeemaCodebook *cb =
    teema_codebook_parse (text->str, (gssize) text->len, name, error);
  g_string_free (text, TRUE);
  return cb;
}

TeemaCodebook *
teema_codebook_load_qdc (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!teema__read_file (path, &data, &len, error))
    return NULL;
  return teema_codebook_parse_qdc (data, len, path, error);
}

/* ---- writing --------------------------------------------------------------
 */

void
teema_refi__write_codes (gpointer writer, const TeemaCodebook *cb)
{
  xmlTextWriterPtr w = writer;
  const char *lang = teema_codebook_language (cb);
  guint open = 0;
  xmlTextWriterStartElement (w, BAD_CAST "Codes");
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    for (; open > t->depth; open--)
      xmlTextWriterEndElement (w);
    g_autofree char *guid = teema_refi__guid ("theme", t->code);
    g_autofree char *desc = teema_refi__describe (t);
    xmlTextWriterStartElement (w, BAD_CAST "Code");
    xmlTextWriterWriteAttribute (w, BAD_CAST "guid", BAD_CAST guid);
    xmlTextWriterWriteAttribute (w, BAD_CAST "name",
                                 BAD_CAST teema_theme_label (t, lang));
    xmlTextWriterWriteAttribute (w, BAD_CAST "isCodable", BAD_CAST "true");
    if (t->colour)
      xmlTextWriterWriteAttribute (w, BAD_CAST "color", BAD_CAST t->colour);
    xmlTextWriterWriteElement (w, BAD_CAST "Description", BAD_CAST desc);
    open++;
  }
  for (; open > 0; open--)
    xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

char *
teema_codebook_to_qdc (const TeemaCodebook *cb, GError **error)
{
  if (!teema_libxml__load (error))
    return NULL;
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buf, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterStartDocument (w, NULL, "utf-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "CodeBook");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns",
                               BAD_CAST "urn:QDA-XML:codebook:1.0");
  xmlTextWriterWriteAttribute (w, BAD_CAST "origin",
                               BAD_CAST "teema " TEEMA_REFI_VERSION);
  teema_refi__write_codes (w, cb);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  char *out = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return out;
}
