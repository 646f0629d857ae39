/* project/transcript-private.h — what the three files of the transcript
 * parser share: transcript.c (input, front matter, accessors), speakers.c
 * (which lines start a turn, and the turns) and roles.c (who is the
 * interviewer, who the informant). */
#ifndef TEEMA_TRANSCRIPT_PRIVATE_H
#define TEEMA_TRANSCRIPT_PRIVATE_H

#include <teema/error.h>
#include <teema/transcript.h>

struct TeemaTranscript {
  char *name;          /* file name, for messages */
  char *text;          /* NFC body, LF line ends */
  GArray *turns;       /* TeemaTurn */
  GPtrArray *keys;     /* front-matter keys in order, NULL-terminated */
  GHashTable *meta;    /* key -> value */
  guint body_line;     /* file line of the body's first line */
  GPtrArray *warnings; /* TeemaWarning * */
  gboolean labelled;   /* speaker labels were found */
  char *interviewer;   /* interviewer labels, ", "-joined, or NULL */
  char *speakers;      /* the other labels, ", "-joined, or NULL */
  char *informant;     /* the informant id the text gives, or NULL */
  const TeemaTranscriptOptions *options; /* during parsing only */
};

/* Adds a warning at a line of the body (0: the whole file). */
void teema_transcript__warn (TeemaTranscript *t, TeemaWarningKind kind,
                             guint line, const char *fmt, ...)
  G_GNUC_PRINTF (4, 5);

/* TRUE when label is in the comma-separated list (case-insensitive). */
gboolean teema_labels__in_list (const char *label, const char *list);

/* The word lists: interviewer words ("Haastattelija", "H", "I", ...),
 * words of the one who answers ("Vastaaja", "V", "R", ...) and generic
 * words, which are those and role words ("Speaker", "Asiakas"); matched
 * without case, a trailing '.' or a trailing number ("Speaker 2"). */
gboolean teema_labels__is_interviewer_word (const char *label);
gboolean teema_labels__answers (const char *label);
gboolean teema_labels__is_generic (const char *label);

/* TRUE when name is declared: in the front matter (speakers, interviewer,
 * informant) or in the options. */
gboolean teema_speakers__declared (const TeemaTranscript *t, const char *name);

/* Finds the speaker labels of t->text and cuts it into turns (speaker and
 * offsets; the interviewer flags are set by teema_roles__assign). Fails
 * (TEEMA_ERROR_UNSUPPORTED naming the line) past TEEMA_TRANSCRIPT_MAX_TURNS
 * turns. */
gboolean teema_speakers__parse (TeemaTranscript *t, GError **error);

/* Decides the interviewer, the informant's labels and the informant id;
 * sets every turn's interviewer flag. */
void teema_roles__assign (TeemaTranscript *t);

#endif
