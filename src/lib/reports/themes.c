/* report.c — theme frequencies per informant, per group or per value of
 * any informant attribute (role, age band).
 *
 * For each theme: coded segments, words in them, their share of the
 * informant's (group's) words, and "k of n informants". A parent theme
 * counts a segment coded with it or any descendant; a segment counts once
 * per theme however many coders coded it. Interviewer turns never count.
 * Must always hold: the long table (one row per theme and informant or
 * group) and the wide table carry the same numbers. */
#include "reports/reports-private.h"

#include <string.h>

typedef struct {
  char *code;    /* the column: an informant, a group or an attribute value */
  char *group;   /* the value informants are grouped by */
  guint64 words; /* all informant words */
  guint n;       /* informants with text */
  gboolean has_segments;
} Unit;

typedef struct {
  TeemaCodingSet *set;
  GPtrArray *units;   /* Unit *: informants or groups, in order */
  guint *unit_of_inf; /* per informant index: its unit */
  GPtrArray *informants;
  const char *key; /* the attribute units are grouped by ("group") */
} Data;

static void
unit_free (Unit *u)
{
  g_free (u->code);
  g_free (u->group);
  g_free (u);
}

static void
data_clear (Data *d)
{
  g_clear_pointer (&d->units, g_ptr_array_unref);
  g_clear_pointer (&d->unit_of_inf, g_free);
  g_clear_pointer (&d->set, teema_coding_set__free);
}

static guint
find_unit (GPtrArray *units, const char *code)
{
  for (guint i = 0; i < units->len; i++)
    if (g_strcmp0 (((Unit *) units->pdata[i])->code, code) == 0)
      return i;
  return G_MAXUINT;
}

/* The value informant i is grouped by, "(no group)" when unset. */
static char *
value_of (Data *d, guint i)
{
  const char *v = teema_informant_attr (d->informants->pdata[i], d->key);
  return v ? g_strdup (v) : g_strdup_printf ("(no %s)", d->key);
}

/* Informant indices ordered by the grouping value (unset last), then in
 * the list's order (natural code order). */
static guint *
order_informants (Data *d)
{
  guint n = d->informants->len;
  guint *order = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (g_str_equal (d->key, "group"))
    return order; /* the list is already by group */
  /* Borrowed from the informants; NULL where one has no value. */
  g_autofree const char **values = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    values[i] = teema_informant_attr (d->informants->pdata[i], d->key);
  for (guint i = 1; i < n; i++) /* insertion sort: stable, n is small */
    for (guint j = i; j > 0; j--) {
      const char *a = values[order[j - 1]], *b = values[order[j]];
      gboolean swap = a && b ? strcmp (a, b) > 0 : !a && b;
      if (!swap)
        break;
      guint t = order[j - 1];
      order[j - 1] = order[j];
      order[j] = t;
    }
  return order;
}

/* One unit per informant, or per group or attribute value, in the
 * informants' order. */
static void
build_units (Data *d, TeemaReportBy by)
{
  d->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  d->unit_of_inf = g_new0 (guint, d->informants->len + 1);
  g_autofree guint *order = order_informants (d);
  for (guint o = 0; o < d->informants->len; o++) {
    guint i = order[o];
    TeemaInformant *inf = d->informants->pdata[i];
    g_autofree char *group = value_of (d, i);
    const char *code = by == TEEMA_BY_INFORMANT ? inf->code : group;
    guint u = find_unit (d->units, code);
    if (u == G_MAXUINT) {
      Unit *unit = g_new0 (Unit, 1);
      unit->code = g_strdup (code);
      unit->group = g_strdup (group);
      u = d->units->len;
      g_ptr_array_add (d->units, unit);
    }
    Unit *unit = d->units->pdata[u];
    unit->words += inf->n_words;
    unit->n += inf->n_words > 0;
    unit->has_segments |= inf->n_segments > 0;
    d->unit_of_inf[i] = u;
  }
}

static gboolean
load (Data *d, TeemaProject *p, const TeemaReportOptions *opt, GError **error)
{
  TeemaCodingSetOptions so = { .coder = opt->coder,
                               .roll_up = TRUE,
                               .where = opt->where,
                               .counts_only = TRUE };
  d->set = teema_coding_set__new (p, &so, error);
  if (!d->set)
    return FALSE;
  d->informants = teema_coding_set__informants (d->set);
  d->key =
    opt->by == TEEMA_BY_GROUP || !opt->attribute ? "group" : opt->attribute;
  if (opt->by == TEEMA_BY_ATTRIBUTE && !opt->attribute) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("which attribute? (e.g. role)"));
    return FALSE;
  }
  if (!g_str_equal (d->key, "group")
      && !teema_informant__check_attr (d->informants, d->key, error))
    return FALSE;
  build_units (d, opt->by);
  return TRUE;
}

typedef struct {
  guint segments;
  guint64 words;
  GHashTable *informants; /* informant codes with a coded segment */
} Cell;

/* Counts theme t's segments into cells (one per unit). */
static void
count_theme (Data *d, guint t, Cell *cells, GHashTable *mentioned)
{
  for (guint i = 0; i < d->informants->len; i++) {
    const TeemaCodedCount *c = teema_coding_set__count (d->set, t, i);
    if (!c->segments)
      continue;
    TeemaInformant *inf = d->informants->pdata[i];
    guint u = d->unit_of_inf[i];
    cells[u].segments += c->segments;
    cells[u].words += c->words;
    g_hash_table_add (cells[u].informants, inf->code);
    g_hash_table_add (mentioned, inf->code);
  }
}

/* Informants with text in all units. */
static guint
informants_all (Data *d)
{
  guint n = 0;
  for (guint u = 0; u < d->units->len; u++)
    n += ((Unit *) d->units->pdata[u])->n;
  return n;
}

static char *
theme_name (const TeemaTheme *t, const char *lang)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < t->depth; i++)
    g_string_append (s, "  ");
  g_string_append (s, teema_theme_label (t, lang));
  return g_string_free (s, FALSE);
}

static double
share (guint64 part, guint64 whole)
{
  return whole ? 100.0 * (double) part / (double) whole : 0.0;
}

static void
long_columns (Data *d, TeemaTable *table, TeemaReportBy by)
{
  teema_table_add_column (table, "theme", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "label", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "parent", TEEMA_COLUMN_TEXT);
  if (by == TEEMA_BY_INFORMANT)
    teema_table_add_column (table, "informant", TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, d->key, TEEMA_COLUMN_TEXT);
  teema_table_add_column (table, "segments", TEEMA_COLUMN_INT);
  teema_table_add_column (table, "words", TEEMA_COLUMN_INT);
  teema_table_add_column (table, "share_of_words_pct", TEEMA_COLUMN_REAL);
  teema_table_add_column (table, "informants_k", TEEMA_COLUMN_INT);
  teema_table_add_column (table, "informants_n", TEEMA_COLUMN_INT);
}

static void
long_rows (Data *d, TeemaTable *table, const TeemaTheme *t, Cell *cells,
           const TeemaReportOptions *opt)
{
  for (guint u = 0; u < d->units->len; u++) {
    Unit *unit = d->units->pdata[u];
    if (!unit->has_segments)
      continue;
    teema_table_add_row (table);
    teema_table_add_text (table, t->code);
    teema_table_add_text (table, teema_theme_label (t, opt->lang));
    teema_table_add_text (table, t->parent);
    if (opt->by == TEEMA_BY_INFORMANT)
      teema_table_add_text (table, unit->code);
    teema_table_add_text (table, unit->group);
    teema_table_add_int (table, cells[u].segments);
    teema_table_add_int (table, (gint64) cells[u].words);
    teema_table_add_real (table, share (cells[u].words, unit->words), 1);
    teema_table_add_int (table, g_hash_table_size (cells[u].informants));
    teema_table_add_int (
      table, opt->by == TEEMA_BY_INFORMANT ? informants_all (d) : unit->n);
  }
}

static char *
wide_cell (const Cell *c, guint64 words)
{
  if (!c->segments)
    return g_strdup ("–");
  return g_strdup_printf ("%u (%.0f%%)", c->segments, share (c->words, words));
}

static void
wide_columns (Data *d, TeemaTable *table, TeemaReportBy by)
{
  teema_table_add_column_heading (table, "Theme", C_ ("heading", "Theme"),
                                  TEEMA_COLUMN_TEXT);
  for (guint u = 0; u < d->units->len; u++) {
    Unit *unit = d->units->pdata[u];
    if (!unit->has_segments)
      continue;
    teema_table_add_column (table, unit->code, TEEMA_COLUMN_INT);
    if (by != TEEMA_BY_INFORMANT) {
      teema_table_add_column (table, "k/n", TEEMA_COLUMN_INT);
      teema_table_keep_with_previous (table); /* the k/n of that group */
    }
  }
  if (by == TEEMA_BY_INFORMANT) {
    teema_table_add_column_heading (
      table, "Segments", C_ ("heading", "Segments"), TEEMA_COLUMN_INT);
    teema_table_add_column_heading (
      table, "Informants", C_ ("heading", "Informants"), TEEMA_COLUMN_INT);
  }
}

static void
wide_row (Data *d, TeemaTable *table, const TeemaTheme *t, Cell *cells,
          GHashTable *mentioned, const TeemaReportOptions *opt)
{
  teema_table_add_row (table);
  g_autofree char *name = theme_name (t, opt->lang);
  teema_table_add_text (table, name);
  guint total = 0;
  for (guint u = 0; u < d->units->len; u++) {
    Unit *unit = d->units->pdata[u];
    if (!unit->has_segments)
      continue;
    g_autofree char *cell = wide_cell (&cells[u], unit->words);
    teema_table_add_text (table, cell);
    total += cells[u].segments;
    if (opt->by != TEEMA_BY_INFORMANT) {
      g_autofree char *kn = g_strdup_printf (
        "%u/%u", g_hash_table_size (cells[u].informants), unit->n);
      teema_table_add_text (table, kn);
    }
  }
  if (opt->by == TEEMA_BY_INFORMANT) {
    teema_table_add_int (table, total);
    g_autofree char *kn = g_strdup_printf (
      "%u/%u", g_hash_table_size (mentioned), informants_all (d));
    teema_table_add_text (table, kn);
  }
}

static void
add_notes (Data *d, TeemaTable *table, const TeemaReportOptions *opt)
{
  teema_table_add_note (
    table, _ ("Cells: coded segments (share of the informant's words in "
              "them; a coded part of a turn counts as its share of the "
              "turn). k/n: informants who mention the theme of those with "
              "text."));
  g_autofree char *counted = teema_coding_set__counted_note (opt->coder);
  teema_table_add_note (table, counted);
  if (opt->by != TEEMA_BY_INFORMANT)
    return;
  /* "Groups: customer: A1, A2; employee: H1" (or "Role: ..."). */
  g_autoptr (GString) groups = g_string_new (NULL);
  if (g_str_equal (d->key, "group"))
    g_string_append (groups, _ ("Groups:"));
  else
    g_string_append_printf (groups, "%c%s:", g_ascii_toupper (d->key[0]),
                            d->key + 1);
  const char *last = NULL;
  for (guint u = 0; u < d->units->len; u++) {
    Unit *unit = d->units->pdata[u];
    if (!unit->n)
      continue;
    gboolean first = g_strcmp0 (last, unit->group) != 0;
    g_string_append_printf (
      groups, first ? "%s %s: %s" : ", %s%s", first && last ? ";" : "",
      first ? unit->group : unit->code, first ? unit->code : "");
    last = unit->group;
  }
  teema_table_add_note (table, groups->str);
}

static char *
title_of (const TeemaReportOptions *opt, const char *key)
{
  if (opt->by == TEEMA_BY_INFORMANT)
    return g_strdup (_ ("Themes by informant"));
  if (g_str_equal (key, "group"))
    return g_strdup (_ ("Themes by group"));
  return g_strdup_printf (_ ("Themes by %s"), key);
}

TeemaTable *
teema_report_themes (TeemaProject *project, const TeemaReportOptions *options,
                     GError **error)
{
  TeemaReportOptions defaults = {
    TEEMA_BY_INFORMANT, NULL, "fi", TRUE, NULL, NULL
  };
  const TeemaReportOptions *opt = options ? options : &defaults;
  Data d = { 0 };
  if (!load (&d, project, opt, error)) {
    data_clear (&d);
    return NULL;
  }
  g_autofree char *title = title_of (opt, d.key);
  TeemaTable *table = teema_table_new (title);
  if (opt->wide)
    wide_columns (&d, table, opt->by);
  else
    long_columns (&d, table, opt->by);
  guint nu = d.units->len;
  const TeemaCodebook *cb = teema_coding_set__codebook (d.set);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *t = teema_codebook_theme (cb, i);
    Cell *cells = g_new0 (Cell, nu);
    for (guint u = 0; u < nu; u++)
      cells[u].informants = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GHashTable) mentioned =
      g_hash_table_new (g_str_hash, g_str_equal);
    count_theme (&d, i, cells, mentioned);
    if (opt->wide)
      wide_row (&d, table, t, cells, mentioned, opt);
    else
      long_rows (&d, table, t, cells, opt);
    for (guint u = 0; u < nu; u++)
      g_hash_table_destroy (cells[u].informants);
    g_free (cells);
  }
  if (opt->wide)
    add_notes (&d, table, opt);
  if (teema_codebook_size (cb) == 0)
    teema_table_add_note (table, _ ("No themes yet: add them with 'teema theme "
                                    "add ID' (or load a codebook with 'teema "
                                    "codebook import FILE')."));
  data_clear (&d);
  return table;
}
