/* teema/transcript.h — parsing transcripts and importing them.
 *
 * A transcript is UTF-8 text (a BOM and CRLF are accepted) with an optional
 * front-matter header and speaker-labelled turns; see corpora/FORMAT.md.
 * Parsed text is NFC-normalised with LF line ends; every offset is in
 * Unicode code points into that text.
 *
 * Speaker labels are found the way a reader finds them: "H1:", "V:",
 * "Haastattelija:", "[00:01:23] I:", "**H3:**", a label alone on the line
 * above the speech, with or without a colon ("HAASTATTELIJA"). A word is a
 * label only where the file uses it as one: a known speaker word, an id
 * such as "H3", "T12" or initials "MK", or a word that starts two or more
 * turns. "Ensimmäinen: luottamus..." once inside an answer stays text.
 * Nothing of the text is ever dropped: labels and timestamps stay in the
 * stored text, outside the turns. */
#ifndef TEEMA_TRANSCRIPT_H
#define TEEMA_TRANSCRIPT_H

#include <glib.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  TEEMA_SEGMENT_TURN,      /* one segment per speaker turn (default) */
  TEEMA_SEGMENT_PARAGRAPH, /* blank-line separated paragraphs of a turn */
  TEEMA_SEGMENT_SENTENCE,  /* ICU sentences of a turn */
} TeemaSegmentation;

typedef struct {
  char *speaker;        /* label as written, e.g. "H1", "Haastattelija" */
  gboolean interviewer; /* TRUE for interviewer labels */
  char *timestamp;      /* "00:01:23" or NULL */
  guint start;          /* code point offset of the turn's content */
  guint end;            /* one past its last code point */
  guint line;           /* 1-based line of the label in the file */
} TeemaTurn;

typedef struct TeemaTranscript TeemaTranscript;

/* Bounds on one transcript, so that no file can make an import take
 * unbounded time or memory: its size in bytes (also after conversion from
 * DOCX, ODT, VTT or SRT), the length of one line in bytes, and the number
 * of turns. Past any of them the import fails naming the limit and line. */
#define TEEMA_TRANSCRIPT_MAX_BYTES ((gsize) 64 * 1024 * 1024)
#define TEEMA_TRANSCRIPT_MAX_LINE  (1024 * 1024)
#define TEEMA_TRANSCRIPT_MAX_TURNS 1000000
/* What looked wrong, or was decided on thin evidence, while reading a
 * transcript or importing it. */
typedef enum {
  TEEMA_WARNING_LABEL_AS_TEXT,       /* "Word:" used once: kept as text */
  TEEMA_WARNING_LABEL_ONCE,          /* a speaker label used only once */
  TEEMA_WARNING_NO_LABELS,           /* no labels: all of it is the
                                        informant's speech */
  TEEMA_WARNING_UNLABELLED_TEXT,     /* text before the first label */
  TEEMA_WARNING_INTERVIEWER_GUESSED, /* told by who asks the questions */
  TEEMA_WARNING_NO_INTERVIEWER,      /* no speaker is the interviewer */
  TEEMA_WARNING_UNKNOWN_INTERVIEWER, /* --interviewer names no label */
  TEEMA_WARNING_SEVERAL_SPEAKERS,    /* several non-interviewer labels */
  TEEMA_WARNING_ONE_SEGMENT,         /* import: one segment only */
  TEEMA_WARNING_NO_INFORMANT_WORDS,  /* import: the informant says nothing */
  TEEMA_WARNING_SHARED_INFORMANT,    /* import: another file has the same
                                        informant */
  TEEMA_WARNING_DUPLICATE,           /* check: the same text is imported */
} TeemaWarningKind;

typedef struct {
  TeemaWarningKind kind;
  char *path;      /* the file (the name given to the parser) */
  guint line;      /* 1-based line in the file, or 0 */
  guint paragraph; /* 1-based paragraph, for DOCX and ODT (line is 0) */
  char *message;   /* what was seen and what to do */
} TeemaWarning;

void teema_warning_free (TeemaWarning *warning);

typedef struct {
  /* Labels of the interviewer, comma-separated, case-insensitive; they
   * replace the recognised ones. NULL: recognise (front matter
   * "interviewer:", known words, else the speaker who asks). */
  const char *interviewer;
  /* The informant id when the caller knows it; a label equal to it is the
   * informant's. NULL: none. */
  const char *informant;
} TeemaTranscriptOptions;

/* Parses data (len bytes, or -1 for NUL-terminated). name is used in error
 * messages ("file:line: ...") and warnings. options may be NULL. Fails on
 * invalid UTF-8 (naming the line), empty input, a malformed front matter,
 * text with no content, or input past one of the limits above
 * (TEEMA_ERROR_UNSUPPORTED). */
TeemaTranscript *
teema_transcript_parse_with (const char *data, gssize len, const char *name,
                             const TeemaTranscriptOptions *options,
                             GError **error);
/* The same with no options. */
TeemaTranscript *teema_transcript_parse (const char *data, gssize len,
                                         const char *name, GError **error);
void teema_transcript_free (TeemaTranscript *transcript);

/* The NFC text, front matter removed, LF line ends. Owned by transcript. */
const char *teema_transcript_text (const TeemaTranscript *transcript);
guint teema_transcript_n_turns (const TeemaTranscript *transcript);
const TeemaTurn *teema_transcript_turn (const TeemaTranscript *transcript,
                                        guint i);
/* Front-matter value for key ("informant", "group", ...), or NULL. */
const char *teema_transcript_meta (const TeemaTranscript *transcript,
                                   const char *key);
/* All front-matter keys in file order; owned by transcript. */
const char *const *teema_transcript_meta_keys (const TeemaTranscript *t);
/* The informant id: front matter "informant", else the only
 * non-interviewer speaker label when it is not a generic word ("V",
 * "Vastaaja", "Haastateltava", "Respondent", ...), else NULL: the caller
 * names the informant (import uses the file name). */
const char *teema_transcript_informant (const TeemaTranscript *transcript);
/* The interviewer's labels as written, ", "-joined, or NULL. */
const char *teema_transcript_interviewer (const TeemaTranscript *transcript);
/* The other speakers' labels as written, ", "-joined, or NULL when the
 * text has no labels. */
const char *teema_transcript_speakers (const TeemaTranscript *transcript);
/* What looked wrong (TeemaWarning *), in line order; owned by transcript. */
GPtrArray *teema_transcript_warnings (const TeemaTranscript *transcript);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaTranscript, teema_transcript_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaWarning, teema_warning_free)

#ifdef __cplusplus
}
#endif

#endif
