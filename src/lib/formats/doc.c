/* formats/doc.c — the document writers: Markdown, LaTeX and HTML here,
 * and the table of formats, their names and extensions and their writers'
 * begin, block and end (DOCX and ODT are in their own files).
 *
 * Markdown: "# title", "##"/"###"/"####" headings, quotes as block
 * quotes ending in the label. LaTeX: a complete article (A4, 12 pt) that
 * pdflatex compiles, quotes in a "teemaquote" environment and labels
 * through \informant, both defined once in the preamble. HTML: one
 * standalone page with the styles in one <style> element. Each block is
 * made in a small buffer and handed to the sink at once. Must always
 * hold: every text run is escaped for its format, so no transcript text
 * can become markup; a block's bytes do not depend on how the blocks
 * before it were cut into sink calls. */
#include "formats/doc-private.h"

#include <string.h>

void
teema_block__add (TeemaBlock *b, const char *text, guint flags)
{
  g_return_if_fail (b->n_runs < TEEMA_BLOCK_RUNS);
  b->runs[b->n_runs++] = (TeemaRun){ text, flags };
}

/* Hands the text made since from to the sink and keeps only the last two
 * bytes written, which Markdown looks at for the start of a line. */
static gboolean
text_flush (TeemaDocWriter *w, gsize from, GError **error)
{
  GString *t = w->text;
  gboolean ok = w->write (t->str + from, t->len - from, w->user_data, error);
  gsize keep = MIN (t->len, 2);
  memmove (t->str, t->str + t->len - keep, keep);
  g_string_truncate (t, keep);
  return ok;
}

/* ---- Markdown ------------------------------------------------------------
 */

/* TRUE when s, at the start of a line, would start a heading, quote,
 * list item or thematic break ("# ", ">", "- ", "+ ", "---"); "-- " (the
 * omission mark) starts none of them and stays as written. */
static gboolean
md_starts_block (const char *s)
{
  gboolean space_after = s[0] && (s[1] == ' ' || s[1] == '\t' || !s[1]);
  switch (s[0]) {
  case '>':
    return TRUE;
  case '#':
    return space_after || s[1] == '#';
  case '+':
    return space_after;
  case '-':
    return space_after || g_str_has_prefix (s, "---");
  default:
    return FALSE;
  }
}

/* Text that Markdown shows as written: emphasis and code characters
 * escaped, and what would start a block at the start of a line; line
 * breaks become spaces. */
static void
md_text (GString *out, const char *s)
{
  gsize n = out->len;
  gboolean start =
    n == 0 || out->str[n - 1] == '\n'
    || (n >= 2 && out->str[n - 2] == '>' && out->str[n - 1] == ' ');
  if (start && md_starts_block (s))
    g_string_append_c (out, '\\');
  /* Runs of plain text are copied whole: a document is mostly them. */
  for (const char *p = s; *p;) {
    gsize plain = strcspn (p, "\\*_`<\n");
    g_string_append_len (out, p, (gssize) plain);
    p += plain;
    if (!*p)
      break;
    if (*p != '\n')
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p == '\n' ? ' ' : *p);
    p++;
  }
}

static void
md_runs (GString *out, const TeemaBlock *b)
{
  for (guint i = 0; i < b->n_runs; i++) {
    const TeemaRun *r = &b->runs[i];
    if (r->flags & TEEMA_RUN_EMPHASIS)
      g_string_append_c (out, '*');
    md_text (out, r->text);
    if (r->flags & TEEMA_RUN_EMPHASIS)
      g_string_append_c (out, '*');
  }
}

static gboolean
md_begin (TeemaDocWriter *w, GError **error)
{
  if (!w->title)
    return TRUE;
  g_string_append (w->text, "# ");
  md_text (w->text, w->title);
  g_string_append (w->text, "\n\n");
  return text_flush (w, 0, error);
}

static gboolean
md_block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  GString *out = w->text;
  gsize from = out->len;
  if (b->style == TEEMA_PARA_HEADING)
    g_string_append_printf (out, "%.*s ", teema_doc__level (b) + 1, "#####");
  else if (b->style == TEEMA_PARA_QUOTE)
    g_string_append (out, "> ");
  md_runs (out, b);
  g_string_append (out, "\n\n");
  return text_flush (w, from, error);
}

static gboolean
md_end (TeemaDocWriter *w, GError **error)
{
  return TRUE;
}

/* ---- LaTeX ----------------------------------------------------------------
 */

static void
tex_text (GString *out, const char *s)
{
  static const struct {
    char c;
    const char *tex;
  } special[] = {
    { '\\', "\\textbackslash{}" },
    { '{', "\\{" },
    { '}', "\\}" },
    { '$', "\\$" },
    { '&', "\\&" },
    { '#', "\\#" },
    { '^', "\\textasciicircum{}" },
    { '_', "\\_" },
    { '%', "\\%" },
    { '~', "\\textasciitilde{}" },
    { '"', "\\textquotedbl{}" }, /* an active character in babel finnish */
    { '<', "\\textless{}" },
    { '>', "\\textgreater{}" },
    { '|', "\\textbar{}" },
    { '\n', " " },
  };
  /* Runs of plain text (no special, no lead byte of a no-break space)
   * are copied whole. */
  static const char stops[] = "\\{}$&#^_%~\"<>|\n\xc2";
  for (const char *p = s; *p;) {
    gsize plain = strcspn (p, stops);
    g_string_append_len (out, p, (gssize) plain);
    p += plain;
    if (!*p)
      break;
    if (g_str_has_prefix (p, "\u00a0")) { /* a no-break space */
      g_string_append_c (out, '~');
      p += 2;
      continue;
    }
    gboolean done = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS (special) && !done; i++)
      if (*p == special[i].c) {
        g_string_append (out, special[i].tex);
        done = TRUE;
      }
    if (!done)
      g_string_append_c (out, *p);
    p++;
  }
}

static void
tex_runs (GString *out, const TeemaBlock *b)
{
  for (guint i = 0; i < b->n_runs; i++) {
    const TeemaRun *r = &b->runs[i];
    const char *wrap = r->flags & TEEMA_RUN_LABEL      ? "\\informant{"
                       : r->flags & TEEMA_RUN_EMPHASIS ? "\\emph{"
                                                       : NULL;
    if (wrap)
      g_string_append (out, wrap);
    tex_text (out, r->text);
    if (wrap)
      g_string_append_c (out, '}');
  }
}

static gboolean
tex_begin (TeemaDocWriter *w, GError **error)
{
  gboolean fi = g_str_equal (w->lang, "fi");
  GString *out = w->text;
  gsize from = out->len;
  g_string_append_printf (
    out,
    "%% Written by teema. Restyle every quote at once by changing the\n"
    "%% teemaquote environment, every informant label with \\informant.\n"
    "\\documentclass[12pt,a4paper]{article}\n"
    "\\usepackage[utf8]{inputenc}\n"
    "\\usepackage[T1]{fontenc}\n"
    "\\usepackage[%s]{babel}\n"
    "\\usepackage[a4paper,margin=2.5cm]{geometry}\n"
    "\\newenvironment{teemaquote}{\\begin{quote}\\small}{\\end{quote}}\n"
    "\\newcommand{\\informant}[1]{#1}\n"
    "\\newcommand{\\themeintro}[1]{\\noindent\\textit{#1}\\par}\n"
    "\\begin{document}\n",
    fi ? "finnish" : "english");
  if (w->title) {
    g_string_append (out, "\\section*{");
    tex_text (out, w->title);
    g_string_append (out, "}\n\n");
  }
  return text_flush (w, from, error);
}

static gboolean
tex_block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  static const char *const sections[] = { "section", "subsection",
                                          "subsubsection" };
  GString *out = w->text;
  gsize from = out->len;
  switch (b->style) {
  case TEEMA_PARA_HEADING:
    g_string_append_printf (out, "\\%s{", sections[teema_doc__level (b) - 1]);
    tex_runs (out, b);
    g_string_append (out, "}\n\n");
    break;
  case TEEMA_PARA_INTRO:
    g_string_append (out, "\\themeintro{");
    tex_runs (out, b);
    g_string_append (out, "}\n\n");
    break;
  case TEEMA_PARA_QUOTE:
    g_string_append (out, "\\begin{teemaquote}\n");
    tex_runs (out, b);
    g_string_append (out, "\n\\end{teemaquote}\n\n");
    break;
  case TEEMA_PARA_BODY:
    tex_runs (out, b);
    g_string_append (out, "\n\n");
    break;
  }
  return text_flush (w, from, error);
}

static gboolean
tex_end (TeemaDocWriter *w, GError **error)
{
  gsize from = w->text->len;
  g_string_append (w->text, "\\end{document}\n");
  return text_flush (w, from, error);
}

/* ---- HTML -----------------------------------------------------------------
 */

static void
html_text (GString *out, const char *s)
{
  g_autofree char *esc = g_markup_escape_text (s, -1);
  g_string_append (out, esc);
}

static void
html_runs (GString *out, const TeemaBlock *b)
{
  for (guint i = 0; i < b->n_runs; i++) {
    const TeemaRun *r = &b->runs[i];
    const char *open = r->flags & TEEMA_RUN_LABEL ? "<span class=\"informant\">"
                       : r->flags & TEEMA_RUN_EMPHASIS ? "<em>"
                                                       : "";
    const char *close = r->flags & TEEMA_RUN_LABEL      ? "</span>"
                        : r->flags & TEEMA_RUN_EMPHASIS ? "</em>"
                                                        : "";
    g_string_append (out, open);
    html_text (out, r->text);
    g_string_append (out, close);
  }
}

static gboolean
html_begin (TeemaDocWriter *w, GError **error)
{
  GString *out = w->text;
  gsize from = out->len;
  g_string_append_printf (
    out,
    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>",
    w->lang);
  html_text (out, w->title ? w->title : "");
  g_string_append (
    out, "</title>\n<style>\n"
         "body { font-family: serif; max-width: 40em; margin: 2em auto; "
         "line-height: 1.5; }\n"
         "p.intro { font-style: italic; }\n"
         "blockquote.quote { margin: 0.8em 2em 0.8em 3em; font-size: 95%; }\n"
         "span.informant { white-space: nowrap; }\n"
         "</style>\n</head>\n<body>\n");
  if (w->title) {
    g_string_append (out, "<h1>");
    html_text (out, w->title);
    g_string_append (out, "</h1>\n");
  }
  return text_flush (w, from, error);
}

static gboolean
html_block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  GString *out = w->text;
  gsize from = out->len;
  guint h = teema_doc__level (b) + 1;
  switch (b->style) {
  case TEEMA_PARA_HEADING:
    g_string_append_printf (out, "<h%u>", h);
    html_runs (out, b);
    g_string_append_printf (out, "</h%u>\n", h);
    break;
  case TEEMA_PARA_INTRO:
    g_string_append (out, "<p class=\"intro\">");
    html_runs (out, b);
    g_string_append (out, "</p>\n");
    break;
  case TEEMA_PARA_QUOTE:
    g_string_append (out, "<blockquote class=\"quote\"><p>");
    html_runs (out, b);
    g_string_append (out, "</p></blockquote>\n");
    break;
  case TEEMA_PARA_BODY:
    g_string_append (out, "<p>");
    html_runs (out, b);
    g_string_append (out, "</p>\n");
    break;
  }
  return text_flush (w, from, error);
}

static gboolean
html_end (TeemaDocWriter *w, GError **error)
{
  gsize from = w->text->len;
  g_string_append (w->text, "</body>\n</html>\n");
  return text_flush (w, from, error);
}

/* ---- the writer ------------------------------------------------------------
 */

/* One row per format: its names, file extensions and writer. */
static const struct {
  const char *name, *alias, *ext, *ext2;
  gboolean (*begin) (TeemaDocWriter *w, GError **error);
  gboolean (*block) (TeemaDocWriter *w, const TeemaBlock *b, GError **error);
  gboolean (*end) (TeemaDocWriter *w, GError **error);
  void (*free) (TeemaDocWriter *w); /* its state, or NULL: none */
} formats[] = {
  [TEEMA_DOC_MARKDOWN] = { "md", "markdown", ".md", ".markdown", md_begin,
                           md_block, md_end, NULL },
  [TEEMA_DOC_LATEX] = { "latex", "tex", ".tex", NULL, tex_begin, tex_block,
                        tex_end, NULL },
  [TEEMA_DOC_HTML] = { "html", NULL, ".html", ".htm", html_begin, html_block,
                       html_end, NULL },
  [TEEMA_DOC_DOCX] = { "docx", NULL, ".docx", NULL, teema_docx__begin,
                       teema_docx__block, teema_docx__end, teema_docx__free },
  [TEEMA_DOC_ODT] = { "odt", NULL, ".odt", NULL, teema_odt__begin,
                      teema_odt__block, teema_odt__end, teema_odt__free },
};

gboolean
teema_doc_format_parse (const char *name, TeemaDocFormat *format,
                        GError **error)
{
  for (gsize i = 0; name && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name)
        || g_strcmp0 (name, formats[i].alias) == 0) {
      *format = (TeemaDocFormat) i;
      return TRUE;
    }
  g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_UNSUPPORTED,
               _ ("unknown document format '%s': use md, latex, html, docx "
                  "or odt"),
               name ? name : "");
  return FALSE;
}

gboolean
teema_doc_format_for_path (const char *path, TeemaDocFormat *format)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  for (gsize i = 0; dot && i < G_N_ELEMENTS (formats); i++)
    if (!g_ascii_strcasecmp (dot, formats[i].ext)
        || (formats[i].ext2 && !g_ascii_strcasecmp (dot, formats[i].ext2))) {
      *format = (TeemaDocFormat) i;
      return TRUE;
    }
  return FALSE;
}

TeemaDocWriter *
teema_doc__writer_new (TeemaDocFormat format, TeemaOutputFunc write,
                       gpointer user_data)
{
  g_return_val_if_fail ((gsize) format < G_N_ELEMENTS (formats), NULL);
  TeemaDocWriter *w = g_new0 (TeemaDocWriter, 1);
  w->format = format;
  w->write = write;
  w->user_data = user_data;
  w->text = g_string_new (NULL);
  return w;
}

void
teema_doc__writer_free (TeemaDocWriter *w)
{
  if (!w)
    return;
  if (formats[w->format].free)
    formats[w->format].free (w);
  g_free (w->title);
  g_free (w->lang);
  g_string_free (w->text, TRUE);
  g_free (w);
}

/* A step that failed leaves the writer good only for freeing. */
static gboolean
step (TeemaDocWriter *w, gboolean ok)
{
  w->failed |= !ok;
  return ok;
}

gboolean
teema_doc__begin (TeemaDocWriter *w, const char *title, const char *lang,
                  GError **error)
{
  g_return_val_if_fail (!w->failed && !w->lang, FALSE);
  w->title = g_strdup (title);
  w->lang = g_strdup (lang && g_str_equal (lang, "en") ? "en" : "fi");
  return step (w, formats[w->format].begin (w, error));
}

gboolean
teema_doc__block (TeemaDocWriter *w, const TeemaBlock *b, GError **error)
{
  g_return_val_if_fail (!w->failed && w->lang, FALSE);
  return step (w, formats[w->format].block (w, b, error));
}

gboolean
teema_doc__end (TeemaDocWriter *w, GError **error)
{
  g_return_val_if_fail (!w->failed && w->lang, FALSE);
  return step (w, formats[w->format].end (w, error));
}
