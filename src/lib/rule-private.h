/* rule-private.h — rule compilation with a separate error column, for
 * messages that place a rule inside a codebook line. */
#ifndef TEEMA_RULE_PRIVATE_H
#define TEEMA_RULE_PRIVATE_H

#include <teema/rule.h>

/* Like teema_rule_compile, but the message has no column; *column gets
 * the 1-based column of the problem in src. */
TeemaRule *teema_rule__compile (const char *src, guint *column,
                                GError **error);

#endif
