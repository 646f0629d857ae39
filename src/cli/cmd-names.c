/* cmd-names.c — teema names: the personal names in each informant's
 * turns, for writing the name key that --pseudonymise reads; --template
 * prints a key to start from. */
#include "cli.h"

/* A name key to edit: each name the key does not yet have, once, with
 * the placeholder and a comment saying where it was found. */
static char *
key_template (const TeemaTable *t)
{
  GString *out = g_string_new (
    _ ("# Name key for 'teema quotes --pseudonymise --names FILE'.\n"
       "# One name a line in its base form: 'Name = pseudonym', 'Name = "
       "[nimi]',\n# or 'Name = Name' to keep it. Delete lines of words that "
       "are no names.\n"));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < teema_table_n_rows (t); r++) {
    const char *name = teema_table_cell (t, r, 1);
    const char *action = teema_table_cell (t, r, 5);
    if (g_str_has_prefix (action, "-> ") || g_str_equal (action, "kept")
        || !g_hash_table_add (seen, (gpointer) name))
      continue;
    /* Only seen where a sentence starts: commented out, to check. */
    gboolean unsure = g_str_has_suffix (action, "(sentence start)");
    g_string_append_printf (
      out, "%s%s = [nimi]    # %s, %s: %s%s\n", unsure ? "# " : "", name,
      teema_table_cell (t, r, 2), teema_table_cell (t, r, 0),
      teema_table_cell (t, r, 4),
      unsure ? _ (" (sentence start: a name?)") : "");
  }
  return g_string_free (out, FALSE);
}

int
cmd_names (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *key_path = NULL, *informant = NULL, *format = NULL;
  const char *output = NULL;
  gboolean all = FALSE, template = FALSE;
  char **where = NULL; /* owned by cli_parse */
  GOptionEntry entries[] = {
    { "names", 'k', 0, G_OPTION_ARG_FILENAME, &key_path,
      N_ ("the name key so far: shows what each name becomes"), N_ ("FILE") },
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant"), N_ ("ID") },
    CLI_OPT_WHERE (where),
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_ ("also capitalised words the dictionary does not know (company and "
          "product names)"),
      NULL },
    { "template", 't', 0, G_OPTION_ARG_NONE, &template,
      N_ ("print a name key to edit instead of the table"), NULL },
    CLI_OPT_FORMAT (format),
    CLI_OPT_OUTPUT (output),
    G_OPTION_ENTRY_NULL,
  };
  TeemaFormat fmt;
  if (!cli_parse (&argc, &argv, entries, "",
                  N_ ("Personal names (and with --all other capitalised words) "
                      "in each informant's turns, with their forms and counts "
                      "and what --pseudonymise does with them, for writing the "
                      "name key."),
                  error)
      || (!template
          && !cli_table_format (format, output, TEEMA_FORMAT_TABLE, &fmt,
                                error)))
    return 2;
  g_autoptr (TeemaNameKey) key =
    key_path ? teema_name_key_load (key_path, error) : NULL;
  if (key_path && !key)
    return 1;
  g_autoptr (TeemaProject) p = cli_open (g, error);
  TeemaNamesOptions opt = { key, informant, (const char *const *) where, all };
  g_autoptr (TeemaTable) t = p ? teema_names_list (p, &opt, error) : NULL;
  if (!t)
    return 1;
  if (!template)
    return cli_write_table (g, t, fmt, output, error) ? 0 : 1;
  g_autofree char *out = key_template (t);
  return cli_output (output, out, error) ? 0 : 1;
}
