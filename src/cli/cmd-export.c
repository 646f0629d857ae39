/* cmd-export.c — teema export qdpx|qdc: the project or its codebook in the
 * REFI-QDA exchange formats. */
#include "cli.h"

#include <stdio.h>

static int
export_qdpx (int argc, char **argv, CliGlobals *g, GError **error)
{
  gboolean pseudonymise = FALSE;
  const char *names = NULL;
  GOptionEntry entries[] = {
    { "pseudonymise", 'P', 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_ ("replace personal names in texts, memos and notes (codings move with "
          "the text)"),
      NULL },
    { "names", 'k', 0, G_OPTION_ARG_FILENAME, &names,
      N_ ("the name key, as for quotes; implies --pseudonymise"), N_ ("FILE") },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("OUT.qdpx"),
                  N_ ("Writes the whole project as a REFI-QDA project archive "
                      "(coders, codebook, informants, documents, codings)."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema export qdpx OUT.qdpx"));
  g_autoptr (TeemaNameKey) key =
    names ? teema_name_key_load (names, error) : NULL;
  if (names && !key)
    return 1;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  gboolean ok =
    p
    && (pseudonymise || names
          ? teema_refi_export_qdpx_pseudonymised (p, argv[1], key, error)
          : teema_refi_export_qdpx (p, argv[1], error));
  if (!ok)
    return 1;
  cli_say_written (g, _ ("%s: written\n"), argv[1]);
  return 0;
}

static int
export_qdc (int argc, char **argv, CliGlobals *g, GError **error)
{
  g_autofree char *summary =
    g_strdup_printf (_ ("Writes the codebook as a REFI-QDA codebook; rules "
                        "are kept in each code's description after '%s'. "
                        "Use - for standard output."),
                     TEEMA_REFI_MARKER);
  if (!cli_parse (&argc, &argv, NULL, "OUT.qdc", summary, error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema export qdc OUT.qdc"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  g_autoptr (TeemaCodebook) cb = p ? teema_codebook_get (p, error) : NULL;
  if (!cb)
    return 1;
  g_autofree char *xml = teema_codebook_to_qdc (cb, error);
  return xml && cli_output (argv[1], xml, error) ? 0 : 1;
}

int
cmd_export (int argc, char **argv, CliGlobals *g, GError **error)
{
  static const CliCommand sub[] = {
    { "qdpx", export_qdpx, N_ ("the project as a REFI-QDA project (.qdpx)") },
    { "qdc", export_qdc, N_ ("the codebook as a REFI-QDA codebook (.qdc)") },
    { NULL, NULL, NULL },
  };
  return cli_dispatch (sub, "export", argc, argv, g, error);
}
