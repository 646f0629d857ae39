/* formats/plain.c — reading plain-text transcripts in the encodings
 * students have: UTF-8 (with or without a BOM), UTF-16 and UTF-32 as
 * Windows Notepad and Word save "Unicode text", and the 8-bit Windows-1252
 * and ISO-8859-15 of older Finnish files.
 *
 * A byte-order mark decides; then valid UTF-8 is taken as UTF-8; then a
 * file full of NUL bytes in every other position is UTF-16 without a BOM.
 * Anything else is 8-bit text, decoded only with an encoding the user
 * names (or "auto"), because a wrong guess changes letters silently.
 * Must always hold: the output is valid UTF-8 without NUL bytes, or there
 * is an error naming the file, the line and what to do. */
#include "formats/formats-private.h"

#include <string.h>

typedef struct {
  const char *bom;
  gsize n;
  const char *encoding;
} Bom;

/* UTF-32 first: its little-endian BOM starts with UTF-16's. */
static const Bom boms[] = {
  { "\xFF\xFE\x00\x00", 4, "UTF-32LE" },
  { "\x00\x00\xFE\xFF", 4, "UTF-32BE" },
  { "\xFF\xFE", 2, "UTF-16LE" },
  { "\xFE\xFF", 2, "UTF-16BE" },
};

static guint
line_at (const char *data, gsize at)
{
  guint line = 1;
  for (gsize i = 0; i < at; i++)
    line += data[i] == '\n';
  return line;
}

static gboolean
known_encoding (const char *name)
{
  GIConv cd = g_iconv_open ("UTF-8", name);
  if (cd == (GIConv) -1)
    return FALSE;
  g_iconv_close (cd);
  return TRUE;
}

static gboolean
convert (const char *path, const char *data, gsize len, const char *from,
         char **out, gsize *out_len, GError **error)
{
  if (!known_encoding (from)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s: unknown encoding '%s' (try windows-1252, iso-8859-15 "
                    "or auto)"),
                 path, from);
    return FALSE;
  }
  GError *local = NULL;
  gsize read = 0;
  *out = g_convert (data, (gssize) len, "UTF-8", from, &read, out_len, &local);
  if (*out)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
               _ ("%s:%u: cannot be read as %s (%s); check the encoding the "
                  "file was saved in"),
               path, line_at (data, read), from, local->message);
  g_error_free (local);
  return FALSE;
}

/* UTF-16 without a BOM: NUL bytes in (almost) only the even or the odd
 * positions, as ASCII letters, spaces and line ends give. NULL if not. */
static const char *
sniff_utf16 (const char *data, gsize len)
{
  gsize even = 0, odd = 0;
  for (gsize i = 0; i + 1 < len; i += 2) {
    even += data[i] == '\0';
    odd += data[i + 1] == '\0';
  }
  gsize pairs = len / 2;
  if (pairs == 0 || len % 2)
    return NULL;
  if (odd * 10 >= pairs * 3 && even * 100 <= pairs)
    return "UTF-16LE";
  if (even * 10 >= pairs * 3 && odd * 100 <= pairs)
    return "UTF-16BE";
  return NULL;
}

static gboolean
is_letter_byte (guchar c)
{
  return g_ascii_isalpha (c) || c >= 0xC0;
}

/* Which 8-bit encoding a non-UTF-8 Finnish file is most likely in.
 * Windows-1252 has printable characters (€ ’ – ” …) at 0x80-0x9F where
 * ISO-8859-15 has control codes; ISO-8859-15 has € at 0xA4 and š ž Š Ž
 * inside words where Windows-1252 has ¤ ¨ ¸ ¦. Otherwise the two agree on
 * every byte the file uses, and Windows-1252 is the answer. */
const char *
teema_plain__guess_8bit (const char *data, gsize len)
{
  const guchar *d = (const guchar *) data;
  gboolean latin9 = FALSE;
  for (gsize i = 0; i < len; i++) {
    if (d[i] >= 0x80 && d[i] <= 0x9F)
      return "windows-1252";
    gboolean in_word = i > 0 && i + 1 < len && is_letter_byte (d[i - 1])
                       && is_letter_byte (d[i + 1]);
    if (d[i] == 0xA4
        || (in_word
            && (d[i] == 0xA6 || d[i] == 0xA8 || d[i] == 0xB4 || d[i] == 0xB8)))
      latin9 = TRUE;
  }
  return latin9 ? "iso-8859-15" : "windows-1252";
}

static gboolean
refuse_8bit (const char *path, const char *data, gsize len, const char *bad,
             GError **error)
{
  const char *line_start = bad;
  while (line_start > data && line_start[-1] != '\n')
    line_start--;
  glong column = g_utf8_strlen (line_start, bad - line_start) + 1;
  const char *guess = teema_plain__guess_8bit (data, len);
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
               _ ("%s:%u:%ld: not UTF-8 (byte 0x%02X); it looks like %s: "
                  "import it with '--encoding %s' (or save it as UTF-8)"),
               path, line_at (data, (gsize) (bad - data)), column,
               (unsigned) (guchar) *bad,
               g_str_equal (guess, "iso-8859-15") ? "ISO-8859-15 (Latin-9)"
                                                  : "Windows-1252",
               guess);
  return FALSE;
}

static gboolean
decode_8bit (const char *path, char **data, gsize *len, TeemaReadInfo *info,
             GError **error)
{
  const char *bad = NULL;
  if (g_utf8_validate_len (*data, *len, &bad)) {
    info->used = "UTF-8";
    return TRUE;
  }
  if (!info->encoding)
    return refuse_8bit (path, *data, *len, bad, error);
  const char *from = g_ascii_strcasecmp (info->encoding, "auto") == 0
                       ? teema_plain__guess_8bit (*data, *len)
                       : info->encoding;
  char *out = NULL;
  gsize out_len = 0;
  if (!convert (path, *data, *len, from, &out, &out_len, error))
    return FALSE;
  g_free (*data);
  *data = out;
  *len = out_len;
  info->used = from;
  return TRUE;
}

static gboolean
decode_unicode (const char *path, char **data, gsize *len, const char *from,
                gsize skip, TeemaReadInfo *info, GError **error)
{
  char *out = NULL;
  gsize out_len = 0;
  if (!convert (path, *data + skip, *len - skip, from, &out, &out_len, error))
    return FALSE;
  g_free (*data);
  *data = out;
  *len = out_len;
  info->used = from;
  if (memchr (out, '\0', out_len)) {
    g_set_error (
      error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
      _ ("%s:%u: contains a NUL character: not a text file"), path,
      line_at (out, (gsize) ((char *) memchr (out, '\0', out_len) - out)));
    return FALSE;
  }
  return TRUE;
}

static gboolean
decode (const char *path, char **data, gsize *len, TeemaReadInfo *info,
        GError **error)
{
  gsize n = *len;
  for (gsize i = 0; i < G_N_ELEMENTS (boms); i++)
    if (n >= boms[i].n && memcmp (*data, boms[i].bom, boms[i].n) == 0)
      return decode_unicode (path, data, len, boms[i].encoding, boms[i].n, info,
                             error);
  const char *nul = memchr (*data, '\0', n);
  const char *utf16 = nul ? sniff_utf16 (*data, n) : NULL;
  if (utf16)
    return decode_unicode (path, data, len, utf16, 0, info, error);
  if (nul) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s:%u: contains a NUL byte: not a text file (for DOCX, "
                    "ODT, VTT or SRT use a file with that extension)"),
                 path, line_at (*data, (gsize) (nul - *data)));
    return FALSE;
  }
  return decode_8bit (path, data, len, info, error);
}

gboolean
teema_plain__read (const char *path, TeemaReadInfo *info, char **data,
                   gsize *len, GError **error)
{
  if (!teema__read_file_max (path, TEEMA_TRANSCRIPT_MAX_BYTES,
                             "TEEMA_TRANSCRIPT_MAX_BYTES", data, len, error))
    return FALSE;
  if (decode (path, data, len, info, error))
    return TRUE;
  g_clear_pointer (data, g_free);
  return FALSE;
}
