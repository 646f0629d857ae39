/* cmd-document.c — teema document list|rename|remove|aside: the documents
 * of a project, and the codings and memos import --replace set aside. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static int
document_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table";
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", N_ ("Lists documents."), error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (GPtrArray) docs = p ? teema_document_list (p, error) : NULL;
  if (!docs)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (_ ("Documents"));
  const char *cols[] = {
    NC_ ("heading", "id"),        NC_ ("heading", "document"),
    NC_ ("heading", "informant"), NC_ ("heading", "segments"),
    NC_ ("heading", "words"),     NC_ ("heading", "codings"),
    NC_ ("heading", "aside"),     NC_ ("heading", "segmentation"),
    NC_ ("heading", "imported")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (
      t, cols[i], CLI_HEADING (cols[i]),
      i == 0 || (i >= 3 && i <= 6) ? TEEMA_COLUMN_INT : TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < docs->len; i++) {
    TeemaDocument *d = docs->pdata[i];
    teema_table_add_row (t);
    teema_table_add_int (t, d->id);
    teema_table_add_text (t, d->name);
    teema_table_add_text (t, d->informant);
    teema_table_add_int (t, d->n_segments);
    teema_table_add_int (t, d->n_words);
    teema_table_add_int (t, d->n_codings);
    teema_table_add_int (t, d->n_aside);
    teema_table_add_text (t, d->segmentation);
    teema_table_add_text (t, d->imported_at);
  }
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

static int
document_rename (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("DOCUMENT NEW-NAME"),
                  N_ ("Renames a document (given by name or id); --replace "
                      "matches files to documents by this name."),
                  error))
    return 2;
  if (argc != 3)
    return cli_usage (error,
                      _ ("usage: teema document rename DOCUMENT NEW-NAME"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !teema_document_rename (p, argv[1], argv[2], error))
    return 1;
  if (!g->quiet)
    printf (_ ("renamed document %s to %s\n"), argv[1], argv[2]);
  return 0;
}

/* "12 segments (both speakers'), 3 codings and 1 memo": a new string. */
static char *
describe (const TeemaRemoval *r)
{
  g_autofree char *s =
    cli_count (r->n_segments, "segment", "segments (both speakers')");
  g_autofree char *c = cli_count (r->n_codings, "coding", "codings");
  g_autofree char *m = cli_count (r->n_memos, "memo", "memos");
  /* TRANSLATORS: "12 segments, 3 codings and 1 memo". */
  return g_strdup_printf (_ ("%s, %s and %s"), s, c, m);
}

/* The informant of the document named (or numbered) name, or NULL. */
static char *
informant_of (TeemaProject *p, const char *name)
{
  g_autoptr (GPtrArray) docs = teema_document_list (p, NULL);
  for (guint i = 0; docs && i < docs->len; i++) {
    TeemaDocument *d = docs->pdata[i];
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
    if (g_str_equal (d->name, name) || g_str_equal (id, name))
      return g_strdup (d->informant);
  }
  return NULL;
}

static int
document_remove (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("do not ask"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("DOCUMENT"),
                  N_ ("Removes a document (by name or id) with its segments, "
                      "codings and memos, in one transaction; its informant "
                      "goes too when it has no other document."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema document remove DOCUMENT"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  TeemaRemoval r = { 0 };
  if (!p || !teema_document_remove (p, argv[1], TRUE, &r, error))
    return 1;
  g_autofree char *what = describe (&r);
  g_autofree char *informant = informant_of (p, argv[1]);
  g_autofree char *also = r.informant_removed && informant
                            ? g_strdup_printf (_ (", and informant %s (it "
                                                  "has no other document)"),
                                               informant)
                            : g_strdup ("");
  g_autofree char *action = g_strdup_printf (
    _ ("remove document %s with its %s%s"), argv[1], what, also);
  int rc = cli_confirm (yes, action, error);
  if (rc)
    return rc;
  if (!teema_document_remove (p, argv[1], FALSE, &r, error))
    return 1;
  if (!g->quiet)
    printf (_ ("removed document %s with its %s%s\n"), argv[1], what, also);
  return 0;
}

static void
add_aside_row (TeemaTable *t, const TeemaAside *a, TeemaFormat fmt)
{
  g_autofree char *text = g_strdup (a->text);
  g_strdelimit (text, "\n\t", ' ');
  if (fmt == TEEMA_FORMAT_TABLE && g_utf8_strlen (text, -1) > 50) {
    g_autofree char *cut = g_utf8_substring (text, 0, 49);
    g_free (text);
    text = g_strconcat (cut, "…", NULL);
  }
  teema_table_add_row (t);
  teema_table_add_int (t, a->id);
  teema_table_add_text (t, a->document);
  teema_table_add_text (t, a->kind);
  teema_table_add_text (t, a->theme);
  teema_table_add_text (t, a->coder);
  teema_table_add_text (t, text);
  teema_table_add_text (t, a->note);
  teema_table_add_text (t, a->set_aside_at);
}

static int
document_aside (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table";
  gboolean clear = FALSE;
  GOptionEntry entries[] = {
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_ ("delete them (when coded again or not needed)"), NULL },
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (
        &argc, &argv, entries, N_ ("[DOCUMENT]"),
        N_ ("Lists the codings and memos that import --replace set "
            "aside because their text was deleted, with the text they "
            "were on."),
        error)
      || !teema_format_parse (format, &fmt, error))
    return 2;
  if (argc > 2)
    return cli_usage (error, _ ("usage: teema document aside [DOCUMENT]"));
  const char *doc = argc == 2 ? argv[1] : NULL;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  guint n = 0;
  if (clear) {
    if (!teema_aside_clear (p, doc, &n, error))
      return 1;
    if (!g->quiet)
      printf (g_dngettext (GETTEXT_PACKAGE, "cleared %u set-aside item\n",
                           "cleared %u set-aside items\n", n),
              n);
    return 0;
  }
  g_autoptr (GPtrArray) list = teema_aside_list (p, doc, error);
  if (!list)
    return 1;
  g_autoptr (TeemaTable) t =
    teema_table_new (_ ("Set aside by import --replace"));
  const char *cols[] = {
    NC_ ("heading", "id"),    NC_ ("heading", "document"),
    NC_ ("heading", "kind"),  NC_ ("heading", "theme"),
    NC_ ("heading", "coder"), NC_ ("heading", "text"),
    NC_ ("heading", "note"),  NC_ ("heading", "set aside")
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cols); i++)
    teema_table_add_column_heading (t, cols[i], CLI_HEADING (cols[i]),
                                    i ? TEEMA_COLUMN_TEXT : TEEMA_COLUMN_INT);
  for (guint i = 0; i < list->len; i++)
    add_aside_row (t, list->pdata[i], fmt);
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

int
cmd_document (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "list", document_list, N_ ("list documents") },
    { "rename", document_rename, N_ ("give a document a new name") },
    { "remove", document_remove,
      N_ ("remove a document with its codings and memos") },
    { "aside", document_aside,
      N_ ("codings and memos set aside by import --replace") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "document", argc, argv, g, error);
}
