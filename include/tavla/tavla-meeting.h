/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * Meetings (issue 6): the weekly meeting (veckomöte), the development
 * group (utvecklingsgrupp) and check-ins with a department
 * (avstämningsmöte). A meeting is planned, then started (its agenda is
 * generated then and kept as it was), walked entry by entry and closed.
 */

typedef enum
{
  TAVLA_MEETING_WEEKLY,
  TAVLA_MEETING_DEVELOPMENT_GROUP,
  TAVLA_MEETING_CHECK_IN,
} TavlaMeetingKind;

#define TAVLA_N_MEETING_KINDS 3

typedef enum
{
  TAVLA_MEETING_PLANNED,
  TAVLA_MEETING_RUNNING,
  TAVLA_MEETING_CLOSED,
} TavlaMeetingState;

#define TAVLA_N_MEETING_STATES 3

/* What became of an agenda entry at the meeting. */
typedef enum
{
  TAVLA_OUTCOME_PENDING,
  TAVLA_OUTCOME_KEPT,
  TAVLA_OUTCOME_CHANGED,
  TAVLA_OUTCOME_DECIDED,
  TAVLA_OUTCOME_SKIPPED,
} TavlaOutcome;

#define TAVLA_N_OUTCOMES 5

GType        tavla_meeting_kind_get_type     (void) G_GNUC_CONST;
GType        tavla_meeting_state_get_type    (void) G_GNUC_CONST;
GType        tavla_outcome_get_type          (void) G_GNUC_CONST;
#define TAVLA_TYPE_MEETING_KIND  (tavla_meeting_kind_get_type ())
#define TAVLA_TYPE_MEETING_STATE (tavla_meeting_state_get_type ())
#define TAVLA_TYPE_OUTCOME       (tavla_outcome_get_type ())

/* Machine names: "weekly", "development-group", "check-in"; "planned",
 * "running", "closed"; "pending", "kept", "changed", "decided", "skipped". */
const char  *tavla_meeting_kind_to_string    (TavlaMeetingKind   kind);
gboolean     tavla_meeting_kind_from_string  (const char        *text,
                                              TavlaMeetingKind  *out_kind);
const char  *tavla_meeting_state_to_string   (TavlaMeetingState  state);
gboolean     tavla_meeting_state_from_string (const char        *text,
                                              TavlaMeetingState *out_state);
const char  *tavla_outcome_to_string         (TavlaOutcome       outcome);
gboolean     tavla_outcome_from_string       (const char        *text,
                                              TavlaOutcome      *out_outcome);
/* Translated labels ("Weekly meeting" / "Veckomöte"). */
const char  *tavla_meeting_kind_get_label    (TavlaMeetingKind   kind);
const char  *tavla_meeting_state_get_label   (TavlaMeetingState  state);
const char  *tavla_outcome_get_label         (TavlaOutcome       outcome);

#define TAVLA_TYPE_MEETING (tavla_meeting_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMeeting, tavla_meeting, TAVLA, MEETING, GObject)

/*
 * A meeting as read from the store (an immutable snapshot). Read-only
 * properties: id, version, kind, date, department (name or NULL), state,
 * position (the agenda entry it stands at), n-entries, title (derived:
 * "Weekly meeting 2026-12-07 (w. 50)").
 */
typedef struct
{
  gint64              id;
  gint64              version;
  TavlaMeetingKind    kind;
  const char         *date;
  gint64              department_id;
  const char         *department;
  TavlaMeetingState   state;
  const char * const *attendees;
  guint               position;
  guint               n_entries;
  guint               n_handled;
  const char         *started;
  const char         *closed;
  const char         *created;
  const char         *updated;
} TavlaMeetingFields;

TavlaMeeting       *tavla_meeting_new               (const TavlaMeetingFields *fields);
gint64              tavla_meeting_get_id            (TavlaMeeting *self);
gint64              tavla_meeting_get_version       (TavlaMeeting *self);
TavlaMeetingKind    tavla_meeting_get_kind          (TavlaMeeting *self);
const char         *tavla_meeting_get_date          (TavlaMeeting *self);
gint64              tavla_meeting_get_department_id (TavlaMeeting *self);
const char         *tavla_meeting_get_department    (TavlaMeeting *self);
TavlaMeetingState   tavla_meeting_get_state         (TavlaMeeting *self);
/* Names of the attendees, NULL-terminated, owned by the meeting. */
const char * const *tavla_meeting_get_attendees     (TavlaMeeting *self);
guint               tavla_meeting_get_position      (TavlaMeeting *self);
guint               tavla_meeting_get_n_entries     (TavlaMeeting *self);
guint               tavla_meeting_get_n_handled     (TavlaMeeting *self);
const char         *tavla_meeting_get_started       (TavlaMeeting *self);
const char         *tavla_meeting_get_closed        (TavlaMeeting *self);
const char         *tavla_meeting_get_created       (TavlaMeeting *self);
const char         *tavla_meeting_get_updated       (TavlaMeeting *self);
/* "Weekly meeting 2026-12-07 (w. 50)", translated. */
char               *tavla_meeting_dup_title         (TavlaMeeting *self);

/* A decision (beslut) recorded at a meeting. */
typedef struct
{
  gint64  id;
  gint64  meeting_id;
  char   *text;
  gint64  item_id;      /* 0 for none */
  char   *item_title;   /* NULL without an item */
  char   *created;
} TavlaDecision;

void           tavla_decision_free (TavlaDecision *decision);
TavlaDecision *tavla_decision_copy (const TavlaDecision *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaDecision, tavla_decision_free)

/* ---- Agendas ------------------------------------------------------------ */

/*
 * One entry of an agenda. @kind is "item", "deviation", "agreement",
 * "recommendation", "decision" or "department"; @id the target's id (0 for
 * none). @title and @detail are for people (detail may be NULL; every date
 * in it carries its ISO week). @group names the owner in the "in-progress"
 * section. @carried_over: not handled at the previous meeting of the kind.
 * @fields holds what a reader needs in JSON (status, owner, due, ...).
 */
typedef struct
{
  char       *kind;
  gint64      id;
  char       *title;
  char       *detail;
  char       *group;
  gboolean    carried_over;
  JsonObject *fields;
} TavlaAgendaEntry;

typedef struct
{
  char      *id;        /* "new", "overdue", ..., "department-3" */
  char      *title;     /* translated when built */
  GPtrArray *entries;   /* TavlaAgendaEntry */
} TavlaAgendaSection;

typedef struct
{
  TavlaMeetingKind  kind;
  char             *date;
  guint             week;
  char             *since;        /* weekly only, else NULL */
  char             *department;   /* the one department asked for, or NULL */
  GPtrArray        *sections;     /* TavlaAgendaSection */
} TavlaAgenda;

void                tavla_agenda_free             (TavlaAgenda *agenda);
/* Entries over all sections, in order (what meeting mode walks). */
guint               tavla_agenda_count_entries    (TavlaAgenda *agenda);
/* The entry at @position over all sections, and (when @out_section is
 * not NULL) its section; NULL past the end. Borrowed. */
TavlaAgendaEntry   *tavla_agenda_get_entry        (TavlaAgenda         *agenda,
                                                   guint                position,
                                                   TavlaAgendaSection **out_section);
/* The section @id, or NULL. Borrowed. */
TavlaAgendaSection *tavla_agenda_find_section     (TavlaAgenda *agenda,
                                                   const char  *id);
/* The agenda as JSON: kind, date, week, since, department, sections
 * (each id, title, entries). */
JsonNode           *tavla_agenda_to_json          (TavlaAgenda *agenda);
/* Reads back what tavla_agenda_to_json() wrote (a stored agenda). */
TavlaAgenda        *tavla_agenda_new_from_json    (JsonNode    *node,
                                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaAgenda, tavla_agenda_free)

G_END_DECLS
