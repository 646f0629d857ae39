/* reports/groups.c — informant groups, and choosing the two that compare
 * and keyness set side by side: two values of "group" or of any other
 * informant attribute (role, age band), among the informants a --where
 * chooses.
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

/* The values of key among informants with text meeting where, sorted. */
static char **
values_of (GPtrArray *informants, const char *key, const TeemaWhere *where)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    const char *v = teema_informant_attr (inf, key);
    if (!v || !inf->n_words || !teema_where__matches (where, inf))
      continue;
    if (!g_ptr_array_find_with_equal_func (names, v, g_str_equal, NULL))
      g_ptr_array_add (names, g_strdup (v));
  }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char **
teema_informant_values (TeemaProject *project, const char *attribute,
                        GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (project, error);
  if (!informants)
    return NULL;
  return values_of (informants, attribute ? attribute : "group", NULL);
}

char **
teema_group_list (TeemaProject *project, GError **error)
{
  return teema_informant_values (project, "group", error);
}

static const char *
key_of (const TeemaCompareOptions *opt)
{
  return opt->attribute ? opt->attribute : "group";
}

/* The value in names spelt as name, ignoring case, or NULL. */
static const char *
find_value (char **names, const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  for (guint i = 0; names[i]; i++) {
    g_autofree char *f = g_utf8_casefold (names[i], -1);
    if (g_str_equal (f, folded))
      return names[i];
  }
  return NULL;
}

static gboolean
resolve_named (const TeemaCompareOptions *opt, TeemaGroup g[2], char **names,
               const char *list, GError **error)
{
  const char *asked[2] = { opt->group_a, opt->group_b };
  for (guint i = 0; i < 2; i++) {
    g[i].name = find_value (names, asked[i]);
    if (!g[i].name) {
      g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                   _ ("no informant with text has %s '%s' (%ss: %s)"),
                   key_of (opt), asked[i], key_of (opt), *list ? list : "none");
      return FALSE;
    }
  }
  if (g_str_equal (g[0].name, g[1].name)) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_FAILED,
                 _ ("compare two different groups, not '%s' with itself"),
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

/* Sets n and words of both groups from the informants meeting where, and
 * maps each of their codes to its group (index + 1). */
static GHashTable *
count_members (GPtrArray *informants, TeemaWhere *where,
               const TeemaCompareOptions *opt, TeemaGroup g[2])
{
  GHashTable *member =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < informants->len; i++) {
    TeemaInformant *inf = informants->pdata[i];
    int k = teema_groups__index (g, teema_informant_attr (inf, key_of (opt)));
    if (k < 0 || !teema_where__matches (where, inf))
      continue;
    g_hash_table_insert (member, g_strdup (inf->code), GINT_TO_POINTER (k + 1));
    if (!inf->n_words)
      continue;
    g[k].n++;
    g[k].words += inf->n_words;
  }
  return member;
}

/* Fills g[0], g[1] from the options or the two values there are, and
 * counts them, from one reading of the informants; *owned keeps names
 * that must outlive the call. */
gboolean
teema_groups__resolve (TeemaProject *p, const TeemaCompareOptions *opt,
                       TeemaGroup g[2], char ***owned, GHashTable **member,
                       GError **error)
{
  g_autoptr (GPtrArray) informants = teema_informant_list (p, error);
  if (!informants)
    return FALSE;
  g_autoptr (TeemaWhere) where =
    teema_where__new (opt->where, informants, error);
  if (!where
      || (opt->attribute
          && !teema_informant__check_attr (informants, opt->attribute, error)))
    return FALSE;
  *owned = values_of (informants, key_of (opt), where);
  g_autofree char *list = g_strjoinv (", ", *owned);
  if (opt->group_a && opt->group_b) {
    if (!resolve_named (opt, g, *owned, list, error))
      return FALSE;
  } else if (g_strv_length (*owned) != 2) {
    g_set_error (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND,
                 _ ("the informants have %u %ss (%s): name the two to compare"),
                 g_strv_length (*owned), key_of (opt), *list ? list : "none");
    return FALSE;
  } else {
    g[0].name = (*owned)[0];
    g[1].name = (*owned)[1];
  }
  *member = count_members (informants, where, opt, g);
  return TRUE;
}
