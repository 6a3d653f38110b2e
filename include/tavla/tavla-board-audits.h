/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-audit.h"
#include "tavla-board.h"
#include "tavla-board-agreements.h"
#include "tavla-document.h"

G_BEGIN_DECLS

/*
 * Audits and recommendations on the board (issue 5). Same conventions as
 * tavla-board.h: input errors are TAVLA_INPUT_ERROR with a translated
 * message that names the field and says how to fix it, and nothing is
 * written; an unknown audit, recommendation or item is
 * TAVLA_STORE_ERROR_NOT_FOUND; a read-only board refuses every write with
 * TAVLA_STORE_ERROR_READ_ONLY; objects are returned transfer full; @actor
 * NULL means tavla_default_actor().
 *
 * Field names (@out_field) are the CLI's option names: "title", "auditor",
 * "date", "body", "reference", "assessment-text", "audit", "text",
 * "addressed-to", "owner", "due", "status", "response", "response-date",
 * "evidence", "assessment", "assessment-date", "note".
 *
 * The rules of a recommendation:
 * - "responded" needs the committee's response text.
 * - "in-progress" needs an owner and a due date.
 * - "closed" needs evidence and the auditors' assessment "implemented".
 * - "not-accepted" needs a note with the motivation.
 * - Reopening (closed or not accepted back to in progress or responded)
 *   needs a note.
 * - Moves not in this list are refused (field "status") with the way to
 *   get there: open → responded, in-progress, not-accepted; responded →
 *   in-progress, not-accepted; in-progress → implemented, closed,
 *   not-accepted; implemented → closed, in-progress; closed →
 *   in-progress; not-accepted → responded, in-progress.
 * - An assessment "partly" or "not-implemented" returns the
 *   recommendation to in progress (so it then needs an owner and a due
 *   date), whatever status it had.
 * - The response date defaults to the day the response is written, the
 *   assessment date to the day the assessment is.
 * - Every changed field is one history row (object_kind "recommendation",
 *   fields as above, "created" for a new one) in the same transaction.
 *
 * Writes to an existing audit or recommendation take @expected_version:
 * the row version the change is based on, or 0 for no check. When it
 * moved on since, TAVLA_STORE_ERROR_CONFLICT and nothing is written.
 *
 * After every committed write, and when tavla_board_refresh() saw another
 * process commit, the board-owned model of tavla_board_get_audits() is
 * reloaded with the minimal items-changed; pages listen to that model.
 */

/* Board-owned model of TavlaAudit (transfer none), newest report first,
 * each with its recommendations (lights as of today). */
GListModel          *tavla_board_get_audits          (TavlaBoard                 *self);
/* Reloads that model; TRUE when anything differed. */
gboolean             tavla_board_reload_audits       (TavlaBoard                 *self,
                                                      GError                    **error);

/*
 * A new audit or the changed fields of one (strings borrowed; for add,
 * NULL or "" is "not given"; for update, NULL leaves a field as it is and
 * "" clears an optional one):
 * @title: required, 1-200 characters.
 * @auditor: required, the firm or the auditors ("KPMG"), 1-200 characters.
 * @date: required, the report's ISO date.
 * @body: required, the audited body ("Kommunstyrelsen"), 1-200 characters.
 * @reference: optional diary number, up to 100 characters.
 * @assessment: optional overall assessment text, up to 20,000 characters.
 */
typedef struct
{
  const char *title;
  const char *auditor;
  const char *date;
  const char *body;
  const char *reference;
  const char *assessment;
} TavlaAuditInput;

TavlaAudit          *tavla_board_add_audit           (TavlaBoard                 *self,
                                                      const TavlaAuditInput      *input,
                                                      const char                 *actor,
                                                      const char                **out_field,
                                                      GError                    **error);
TavlaAudit          *tavla_board_update_audit        (TavlaBoard                 *self,
                                                      gint64                      id,
                                                      gint64                      expected_version,
                                                      const TavlaAuditInput      *input,
                                                      const char                 *actor,
                                                      const char                **out_field,
                                                      GError                    **error);
TavlaAudit          *tavla_board_get_audit           (TavlaBoard                 *self,
                                                      gint64                      id,
                                                      GError                    **error);
/* A new model of TavlaAudit, newest report first (lights for @on, an ISO
 * date, NULL for today). */
GListModel          *tavla_board_list_audits         (TavlaBoard                 *self,
                                                      const char                 *on,
                                                      GError                    **error);

/*
 * A new recommendation (strings borrowed, NULL or "" not given):
 * @text: required, 1-5,000 characters.
 * @addressed_to: optional; defaults to the audit's audited body.
 * @owner: optional, a known person's name.
 * @due: optional ISO date.
 * It starts "open".
 */
typedef struct
{
  const char *text;
  const char *addressed_to;
  const char *owner;
  const char *due;
} TavlaRecommendationInput;

TavlaRecommendation *tavla_board_add_recommendation  (TavlaBoard                      *self,
                                                      gint64                           audit_id,
                                                      const TavlaRecommendationInput  *input,
                                                      const char                      *actor,
                                                      const char                     **out_field,
                                                      GError                         **error);

/*
 * A change to a recommendation (strings borrowed; NULL leaves a field as it
 * is; "" clears an optional one: addressed-to, owner, due, response,
 * evidence, assessment). @status is a machine name. @note goes with the
 * status change into the history (and is the motivation of
 * "not-accepted"). The same values again write nothing.
 */
typedef struct
{
  const char *text;
  const char *addressed_to;
  const char *status;
  const char *response;
  const char *response_date;
  const char *owner;
  const char *due;
  const char *evidence;
  const char *assessment;
  const char *assessment_date;
  const char *note;
  gint64      meeting_id;   /* 0, or the meeting the change was made in */
} TavlaRecommendationChange;

TavlaRecommendation *tavla_board_update_recommendation (TavlaBoard                      *self,
                                                        gint64                           id,
                                                        gint64                           expected_version,
                                                        const TavlaRecommendationChange *change,
                                                        const char                      *actor,
                                                        const char                     **out_field,
                                                        GError                         **error);

/*
 * Checks a change without writing, for a form that validates as the user
 * types: TRUE when tavla_board_update_recommendation() would accept it on
 * @current; otherwise FALSE with the same message and field.
 */
gboolean             tavla_recommendation_check_change (TavlaBoard                      *self,
                                                        TavlaRecommendation             *current,
                                                        const TavlaRecommendationChange *change,
                                                        const char                     **out_field,
                                                        GError                         **error);

TavlaRecommendation *tavla_board_get_recommendation  (TavlaBoard                 *self,
                                                      gint64                      id,
                                                      GError                    **error);

/*
 * Which recommendations to list:
 * @audit_id: of one audit (0 for all; unknown is TAVLA_STORE_ERROR_NOT_FOUND).
 * @open_only: only open, responded and in-progress ones.
 * @overdue_only: only overdue ones on @on.
 * @due_within_days: with @due_within set, only open ones due on or before
 *   @on + @due_within_days (overdue ones included).
 * @owner: only those of that person (a name; unknown is an input error,
 *   field "owner").
 * @on: the ISO day to judge lights and overdue by (NULL for today;
 *   malformed is an input error, field "on").
 */
typedef struct
{
  gint64      audit_id;
  gboolean    open_only;
  gboolean    overdue_only;
  gboolean    due_within;
  guint       due_within_days;
  const char *owner;
  const char *on;
} TavlaRecommendationQuery;

/* A new model of TavlaRecommendation ordered by audit date (newest
 * audit first), then id. */
GListModel          *tavla_board_list_recommendations (TavlaBoard                     *self,
                                                       const TavlaRecommendationQuery *query,
                                                       GError                        **error);
/* The recommendation's history (TavlaHistoryEntry, oldest first). */
GListModel          *tavla_board_list_recommendation_history (TavlaBoard  *self,
                                                              gint64       id,
                                                              GError     **error);
/* A sentence for the recommendation's timeline, translated: "Status:
 * Open → Responded", "Evidence added". */
char                *tavla_recommendation_describe_history (TavlaHistoryEntry *entry);

/*
 * Links an item to a recommendation (item_link kind "recommendation"),
 * writing a history row on the item (field "link") and on the
 * recommendation (field "action", new value the item's title). Linking
 * again writes nothing. Returns the item.
 */
TavlaItem           *tavla_board_link_item_to_recommendation (TavlaBoard  *self,
                                                              gint64       item_id,
                                                              gint64       recommendation_id,
                                                              const char  *actor,
                                                              GError     **error);

/*
 * Creates an improvement proposal from a recommendation: an item with
 * source "audit", linked to it, in one transaction. @fields as for
 * tavla_board_create_item() (its source is set here).
 */
TavlaItem           *tavla_board_act_on_recommendation (TavlaBoard            *self,
                                                        gint64                 recommendation_id,
                                                        const TavlaItemChange *fields,
                                                        const char            *actor,
                                                        GError               **error);

/* ---- The report sent to the auditors ------------------------------------ */

/*
 * Every audit (newest first) with its overall assessment and its
 * recommendations: status, light, owner, due date, the committee's
 * response, the actions (linked items with their status and mark), the
 * evidence and the auditors' follow-up; a summary of lights first.
 * Headings translated. @on the ISO day the report is made for (NULL for
 * today). Render it with tavla_document_render() or print it.
 */
TavlaDocument       *tavla_board_build_audit_report  (TavlaBoard          *self,
                                                      const char          *on,
                                                      GError             **error);

G_END_DECLS
