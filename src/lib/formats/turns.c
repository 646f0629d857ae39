/* formats/turns.c — the writer of teema's text format, which every
 * converted transcript format (DOCX, ODT, WebVTT, SRT) ends in.
 *
 * Must always hold: the output is text the transcript parser reads back
 * into exactly these turns (speaker names with spaces are declared in
 * front matter). */
#include "formats/formats-private.h"

#include <string.h>

static gboolean
needs_declaring (const char *speaker)
{
  return strchr (speaker, ' ')
         && !g_regex_match_simple ("^\\p{L}{1,12} \\d{1,3}$", speaker, 0, 0);
}

char *
teema_turns__to_text (GPtrArray *turns)
{
  GString *out = g_string_new (NULL);
  GString *declared = g_string_new (NULL);
  for (guint i = 0; i + 2 < turns->len; i += 3) {
    const char *speaker = turns->pdata[i], *ts = turns->pdata[i + 1];
    const char *text = turns->pdata[i + 2];
    if (speaker && needs_declaring (speaker)
        && !strstr (declared->str, speaker))
      g_string_append_printf (declared, "%s%s", declared->len ? ", " : "",
                              speaker);
    if (out->len)
      g_string_append (out, "\n\n");
    if (speaker && ts)
      g_string_append_printf (out, "[%s] ", ts);
    if (speaker)
      g_string_append_printf (out, "%s: ", speaker);
    g_string_append (out, text);
  }
  g_string_append_c (out, '\n');
  if (declared->len) {
    g_autofree char *head =
      g_strdup_printf ("---\nspeakers: %s\n---\n", declared->str);
    g_string_prepend (out, head);
  }
  g_string_free (declared, TRUE);
  return g_string_free (out, FALSE);
}
