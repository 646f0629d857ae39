/* tests/fuzz/fuzz.h — what the libFuzzer harnesses share.
 *
 * Each harness feeds one parser of untrusted input. A parser may refuse
 * its input with an error, never crash, leak or hang; the harnesses also
 * check invariants of what is accepted and trap when one breaks. */
#ifndef TEEMA_FUZZ_H
#define TEEMA_FUZZ_H

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <teema/teema.h>
#include <unistd.h>

#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf (stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, \
               __LINE__);                                                      \
      __builtin_trap ();                                                       \
    }                                                                          \
  } while (0)

/* The bytes as a file the library can open by path (a memfd under
 * /proc/self/fd), with suffix in the name for readers that look at it.
 * Returns the path (static buffer); close *fd after use. */
static inline const char *
fuzz_file (const uint8_t *data, size_t size, int *fd)
{
  static char path[64];
  *fd = memfd_create ("fuzz", 0);
  if (*fd < 0)
    __builtin_trap ();
  for (size_t off = 0; off < size;) {
    ssize_t n = write (*fd, data + off, size - off);
    if (n <= 0)
      __builtin_trap ();
    off += (size_t) n;
  }
  snprintf (path, sizeof path, "/proc/self/fd/%d", *fd);
  return path;
}

/* The bytes as a NUL-terminated string (a new copy). */
static inline char *
fuzz_string (const uint8_t *data, size_t size)
{
  return g_strndup ((const char *) data, size);
}

/* An accepted codebook written as text must read back with as many
 * themes. */
static inline void
fuzz_check_text_round_trip (const TeemaCodebook *cb)
{
  GError *error = NULL;
  char *text = teema_codebook_to_text (cb);
  TeemaCodebook *again = teema_codebook_parse (text, -1, "again", &error);
  FUZZ_CHECK (again != NULL);
  FUZZ_CHECK (teema_codebook_size (again) == teema_codebook_size (cb));
  /* Written again, it is the same text: no field (an evidence weight
   * rounded to three decimals, say) changes on a second round. */
  char *text2 = teema_codebook_to_text (again);
  FUZZ_CHECK (strcmp (text, text2) == 0);
  g_free (text2);
  teema_codebook_free (again);
  g_free (text);
}

#endif
