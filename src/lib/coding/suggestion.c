/* coding/suggestion.c — rule suggestions for a human coder and the coder's
 * rejections of them.
 *
 * A suggestion is a rule coding (coder "rules") of a segment that the
 * coder has neither coded with the same theme nor rejected. The store
 * finds them in one query; here each gets its support — the words that
 * made the rules fire, counted from the rule coding's note (autocode
 * writes "word [lemmas] <- term" per word) — and a segment's suggestions
 * are ordered by it, so a script (teema suggestions) and the terminal
 * coder see the same list in the same order.
 * Must always hold: each write is one transaction of its own. */
#include "coding/coding-private.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  gint64 segment_id;
  const char *theme, *coder;
  gboolean rejected;
} Rejection;

static gboolean
write_rejected (TeemaProject *p, gpointer data, GError **error)
{
  Rejection *c = data;
  g_autofree char *theme = teema_project__theme_code (p, c->theme, error);
  return theme && teema_project__check_segment (p, c->segment_id, error)
         && teema_store__set_rejected (p->store, c->segment_id, theme, c->coder,
                                       c->rejected, error);
}

gboolean
teema_rejection_set (TeemaProject *project, gint64 segment_id,
                     const char *theme, const char *coder, gboolean rejected,
                     GError **error)
{
  Rejection c = { segment_id, theme, coder, rejected };
  return teema_project__transact (project, write_rejected, &c, error);
}

typedef struct {
  gint64 segment_id;
  const char *theme, *coder;
  guint n_added;
} Acceptance;

/* The rule's codings of the theme on the segment become the coder's, part
 * for part: a theme of scope sentence gives the coder the sentences the
 * rules found, not the whole turn. */
static gboolean
write_accepted (TeemaProject *p, gpointer data, GError **error)
{
  Acceptance *a = data;
  g_autofree char *theme = teema_project__theme_code (p, a->theme, error);
  if (!theme || !teema_project__check_segment (p, a->segment_id, error))
    return FALSE;
  TeemaCodingFilter f = { TEEMA_CODER_RULES, theme, NULL, a->segment_id, TRUE };
  g_autoptr (GPtrArray) rule = teema_store__list_codings (p->store, &f, error);
  if (!rule)
    return FALSE;
  if (rule->len == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("segment %lld has no rule coding of %s to accept (see "
                    "'teema suggestions --segment %lld')"),
                 (long long) a->segment_id, theme, (long long) a->segment_id);
    return FALSE;
  }
  for (guint i = 0; i < rule->len; i++) {
    const TeemaCoding *c = rule->pdata[i];
    gboolean added = FALSE;
    if (!teema_store__add_coding (p->store, a->segment_id, theme, a->coder,
                                  c->start, c->end, NULL, &added, error))
      return FALSE;
    a->n_added += added;
  }
  return TRUE;
}

gboolean
teema_suggestion_accept (TeemaProject *project, gint64 segment_id,
                         const char *theme, const char *coder, guint *n_added,
                         GError **error)
{
  Acceptance a = { segment_id, theme, coder, 0 };
  gboolean ok = teema_project__transact (project, write_accepted, &a, error);
  if (n_added)
    *n_added = ok ? a.n_added : 0;
  return ok;
}

GPtrArray *
teema_rejection_list (TeemaProject *project, const char *coder, GError **error)
{
  return teema_store__list_rejections (project->store, coder, error);
}

/* The words a rule coding's note lists: one " <- " per word. */
static guint
hits_in (const char *note)
{
  guint n = 0;
  for (const char *p = note; p && (p = strstr (p, " <- ")); p += 4)
    n++;
  return n;
}

typedef struct {
  TeemaSuggestion *s;
  guint segment_rank; /* position of its segment in the store's order */
  guint rank;         /* position in the store's order */
} Ranked;

static int
by_support (const void *a, const void *b)
{
  const Ranked *x = a, *y = b;
  if (x->segment_rank != y->segment_rank)
    return x->segment_rank < y->segment_rank ? -1 : 1;
  if (x->s->n_hits != y->s->n_hits)
    return x->s->n_hits > y->s->n_hits ? -1 : 1;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Orders each segment's suggestions by support, keeping segment order. */
static void
order_by_support (GPtrArray *list)
{
  g_autofree Ranked *r = g_new (Ranked, list->len + 1);
  guint seg_rank = 0;
  for (guint i = 0; i < list->len; i++) {
    TeemaSuggestion *s = list->pdata[i];
    s->n_hits = hits_in (s->note);
    if (i
        && s->segment_id
             != ((TeemaSuggestion *) list->pdata[i - 1])->segment_id)
      seg_rank++;
    r[i] = (Ranked){ s, seg_rank, i };
  }
  qsort (r, list->len, sizeof *r, by_support);
  for (guint i = 0; i < list->len; i++)
    list->pdata[i] = r[i].s;
}

GPtrArray *
teema_suggestion_list (TeemaProject *project,
                       const TeemaSuggestionFilter *filter, GError **error)
{
  TeemaSuggestionFilter none = { 0 };
  const TeemaSuggestionFilter *f = filter ? filter : &none;
  g_autofree char *theme =
    f->theme ? teema_project__theme_code (project, f->theme, error) : NULL;
  if (f->theme && !theme)
    return NULL;
  GPtrArray *list = teema_store__list_suggestions (
    project->store, f->coder, f->segment_id, f->informant, theme, error);
  if (list)
    order_by_support (list);
  return list;
}
