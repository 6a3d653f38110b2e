/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board.h"
#include "tavla-document.h"
#include "tavla-meeting.h"

G_BEGIN_DECLS

/*
 * Meetings on the board (issue 6). Same conventions as tavla-board.h: bad
 * input is a TAVLA_INPUT_ERROR whose message names the field (@out_field:
 * "kind", "date", "department", "attendee", "text", "item", "meeting",
 * "position") and nothing is written; an unknown meeting is
 * TAVLA_STORE_ERROR_NOT_FOUND; a read-only board refuses writes; @actor
 * NULL means tavla_default_actor(). Every write to a meeting is one
 * history row (object_kind "meeting": "created", "state", "decision") in
 * the same transaction.
 *
 * The life of a meeting: planned → running (tavla_board_start_meeting():
 * the agenda is generated for the meeting's date and kept as it was) →
 * closed. A running meeting stands at an agenda entry (its position), so a
 * paused meeting resumes there. Decisions and item changes are accepted
 * only while it runs. An item change made with TavlaItemChange.meeting_id
 * lands in the item's history with the meeting and marks the item's agenda
 * entries "changed".
 */

/*
 * A new meeting (strings borrowed):
 * @kind: required.
 * @date: required ISO date.
 * @department: a name or code; required for a check-in, optional for the
 *   development group, refused for a weekly meeting.
 * @attendees: NULL-terminated names of known people (NULL for none);
 *   repeated names count once.
 */
typedef struct
{
  TavlaMeetingKind    kind;
  const char         *date;
  const char         *department;
  const char * const *attendees;
} TavlaMeetingInput;

TavlaMeeting *tavla_board_add_meeting         (TavlaBoard               *self,
                                               const TavlaMeetingInput  *input,
                                               const char               *actor,
                                               const char              **out_field,
                                               GError                  **error);
TavlaMeeting *tavla_board_get_meeting         (TavlaBoard               *self,
                                               gint64                    id,
                                               GError                  **error);
/* A new model of TavlaMeeting, newest date first. */
GListModel   *tavla_board_list_meetings       (TavlaBoard               *self,
                                               GError                  **error);

/* Starts a planned meeting: generates and keeps its agenda (for its date,
 * kind and department), running at the first entry. */
TavlaMeeting *tavla_board_start_meeting       (TavlaBoard               *self,
                                               gint64                    id,
                                               const char               *actor,
                                               GError                  **error);
/* Moves a running meeting to agenda entry @position (0 to the number of
 * entries: the end). */
TavlaMeeting *tavla_board_set_meeting_position (TavlaBoard              *self,
                                                gint64                   id,
                                                guint                    position,
                                                GError                 **error);
/*
 * Records what became of the entry at @position of a running meeting and
 * moves on to the next entry. A "changed" or "decided" entry stays so when
 * it is then kept (moving on without more changes).
 */
TavlaMeeting *tavla_board_handle_meeting_entry (TavlaBoard              *self,
                                                gint64                   id,
                                                guint                    position,
                                                TavlaOutcome             outcome,
                                                GError                 **error);
/* Outcome of each entry of a started meeting, in agenda order (GArray of
 * TavlaOutcome; empty for a planned meeting). */
GArray       *tavla_board_list_meeting_outcomes (TavlaBoard             *self,
                                                 gint64                  id,
                                                 GError                **error);
/* Closes a running meeting; entries still pending are carried over to the
 * next agenda of the kind. */
TavlaMeeting *tavla_board_close_meeting       (TavlaBoard               *self,
                                               gint64                    id,
                                               const char               *actor,
                                               GError                  **error);

/*
 * A decision at a running meeting (strings borrowed):
 * @text: required, 1-2,000 characters.
 * @item_id: 0, or the item the decision is about (must exist).
 * @position: -1, or the agenda entry it was taken at (marked "decided").
 */
typedef struct
{
  const char *text;
  gint64      item_id;
  int         position;
} TavlaDecisionInput;

TavlaDecision *tavla_board_add_decision       (TavlaBoard               *self,
                                               gint64                    meeting_id,
                                               const TavlaDecisionInput *input,
                                               const char               *actor,
                                               const char              **out_field,
                                               GError                  **error);
/* TavlaDecision of a meeting, oldest first (the array frees them). */
GPtrArray    *tavla_board_list_decisions      (TavlaBoard               *self,
                                               gint64                    meeting_id,
                                               GError                  **error);

/*
 * Which agenda to build:
 * @kind: weekly, development-group or check-in.
 * @date: the meeting's ISO date (NULL for today).
 * @department: a name or code: for the development group only that
 *   department's section; required for a check-in; refused for weekly.
 * @exclude_meeting: a meeting not to count as "the last one" (the meeting
 *   being started), 0 for none.
 */
typedef struct
{
  TavlaMeetingKind  kind;
  const char       *date;
  const char       *department;
  gint64            exclude_meeting;
} TavlaAgendaQuery;

/*
 * Builds an agenda from the board as it is now.
 *
 * Weekly for date D ("since" is the date of the last closed weekly meeting
 * before D, else D - 7): every open item in exactly one of "new" (status
 * new), "overdue" (in progress, due before D), "due-soon" (in progress, due
 * D to D + 6), "in-progress" (the other items in progress, grouped by
 * owner with their mark); then "done" (done or rejected on or after
 * since), "deviations" (of the last complete ISO week, with linked items),
 * "agreements" (review due within 30 days, overdue, or revision needed),
 * "recommendations" (open, due within 30 days or overdue), "other" (items
 * carried over from the last meeting that are on no other section).
 *
 * Development group for date D: "follow-up" (decisions of the last
 * development-group meeting), one section "department-ID" per department
 * (its agreement's status, its open strategic items, the deviations of the
 * current tertial linked to its items), "recommendations" (every one not
 * closed), "improvement-areas" (strategic items done in the tertial or in
 * progress), "proposals" (new strategic items).
 *
 * A check-in: "follow-up" (decisions of the last check-in with the
 * department), the department's section, its new proposals.
 *
 * Items not handled at the last closed meeting of the kind are marked
 * carried over (and listed under "other" when on no other section).
 */
TavlaAgenda  *tavla_board_build_agenda        (TavlaBoard               *self,
                                               const TavlaAgendaQuery   *query,
                                               const char              **out_field,
                                               GError                  **error);
/* The agenda a started meeting keeps; for a planned one, built now. */
TavlaAgenda  *tavla_board_get_meeting_agenda  (TavlaBoard               *self,
                                               gint64                    id,
                                               GError                  **error);

/* ---- Minutes -------------------------------------------------------------- */

/* One change made in the meeting: a history row with its item. */
typedef struct
{
  gint64  item_id;
  char   *item_title;
  char   *field;
  char   *old_value;
  char   *new_value;
  char   *description;   /* translated: "Status: New → In progress" */
  char   *actor;
  char   *at;
  char   *note;
} TavlaMinutesChange;

typedef struct
{
  TavlaMeeting *meeting;
  GPtrArray    *decisions;     /* TavlaDecision, oldest first */
  GPtrArray    *changes;       /* TavlaMinutesChange, by item, then time */
  GPtrArray    *carried_over;  /* TavlaAgendaEntry not handled (copies) */
  guint         n_entries;
  guint         n_handled;
} TavlaMinutes;

void          tavla_minutes_free              (TavlaMinutes *minutes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaMinutes, tavla_minutes_free)

TavlaMinutes *tavla_board_get_minutes         (TavlaBoard               *self,
                                               gint64                    meeting_id,
                                               GError                  **error);
/* id, kind, date, week, state, department, attendees, started, closed,
 * entries, handled, decisions, changes, new_owners, carried_over. */
JsonNode     *tavla_minutes_to_json           (TavlaMinutes             *minutes);

/* Printable documents (headings translated, a week on every date). */
TavlaDocument *tavla_agenda_build_document    (TavlaAgenda              *agenda);
TavlaDocument *tavla_minutes_build_document   (TavlaMinutes             *minutes);

G_END_DECLS
