/* base/keys.c — sets of (segment, theme) keys.
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
  return g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
}

void
teema_coding_keys__add (GHashTable *set, gint64 segment, gint64 theme)
{
  TeemaCodingKey k = { segment, theme };
  if (!g_hash_table_contains (set, &k))
    g_hash_table_add (set, g_memdup2 (&k, sizeof k));
}

gboolean
teema_coding_keys__has (GHashTable *set, gint64 segment, gint64 theme)
{
  TeemaCodingKey k = { segment, theme };
  return g_hash_table_contains (set, &k);
}
