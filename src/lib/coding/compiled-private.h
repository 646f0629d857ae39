/* coding/compiled-private.h — what compiled.c (coding a segment with the
 * rules) shares with weigh.c (deciding a theme with evidence): a segment
 * cut into sentences or runs of them, coding one text with one theme, and
 * the items and hits they make. Only these two files include it. */
#ifndef TEEMA_COMPILED_PRIVATE_H
#define TEEMA_COMPILED_PRIVATE_H

#include "coding/coding-private.h"

/* A segment cut into parts (sentences, or runs of them), each a text of
 * its own. */
typedef struct {
  guint n;
  TeemaSegment *parts;      /* n: the segment's fields with the part's text
                               and document offsets */
  GArray **tokens;          /* n: its tokens, offsets from its start */
  guint64 *presence;        /* n times the matcher's words: its terms */
  TeemaAutocodeSpan *where; /* n: in the segment's text, with its
                               sentences first..last (from 1) */
} TeemaSentences;

/* seg cut into its sentences (teema_segment_sentences, as coding add
 * --sentences counts them), tokens taken from the segment's. */
TeemaSentences *teema_sentences__new (TeemaCompiled *compiled,
                                      const TeemaSegment *seg,
                                      const GArray *tokens);
/* The parts of seg at spans (code points of its text, in order, with
 * their sentence numbers). */
TeemaSentences *teema_sentences__of_spans (TeemaCompiled *compiled,
                                           const TeemaSegment *seg,
                                           const GArray *tokens,
                                           const GArray *spans);
void teema_sentences__free (TeemaSentences *sentences);

/* Adds span to spans, joined to the last one when it follows it. */
void teema_spans__add (GArray *spans, const TeemaAutocodeSpan *span);
/* Empties spans that cover all n sentences: the whole segment. */
void teema_spans__whole_when_all (GArray *spans, guint n);

void teema_compiled__item_free (TeemaAutocodeItem *item);
/* The hit of a rule (NULL: of evidence) on a word of seg. */
TeemaAutocodeHit *teema_compiled__hit (const TeemaSegment *seg,
                                       const GArray *tokens,
                                       const TeemaRuleHit *hit,
                                       const TeemaRule *rule);
/* Codes one text with ct's rules, whatever its scope: presence is the
 * terms of tokens; live (NULL: all) marks the rules, then exclusions,
 * worth trying. NULL when no rule matches. */
TeemaAutocodeItem *
teema_compiled__code_theme (TeemaCompiled *compiled, TeemaCompiledTheme *ct,
                            const TeemaSegment *seg, const GArray *tokens,
                            const guint64 *presence, const gboolean *live,
                            gboolean with_hits);

/* ---- weigh.c ------------------------------------------------------------ */

/* A long segment's runs of sentences and their scores (weigh.c). */
typedef struct TeemaChunks TeemaChunks;
void teema_chunks__free (TeemaChunks *chunks);

/* Decides weighed theme ct on seg: it (what its rules coded, or NULL) is
 * kept, dropped or replaced by a coding by evidence, as the score says.
 * c->scores must hold seg's scores; *sentences and *chunks are made on
 * first need and shared by the segment's themes. */
TeemaAutocodeItem *
teema_compiled__weigh (TeemaCompiled *compiled, TeemaCompiledTheme *ct,
                       const TeemaSegment *seg, const GArray *tokens,
                       TeemaSentences **sentences, TeemaChunks **chunks,
                       TeemaAutocodeItem *it, gboolean with_hits);

/* The score that decides weighed theme ct on seg as teema_compiled__weigh
 * does: the segment's, or for a long segment its best run's. */
double
teema_compiled__weigh_score (TeemaCompiled *compiled, TeemaCompiledTheme *ct,
                             const TeemaSegment *seg, const GArray *tokens,
                             TeemaSentences **sentences, TeemaChunks **chunks,
                             const TeemaAutocodeItem *it);

#endif
