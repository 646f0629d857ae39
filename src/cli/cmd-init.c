/* cmd-init.c — teema init: create a project file. */
#include "cli.h"

#include <stdio.h>

int
cmd_init (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *lang = "fi";
  GOptionEntry entries[] = {
    { "language", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_ ("text language: fi (default) or en"), N_ ("LANG") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("[PROJECT]"),
                  N_ ("Creates a project: one SQLite file."), error))
    return 2;
  if (argc > 2)
    return cli_usage (error, _ ("init takes at most one project file"));
  const char *path = argc == 2 ? argv[1] : g->project;
  if (g_strcmp0 (lang, "fi") != 0 && g_strcmp0 (lang, "en") != 0)
    return cli_usage (error, _ ("--language must be fi or en"));
  g_autoptr (TeemaProject) p = teema_project_create (path, error);
  if (!p || !teema_project_set_setting (p, "language", lang, error))
    return 1;
  if (!g->quiet)
    printf (_ ("Created %s (schema %d, language %s)\n"), path,
            teema_project_schema_version (), lang);
  return 0;
}
