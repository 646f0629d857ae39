/* teema/transcript.h — parsing transcripts and importing them.
 *
 * A transcript is UTF-8 text (a BOM and CRLF are accepted) with an optional
 * front-matter header and speaker-labelled turns; see corpora/FORMAT.md.
 * Parsed text is NFC-normalised with LF line ends; every offset is in
 * Unicode code points into that text. */
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

/* Parses data (len bytes, or -1 for NUL-terminated). name is used in error
 * messages ("file:line: ..."). Fails on invalid UTF-8 (naming the line),
 * empty input, a malformed front matter, text with no content, or input
 * past one of the limits above (TEEMA_ERROR_UNSUPPORTED). */
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
/* The informant id: front matter "informant", else the only non-interviewer
 * speaker, else NULL. */
const char *teema_transcript_informant (const TeemaTranscript *transcript);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaTranscript, teema_transcript_free)

#ifdef __cplusplus
}
#endif

#endif
