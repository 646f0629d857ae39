/* refi-offsets.c — REFI-QDA text positions onto teema's stored text, and
 * the segments of an imported source.
 *
 * The standard says positions count characters, but exporters disagree:
 * NVivo counts UTF-16 code units with CRLF as two, ATLAS.ti counts CRLF as
 * one, teema and others count code points. Each raw character gets its
 * offset under all four conventions and its position in the stored text
 * (BOM dropped, CRLF and CR made LF, NFC), so a position maps by binary
 * search. The convention chosen is the one that puts the most selections
 * on word boundaries (and, where an exporter names a selection by its
 * text, on that text); ties go to code points, the standard's reading.
 * Must always hold: mapped positions satisfy 0 <= cs < ce <= length of the
 * stored text, in code points. */
#include "refi/refi-private.h"

#include "project/segment-private.h"

#include <string.h>

enum { CP2, CP1, U16_2, U16_1, N_CONV };

static const char *const conv_names[N_CONV] = {
  N_ ("code points"),
  N_ ("code points, CRLF counted as one"),
  N_ ("UTF-16 units, CRLF counted as two"),
  N_ ("UTF-16 units, CRLF counted as one"),
};

typedef struct {
  guint n;             /* raw characters (BOM excluded) */
  guint32 *at[N_CONV]; /* offset of raw char i under each convention */
  guint32 *st;         /* stored code point of raw char i; [n] = length */
  gunichar *chars;     /* the stored text as code points */
  glong n_chars;
} Map;

static void
map_clear (Map *m)
{
  for (int c = 0; c < N_CONV; c++)
    g_free (m->at[c]);
  g_free (m->st);
  g_free (m->chars);
}

typedef struct {
  guint raw;   /* raw character index */
  guint width; /* clean characters it became (0 for the LF of a CRLF) */
} Member;

/* Flushes a run of clean characters (a starter and its marks) into the
 * NFC text, giving its raw characters their stored positions. */
static void
flush_chunk (GString *chunk, GArray *members, GString *out, guint *out_cp,
             guint32 *st)
{
  if (!members->len)
    return;
  g_autofree char *nfc =
    g_utf8_normalize (chunk->str, (gssize) chunk->len, G_NORMALIZE_NFC);
  guint len = (guint) g_utf8_strlen (nfc, -1), clean_i = 0;
  for (guint k = 0; k < members->len; k++) {
    Member *mb = &g_array_index (members, Member, k);
    st[mb->raw] = *out_cp + MIN (clean_i, len);
    clean_i += mb->width;
  }
  g_string_append (out, nfc);
  *out_cp += len;
  g_string_truncate (chunk, 0);
  g_array_set_size (members, 0);
}

/* Builds the map and the stored text of raw (UTF-8, validated). */
static char *
build_map (const char *raw, gsize len, Map *m)
{
  if (len >= 3 && memcmp (raw, "\xEF\xBB\xBF", 3) == 0) {
    raw += 3;
    len -= 3;
  }
  m->n = (guint) g_utf8_strlen (raw, (gssize) len);
  for (int c = 0; c < N_CONV; c++)
    m->at[c] = g_new (guint32, m->n + 1);
  m->st = g_new (guint32, m->n + 1);
  GString *out = g_string_sized_new (len), *chunk = g_string_new (NULL);
  GArray *members = g_array_new (FALSE, FALSE, sizeof (Member));
  guint32 run[N_CONV] = { 0 };
  guint out_cp = 0, i = 0;
  for (const char *p = raw; p < raw + len; p = g_utf8_next_char (p), i++) {
    gunichar ch = g_utf8_get_char (p);
    gboolean crlf = ch == '\r' && p + 1 < raw + len && p[1] == '\n';
    gboolean after_cr = ch == '\n' && p > raw && p[-1] == '\r';
    for (int c = 0; c < N_CONV; c++)
      m->at[c][i] = run[c];
    run[CP2] += 1;
    run[U16_2] += ch > 0xFFFF ? 2 : 1;
    run[CP1] += crlf ? 0 : 1;
    run[U16_1] += crlf ? 0 : ch > 0xFFFF ? 2 : 1;
    if (g_unichar_combining_class (ch) == 0)
      flush_chunk (chunk, members, out, &out_cp, m->st);
    Member mb = { i, after_cr ? 0 : 1 };
    g_array_append_val (members, mb);
    if (!after_cr)
      g_string_append_unichar (chunk, ch == '\r' ? '\n' : ch);
  }
  flush_chunk (chunk, members, out, &out_cp, m->st);
  for (int c = 0; c < N_CONV; c++)
    m->at[c][m->n] = run[c];
  m->st[m->n] = out_cp;
  g_string_free (chunk, TRUE);
  g_array_unref (members);
  m->chars = g_utf8_to_ucs4_fast (out->str, (glong) out->len, &m->n_chars);
  return g_string_free (out, FALSE);
}

/* Stored position of offset o under convention c, or -1 past the end. */
static gint64
map_offset (const Map *m, int c, gint64 o)
{
  if (o < 0 || o > m->at[c][m->n])
    return -1;
  guint lo = 0, hi = m->n;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (m->at[c][mid] >= o)
      hi = mid;
    else
      lo = mid + 1;
  }
  return m->st[lo];
}

static gboolean
wordish (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
on_boundary (const Map *m, gint64 at)
{
  if (at <= 0 || at >= m->n_chars)
    return TRUE;
  return !(wordish (m->chars[at - 1]) && wordish (m->chars[at]));
}

/* Does the exporter's selection name start like the selected text? */
static gboolean
name_matches (const Map *m, const RefiSelection *s, gint64 cs, gint64 ce)
{
  if (!s->name || g_utf8_strlen (s->name, -1) < 4)
    return FALSE;
  g_autofree gunichar *want = g_utf8_to_ucs4_fast (s->name, -1, NULL);
  glong k = 0, j = cs;
  for (; want[k] && k < 24 && j < ce; k++, j++) {
    if (want[k] == 0x2026) /* an ellipsis ends a shortened name */
      return TRUE;
    gboolean ws_a = g_unichar_isspace (want[k]);
    gboolean ws_b = g_unichar_isspace (m->chars[j]);
    if (ws_a != ws_b || (!ws_a && want[k] != m->chars[j]))
      return FALSE;
  }
  return TRUE;
}

/* A selection's score under convention c: 2 on boundaries, +2 if its
 * name matches; *ok says whether it maps inside the text at all. */
static guint
score (const Map *m, const RefiSelection *s, int c, gboolean *ok)
{
  gint64 cs = map_offset (m, c, s->start), ce = map_offset (m, c, s->end);
  *ok = cs >= 0 && ce > cs;
  if (!*ok)
    return 0;
  guint k = (on_boundary (m, cs) && on_boundary (m, ce)) ? 2 : 0;
  return k + (name_matches (m, s, cs, ce) ? 2 : 0);
}

typedef struct {
  RefiSource *src;
  Map map;
} Mapped;

static gboolean
prepare_source (RefiProject *p, RefiSource *src, Map *m)
{
  gsize len = 0;
  const char *raw = src->raw ? g_bytes_get_data (src->raw, &len) : NULL;
  const char *why = NULL;
  if (!raw)
    why = _ ("its text is absent");
  else if (!g_utf8_validate_len (raw, len, NULL))
    why = _ ("its text is not valid UTF-8");
  else if (memchr (raw, '\0', len))
    why = _ ("its text contains NUL bytes");
  if (!why) {
    src->text = build_map (raw, len, m);
    if (src->text[strspn (src->text, " \t\n")] == '\0') {
      why = _ ("its text is empty");
      g_clear_pointer (&src->text, g_free);
      map_clear (m);
    }
  }
  if (why) {
    g_ptr_array_add (p->skipped,
                     g_strdup_printf (_ ("source '%s': %s; its %u selections "
                                         "were not imported"),
                                      src->name, why, src->selections->len));
    return FALSE;
  }
  return TRUE;
}

static int
choose (GArray *mapped, gboolean *distinct)
{
  guint totals[N_CONV] = { 0 };
  for (guint i = 0; i < mapped->len; i++) {
    Mapped *mp = &g_array_index (mapped, Mapped, i);
    for (guint k = 0; k < mp->src->selections->len; k++)
      for (int c = 0; c < N_CONV; c++) {
        gboolean ok;
        totals[c] += score (&mp->map, mp->src->selections->pdata[k], c, &ok);
        totals[c] += ok ? 1 : 0;
      }
  }
  int best = CP2;
  for (int c = 1; c < N_CONV; c++)
    if (totals[c] > totals[best])
      best = c;
  *distinct = FALSE;
  for (int c = 1; c < N_CONV; c++)
    *distinct |= totals[c] != totals[CP2];
  return best;
}

static void
apply (RefiProject *p, Mapped *mp, int c, guint *n_on_boundary)
{
  for (guint k = 0; k < mp->src->selections->len; k++) {
    RefiSelection *s = mp->src->selections->pdata[k];
    gint64 cs = map_offset (&mp->map, c, s->start);
    gint64 ce = map_offset (&mp->map, c, s->end);
    if (cs < 0 || ce <= cs) {
      g_ptr_array_add (
        p->skipped,
        g_strdup_printf (_ ("source '%s': selection %lld-%lld lies outside "
                            "its text (%u characters)"),
                         mp->src->name, (long long) s->start,
                         (long long) s->end, (guint) mp->map.n_chars));
      continue;
    }
    s->mapped = TRUE;
    s->cs = (guint) cs;
    s->ce = (guint) ce;
    *n_on_boundary += on_boundary (&mp->map, cs) && on_boundary (&mp->map, ce);
  }
}

char *
refi_map_offsets (RefiProject *p, guint *n_on_boundary)
{
  GArray *mapped = g_array_new (FALSE, TRUE, sizeof (Mapped));
  for (guint i = 0; i < p->sources->len; i++) {
    RefiSource *src = p->sources->pdata[i];
    if (!g_str_equal (src->kind, "TextSource"))
      continue;
    Mapped mp = { src, { 0 } };
    if (prepare_source (p, src, &mp.map))
      g_array_append_val (mapped, mp);
  }
  gboolean distinct = FALSE;
  int c = choose (mapped, &distinct);
  *n_on_boundary = 0;
  guint n_sel = 0;
  for (guint i = 0; i < mapped->len; i++) {
    Mapped *mp = &g_array_index (mapped, Mapped, i);
    apply (p, mp, c, n_on_boundary);
    n_sel += mp->src->selections->len;
    map_clear (&mp->map);
  }
  g_array_unref (mapped);
  if (!n_sel)
    return g_strdup (_ ("none needed (no text selections)"));
  return g_strdup_printf ("%s%s", _ (conv_names[c]),
                          distinct ? "" : _ (" (all conventions agree here)"));
}

/* ---- segments ---------------------------------------------------------------
 */

static TeemaSegmentation
mode_named (const char *name)
{
  if (g_strcmp0 (name, "paragraph") == 0)
    return TEEMA_SEGMENT_PARAGRAPH;
  if (g_strcmp0 (name, "sentence") == 0)
    return TEEMA_SEGMENT_SENTENCE;
  return TEEMA_SEGMENT_TURN;
}

/* Non-blank lines (or blank-line separated paragraphs when the text has
 * any) of a text without speaker labels. */
static GPtrArray *
cut_lines (const char *text, const char *speaker)
{
  gboolean paragraphs = strstr (text, "\n\n") != NULL;
  GPtrArray *out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) teema_segment_free);
  const char *p = text;
  guint cp = 0;
  while (*p) {
    const char *e = paragraphs ? strstr (p, "\n\n") : strchr (p, '\n');
    if (!e)
      e = p + strlen (p);
    const char *s = p, *t = e;
    guint lead = 0;
    while (s < t && g_ascii_isspace (*s))
      s++, lead++;
    while (t > s && g_ascii_isspace (t[-1]))
      t--;
    if (t > s) {
      TeemaSegment *seg = g_new0 (TeemaSegment, 1);
      seg->ordinal = out->len + 1;
      seg->speaker = g_strdup (speaker);
      seg->text = g_strndup (s, t - s);
      seg->start = cp + lead;
      seg->end = seg->start + (guint) g_utf8_strlen (seg->text, -1);
      seg->n_words = teema_text_count_words (seg->text, -1);
      g_ptr_array_add (out, seg);
    }
    gsize sep = *e ? (paragraphs ? 2 : 1) : 0;
    cp += (guint) g_utf8_strlen (p, e - p) + (guint) sep;
    p = e + sep;
  }
  return out;
}

/* Did the parser find real speaker turns? A transcript starts with a
 * label near the top, and labels start a good share of its lines (a CSV
 * or article with an odd "Word:" line does neither). */
static gboolean
has_speakers (const TeemaTranscript *t, const char *text)
{
  guint n = teema_transcript_n_turns (t), lines = 0;
  if (n == 0 || g_str_equal (teema_transcript_turn (t, 0)->speaker, "?"))
    return FALSE;
  for (const char *p = text; p; p = strchr (p + 1, '\n'))
    lines += p[p == text ? 0 : 1] != '\n' && p[p == text ? 0 : 1] != '\0';
  return teema_transcript_turn (t, 0)->start <= 1000 && n * 10 >= lines;
}

GPtrArray *
refi_segments (const RefiSource *src)
{
  const char *seg = g_hash_table_lookup (src->vars, "teema:segmentation");
  const char *speakers = g_hash_table_lookup (src->vars, "teema:speakers");
  const char *ivs = g_hash_table_lookup (src->vars, "teema:interviewers");
  GString *doc = g_string_new ("---\n");
  if (seg) {
    gboolean unlabelled = speakers && g_str_equal (speakers, "?");
    if (!unlabelled)
      g_string_append_printf (doc, "informant: %s\n", src->informant);
    if (speakers && *speakers)
      g_string_append_printf (doc, "speakers: %s\n", speakers);
    if (ivs && *ivs)
      g_string_append_printf (doc, "interviewer: %s\n", ivs);
  }
  g_string_append_printf (doc, "---\n%s", src->text);
  TeemaTranscript *t =
    teema_transcript_parse (doc->str, (gssize) doc->len, src->name, NULL);
  g_string_free (doc, TRUE);
  GPtrArray *out;
  if (t && (seg || has_speakers (t, src->text)))
    out = teema_segment__cut (t, mode_named (seg), TRUE);
  else
    out = cut_lines (src->text, src->informant);
  teema_transcript_free (t);
  return out;
}
