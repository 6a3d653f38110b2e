/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Audits (granskningar) and their recommendations (revisionsrekommendationer),
 * issue 5. The objects here are immutable snapshots built by the board
 * (tavla-board-audits.h); the rules live there.
 *
 * Machine names (database, CLI and JSON):
 *
 * Recommendation status: "open" (received, not yet answered), "responded"
 * (the committee has answered), "in-progress" (actions under way, with an
 * owner and a due date), "implemented" (the centre considers it done),
 * "closed" (evidence given and the auditors assessed it implemented),
 * "not-accepted" (the committee decided not to act on it, with a
 * motivation).
 *
 * Follow-up assessment by the auditors: "implemented", "partly",
 * "not-implemented"; none until the auditors have followed it up.
 *
 * Traffic light: "green" when closed; "red" when overdue (not closed,
 * implemented or not accepted, with a due date before the day asked about)
 * or assessed not implemented; "yellow" otherwise while open; "none" for a
 * recommendation that was not accepted.
 */

typedef enum
{
  TAVLA_RECOMMENDATION_OPEN,
  TAVLA_RECOMMENDATION_RESPONDED,
  TAVLA_RECOMMENDATION_IN_PROGRESS,
  TAVLA_RECOMMENDATION_IMPLEMENTED,
  TAVLA_RECOMMENDATION_CLOSED,
  TAVLA_RECOMMENDATION_NOT_ACCEPTED,
} TavlaRecommendationStatus;

#define TAVLA_N_RECOMMENDATION_STATUSES 6

typedef enum
{
  TAVLA_ASSESSMENT_NONE,
  TAVLA_ASSESSMENT_IMPLEMENTED,
  TAVLA_ASSESSMENT_PARTLY,
  TAVLA_ASSESSMENT_NOT_IMPLEMENTED,
} TavlaAssessment;

#define TAVLA_N_ASSESSMENTS 4

typedef enum
{
  TAVLA_LIGHT_NONE,
  TAVLA_LIGHT_GREEN,
  TAVLA_LIGHT_YELLOW,
  TAVLA_LIGHT_RED,
} TavlaLight;

#define TAVLA_N_LIGHTS 4

/* Machine names; from_string() returns FALSE for an unknown name.
 * TAVLA_ASSESSMENT_NONE is "none" (and "" parses as none). */
const char *tavla_recommendation_status_to_string   (TavlaRecommendationStatus  status);
gboolean    tavla_recommendation_status_from_string (const char                *text,
                                                     TavlaRecommendationStatus *out_status);
const char *tavla_assessment_to_string              (TavlaAssessment            assessment);
gboolean    tavla_assessment_from_string            (const char                *text,
                                                     TavlaAssessment           *out_assessment);
const char *tavla_light_to_string                   (TavlaLight                 light);

/* Translated labels: "Responded" / "Besvarad", "Partly implemented" /
 * "Delvis genomförd", "Red" / "Röd". */
const char *tavla_recommendation_status_get_label   (TavlaRecommendationStatus  status);
const char *tavla_assessment_get_label              (TavlaAssessment            assessment);
const char *tavla_light_get_label                   (TavlaLight                 light);

/*
 * The light rule, on its own for views that compute it for another day:
 * @due an ISO date or NULL, @day the ISO date to judge by.
 */
TavlaLight  tavla_recommendation_compute_light      (TavlaRecommendationStatus  status,
                                                     TavlaAssessment            assessment,
                                                     const char                *due,
                                                     const char                *day);

/* ---- Recommendations ---------------------------------------------------- */

/* An improvement item linked to a recommendation (an action), as read with
 * it: enough to show its progress without loading the item. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *status;   /* item status machine name: "new", "in-progress", ... */
  char   *mark;     /* "on-track", "at-risk", "off-track" or NULL */
  char   *owner;    /* NULL for none */
  char   *due;      /* ISO date or NULL */
} TavlaAction;

TavlaAction *tavla_action_copy (const TavlaAction *action);
void         tavla_action_free (TavlaAction       *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaAction, tavla_action_free)

#define TAVLA_TYPE_RECOMMENDATION (tavla_recommendation_get_type ())
G_DECLARE_FINAL_TYPE (TavlaRecommendation, tavla_recommendation, TAVLA, RECOMMENDATION, GObject)

/*
 * One recommendation of an audit, as read at one moment (@today, for the
 * light and whether it is overdue).
 *
 * Immutable snapshot. Read-only properties: id, version, audit-id,
 * audit-title, text, addressed-to, response, response-date, owner,
 * owner-id, due, status, evidence, assessment, assessment-date, note,
 * light, overdue, created, updated.
 */
typedef struct
{
  gint64                     id;
  gint64                     version;
  gint64                     audit_id;
  const char                *audit_title;
  const char                *text;
  const char                *addressed_to;
  const char                *response;
  const char                *response_date;
  gint64                     owner_id;
  const char                *owner;
  const char                *due;
  TavlaRecommendationStatus  status;
  const char                *evidence;
  TavlaAssessment            assessment;
  const char                *assessment_date;
  const char                *note;
  const char                *created;
  const char                *updated;
  const char                *today;
  /* TavlaAction, borrowed: copied. */
  const TavlaAction *const  *actions;
  guint                      n_actions;
} TavlaRecommendationFields;

TavlaRecommendation       *tavla_recommendation_new                 (const TavlaRecommendationFields *fields);
gint64                     tavla_recommendation_get_id              (TavlaRecommendation *self);
gint64                     tavla_recommendation_get_version         (TavlaRecommendation *self);
gint64                     tavla_recommendation_get_audit_id        (TavlaRecommendation *self);
const char                *tavla_recommendation_get_audit_title     (TavlaRecommendation *self);
const char                *tavla_recommendation_get_text            (TavlaRecommendation *self);
/* Strings below are NULL when not set. */
const char                *tavla_recommendation_get_addressed_to    (TavlaRecommendation *self);
const char                *tavla_recommendation_get_response        (TavlaRecommendation *self);
const char                *tavla_recommendation_get_response_date   (TavlaRecommendation *self);
gint64                     tavla_recommendation_get_owner_id        (TavlaRecommendation *self);
const char                *tavla_recommendation_get_owner           (TavlaRecommendation *self);
const char                *tavla_recommendation_get_due             (TavlaRecommendation *self);
TavlaRecommendationStatus  tavla_recommendation_get_status          (TavlaRecommendation *self);
const char                *tavla_recommendation_get_evidence        (TavlaRecommendation *self);
TavlaAssessment            tavla_recommendation_get_assessment      (TavlaRecommendation *self);
const char                *tavla_recommendation_get_assessment_date (TavlaRecommendation *self);
/* The motivation of a recommendation not accepted, or the note of the
 * latest status change. */
const char                *tavla_recommendation_get_note            (TavlaRecommendation *self);
const char                *tavla_recommendation_get_created         (TavlaRecommendation *self);
const char                *tavla_recommendation_get_updated         (TavlaRecommendation *self);
/* The light and overdue state on the snapshot's day. */
TavlaLight                 tavla_recommendation_get_light           (TavlaRecommendation *self);
gboolean                   tavla_recommendation_is_overdue          (TavlaRecommendation *self);
/* Still to be acted on: open, responded or in progress. */
gboolean                   tavla_recommendation_is_open             (TavlaRecommendation *self);
/* TavlaAction, ordered by item id; owned by the recommendation. */
GPtrArray                 *tavla_recommendation_get_actions         (TavlaRecommendation *self);

/* ---- Audits ------------------------------------------------------------- */

#define TAVLA_TYPE_AUDIT (tavla_audit_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAudit, tavla_audit, TAVLA, AUDIT, GObject)

/*
 * An audit: "Granskning av kundcenter", by KPMG, reported 2022-06-02, of
 * kommunstyrelsen, with the diary number and the auditors' overall
 * assessment, and its recommendations.
 *
 * Immutable snapshot. Read-only properties: id, version, title, auditor,
 * date, body, reference, assessment, n-recommendations, n-open, light,
 * created, updated.
 */
typedef struct
{
  gint64                             id;
  gint64                             version;
  const char                        *title;
  const char                        *auditor;
  const char                        *date;
  const char                        *body;
  const char                        *reference;
  const char                        *assessment;
  const char                        *created;
  const char                        *updated;
  /* TavlaRecommendation, borrowed: referenced. */
  TavlaRecommendation *const        *recommendations;
  guint                              n_recommendations;
} TavlaAuditFields;

TavlaAudit   *tavla_audit_new                    (const TavlaAuditFields *fields);
gint64        tavla_audit_get_id                 (TavlaAudit *self);
gint64        tavla_audit_get_version            (TavlaAudit *self);
const char   *tavla_audit_get_title              (TavlaAudit *self);
const char   *tavla_audit_get_auditor            (TavlaAudit *self);
/* The report's date, ISO. */
const char   *tavla_audit_get_date               (TavlaAudit *self);
/* The audited body ("Kommunstyrelsen"). */
const char   *tavla_audit_get_body               (TavlaAudit *self);
/* Diary number; NULL when not set. */
const char   *tavla_audit_get_reference          (TavlaAudit *self);
/* The overall assessment text; NULL when not set. */
const char   *tavla_audit_get_assessment         (TavlaAudit *self);
const char   *tavla_audit_get_created            (TavlaAudit *self);
const char   *tavla_audit_get_updated            (TavlaAudit *self);
/* TavlaRecommendation, ordered by id; owned by the audit. */
GPtrArray    *tavla_audit_get_recommendations    (TavlaAudit *self);
/* How many recommendations are still open (tavla_recommendation_is_open()). */
guint         tavla_audit_get_n_open             (TavlaAudit *self);
/* The worst light of its recommendations (red over yellow over green);
 * TAVLA_LIGHT_NONE when it has none that carry a light. */
TavlaLight    tavla_audit_get_light              (TavlaAudit *self);
/* "KPMG, 2022-06-02 (v. 22)": for lists and headings. */
char         *tavla_audit_dup_subtitle           (TavlaAudit *self);

G_END_DECLS
