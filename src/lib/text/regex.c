/* text/regex.c — the regular expressions of re:/.../ rules, on ICU.
 *
 * ICU's engine is used rather than GRegex because it bounds the cost of a
 * match: a pattern that backtracks without end ("(.*a){25}" on a long
 * run of 'a') stops after TEEMA_REGEX_TIME_LIMIT steps with an error
 * instead of hanging autocode or silently failing. The text is read as
 * UTF-8 through UText, so no UTF-16 copy is made.
 * Must always hold: match spans are code points into the given text; a
 * match that ran out of time or stack is an error, never "no match". */
#include "base/base-private.h"
#include "text/text-private.h"

#include <string.h>
#include <teema/error.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

struct TeemaRegex {
  URegularExpression *re; /* not thread-safe: one per compiled rule */
};

void
teema_regex__free (TeemaRegex *re)
{
  if (!re)
    return;
  uregex_close (re->re);
  g_free (re);
}

TeemaRegex *
teema_regex__new (const char *pattern, GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8 (NULL, 0, &n, pattern, -1, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (st)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_RULE,
                 _ ("bad regular expression: not UTF-8"));
    return NULL;
  }
  st = U_ZERO_ERROR;
  g_autofree UChar *u = g_new (UChar, n + 1);
  u_strFromUTF8 (u, n + 1, NULL, pattern, -1, &st);
  UParseError pe = { 0 };
  URegularExpression *re =
    U_SUCCESS (st) ? uregex_open (u, n, UREGEX_CASE_INSENSITIVE, &pe, &st)
                   : NULL;
  if (U_FAILURE (st)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_RULE,
                 _ ("bad regular expression: %s at offset %d"),
                 u_errorName (st), pe.offset);
    if (re)
      uregex_close (re);
    return NULL;
  }
  uregex_setTimeLimit (re, TEEMA_REGEX_TIME_LIMIT, &st);
  uregex_setStackLimit (re, TEEMA_REGEX_STACK_LIMIT, &st);
  TeemaRegex *r = g_new0 (TeemaRegex, 1);
  r->re = re;
  return r;
}

static gboolean
limit_error (UErrorCode st, GError **error)
{
  /* TRANSLATORS: what a regular expression reached, in "the regular
   * expression gave up: it reached %s (...)". */
  const char *what = st == U_REGEX_TIME_OUT         ? _ ("its time limit")
                     : st == U_REGEX_STACK_OVERFLOW ? _ ("its memory limit")
                                                    : u_errorName (st);
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_RULE,
               _ ("the regular expression gave up: it reached %s "
                  "(TEEMA_REGEX_TIME_LIMIT %d steps, TEEMA_REGEX_STACK_LIMIT "
                  "%d KB); simplify it, e.g. avoid nested '.*'"),
               what, TEEMA_REGEX_TIME_LIMIT, TEEMA_REGEX_STACK_LIMIT / 1024);
  return FALSE;
}

gboolean
teema_regex__find_all (TeemaRegex *re, const char *text, TeemaRegexFunc fn,
                       gpointer data, GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, text, -1, &st);
  uregex_setUText (re->re, ut, &st);
  gboolean ok = U_SUCCESS (st);
  /* Code points are counted forward from the last match: linear in text. */
  gint64 at_byte = 0;
  guint at_cp = 0;
  while (ok && uregex_findNext (re->re, &st)) {
    gint64 bs = uregex_start64 (re->re, 0, &st);
    gint64 be = uregex_end64 (re->re, 0, &st);
    if (U_FAILURE (st) || bs < at_byte)
      break;
    guint cs = at_cp + (guint) g_utf8_strlen (text + at_byte, bs - at_byte);
    guint ce = cs + (guint) g_utf8_strlen (text + bs, be - bs);
    at_byte = bs;
    at_cp = cs;
    fn (cs, ce, data);
  }
  if (U_FAILURE (st))
    ok = limit_error (st, error);
  /* Detach the text before it goes away. */
  UErrorCode st2 = U_ZERO_ERROR;
  static const UChar empty[1] = { 0 };
  uregex_setText (re->re, empty, 0, &st2);
  utext_close (ut);
  return ok;
}
