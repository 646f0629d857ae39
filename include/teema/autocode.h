/* teema/autocode.h — coding segments with the codebook's keyword rules.
 *
 * A theme codes a segment when any of its rules matches the segment's words
 * left after the theme's exclusions. A theme with scope: sentence (see
 * teema/codebook.h) is matched on each sentence of the segment on its own
 * and codes only the sentences that match (adjacent ones as one span).
 * Autocoding replaces every coding of the coder "rules" in one
 * transaction, so running it twice changes nothing. */
#ifndef TEEMA_AUTOCODE_H
#define TEEMA_AUTOCODE_H

#include <glib.h>
#include <teema/codebook.h>
#include <teema/project.h>
#include <teema/text.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  gboolean dry_run;             /* compute, change nothing */
  gboolean include_interviewer; /* code interviewer turns too */
  const char *lang;             /* analyser language, NULL: the codebook's */
  gboolean force_snowball;      /* use Snowball even if Voikko is present */
  gboolean keep_items;          /* fill result->items (always on a dry run):
                                   off, memory stays flat on any corpus */
  TeemaProgressFunc progress;   /* or NULL */
  gpointer progress_data;
} TeemaAutocodeOptions;

/* One word that made a rule fire, for --explain. */
typedef struct {
  char *rule;   /* the rule (alternative) that matched */
  char *why;    /* the term, e.g. "part:suhde" */
  char *word;   /* the word as written */
  char *lemmas; /* its lemmas, comma separated */
  char *parts;  /* its compound parts, comma separated ("" if none) */
  guint start, end;
} TeemaAutocodeHit;

/* A run of adjacent sentences that a theme with scope: sentence codes. */
typedef struct {
  guint start, end;  /* code points into the segment's text */
  guint first, last; /* its sentences, from 1 (as coding add --sentences) */
} TeemaAutocodeSpan;

typedef struct {
  gint64 segment_id;
  char *informant;
  char *document;
  guint ordinal;
  char *theme;
  gboolean added;  /* TRUE: new coding; FALSE: an old one to remove */
  gboolean kept;   /* TRUE: already there and stays */
  GPtrArray *hits; /* TeemaAutocodeHit * (empty for removals) */
  GArray *spans;   /* TeemaAutocodeSpan: the parts coded, in order, for a
                      theme with scope: sentence; empty: the whole
                      segment */
} TeemaAutocodeItem;

/* The counts are of (segment, theme) pairs: a theme that codes two runs
 * of sentences of one segment is one coding here (and two rows in
 * teema coding list). A pair whose sentences changed counts as removed
 * and added. */
typedef struct {
  guint n_segments; /* segments examined */
  guint64 n_words;  /* words examined */
  guint n_codings;  /* rule codings after the run */
  guint n_added;
  guint n_removed;
  guint n_kept;
  char *backend;     /* "voikko" or "snowball" */
  char *warning;     /* analyser warning or NULL */
  GPtrArray *items;  /* TeemaAutocodeItem *, added/removed/kept; empty
                        unless keep_items or dry_run */
  guint n_undecided; /* (segment, theme) pairs a rule could not decide:
                        its re:/.../ reached the cost limit (not coded) */
  char *undecided;   /* the first of them, naming theme, rule and
                        segment, or NULL */
} TeemaAutocodeResult;

void teema_autocode_result_free (TeemaAutocodeResult *result);

TeemaAutocodeResult *teema_autocode_run (TeemaProject *project,
                                         const TeemaAutocodeOptions *opt,
                                         GError **error);

/* Codes one text with codebook's rules exactly as autocode codes a
 * segment: a TeemaAutocodeItem per theme that codes it (segment_id 0),
 * each with the words that fired, their offsets in code points into text.
 * For trying a codebook on a sentence; free with g_ptr_array_unref. A rule
 * that does not compile: TEEMA_ERROR_RULE. */
GPtrArray *teema_autocode_text (const TeemaCodebook *codebook,
                                TeemaAnalyzer *analyzer, const char *text,
                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaAutocodeResult, teema_autocode_result_free)

#ifdef __cplusplus
}
#endif

#endif
