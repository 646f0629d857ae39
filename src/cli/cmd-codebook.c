/* cmd-codebook.c — teema codebook import|list|show|export. Importing an
 * edited file updates the project's themes in place: a theme renamed in
 * the file says so with "renamed-from: OLD" (or --rename OLD=NEW), so its
 * codings follow instead of being dropped. */
#include "cli.h"

#include <stdio.h>

static int
codebook_import (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean force = FALSE;
  char **renames = NULL;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_ ("drop themes missing from FILE even if they have codings"), NULL },
    { "rename", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &renames,
      N_ ("theme OLD of the project is NEW in FILE: keep its codings "
          "(repeatable; or write 'renamed-from: OLD' in NEW's block)"),
      N_ ("OLD=NEW") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("FILE"),
                  N_ ("Loads a codebook (text, or REFI-QDA .qdc); themes are "
                      "matched by id, so codings "
                      "of kept themes stay."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema codebook import FILE"));
  const TeemaFileFormat *f = teema_file_format_detect (argv[1], error);
  if (!f)
    return 1;
  g_autoptr (TeemaCodebook) cb = f->kind == TEEMA_FILE_CODEBOOK
                                   ? teema_codebook_load_qdc (argv[1], error)
                                   : teema_codebook_load (argv[1], error);
  if (!cb)
    return 1;
  for (guint i = 0; renames && renames[i]; i++) {
    g_auto (GStrv) pair = g_strsplit (renames[i], "=", 2);
    if (!pair[1])
      return cli_usage (error, _ ("--rename wants OLD=NEW, got '%s'"),
                        renames[i]);
    if (!teema_codebook_mark_renamed (cb, pair[0], pair[1], error))
      return 1;
  }
  g_autoptr (TeemaProject) p = cli_open (g, error);
  TeemaCodebookChanges changes = { 0 };
  if (!p || !teema_codebook_apply (p, cb, force, &changes, error))
    return 1;
  if (!g->quiet) {
    printf (_ ("%s: %u themes loaded\n"), argv[1], teema_codebook_size (cb));
    for (guint i = 0; i < changes.notes->len; i++)
      printf ("  %s\n", (char *) changes.notes->pdata[i]);
  }
  teema_codebook_changes_clear (&changes);
  return 0;
}

static int
codebook_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table", *lang = NULL;
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_LANG (lang),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "", N_ ("Lists the themes."), error)
      || !teema_format_parse (format, &fmt, error)
      || !cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  if (!cb)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (teema_codebook_name (cb));
  teema_table_add_column_heading (t, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "label", C_ ("heading", "label"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "parent", C_ ("heading", "parent"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "rules", C_ ("heading", "rules"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "excludes", C_ ("heading", "excludes"),
                                  TEEMA_COLUMN_INT);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *th = teema_codebook_theme (cb, i);
    g_autofree char *indent = g_strnfill (th->depth * 2, ' ');
    g_autofree char *code =
      g_strconcat (fmt == TEEMA_FORMAT_TABLE ? indent : "", th->code, NULL);
    teema_table_add_row (t);
    teema_table_add_text (t, code);
    teema_table_add_text (t, teema_theme_label (th, lang));
    teema_table_add_text (t, th->parent);
    teema_table_add_int (t, th->rules->len);
    teema_table_add_int (t, th->excludes->len);
  }
  if (teema_codebook_size (cb) == 0)
    teema_table_add_note (t, _ ("No themes yet: add one with 'teema theme add "
                                "ID', or load a codebook with 'teema codebook "
                                "import FILE'."));
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

static int
codebook_show (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("THEME"), N_ ("Shows one theme."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema codebook show THEME"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  if (!cb)
    return 1;
  const TeemaTheme *t = teema_codebook_find (cb, argv[1], error);
  if (!t)
    return 1;
  printf (_ ("theme %s\n"), t->code);
  printf (_ ("  parent:      %s\n"), t->parent ? t->parent : "-");
  printf (_ ("  label.fi:    %s\n"), t->label_fi ? t->label_fi : "-");
  printf (_ ("  label.en:    %s\n"), t->label_en ? t->label_en : "-");
  printf (_ ("  colour:      %s\n"), t->colour ? t->colour : "-");
  printf (_ ("  description: %s\n"), t->description ? t->description : "-");
  printf (_ ("  scope:       %s\n"), teema_scope_name (t->scope));
  for (guint i = 0; i < t->rules->len; i++)
    printf (_ ("  rule:        %s\n"), (char *) t->rules->pdata[i]);
  for (guint i = 0; i < t->excludes->len; i++)
    printf (_ ("  exclude:     %s\n"), (char *) t->excludes->pdata[i]);
  return 0;
}

static int
codebook_export (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("write to FILE instead of standard output"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Writes the codebook in the text format."), error))
    return 2;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  if (!cb)
    return 1;
  g_autofree char *text = teema_codebook_to_text (cb);
  return cli_output (output, text, error) ? 0 : 1;
}

int
cmd_codebook (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "import", codebook_import, N_ ("load a codebook file into the project") },
    { "list", codebook_list, N_ ("list the themes") },
    { "show", codebook_show, N_ ("show one theme with its rules") },
    { "export", codebook_export, N_ ("write the codebook as text") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "codebook", argc, argv, g, error);
}
