/* formats/subtitles.c — WebVTT and SRT files as transcripts.
 *
 * A cue's speaker comes from a WebVTT voice tag (<v Name>) or a leading
 * "Name:"; consecutive cues of one speaker make one turn whose timestamp is
 * its first cue's start. Other tags are dropped and the basic entities
 * decoded. Cues without a speaker continue the current turn. Must always
 * hold: the output is text the transcript parser reads back into exactly
 * these turns (speaker names with spaces are declared in front matter). */
#include "formats/formats-private.h"

#include <string.h>

/* ---- cues -----------------------------------------------------------------
 */

static char *
strip_tags (const char *line, char **voice)
{
  GString *out = g_string_new (NULL);
  for (const char *p = line; *p;) {
    if (*p == '<') {
      const char *gt = strchr (p, '>');
      if (!gt)
        break;
      if (voice && !*voice && p[1] == 'v' && (p[2] == ' ' || p[2] == '.')) {
        const char *name = strchr (p, ' ');
        if (name && name < gt)
          *voice = g_strstrip (g_strndup (name + 1, gt - name - 1));
      }
      p = gt + 1;
      continue;
    }
    static const char *const ents[][2] = {
      { "&amp;", "&" },
      { "&lt;", "<" },
      { "&gt;", ">" },
      { "&nbsp;", " " },
    };
    gboolean done = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS (ents) && !done; k++)
      if (g_str_has_prefix (p, ents[k][0])) {
        g_string_append (out, ents[k][1]);
        p += strlen (ents[k][0]);
        done = TRUE;
      }
    if (!done)
      g_string_append_c (out, *p++);
  }
  return g_strstrip (g_string_free (out, FALSE));
}

/* "Name: text" at the start of a cue: splits off the name. */
static char *
leading_name (char **text)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(\\p{Lu}[\\p{L}\\p{N}_.\\-]*"
                                         "(?: [\\p{L}\\p{N}_.\\-]+){0,2}):"
                                         "\\s+",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  GMatchInfo *m = NULL;
  char *name = NULL;
  if (g_regex_match (re, *text, 0, &m)) {
    int end = 0;
    g_match_info_fetch_pos (m, 0, NULL, &end);
    name = g_match_info_fetch (m, 1);
    char *rest = g_strdup (*text + end);
    g_free (*text);
    *text = rest;
  }
  g_match_info_free (m);
  return name;
}

typedef struct {
  GPtrArray *turns; /* speaker, timestamp, text triples */
  char *speaker;    /* of the open turn */
} Cues;

static void
add_cue (Cues *c, char *speaker, const char *start, char *text)
{
  gboolean same = speaker == NULL || g_strcmp0 (speaker, c->speaker) == 0;
  if (c->turns->len && same) {
    char **last = (char **) &c->turns->pdata[c->turns->len - 1];
    char *joined = g_strconcat (*last, " ", text, NULL);
    g_free (*last);
    *last = joined;
    g_free (text);
    g_free (speaker);
    return;
  }
  g_free (c->speaker);
  c->speaker = g_strdup (speaker);
  g_ptr_array_add (c->turns, speaker);
  g_ptr_array_add (c->turns, speaker ? g_strdup (start) : NULL);
  g_ptr_array_add (c->turns, text);
}

/* One block of lines: [id] timing text...; returns FALSE if not a cue. */
static gboolean
read_cue (Cues *c, char **lines, guint n)
{
  guint t = 0;
  while (t < n && !strstr (lines[t], "-->"))
    t++;
  if (t >= n || t > 1)
    return FALSE;
  g_autofree char *start =
    g_strstrip (g_strndup (lines[t], strstr (lines[t], "-->") - lines[t]));
  for (char *p = start; *p; p++)
    if (*p == ',')
      *p = '.';
  GString *text = g_string_new (NULL);
  char *voice = NULL;
  for (guint i = t + 1; i < n; i++) {
    g_autofree char *clean = strip_tags (lines[i], &voice);
    if (*clean)
      g_string_append_printf (text, "%s%s", text->len ? " " : "", clean);
  }
  char *body = g_string_free (text, FALSE);
  if (!*body) {
    g_free (body);
    g_free (voice);
    return TRUE;
  }
  char *speaker = voice ? voice : leading_name (&body);
  add_cue (c, speaker, start, body);
  return TRUE;
}

char *
teema_subtitles__to_text (const char *data, gsize len, gboolean vtt,
                          const char *name, GError **error)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  if (!g_utf8_validate_len (data, len, NULL)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING,
                 _ ("%s: not valid UTF-8; save the subtitles as UTF-8"), name);
    return NULL;
  }
  g_autofree char *copy = g_strndup (data, len);
  if (vtt && !g_str_has_prefix (copy, "WEBVTT")) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_PARSE,
                 _ ("%s:1: a WebVTT file starts with 'WEBVTT'"), name);
    return NULL;
  }
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  Cues c = { g_ptr_array_new_with_free_func (g_free), NULL };
  guint n = g_strv_length (lines), from = 0;
  for (guint i = 0; i <= n; i++) {
    if (i < n)
      g_strchomp (lines[i]);
    if (i < n && *lines[i])
      continue;
    if (i > from)
      read_cue (&c, lines + from, i - from);
    from = i + 1;
  }
  g_free (c.speaker);
  char *out = NULL;
  if (c.turns->len)
    out = teema_turns__to_text (c.turns);
  else
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_EMPTY,
                 _ ("%s: no cues with text (expected '00:00:01.000 --> "
                    "00:00:04.000' lines)"),
                 name);
  g_ptr_array_unref (c.turns);
  return out;
}

char *
teema_vtt__read (const char *path, GError **error)
{
  g_autofree char *raw = NULL;
  gsize len = 0;
  if (!teema__read_file_max (path, TEEMA_TRANSCRIPT_MAX_BYTES,
                             "TEEMA_TRANSCRIPT_MAX_BYTES", &raw, &len, error))
    return NULL;
  return teema_subtitles__to_text (raw, len, TRUE, path, error);
}

char *
teema_srt__read (const char *path, GError **error)
{
  g_autofree char *raw = NULL;
  gsize len = 0;
  if (!teema__read_file_max (path, TEEMA_TRANSCRIPT_MAX_BYTES,
                             "TEEMA_TRANSCRIPT_MAX_BYTES", &raw, &len, error))
    return NULL;
  return teema_subtitles__to_text (raw, len, FALSE, path, error);
}
