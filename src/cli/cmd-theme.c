/* cmd-theme.c — teema theme add|set|rename|move|merge|remove|list:
 * changing themes one at a time while coding (inductive coding), without
 * a codebook file. Each subcommand is one library call, one transaction;
 * a theme is named by its id or its label. */
#include "cli.h"

#include <stdio.h>

/* --label: the label in the project's language (Finnish unless the
 * project says English), unless that label was given as well. */
static gboolean
project_label (TeemaProject *p, const char *label, TeemaThemeFields *f,
               GError **error)
{
  if (!label)
    return TRUE;
  g_autofree char *lang = teema_project_get_setting (p, "language");
  gboolean en = lang && g_str_equal (lang, "en");
  const char **slot = en ? &f->label_en : &f->label_fi;
  if (*slot) {
    cli_usage (error, _ ("give --label or --label-%s, not both"),
               en ? "en" : "fi");
    return FALSE;
  }
  *slot = label;
  return TRUE;
}

static int
theme_add (int argc, char **argv, CliGlobals *g, GError **error)
{
  TeemaThemeFields f = { 0 };
  const char *label = NULL;
  GOptionEntry entries[] = {
    { "parent", 'P', 0, G_OPTION_ARG_STRING, &f.parent,
      N_ ("under this theme (id or label)"), N_ ("THEME") },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label,
      N_ ("label in the project's language"), N_ ("TEXT") },
    { "label-fi", 0, 0, G_OPTION_ARG_STRING, &f.label_fi, N_ ("Finnish label"),
      N_ ("TEXT") },
    { "label-en", 0, 0, G_OPTION_ARG_STRING, &f.label_en, N_ ("English label"),
      N_ ("TEXT") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &f.colour, N_ ("colour for charts"),
      N_ ("#RRGGBB") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &f.description,
      N_ ("what the theme means"), N_ ("TEXT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &f.scope,
      N_ ("what its rules see: segment (default) or sentence"), N_ ("SCOPE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("ID"),
                  N_ ("Adds a theme. An id is letters (ä, ö, å too), digits, "
                      "'_', '-' or '.'."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema theme add ID [--parent THEME]"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !project_label (p, label, &f, error)
      || !teema_theme_add (p, argv[1], &f, error))
    return 1;
  if (!g->quiet) {
    if (f.parent)
      printf (_ ("added theme %s under %s\n"), argv[1], f.parent);
    else
      printf (_ ("added theme %s\n"), argv[1]);
  }
  return 0;
}

static int
theme_set (int argc, char **argv, CliGlobals *g, GError **error)
{
  TeemaThemeFields f = { 0 };
  char **rules = NULL, **excludes = NULL;
  const char *label = NULL;
  GOptionEntry entries[] = {
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label,
      N_ ("label in the project's language ('' clears it)"), N_ ("TEXT") },
    { "add-rule", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rules,
      N_ ("add a keyword rule (then run teema autocode)"), N_ ("RULE") },
    { "add-exclude", 0, 0, G_OPTION_ARG_STRING_ARRAY, &excludes,
      N_ ("add an exclusion: words that may not count for the theme"),
      N_ ("RULE") },
    { "label-fi", 0, 0, G_OPTION_ARG_STRING, &f.label_fi,
      N_ ("Finnish label ('' clears it)"), N_ ("TEXT") },
    { "label-en", 0, 0, G_OPTION_ARG_STRING, &f.label_en,
      N_ ("English label ('' clears it)"), N_ ("TEXT") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &f.colour, N_ ("colour for charts"),
      N_ ("#RRGGBB") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &f.description,
      N_ ("what the theme means"), N_ ("TEXT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &f.scope,
      N_ ("what its rules see: segment (the whole segment) or sentence (each "
          "sentence on its own; then run teema autocode)"),
      N_ ("SCOPE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("THEME"),
                  N_ ("Sets a theme's labels, colour, description or rule "
                      "scope, or adds rules."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error,
                      _ ("usage: teema theme set THEME --label-fi TEXT"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !project_label (p, label, &f, error)
      || !teema_theme_update (p, argv[1], &f, error))
    return 1;
  for (guint i = 0; rules && rules[i]; i++)
    if (!teema_theme_add_rule (p, argv[1], rules[i], FALSE, error))
      return 1;
  for (guint i = 0; excludes && excludes[i]; i++)
    if (!teema_theme_add_rule (p, argv[1], excludes[i], TRUE, error))
      return 1;
  if (!g->quiet)
    printf (_ ("updated theme %s\n"), argv[1]);
  return 0;
}

static int
theme_rename (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("THEME NEW-ID"),
                  N_ ("Gives a theme a new id; its codings, rules and "
                      "sub-themes follow."),
                  error))
    return 2;
  if (argc != 3)
    return cli_usage (error, _ ("usage: teema theme rename THEME NEW-ID"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !teema_theme_rename (p, argv[1], argv[2], error))
    return 1;
  if (!g->quiet)
    printf (_ ("renamed theme %s to %s\n"), argv[1], argv[2]);
  return 0;
}

static int
theme_move (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *parent = NULL;
  gboolean top = FALSE;
  GOptionEntry entries[] = {
    { "parent", 'P', 0, G_OPTION_ARG_STRING, &parent,
      N_ ("the new parent (id or label)"), N_ ("THEME") },
    { "top", 0, 0, G_OPTION_ARG_NONE, &top, N_ ("to the top level"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("THEME"),
                  N_ ("Moves a theme under another, or to the top level."),
                  error))
    return 2;
  if (argc != 2 || !parent == !top)
    return cli_usage (
      error, _ ("usage: teema theme move THEME --parent THEME | --top"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p || !teema_theme_move (p, argv[1], parent, error))
    return 1;
  if (!g->quiet) {
    if (parent)
      printf (_ ("moved theme %s under %s\n"), argv[1], parent);
    else
      printf (_ ("moved theme %s to the top\n"), argv[1]);
  }
  return 0;
}

static int
theme_merge (int argc, char **argv, CliGlobals *g, GError **error)
{
  if (!cli_parse (&argc, &argv, NULL, N_ ("THEME INTO"),
                  N_ ("Merges THEME into INTO: its codings, rejections, rules "
                      "and sub-themes move to INTO, and THEME is removed."),
                  error))
    return 2;
  if (argc != 3)
    return cli_usage (error, _ ("usage: teema theme merge THEME INTO"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  TeemaThemeMerge m = { 0 };
  if (!p || !teema_theme_merge (p, argv[1], argv[2], &m, error))
    return 1;
  if (!g->quiet) {
    g_autofree char *codings = cli_count (m.n_codings, "coding", "codings");
    g_autofree char *rules = cli_count (m.n_rules, "rule", "rules");
    g_autofree char *children =
      cli_count (m.n_children, "sub-theme", "sub-themes");
    g_autofree char *more =
      m.n_duplicates ? g_strdup_printf (
        _ (" (%u more were already coded with %s)"), m.n_duplicates, argv[2])
                     : g_strdup ("");
    /* TRANSLATORS: "merged a into b: 3 codings moved (1 more were already
     * coded with b), 2 rules, 0 sub-themes". */
    printf (_ ("merged %s into %s: %s moved%s, %s, %s\n"), argv[1], argv[2],
            codings, more, rules, children);
  }
  return 0;
}

static int
theme_remove (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_ ("remove it even when coded, with its codings"), NULL },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("THEME"),
                  N_ ("Removes a theme; its sub-themes move up to its parent."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema theme remove THEME [--force]"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  guint n = 0;
  if (!p || !teema_theme_remove (p, argv[1], force, &n, error))
    return 1;
  if (!g->quiet) {
    if (n)
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "removed theme %s and its %u coding\n",
                           "removed theme %s and its %u codings\n", n),
              argv[1], n);
    else
      printf (_ ("removed theme %s\n"), argv[1]);
  }
  return 0;
}

static int
theme_list (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *format = "table", *lang = NULL;
  GOptionEntry entries[] = {
    CLI_OPT_FORMAT (format),
    CLI_OPT_LANG (lang),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Lists the themes with their codings."), error)
      || !teema_format_parse (format, &fmt, error)
      || !cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  g_autoptr (GHashTable) counts =
    cb ? teema_theme_coding_counts (p, error) : NULL;
  if (!counts)
    return 1;
  g_autoptr (TeemaTable) t = teema_table_new (NULL);
  teema_table_add_column_heading (t, "theme", C_ ("heading", "theme"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "label", C_ ("heading", "label"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "parent", C_ ("heading", "parent"),
                                  TEEMA_COLUMN_TEXT);
  teema_table_add_column_heading (t, "codings", C_ ("heading", "codings"),
                                  TEEMA_COLUMN_INT);
  teema_table_add_column_heading (t, "rules", C_ ("heading", "rules"),
                                  TEEMA_COLUMN_INT);
  for (guint i = 0; i < teema_codebook_size (cb); i++) {
    const TeemaTheme *th = teema_codebook_theme (cb, i);
    g_autofree char *indent = g_strnfill (th->depth * 2, ' ');
    g_autofree char *code =
      g_strconcat (fmt == TEEMA_FORMAT_TABLE ? indent : "", th->code, NULL);
    const char *label = teema_theme_label (th, lang);
    teema_table_add_row (t);
    teema_table_add_text (t, code);
    teema_table_add_text (t, g_str_equal (label, th->code) ? NULL : label);
    teema_table_add_text (t, th->parent);
    teema_table_add_int (
      t, GPOINTER_TO_UINT (g_hash_table_lookup (counts, th->code)));
    teema_table_add_int (t, th->rules->len);
  }
  if (teema_codebook_size (cb) == 0)
    teema_table_add_note (t, _ ("No themes yet: add one with 'teema theme add "
                                "ID', or load a codebook with 'teema codebook "
                                "import FILE'."));
  return cli_write_table (g, t, fmt, NULL, error) ? 0 : 1;
}

int
cmd_theme (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "add", theme_add,
      N_ ("add a theme: ID [--parent THEME] [--label-fi ...]") },
    { "set", theme_set,
      N_ ("set a theme's labels, colour, description or scope") },
    { "rename", theme_rename, N_ ("give a theme a new id: THEME NEW-ID") },
    { "move", theme_move, N_ ("move a theme: THEME --parent THEME | --top") },
    { "merge", theme_merge, N_ ("merge a theme into another: THEME INTO") },
    { "remove", theme_remove, N_ ("remove a theme (--force if it is coded)") },
    { "list", theme_list, N_ ("list the themes with their codings") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "theme", argc, argv, g, error);
}
