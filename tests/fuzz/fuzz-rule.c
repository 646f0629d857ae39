/* fuzz-rule.c — the rule language: the input is a rule, then (after the
 * first newline) a text it is matched on with the Finnish analyser. */
#include "fuzz.h"

#include <teema/teema.h>

static TeemaAnalyzer *az;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!az)
    az = teema_analyzer_new ("fi", NULL);
  char *s = fuzz_string (data, size);
  char *nl = strchr (s, '\n');
  const char *text = "Luottamus asiakassuhteeseen syntyy, kun lupaukset "
                     "pidetään: mä luotan niihin.";
  if (nl) {
    *nl = '\0';
    text = nl + 1;
  }
  GError *error = NULL;
  TeemaRule *rule = teema_rule_compile (s, &error);
  if (!rule) {
    FUZZ_CHECK (error != NULL);
    g_error_free (error);
    g_free (s);
    return 0;
  }
  if (g_utf8_validate (text, -1, NULL)) {
    GArray *tokens = NULL;
    GArray *hits = teema_rule_test_full (rule, az, text, &tokens, &error);
    for (guint i = 0; hits && i < hits->len; i++)
      FUZZ_CHECK (g_array_index (hits, TeemaRuleHit, i).token < tokens->len);
    if (hits)
      g_array_unref (hits);
    g_array_unref (tokens);
    g_clear_error (&error);
  }
  teema_rule_free (rule);
  g_free (s);
  return 0;
}
