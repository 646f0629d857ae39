/* teema/proposal.h — keyword rules proposed from a researcher's own
 * coding (teema rules suggest).
 *
 * The lemmas and compound parts most distinctive of the segments people
 * coded with a theme, against every other informant segment, by
 * log-likelihood G² over segments; stop words and fillers of speech are
 * left out. Each comes as the rule to add ("lemma:helpottaa") with how
 * many more segments it would code. */
#ifndef TEEMA_PROPOSAL_H
#define TEEMA_PROPOSAL_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char *theme;  /* id or label (required) */
  const char *coder;  /* learn from this coder only; NULL: every coder but
                         the rules */
  guint top;          /* at most this many rules (0: 15) */
  guint min_segments; /* a word in at least this many coded segments
                         (0: 2) */
} TeemaProposalOptions;

/* A table with columns rule, coded (coded segments the rule matches),
 * other (other informant segments it matches), g2, more (segments it
 * would code that nobody has coded with the theme), best first. Fewer
 * than 3 segments coded with the theme: TEEMA_ERROR_FAILED. */
TeemaTable *teema_proposal_list (TeemaProject *project,
                                 const TeemaProposalOptions *options,
                                 GError **error);

#ifdef __cplusplus
}
#endif

#endif
