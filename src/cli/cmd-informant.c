/* cmd-informant.c — teema informant list|set|rename|remove. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static int
informant_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table";
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", N_ ("Lists informants."), error))
    return 2;
  if (!teema_format_parse (format, &fmt, error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (GPtrArray) list = p ? teema_informant_list (p, error) : NULL;
  if (!list)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (_ ("Informants"));
  teema_table_add_column_heading (t, "informant", C_ ("heading", "informant"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "group", C_ ("heading", "group"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "role", C_ ("heading", "role"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "documents", C_ ("heading", "documents"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "words", C_ ("heading", "words"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "attributes", C_ ("heading", "attributes"),
                                  TEEMA_COLUMN_TEXT);
  for (guint i = 0; i < list->len; i++) {
    TeemaInformant *inf = list->pdata[i];
    g_autoptr (GString) attrs = g_string_new (NULL);
    for (guint k = 0; k < inf->keys->len; k++)
      g_string_append_printf (attrs, "%s%s=%s", k ? " " : "",
                              (char *) inf->keys->pdata[k],
                              (char *) inf->values->pdata[k]);
    teema_table_add_row (t);
    teema_table_add_text (t, inf->code);
    teema_table_add_text (t, inf->group);
    teema_table_add_text (t, inf->role);
    teema_table_add_int (t, inf->n_documents);
    teema_table_add_int (t, inf->n_words);
    teema_table_add_text (t, attrs->str);
  }
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

static int
informant_set (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("ID KEY=VALUE..."),
                  N_ ("Sets attributes (group, role or any key); an empty "
                      "value removes a free attribute."),
                  error))
    return 2;
  if (argc < 3)
    return cli_usage (error, _ ("usage: teema informant set ID KEY=VALUE..."));
  for (int i = 2; i < argc; i++)
    if (!strchr (argv[i], '=') || argv[i][0] == '=')
      return cli_usage (error, _ ("'%s' is not KEY=VALUE"), argv[i]);
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  for (int i = 2; i < argc; i++) {
    g_autofree char *key = g_strndup (argv[i], strchr (argv[i], '=') - argv[i]);
    if (!teema_informant_set_attr (p, argv[1], key, strchr (argv[i], '=') + 1,
                                   error))
      return 1;
  }
  return 0;
}

static int
informant_rename (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("ID NEW-ID"),
                  N_ ("Gives an informant a new id (e.g. the file name an "
                      "import chose, Haastattelu_03, becomes H3)."),
                  error))
    return 2;
  if (argc != 3)
    return cli_usage (error, _ ("usage: teema informant rename ID NEW-ID"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !teema_informant_rename (p, argv[1], argv[2], error))
    return 1;
  if (!g->quiet)
    printf (_ ("renamed informant %s to %s\n"), argv[1], argv[2]);
  return 0;
}

static int
informant_remove (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("do not ask"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("ID"),
                  N_ ("Removes an informant with its attributes, documents, "
                      "codings and memos, in one transaction."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema informant remove ID"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  TeemaRemoval r = { 0 };
  if (!p || !teema_informant_remove (p, argv[1], TRUE, &r, error))
    return 1;
  g_autofree char *d = cli_count (r.n_documents, "document", "documents");
  g_autofree char *s =
    cli_count (r.n_segments, "segment", "segments (both speakers')");
  g_autofree char *c = cli_count (r.n_codings, "coding", "codings");
  g_autofree char *m = cli_count (r.n_memos, "memo", "memos");
  /* TRANSLATORS: "2 documents, 12 segments, 3 codings and 1 memo". */
  g_autofree char *what = g_strdup_printf (_ ("%s, %s, %s and %s"), d, s, c, m);
  g_autofree char *action =
    g_strdup_printf (_ ("remove informant %s with its %s"), argv[1], what);
  int rc = cli_confirm (yes, action, error);
  if (rc)
    return rc;
  if (!teema_informant_remove (p, argv[1], FALSE, &r, error))
    return 1;
  if (!g->quiet)
    printf (_ ("removed informant %s with its %s\n"), argv[1], what);
  return 0;
}

int
cmd_informant (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "list", informant_list, N_ ("list informants and their attributes") },
    { "set", informant_set,
      N_ ("set attributes: teema informant set H1 "
          "group=employee") },
    { "import", cmd_informant_import, N_ ("set attributes from a CSV file") },
    { "rename", informant_rename, N_ ("give an informant a new id") },
    { "remove", informant_remove,
      N_ ("remove an informant with its documents and codings") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "informant", argc, argv, g, error);
}
