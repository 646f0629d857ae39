/* text/regex.c — the regular expressions of re:/.../ rules, on ICU.
 *
 * ICU's engine is used rather than GRegex because it bounds the cost of a
 * match: a pattern that backtracks without end ("(.*a){25}" on a long
 * run of 'a') stops after TEEMA_REGEX_TIME_LIMIT steps with an error
 * instead of hanging autocode or silently failing. The text is read as
 * UTF-8 through UText, so no UTF-16 copy is made.
 * Most texts cannot match a given pattern at all, and ICU's caseless
 * matching is slow, so a pattern whose top level holds a run of plain
 * characters (a literal every match contains: " suhteen" in
 * "\w+n suhteen"), or a plain group of alternatives one of which every
 * match contains ("(tietää|tuntee)"), is first looked for in the
 * case-folded text (folded once for all the regexes that ask about it);
 * without it there is no match and ICU is not asked.
 * Must always hold: match spans are code points into the given text; a
 * match that ran out of time or stack is an error, never "no match"; the
 * literal is only ever one every match must contain. */
#include "base/base-private.h"
#include "text/icu.h"
#include "text/text-private.h"

#include <string.h>
#include <teema/error.h>

struct TeemaRegex {
  URegularExpression *re; /* not thread-safe: one per compiled rule */
  GStrv literals;         /* case-folded; one is in every match; or NULL */
};

/* The alternatives of the plain group at p ("(a|bc)": letters, digits
 * and spaces split by '|', nothing else inside), its end in *end, and the
 * length of its shortest alternative in *shortest; NULL when the group is
 * anything else (nested, a class, an escape, a "(?" group). */
static GStrv
plain_alternatives (const char *p, const char **end, glong *shortest)
{
  const char *q = p + 1;
  for (; *q && *q != ')'; q = g_utf8_next_char (q)) {
    gunichar c = g_utf8_get_char (q);
    if (!(g_unichar_isalnum (c) || c == ' ' || c == '|'))
      return NULL;
  }
  if (*q != ')' || q == p + 1)
    return NULL;
  g_autofree char *inner = g_strndup (p + 1, (gsize) (q - p - 1));
  GStrv alts = g_strsplit (inner, "|", -1);
  *shortest = G_MAXLONG;
  for (guint i = 0; alts[i]; i++)
    *shortest = MIN (*shortest, g_utf8_strlen (alts[i], -1));
  *end = q;
  return alts;
}

static GStrv
folded_strv (GStrv in)
{
  guint n = g_strv_length (in);
  GStrv out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_utf8_casefold (in[i], -1);
  return out;
}

/* What every match of pattern contains, case-folded: the literals of
 * which at least one is in every match. It is the longest run (at least
 * 3 characters) of plain letters, digits and spaces at the top level of
 * pattern — outside groups, classes and escapes, none made optional or
 * repeated by a quantifier — or a top-level plain group of alternatives
 * ("(tietää|tuntee)", not quantified) whose shortest alternative is
 * longer than that run. NULL when there is none or the top level has an
 * alternation ('|'), where no one part is in every match. */
static GStrv
required_literals (const char *pattern)
{
  if (strstr (pattern, "(?x") || strstr (pattern, "(?w"))
    return NULL; /* spaces and words mean something else there */
  int depth = 0;
  gboolean in_class = FALSE;
  const char *best = NULL, *run = NULL;
  glong best_len = 0;
  g_auto (GStrv) best_group = NULL; /* beats best when set */
  for (const char *p = pattern;; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gboolean plain =
      c && !in_class && depth == 0 && (g_unichar_isalnum (c) || c == ' ');
    const char *next = plain ? g_utf8_next_char (p) : p;
    /* A quantifier after a character makes it optional or repeated. */
    if (plain && *next && strchr ("?*+{", *next))
      plain = FALSE;
    if (plain && !run)
      run = p;
    if (!plain && run) {
      glong n = g_utf8_strlen (run, p - run);
      if (n > best_len) {
        best = run;
        best_len = n;
        g_clear_pointer (&best_group, g_strfreev);
      }
      run = NULL;
    }
    if (!c)
      break;
    if (c == '\\' && p[1]) {
      p++; /* the escaped character: never part of a run, nor a \p{..} */
      if (p[1] == '{' && !(p = strchr (p, '}')))
        return NULL;
      continue;
    }
    if (c == '{' && !in_class && !(p = strchr (p, '}')))
      return NULL; /* a counted quantifier {2,3}: not text */
    if (c == '(' && !in_class && depth == 0) {
      const char *end = NULL;
      glong shortest = 0;
      GStrv alts = plain_alternatives (p, &end, &shortest);
      if (alts && !(end[1] && strchr ("?*+{", end[1])) && shortest > best_len) {
        g_strfreev (best_group);
        best_group = alts;
        best_len = shortest;
        best = NULL;
      } else {
        g_strfreev (alts);
      }
    }
    if (in_class)
      in_class = c != ']';
    else if (c == '[')
      in_class = TRUE;
    else if (c == '(')
      depth++;
    else if (c == ')' && depth > 0)
      depth--;
    else if (c == '|' && depth == 0)
      return NULL;
  }
  if (best_len < 3)
    return NULL;
  if (best_group)
    return folded_strv (best_group);
  g_autofree char *lit = g_strndup (
    best, (gsize) (g_utf8_offset_to_pointer (best, best_len) - best));
  GStrv one = g_new0 (char *, 2);
  one[0] = g_utf8_casefold (lit, -1);
  return one;
}

/* Does folded hold one of literals? */
static gboolean
holds_one (const char *folded, GStrv literals)
{
  for (guint i = 0; literals[i]; i++)
    if (strstr (folded, literals[i]))
      return TRUE;
  return FALSE;
}

void
teema_regex__free (TeemaRegex *re)
{
  if (!re)
    return;
  uregex_close (re->re);
  g_strfreev (re->literals);
  g_free (re);
}

TeemaRegex *
teema_regex__new (const char *pattern, GError **error)
{
  const char *why = teema_icu__load ();
  if (why) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
                 _ ("regular expressions need ICU (Debian package libicu%d), "
                    "which could not be opened: %s"),
                 U_ICU_VERSION_MAJOR_NUM, why);
    return NULL;
  }
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
  r->literals = required_literals (pattern);
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

/* The case-folded texts of the last calls on this thread. A codebook's
 * regexes are asked about one text after another (a segment, or each of
 * its sentences theme after theme), so a text is folded once for all of
 * them, not once per regex. The copy of the text it was folded from is
 * compared, never the pointer, so a new text that happens to sit at a
 * freed one's address is folded afresh. */
#define FOLDED_KEPT 16

typedef struct {
  char *text[FOLDED_KEPT];
  gsize len[FOLDED_KEPT];
  char *folded[FOLDED_KEPT];
  guint next; /* the slot to reuse */
} Folded;

static void
folded_free (gpointer data)
{
  Folded *f = data;
  for (guint i = 0; i < FOLDED_KEPT; i++) {
    g_free (f->text[i]);
    g_free (f->folded[i]);
  }
  g_free (f);
}

static GPrivate last_folded = G_PRIVATE_INIT (folded_free);

static const char *
folded_text (const char *text)
{
  Folded *f = g_private_get (&last_folded);
  if (!f) {
    f = g_new0 (Folded, 1);
    g_private_set (&last_folded, f);
  }
  gsize len = strlen (text);
  for (guint i = 0; i < FOLDED_KEPT; i++)
    if (f->text[i] && f->len[i] == len && memcmp (f->text[i], text, len) == 0)
      return f->folded[i];
  guint i = f->next;
  f->next = (i + 1) % FOLDED_KEPT;
  g_free (f->text[i]);
  g_free (f->folded[i]);
  f->text[i] = g_memdup2 (text, len + 1);
  f->len[i] = len;
  f->folded[i] = g_utf8_casefold (text, (gssize) len);
  return f->folded[i];
}

gboolean
teema_regex__find_all (TeemaRegex *re, const char *text, TeemaRegexFunc fn,
                       gpointer data, GError **error)
{
  if (re->literals && !holds_one (folded_text (text), re->literals))
    return TRUE;
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
