/* formats/registry.c — the table of file formats teema reads.
 *
 * One row per format: its name, extensions, an optional sniffer for files
 * whose name says nothing, and (for transcripts) the reader that turns it
 * into teema's text format. Import, the CLI's dispatch and the help text
 * all read this table, so a new format is added here and nowhere else.
 * Must always hold: plain text is last and matches anything, so every
 * readable file has a format. */
#include "formats/formats-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  TeemaFileFormat format;
  /* TRUE when the first bytes are this format's; NULL: by extension only */
  gboolean (*sniff) (const char *head, gsize len);
  TeemaReadFunc read; /* transcripts only; NULL: the file is the text */
} Entry;

static gboolean
starts_with (const char *head, gsize len, const char *magic)
{
  gsize n = strlen (magic);
  return len >= n && memcmp (head, magic, n) == 0;
}

static gboolean
sniff_vtt (const char *head, gsize len)
{
  if (starts_with (head, len, "\xEF\xBB\xBF"))
    head += 3, len -= 3;
  return starts_with (head, len, "WEBVTT");
}

static gboolean
sniff_srt (const char *head, gsize len)
{
  g_autofree char *s = g_strndup (head, MIN (len, 200));
  return g_regex_match_simple ("^\\s*\\d+\\s*\\r?\\n\\d\\d:\\d\\d:\\d\\d,\\d{3}"
                               " --> ",
                               s, 0, 0);
}

static gboolean
sniff_xml_root (const char *head, gsize len, const char *root)
{
  g_autofree char *s = g_strndup (head, MIN (len, 1024));
  g_autofree char *pattern = g_strdup_printf ("<(\\w+:)?%s[\\s>]", root);
  return (starts_with (s, len, "<?xml")
          || starts_with (s, len, "\xEF\xBB\xBF<"))
         && g_regex_match_simple (pattern, s, 0, 0);
}

static gboolean
sniff_qde (const char *head, gsize len)
{
  return sniff_xml_root (head, len, "Project");
}

static gboolean
sniff_qdc (const char *head, gsize len)
{
  return sniff_xml_root (head, len, "CodeBook");
}

static const char *const ext_txt[] = { ".txt", ".md", ".markdown", NULL };
static const char *const ext_docx[] = { ".docx", NULL };
static const char *const ext_odt[] = { ".odt", NULL };
static const char *const ext_vtt[] = { ".vtt", NULL };
static const char *const ext_srt[] = { ".srt", NULL };
static const char *const ext_qdpx[] = { ".qdpx", NULL };
static const char *const ext_qde[] = { ".qde", NULL };
static const char *const ext_qdc[] = { ".qdc", NULL };

static const Entry entries[] = {
  { { "docx", N_ ("Word document"), ext_docx, TEEMA_FILE_TRANSCRIPT },
    NULL,
    teema_docx__read },
  { { "odt", N_ ("OpenDocument text"), ext_odt, TEEMA_FILE_TRANSCRIPT },
    NULL,
    teema_odt__read },
  { { "vtt", N_ ("WebVTT subtitles"), ext_vtt, TEEMA_FILE_TRANSCRIPT },
    sniff_vtt,
    teema_vtt__read },
  { { "srt", N_ ("SRT subtitles"), ext_srt, TEEMA_FILE_TRANSCRIPT },
    sniff_srt,
    teema_srt__read },
  { { "qdpx", N_ ("REFI-QDA project"), ext_qdpx, TEEMA_FILE_PROJECT },
    NULL,
    NULL },
  { { "qde", N_ ("REFI-QDA project XML"), ext_qde, TEEMA_FILE_PROJECT },
    sniff_qde,
    NULL },
  { { "qdc", N_ ("REFI-QDA codebook"), ext_qdc, TEEMA_FILE_CODEBOOK },
    sniff_qdc,
    NULL },
  { { "text", N_ ("plain text or Markdown"), ext_txt, TEEMA_FILE_TRANSCRIPT },
    NULL,
    NULL },
};

#define N_ENTRIES G_N_ELEMENTS (entries)
#define PLAIN     (&entries[N_ENTRIES - 1])

const TeemaFileFormat *const *
teema_file_format_list (guint *n_formats)
{
  static const TeemaFileFormat *list[N_ENTRIES + 1];
  for (guint i = 0; i < N_ENTRIES; i++)
    list[i] = &entries[i].format;
  if (n_formats)
    *n_formats = N_ENTRIES;
  return list;
}

static const Entry *
by_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < N_ENTRIES; i++)
    for (const char *const *e = entries[i].format.extensions; *e; e++)
      if (g_str_has_suffix (lower, *e))
        return &entries[i];
  return NULL;
}

/* The first bytes of path (up to 1 KiB), for sniffing. */
static gboolean
read_head (const char *path, char *buf, gsize *len, GError **error)
{
  FILE *f = g_fopen (path, "rb");
  if (!f) {
    g_autofree char *raw = NULL; /* for the system's message */
    return teema__read_file (path, &raw, NULL, error);
  }
  *len = fread (buf, 1, 1024, f);
  fclose (f);
  return TRUE;
}

static const Entry *
detect (const char *path, GError **error)
{
  const Entry *e = by_extension (path);
  if (e)
    return e;
  char head[1024];
  gsize len = 0;
  if (!read_head (path, head, &len, error))
    return NULL;
  for (guint i = 0; i < N_ENTRIES; i++)
    if (entries[i].sniff && entries[i].sniff (head, len))
      return &entries[i];
  return PLAIN;
}

const TeemaFileFormat *
teema_file_format_detect (const char *path, GError **error)
{
  const Entry *e = detect (path, error);
  return e ? &e->format : NULL;
}

char *
teema_file_format_extensions (TeemaFileKind kind)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < N_ENTRIES; i++)
    for (const char *const *e = entries[i].format.extensions;
         entries[i].format.kind == kind && *e; e++)
      g_string_append_printf (s, "%s*%s", s->len ? " " : "", *e);
  return g_string_free (s, FALSE);
}

static const char *
command_for (TeemaFileKind kind)
{
  switch (kind) {
  case TEEMA_FILE_PROJECT:
    return _ ("import it on its own with 'teema import FILE'");
  case TEEMA_FILE_CODEBOOK:
    return _ ("load it with 'teema codebook import FILE'");
  case TEEMA_FILE_TRANSCRIPT:
    return _ ("import it with 'teema import FILE'");
  }
  return "";
}

gboolean
teema_formats__read_transcript (const char *path, TeemaReadInfo *info,
                                char **data, gsize *len, GError **error)
{
  const Entry *e = detect (path, error);
  if (!e)
    return FALSE;
  if (e->format.kind != TEEMA_FILE_TRANSCRIPT) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("%s: a %s, not a transcript: %s"), path,
                 _ (e->format.description), command_for (e->format.kind));
    return FALSE;
  }
  if (!e->read)
    return teema_plain__read (path, info, data, len, error);
  char *text = e->read (path, error);
  if (!text)
    return FALSE;
  *data = text;
  *len = strlen (text);
  info->used = "UTF-8";
  info->converted = TRUE;
  return TRUE;
}
