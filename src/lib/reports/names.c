/* reports/names.c — the names in each informant's turns, for writing the
 * name key of --pseudonymise: what was found, in which forms, how often,
 * and what pseudonymisation would do with it.
 *
 * The scan is text/names.c's, with the project's analyser (and its
 * cache), so the list shows exactly what quotes and exports replace. */
#include "reports/reports-private.h"
#include "text/text-private.h"

#include <string.h>

typedef struct {
  char *informant;
  char *name;
  const char *kind;
  guint count;
  GPtrArray *forms;   /* char *, distinct */
  GHashTable *action; /* action -> count */
  guint order;        /* informant's place in the list */
  guint n_ambiguous;  /* at the start of a sentence, also a common word */
  gboolean base_seen; /* an ambiguous hit in its base form ("Marja") */
} Row;

static void
row_free (Row *r)
{
  g_free (r->informant);
  g_free (r->name);
  g_ptr_array_unref (r->forms);
  g_hash_table_destroy (r->action);
  g_free (r);
}

/* Words shown in the list (one place, for translation). */
static const char
  *const KIND_FIRST = "etunimi",
         *const KIND_LAST = "sukunimi", *const KIND_PLACE = "paikannimi",
         *const KIND_PROPER = "nimi", *const KIND_UNKNOWN = "tuntematon",
         *const ACT_KEPT = "kept", *const ACT_NONE = "not replaced",
         *const ACT_START = "not replaced (sentence start)";

static const char *
kind_of (guint classes)
{
  return classes & TEEMA_WORD_FIRST_NAME  ? KIND_FIRST
         : classes & TEEMA_WORD_LAST_NAME ? KIND_LAST
         : classes & TEEMA_WORD_PLACE     ? KIND_PLACE
         : classes & TEEMA_WORD_PROPER    ? KIND_PROPER
                                          : KIND_UNKNOWN;
}

/* The base form to show: the lemma that is the word itself if there is
 * one (so "Toivo" is Toivo, not toivoa), capitalised. */
static char *
base_form (TeemaAnalyzer *az, const char *surface)
{
  const TeemaAnalysis *an = teema_analyzer_analyze (az, surface);
  const char *lemma = an->lemmas[0];
  for (const char *const *l = an->lemmas; *l; l++)
    if (g_str_equal (*l, an->form))
      lemma = *l;
  if (an->classes == 0)
    return g_strdup (surface);
  gunichar first = g_unichar_toupper (g_utf8_get_char (lemma));
  char buf[8] = { 0 };
  g_unichar_to_utf8 (first, buf);
  return g_strconcat (buf, g_utf8_next_char (lemma), NULL);
}

static char *
action_of (const TeemaNameKey *key, const TeemaNameHit *h)
{
  if (h->entry >= 0 && !h->replace)
    return g_strdup (ACT_KEPT);
  if (!h->replace)
    return g_strdup (h->ambiguous ? ACT_START : ACT_NONE);
  const char *p =
    h->entry >= 0 ? teema_name_key__pseudonym (key, (guint) h->entry) : NULL;
  return p && p[0] != '[' ? g_strdup_printf ("-> %s", p)
                          : g_strdup (h->replacement);
}

typedef struct {
  TeemaAnalyzer *az;
  const TeemaNamesOptions *opt;
  GHashTable *rows;  /* "informant\x1fname" -> Row * */
  GHashTable *clear; /* names seen somewhere not only at a sentence start */
} Names;

static void
add (Names *n, const char *informant, guint order, const char *text,
     const TeemaNameHit *h)
{
  g_autofree char *surface =
    g_strndup (text + h->byte_start, h->byte_end - h->byte_start);
  g_autofree char *name =
    h->entry >= 0
      ? g_strdup (teema_name_key__name (n->opt->key, (guint) h->entry))
      : base_form (n->az, surface);
  g_autofree char *id = g_strdup_printf ("%s\x1f%s", informant, name);
  Row *r = g_hash_table_lookup (n->rows, id);
  if (!r) {
    r = g_new0 (Row, 1);
    r->informant = g_strdup (informant);
    r->name = g_strdup (name);
    r->kind = kind_of (h->classes);
    r->forms = g_ptr_array_new_with_free_func (g_free);
    r->action = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    r->order = order;
    g_hash_table_insert (n->rows, g_steal_pointer (&id), r);
  }
  r->count++;
  if (h->ambiguous) {
    g_autofree char *a = g_utf8_casefold (surface, -1);
    g_autofree char *b = g_utf8_casefold (name, -1);
    r->n_ambiguous++;
    r->base_seen |= g_str_equal (a, b);
  } else if (!g_hash_table_contains (n->clear, name)) {
    g_hash_table_add (n->clear, g_strdup (name));
  }
  if (!g_ptr_array_find_with_equal_func (r->forms, surface, g_str_equal, NULL))
    g_ptr_array_add (r->forms, g_strdup (surface));
  char *act = action_of (n->opt->key, h);
  guint c = GPOINTER_TO_UINT (g_hash_table_lookup (r->action, act));
  g_hash_table_insert (r->action, act, GUINT_TO_POINTER (c + 1));
}

/* The keys (or values) of a hash table in a new array (GLib 2.74 has no
 * g_hash_table_get_keys_as_ptr_array). */
static GPtrArray *
table_items (GHashTable *t, gboolean keys)
{
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, t);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_ptr_array_add (out, keys ? k : v);
  return out;
}

static int
by_informant_count_name (gconstpointer a, gconstpointer b)
{
  const Row *x = *(Row *const *) a, *y = *(Row *const *) b;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
by_string (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* "[nimi]", or "[nimi] 1, not replaced 1" when it varies. */
static char *
actions (const Row *r)
{
  g_autoptr (GPtrArray) keys = table_items (r->action, TRUE);
  g_ptr_array_sort (keys, by_string);
  if (keys->len == 1)
    return g_strdup (keys->pdata[0]);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (
      s, "%s%s %u", i ? ", " : "", (char *) keys->pdata[i],
      GPOINTER_TO_UINT (g_hash_table_lookup (r->action, keys->pdata[i])));
  return g_string_free (s, FALSE);
}

/* Drops rows of words that were candidates only because a sentence
 * started with them ("Varmaan", "Ainakin"), unless written in a name's
 * base form ("Marja") or the name is seen elsewhere as one. */
static void
drop_sentence_starts (Names *n)
{
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, n->rows);
  while (g_hash_table_iter_next (&it, NULL, &value)) {
    Row *r = value;
    if (r->n_ambiguous == r->count && !r->base_seen
        && !g_hash_table_contains (n->clear, r->name))
      g_hash_table_iter_remove (&it);
  }
}

static TeemaTable *
names_table (GHashTable *rows)
{
  TeemaTable *t = teema_table_new (_ ("Names"));
  const char *cols[] = {
    NC_ ("heading", "informant"), NC_ ("heading", "name"),
    NC_ ("heading", "kind"),      NC_ ("heading", "count"),
    NC_ ("heading", "forms"),     NC_ ("heading", "action")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], TEEMA_HEADING (cols[i]),
                                    i == 3 ? TEEMA_COLUMN_INT
                                           : TEEMA_COLUMN_TEXT);
  g_autoptr (GPtrArray) list = table_items (rows, FALSE);
  g_ptr_array_sort (list, by_informant_count_name);
  for (guint i = 0; i < list->len; i++) {
    Row *r = list->pdata[i];
    g_ptr_array_sort (r->forms, by_string);
    g_ptr_array_add (r->forms, NULL);
    g_autofree char *forms = g_strjoinv (", ", (char **) r->forms->pdata);
    g_ptr_array_remove_index (r->forms, r->forms->len - 1);
    g_autofree char *act = actions (r);
    teema_table_add_row (t);
    teema_table_add_text (t, r->informant);
    teema_table_add_text (t, r->name);
    teema_table_add_text (t, r->kind);
    teema_table_add_int (t, r->count);
    teema_table_add_text (t, forms);
    teema_table_add_text (t, act);
  }
  teema_table_add_note (
    t, _ ("action: what --pseudonymise does with the name: \"[nimi]\" (a "
          "placeholder), \"-> X\" (the key's pseudonym, inflected), \"kept\" "
          "(the key keeps it) or \"not replaced\" (add it to the name key: "
          "'Name = pseudonym'; at the start of a sentence a word that can also "
          "be a common word is not taken for a name)."));
  return t;
}

/* Informant code -> its place in the list, for those chosen. */
static GHashTable *
chosen_informants (TeemaProject *project, const TeemaNamesOptions *opt,
                   GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autoptr (TeemaWhere) where =
    teema_where__new (opt->where, informants, error);
  const TeemaInformant *only =
    where && opt->informant
      ? teema_informant__find (informants, opt->informant, error)
      : NULL;
  if (!where || (opt->informant && !only))
    return NULL;
  GHashTable *chosen =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < informants->len; i++) {
    const TeemaInformant *inf = informants->pdata[i];
    if (teema_where__matches (where, inf) && (!only || only == inf))
      g_hash_table_insert (chosen, g_strdup (inf->code),
                           GUINT_TO_POINTER (i + 1));
  }
  return chosen;
}

TeemaTable *
teema_names_list (TeemaProject *project, const TeemaNamesOptions *options,
                  GError **error)
{
  TeemaNamesOptions defaults = { 0 };
  const TeemaNamesOptions *opt = options ? options : &defaults;
  g_autoptr (GHashTable) chosen = chosen_informants (project, opt, error);
  if (!chosen)
    return NULL;
  TeemaSegmentFilter sf = { 0 };
  g_autoptr (GPtrArray) segments = teema_segment_list (project, &sf, error);
  g_autoptr (TeemaAnalyzer) az =
    segments ? teema_coding__analyzer (project, NULL, FALSE, NULL, error)
             : NULL;
  if (!az)
    return NULL;
  Names n = { az, opt,
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) row_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  TeemaPseudonymOptions po = { opt->key, FALSE, NULL };
  for (guint i = 0; i < segments->len; i++) {
    const TeemaSegment *s = segments->pdata[i];
    guint order =
      s->informant
        ? GPOINTER_TO_UINT (g_hash_table_lookup (chosen, s->informant))
        : 0;
    if (!order || s->interviewer)
      continue;
    g_autoptr (GArray) hits = teema_names__scan (az, &po, s->text, TRUE);
    for (guint k = 0; k < hits->len; k++) {
      const TeemaNameHit *h = &g_array_index (hits, TeemaNameHit, k);
      if (opt->all || h->replace || h->entry >= 0 || h->classes)
        add (&n, s->informant, order, s->text, h);
    }
  }
  drop_sentence_starts (&n);
  TeemaTable *t = names_table (n.rows);
  g_hash_table_destroy (n.rows);
  g_hash_table_destroy (n.clear);
  return t;
}
