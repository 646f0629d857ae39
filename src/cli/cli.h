/* cli.h — what the subcommands share: the command signature, option
 * parsing, opening the project and writing output.
 *
 * A command returns 0 on success, sets *error and returns 1 on failure, or
 * returns 2 after setting a usage error (CLI_USAGE). main() prints errors
 * once. Commands see only the public library API. */
#ifndef TEEMA_CLI_H
#define TEEMA_CLI_H

#include <glib/gi18n-lib.h> /* _(): the "teema" domain, see lang.c */
#include <stdio.h>
#include <teema/teema.h>

#define CLI_USAGE (cli_usage_quark ())

/* A column name's heading in the reader's language: names are marked
 * with NC_ and the context "heading", and stay English in CSV, TSV and
 * JSON. */
#define CLI_HEADING(name) g_dpgettext2 (GETTEXT_PACKAGE, "heading", (name))
GQuark cli_usage_quark (void);

typedef struct {
  const char *project; /* -p FILE */
  gboolean quiet;
  const char *lang; /* "fi" or "en": messages, headings and theme labels */
  int width;        /* --width N for terminal tables; -1: find out */
} CliGlobals;

typedef int (*CliCommandFunc) (int argc, char **argv, CliGlobals *g,
                               GError **error);

typedef struct {
  const char *name;
  CliCommandFunc fn;
  const char *summary;
} CliCommand;

/* Option entries that many commands share, so they read the same
 * everywhere. */
#define CLI_OPT_FORMAT(var)                                                    \
  {                                                                            \
    "format", 'f', 0, G_OPTION_ARG_STRING, &(var),                             \
      N_ ("table, csv, tsv, json or md"), N_ ("FORMAT")                        \
  }
#define CLI_OPT_OUTPUT(var)                                                    \
  {                                                                            \
    "output", 'o', 0, G_OPTION_ARG_FILENAME, &(var), N_ ("write to FILE"),     \
      N_ ("FILE")                                                              \
  }
#define CLI_OPT_LANG(var)                                                      \
  {                                                                            \
    "lang", 'l', 0, G_OPTION_ARG_STRING, &(var),                               \
      N_ ("theme labels and headings: fi or en (default: teema's "             \
          "language)"),                                                        \
      N_ ("LANG")                                                              \
  }
#define CLI_OPT_WIDTH(var)                                                     \
  {                                                                            \
    "width", 0, 0, G_OPTION_ARG_INT, &(var),                                   \
      N_ ("fit the table to N columns (0: the whole table; default: the "      \
          "terminal's width, whole in a file)"),                               \
      "N"                                                                      \
  }
#define CLI_OPT_CODER(var)                                                     \
  {                                                                            \
    "coder", 'c', 0, G_OPTION_ARG_STRING, &(var),                              \
      N_ ("only this coder's codings (e.g. rules)"), N_ ("NAME")               \
  }

#define CLI_OPT_WHERE(var)                                                     \
  {                                                                            \
    "where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &(var),                        \
      N_ ("only informants with ATTR=VALUE (or ATTR!=VALUE); repeat to "       \
          "combine"),                                                          \
      N_ ("ATTR=VALUE")                                                        \
  }

/* Parses argv with entries; on a bad option sets a usage error. The
 * context's parameter string and summary come from the command; they and
 * the entries' descriptions are translated here (mark them N_()). */
gboolean cli_parse (int *argc, char ***argv, const GOptionEntry *entries,
                    const char *params, const char *summary, GError **error);

/* Frees the option strings cli_parse took (main calls it once). */
void cli_free_options (void);

/* Sets a usage error and returns 2. */
int cli_usage (GError **error, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

TeemaProject *cli_open (CliGlobals *g, GError **error);

/* The codebook file path, or the project's codebook when path is NULL. */
TeemaCodebook *cli_codebook (CliGlobals *g, const char *path, GError **error);

/* Flushes stdout; a failed write (full disk, closed pipe) is an error
 * naming the system's reason. */
gboolean cli_flush_stdout (GError **error);

/* The table format for output: --format when given (it must agree with
 * the extension of output, if that has one), else the extension's (.csv,
 * .tsv, .json, .md, .txt), else fallback. An extension teema does not
 * write, or a mismatch, is a usage error (returns FALSE). */
gboolean cli_table_format (const char *format, const char *output,
                           TeemaFormat fallback, TeemaFormat *fmt,
                           GError **error);

/* The coder a command acts as when not told: $TEEMA_CODER, else the
 * user's login name. */
const char *cli_default_coder (void);

/* Prints format (with %s for path) to say a file was written, unless -q
 * or path is a device or pipe (/dev/stdout: it would join the data). */
void cli_say_written (CliGlobals *g, const char *format, const char *path);

/* Writes text to path atomically, or to stdout when path is NULL or "-". */
gboolean cli_output (const char *path, const char *text, GError **error);
/* The same for len bytes of any data (a DOCX). */
gboolean cli_output_bytes (const char *path, const char *data, gsize len,
                           GError **error);

/* Output written as it is made (a quote document): to stdout when path
 * is NULL or "-"; straight into an existing file that is not a regular
 * one (a device such as /dev/stdout, a FIFO); otherwise into a new
 * temporary file beside path that replaces path only when the output
 * is finished, so that a failure never leaves part of a file at path.
 * Nothing is opened before the first write. */
typedef struct CliSink CliSink;
CliSink *cli_sink_new (const char *path);
/* Writes len bytes of data to the sink (a TeemaOutputFunc); a failed
 * write is an error naming the file and the system's reason. */
gboolean cli_sink_write (const char *data, gsize len, gpointer sink,
                         GError **error);
/* Ends the output and frees sink: when ok, flushes and closes it and
 * puts the file in place (a failure there is an error); when not,
 * removes the temporary file. Returns ok and whether that succeeded. */
gboolean cli_sink_finish (CliSink *sink, gboolean ok, GError **error);

/* Sets the locale and the message catalogue and chooses the language
 * from the environment (lang.c); main calls it first. */
void cli_i18n_init (CliGlobals *g);

/* Changes the language to lang ("fi" or "en"; NULL: no change), for
 * --lang; anything else is a usage error. */
gboolean cli_set_language (CliGlobals *g, const char *lang, GError **error);

/* The width a terminal table is fitted to: --width, else none for a file
 * (output not NULL or "-"), else COLUMNS, else the terminal's width when
 * stdout is one, else none (0). */
guint cli_table_width (CliGlobals *g, const char *output);

/* Renders t as fmt (fitted to cli_table_width) and writes it to output
 * (stdout when NULL or "-"). */
gboolean cli_write_table (CliGlobals *g, const TeemaTable *t, TeemaFormat fmt,
                          const char *output, GError **error);

/* Runs a subcommand from a table: argv[1] names it. */
int cli_dispatch (const CliCommand *table, const char *group, int argc,
                  char **argv, CliGlobals *g, GError **error);

/* The name in table closest to typed (a typo or a prefix), or NULL when
 * none is close enough to suggest. */
const char *cli_nearest (const CliCommand *table, const char *typed);

/* s padded with spaces to width display columns (ä is one column);
 * returns a new string. */
char *cli_pad (const char *s, guint width);

/* The file formats teema reads, from the library's format registry, as
 * a help section. */
void cli_print_formats (FILE *out);

/* Asks on the terminal whether to do action ("remove document X with
 * ..."): 0 for yes (or when yes is already TRUE). Without a terminal to
 * ask on, sets a usage error asking for --yes and returns 2; a "no" sets
 * "cancelled; nothing changed" and returns 1. */
int cli_confirm (gboolean yes, const char *action, GError **error);

/* "3 codings" / "1 coding": a new string, the noun translated as the
 * plural form for n (one and many are the English singular and plural,
 * marked for xgettext by the cli_count:2,3 keyword). */
char *cli_count (guint n, const char *one, const char *many);

/* A progress bar on stderr when it is a terminal. */
void cli_progress (guint64 done, guint64 total, gpointer user_data);

int cmd_init (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_import (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_informant (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_segments (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_codebook (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_autocode (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_report (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_quotes (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_coding (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_rules (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_search (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_evaluate (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_export (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_informant_import (int argc, char **argv, CliGlobals *g, GError **error);
/* teema import of a REFI-QDA project (.qdpx or .qde). */
int cli_import_refi (const char *path, gboolean force, CliGlobals *g,
                     GError **error);
int cmd_agreement (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_merge (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_memo (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_code (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_chart (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_document (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_theme (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_suggestions (int argc, char **argv, CliGlobals *g, GError **error);
int cmd_names (int argc, char **argv, CliGlobals *g, GError **error);
/* teema report all (cmd-report-all.c). */
int cli_report_all (int argc, char **argv, CliGlobals *g, GError **error);

#endif
