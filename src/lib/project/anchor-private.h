/* project/anchor-private.h — carrying offsets of an old text over to an
 * edited one (project/anchor.c), for import --replace. */
#ifndef TEEMA_ANCHOR_PRIVATE_H
#define TEEMA_ANCHOR_PRIVATE_H

#include <glib.h>

typedef struct TeemaAnchorMap TeemaAnchorMap;

/* A map from code point offsets of old_text to those of new_text, made
 * from a word-by-word diff of the two. Both texts must outlive the map. */
TeemaAnchorMap *teema_anchor_map__new (const char *old_text,
                                       const char *new_text);
void teema_anchor_map__free (TeemaAnchorMap *map);

/* Maps the old span [start, end). TRUE, with the new span, when at least
 * one of its words and at least half of them are in the new text; FALSE
 * when its text was deleted or rewritten. */
gboolean teema_anchor_map__span (const TeemaAnchorMap *map, guint start,
                                 guint end, guint *new_start, guint *new_end);

/* Words of the old text found in the new, and all of them. */
void teema_anchor_map__stats (const TeemaAnchorMap *map, guint *kept,
                              guint *total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaAnchorMap, teema_anchor_map__free)

#endif
