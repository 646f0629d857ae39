/* teema/text.h — tokenising and analysing words.
 *
 * Tokens come from ICU word segmentation, with word-hyphen-word and
 * word-colon-word glued back together ("NPS-luku", "B2B:ssä"), case folded
 * and NFC. Transcription marks ("[naurua]", "(epäselvä)", "(.)") and
 * speaker labels produce no tokens. Each distinct word form is analysed once
 * per analyser: Voikko readings (every base form, compound parts, roots), or
 * Snowball stems when no Finnish dictionary is installed. */
#ifndef TEEMA_TEXT_H
#define TEEMA_TEXT_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Word classes from Voikko's CLASS of every reading of a form: whether
 * it can be a person's name, a place, another proper name (a company, a
 * product) or a common word. 0: Voikko does not know the form (or the
 * Snowball fallback is in use). */
enum {
  TEEMA_WORD_FIRST_NAME = 1 << 0, /* etunimi: "Jarkko", "Marja" */
  TEEMA_WORD_LAST_NAME = 1 << 1,  /* sukunimi: "Virtanen" */
  TEEMA_WORD_PLACE = 1 << 2,      /* paikannimi: "Helsinki" */
  TEEMA_WORD_PROPER = 1 << 3,     /* nimi: other proper names, "Kesko" */
  TEEMA_WORD_COMMON = 1 << 4,     /* a reading that is no proper name:
                                     "marja" the berry beside "Marja" */
};
#define TEEMA_WORD_PERSON (TEEMA_WORD_FIRST_NAME | TEEMA_WORD_LAST_NAME)

/* What the analyser knows of one folded word form. Arrays are
 * NULL-terminated and owned by the analyser; never empty for lemmas. */
typedef struct {
  guint id;                  /* 0, 1, 2, ... per analyser: for tables */
  const char *form;          /* folded surface form */
  const char *normalised;    /* standard form of a spoken one, or NULL */
  const char *const *lemmas; /* base forms ("luottamus") */
  const char *const *parts;  /* compound parts as base forms */
  const char *const *heads;  /* last compound part ("suhde") */
  const char *const *roots;  /* derivational roots ("luottaa") */
  guint classes;             /* TEEMA_WORD_* of its readings */
} TeemaAnalysis;

enum {
  TEEMA_TOKEN_SUSPENDED = 1
                          << 0, /* "-polun" in "asiakaskokemuksen ja -polun" */
  TEEMA_TOKEN_NUMBER = 1 << 1,
};

typedef struct {
  guint start, end;              /* code points into the analysed text */
  const TeemaAnalysis *analysis; /* owned by the analyser */
  guint flags;
} TeemaToken;

typedef struct TeemaAnalyzer TeemaAnalyzer;

typedef enum {
  TEEMA_BACKEND_VOIKKO,
  TEEMA_BACKEND_SNOWBALL,
} TeemaBackend;

/* lang is "fi" or "en". For "fi" Voikko is used when its dictionary is
 * installed, else Snowball Finnish (teema_analyzer_warning() then says so).
 * Not thread-safe: use one analyser per thread. */
TeemaAnalyzer *teema_analyzer_new (const char *lang, GError **error);
/* Forces the Snowball fallback even where Voikko is installed. */
TeemaAnalyzer *teema_analyzer_new_snowball (const char *lang, GError **error);
void teema_analyzer_free (TeemaAnalyzer *analyzer);

TeemaBackend teema_analyzer_backend (const TeemaAnalyzer *analyzer);
const char *teema_analyzer_lang (const TeemaAnalyzer *analyzer);
/* A warning to show the user (e.g. Voikko missing), or NULL. */
const char *teema_analyzer_warning (const TeemaAnalyzer *analyzer);
/* Number of distinct forms analysed so far. */
guint teema_analyzer_cache_size (const TeemaAnalyzer *analyzer);

/* Analyses one word (any case). The result is cached and owned by the
 * analyser. */
const TeemaAnalysis *teema_analyzer_analyze (TeemaAnalyzer *analyzer,
                                             const char *word);

/* Tokenises and analyses text (len bytes or -1). Returns an array of
 * TeemaToken; offsets are code points from the start of text. */
GArray *teema_analyzer_tokenize (TeemaAnalyzer *analyzer, const char *text,
                                 gssize len);

/* Counts the words of text as teema counts them: the tokens above, without
 * analysing them. */
guint teema_text_count_words (const char *text, gssize len);

/* Sentence boundaries of text (len bytes), by ICU's sentence rules for
 * Finnish; a lone line break does not end a sentence (hand-wrapped
 * transcripts), a blank line does. Returns the byte offset where each
 * sentence ends, in order; the last is len. Never NULL. */
GArray *teema_text_sentences (const char *text, gsize len);

/* Joins words broken by line-end hyphenation in pasted text: "X-" at the
 * end of a line followed by "Y" on the next becomes "X-Y" when that is a
 * known word (a real hyphenated compound: "kanta-asiakas"), else "XY" when
 * that is known ("asiakas-" + "suhde"), else the text is left as it was.
 * Without a Finnish dictionary a hyphen is kept before a capital or digit
 * and dropped otherwise. Returns a new string; *n_joined gets the count. */
char *teema_analyzer_join_hyphenation (TeemaAnalyzer *analyzer,
                                       const char *text, guint *n_joined);

/* Serialises the analysis cache for storing in a project ("form\tdata\n"
 * lines), and loads such a dump into an analyser. Loading skips lines it
 * does not understand. */
char *teema_analyzer_dump_cache (TeemaAnalyzer *analyzer, gboolean only_new);
void teema_analyzer_load_cache (TeemaAnalyzer *analyzer, const char *dump);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaAnalyzer, teema_analyzer_free)

#ifdef __cplusplus
}
#endif

#endif
