/* cmd-code.c — teema code: the interactive coder (src/cli/tui). The coder
 * is --coder, else $TEEMA_CODER, else the user name. --script runs a key
 * script on a virtual terminal and prints screen dumps (for tests). */
#include "cli.h"
#include "tui/tui.h"

#include <stdio.h>

int
cmd_code (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *coder = NULL, *informant = NULL, *group = NULL, *theme = NULL;
  const char *script = NULL, *size = "80x24";
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_ ("coder name (default: $TEEMA_CODER or your user name)"),
      N_ ("NAME") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant's segments"), N_ ("ID") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group,
      N_ ("only this group's segments"), "G" },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme,
      N_ ("only segments coded with this theme (by you or the rules)"), "T" },
    { "script", 0, 0, G_OPTION_ARG_FILENAME, &script,
      N_ ("run keys from FILE on a virtual terminal, print screen dumps"),
      N_ ("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_ ("with --script: terminal size (default 80x24)"), N_ ("COLSxROWS") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Codes segments interactively; press ? for the keys."),
                  error))
    return 2;
  int cols = 0, rows = 0;
  if (sscanf (size, "%dx%d", &cols, &rows) != 2 || cols < 20 || rows < 5)
    return cli_usage (error, _ ("--size wants COLSxROWS, e.g. 80x24"));
  if (!coder)
    coder = cli_default_coder ();
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TuiState *st = tui_state_new (p, coder, informant, group, theme, error);
  if (!st)
    return 1;
  int rc = script ? tui_run_script (st, script, cols, rows, error)
                  : tui_run_terminal (st, error);
  tui_state_free (st);
  return rc;
}
