/* reports/groups.c — informant groups, and choosing the two that compare
 * and keyness set side by side.
 *
 * Must always hold: a group counts only informants with text, so n is
 * the number of informants who could have mentioned a theme. */
#include "reports/reports-private.h"

#include <string.h>

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char **
teema_group_list (TeemaProject *project, GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (project, error);
  if (!informants)
    return NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    if (!inf->group || !inf->n_words)
      continue;
    gboolean seen = FALSE;
    for (guint j = 0; j < names->len && !seen; j++)
      seen = g_str_equal (names->pdata[j], inf->group);
    if (!seen)
      g_ptr_array_add (names, g_strdup (inf->group));
  }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Fills g[0], g[1] from the options or the project's two groups; *owned
 * keeps names that must outlive the call. */
gboolean
teema_groups__resolve (TeemaProject *p, const TeemaCompareOptions *opt,
                       TeemaGroup g[2], char ***owned, GError **error)
{
  *owned = teema_group_list (p, error);
  if (!*owned)
    return FALSE;
  g_autofree char *list = g_strjoinv (", ", *owned);
  if (!opt->group_a || !opt->group_b) {
    if (g_strv_length (*owned) != 2) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   "the project has %u groups (%s): name the two to compare",
                   g_strv_length (*owned), *list ? list : "none");
      return FALSE;
    }
    g[0].name = (*owned)[0];
    g[1].name = (*owned)[1];
    return TRUE;
  }
  g[0].name = opt->group_a;
  g[1].name = opt->group_b;
  for (guint i = 0; i < 2; i++)
    if (!g_strv_contains ((const char *const *) *owned, g[i].name)) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   "no informant with text in group '%s' (groups: %s)",
                   g[i].name, *list ? list : "none");
      return FALSE;
    }
  if (g_str_equal (g[0].name, g[1].name)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 "compare two different groups, not '%s' with itself",
                 g[0].name);
    return FALSE;
  }
  return TRUE;
}

int
teema_groups__index (const TeemaGroup g[2], const char *name)
{
  if (!name)
    return -1;
  return g_str_equal (name, g[0].name)   ? 0
         : g_str_equal (name, g[1].name) ? 1
                                         : -1;
}

/* Sets n and words of both groups from the informants. */
gboolean
teema_groups__count (TeemaProject *p, TeemaGroup g[2], GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (p, error);
  if (!informants)
    return FALSE;
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    int k = teema_groups__index (g, inf->group);
    if (k < 0 || !inf->n_words)
      continue;
    g[k].n++;
    g[k].words += inf->n_words;
  }
  return TRUE;
}
