/* teema/codebook.h — hierarchical themes with labels, colours and rules.
 *
 * The plain-text format (codebooks/b2b-asiakaskokemus.codebook):
 *
 *   codebook: B2B-asiakaskokemus
 *   language: fi
 *
 *   theme trust
 *     parent: experience
 *     label.fi: Luottamus
 *     label.en: Trust
 *     colour: #2ca02c
 *     description: Luottamus toimittajaan, lupausten pitäminen.
 *     rule: lemma:luottamus OR root:luottaa
 *     exclude: lemma:luoda
 *     scope: sentence
 *
 * A theme block starts with "theme ID" at column 1; its fields are indented.
 * "rule" and "exclude" may repeat; several rules are alternatives. Lines
 * starting with '#' are comments. Every rule is compiled when parsed, so a
 * codebook that loads has only valid rules.
 *
 * "scope" says what a theme's rules see. "segment" (the default): the
 * whole segment, which the theme codes when a rule matches anywhere in
 * it. "sentence": each sentence of the segment on its own (the sentences
 * of teema_segment_sentences), so NEAR, AND and NOT reach only within a
 * sentence; the theme codes the sentences that match, adjacent ones as
 * one span (a partial coding), and a segment where no single sentence
 * matches is not coded. A long turn that mentions a theme in passing is
 * then coded only where it talks about it.
 *
 * "evidence" lines weigh words for and against a theme, as "evidence:
 * TERM WEIGHT" (teema rules learn writes them from hand-coded rows):
 *
 *     evidence: bias -2.41
 *     evidence: rules +3.05
 *     evidence: lemma:lupaus +0.92
 *     evidence: part:kysely -0.35
 *
 * A theme with evidence is coded by its score: bias, plus "rules" when one
 * of its rules matches, plus the weight of each evidence term the segment
 * has (each term counted once). It codes the segment when the score is
 * above 0: so evidence can code a segment that no rule matches, and can
 * outweigh a rule that does. The terms: lemma:X, a word whose base form
 * is X; part:X, a compound with the part X; word:X, a word form X that the
 * analyser does not know. A theme without evidence is coded by its rules
 * alone. A segment of more than 40 words (longer than the rows evidence is
 * learned on) is weighed in runs of whole sentences of up to 40 words, and
 * coded where a run weighs for the theme. With scope: sentence, a coding
 * keeps the sentences its rules matched; a run coded by evidence alone
 * gives the sentences whose own terms weigh for the theme.
 *
 * An id is letters of any alphabet (ä, ö, å, é), digits, '_', '-' and
 * '.'; ids compare case-insensitively ("Työolot" is "työolot"). A block may
 * say "renamed-from: OLD": importing it into a project renames the
 * project's theme OLD, keeping its codings, instead of dropping OLD and
 * adding a new theme. */
#ifndef TEEMA_CODEBOOK_H
#define TEEMA_CODEBOOK_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a theme's rules are matched on (see "scope" above). */
typedef enum {
  TEEMA_SCOPE_SEGMENT = 0, /* the whole segment: the default */
  TEEMA_SCOPE_SENTENCE,    /* each sentence of it on its own */
} TeemaScope;

/* One "evidence:" line of a theme. */
typedef struct {
  char *term;    /* "bias", "rules", or lemma:X, part:X or word:X */
  double weight; /* what it adds to the theme's score */
} TeemaEvidence;

typedef struct {
  char *code;   /* "trust": lower-case id used on the command line */
  char *parent; /* parent code or NULL */
  char *label_fi;
  char *label_en;
  char *description;
  char *colour;        /* "#rrggbb" or NULL */
  char *renamed_from;  /* "renamed-from:" of the file, or NULL */
  GPtrArray *rules;    /* char *: alternatives that code the theme */
  GPtrArray *excludes; /* char *: what blocks a word from coding it */
  guint line;          /* line of "theme" in the source, 0 if from store */
  guint depth;         /* 0 for top-level themes */
  TeemaScope scope;    /* what its rules are matched on */
  GArray *evidence;    /* TeemaEvidence, in file order; NULL or empty: the
                          rules decide alone */
} TeemaTheme;

typedef struct TeemaCodebook TeemaCodebook;

/* A codebook file larger than TEEMA_CODEBOOK_MAX_BYTES, or with more than
 * TEEMA_CODEBOOK_MAX_THEMES themes, is refused with an error naming the
 * limit (each rule is bounded as rule.h says). */
#define TEEMA_CODEBOOK_MAX_BYTES  (64 * 1024 * 1024)
#define TEEMA_CODEBOOK_MAX_THEMES 100000
/* The largest evidence weight, either way. */
#define TEEMA_EVIDENCE_MAX_WEIGHT 1000

/* Parses the text format. name is used in messages ("file:line:col: ...").
 * Fails with TEEMA_ERROR_PARSE (or TEEMA_ERROR_RULE for a bad rule). */
TeemaCodebook *teema_codebook_parse (const char *text, gssize len,
                                     const char *name, GError **error);
TeemaCodebook *teema_codebook_load (const char *path, GError **error);
void teema_codebook_free (TeemaCodebook *codebook);

const char *teema_codebook_name (const TeemaCodebook *codebook);
const char *teema_codebook_language (const TeemaCodebook *codebook);
guint teema_codebook_size (const TeemaCodebook *codebook);
/* Themes in depth-first order (parents before children). */
const TeemaTheme *teema_codebook_theme (const TeemaCodebook *codebook, guint i);
/* TRUE when code can be a theme id (see above). */
gboolean teema_theme_code_valid (const char *code);
/* TRUE when a and b are the same id (Unicode case-insensitive). */
gboolean teema_theme_code_equal (const char *a, const char *b);

/* By code, case-insensitive; NULL when absent. */
const TeemaTheme *teema_codebook_lookup (const TeemaCodebook *codebook,
                                         const char *code);
/* The position of the theme code (case-insensitive) in depth-first order,
 * or -1 when absent. */
gint teema_codebook_index (const TeemaCodebook *codebook, const char *code);
/* "segment" or "sentence". */
const char *teema_scope_name (TeemaScope scope);
/* The scope called name ("segment" or "sentence", any case) into *scope;
 * FALSE for any other name. */
gboolean teema_scope_parse (const char *name, TeemaScope *scope);

/* TRUE when term can be an evidence term (see "evidence" above). */
gboolean teema_evidence_term_valid (const char *term);

/* Replaces the evidence of theme code (NULL or empty: none) with a copy of
 * evidence; FALSE with TEEMA_ERROR_NOT_FOUND when there is no such theme,
 * TEEMA_ERROR_PARSE for a term that is not valid. */
gboolean teema_codebook_set_evidence (TeemaCodebook *codebook, const char *code,
                                      const GArray *evidence, GError **error);

/* Label in language ("fi"/"en"), falling back to the other, then code. */
const char *teema_theme_label (const TeemaTheme *theme, const char *lang);

/* The theme a user named: by id, else by its Finnish or English label
 * (both case-insensitive). None: NULL with TEEMA_ERROR_NOT_FOUND, whose
 * message lists the closest ids and labels; a label of several themes:
 * NULL with TEEMA_ERROR_FAILED naming their ids. */
const TeemaTheme *teema_codebook_find (const TeemaCodebook *codebook,
                                       const char *name, GError **error);

/* Writes the codebook back in the text format. */
char *teema_codebook_to_text (const TeemaCodebook *codebook);

/* Marks theme new_code of codebook as renamed from old_code (as the
 * file's "renamed-from:" does). No theme new_code: TEEMA_ERROR_NOT_FOUND. */
gboolean teema_codebook_mark_renamed (TeemaCodebook *codebook,
                                      const char *old_code,
                                      const char *new_code, GError **error);

/* What replacing a project's codebook changed. */
typedef struct {
  guint n_added;           /* themes new to the project */
  guint n_renamed;         /* project themes renamed, codings kept */
  guint n_removed;         /* project themes dropped */
  guint n_codings_removed; /* their codings (only with force) */
  GPtrArray *notes;        /* char *: a line per rename and removal */
} TeemaCodebookChanges;

void teema_codebook_changes_clear (TeemaCodebookChanges *changes);

/* Replaces the project's codebook, updating themes in place: themes are
 * matched by id, so codings of kept themes stay; a theme marked
 * renamed-from an existing one renames it (codings kept); a theme that
 * has codings cannot be dropped unless force (its codings are then
 * deleted). changes (may be NULL) says what changed; clear it after. One
 * transaction. */
gboolean teema_codebook_apply (TeemaProject *project,
                               const TeemaCodebook *codebook, gboolean force,
                               TeemaCodebookChanges *changes, GError **error);
/* teema_codebook_apply without the changes. */
gboolean teema_codebook_set (TeemaProject *project,
                             const TeemaCodebook *codebook, gboolean force,
                             GError **error);
/* The project's codebook; a new project has an empty one (no themes, the
 * project's language). */
TeemaCodebook *teema_codebook_get (TeemaProject *project, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaCodebook, teema_codebook_free)

#ifdef __cplusplus
}
#endif

#endif
