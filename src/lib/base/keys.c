/* base/keys.c — sets of (segment, theme) keys, each with an optional
 * string (autocode keeps the spans of a rule coding there).
 *
 * The hash mixes all 128 bits of the pair, so sets stay fast whatever the
 * ids (sequential segment ids would collide under a plain XOR). */
#include "base/base-private.h"

static guint64
mix (guint64 k)
{
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  return k;
}

static guint
key_hash (gconstpointer p)
{
  const TeemaCodingKey *k = p;
  return (guint) mix ((guint64) k->segment * G_GUINT64_CONSTANT (31)
                      + mix ((guint64) k->theme));
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const TeemaCodingKey *x = a, *y = b;
  return x->segment == y->segment && x->theme == y->theme;
}

GHashTable *
teema_coding_keys__new (void)
{
  return g_hash_table_new_full (key_hash, key_equal, g_free, g_free);
}

void
teema_coding_keys__add (GHashTable *set, gint64 segment, gint64 theme)
{
  TeemaCodingKey k = { segment, theme };
  if (!g_hash_table_contains (set, &k)) /* no value: add would make it k */
    g_hash_table_insert (set, g_memdup2 (&k, sizeof k), NULL);
}

gboolean
teema_coding_keys__has (GHashTable *set, gint64 segment, gint64 theme)
{
  TeemaCodingKey k = { segment, theme };
  return g_hash_table_contains (set, &k);
}

void
teema_coding_keys__set (GHashTable *set, gint64 segment, gint64 theme,
                        char *value)
{
  TeemaCodingKey k = { segment, theme };
  g_hash_table_insert (set, g_memdup2 (&k, sizeof k), value);
}

gboolean
teema_coding_keys__lookup (GHashTable *set, gint64 segment, gint64 theme,
                           const char **value)
{
  TeemaCodingKey k = { segment, theme };
  gpointer v = NULL;
  gboolean found = g_hash_table_lookup_extended (set, &k, NULL, &v);
  *value = v;
  return found;
}
