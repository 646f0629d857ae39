/* main.c — the teema command: global options, the dispatch table, and the
 * one place errors are printed and turned into exit codes
 * (0 success, 1 error, 2 usage). */
#include "cli.h"

#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

static const CliCommand commands[] = {
  { "init", cmd_init, N_ ("create a new project file") },
  { "import", cmd_import, N_ ("import transcripts or a REFI-QDA project") },
  { "export", cmd_export,
    N_ ("export the project (.qdpx) or codebook (.qdc)") },
  { "informant", cmd_informant,
    N_ ("list, rename or remove informants; set attributes") },
  { "document", cmd_document, N_ ("list, rename or remove documents") },
  { "segments", cmd_segments, N_ ("list segments") },
  { "codebook", cmd_codebook,
    N_ ("import, list, show or export the codebook") },
  { "theme", cmd_theme, N_ ("add, rename, move, merge or remove themes") },
  { "autocode", cmd_autocode, N_ ("code segments with the codebook's rules") },
  { "report", cmd_report,
    N_ ("themes, compare, keyness, ...; all: every report") },
  { "chart", cmd_chart, N_ ("heatmap or grouped bars as SVG, PNG or PDF") },
  { "quotes", cmd_quotes,
    N_ ("quotes for a thesis draft: md, tex, docx, odt") },
  { "names", cmd_names, N_ ("personal names per informant, for pseudonyms") },
  { "coding", cmd_coding, N_ ("add, remove or list codings") },
  { "suggestions", cmd_suggestions, N_ ("open rule suggestions for a coder") },
  { "rules", cmd_rules, N_ ("test a rule; suggest rules from your coding") },
  { "search", cmd_search, N_ ("segments matching a rule, keyword in context") },
  { "evaluate", cmd_evaluate, N_ ("precision, recall and F1 of the rules") },
  { "agreement", cmd_agreement, N_ ("inter-coder agreement: kappa, alpha") },
  { "memo", cmd_memo, N_ ("set, list or remove memos on segments") },
  { "merge", cmd_merge, N_ ("merge codings and memos from a copy") },
  { "code", cmd_code, N_ ("code segments interactively (terminal UI)") },
  { NULL, NULL, NULL },
};

static void
usage (FILE *out)
{
  fprintf (out, _ ("Usage: teema [-p PROJECT] COMMAND [OPTIONS...]\n\n"
                   "Qualitative analysis of theme interviews.\n\nCommands:\n"));
  for (const CliCommand *c = commands; c->name; c++)
    fprintf (out, "  %-11s %s\n", c->name, _ (c->summary));
  cli_print_formats (out);
  fprintf (out, _ ("\nOptions:\n"
                   "  -p, --project FILE  the project (default: $TEEMA_PROJECT "
                   "or project.teema)\n"
                   "  -q, --quiet         no progress or summaries (anywhere)\n"
                   "  --lang fi|en        the language of messages, headings "
                   "and theme labels\n"
                   "                      (default: $TEEMA_LANG, else the "
                   "locale: LANG, ...)\n"
                   "  --width N           fit terminal tables to N columns "
                   "(0: no limit)\n\n"
                   "Run 'teema COMMAND --help' for a command's options.\n"));
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

/* The value of a global option that takes one: "--name VALUE" or
 * "--name=VALUE" at argv[*i] (advancing *i past it), else NULL. */
static const char *
global_value (int argc, char **argv, int *i, const char *name)
{
  gsize n = strlen (name);
  if (g_str_equal (argv[*i], name) && *i + 1 < argc)
    return argv[++*i];
  if (strncmp (argv[*i], name, n) == 0 && argv[*i][n] == '=')
    return argv[*i] + n + 1;
  return NULL;
}

typedef enum {
  GLOBALS_RUN,
  GLOBALS_HELP,
  GLOBALS_VERSION,
} GlobalsAction;

/* Takes the global options that come before the command; returns the
 * index of the command, or -1 after setting a usage error. */
static int
parse_globals (int argc, char **argv, CliGlobals *g, GlobalsAction *action,
               GError **error)
{
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *v;
    if (g_str_equal (argv[i], "-p"))
      v = global_value (argc, argv, &i, "-p");
    else
      v = global_value (argc, argv, &i, "--project");
    if (v) {
      g->project = v;
      continue;
    }
    if ((v = global_value (argc, argv, &i, "--lang"))) {
      if (!cli_set_language (g, v, error))
        return -1;
    } else if ((v = global_value (argc, argv, &i, "--width"))) {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (v, &end, 10);
      if (!*v || *end || n < 0 || n > 100000) {
        cli_usage (error,
                   _ ("--width takes a number of columns (0: no limit)"));
        return -1;
      }
      g->width = (int) n;
    } else if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
      *action = GLOBALS_HELP;
    else if (g_str_equal (argv[i], "--version"))
      *action = GLOBALS_VERSION;
    else {
      cli_usage (error, _ ("unknown option %s; see 'teema --help'"), argv[i]);
      return -1;
    }
  }
  return i;
}

/* A report at a million words touches tens of MiB of heap once, and on
 * Linux every 4 KiB page of it is a fault (a third of keyness's time at
 * ten million words). The heap is grown in one 64 MiB step, untouched
 * until used, and that range asked for in transparent huge pages, as
 * glibc's own glibc.malloc.hugetlb=1 does. Where malloc or the kernel
 * does otherwise (a sanitiser's allocator, no brk heap, THP off) this
 * changes nothing. */
static void
heap_in_huge_pages (void)
{
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
  const uintptr_t huge = 2u << 20;
  mallopt (M_TOP_PAD, 64 << 20);
  void *block[8];
  guint n = 0;
  void *start = sbrk (0);
  /* Blocks under the mmap threshold come from the heap's top: the first
   * that does not fit grows it by the pad. */
  while (n < G_N_ELEMENTS (block) && sbrk (0) == start)
    block[n++] = malloc (64 * 1024);
  void *end = sbrk (0);
  uintptr_t from = ((uintptr_t) block[0] + huge - 1) & ~(huge - 1);
  uintptr_t to = (uintptr_t) end & ~(huge - 1);
  if (end != start && block[0] && to > from)
    madvise ((void *) from, to - from, MADV_HUGEPAGE);
  for (guint i = 0; i < n; i++)
    free (block[i]);
#endif
}

int
main (int argc, char **argv)
{
  heap_in_huge_pages ();
  CliGlobals g = { NULL, FALSE, "en", -1 };
  cli_i18n_init (&g);
  g.project = g_getenv ("TEEMA_PROJECT");
  if (!g.project)
    g.project = "project.teema";
  argc = take_quiet (argc, argv, &g);
  GError *error = NULL;
  GlobalsAction action = GLOBALS_RUN;
  int first = parse_globals (argc, argv, &g, &action, &error);
  int rc = 0;
  if (first < 0)
    rc = 2;
  else if (action == GLOBALS_VERSION)
    printf (_ ("teema %s (schema %d)\n"), TEEMA_VERSION,
            teema_project_schema_version ());
  else if (action == GLOBALS_HELP || first >= argc) {
    usage (action == GLOBALS_HELP ? stdout : stderr);
    rc = action == GLOBALS_HELP ? 0 : 2;
  } else
    rc = cli_dispatch (commands, NULL, argc - first + 1, argv + first - 1, &g,
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
