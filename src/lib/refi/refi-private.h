/* refi/refi-private.h — what the REFI-QDA modules share: ids and the
 * teema block in code descriptions (codebook.c), and a project as read
 * before it becomes teema data: what read.c fills from the XML,
 * offsets.c maps onto the stored text, and import.c writes. GUIDs are kept
 * in lower case so that upper- and lower-case references match. */
#ifndef TEEMA_REFI_PRIVATE_H
#define TEEMA_REFI_PRIVATE_H

#include "project/project-private.h"

#include <glib.h>
#include <teema/teema.h>

/* The .qde of a project (bare, or inside a .qdpx) is parsed whole; a
 * larger one is refused before it is parsed. */
#define TEEMA_REFI_MAX_QDE_BYTES ((gsize) 128 * 1024 * 1024)

#ifndef TEEMA_REFI_VERSION
#define TEEMA_REFI_VERSION "0.1.0" /* written as origin="teema ..." */
#endif

/* ---- codebook.c: ids and the teema block ------------------------------ */

/* A deterministic GUID (upper-case hex) for "kind:key". */
char *teema_refi__guid (const char *kind, const char *key);
/* A theme id from a code name: lower-case ASCII letters, digits, '-',
 * unique against taken (which it is added to). */
char *teema_refi__code_id (const char *name, GHashTable *taken);
/* A theme's <Description> text: description, then the teema block. */
char *teema_refi__describe (const TeemaTheme *theme);
/* Appends one theme in the codebook text format to out, from a REFI code:
 * its name, colour, parent id, and <Description> (split at the marker). */
void teema_refi__theme_text (GString *out, const char *id, const char *name,
                             const char *colour, const char *parent,
                             const char *description);
/* Writes <Codes> with nested <Code> elements for cb (writer is an
 * xmlTextWriterPtr). */
void teema_refi__write_codes (gpointer writer, const TeemaCodebook *cb);
/* The theme id in a description's teema block, or NULL. */
char *teema_refi__block_code (const char *description);

/* ---- the model -------------------------------------------------------- */

typedef struct {
  char *code;       /* code GUID */
  char *user;       /* creating user GUID, or NULL */
  char *created;    /* creationDateTime, or NULL */
  GPtrArray *notes; /* char *: note GUIDs */
} RefiCoding;

typedef struct {
  char *guid;
  char *name;        /* ATLAS.ti puts the quoted text here */
  gint64 start, end; /* as written, in the exporter's units */
  char *user;
  char *created;
  GPtrArray *codings; /* RefiCoding * */
  GPtrArray *notes;   /* char *: note GUIDs on the selection */
  gboolean mapped;    /* cs, ce are valid */
  guint cs, ce;       /* code points into the stored text */
} RefiSelection;

typedef struct {
  char *guid;
  char *name;
  char *kind;            /* "TextSource", "PDFSource", ... */
  char *path;            /* plainTextPath, or NULL */
  char *content;         /* PlainTextContent, or NULL */
  GHashTable *vars;      /* variable name -> value */
  GPtrArray *selections; /* RefiSelection * */
  guint n_other_codings; /* codings on media or on the whole source */
  GBytes *raw;           /* the text as found (may have BOM, CRLF) or NULL */
  char *text;            /* the stored NFC text, set by offsets.c */
  char *informant;       /* informant code, set by import.c */
} RefiSource;

typedef struct {
  char *guid;
  char *name;
  GHashTable *vars;   /* variable name -> value */
  GPtrArray *sources; /* char *: source GUIDs */
} RefiCase;

typedef struct {
  char *text;    /* PlainTextContent exactly as written (a memo must
                    come back unchanged), else the Description */
  char *user;    /* creating user GUID, or NULL */
  char *created; /* creationDateTime, or NULL */
} RefiNote;

typedef struct {
  char *origin;
  char *name;
  GHashTable *users;        /* guid -> name */
  GPtrArray *user_order;    /* char *: guids in file order */
  GString *codebook;        /* codes in the codebook text format (new ones) */
  GHashTable *code_ids;     /* code guid -> theme id */
  GPtrArray *new_codes;     /* char *: theme ids created by this import */
  GPtrArray *sources;       /* RefiSource * */
  GPtrArray *cases;         /* RefiCase * */
  GHashTable *notes;        /* note guid -> RefiNote * */
  GHashTable *coding_notes; /* note guids referenced from any Coding */
  GHashTable *used_notes;   /* note guids kept (on codings or as memos) */
  GPtrArray *skipped;       /* char *: messages for the report */
  guint n_merged;
} RefiProject;

void refi_project_free (RefiProject *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefiProject, refi_project_free)

/* read.c: the model from a parsed .qde (an xmlDoc *). existing is the
 * project's codebook (or NULL): codes it already has are reused. */
RefiProject *refi_read (gpointer doc, const TeemaCodebook *existing,
                        const char *name, GError **error);

/* offsets.c: sets each source's text (NFC, LF) from its raw bytes and
 * maps its selections into it with the counting convention that puts the
 * most selections on word boundaries. Returns the convention's name;
 * *n_on_boundary counts selections with both ends on word boundaries.
 * Sources whose text cannot be used are given text NULL and a message in
 * p->skipped. */
char *refi_map_offsets (RefiProject *p, guint *n_on_boundary);

/* offsets.c: segments of a source's text (TeemaSegment *, without
 * document fields): speaker turns when the text has speaker labels (or,
 * for teema's own export, exactly as teema cut it), else paragraphs or
 * lines. */
GPtrArray *refi_segments (const RefiSource *source);

#endif
