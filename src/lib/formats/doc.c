/* formats/doc.c — the document model, and its Markdown, LaTeX and HTML
 * writers.
 *
 * Markdown: "# title", "##"/"###"/"####" headings, quotes as block
 * quotes ending in the label. LaTeX: a complete article (A4, 12 pt) that
 * pdflatex compiles, quotes in a "teemaquote" environment and labels
 * through \informant, both defined once in the preamble. HTML: one
 * standalone page with the styles in one <style> element. Must always
 * hold: every text run is escaped for its format, so no transcript text
 * can become markup. */
#include "formats/doc-private.h"

#include <string.h>

static void
run_clear (TeemaRun *r)
{
  g_free (r->text);
}

static void
block_free (TeemaBlock *b)
{
  g_array_unref (b->runs);
  g_free (b);
}

TeemaDoc *
teema_doc__new (const char *title, const char *lang)
{
  TeemaDoc *doc = g_new0 (TeemaDoc, 1);
  doc->title = g_strdup (title);
  doc->lang = g_strdup (lang && g_str_equal (lang, "en") ? "en" : "fi");
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return doc;
}

void
teema_doc__free (TeemaDoc *doc)
{
  if (!doc)
    return;
  g_free (doc->title);
  g_free (doc->lang);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static TeemaBlock *
add_block (TeemaDoc *doc, TeemaParaStyle style, guint level)
{
  TeemaBlock *b = g_new0 (TeemaBlock, 1);
  b->style = style;
  b->level = level;
  b->runs = g_array_new (FALSE, FALSE, sizeof (TeemaRun));
  g_array_set_clear_func (b->runs, (GDestroyNotify) run_clear);
  g_ptr_array_add (doc->blocks, b);
  return b;
}

void
teema_doc__heading (TeemaDoc *doc, guint level, const char *text)
{
  add_block (doc, TEEMA_PARA_HEADING, level);
  teema_doc__run (doc, text, 0);
}

void
teema_doc__para (TeemaDoc *doc, TeemaParaStyle style)
{
  add_block (doc, style, 0);
}

void
teema_doc__run (TeemaDoc *doc, const char *text, guint flags)
{
  g_return_if_fail (doc->blocks->len > 0);
  TeemaBlock *b = doc->blocks->pdata[doc->blocks->len - 1];
  TeemaRun r = { g_strdup (text), flags };
  g_array_append_val (b->runs, r);
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
  for (const char *p = s; *p; p++) {
    if (strchr ("\\*_`<", *p))
      g_string_append_c (out, '\\');
    else if (start && p == s && md_starts_block (p))
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p == '\n' ? ' ' : *p);
  }
}

static void
md_runs (GString *out, const TeemaBlock *b)
{
  for (guint i = 0; i < b->runs->len; i++) {
    const TeemaRun *r = &g_array_index (b->runs, TeemaRun, i);
    if (r->flags & TEEMA_RUN_EMPHASIS)
      g_string_append_c (out, '*');
    md_text (out, r->text);
    if (r->flags & TEEMA_RUN_EMPHASIS)
      g_string_append_c (out, '*');
  }
}

char *
teema_doc__markdown (const TeemaDoc *doc)
{
  GString *out = g_string_new (NULL);
  if (doc->title) {
    g_string_append (out, "# ");
    md_text (out, doc->title);
    g_string_append (out, "\n\n");
  }
  for (guint i = 0; i < doc->blocks->len; i++) {
    const TeemaBlock *b = doc->blocks->pdata[i];
    if (b->style == TEEMA_PARA_HEADING)
      g_string_append_printf (out, "%.*s ", teema_doc__level (b) + 1, "#####");
    else if (b->style == TEEMA_PARA_QUOTE)
      g_string_append (out, "> ");
    md_runs (out, b);
    g_string_append (out, "\n\n");
  }
  return g_string_free (out, FALSE);
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
  for (const char *p = s; *p; p++) {
    if (g_str_has_prefix (p, "\u00a0")) { /* a no-break space */
      g_string_append_c (out, '~');
      p++;
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
  }
}

static void
tex_runs (GString *out, const TeemaBlock *b)
{
  for (guint i = 0; i < b->runs->len; i++) {
    const TeemaRun *r = &g_array_index (b->runs, TeemaRun, i);
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

char *
teema_doc__latex (const TeemaDoc *doc)
{
  static const char *const sections[] = { "section", "subsection",
                                          "subsubsection" };
  gboolean fi = g_str_equal (doc->lang, "fi");
  GString *out = g_string_new (NULL);
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
  if (doc->title) {
    g_string_append (out, "\\section*{");
    tex_text (out, doc->title);
    g_string_append (out, "}\n\n");
  }
  for (guint i = 0; i < doc->blocks->len; i++) {
    const TeemaBlock *b = doc->blocks->pdata[i];
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
  }
  g_string_append (out, "\\end{document}\n");
  return g_string_free (out, FALSE);
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
  for (guint i = 0; i < b->runs->len; i++) {
    const TeemaRun *r = &g_array_index (b->runs, TeemaRun, i);
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

char *
teema_doc__html (const TeemaDoc *doc)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (
    out,
    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>",
    doc->lang);
  html_text (out, doc->title ? doc->title : "");
  g_string_append (
    out, "</title>\n<style>\n"
         "body { font-family: serif; max-width: 40em; margin: 2em auto; "
         "line-height: 1.5; }\n"
         "p.intro { font-style: italic; }\n"
         "blockquote.quote { margin: 0.8em 2em 0.8em 3em; font-size: 95%; }\n"
         "span.informant { white-space: nowrap; }\n"
         "</style>\n</head>\n<body>\n");
  if (doc->title) {
    g_string_append (out, "<h1>");
    html_text (out, doc->title);
    g_string_append (out, "</h1>\n");
  }
  for (guint i = 0; i < doc->blocks->len; i++) {
    const TeemaBlock *b = doc->blocks->pdata[i];
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
  }
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
