/* teema/names.h — personal names in interview text: listing them, and
 * replacing them with pseudonyms (pseudonymisation) in quotes and
 * exports.
 *
 * A name key is a plain-text file the researcher writes, one name a line:
 *
 *     # name = pseudonym
 *     Jarkko = Matti
 *     Marja Virtanen = [nimi]
 *     Sisustamo = [yritys]
 *     Helsinki = Helsinki        (kept as it is)
 *     Virtanen                   (the default placeholder)
 *
 * Names are given in their base form; every inflected form is found
 * through the same lemma analysis as rules ("Jarkolle" and "Jarkon" are
 * Jarkko). A name with several words matches those words in a row. A
 * pseudonym is inflected like the form it replaces when the analyser can
 * verify the inflected form ("Jarkolle" becomes "Matille"); a placeholder
 * in brackets is used as it is. Besides the key, words Voikko knows only
 * as first or last names (CLASS etunimi, sukunimi) and written with a
 * capital are replaced by the placeholder, unless the key keeps them; a
 * capitalised word that can also be a common word ("Marja", "Toivo") is
 * left alone at the start of a sentence, where the capital proves
 * nothing. Company, product and place names are replaced only when the
 * key lists them. */
#ifndef TEEMA_NAMES_H
#define TEEMA_NAMES_H

#include <glib.h>
#include <teema/project.h>
#include <teema/table.h>
#include <teema/text.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TeemaNameKey TeemaNameKey;

/* Parses a name key (len bytes or -1); name is used in messages. A line
 * with an empty name fails with TEEMA_ERROR_PARSE naming the line. */
TeemaNameKey *teema_name_key_parse (const char *data, gssize len,
                                    const char *name, GError **error);
TeemaNameKey *teema_name_key_load (const char *path, GError **error);
void teema_name_key_free (TeemaNameKey *key);
/* Number of names in the key. */
guint teema_name_key_size (const TeemaNameKey *key);

typedef struct {
  const TeemaNameKey *key; /* or NULL: only names found automatically */
  gboolean no_automatic;   /* replace only names the key lists */
  const char *placeholder; /* for names without a pseudonym; NULL:
                              "[nimi]" */
} TeemaPseudonymOptions;

/* One replacement in a text: [start, end) in code points of the
 * original, and the code points of its replacement. */
typedef struct {
  guint start, end;
  guint length;
} TeemaNameEdit;

/* text with personal names replaced as the options say (options may be
 * NULL: the names Voikko knows, by "[nimi]"). *edits (may be NULL) gets
 * a new array of TeemaNameEdit in text order, for mapping offsets. */
char *teema_names_pseudonymise (TeemaAnalyzer *analyzer,
                                const TeemaPseudonymOptions *options,
                                const char *text, GArray **edits);

/* Maps a code point offset of the original text to the pseudonymised
 * one: shifted by the edits before it; inside an edit, to its start (or,
 * when end_of_span, to the end of its replacement). */
guint teema_names_map_offset (const GArray *edits, guint offset,
                              gboolean end_of_span);

typedef struct {
  const TeemaNameKey *key;  /* or NULL */
  const char *informant;    /* only this informant, or NULL */
  const char *const *where; /* only informants meeting every condition
                               "attribute=value", or NULL */
  gboolean all;             /* also capitalised words Voikko does not
                               know (candidates for company names) */
} TeemaNamesOptions;

/* The names found in informant turns, per informant: columns informant,
 * name (base form), kind (etunimi, sukunimi, paikannimi, nimi, or
 * tuntematon for unknown capitalised words), count, forms (as written),
 * action (what pseudonymisation does: "[nimi]", "-> Matti", "kept", or
 * "not replaced"). Rows by informant in natural order, then count, most
 * first. For writing the name key. */
TeemaTable *teema_names_list (TeemaProject *project,
                              const TeemaNamesOptions *options, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaNameKey, teema_name_key_free)

#ifdef __cplusplus
}
#endif

#endif
