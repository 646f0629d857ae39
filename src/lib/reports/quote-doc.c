/* reports/quote-doc.c — quotes as a document for a thesis draft: which
 * themes and quotes, in what order, under which headings and intro lines,
 * with which labels; formats/ writes the document (Markdown, LaTeX, HTML,
 * DOCX, ODT).
 *
 * Quotes come from teema_quotes_collect, one table per theme with only
 * that theme's own codings; a theme's "k of n informants" counts its
 * sub-themes' too (the informants of its own quotes and of every
 * descendant's), as the reports do. Labels follow the thesis convention,
 * "(H3)", or the group and number, or an attribute such as a pseudonym.
 * Must always hold: every quote appears under exactly one heading; no
 * label or name from outside the chosen informants appears. */
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

/* ---- formats ------------------------------------------------------------ */

static const struct {
  const char *name, *alias, *ext, *ext2;
  TeemaDocFormat format;
} formats[] = {
  { "md", "markdown", ".md", ".markdown", TEEMA_DOC_MARKDOWN },
  { "latex", "tex", ".tex", NULL, TEEMA_DOC_LATEX },
  { "html", NULL, ".html", ".htm", TEEMA_DOC_HTML },
  { "docx", NULL, ".docx", NULL, TEEMA_DOC_DOCX },
  { "odt", NULL, ".odt", NULL, TEEMA_DOC_ODT },
};

gboolean
teema_doc_format_parse (const char *name, TeemaDocFormat *format,
                        GError **error)
{
  for (gsize i = 0; name && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name)
        || g_strcmp0 (name, formats[i].alias) == 0) {
      *format = formats[i].format;
      return TRUE;
    }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("unknown document format '%s': use md, latex, html, docx or "
                  "odt"),
               name ? name : "");
  return FALSE;
}

gboolean
teema_doc_format_for_path (const char *path, TeemaDocFormat *format)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  for (gsize i = 0; dot && i < G_N_ELEMENTS (formats); i++)
    if (!g_ascii_strcasecmp (dot, formats[i].ext)
        || (formats[i].ext2 && !g_ascii_strcasecmp (dot, formats[i].ext2))) {
      *format = formats[i].format;
      return TRUE;
    }
  return FALSE;
}

/* ---- what goes in -------------------------------------------------------- */

typedef struct {
  TeemaProject *project;
  const TeemaQuoteDocOptions *opt;
  const char *lang;
  TeemaCodebook *cb;
  GPtrArray *all;        /* every informant (TeemaInformant *) */
  GHashTable *chosen;    /* code -> its place in the list + 1 */
  GHashTable *labels;    /* code -> label ("H3") */
  gboolean *selected;    /* per theme */
  gboolean *asked;       /* per theme: named in options->themes */
  TeemaTable **direct;   /* per theme: its own quotes, chosen informants */
  GHashTable **mentions; /* per theme: informant codes, sub-themes too */
  TeemaAnalyzer *az;     /* when pseudonymising */
  TeemaPseudonymOptions names;
  guint n; /* chosen informants with text */
} Quotes;

static const char *
str (const Quotes *q, Str id)
{
  return strings[id][g_str_equal (q->lang, "en") ? 0 : 1];
}

static void
quotes_clear (Quotes *q)
{
  guint n = q->cb ? teema_codebook_size (q->cb) : 0;
  for (guint i = 0; q->direct && i < n; i++) {
    teema_table_free (q->direct[i]);
    if (q->mentions[i])
      g_hash_table_destroy (q->mentions[i]);
  }
  g_free (q->direct);
  g_free (q->mentions);
  g_free (q->selected);
  g_free (q->asked);
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

/* The rows of t whose informant is chosen, as a new table; frees t. */
static TeemaTable *
keep_chosen (Quotes *q, TeemaTable *t)
{
  TeemaTable *kept = teema_table_new (teema_table_title (t));
  guint nc = teema_table_n_columns (t);
  for (guint c = 0; c < nc; c++)
    teema_table_add_column_heading (
      kept, teema_table_column_name (t, c), teema_table_column_heading (t, c),
      c == 3 || c == 5 ? TEEMA_COLUMN_INT : TEEMA_COLUMN_TEXT);
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    if (!g_hash_table_contains (q->chosen, teema_table_cell (t, r, 1)))
      continue;
    teema_table_add_row (kept);
    for (guint c = 0; c < nc; c++)
      teema_table_add_text (kept, teema_table_cell (t, r, c));
  }
  teema_table_free (t);
  return kept;
}

static TeemaTable *
collect_theme (Quotes *q, guint theme, gboolean children, GError **error)
{
  TeemaQuoteOptions qo = {
    .theme = teema_codebook_theme (q->cb, theme)->code,
    .coder = q->opt->coder,
    .lang = q->lang,
    .children = children,
  };
  TeemaTable *t = teema_quotes_collect (q->project, &qo, error);
  return t ? keep_chosen (q, t) : NULL;
}

/* Each selected theme's own quotes, and who mentions it or a sub-theme:
 * children follow their parent in the codebook, so walking backwards
 * meets every child before its parent. */
static gboolean
collect (Quotes *q, GError **error)
{
  guint n = teema_codebook_size (q->cb);
  q->direct = g_new0 (TeemaTable *, n + 1);
  q->mentions = g_new0 (GHashTable *, n + 1);
  for (guint i = 0; i < n; i++)
    if (q->selected[i] && !(q->direct[i] = collect_theme (q, i, FALSE, error)))
      return FALSE;
  for (guint i = n; i-- > 0;) {
    if (!q->selected[i])
      continue;
    q->mentions[i] = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint r = 0; r < teema_table_n_rows (q->direct[i]); r++)
      g_hash_table_add (q->mentions[i],
                        (gpointer) teema_table_cell (q->direct[i], r, 1));
    const char *code = teema_codebook_theme (q->cb, i)->code;
    for (guint j = i + 1; j < n; j++) {
      const TeemaTheme *c = teema_codebook_theme (q->cb, j);
      if (!q->mentions[j] || g_strcmp0 (c->parent, code) != 0)
        continue;
      GHashTableIter it;
      gpointer key;
      g_hash_table_iter_init (&it, q->mentions[j]);
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_hash_table_add (q->mentions[i], key);
    }
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

static void
quote_para (Quotes *q, TeemaDoc *doc, const TeemaTable *t, guint r)
{
  g_autofree char *text = quote_text (q, teema_table_cell (t, r, 6));
  g_autofree char *label =
    g_strdup_printf ("(%s)", label_of (q, teema_table_cell (t, r, 1)));
  teema_doc__para (doc, TEEMA_PARA_QUOTE);
  teema_doc__run (doc, text, 0);
  teema_doc__run (doc, NBSP, 0); /* the label never starts a line */
  teema_doc__run (doc, label, TEEMA_RUN_LABEL);
}

/* ---- the document, theme by theme ---------------------------------------- */

static int
by_order (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *chosen = data;
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (chosen, *(char **) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (chosen, *(char **) b));
  return x < y ? -1 : x > y;
}

/* "Mentioned by 3 of 7 informants: H1, H3, H5." */
static void
intro (Quotes *q, TeemaDoc *doc, GHashTable *mentions)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, mentions);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (codes, key);
  g_ptr_array_sort_with_data (codes, by_order, q->chosen);
  g_autoptr (GString) who = g_string_new (NULL);
  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (who, "%s%s", i ? ", " : "",
                            label_of (q, codes->pdata[i]));
  g_autofree char *line =
    codes->len
      ? g_strdup_printf (str (q, S_MENTIONED), codes->len, q->n, who->str)
      : g_strdup_printf (str (q, S_MENTIONED_NONE), q->n);
  teema_doc__para (doc, TEEMA_PARA_INTRO);
  teema_doc__run (doc, line, 0);
}

static const TeemaInformant *
informant (Quotes *q, const char *code)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (q->chosen, code));
  return i ? q->all->pdata[i - 1] : NULL;
}

/* The value of the --by attribute of a quote's informant. */
static char *
value_of (Quotes *q, const char *code)
{
  const char *v = teema_informant_attr (informant (q, code), q->opt->by);
  return v ? g_strdup (v) : g_strdup_printf ("(%s?)", q->opt->by);
}

static int
by_string (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* A theme's quotes; by an attribute, under a heading per value. */
static void
theme_quotes (Quotes *q, TeemaDoc *doc, const TeemaTable *t, guint level)
{
  gboolean by_attr = q->opt->by && !g_str_equal (q->opt->by, "theme");
  if (!by_attr) {
    for (guint r = 0; r < teema_table_n_rows (t); r++)
      quote_para (q, doc, t, r);
    return;
  }
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    char *v = value_of (q, teema_table_cell (t, r, 1));
    if (g_ptr_array_find_with_equal_func (values, v, g_str_equal, NULL))
      g_free (v);
    else
      g_ptr_array_add (values, v);
  }
  g_ptr_array_sort (values, by_string);
  for (guint i = 0; i < values->len; i++) {
    teema_doc__heading (doc, level + 1, values->pdata[i]);
    for (guint r = 0; r < teema_table_n_rows (t); r++) {
      g_autofree char *v = value_of (q, teema_table_cell (t, r, 1));
      if (g_str_equal (v, values->pdata[i]))
        quote_para (q, doc, t, r);
    }
  }
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

static void
by_theme (Quotes *q, TeemaDoc *doc)
{
  for (guint i = 0; i < teema_codebook_size (q->cb); i++) {
    if (!q->selected[i]
        || (!q->asked[i] && g_hash_table_size (q->mentions[i]) == 0))
      continue;
    const TeemaTheme *t = teema_codebook_theme (q->cb, i);
    guint level = level_of (q, i);
    teema_doc__heading (doc, level, teema_theme_label (t, q->lang));
    intro (q, doc, q->mentions[i]);
    theme_quotes (q, doc, q->direct[i], level);
  }
}

/* ---- the document, informant by informant -------------------------------- */

static guint
rows_of (const TeemaTable *t, const char *code)
{
  guint n = 0;
  for (guint r = 0; r < teema_table_n_rows (t); r++)
    n += g_str_equal (teema_table_cell (t, r, 1), code);
  return n;
}

static void
informant_section (Quotes *q, TeemaDoc *doc, const TeemaInformant *inf)
{
  guint n_quotes = 0, n_themes = 0, size = teema_codebook_size (q->cb);
  for (guint i = 0; i < size; i++) {
    guint n = q->selected[i] ? rows_of (q->direct[i], inf->code) : 0;
    n_quotes += n;
    n_themes += n > 0;
  }
  if (!n_quotes)
    return;
  g_autofree char *heading =
    inf->group || inf->role ? g_strdup_printf (
      "%s (%s%s%s)", label_of (q, inf->code), inf->group ? inf->group : "",
      inf->group && inf->role ? ", " : "", inf->role ? inf->role : "")
                            : g_strdup (label_of (q, inf->code));
  teema_doc__heading (doc, 1, heading);
  g_autofree char *line =
    g_strdup_printf (str (q, S_INFORMANT_INTRO), n_quotes, n_themes);
  teema_doc__para (doc, TEEMA_PARA_INTRO);
  teema_doc__run (doc, line, 0);
  for (guint i = 0; i < size; i++) {
    if (!q->selected[i] || !rows_of (q->direct[i], inf->code))
      continue;
    teema_doc__heading (
      doc, 2, teema_theme_label (teema_codebook_theme (q->cb, i), q->lang));
    for (guint r = 0; r < teema_table_n_rows (q->direct[i]); r++)
      if (g_str_equal (teema_table_cell (q->direct[i], r, 1), inf->code))
        quote_para (q, doc, q->direct[i], r);
  }
}

static TeemaDoc *
build (Quotes *q)
{
  const char *name = teema_codebook_name (q->cb);
  g_autofree char *title =
    q->opt->title ? g_strdup (q->opt->title)
    : name        ? g_strdup_printf ("%s: %s", str (q, S_TITLE), name)
                  : g_strdup (str (q, S_TITLE));
  TeemaDoc *doc = teema_doc__new (title, q->lang);
  teema_doc__para (doc, TEEMA_PARA_BODY);
  teema_doc__run (doc, str (q, S_CONVENTION), 0);
  if (q->opt->max_chars) {
    teema_doc__run (doc, " ", 0);
    teema_doc__run (doc, str (q, S_OMISSIONS), 0);
  }
  if (q->opt->pseudonymise) {
    teema_doc__run (doc, " ", 0);
    teema_doc__run (doc, str (q, S_PSEUDONYMS), 0);
  }
  guint before = doc->blocks->len;
  if (g_strcmp0 (q->opt->by, "informant") == 0)
    for (guint i = 0; i < q->all->len; i++) {
      const TeemaInformant *inf = q->all->pdata[i];
      if (g_hash_table_contains (q->chosen, inf->code))
        informant_section (q, doc, inf);
    }
  else
    by_theme (q, doc);
  if (doc->blocks->len == before) {
    teema_doc__para (doc, TEEMA_PARA_BODY);
    teema_doc__run (doc, str (q, S_NO_QUOTES), 0);
  }
  return doc;
}

static gboolean
check_by (Quotes *q, GError **error)
{
  const char *by = q->opt->by;
  if (!by || g_str_equal (by, "theme") || g_str_equal (by, "informant"))
    return TRUE;
  return teema_informant__check_attr (q->all, by, error);
}

GBytes *
teema_quotes_document (TeemaProject *project,
                       const TeemaQuoteDocOptions *options,
                       TeemaDocFormat format, GError **error)
{
  Quotes q = { 0 };
  GBytes *out = NULL;
  if (quotes_load (&q, project, options, error) && check_by (&q, error)
      && collect (&q, error)) {
    g_autoptr (TeemaDoc) doc = build (&q);
    char *text = format == TEEMA_DOC_MARKDOWN ? teema_doc__markdown (doc)
                 : format == TEEMA_DOC_LATEX  ? teema_doc__latex (doc)
                 : format == TEEMA_DOC_HTML   ? teema_doc__html (doc)
                                              : NULL;
    out = text                       ? g_bytes_new_take (text, strlen (text))
          : format == TEEMA_DOC_DOCX ? teema_doc__docx (doc, error)
                                     : teema_doc__odt (doc, error);
  }
  quotes_clear (&q);
  return out;
}

/* ---- the table ----------------------------------------------------------- */

static void
table_rows (Quotes *q, TeemaTable *out, const TeemaTable *t)
{
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    g_autofree char *text = quote_text (q, teema_table_cell (t, r, 6));
    g_autofree char *label =
      g_strdup_printf ("(%s)", label_of (q, teema_table_cell (t, r, 1)));
    teema_table_add_row (out);
    for (guint c = 0; c < 6; c++)
      if (c == 3 || c == 5)
        teema_table_add_int (
          out, g_ascii_strtoll (teema_table_cell (t, r, c), NULL, 10));
      else
        teema_table_add_text (out, teema_table_cell (t, r, c));
    teema_table_add_text (out, text);
    teema_table_add_text (out, label);
  }
}

TeemaTable *
teema_quotes_table (TeemaProject *project, const TeemaQuoteDocOptions *options,
                    GError **error)
{
  Quotes q = { 0 };
  TeemaTable *out = NULL;
  if (quotes_load (&q, project, options, error)) {
    const char *cols[] = {
      NC_ ("heading", "theme"),    NC_ ("heading", "informant"),
      NC_ ("heading", "group"),    NC_ ("heading", "segment"),
      NC_ ("heading", "document"), NC_ ("heading", "position"),
      NC_ ("heading", "text"),     NC_ ("heading", "citation")
    };
    out = teema_table_new (str (&q, S_TITLE));
    for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
      teema_table_add_column_heading (out, cols[i], TEEMA_HEADING (cols[i]),
                                      i == 3 || i == 5 ? TEEMA_COLUMN_INT
                                                       : TEEMA_COLUMN_TEXT);
    gboolean given = q.opt->themes != NULL;
    for (guint i = 0; out && i < teema_codebook_size (q.cb); i++) {
      if (given ? !q.asked[i] : !q.selected[i])
        continue;
      g_autoptr (TeemaTable) t =
        collect_theme (&q, i, given && !q.opt->no_children, error);
      if (t)
        table_rows (&q, out, t);
      else
        g_clear_pointer (&out, teema_table_free);
    }
  }
  quotes_clear (&q);
  return out;
}
