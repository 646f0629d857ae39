/* reports/all.c — every report, both charts and the quotes into one
 * folder, with an index.md that links them: the last step of the
 * workflow in one command.
 *
 * Everything is written into a staging folder inside the target first
 * and moved into place only when all of it succeeded, so a failure
 * leaves the folder as it was. Tables go out twice, as CSV (one row per
 * value, for R, Python and spreadsheets) and as Markdown (the reading
 * tables); charts as SVG and PNG; quotes as DOCX and Markdown, each
 * written into its file as it is made. Reports that need exactly two
 * groups (compare, keyness) are left out, and the index says why, when
 * there are not two. */
#include "reports/reports-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* ---- words of the index (one place, for translation) --------------------- */

typedef enum {
  S_TITLE,
  S_INTRO,
  S_TABLES,
  S_CHARTS,
  S_QUOTES,
  S_SKIPPED,
} Str;

/* In the language of teema's messages (gettext), as the tables' headings
 * and notes are; the theme labels follow opt->lang. */
static const char *const strings[] = {
  [S_TITLE] = N_ ("Reports"),
  [S_INTRO] = N_ ("%u informants, %u themes%s. Tables as CSV (one row per "
                  "value) and Markdown; charts as SVG and PNG (16 cm wide, "
                  "300 dpi); quotes as DOCX and Markdown."),
  [S_TABLES] = N_ ("Tables"),
  [S_CHARTS] = N_ ("Charts"),
  [S_QUOTES] = N_ ("Quotes"),
  [S_SKIPPED] = N_ ("Not written: %s (%s)."),
};

typedef struct {
  const char *name; /* file name without extension */
  const char *what; /* what it is, marked N_() */
} Entry;

static const Entry tables[] = {
  { "themes-by-informant", N_ ("theme frequencies by informant") },
  { "themes-by-group", N_ ("theme frequencies by group") },
  { "compare", N_ ("the two groups theme by theme, Fisher's exact test") },
  { "keyness", N_ ("the lemmas most distinctive of each group") },
  { "cooccurrence", N_ ("themes coded on the same segments") },
  { "saturation", N_ ("new themes per successive interview") },
};

static const Entry charts[] = {
  { "heatmap", N_ ("themes × informants heatmap") },
  { "bars", N_ ("informants mentioning each theme, by group") },
};

typedef struct {
  TeemaProject *project;
  const TeemaReportAllOptions *opt;
  char *staging;      /* folder the files are written into first */
  GPtrArray *written; /* char *: file names, in order */
  GString *index;     /* index.md */
  GString *skipped;   /* index.md lines on what was left out */
} All;

static const char *
str (const All *a, Str id)
{
  (void) a;
  return _ (strings[id]);
}

static char *
staged (All *a, const char *file)
{
  return g_build_filename (a->staging, file, NULL);
}

static gboolean
save (All *a, const char *file, const char *data, gsize len, GError **error)
{
  g_autofree char *path = staged (a, file);
  GError *io = NULL;
  if (!g_file_set_contents (path, data, (gssize) len, &io)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s", io->message);
    g_error_free (io);
    return FALSE;
  }
  g_ptr_array_add (a->written, g_strdup (file));
  return TRUE;
}

typedef struct {
  FILE *f;
  const char *path;
} Staged;

static gboolean
to_staged (const char *data, gsize len, gpointer staged_file, GError **error)
{
  Staged *s = staged_file;
  if (fwrite (data, 1, len, s->f) == len)
    return TRUE;
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", s->path,
               g_strerror (errno));
  return FALSE;
}

/* A quote document, written into its staged file as it is made. */
static gboolean
save_document (All *a, const char *file, const TeemaQuoteDocOptions *o,
               TeemaDocFormat format, GError **error)
{
  g_autofree char *path = staged (a, file);
  Staged s = { g_fopen (path, "wb"), path };
  if (!s.f) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", path,
                 g_strerror (errno));
    return FALSE;
  }
  gboolean ok =
    teema_quotes_write_document (a->project, o, format, to_staged, &s, error);
  int err = 0;
  if (fflush (s.f) != 0 || ferror (s.f))
    err = errno ? errno : EIO;
  if (fclose (s.f) != 0 && !err)
    err = errno;
  if (ok && err) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", path,
                 g_strerror (err));
    ok = FALSE;
  }
  if (!ok) {
    g_unlink (path);
    return FALSE;
  }
  g_ptr_array_add (a->written, g_strdup (file));
  return TRUE;
}

/* The table as name.csv (long) and name.md (wide): make (wide) builds
 * it; NULL with TEEMA_ERROR_NOT_FOUND means "does not apply here". */
typedef TeemaTable *(*MakeTable) (All *a, gboolean wide, GError **error);

static gboolean
table (All *a, const Entry *e, MakeTable make, GError **error)
{
  for (int wide = 0; wide <= 1; wide++) {
    GError *local = NULL;
    g_autoptr (TeemaTable) t = make (a, wide, &local);
    if (!t && g_error_matches (local, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND)) {
      g_string_append_printf (a->skipped, "- ");
      g_string_append_printf (a->skipped, str (a, S_SKIPPED), e->name,
                              local->message);
      g_string_append_c (a->skipped, '\n');
      g_error_free (local);
      return TRUE;
    }
    if (!t) {
      g_propagate_error (error, local);
      return FALSE;
    }
    g_autofree char *file = g_strconcat (e->name, wide ? ".md" : ".csv", NULL);
    g_autofree char *text =
      teema_table_render (t, wide ? TEEMA_FORMAT_MARKDOWN : TEEMA_FORMAT_CSV);
    if (!save (a, file, text, strlen (text), error))
      return FALSE;
  }
  g_string_append_printf (a->index, "- %s: [%s.md](%s.md), [CSV](%s.csv)\n",
                          _ (e->what), e->name, e->name, e->name);
  return TRUE;
}

static TeemaTable *
themes_by (All *a, TeemaReportBy by, gboolean wide, GError **error)
{
  TeemaReportOptions o = { by,   a->opt->coder, a->opt->lang,
                           wide, NULL,          a->opt->where };
  return teema_report_themes (a->project, &o, error);
}

static TeemaTable *
by_informant (All *a, gboolean wide, GError **error)
{
  return themes_by (a, TEEMA_BY_INFORMANT, wide, error);
}

static TeemaTable *
by_group (All *a, gboolean wide, GError **error)
{
  return themes_by (a, TEEMA_BY_GROUP, wide, error);
}

static TeemaTable *
compare (All *a, gboolean wide, GError **error)
{
  TeemaCompareOptions o = { .coder = a->opt->coder,
                            .lang = a->opt->lang,
                            .wide = wide,
                            .where = a->opt->where };
  return teema_report_compare (a->project, &o, error);
}

static TeemaTable *
keyness (All *a, gboolean wide, GError **error)
{
  TeemaCompareOptions o = { .where = a->opt->where };
  return teema_report_keyness (a->project, &o, error);
}

static TeemaTable *
cooccurrence (All *a, gboolean wide, GError **error)
{
  TeemaCooccurrenceOptions o = { a->opt->coder, a->opt->lang, FALSE, wide,
                                 a->opt->where };
  return teema_report_cooccurrence (a->project, &o, error);
}

static TeemaTable *
saturation (All *a, gboolean wide, GError **error)
{
  TeemaSaturationOptions o = { a->opt->coder, TEEMA_ORDER_IMPORT,
                               a->opt->where };
  return teema_report_saturation (a->project, &o, error);
}

static gboolean
write_charts (All *a, GError **error)
{
  TeemaChartOptions o = { a->opt->coder, a->opt->lang, FALSE, NULL,
                          a->opt->where };
  g_string_append_printf (a->index, "\n## %s\n\n", str (a, S_CHARTS));
  static const char *const exts[] = { ".svg", ".png" };
  for (gsize i = 0; i < G_N_ELEMENTS (charts); i++) {
    for (gsize k = 0; k < G_N_ELEMENTS (exts); k++) {
      g_autofree char *file = g_strconcat (charts[i].name, exts[k], NULL);
      g_autofree char *path = staged (a, file);
      gboolean ok = i == 0 ? teema_chart_heatmap (a->project, path, &o, error)
                           : teema_chart_bars (a->project, path, &o, error);
      if (!ok)
        return FALSE;
      g_ptr_array_add (a->written, g_steal_pointer (&file));
    }
    g_string_append_printf (
      a->index, "- %s: [%s.svg](%s.svg), [PNG](%s.png)\n\n  ![%s](%s.png)\n",
      _ (charts[i].what), charts[i].name, charts[i].name, charts[i].name,
      _ (charts[i].what), charts[i].name);
  }
  return TRUE;
}

static gboolean
write_quotes (All *a, GError **error)
{
  TeemaQuoteDocOptions o = { .where = a->opt->where,
                             .coder = a->opt->coder,
                             .lang = a->opt->lang,
                             .pseudonymise = a->opt->pseudonymise,
                             .names = a->opt->names };
  static const struct {
    const char *file;
    TeemaDocFormat format;
  } docs[] = { { "quotes.docx", TEEMA_DOC_DOCX },
               { "quotes.md", TEEMA_DOC_MARKDOWN } };
  for (gsize i = 0; i < G_N_ELEMENTS (docs); i++)
    if (!save_document (a, docs[i].file, &o, docs[i].format, error))
      return FALSE;
  g_string_append_printf (a->index,
                          "\n## %s\n\n- [quotes.docx](quotes.docx), "
                          "[quotes.md](quotes.md)\n",
                          str (a, S_QUOTES));
  return TRUE;
}

/* ---- staging ------------------------------------------------------------ */

static gboolean
make_staging (All *a, const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0777) != 0) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", dir,
                 g_strerror (errno));
    return FALSE;
  }
  a->staging = g_build_filename (dir, ".teema-XXXXXX", NULL);
  if (!g_mkdtemp (a->staging)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", dir,
                 g_strerror (errno));
    g_clear_pointer (&a->staging, g_free);
    return FALSE;
  }
  return TRUE;
}

/* Moves every staged file into dir (or, when !ok, deletes them), then
 * the staging folder. */
static gboolean
finish_staging (All *a, const char *dir, gboolean ok, GError **error)
{
  for (guint i = 0; a->staging && i < a->written->len; i++) {
    g_autofree char *from = staged (a, a->written->pdata[i]);
    g_autofree char *to = g_build_filename (dir, a->written->pdata[i], NULL);
    if (!ok) {
      g_unlink (from);
    } else if (g_rename (from, to) != 0) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_IO, "%s: %s", to,
                   g_strerror (errno));
      ok = FALSE;
      g_unlink (from);
    }
  }
  if (a->staging)
    g_rmdir (a->staging);
  return ok;
}

static gboolean
write_all (All *a, GError **error)
{
  MakeTable makers[] = { by_informant, by_group,     compare,
                         keyness,      cooccurrence, saturation };
  g_string_append_printf (a->index, "\n## %s\n\n", str (a, S_TABLES));
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!table (a, &tables[i], makers[i], error))
      return FALSE;
  if (!write_charts (a, error) || !write_quotes (a, error))
    return FALSE;
  if (a->skipped->len)
    g_string_append_printf (a->index, "\n%s", a->skipped->str);
  return save (a, "index.md", a->index->str, a->index->len, error);
}

/* "# Reports: codebook\n\n10 informants, 18 themes (coder rules)." */
static gboolean
index_head (All *a, GError **error)
{
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (a->project, error);
  g_autoptr (GPtrArray) informants =
    cb ? teema_informant_list (a->project, error) : NULL;
  if (!informants)
    return FALSE;
  guint n = 0;
  for (guint i = 0; i < informants->len; i++)
    n += ((TeemaInformant *) informants->pdata[i])->n_words > 0;
  const char *name = teema_codebook_name (cb);
  g_string_append_printf (a->index, "# %s%s%s\n\n", str (a, S_TITLE),
                          name ? ": " : "", name ? name : "");
  g_autofree char *coder =
    a->opt->coder ? g_strdup_printf (_ (" (coder %s)"), a->opt->coder)
                  : g_strdup ("");
  g_string_append_printf (a->index, str (a, S_INTRO), n,
                          teema_codebook_size (cb), coder);
  g_string_append_c (a->index, '\n');
  return TRUE;
}

GPtrArray *
teema_report_all (TeemaProject *project, const char *dir,
                  const TeemaReportAllOptions *options, GError **error)
{
  static const TeemaReportAllOptions defaults = { 0 };
  All a = { .project = project, .opt = options ? options : &defaults };
  a.written = g_ptr_array_new_with_free_func (g_free);
  a.index = g_string_new (NULL);
  a.skipped = g_string_new (NULL);
  gboolean ok = index_head (&a, error) && make_staging (&a, dir, error);
  ok = ok && write_all (&a, error);
  ok = finish_staging (&a, dir, ok, ok ? error : NULL) && ok;
  g_free (a.staging);
  g_string_free (a.index, TRUE);
  g_string_free (a.skipped, TRUE);
  if (!ok)
    g_clear_pointer (&a.written, g_ptr_array_unref);
  return a.written;
}
