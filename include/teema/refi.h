/* teema/refi.h — REFI-QDA exchange: codebooks (.qdc) and projects (.qdpx).
 *
 * REFI-QDA (www.qdasoftware.org) is the exchange standard of NVivo,
 * ATLAS.ti, MAXQDA, QualCoder and Taguette. teema writes files that
 * validate against the standard's Codebook.xsd and Project.xsd, and reads
 * what those tools really write (see docs in the source of refi-import.c).
 *
 * Keyword rules have no element in the standard. teema keeps them, with
 * the theme id and both labels, in the code's <Description> after a line
 * "--- teema ---"; above that line is the human description. Other tools
 * show the block as text and keep it; teema reads it back exactly.
 *
 * Offsets: teema writes startPosition/endPosition in Unicode code points
 * of the UTF-8 source text (LF line ends). On import the counting
 * convention (code points or UTF-16 units; CRLF as one or two) is detected
 * from where the selections land and reported. */
#ifndef TEEMA_REFI_H
#define TEEMA_REFI_H

#include <glib.h>
#include <teema/codebook.h>
#include <teema/names.h>
#include <teema/project.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The line that starts teema's block in a code's <Description>. */
#define TEEMA_REFI_MARKER "--- teema ---"

/* Parses a REFI-QDA codebook (.qdc; the codebook namespace, the project
 * namespace or none). Code ids come from the teema block or else from the
 * code names (lower case, ASCII, unique). name is used in messages. */
TeemaCodebook *teema_codebook_parse_qdc (const char *data, gsize len,
                                         const char *name, GError **error);
TeemaCodebook *teema_codebook_load_qdc (const char *path, GError **error);

/* The codebook as a .qdc document (UTF-8, NUL-terminated); NULL when
 * libxml2 cannot be opened. */
char *teema_codebook_to_qdc (const TeemaCodebook *codebook, GError **error);

/* Writes the whole project as a .qdpx archive at path (atomically: the
 * file appears only when complete). */
gboolean teema_refi_export_qdpx (TeemaProject *project, const char *path,
                                 GError **error);

/* The same with personal names replaced in the texts, memos and notes as
 * in quotes (teema/names.h: the names of key, which may be NULL, and
 * those Voikko knows); every coding's position moves with the text, so
 * the codings still cover the same words. */
gboolean teema_refi_export_qdpx_pseudonymised (TeemaProject *project,
                                               const char *path,
                                               const TeemaNameKey *key,
                                               GError **error);

typedef struct {
  gboolean force;    /* replace documents already in the project */
  guint64 max_bytes; /* uncompressed bytes allowed in a .qdpx; 0 = 512 MiB */
  guint max_members; /* members allowed in a .qdpx; 0 = 10000 */
} TeemaRefiOptions;

typedef struct {
  char *origin;     /* the exporting software, or NULL */
  char *convention; /* how offsets were counted, e.g. "UTF-16 units,
                       CRLF as two" */
  guint n_users;    /* coders created or reused */
  guint n_codes;    /* themes created (codes already in the project are
                       reused and not counted) */
  guint n_sources;  /* documents imported */
  guint n_segments;
  guint n_selections;       /* text selections read (after merging) */
  guint n_merged;           /* repeated identical selections merged */
  guint n_codings;          /* codings written */
  guint n_on_boundary;      /* selections whose both ends are on word bounds */
  guint n_cases;            /* informants from cases */
  guint n_memos;            /* memos written (from notes on selections) */
  guint n_notes_attached;   /* notes kept: on a coding or in a memo */
  guint n_notes_unattached; /* notes on nothing teema imports (reported) */
  GPtrArray *skipped;       /* char *: what was not imported and why */
} TeemaRefiReport;

void teema_refi_report_free (TeemaRefiReport *report);

/* Imports a .qdpx archive or a bare .qde file in one transaction: all of
 * it or nothing. Sources become documents, codes themes, users coders,
 * cases informants, text selections codings on the segment that contains
 * their start. A note on a selection that is no coding's note becomes the
 * memo of its creating user (else the selection's, else "imported") on
 * that segment, its text kept exactly; notes of one coder on one segment
 * are joined by a blank line. What cannot be imported (media sources,
 * selections whose text is absent) is listed in report->skipped, not an error.
 * Fails with TEEMA_ERROR_PARSE for malformed or hostile XML,
 * TEEMA_ERROR_UNSUPPORTED for an unsafe archive, TEEMA_ERROR_EXISTS for a
 * document already in the project (unless options->force). */
TeemaRefiReport *teema_refi_import (TeemaProject *project, const char *path,
                                    const TeemaRefiOptions *options,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TeemaRefiReport, teema_refi_report_free)

#ifdef __cplusplus
}
#endif

#endif
