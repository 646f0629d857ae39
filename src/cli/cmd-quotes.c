/* cmd-quotes.c — teema quotes: quotes for a thesis draft, as a document
 * (Markdown, LaTeX, HTML, DOCX, ODT) or a table (CSV, TSV, JSON, the
 * terminal), chosen by --format or by the -o file's extension. */
#include "cli.h"

#include <string.h>
#include <unistd.h>

typedef struct {
  gboolean document;  /* a document, else a table */
  TeemaDocFormat doc; /* when document */
  TeemaFormat table;  /* otherwise */
} QuoteFormat;

/* The format by name: a document format or a table format. */
static gboolean
format_by_name (const char *name, QuoteFormat *f)
{
  f->document = teema_doc_format_parse (name, &f->doc, NULL);
  return f->document || teema_format_parse (name, &f->table, NULL);
}

/* The format by the output's extension; FALSE for one teema does not
 * write, TRUE with *known FALSE for no extension. */
static gboolean
format_by_path (const char *path, QuoteFormat *f, gboolean *known)
{
  const char *base = strrchr (path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr (base, '.');
  *known = dot && dot != base;
  if (!*known)
    return TRUE;
  f->document = teema_doc_format_for_path (path, &f->doc);
  return f->document || teema_format_for_path (path, &f->table, NULL);
}

static gboolean
same_format (const QuoteFormat *a, const QuoteFormat *b)
{
  return a->document == b->document
         && (a->document ? a->doc == b->doc : a->table == b->table);
}

/* --format and -o together: each must be one teema writes, and they
 * must agree. Default: Markdown. */
static int
choose_format (const char *format, const char *output, QuoteFormat *f,
               GError **error)
{
  QuoteFormat by_path = { TRUE, TEEMA_DOC_MARKDOWN, TEEMA_FORMAT_TABLE };
  gboolean known = FALSE;
  *f = by_path;
  if (format && !format_by_name (format, f))
    return cli_usage (error,
                      _ ("unknown format '%s': use md, latex, html, docx, odt, "
                         "csv, tsv, json or table"),
                      format);
  if (output && !g_str_equal (output, "-")
      && !format_by_path (output, &by_path, &known))
    return cli_usage (error,
                      _ ("%s: teema does not write that kind of file: name it "
                         ".md, .tex, .html, .docx, .odt, .csv, .tsv, .json or "
                         ".txt"),
                      output);
  if (known && format && !same_format (f, &by_path))
    return cli_usage (error,
                      _ ("--format %s does not match the file name %s: change "
                         "one of them"),
                      format, output);
  if (known && !format)
    *f = by_path;
  return 0;
}

/* --labels code|group|ATTRIBUTE. */
static void
label_scheme (const char *labels, TeemaQuoteDocOptions *opt)
{
  if (!labels || g_str_equal (labels, "code"))
    opt->labels = TEEMA_LABEL_CODE;
  else if (g_str_equal (labels, "group"))
    opt->labels = TEEMA_LABEL_GROUP;
  else {
    opt->labels = TEEMA_LABEL_ATTRIBUTE;
    opt->label_attribute = labels;
  }
}

/* The document, written to output (or stdout) as it is made. */
static int
write_document (TeemaProject *p, const TeemaQuoteDocOptions *opt,
                TeemaDocFormat format, const char *output, GError **error)
{
  gboolean binary = format == TEEMA_DOC_DOCX || format == TEEMA_DOC_ODT;
  if ((!output || g_str_equal (output, "-")) && binary
      && isatty (STDOUT_FILENO))
    return cli_usage (error, _ ("a DOCX or ODT document goes to a file: give "
                                "-o FILE"));
  CliSink *sink = cli_sink_new (output);
  gboolean ok =
    teema_quotes_write_document (p, opt, format, cli_sink_write, sink, error);
  return cli_sink_finish (sink, ok, ok ? error : NULL) ? 0 : 1;
}

int
cmd_quotes (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *group = NULL, *coder = NULL, *format = NULL, *output = NULL;
  const char *lang = NULL, *by = NULL, *labels = NULL, *names = NULL;
  const char *title = NULL;
  char **themes = NULL, **informants = NULL, **where = NULL; /* cli_parse's */
  gboolean no_children = FALSE, all = FALSE, pseudonymise = FALSE;
  int max_length = 0, context = 0;
  GOptionEntry entries[] = {
    { "theme", 't', 0, G_OPTION_ARG_STRING_ARRAY, &themes,
      N_ ("this theme and its sub-themes (repeat for more; default: all)"),
      N_ ("THEME") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_ ("every theme (the default)"),
      NULL },
    { "informant", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &informants,
      N_ ("only this informant (repeat for more)"), N_ ("ID") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_ ("only this group"),
      N_ ("GROUP") },
    CLI_OPT_WHERE (where),
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder, N_ ("only this coder"),
      N_ ("NAME") },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &by,
      N_ ("theme (default), informant, or an attribute: a heading per value "
          "under each theme"),
      N_ ("UNIT") },
    { "context", 'C', 0, G_OPTION_ARG_INT, &context,
      N_ ("with a coded part of a turn, also N of the turn's sentences before "
          "and after it"),
      "N" },
    { "max-length", 'm', 0, G_OPTION_ARG_INT, &max_length,
      N_ ("shorten quotes to whole sentences within N characters, marking "
          "the cut with --"),
      "N" },
    { "labels", 'L', 0, G_OPTION_ARG_STRING, &labels,
      N_ ("code (H3, default), group (customer 2) or an attribute such as "
          "pseudonym"),
      N_ ("SCHEME") },
    { "pseudonymise", 'P', 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_ ("replace personal names (see 'teema names')"), NULL },
    { "names", 'k', 0, G_OPTION_ARG_FILENAME, &names,
      N_ ("the name key (name = pseudonym); implies --pseudonymise"),
      N_ ("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_ ("the document's title"),
      N_ ("TEXT") },
    { "no-children", 0, 0, G_OPTION_ARG_NONE, &no_children,
      N_ ("leave out codings of sub-themes of a --theme"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("md (default), latex, html, docx, odt, csv, tsv, json or table"),
      N_ ("FORMAT") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_ ("theme labels and the document's words: fi or en (default: "
          "teema's language)"),
      N_ ("LANG") },
    CLI_OPT_OUTPUT (output),
    G_OPTION_ENTRY_NULL,
  };
  QuoteFormat f;
  if (!cli_parse (
        &argc, &argv, entries, "",
        N_ ("Quotes for a thesis draft in the thesis convention: each "
            "quote an indented paragraph ending in (H3), under a "
            "heading per theme with how many informants mention it. "
            "The format follows --format or the -o file's extension."),
        error))
    return 2;
  int rc = choose_format (format, output, &f, error);
  if (rc)
    return rc;
  if (!cli_set_language (g, lang, error))
    return 2;
  lang = g->lang;
  if (themes && all)
    return cli_usage (error, _ ("--theme or --all, not both"));
  if (max_length < 0)
    return cli_usage (error, _ ("--max-length must be at least 1"));
  if (context < 0)
    return cli_usage (error, _ ("--context counts sentences: 0 or more"));
  g_autoptr (TeemaNameKey) key =
    names ? teema_name_key_load (names, error) : NULL;
  if (names && !key)
    return 1;
  TeemaQuoteDocOptions opt = {
    .themes = (const char *const *) themes,
    .informants = (const char *const *) informants,
    .group = group,
    .where = (const char *const *) where,
    .coder = coder,
    .lang = lang,
    .by = by,
    .max_chars = (guint) max_length,
    .context = (guint) context,
    .pseudonymise = pseudonymise || names,
    .names = key,
    .title = title,
    .no_children = no_children,
  };
  label_scheme (labels, &opt);
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  if (!f.document && !teema_table_format_streams (f.table)) {
    g_autoptr (TeemaTable) t = teema_quotes_table (p, &opt, error);
    return t && cli_write_table (g, t, f.table, output, error) ? 0 : 1;
  }
  if (!f.document) { /* CSV, TSV, JSON: written as they are made */
    CliSink *sink = cli_sink_new (output);
    gboolean ok =
      teema_quotes_write_table (p, &opt, f.table, cli_sink_write, sink, error);
    return cli_sink_finish (sink, ok, ok ? error : NULL) ? 0 : 1;
  }
  return write_document (p, &opt, f.doc, output, error);
}
