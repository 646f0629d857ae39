/* main.c — the teema command: global options, the dispatch table, and the
 * one place errors are printed and turned into exit codes
 * (0 success, 1 error, 2 usage). */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const CliCommand commands[] = {
  { "init", cmd_init, "create a new project file" },
  { "import", cmd_import, "import transcripts or a REFI-QDA project" },
  { "export", cmd_export, "export the project (.qdpx) or codebook (.qdc)" },
  { "informant", cmd_informant,
    "list, rename or remove informants; set attributes" },
  { "document", cmd_document, "list, rename or remove documents" },
  { "segments", cmd_segments, "list segments" },
  { "codebook", cmd_codebook, "import, list, show or export the codebook" },
  { "theme", cmd_theme, "add, rename, move, merge or remove themes" },
  { "autocode", cmd_autocode, "code segments with the codebook's rules" },
  { "report", cmd_report, "themes, compare, keyness, ...; all: every report" },
  { "chart", cmd_chart, "heatmap or grouped bars as SVG, PNG or PDF" },
  { "quotes", cmd_quotes, "quotes for a thesis draft: md, tex, docx, odt" },
  { "names", cmd_names, "personal names per informant, for pseudonyms" },
  { "coding", cmd_coding, "add, remove or list codings" },
  { "suggestions", cmd_suggestions, "open rule suggestions for a coder" },
  { "rules", cmd_rules, "test a rule; suggest rules from your coding" },
  { "search", cmd_search, "segments matching a rule, keyword in context" },
  { "evaluate", cmd_evaluate, "precision, recall and F1 of the rules" },
  { "agreement", cmd_agreement, "inter-coder agreement: kappa, alpha" },
  { "memo", cmd_memo, "set, list or remove memos on segments" },
  { "merge", cmd_merge, "merge codings and memos from a copy" },
  { "code", cmd_code, "code segments interactively (terminal UI)" },
  { NULL, NULL, NULL },
};

static void
usage (FILE *out)
{
  fprintf (out, "Usage: teema [-p PROJECT] COMMAND [OPTIONS...]\n\n"
                "Qualitative analysis of theme interviews.\n\nCommands:\n");
  for (const CliCommand *c = commands; c->name; c++)
    fprintf (out, "  %-11s %s\n", c->name, c->summary);
  cli_print_formats (out);
  fprintf (out, "\nOptions:\n"
                "  -p, --project FILE  the project (default: $TEEMA_PROJECT "
                "or project.teema)\n"
                "  -q, --quiet         no progress or summaries (anywhere)\n\n"
                "Run 'teema COMMAND --help' for a command's options.\n");
}

/* Takes -q/--quiet wherever it stands (before a "--"), so that
 * "teema report themes -q" works as "teema -q report themes"; returns the
 * new argc. Subcommands have no option of that name. */
static int
take_quiet (int argc, char **argv, CliGlobals *g)
{
  int out = 1;
  gboolean rest = FALSE;
  for (int i = 1; i < argc; i++) {
    rest |= g_str_equal (argv[i], "--");
    if (!rest
        && (g_str_equal (argv[i], "-q") || g_str_equal (argv[i], "--quiet")))
      g->quiet = TRUE;
    else
      argv[out++] = argv[i];
  }
  argv[out] = NULL;
  return out;
}

/* Takes the global options that come before the command. */
static int
parse_globals (int argc, char **argv, CliGlobals *g)
{
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    if ((g_str_equal (argv[i], "-p") || g_str_equal (argv[i], "--project"))
        && i + 1 < argc)
      g->project = argv[++i];
    else if (g_str_has_prefix (argv[i], "--project="))
      g->project = argv[i] + strlen ("--project=");
    else if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
      return -1;
    else if (g_str_equal (argv[i], "--version"))
      return -2;
    else
      return -3;
  }
  return i;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  CliGlobals g = { NULL, FALSE };
  g.project = g_getenv ("TEEMA_PROJECT");
  if (!g.project)
    g.project = "project.teema";
  argc = take_quiet (argc, argv, &g);
  int first = parse_globals (argc, argv, &g);
  if (first == -1 || (first > 0 && first >= argc)) {
    usage (first == -1 ? stdout : stderr);
    return first == -1 ? 0 : 2;
  }
  if (first == -2) {
    printf ("teema %s (schema %d)\n", TEEMA_VERSION,
            teema_project_schema_version ());
    return 0;
  }
  if (first < 0) {
    fprintf (stderr, "teema: unknown option; see 'teema --help'\n");
    return 2;
  }
  GError *error = NULL;
  int rc = cli_dispatch (commands, NULL, argc - first + 1, argv + first - 1, &g,
                         &error);
  cli_free_options ();
  /* Output printed with printf is only known to be written once flushed:
   * a full disk or a closed pipe must not look like success. */
  if (!error && !cli_flush_stdout (&error) && rc == 0)
    rc = 1;
  if (error) {
    fprintf (stderr, "teema: %s\n", error->message);
    if (rc == 0)
      rc = error->domain == CLI_USAGE ? 2 : 1;
    g_error_free (error);
  }
  return rc;
}
