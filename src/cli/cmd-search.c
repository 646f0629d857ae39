/* cmd-search.c — teema search 'RULE': keyword-in-context lines. */
#include "cli.h"

#include <stdio.h>

int
cmd_search (int argc, char **argv, CliGlobals *g, GError **error)
{
  const char *informant = NULL, *group = NULL;
  gint width = 40;
  GOptionEntry entries[] = {
    { "informant", 'i', 0, G_OPTION_ARG_STRING, &informant,
      N_ ("only this informant"), N_ ("ID") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_ ("only this group"),
      N_ ("GROUP") },
    { "width", 'w', 0, G_OPTION_ARG_INT, &width,
      N_ ("characters of context on each side (default 40)"), "N" },
    G_OPTION_ENTRY_NULL,
  };
  if (!cli_parse (&argc, &argv, entries, N_ ("RULE"),
                  N_ ("Lists segments that match a rule, one line per hit."),
                  error))
    return 2;
  if (argc != 2)
    return cli_usage (error, _ ("usage: teema search 'RULE'"));
  if (width < 5 || width > 400)
    return cli_usage (error, _ ("--width must be 5-400"));
  g_autoptr (TeemaProject) p = cli_open (g, error);
  if (!p)
    return 1;
  TeemaSegmentFilter f = { informant, group, FALSE, FALSE };
  g_autoptr (GPtrArray) matches = teema_search_run (p, argv[1], &f, error);
  if (!matches)
    return 1;
  guint n = 0;
  for (guint i = 0; i < matches->len; i++) {
    TeemaSearchMatch *m = matches->pdata[i];
    for (guint h = 0; h < m->hits->len; h++, n++) {
      const TeemaRuleHit *hit = &g_array_index (m->hits, TeemaRuleHit, h);
      g_autofree char *line = teema_search_kwic (m->segment->text, hit->start,
                                                 hit->end, (guint) width);
      printf ("%-4s #%-5" G_GINT64_FORMAT " %s\n", m->segment->informant,
              m->segment->id, line);
    }
  }
  if (!g->quiet)
    fprintf (stderr, _ ("%u hits in %u segments\n"), n, matches->len);
  return 0;
}
