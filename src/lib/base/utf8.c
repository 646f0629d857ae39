/* base/utf8.c — counting code points fast.
 *
 * Offsets are code points, so import counts them over every transcript
 * several times (turns, segments, the document); g_utf8_strlen steps one
 * character at a time through a table, which made it the costliest call
 * of an import. Counting the bytes that start a character gives the same
 * answer on the valid UTF-8 teema stores, an order of magnitude faster. */
#include "base/base-private.h"

glong
teema__utf8_length (const char *s, gssize len)
{
  const unsigned char *p = (const unsigned char *) s;
  glong n = 0;
  if (len < 0) {
    for (; *p; p++)
      n += (*p & 0xC0) != 0x80;
    return n;
  }
  for (gssize i = 0; i < len && p[i]; i++)
    n += (p[i] & 0xC0) != 0x80;
  return n;
}
