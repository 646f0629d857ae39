/* base/records.c — freeing the public record types (segments, codings,
 * informants, memos, documents, themes, set-aside codings, suggestions),
 * and a theme's scope by name.
 *
 * They live in the lowest layer because the store builds them from rows
 * and every layer above hands them out; so the store never needs to call
 * up into the modules that use them. Each free function accepts NULL. */
#include "base/base-private.h"

#include <teema/coding.h>
#include <teema/document.h>
#include <teema/informant.h>
#include <teema/memo.h>
#include <teema/segment.h>
#include <teema/suggestion.h>

void
teema_segment_free (TeemaSegment *s)
{
  if (!s)
    return;
  g_free (s->document);
  g_free (s->speaker);
  g_free (s->informant);
  g_free (s->group);
  g_free (s->timestamp);
  g_free (s->text);
  g_free (s);
}

void
teema_coding_free (TeemaCoding *c)
{
  if (!c)
    return;
  g_free (c->theme);
  g_free (c->coder);
  g_free (c->informant);
  g_free (c->created_at);
  g_free (c->note);
  g_free (c);
}

void
teema_informant_free (TeemaInformant *inf)
{
  if (!inf)
    return;
  g_free (inf->code);
  g_free (inf->group);
  g_free (inf->role);
  if (inf->keys)
    g_ptr_array_unref (inf->keys);
  if (inf->values)
    g_ptr_array_unref (inf->values);
  g_free (inf);
}

void
teema_memo_free (TeemaMemo *m)
{
  if (!m)
    return;
  g_free (m->coder);
  g_free (m->text);
  g_free (m->updated_at);
  g_free (m->informant);
  g_free (m);
}

void
teema_document_free (TeemaDocument *d)
{
  if (!d)
    return;
  g_free (d->name);
  g_free (d->path);
  g_free (d->informant);
  g_free (d->segmentation);
  g_free (d->imported_at);
  g_free (d);
}

void
teema_theme__free (TeemaTheme *t)
{
  if (!t)
    return;
  g_free (t->code);
  g_free (t->parent);
  g_free (t->label_fi);
  g_free (t->label_en);
  g_free (t->description);
  g_free (t->colour);
  g_free (t->renamed_from);
  g_ptr_array_unref (t->rules);
  g_ptr_array_unref (t->excludes);
  if (t->evidence)
    g_array_unref (t->evidence);
  g_free (t);
}

static void
evidence_clear (gpointer p)
{
  g_free (((TeemaEvidence *) p)->term);
}

GArray *
teema_evidence__array_new (void)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (TeemaEvidence));
  g_array_set_clear_func (a, evidence_clear);
  return a;
}

void
teema_aside_free (TeemaAside *a)
{
  if (!a)
    return;
  g_free (a->document);
  g_free (a->informant);
  g_free (a->kind);
  g_free (a->theme);
  g_free (a->coder);
  g_free (a->text);
  g_free (a->note);
  g_free (a->created_at);
  g_free (a->set_aside_at);
  g_free (a);
}

void
teema_suggestion_free (TeemaSuggestion *s)
{
  if (!s)
    return;
  g_free (s->theme);
  g_free (s->informant);
  g_free (s->note);
  g_free (s);
}

/* The scope's name is how the store and the codebook file spell it. */
const char *
teema_scope_name (TeemaScope scope)
{
  switch (scope) {
  case TEEMA_SCOPE_SENTENCE:
    return "sentence";
  case TEEMA_SCOPE_SEGMENT:
    break;
  }
  return "segment";
}

gboolean
teema_scope_parse (const char *name, TeemaScope *scope)
{
  if (name && g_ascii_strcasecmp (name, "segment") == 0)
    *scope = TEEMA_SCOPE_SEGMENT;
  else if (name && g_ascii_strcasecmp (name, "sentence") == 0)
    *scope = TEEMA_SCOPE_SENTENCE;
  else
    return FALSE;
  return TRUE;
}
