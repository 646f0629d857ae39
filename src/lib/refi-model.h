/* refi-model.h — a REFI-QDA project as read, before it becomes teema
 * data: what refi-read.c fills from the XML, refi-offsets.c maps onto the
 * stored text, and refi-import.c writes. GUIDs are kept in lower case so
 * that upper- and lower-case references match. */
#ifndef TEEMA_REFI_MODEL_H
#define TEEMA_REFI_MODEL_H

#include <glib.h>
#include <teema/teema.h>

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
  char *text;            /* the stored NFC text, set by refi-offsets.c */
  char *informant;       /* informant code, set by refi-import.c */
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

/* refi-read.c: the model from a parsed .qde (an xmlDoc *). existing is the
 * project's codebook (or NULL): codes it already has are reused. */
RefiProject *refi_read (gpointer doc, const TeemaCodebook *existing,
                        const char *name, GError **error);

/* refi-offsets.c: sets each source's text (NFC, LF) from its raw bytes and
 * maps its selections into it with the counting convention that puts the
 * most selections on word boundaries. Returns the convention's name;
 * *n_on_boundary counts selections with both ends on word boundaries.
 * Sources whose text cannot be used are given text NULL and a message in
 * p->skipped. */
char *refi_map_offsets (RefiProject *p, guint *n_on_boundary);

/* refi-offsets.c: segments of a source's text (TeemaSegment *, without
 * document fields): speaker turns when the text has speaker labels (or,
 * for teema's own export, exactly as teema cut it), else paragraphs or
 * lines. */
GPtrArray *refi_segments (const RefiSource *source);

#endif
