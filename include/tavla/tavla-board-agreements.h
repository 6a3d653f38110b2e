/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-agreement.h"
#include "tavla-board.h"

G_BEGIN_DECLS

/*
 * Delivery agreements on the board (issue 4). Same conventions as
 * tavla-board.h: input errors are TAVLA_INPUT_ERROR with a translated
 * message that names the field and says how to fix it, and nothing is
 * written; an unknown agreement, case type or item is
 * TAVLA_STORE_ERROR_NOT_FOUND; a read-only board refuses every write with
 * TAVLA_STORE_ERROR_READ_ONLY; objects and arrays are returned transfer
 * full; @actor NULL means tavla_default_actor().
 *
 * Field names (@out_field) are the CLI's option names: "department",
 * "signed", "valid-from", "valid-to", "review-months", "signatory",
 * "agreement", "name", "text", "rosa", "days", "quality", "handled-by",
 * "contact", "date", "casetype", "item".
 *
 * The rules:
 * - A department has at most one active agreement, and at most one draft.
 * - Only a draft's sections, dates and signatories can be edited; an
 *   active agreement is changed by revising it: a new draft version
 *   (version number + 1) with a copy of its sections, case types and
 *   signatories.
 * - Signing a draft with a date makes it active (its signatories signed on
 *   that day) and the department's previous active agreement superseded;
 *   signing needs a date.
 * - Adding a case type to an active agreement marks it "revision needed"
 *   until a newer version is signed; superseded agreements take no case
 *   types.
 * - An active agreement past its valid-to date is expired (computed).
 * - Every change writes history rows (object_kind "agreement", or
 *   "casetype" for the case type's own row) in the same transaction.
 *
 * Writes to an existing agreement take @expected_version: the agreement's
 * row version (tavla_agreement_get_version()) the change is based on, or 0
 * for no check. When the agreement moved on since, the write is refused
 * with TAVLA_STORE_ERROR_CONFLICT and nothing is written (reload it and
 * make the change again).
 *
 * After every committed write the board-owned model of
 * tavla_board_get_agreements() is reloaded (items-changed), so pages that
 * show agreements listen there.
 */

/* Board-owned model of TavlaAgreement (transfer none): the current
 * agreement of each department (as @current_only below), ordered by
 * department name. Reloaded after each agreement write made through this
 * board, by tavla_board_refresh() when another process committed, and by
 * tavla_board_reload_agreements(). */
GListModel     *tavla_board_get_agreements    (TavlaBoard                 *self);
/* Reloads that model; TRUE when anything differed. */
gboolean        tavla_board_reload_agreements (TavlaBoard                 *self,
                                               GError                    **error);

/*
 * A new agreement as typed (strings borrowed; NULL or "" is "not given"):
 * @department: required, a department's name or code.
 * @signed_date: optional ISO date. Given: the agreement is registered as
 *   already signed and is active at once (refused when the department
 *   already has an active agreement: revise that one). Not given: a draft.
 *   Valid-from defaults to the signing day.
 * @valid_from, @valid_to: optional ISO dates; valid-to not before
 *   valid-from (nor before signed when there is no valid-from).
 * @review_months: optional whole number 1-120, default 12.
 * @signatories: NULL-terminated, "NAME:ROLE[:PARTY]" each (see
 *   tavla_signatory_parse()), may be NULL.
 */
typedef struct
{
  const char         *department;
  const char         *signed_date;
  const char         *valid_from;
  const char         *valid_to;
  const char         *review_months;
  const char * const *signatories;
} TavlaAgreementInput;

#define TAVLA_AGREEMENT_DEFAULT_REVIEW_MONTHS 12

/* Adds version 1 (or the next version number) of a department's agreement:
 * a draft, or active when @input->signed_date is given. History row
 * "created". */
TavlaAgreement *tavla_board_add_agreement     (TavlaBoard                 *self,
                                               const TavlaAgreementInput  *input,
                                               const char                 *actor,
                                               const char                **out_field,
                                               GError                    **error);

/*
 * Changes a draft's dates, review interval or signatories. Fields of
 * @input that are NULL are left as they are (@department is ignored; an
 * empty string clears a date; @signatories non-NULL replaces them all).
 * One history row per changed field ("valid-from", "valid-to",
 * "review-months", "signatories"). Refused on an agreement that is not a
 * draft (field "agreement": revise it first).
 */
TavlaAgreement *tavla_board_update_agreement  (TavlaBoard                 *self,
                                               gint64                      id,
                                               gint64                      expected_version,
                                               const TavlaAgreementInput  *input,
                                               const char                 *actor,
                                               const char                **out_field,
                                               GError                    **error);

/* Sets one section of a draft (@section a machine name, field "name";
 * @text up to 20,000 characters, trimmed, "" empties it, field "text").
 * History row field "section:NAME". The same text again writes nothing. */
TavlaAgreement *tavla_board_set_agreement_section (TavlaBoard          *self,
                                                   gint64               id,
                                                   gint64               expected_version,
                                                   const char          *section,
                                                   const char          *text,
                                                   const char          *actor,
                                                   const char         **out_field,
                                                   GError             **error);

/*
 * A new case type as typed:
 * @name: required, 1-200 characters, unique in the agreement without
 *   regard to case.
 * @rosa: required ROSA class machine name.
 * @days: optional whole number 0-365 (working days).
 * @quality: optional, up to 2,000 characters.
 * @handled_by: "centre" (default) or "department".
 * @contact: optional, a known person's name.
 */
typedef struct
{
  const char *name;
  const char *rosa;
  const char *days;
  const char *quality;
  const char *handled_by;
  const char *contact;
} TavlaCaseTypeInput;

/* Adds a case type to a draft or an active agreement (the latter is then
 * marked revision needed). History rows: "created" on the case type,
 * "case-type" (new value its name) on the agreement, and
 * "revision-needed" when it was set. */
TavlaCaseType  *tavla_board_add_case_type     (TavlaBoard                 *self,
                                               gint64                      agreement_id,
                                               const TavlaCaseTypeInput   *input,
                                               const char                 *actor,
                                               const char                **out_field,
                                               GError                    **error);

/* Makes a new draft of the department's active agreement (or of its latest
 * version when none is active), copying sections, case types, signatories
 * (not their signed dates) and the review interval; its dates are left
 * empty (set them with tavla_board_update_agreement(); signing sets
 * valid-from to the signing day when it is empty). Refused when the department already has a draft
 * (field "agreement"). History: "created" with note "Revision of version
 * N" on the new one, "revised" on the old. */
/*
 * Changes a case type of a draft or an active agreement (the latter is then
 * marked revision needed), under the rules of adding one. Fields of @input
 * that are NULL are left as they are; "" empties days, quality and contact
 * (and is refused for name and rosa). @expected_version: the case type's
 * version the change is based on, or 0 for no check; when it moved on,
 * TAVLA_STORE_ERROR_CONFLICT and nothing is written. History rows per
 * changed field on the case type ("name", "rosa", "days", "quality",
 * "handled-by", "contact"), "case-type-edited" (old and new name) on the
 * agreement, and "revision-needed" when it was set. The same values again
 * write nothing.
 */
TavlaCaseType  *tavla_board_update_case_type  (TavlaBoard                 *self,
                                               gint64                      id,
                                               gint64                      expected_version,
                                               const TavlaCaseTypeInput   *input,
                                               const char                 *actor,
                                               const char                **out_field,
                                               GError                    **error);

TavlaAgreement *tavla_board_revise_agreement  (TavlaBoard                 *self,
                                               gint64                      id,
                                               const char                 *actor,
                                               GError                    **error);

/* Signs a draft on @date (required ISO date, field "date"): it becomes
 * active, its signatories signed that day, revision needed cleared, and the
 * department's active agreement superseded. History rows "status" and
 * "signed" on it, "status" on the superseded one. */
TavlaAgreement *tavla_board_sign_agreement    (TavlaBoard                 *self,
                                               gint64                      id,
                                               gint64                      expected_version,
                                               const char                 *date,
                                               const char                 *actor,
                                               GError                    **error);

TavlaAgreement *tavla_board_get_agreement     (TavlaBoard                 *self,
                                               gint64                      id,
                                               GError                    **error);

/*
 * Which agreements to list (strings borrowed, NULL for any):
 * @department: a name or code; unknown is an input error.
 * @current_only: per department only its current agreement: the active
 *   (or expired) one, else the draft, else the latest version.
 * @review_due: only agreements whose review is due on or before @on plus
 *   @within_days (active or expired ones).
 * @on: the day to judge status and review by (ISO date; NULL for today).
 */
typedef struct
{
  const char *department;
  gboolean    current_only;
  gboolean    review_due;
  guint       within_days;
  const char *on;
} TavlaAgreementQuery;

/* A new model of TavlaAgreement ordered by department name, then version
 * number; statuses computed for @query->on. */
GListModel     *tavla_board_list_agreements   (TavlaBoard                 *self,
                                               const TavlaAgreementQuery  *query,
                                               GError                    **error);
/* Every version of the department's agreement, oldest first. */
GListModel     *tavla_board_list_agreement_versions (TavlaBoard           *self,
                                                     gint64                department_id,
                                                     GError              **error);
/* The agreement's history (TavlaHistoryEntry, oldest first); fields
 * "created", "revised", "status", "signed", "valid-from", "valid-to",
 * "review-months", "signatories", "section:NAME", "case-type",
 * "revision-needed". */
GListModel     *tavla_board_list_agreement_history (TavlaBoard            *self,
                                                    gint64                 id,
                                                    GError               **error);

/* A sentence for the agreement's timeline, translated: "Status: Draft →
 * Active", "Section “Billing” edited", "Case type “Färdtjänst” added". */
char           *tavla_agreement_describe_history   (TavlaHistoryEntry     *entry);

/* What changed from agreement @old_id to @new_id (tavla_agreement_diff()). */
GPtrArray      *tavla_board_diff_agreements   (TavlaBoard                 *self,
                                               gint64                      old_id,
                                               gint64                      new_id,
                                               GError                    **error);

/*
 * Links an item to an agreement and, optionally (@case_type_id > 0), one of
 * its case types (item_link kinds "agreement" and "casetype"), writing a
 * history row on the item per new link (field "link", new value the
 * department and version number, "Samhällsbyggnad 2", or the case type's
 * name). A case type of another agreement is refused (field
 * "casetype"). Linking again writes nothing. Returns the item.
 */
TavlaItem      *tavla_board_link_item_to_agreement (TavlaBoard            *self,
                                                    gint64                 item_id,
                                                    gint64                 agreement_id,
                                                    gint64                 case_type_id,
                                                    const char            *actor,
                                                    GError               **error);
/* Ids of the items linked to the agreement or to one of its case types,
 * ascending (a GArray of gint64). */
GArray         *tavla_board_list_agreement_items   (TavlaBoard            *self,
                                                    gint64                 agreement_id,
                                                    GError               **error);

/* ---- Export ----------------------------------------------------------- */

typedef enum
{
  TAVLA_EXPORT_MARKDOWN,
  TAVLA_EXPORT_HTML,
  TAVLA_EXPORT_PDF,
} TavlaExportFormat;

/* "markdown", "html", "pdf". */
const char *tavla_export_format_to_string   (TavlaExportFormat  format);
gboolean    tavla_export_format_from_string (const char        *text,
                                             TavlaExportFormat *out_format);

/*
 * The agreement as a document ready to sign: title, department, version,
 * status, dates, each section, the case types as a table, and a signature
 * line per signatory. Headings are translated (Swedish in the Swedish UI);
 * every user text is escaped for the format (HTML: a section holding
 * "<script>" shows as that text). HTML carries an A4 print stylesheet.
 * PDF: A4 pages through cairo and pango.
 */
GBytes     *tavla_agreement_export          (TavlaAgreement    *agreement,
                                             TavlaExportFormat  format,
                                             GError           **error);
/* The same, written to @file (replaced atomically). */
gboolean    tavla_agreement_export_to_file  (TavlaAgreement    *agreement,
                                             TavlaExportFormat  format,
                                             GFile             *file,
                                             GError           **error);

/* The agreement as a TavlaDocument (tavla-document.h), for printing;
 * free with tavla_document_free(). */
typedef struct _TavlaDocument TavlaDocument;
TavlaDocument *tavla_agreement_build_document (TavlaAgreement *agreement);

G_END_DECLS
