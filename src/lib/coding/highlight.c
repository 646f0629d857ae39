/* coding/highlight.c — where the codebook's rules hit in a segment's text.
 *
 * Must always hold: highlights come from the same compiled codebook and
 * analyser as autocode, so what is highlighted is exactly what the rules
 * would code. */
#include "coding/coding-private.h"

struct TeemaHighlighter {
  TeemaCodebook *codebook; /* the compiled rules point into it */
  TeemaAnalyzer *analyzer;
  TeemaCompiled *compiled;
};

TeemaHighlighter *
teema_highlighter_new (TeemaProject *project, GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (project, error);
  if (!cb)
    return NULL;
  /* Forms are analysed (from the cache) as the shown segments need them. */
  g_autoptr (TeemaAnalyzer) az = teema_coding__lazy_analyzer (project, error);
  if (!az)
    return NULL;
  TeemaCompiled *compiled = teema_compiled__new (cb, az, error);
  if (!compiled)
    return NULL;
  TeemaHighlighter *h = g_new0 (TeemaHighlighter, 1);
  h->codebook = g_steal_pointer (&cb);
  h->analyzer = g_steal_pointer (&az);
  h->compiled = compiled;
  return h;
}

void
teema_highlighter_free (TeemaHighlighter *h)
{
  if (!h)
    return;
  teema_compiled__free (h->compiled);
  teema_analyzer_free (h->analyzer);
  teema_codebook_free (h->codebook);
  g_free (h);
}

static gint
by_start (gconstpointer a, gconstpointer b)
{
  const TeemaHighlight *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

GArray *
teema_highlighter_hits (TeemaHighlighter *h, const TeemaSegment *seg)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (TeemaHighlight));
  g_autoptr (GArray) tokens =
    teema_analyzer_tokenize (h->analyzer, seg->text, -1);
  g_autoptr (GPtrArray) items = teema_compiled__items_new ();
  teema_compiled__code_one (h->compiled, seg, tokens, items);
  for (guint i = 0; i < items->len; i++) {
    TeemaAutocodeItem *it = items->pdata[i];
    const TeemaTheme *t = teema_codebook_lookup (h->codebook, it->theme);
    for (guint k = 0; k < it->hits->len; k++) {
      TeemaAutocodeHit *hit = it->hits->pdata[k];
      /* Autocode reports document offsets; highlights are in the text. */
      TeemaHighlight hl = { hit->start - seg->start, hit->end - seg->start,
                            t ? t->code : g_intern_string (it->theme) };
      g_array_append_val (out, hl);
    }
  }
  g_array_sort (out, by_start);
  return out;
}
