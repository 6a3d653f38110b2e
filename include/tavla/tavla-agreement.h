/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Delivery agreements (leveransöverenskommelser) and their case types
 * (ärendetyper), issue 4. The objects here are immutable snapshots built by
 * the board (tavla-board-agreements.h); the rules live there.
 *
 * Machine names (database, CLI and JSON) and translated labels:
 *
 * Status: "draft", "active", "superseded", "expired". An agreement is
 * stored as draft, active or superseded; "expired" is computed: an active
 * agreement whose valid-to date lies before the day asked about.
 *
 * Sections, in document order: "responsibilities", "case-types",
 * "process", "statistics", "on-call", "knowledge", "billing".
 *
 * ROSA classes: "information", "guidance", "administration", "rule-based",
 * "qualified", "evaluative", "political" (Information, Vägledning och
 * rådgivning, Administrativ handläggning, Regelstyrd handläggning,
 * Kvalificerad handläggning, Bedömande beslut, Politisk ledning).
 *
 * Handled by: "centre" (the kundcenter answers and closes the case) or
 * "department" (passed on to the department).
 *
 * Signatory party: "department" (the department head) or "centre" (the
 * centre's administrative head).
 */

typedef enum
{
  TAVLA_AGREEMENT_STATUS_DRAFT,
  TAVLA_AGREEMENT_STATUS_ACTIVE,
  TAVLA_AGREEMENT_STATUS_SUPERSEDED,
  TAVLA_AGREEMENT_STATUS_EXPIRED,
} TavlaAgreementStatus;

#define TAVLA_N_AGREEMENT_STATUSES 4

typedef enum
{
  TAVLA_SECTION_RESPONSIBILITIES,
  TAVLA_SECTION_CASE_TYPES,
  TAVLA_SECTION_PROCESS,
  TAVLA_SECTION_STATISTICS,
  TAVLA_SECTION_ON_CALL,
  TAVLA_SECTION_KNOWLEDGE,
  TAVLA_SECTION_BILLING,
} TavlaSection;

#define TAVLA_N_SECTIONS 7

typedef enum
{
  TAVLA_ROSA_INFORMATION,
  TAVLA_ROSA_GUIDANCE,
  TAVLA_ROSA_ADMINISTRATION,
  TAVLA_ROSA_RULE_BASED,
  TAVLA_ROSA_QUALIFIED,
  TAVLA_ROSA_EVALUATIVE,
  TAVLA_ROSA_POLITICAL,
} TavlaRosaClass;

#define TAVLA_N_ROSA_CLASSES 7

typedef enum
{
  TAVLA_HANDLED_BY_CENTRE,
  TAVLA_HANDLED_BY_DEPARTMENT,
} TavlaHandledBy;

#define TAVLA_N_HANDLED_BY 2

typedef enum
{
  TAVLA_PARTY_DEPARTMENT,
  TAVLA_PARTY_CENTRE,
} TavlaParty;

#define TAVLA_N_PARTIES 2

/* Machine names; from_string() returns FALSE for an unknown name. */
const char *tavla_agreement_status_to_string   (TavlaAgreementStatus  status);
gboolean    tavla_agreement_status_from_string (const char           *text,
                                                TavlaAgreementStatus *out_status);
const char *tavla_section_to_string            (TavlaSection          section);
gboolean    tavla_section_from_string          (const char           *text,
                                                TavlaSection         *out_section);
const char *tavla_rosa_class_to_string         (TavlaRosaClass        rosa);
gboolean    tavla_rosa_class_from_string       (const char           *text,
                                                TavlaRosaClass       *out_rosa);
const char *tavla_handled_by_to_string         (TavlaHandledBy        handled_by);
gboolean    tavla_handled_by_from_string       (const char           *text,
                                                TavlaHandledBy       *out_handled_by);
const char *tavla_party_to_string              (TavlaParty            party);
gboolean    tavla_party_from_string            (const char           *text,
                                                TavlaParty           *out_party);

/* Translated labels ("Active" / "Gällande", "Billing" / "Fakturering",
 * "Rule-based handling" / "Regelstyrd handläggning", ...). */
const char *tavla_agreement_status_get_label   (TavlaAgreementStatus  status);
const char *tavla_section_get_label            (TavlaSection          section);
const char *tavla_rosa_class_get_label         (TavlaRosaClass        rosa);
const char *tavla_handled_by_get_label         (TavlaHandledBy        handled_by);
const char *tavla_party_get_label              (TavlaParty            party);
/* A line of help under a section's heading in an editor, translated
 * ("Who answers for what: the centre, the department, both."). */
const char *tavla_section_get_description      (TavlaSection          section);

/*
 * The review due date: @signed (ISO date) plus @months calendar months,
 * the day clamped to the end of a shorter month (2026-01-31 + 1 month =
 * 2026-02-28; 2024-01-31 + 1 = 2024-02-29). NULL when @signed is NULL or
 * not a date, or @months is 0.
 */
char       *tavla_agreement_compute_review_due (const char           *signed_date,
                                                guint                 months);

/* ---- Case types ------------------------------------------------------- */

#define TAVLA_TYPE_CASE_TYPE (tavla_case_type_get_type ())
G_DECLARE_FINAL_TYPE (TavlaCaseType, tavla_case_type, TAVLA, CASE_TYPE, GObject)

/*
 * A case type (ärendetyp) of one agreement version: "Parkeringstillstånd
 * för rörelsehindrade", its ROSA class, the time frame in working days
 * (-1 when none is agreed), the quality requirement, who handles it and
 * the contact person in the centre (NULL for none).
 *
 * Immutable snapshot. Read-only properties: id, version, agreement-id,
 * name, rosa-class, days, quality, handled-by, contact, contact-id,
 * created, updated.
 */
typedef struct
{
  gint64          id;
  gint64          version;
  gint64          agreement_id;
  const char     *name;
  TavlaRosaClass  rosa_class;
  int             days;
  const char     *quality;
  TavlaHandledBy  handled_by;
  gint64          contact_id;
  const char     *contact;
  const char     *created;
  const char     *updated;
} TavlaCaseTypeFields;

TavlaCaseType  *tavla_case_type_new              (const TavlaCaseTypeFields *fields);
gint64          tavla_case_type_get_id           (TavlaCaseType *self);
gint64          tavla_case_type_get_version      (TavlaCaseType *self);
gint64          tavla_case_type_get_agreement_id (TavlaCaseType *self);
const char     *tavla_case_type_get_name         (TavlaCaseType *self);
TavlaRosaClass  tavla_case_type_get_rosa_class   (TavlaCaseType *self);
/* Working days, -1 when no time frame is agreed. */
int             tavla_case_type_get_days         (TavlaCaseType *self);
const char     *tavla_case_type_get_quality      (TavlaCaseType *self);
TavlaHandledBy  tavla_case_type_get_handled_by   (TavlaCaseType *self);
gint64          tavla_case_type_get_contact_id   (TavlaCaseType *self);
const char     *tavla_case_type_get_contact      (TavlaCaseType *self);
const char     *tavla_case_type_get_created      (TavlaCaseType *self);
const char     *tavla_case_type_get_updated      (TavlaCaseType *self);

/* ---- Signatories ------------------------------------------------------ */

/* One who signs: name, role ("Förvaltningschef"), party, and the day they
 * signed (NULL until the agreement is signed). */
typedef struct
{
  char       *name;
  char       *role;
  TavlaParty  party;
  char       *signed_date;
} TavlaSignatory;

TavlaSignatory *tavla_signatory_copy (const TavlaSignatory *signatory);
void            tavla_signatory_free (TavlaSignatory       *signatory);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaSignatory, tavla_signatory_free)

/*
 * Parses "NAME:ROLE" or "NAME:ROLE:PARTY" (PARTY "department" or
 * "centre"). Name and role are trimmed and required. Without a party the
 * first signatory of an agreement (@index 0) signs for the department and
 * the others for the centre. FALSE with a TAVLA_INPUT_ERROR (field
 * "signatory") on a malformed text.
 */
TavlaSignatory *tavla_signatory_parse (const char  *text,
                                       guint        index,
                                       GError     **error);

/* ---- Agreements ------------------------------------------------------- */

#define TAVLA_TYPE_AGREEMENT (tavla_agreement_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAgreement, tavla_agreement, TAVLA, AGREEMENT, GObject)

/*
 * One version of a department's delivery agreement, with its sections,
 * signatories and case types, as read at one moment.
 *
 * @status is the status as of @today (the day the snapshot was made, the
 * core's clock): an active agreement past its valid-to date reads
 * TAVLA_AGREEMENT_STATUS_EXPIRED. tavla_agreement_get_status_on() asks
 * about another day.
 *
 * Immutable snapshot. Read-only properties: id, version (the row version,
 * for optimistic writes), department-id, department, version-number,
 * status, signed, valid-from, valid-to, review-months, review-due,
 * revision-needed, created, updated.
 */
typedef struct
{
  gint64                 id;
  gint64                 version;
  gint64                 department_id;
  const char            *department;
  guint                  version_number;
  TavlaAgreementStatus   stored_status;   /* draft, active or superseded */
  const char            *signed_date;
  const char            *valid_from;
  const char            *valid_to;
  guint                  review_months;
  gboolean               revision_needed;
  const char            *created;
  const char            *updated;
  const char            *today;           /* for the computed status */
  /* Section texts by TavlaSection; NULL or "" for an empty section. */
  const char            *sections[TAVLA_N_SECTIONS];
  /* TavlaSignatory, borrowed: copied. */
  const TavlaSignatory *const *signatories;
  guint                  n_signatories;
  /* TavlaCaseType, borrowed: referenced. */
  TavlaCaseType *const  *case_types;
  guint                  n_case_types;
} TavlaAgreementFields;

TavlaAgreement       *tavla_agreement_new                 (const TavlaAgreementFields *fields);
gint64                tavla_agreement_get_id              (TavlaAgreement *self);
gint64                tavla_agreement_get_version         (TavlaAgreement *self);
gint64                tavla_agreement_get_department_id   (TavlaAgreement *self);
const char           *tavla_agreement_get_department      (TavlaAgreement *self);
/* 1 for the first agreement of a department, +1 for each revision. */
guint                 tavla_agreement_get_version_number  (TavlaAgreement *self);
TavlaAgreementStatus  tavla_agreement_get_status          (TavlaAgreement *self);
/* The status on @day (ISO date; NULL for the snapshot's day). */
TavlaAgreementStatus  tavla_agreement_get_status_on       (TavlaAgreement *self,
                                                           const char     *day);
/* The status as stored (never expired). */
TavlaAgreementStatus  tavla_agreement_get_stored_status   (TavlaAgreement *self);
/* ISO dates, NULL when not set. */
const char           *tavla_agreement_get_signed          (TavlaAgreement *self);
const char           *tavla_agreement_get_valid_from      (TavlaAgreement *self);
const char           *tavla_agreement_get_valid_to        (TavlaAgreement *self);
guint                 tavla_agreement_get_review_months   (TavlaAgreement *self);
/* tavla_agreement_compute_review_due() of signed and review months; NULL
 * for an unsigned draft. */
const char           *tavla_agreement_get_review_due      (TavlaAgreement *self);
/* Whether the review is due on or before @day (NULL: the snapshot's day):
 * an active (or expired) agreement whose review due date is <= @day. */
gboolean              tavla_agreement_is_review_overdue   (TavlaAgreement *self,
                                                           const char     *day);
/* A case type was added while active: a new version must be signed. */
gboolean              tavla_agreement_get_revision_needed (TavlaAgreement *self);
const char           *tavla_agreement_get_created         (TavlaAgreement *self);
const char           *tavla_agreement_get_updated         (TavlaAgreement *self);
/* The section's text, "" when empty; never NULL. */
const char           *tavla_agreement_get_section         (TavlaAgreement *self,
                                                           TavlaSection    section);
/* TavlaSignatory, in signing order; owned by the agreement. */
GPtrArray            *tavla_agreement_get_signatories     (TavlaAgreement *self);
/* TavlaCaseType, ordered by id; owned by the agreement. */
GPtrArray            *tavla_agreement_get_case_types      (TavlaAgreement *self);
/* The case type with that id, borrowed; NULL when not of this version. */
TavlaCaseType        *tavla_agreement_find_case_type      (TavlaAgreement *self,
                                                           gint64          case_type_id);
/* "Samhällsbyggnad, version 3", translated. */
char                 *tavla_agreement_dup_title           (TavlaAgreement *self);

/* ---- What changed between two versions -------------------------------- */

typedef enum
{
  TAVLA_AGREEMENT_PART_FIELD,       /* subject: "signed", "valid-from",
                                       "valid-to", "review-months" */
  TAVLA_AGREEMENT_PART_SECTION,     /* subject: the section's machine name */
  TAVLA_AGREEMENT_PART_CASE_TYPE,   /* subject: the case type's name */
  TAVLA_AGREEMENT_PART_SIGNATORY,   /* subject: the signatory's name */
} TavlaAgreementPart;

typedef enum
{
  TAVLA_CHANGE_ADDED,
  TAVLA_CHANGE_REMOVED,
  TAVLA_CHANGE_CHANGED,
} TavlaChangeKind;

/*
 * One difference between two versions. @old_value / @new_value are the
 * text before and after (NULL when added / removed): a section's text, a
 * field's value, a case type or signatory as one line ("information, 5
 * days, handled by centre, contact Lena Ek, quality: ..."). @description
 * is a translated sentence for people ("Section Billing changed", "Case
 * type Färdtjänst added").
 */
typedef struct
{
  TavlaAgreementPart  part;
  TavlaChangeKind     kind;
  char               *subject;
  char               *old_value;
  char               *new_value;
  char               *description;
} TavlaAgreementChange;

void       tavla_agreement_change_free (TavlaAgreementChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaAgreementChange, tavla_agreement_change_free)

/* Machine names "field", "section", "case-type", "signatory" and
 * "added", "removed", "changed" (for JSON). */
const char *tavla_agreement_part_to_string (TavlaAgreementPart part);
const char *tavla_change_kind_to_string    (TavlaChangeKind    kind);

/*
 * What changed from @old to @new (any two agreements; usually two versions
 * of one department): the fields, then sections in document order, case
 * types (matched by name, without regard to case) in name order,
 * signatories (matched by name) in name order. A new array of
 * TavlaAgreementChange, empty when nothing differs.
 */
GPtrArray *tavla_agreement_diff (TavlaAgreement *old_agreement,
                                 TavlaAgreement *new_agreement);

G_END_DECLS
