/* reports/quote-doc.c — quotes as a document for a thesis draft: which
 * themes and quotes, in what order, under which headings and intro lines,
 * with which labels; formats/ writes the document (Markdown, LaTeX, HTML,
 * DOCX, ODT).
 *
 * The document is written as it is made, in two passes over the coding
 * set. Pass 1 counts who mentions each theme (counts only, no rows, no
 * text): a theme's "k of n informants" counts its sub-themes' too, as the
 * reports do. Pass 2 goes theme by theme (or informant by informant),
 * reads that theme's own codings, makes each quote from its segments'
 * text (teema_quotes__foreach) and hands the blocks to the writer, which
 * writes them out; so memory holds one theme's (or informant's) codings
 * and one quote, never the document. Labels follow the thesis
 * convention, "(H3)", or the group and number, or an attribute such as a
 * pseudonym. Must always hold: every quote appears under exactly one
 * heading; no label or name from outside the chosen informants appears;
 * an option error is found before anything is written. */
#include "formats/doc-private.h"
#include "reports/reports-private.h"

#include <string.h>

/* ---- words of the document (one place, for translation) ---------------- */

typedef enum {
  S_TITLE,
  S_CONVENTION,
  S_OMISSIONS,
  S_PSEUDONYMS,
  S_MENTIONED,
  S_MENTIONED_NONE,
  S_INFORMANT_INTRO,
  S_NO_QUOTES,
} Str;

static const char *const strings[][2] = {
  /* en, fi */
  [S_TITLE] = { "Interview quotes", "Haastattelulainaukset" },
  [S_CONVENTION] = { "Each quote ends with the informant's label.",
                     "Lainauksen lopussa on haastateltavan tunnus." },
  [S_OMISSIONS] = { "-- marks text left out.",
                    "Merkintä -- osoittaa kohdan, josta tekstiä on "
                    "jätetty pois." },
  [S_PSEUDONYMS] = { "Names of people are replaced with a placeholder or "
                     "a pseudonym.",
                     "Henkilöiden nimet on korvattu merkinnällä tai "
                     "peitenimellä." },
  [S_MENTIONED] = { "Mentioned by %u of %u informants: %s.",
                    "Teeman mainitsi %u/%u haastateltavaa: %s." },
  [S_MENTIONED_NONE] = { "Mentioned by none of the %u informants.",
                         "Kukaan %u haastateltavasta ei maininnut teemaa." },
  [S_INFORMANT_INTRO] = { "Quotes: %u, themes: %u.",
                          "Lainauksia: %u, teemoja: %u." },
  [S_NO_QUOTES] = { "No quotes.", "Ei lainauksia." },
};

#define OMISSION " --"
#define NBSP     "\u00a0"

/* ---- what goes in -------------------------------------------------------- */

typedef struct {
  TeemaProject *project;
  const TeemaQuoteDocOptions *opt;
  const char *lang;
  TeemaCodebook *cb;
  GPtrArray *all;     /* every informant (TeemaInformant *) */
  GHashTable *chosen; /* code -> its place in the list + 1 */
  GHashTable *labels; /* code -> label ("H3") */
  gboolean *selected; /* per theme */
  gboolean *asked;    /* per theme: named in options->themes */
  TeemaAnalyzer *az;  /* when pseudonymising */
  TeemaPseudonymOptions names;
  guint n; /* chosen informants with text */
  /* read as the document is written */
  TeemaCodingSet *set; /* read again for each step */
  guint *set_index;    /* per informant (all): index in the set's list, or
                          TEEMA_NO_INFORMANT */
  guint *chosen_at;    /* per informant of the set: its index in all + 1
                          when chosen, else 0 */
  guint8 *mentions;    /* themes x informants (all): the informant has a
                          segment coded with the theme (or, as the document
                          shows them, a sub-theme) */
  gboolean *counted;   /* per theme: mentions read in pass 1; the others'
                          come from the theme's rows in pass 2 */
  TeemaCoded *rows;    /* the theme read last: its rows of chosen
                          informants, by informant */
  guint n_rows;
  TeemaDocWriter *w; /* the document being written */
  guint sections;    /* headings written below the title */
} Quotes;

static const char *
str (const Quotes *q, Str id)
{
  return strings[id][g_str_equal (q->lang, "en") ? 0 : 1];
}

/* --by informant: a section per informant rather than per theme. */
static gboolean
by_informant_doc (const Quotes *q)
{
  return g_strcmp0 (q->opt->by, "informant") == 0;
}

static void
quotes_clear (Quotes *q)
{
  g_free (q->selected);
  g_free (q->asked);
  g_free (q->set_index);
  g_free (q->chosen_at);
  g_free (q->mentions);
  g_free (q->counted);
  g_free (q->rows);
  g_clear_pointer (&q->set, teema_coding_set__free);
  g_clear_pointer (&q->chosen, g_hash_table_destroy);
  g_clear_pointer (&q->labels, g_hash_table_destroy);
  g_clear_pointer (&q->all, g_ptr_array_unref);
  g_clear_pointer (&q->az, teema_analyzer_free);
  teema_codebook_free (q->cb);
}

/* The informants the options choose: --where, --group, the list. */
static gboolean
choose_informants (Quotes *q, GError **error)
{
  const TeemaQuoteDocOptions *opt = q->opt;
  g_autoptr (TeemaWhere) where = teema_where__new (opt->where, q->all, error);
  if (!where)
    return FALSE;
  const char *group = NULL;
  if (opt->group
      && !(group = teema_informant__find_group (q->all, opt->group, error)))
    return FALSE;
  g_autoptr (GHashTable) listed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; opt->informants && opt->informants[i]; i++) {
    const TeemaInformant *inf =
      teema_informant__find (q->all, opt->informants[i], error);
    if (!inf)
      return FALSE;
    g_hash_table_add (listed, (gpointer) inf);
  }
  q->chosen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < q->all->len; i++) {
    TeemaInformant *inf = q->all->pdata[i];
    if (!teema_where__matches (where, inf)
        || (group && g_strcmp0 (inf->group, group) != 0)
        || (opt->informants && !g_hash_table_contains (listed, inf)))
      continue;
    g_hash_table_insert (q->chosen, inf->code, GUINT_TO_POINTER (i + 1));
    q->n += inf->n_words > 0;
  }
  return TRUE;
}

/* "(H3)", "(customer 2)" or "(Liisa)" for every informant. */
static gboolean
make_labels (Quotes *q, GError **error)
{
  const char *attr =
    q->opt->label_attribute ? q->opt->label_attribute : "pseudonym";
  q->labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) in_group = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) missing = g_string_new (NULL);
  for (guint i = 0; i < q->all->len; i++) {
    TeemaInformant *inf = q->all->pdata[i];
    const char *g = inf->group ? inf->group : "-";
    guint k = GPOINTER_TO_UINT (g_hash_table_lookup (in_group, g)) + 1;
    g_hash_table_insert (in_group, (gpointer) g, GUINT_TO_POINTER (k));
    const char *value = teema_informant_attr (inf, attr);
    char *label =
      q->opt->labels == TEEMA_LABEL_GROUP ? g_strdup_printf ("%s %u", g, k)
      : q->opt->labels == TEEMA_LABEL_ATTRIBUTE ? g_strdup (value)
                                                : g_strdup (inf->code);
    if (!label && g_hash_table_contains (q->chosen, inf->code))
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "",
                              inf->code);
    g_hash_table_insert (q->labels, inf->code, label ? label : g_strdup ("?"));
  }
  if (missing->len) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("informants without a %s for their label: %s (set it with "
                    "'teema informant set CODE %s=...')"),
                 attr, missing->str, attr);
    return FALSE;
  }
  return TRUE;
}

/* Marks the themes asked for and their descendants. */
static gboolean
select_themes (Quotes *q, GError **error)
{
  guint n = teema_codebook_size (q->cb);
  if (n == 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NO_CODEBOOK,
                 _ ("no quotes: the project has no themes yet (add them with "
                    "'teema theme add ID' or 'teema codebook import FILE')"));
    return FALSE;
  }
  q->selected = g_new0 (gboolean, n + 1);
  q->asked = g_new0 (gboolean, n + 1);
  for (guint i = 0; q->opt->themes && q->opt->themes[i]; i++) {
    /* An id or a label, with close matches named when neither fits. */
    const TeemaTheme *found =
      teema_codebook_find (q->cb, q->opt->themes[i], error);
    if (!found)
      return FALSE;
    q->asked[teema_codebook_index (q->cb, found->code)] = TRUE;
  }
  /* Depth-first order: a theme follows its parent. */
  for (guint i = 0; i < n; i++) {
    const TeemaTheme *t = teema_codebook_theme (q->cb, i);
    gint parent = t->parent ? teema_codebook_index (q->cb, t->parent) : -1;
    q->selected[i] =
      !q->opt->themes || q->asked[i]
      || (parent >= 0 && q->selected[parent] && !q->opt->no_children);
  }
  return TRUE;
}

/* ---- pass 1: who mentions each theme ------------------------------------ */

/* Reads the set (the first time) or reads it again with so. */
static gboolean
read_set (Quotes *q, const TeemaCodingSetOptions *so, GError **error)
{
  if (q->set)
    return teema_coding_set__reread (q->set, q->project, so, error);
  if (!(q->set = teema_coding_set__new (q->project, so, error)))
    return FALSE;
  GPtrArray *listed = teema_coding_set__informants (q->set);
  q->set_index = g_new0 (guint, q->all->len + 1);
  q->chosen_at = g_new0 (guint, listed->len + 1);
  for (guint i = 0; i < q->all->len; i++) {
    const TeemaInformant *inf = q->all->pdata[i];
    guint k = teema_coding_set__informant_index (q->set, inf->code);
    q->set_index[i] = k;
    if (k != TEEMA_NO_INFORMANT && g_hash_table_contains (q->chosen, inf->code))
      q->chosen_at[k] = i + 1;
  }
  return TRUE;
}

static guint8 *
mentions_of (Quotes *q, guint theme)
{
  return &q->mentions[(gsize) theme * q->all->len];
}

/* Marks the chosen informants with segments of theme i in the set. */
static void
note_mentions (Quotes *q, guint i)
{
  guint8 *m = mentions_of (q, i);
  for (guint j = 0; j < q->all->len; j++)
    m[j] = q->set_index[j] != TEEMA_NO_INFORMANT
           && q->chosen_at[q->set_index[j]]
           && teema_coding_set__count (q->set, i, q->set_index[j])->segments;
}

/* Per theme: TRUE when a theme names it as its parent (found as the
 * coding set finds parents, so that a theme without is one the set rolls
 * nothing up to). */
static gboolean *
parents (Quotes *q)
{
  guint n = teema_codebook_size (q->cb);
  gboolean *has_child = g_new0 (gboolean, n + 1);
  for (guint j = 0; j < n; j++) {
    const char *parent = teema_codebook_theme (q->cb, j)->parent;
    gint p = parent ? teema_codebook_index (q->cb, parent) : -1;
    if (p >= 0)
      has_child[p] = TRUE;
  }
  return has_child;
}

/* Who mentions each selected theme, from the set's counts (no segment
 * text, no rows): rolled up to a theme from all of its sub-themes, as
 * the document shows them all; every theme at once, or, with --theme,
 * each selected theme that has sub-themes (a theme without is counted
 * from its own rows when they are read for its quotes). With
 * --no-children a theme shows only the sub-themes also asked for, so
 * each one's own codings are counted and the mentions of those
 * sub-themes added: children follow their parent in the codebook, so
 * walking backwards meets every child before its parent. */
static gboolean
count_mentions (Quotes *q, GError **error)
{
  guint n = teema_codebook_size (q->cb);
  gboolean roll_up = !(q->opt->themes && q->opt->no_children);
  TeemaCodingSetOptions so = { .coder = q->opt->coder,
                               .roll_up = roll_up,
                               .counts_only = TRUE };
  q->mentions = g_new0 (guint8, (gsize) n * q->all->len + 1);
  q->counted = g_new0 (gboolean, n + 1);
  if (!q->opt->themes) {
    if (!read_set (q, &so, error))
      return FALSE;
    for (guint i = 0; i < n; i++) {
      note_mentions (q, i);
      q->counted[i] = TRUE;
    }
    return TRUE;
  }
  g_autofree gboolean *has_child = parents (q);
  for (guint i = 0; i < n; i++) {
    so.theme = teema_codebook_theme (q->cb, i)->code;
    if (!q->selected[i] || (roll_up && !has_child[i]))
      continue;
    if (!read_set (q, &so, error))
      return FALSE;
    note_mentions (q, i);
    q->counted[i] = TRUE;
  }
  for (guint i = n; !roll_up && i-- > 0;) {
    const char *code = teema_codebook_theme (q->cb, i)->code;
    for (guint j = i + 1; q->selected[i] && j < n; j++)
      if (q->selected[j]
          && g_strcmp0 (teema_codebook_theme (q->cb, j)->parent, code) == 0)
        for (guint k = 0; k < q->all->len; k++)
          mentions_of (q, i)[k] |= mentions_of (q, j)[k];
  }
  return TRUE;
}

static gboolean
quotes_load (Quotes *q, TeemaProject *project,
             const TeemaQuoteDocOptions *options, GError **error)
{
  static const TeemaQuoteDocOptions defaults = { 0 };
  q->project = project;
  q->opt = options ? options : &defaults;
  q->lang = q->opt->lang && g_str_equal (q->opt->lang, "en") ? "en" : "fi";
  q->names.key = q->opt->names;
  if (!(q->cb = teema_codebook_get (project, error))
      || !(q->all = teema_informant_list (project, error))
      || !choose_informants (q, error) || !make_labels (q, error)
      || !select_themes (q, error))
    return FALSE;
  if (q->opt->pseudonymise
      && !(q->az = teema_coding__analyzer (project, NULL, FALSE, NULL, error)))
    return FALSE;
  return TRUE;
}

/* ---- a quote ------------------------------------------------------------- */

/* text cut to whole sentences (or, if even the first is too long, whole
 * words) within max characters, with "--" where text was left out. */
static char *
shorten (const char *text, guint max)
{
  if (!max || (guint) g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  gsize len = strlen (text), keep = 0;
  g_autoptr (GArray) ends = teema_text_sentences (text, len);
  for (guint i = 0; i < ends->len; i++) {
    gsize e = g_array_index (ends, gsize, i);
    if ((guint) g_utf8_strlen (text, (gssize) e) > max)
      break;
    keep = e;
  }
  if (!keep) {
    const char *limit = g_utf8_offset_to_pointer (text, max);
    const char *space = g_strrstr_len (text, limit - text, " ");
    keep = (gsize) ((space && space > text ? space : limit) - text);
  }
  g_autofree char *head = g_strndup (text, keep);
  g_strchomp (head);
  return g_strconcat (head, OMISSION, NULL);
}

/* Shortened first, where the sentences are still the speaker's ("[nimi]
 * soitti" would not start one), then pseudonymised. */
static char *
quote_text (Quotes *q, const char *text)
{
  g_autofree char *shorter = shorten (text, q->opt->max_chars);
  return q->az ? teema_names_pseudonymise (q->az, &q->names, shorter, NULL)
               : g_steal_pointer (&shorter);
}

static const char *
label_of (Quotes *q, const char *code)
{
  const char *l = g_hash_table_lookup (q->labels, code);
  return l ? l : code;
}

/* ---- blocks ------------------------------------------------------------- */

static gboolean
heading (Quotes *q, guint level, const char *text, GError **error)
{
  TeemaBlock b = { .style = TEEMA_PARA_HEADING, .level = level };
  teema_block__add (&b, text, 0);
  q->sections++;
  return teema_doc__block (q->w, &b, error);
}

/* A paragraph of one run. */
static gboolean
para (Quotes *q, TeemaParaStyle style, const char *text, GError **error)
{
  TeemaBlock b = { .style = style };
  teema_block__add (&b, text, 0);
  return teema_doc__block (q->w, &b, error);
}

/* The quote, then a no-break space and "(H3)". */
static gboolean
quote_para (Quotes *q, const char *code, const char *quote, GError **error)
{
  g_autofree char *text = quote_text (q, quote);
  g_autofree char *label = g_strdup_printf ("(%s)", label_of (q, code));
  TeemaBlock b = { .style = TEEMA_PARA_QUOTE };
  teema_block__add (&b, text, 0);
  teema_block__add (&b, NBSP, 0); /* the label never starts a line */
  teema_block__add (&b, label, TEEMA_RUN_LABEL);
  return teema_doc__block (q->w, &b, error);
}

/* ---- pass 2: the document, theme by theme -------------------------------- */

/* "Mentioned by 3 of 7 informants: H1, H3, H5.", in natural order. */
static gboolean
intro (Quotes *q, guint theme, GError **error)
{
  const guint8 *m = mentions_of (q, theme);
  g_autoptr (GString) who = g_string_new (NULL);
  guint k = 0;
  for (guint j = 0; j < q->all->len; j++)
    if (m[j])
      g_string_append_printf (
        who, "%s%s", k++ ? ", " : "",
        label_of (q, ((const TeemaInformant *) q->all->pdata[j])->code));
  g_autofree char *line =
    k ? g_strdup_printf (str (q, S_MENTIONED), k, q->n, who->str)
      : g_strdup_printf (str (q, S_MENTIONED_NONE), q->n);
  return para (q, TEEMA_PARA_INTRO, line, error);
}

static gboolean
mentioned (Quotes *q, guint theme)
{
  const guint8 *m = mentions_of (q, theme);
  for (guint j = 0; j < q->all->len; j++)
    if (m[j])
      return TRUE;
  return FALSE;
}

/* Reads theme t's own rows and spans; q->rows keeps those of chosen
 * informants, by informant and then in document order. */
static gboolean
read_theme (Quotes *q, guint t, GError **error)
{
  TeemaCodingSetOptions so = { .coder = q->opt->coder,
                               .theme = teema_codebook_theme (q->cb, t)->code,
                               .spans = TRUE };
  if (!read_set (q, &so, error))
    return FALSE;
  g_free (q->rows);
  q->rows = teema_coding_set__rows_by_informant (q->set, t, &q->n_rows);
  guint kept = 0;
  for (guint r = 0; r < q->n_rows; r++)
    if (q->rows[r].informant != TEEMA_NO_INFORMANT
        && q->chosen_at[q->rows[r].informant])
      q->rows[kept++] = q->rows[r];
  q->n_rows = kept;
  return TRUE;
}

/* Who mentions theme t, from its rows (a theme whose section shows no
 * sub-theme's). */
static void
note_rows (Quotes *q, guint t)
{
  for (guint r = 0; r < q->n_rows; r++)
    mentions_of (q, t)[q->chosen_at[q->rows[r].informant] - 1] = 1;
}

static gboolean
write_quote (const TeemaQuote *quote, gpointer q, GError **error)
{
  return quote_para (q, quote->first->informant, quote->text, error);
}

/* The value of the --by attribute of an informant. */
static char *
value_of (Quotes *q, const TeemaInformant *inf)
{
  const char *v = teema_informant_attr (inf, q->opt->by);
  return v ? g_strdup (v) : g_strdup_printf ("(%s?)", q->opt->by);
}

static int
by_string (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Under a heading per value of the --by attribute (sorted), the quotes
 * of the informants with that value. */
static gboolean
quotes_by_value (Quotes *q, guint t, guint level, GError **error)
{
  guint n_inf = teema_coding_set__informants (q->set)->len;
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **value = g_new0 (const char *, n_inf + 1);
  for (guint r = 0; r < q->n_rows; r++) {
    guint k = q->rows[r].informant;
    if (value[k])
      continue;
    char *v = value_of (q, q->all->pdata[q->chosen_at[k] - 1]);
    guint at;
    if (g_ptr_array_find_with_equal_func (values, v, g_str_equal, &at))
      g_free (v);
    else
      g_ptr_array_add (values, v), at = values->len - 1;
    value[k] = values->pdata[at];
  }
  g_ptr_array_sort (values, by_string);
  g_autofree TeemaCoded *some = g_new (TeemaCoded, q->n_rows + 1);
  for (guint i = 0; i < values->len; i++) {
    guint m = 0;
    for (guint r = 0; r < q->n_rows; r++)
      if (value[q->rows[r].informant] == values->pdata[i])
        some[m++] = q->rows[r];
    if (!heading (q, level + 1, values->pdata[i], error)
        || !teema_quotes__foreach (q->project, q->set, t, some, m,
                                   q->opt->context, write_quote, q, error))
      return FALSE;
  }
  return TRUE;
}

/* The quotes of the theme read last, t. */
static gboolean
theme_quotes (Quotes *q, guint t, guint level, GError **error)
{
  if (q->opt->by && !g_str_equal (q->opt->by, "theme"))
    return quotes_by_value (q, t, level, error);
  return teema_quotes__foreach (q->project, q->set, t, q->rows, q->n_rows,
                                q->opt->context, write_quote, q, error);
}

/* Heading level of theme i: 1 for a theme asked for (or a top-level one
 * when none was), one more for each selected ancestor below that. */
static guint
level_of (Quotes *q, guint i)
{
  guint level = 1;
  while (!q->asked[i]) {
    const TeemaTheme *t = teema_codebook_theme (q->cb, i);
    gint p = t->parent ? teema_codebook_index (q->cb, t->parent) : -1;
    if (p < 0 || !q->selected[p])
      break;
    i = (guint) p;
    level++;
  }
  return level;
}

/* Theme i's heading, who mentions it and its quotes, its rows read now
 * (before the heading when they say who mentions it): one theme's
 * codings in memory. A theme no chosen informant mentions is left out
 * unless asked for. */
static gboolean
theme_section (Quotes *q, guint i, GError **error)
{
  gboolean read = !q->counted[i];
  if (read && !read_theme (q, i, error))
    return FALSE;
  if (read)
    note_rows (q, i);
  if (!q->asked[i] && !mentioned (q, i))
    return TRUE;
  guint level = level_of (q, i);
  const TeemaTheme *t = teema_codebook_theme (q->cb, i);
  return heading (q, level, teema_theme_label (t, q->lang), error)
         && intro (q, i, error) && (read || read_theme (q, i, error))
         && theme_quotes (q, i, level, error);
}

static gboolean
by_theme (Quotes *q, GError **error)
{
  for (guint i = 0; i < teema_codebook_size (q->cb); i++)
    if (q->selected[i] && !theme_section (q, i, error))
      return FALSE;
  return TRUE;
}

/* ---- pass 2: the document, informant by informant ------------------------ */

/* An informant's quotes, theme by theme, read now: one informant's
 * codings in memory. Counted first (rows, no text) for the intro line;
 * an informant without quotes gets no section. */
static gboolean
informant_section (Quotes *q, const TeemaInformant *inf, GError **error)
{
  TeemaCodingSetOptions so = { .coder = q->opt->coder,
                               .informant = inf->code,
                               .spans = TRUE };
  if (!read_set (q, &so, error))
    return FALSE;
  guint n_quotes = 0, n_themes = 0, size = teema_codebook_size (q->cb);
  for (guint i = 0; i < size; i++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (q->set, i, &n);
    guint k = q->selected[i] ? teema_quotes__count (rows, n) : 0;
    n_quotes += k;
    n_themes += k > 0;
  }
  if (!n_quotes)
    return TRUE;
  g_autofree char *title =
    inf->group || inf->role ? g_strdup_printf (
      "%s (%s%s%s)", label_of (q, inf->code), inf->group ? inf->group : "",
      inf->group && inf->role ? ", " : "", inf->role ? inf->role : "")
                            : g_strdup (label_of (q, inf->code));
  g_autofree char *line =
    g_strdup_printf (str (q, S_INFORMANT_INTRO), n_quotes, n_themes);
  if (!heading (q, 1, title, error) || !para (q, TEEMA_PARA_INTRO, line, error))
    return FALSE;
  for (guint i = 0; i < size; i++) {
    guint n = 0;
    const TeemaCoded *rows = teema_coding_set__rows (q->set, i, &n);
    if (!q->selected[i] || n == 0)
      continue;
    const TeemaTheme *t = teema_codebook_theme (q->cb, i);
    if (!heading (q, 2, teema_theme_label (t, q->lang), error)
        || !teema_quotes__foreach (q->project, q->set, i, rows, n,
                                   q->opt->context, write_quote, q, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
by_informant (Quotes *q, GError **error)
{
  for (guint i = 0; i < q->all->len; i++) {
    const TeemaInformant *inf = q->all->pdata[i];
    if (g_hash_table_contains (q->chosen, inf->code)
        && !informant_section (q, inf, error))
      return FALSE;
  }
  return TRUE;
}

/* The title, the paragraph on the conventions, the sections, and "No
 * quotes." when there are none. */
static gboolean
write_document (Quotes *q, GError **error)
{
  const char *name = teema_codebook_name (q->cb);
  g_autofree char *title =
    q->opt->title ? g_strdup (q->opt->title)
    : name        ? g_strdup_printf ("%s: %s", str (q, S_TITLE), name)
                  : g_strdup (str (q, S_TITLE));
  TeemaBlock conventions = { .style = TEEMA_PARA_BODY };
  teema_block__add (&conventions, str (q, S_CONVENTION), 0);
  if (q->opt->max_chars) {
    teema_block__add (&conventions, " ", 0);
    teema_block__add (&conventions, str (q, S_OMISSIONS), 0);
  }
  if (q->opt->pseudonymise) {
    teema_block__add (&conventions, " ", 0);
    teema_block__add (&conventions, str (q, S_PSEUDONYMS), 0);
  }
  if (!teema_doc__begin (q->w, title, q->lang, error)
      || !teema_doc__block (q->w, &conventions, error))
    return FALSE;
  gboolean ok =
    by_informant_doc (q) ? by_informant (q, error) : by_theme (q, error);
  if (ok && q->sections == 0)
    ok = para (q, TEEMA_PARA_BODY, str (q, S_NO_QUOTES), error);
  return ok && teema_doc__end (q->w, error);
}

static gboolean
check_by (Quotes *q, GError **error)
{
  const char *by = q->opt->by;
  if (!by || g_str_equal (by, "theme") || g_str_equal (by, "informant"))
    return TRUE;
  return teema_informant__check_attr (q->all, by, error);
}

gboolean
teema_quotes_write_document (TeemaProject *project,
                             const TeemaQuoteDocOptions *options,
                             TeemaDocFormat format, TeemaOutputFunc write,
                             gpointer user_data, GError **error)
{
  /* The whole document from one snapshot of the project: its counts and
   * its quotes agree even if someone codes meanwhile, and the reads do
   * not each take and drop the database's read lock. */
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return FALSE;
  Quotes q = { 0 };
  gboolean ok = quotes_load (&q, project, options, error)
                && check_by (&q, error)
                && (by_informant_doc (&q) || count_mentions (&q, error));
  if (ok) {
    q.w = teema_doc__writer_new (format, write, user_data);
    ok = write_document (&q, error);
  }
  teema_doc__writer_free (q.w);
  quotes_clear (&q);
  teema_store__end_read (project->store, started);
  return ok;
}

static gboolean
append (const char *data, gsize len, gpointer out, GError **error)
{
  g_byte_array_append (out, (const guint8 *) data, (guint) len);
  return TRUE;
}

GBytes *
teema_quotes_document (TeemaProject *project,
                       const TeemaQuoteDocOptions *options,
                       TeemaDocFormat format, GError **error)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  if (!teema_quotes_write_document (project, options, format, append, out,
                                    error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---- the table ------------------------------------------------------------
 */

/* An empty table with the columns of teema_quotes_collect. */
static TeemaTable *
quotes_table_new (Quotes *q)
{
  const char *cols[] = {
    NC_ ("heading", "theme"),    NC_ ("heading", "informant"),
    NC_ ("heading", "group"),    NC_ ("heading", "segment"),
    NC_ ("heading", "document"), NC_ ("heading", "position"),
    NC_ ("heading", "text"),     NC_ ("heading", "citation")
  };
  TeemaTable *t = teema_table_new (str (q, S_TITLE));
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], TEEMA_HEADING (cols[i]),
                                    i == 3 || i == 5 ? TEEMA_COLUMN_INT
                                                     : TEEMA_COLUMN_TEXT);
  return t;
}

/* Rows written into a stream go out this many at a time. */
#define ROWS_PER_PIECE 256

typedef struct {
  Quotes *q;
  const char *theme;        /* the theme column: the theme asked for */
  TeemaTable *out;          /* the rows so far, or the stream's next piece */
  TeemaTableStream *stream; /* or NULL: out keeps every row */
  TeemaOutputFunc write;
  gpointer data;
} TableRows;

static gboolean
write_text (TeemaOutputFunc write, gpointer data, char *text, GError **error)
{
  gboolean ok = write (text, strlen (text), data, error);
  g_free (text);
  return ok;
}

/* Writes the piece's rows (the header, the first time) into the stream
 * and starts an empty piece. */
static gboolean
flush_rows (TableRows *tr, GError **error)
{
  gboolean ok = write_text (
    tr->write, tr->data, teema_table_stream_rows (tr->stream, tr->out), error);
  teema_table_free (tr->out);
  tr->out = quotes_table_new (tr->q);
  return ok;
}

/* A quote as a row, its text shortened, labelled and pseudonymised as a
 * document's would be. */
static gboolean
table_quote (const TeemaQuote *quote, gpointer data, GError **error)
{
  TableRows *tr = data;
  const TeemaSegment *s = quote->first;
  g_autofree char *text = quote_text (tr->q, quote->text);
  g_autofree char *label =
    g_strdup_printf ("(%s)", label_of (tr->q, s->informant));
  teema_table_add_row (tr->out);
  teema_table_add_text (tr->out, tr->theme);
  teema_table_add_text (tr->out, s->informant);
  teema_table_add_text (tr->out, s->group);
  teema_table_add_int (tr->out, s->id);
  teema_table_add_text (tr->out, s->document);
  teema_table_add_int (tr->out, s->ordinal);
  teema_table_add_text (tr->out, text);
  teema_table_add_text (tr->out, label);
  return !tr->stream || teema_table_n_rows (tr->out) < ROWS_PER_PIECE
         || flush_rows (tr, error);
}

/* Theme i's quotes (with its sub-themes' when children) as rows, the
 * chosen informants' only, by informant and then in document order; one
 * theme's codings read at a time. */
static gboolean
table_theme (Quotes *q, guint i, gboolean children, TableRows *tr,
             GError **error)
{
  const char *code = teema_codebook_theme (q->cb, i)->code;
  TeemaCodingSetOptions so = {
    .coder = q->opt->coder, .theme = code, .roll_up = children, .spans = TRUE
  };
  if (!read_set (q, &so, error))
    return FALSE;
  guint n = 0, kept = 0;
  g_autofree TeemaCoded *rows =
    teema_coding_set__rows_by_informant (q->set, i, &n);
  for (guint r = 0; r < n; r++)
    if (rows[r].informant != TEEMA_NO_INFORMANT
        && q->chosen_at[rows[r].informant])
      rows[kept++] = rows[r];
  tr->theme = code;
  return teema_quotes__foreach (q->project, q->set, i, rows, kept,
                                q->opt->context, table_quote, tr, error);
}

/* Each theme the options ask for, in codebook order, with the rows it
 * gives: given themes with their sub-themes unless no_children, or else
 * every theme's own quotes. */
static gboolean
wanted (Quotes *q, guint i, gboolean *children)
{
  gboolean given = q->opt->themes != NULL;
  *children = given && !q->opt->no_children;
  return given ? q->asked[i] : q->selected[i];
}

/* Every wanted theme's rows, in one snapshot of the project. */
static gboolean
table_all (Quotes *q, TeemaProject *project,
           const TeemaQuoteDocOptions *options, TableRows *tr, GError **error)
{
  gboolean started = FALSE;
  if (!teema_store__begin_read (project->store, &started, error))
    return FALSE;
  gboolean ok = quotes_load (q, project, options, error);
  if (ok) {
    tr->out = quotes_table_new (q);
    if (tr->stream) /* the header, even when no theme has a quote */
      ok = flush_rows (tr, error);
  }
  gboolean children;
  for (guint i = 0; ok && i < teema_codebook_size (q->cb); i++)
    if (wanted (q, i, &children))
      ok = table_theme (q, i, children, tr, error);
  teema_store__end_read (project->store, started);
  return ok;
}

TeemaTable *
teema_quotes_table (TeemaProject *project, const TeemaQuoteDocOptions *options,
                    GError **error)
{
  Quotes q = { 0 };
  TableRows tr = { .q = &q };
  if (!table_all (&q, project, options, &tr, error))
    g_clear_pointer (&tr.out, teema_table_free);
  quotes_clear (&q);
  return tr.out;
}

gboolean
teema_quotes_write_table (TeemaProject *project,
                          const TeemaQuoteDocOptions *options,
                          TeemaFormat format, TeemaOutputFunc write,
                          gpointer user_data, GError **error)
{
  if (!teema_table_format_streams (format)) {
    g_autoptr (TeemaTable) t = teema_quotes_table (project, options, error);
    return t
           && write_text (write, user_data, teema_table_render (t, format),
                          error);
  }
  Quotes q = { 0 };
  TeemaTableStream stream;
  teema_table_stream_init (&stream, format);
  TableRows tr = { &q, NULL, NULL, &stream, write, user_data };
  gboolean ok =
    table_all (&q, project, options, &tr, error) && flush_rows (&tr, error)
    && write_text (write, user_data, teema_table_stream_end (&stream), error);
  if (tr.out)
    teema_table_free (tr.out);
  quotes_clear (&q);
  return ok;
}
