/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-meetings-private.h"
#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-meeting-private.h"

/*
 * Meetings on the board (issue 6): planning, starting (the agenda is
 * generated and kept), walking the entries, decisions, closing, and the
 * minutes. The agendas themselves are built in tavla-agenda.c.
 */

#define MAX_DECISION_CHARS 2000

TavlaMeetingStore *
tavla_board_get_meeting_store (TavlaBoard  *self,
                               GError     **error)
{
  TavlaStore *store = tavla_board_get_store (self);

  if (!TAVLA_IS_MEETING_STORE (store))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("This kind of database does not hold meetings."));
      return NULL;
    }

  return TAVLA_MEETING_STORE (store);
}

static gboolean
write_meeting_history (TavlaBoard  *self,
                       gint64       meeting_id,
                       const char  *now,
                       const char  *actor,
                       const char  *field,
                       const char  *old_value,
                       const char  *new_value,
                       GError     **error)
{
  gint64 change_id = tavla_store_next_change_id (tavla_board_get_store (self), error);

  return change_id != 0 &&
         tavla_board_write_history (self, "meeting", meeting_id, change_id, now, actor, field,
                                    old_value, new_value, NULL, meeting_id, error);
}

static void
row_from_meeting (TavlaStoreMeetingRow *row,
                  TavlaMeeting         *meeting)
{
  row->id = tavla_meeting_get_id (meeting);
  row->version = tavla_meeting_get_version (meeting);
  row->kind = tavla_meeting_get_kind (meeting);
  row->date = tavla_meeting_get_date (meeting);
  row->department_id = tavla_meeting_get_department_id (meeting);
  row->state = tavla_meeting_get_state (meeting);
  row->position = tavla_meeting_get_position (meeting);
  row->started = tavla_meeting_get_started (meeting);
  row->closed = tavla_meeting_get_closed (meeting);
  row->created = tavla_meeting_get_created (meeting);
}

/* ---- Planning ------------------------------------------------------------ */

static gboolean
check_kind_department (TavlaMeetingKind   kind,
                       const char        *department,
                       const char       **out_field,
                       GError           **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (department);

  if ((guint) kind >= TAVLA_N_MEETING_KINDS)
    return tavla_board_field_errorf ("kind", out_field, error,
                                       _("Kind of meeting is unknown; use weekly, development-group or check-in."));
  if (kind == TAVLA_MEETING_CHECK_IN && trimmed == NULL)
    return tavla_board_field_errorf ("department", out_field, error,
                                       _("A check-in meeting is held with a department; give the department."));
  if (kind == TAVLA_MEETING_WEEKLY && trimmed != NULL)
    return tavla_board_field_errorf ("department", out_field, error,
                                       _("The weekly meeting is the whole centre’s; leave the department out "
                                         "or plan a check-in meeting with the department."));

  return TRUE;
}

static gboolean
parse_meeting_date (const char   *text,
                    char        **out_date,
                    const char  **out_field,
                    GError      **error)
{
  if (!tavla_board_is_given (text))
    return tavla_board_field_error ("date", out_field, error,
                                    _("Date is empty; give the meeting’s date as YYYY-MM-DD, like 2026-12-07."));

  return tavla_board_parse_date (text, "date", _("Date"), out_date, out_field, error);
}

/* Resolves the attendees to person ids (repeats count once). */
static GArray *
resolve_attendees (TavlaBoard          *self,
                   const char * const  *names,
                   const char         **out_field,
                   GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = tavla_board_dup_trimmed (names[i]);
      g_autoptr(GError) local_error = NULL;
      gint64 id = 0;

      if (name == NULL)
        {
          tavla_board_field_errorf ("attendee", out_field, error,
                                      _("Attendee is empty; write the name of a person on the board."));
          return NULL;
        }
      if ((id = tavla_store_find_person_id (tavla_board_get_store (self), name, &local_error)) <= 0)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          tavla_board_field_errorf ("attendee", out_field, error,
                                      _("Attendee “%s” is not a person on the board; check the spelling "
                                        "(see “person list”) or add the person first."), name);
          return NULL;
        }
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == id)
          id = 0;
      if (id != 0)
        g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

TavlaMeeting *
tavla_board_add_meeting (TavlaBoard               *self,
                         const TavlaMeetingInput  *input,
                         const char               *actor_in,
                         const char              **out_field,
                         GError                  **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *date = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_autoptr(GArray) attendees = NULL;
  TavlaStoreMeetingRow row = { 0 };
  TavlaMeetingStore *store = NULL;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      !check_kind_department (input->kind, input->department, out_field, error) ||
      !parse_meeting_date (input->date, &date, out_field, error))
    return NULL;

  if (input->kind != TAVLA_MEETING_WEEKLY && tavla_board_is_given (input->department) &&
      (department = tavla_board_find_department_for (self, input->department, out_field, error)) == NULL)
    return NULL;

  if ((attendees = resolve_attendees (self, input->attendees, out_field, error)) == NULL)
    return NULL;

  row.kind = input->kind;
  row.date = date;
  row.department_id = department != NULL ? tavla_department_get_id (department) : 0;
  row.state = TAVLA_MEETING_PLANNED;
  row.created = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_meeting_store_insert_meeting (store, &row, error)) == 0)
    goto failed;
  for (guint i = 0; i < attendees->len; i++)
    if (!tavla_meeting_store_add_attendee (store, id, g_array_index (attendees, gint64, i), error))
      goto failed;
  if (!write_meeting_history (self, id, now, actor, "created", NULL, date, error))
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return tavla_meeting_store_get_meeting (store, id, error);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

TavlaMeeting *
tavla_board_get_meeting (TavlaBoard  *self,
                         gint64       id,
                         GError     **error)
{
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL)
    return NULL;

  return tavla_meeting_store_get_meeting (store, id, error);
}

GListModel *
tavla_board_list_meetings (TavlaBoard  *self,
                           GError     **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  GListStore *model = NULL;
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meetings = tavla_meeting_store_list_meetings (store, error)) == NULL)
    return NULL;

  model = g_list_store_new (TAVLA_TYPE_MEETING);
  g_list_store_splice (model, 0, 0, meetings->pdata, meetings->len);

  return G_LIST_MODEL (model);
}

/* ---- Running ------------------------------------------------------------- */

static gboolean
refuse_state (TavlaMeeting       *meeting,
              TavlaMeetingState   wanted,
              GError            **error)
{
  TavlaMeetingState state = tavla_meeting_get_state (meeting);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_meeting_get_id (meeting));

  if (state == wanted)
    return FALSE;

  if (wanted == TAVLA_MEETING_PLANNED)
    tavla_board_field_errorf ("meeting", NULL, error,
                                _("Meeting %s has already been started; its agenda was made then and is kept as it was."), id);
  else if (state == TAVLA_MEETING_PLANNED)
    tavla_board_field_errorf ("meeting", NULL, error,
                                _("Meeting %s has not started yet; start it first (“meeting start %s”)."), id, id);
  else
    tavla_board_field_errorf ("meeting", NULL, error,
                                _("Meeting %s is closed; its minutes are kept as they are. "
                                  "Make the change outside the meeting or plan a new one."), id);
  return TRUE;
}

TavlaMeeting *
tavla_board_start_meeting (TavlaBoard  *self,
                           gint64       id,
                           const char  *actor_in,
                           GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *agenda_json = NULL;
  TavlaStoreMeetingRow row = { 0 };
  TavlaAgendaQuery query = { 0 };
  TavlaMeetingStore *store = NULL;
  guint position = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meeting = tavla_meeting_store_get_meeting (store, id, error)) == NULL ||
      refuse_state (meeting, TAVLA_MEETING_PLANNED, error))
    return NULL;

  query.kind = tavla_meeting_get_kind (meeting);
  query.date = tavla_meeting_get_date (meeting);
  query.department = tavla_meeting_get_department (meeting);
  query.exclude_meeting = id;
  if ((agenda = tavla_board_build_agenda (self, &query, NULL, error)) == NULL)
    return NULL;

  json = tavla_agenda_to_json (agenda);
  agenda_json = json_to_string (json, FALSE);

  row_from_meeting (&row, meeting);
  row.state = TAVLA_MEETING_RUNNING;
  row.agenda_json = agenda_json;
  row.position = 0;
  row.started = now;
  row.updated = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_meeting_store_update_meeting (store, &row, error))
    goto failed;

  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);

      for (guint j = 0; j < section->entries->len; j++)
        {
          TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, j);
          TavlaStoreMeetingEntryRow entry_row = {
            .position = position++,
            .section = section->id,
            .kind = entry->kind,
            .target_id = entry->id,
            .outcome = TAVLA_OUTCOME_PENDING,
          };

          if (!tavla_meeting_store_insert_entry (store, id, &entry_row, error))
            goto failed;
        }
    }

  if (!write_meeting_history (self, id, now, actor, "state", "planned", "running", error))
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return tavla_meeting_store_get_meeting (store, id, error);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

static TavlaMeeting *
get_running (TavlaBoard          *self,
             gint64               id,
             TavlaMeetingStore  **out_store,
             GError             **error)
{
  g_autoptr(TavlaMeeting) meeting = NULL;

  if ((*out_store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meeting = tavla_meeting_store_get_meeting (*out_store, id, error)) == NULL ||
      refuse_state (meeting, TAVLA_MEETING_RUNNING, error))
    return NULL;

  return g_steal_pointer (&meeting);
}

static TavlaMeeting *
move_to (TavlaBoard         *self,
         TavlaMeetingStore  *store,
         TavlaMeeting       *meeting,
         guint               position,
         GError            **error)
{
  g_autofree char *now = tavla_timestamp_now ();
  TavlaStoreMeetingRow row = { 0 };

  row_from_meeting (&row, meeting);
  row.position = MIN (position, tavla_meeting_get_n_entries (meeting));
  row.updated = now;

  if (!tavla_meeting_store_update_meeting (store, &row, error))
    return NULL;

  return tavla_meeting_store_get_meeting (store, tavla_meeting_get_id (meeting), error);
}

TavlaMeeting *
tavla_board_set_meeting_position (TavlaBoard  *self,
                                  gint64       id,
                                  guint        position,
                                  GError     **error)
{
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaMeeting) moved = NULL;
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((meeting = get_running (self, id, &store, error)) == NULL)
    return NULL;

  if (position > tavla_meeting_get_n_entries (meeting))
    {
      tavla_board_field_errorf ("position", NULL, error,
                                  _("The agenda has %u entries; give a position from 0 to %u."),
                                  tavla_meeting_get_n_entries (meeting), tavla_meeting_get_n_entries (meeting));
      return NULL;
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;
  if ((moved = move_to (self, store, meeting, position, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return g_steal_pointer (&moved);
}

TavlaMeeting *
tavla_board_handle_meeting_entry (TavlaBoard    *self,
                                  gint64         id,
                                  guint          position,
                                  TavlaOutcome   outcome,
                                  GError       **error)
{
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaMeeting) moved = NULL;
  g_autoptr(GArray) entries = NULL;
  TavlaMeetingStore *store = NULL;
  TavlaOutcome current = TAVLA_OUTCOME_PENDING;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((meeting = get_running (self, id, &store, error)) == NULL)
    return NULL;

  if (position >= tavla_meeting_get_n_entries (meeting))
    {
      tavla_board_field_errorf ("position", NULL, error,
                                  _("The agenda has %u entries; give a position from 0 to %u."),
                                  tavla_meeting_get_n_entries (meeting),
                                  MAX (tavla_meeting_get_n_entries (meeting), 1) - 1);
      return NULL;
    }

  if ((entries = tavla_meeting_store_list_entries (store, id, error)) == NULL)
    return NULL;
  current = g_array_index (entries, TavlaStoreMeetingEntryRow, position).outcome;

  /* Moving on from an entry that was changed or decided keeps what was
   * done to it. */
  if ((current == TAVLA_OUTCOME_CHANGED || current == TAVLA_OUTCOME_DECIDED) &&
      (outcome == TAVLA_OUTCOME_KEPT || outcome == TAVLA_OUTCOME_PENDING))
    outcome = current;

  if (!tavla_board_begin_batch (self, error))
    return NULL;
  if (!tavla_meeting_store_set_entry_outcome (store, id, position, outcome,
                                              outcome != TAVLA_OUTCOME_PENDING ? now : NULL, error) ||
      (moved = move_to (self, store, meeting, position + 1, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return g_steal_pointer (&moved);
}

GArray *
tavla_board_list_meeting_outcomes (TavlaBoard  *self,
                                   gint64       id,
                                   GError     **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  GArray *outcomes = NULL;
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meeting = tavla_meeting_store_get_meeting (store, id, error)) == NULL ||
      (entries = tavla_meeting_store_list_entries (store, id, error)) == NULL)
    return NULL;

  outcomes = g_array_sized_new (FALSE, FALSE, sizeof (TavlaOutcome), entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (outcomes, g_array_index (entries, TavlaStoreMeetingEntryRow, i).outcome);

  return outcomes;
}

TavlaMeeting *
tavla_board_close_meeting (TavlaBoard  *self,
                           gint64       id,
                           const char  *actor_in,
                           GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaMeeting) meeting = NULL;
  TavlaStoreMeetingRow row = { 0 };
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((meeting = get_running (self, id, &store, error)) == NULL)
    return NULL;

  row_from_meeting (&row, meeting);
  row.state = TAVLA_MEETING_CLOSED;
  row.closed = now;
  row.updated = now;

  if (!tavla_board_begin_batch (self, error))
    return NULL;
  if (!tavla_meeting_store_update_meeting (store, &row, error) ||
      !write_meeting_history (self, id, now, actor, "state", "running", "closed", error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return tavla_meeting_store_get_meeting (store, id, error);
}

gboolean
tavla_board_meeting_item_changed (TavlaBoard  *self,
                                  gint64       meeting_id,
                                  gint64       item_id,
                                  const char  *now,
                                  GError     **error)
{
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(GError) local_error = NULL;
  TavlaMeetingStore *store = NULL;

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL)
    return FALSE;

  if ((meeting = tavla_meeting_store_get_meeting (store, meeting_id, &local_error)) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

      if (g_error_matches (local_error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
        return tavla_board_field_errorf ("meeting", NULL, error,
                                           _("There is no meeting %s; give a running meeting "
                                             "(see “meeting list”) or leave the meeting out."), id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (refuse_state (meeting, TAVLA_MEETING_RUNNING, error))
    return FALSE;

  return item_id == 0 ||
         tavla_meeting_store_mark_item_entries (store, meeting_id, item_id, TAVLA_OUTCOME_CHANGED, now, error);
}

/* ---- Decisions ------------------------------------------------------------ */

TavlaDecision *
tavla_board_add_decision (TavlaBoard                *self,
                          gint64                     meeting_id,
                          const TavlaDecisionInput  *input,
                          const char                *actor_in,
                          const char               **out_field,
                          GError                   **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *text = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  TavlaMeetingStore *store = NULL;
  gint64 decision_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if ((meeting = get_running (self, meeting_id, &store, error)) == NULL)
    {
      if (out_field != NULL)
        *out_field = "meeting";
      return NULL;
    }

  text = tavla_board_dup_trimmed (input->text);
  if (text == NULL)
    {
      tavla_board_field_errorf ("text", out_field, error,
                                  _("Decision is empty; write what the meeting decided."));
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > MAX_DECISION_CHARS)
    {
      tavla_board_field_errorf ("text", out_field, error,
                                  _("Decision is longer than %d characters; shorten it or put the details "
                                    "in the proposal’s description."), MAX_DECISION_CHARS);
      return NULL;
    }
  if (input->item_id != 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, input->item_id);

      if ((item = tavla_store_get_item (tavla_board_get_store (self), input->item_id, &local_error)) == NULL)
        {
          if (!g_error_matches (local_error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          tavla_board_field_errorf ("item", out_field, error,
                                      _("There is no proposal %s; give the number of an existing "
                                        "proposal or leave the proposal out."), id);
          return NULL;
        }
    }
  if (input->position >= 0 && (guint) input->position >= tavla_meeting_get_n_entries (meeting))
    {
      tavla_board_field_errorf ("position", out_field, error,
                                  _("The agenda has %u entries; give a position from 0 to %u."),
                                  tavla_meeting_get_n_entries (meeting),
                                  MAX (tavla_meeting_get_n_entries (meeting), 1) - 1);
      return NULL;
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((decision_id = tavla_meeting_store_insert_decision (store, meeting_id, text, input->item_id, now,
                                                          error)) == 0 ||
      !write_meeting_history (self, meeting_id, now, actor, "decision", NULL, text, error) ||
      (input->position >= 0 &&
       !tavla_meeting_store_set_entry_outcome (store, meeting_id, (guint) input->position,
                                               TAVLA_OUTCOME_DECIDED, now, error)) ||
      (input->item_id != 0 &&
       !tavla_meeting_store_mark_item_entries (store, meeting_id, input->item_id, TAVLA_OUTCOME_DECIDED,
                                               now, error)))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  if ((decisions = tavla_meeting_store_list_decisions (store, meeting_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < decisions->len; i++)
    {
      TavlaDecision *decision = g_ptr_array_index (decisions, i);

      if (decision->id == decision_id)
        return tavla_decision_copy (decision);
    }

  g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                       _("The decision was saved but cannot be read back."));
  return NULL;
}

GPtrArray *
tavla_board_list_decisions (TavlaBoard  *self,
                            gint64       meeting_id,
                            GError     **error)
{
  g_autoptr(TavlaMeeting) meeting = NULL;
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meeting = tavla_meeting_store_get_meeting (store, meeting_id, error)) == NULL)
    return NULL;

  return tavla_meeting_store_list_decisions (store, meeting_id, error);
}

/* ---- Agendas of meetings and the minutes -------------------------------- */

TavlaAgenda *
tavla_board_get_meeting_agenda (TavlaBoard  *self,
                                gint64       id,
                                GError     **error)
{
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *json = NULL;
  TavlaMeetingStore *store = NULL;
  TavlaAgendaQuery query = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (meeting = tavla_meeting_store_get_meeting (store, id, error)) == NULL)
    return NULL;

  if (tavla_meeting_get_state (meeting) == TAVLA_MEETING_PLANNED)
    {
      query.kind = tavla_meeting_get_kind (meeting);
      query.date = tavla_meeting_get_date (meeting);
      query.department = tavla_meeting_get_department (meeting);
      query.exclude_meeting = id;
      return tavla_board_build_agenda (self, &query, NULL, error);
    }

  json = tavla_meeting_store_get_agenda_json (store, id, error);
  if (json == NULL && error != NULL && *error != NULL)
    return NULL;

  parser = json_parser_new ();
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return tavla_agenda_new_from_json (NULL, error);

  return tavla_agenda_new_from_json (json_parser_get_root (parser), error);
}

static void
minutes_change_free (TavlaMinutesChange *change)
{
  g_free (change->item_title);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->description);
  g_free (change->actor);
  g_free (change->at);
  g_free (change->note);
  g_free (change);
}

void
tavla_minutes_free (TavlaMinutes *minutes)
{
  if (minutes == NULL)
    return;

  g_clear_object (&minutes->meeting);
  g_clear_pointer (&minutes->decisions, g_ptr_array_unref);
  g_clear_pointer (&minutes->changes, g_ptr_array_unref);
  g_clear_pointer (&minutes->carried_over, g_ptr_array_unref);
  g_free (minutes);
}

static gboolean
fill_changes (TavlaBoard          *self,
              TavlaMeetingStore   *store,
              TavlaMinutes        *minutes,
              GError             **error)
{
  g_autoptr(GPtrArray) history = NULL;

  history = tavla_meeting_store_list_meeting_history (store, tavla_meeting_get_id (minutes->meeting), error);
  if (history == NULL)
    return FALSE;

  for (guint i = 0; i < history->len; i++)
    {
      TavlaHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autoptr(TavlaItem) item = NULL;
      TavlaMinutesChange *change = NULL;

      if ((item = tavla_store_get_item (tavla_board_get_store (self),
                                        tavla_history_entry_get_object_id (entry), error)) == NULL)
        return FALSE;

      change = g_new0 (TavlaMinutesChange, 1);
      change->item_id = tavla_item_get_id (item);
      change->item_title = g_strdup (tavla_item_get_title (item));
      change->field = g_strdup (tavla_history_entry_get_field (entry));
      change->old_value = g_strdup (tavla_history_entry_get_old_value (entry));
      change->new_value = g_strdup (tavla_history_entry_get_new_value (entry));
      change->description = tavla_history_entry_describe (entry);
      change->actor = g_strdup (tavla_history_entry_get_actor (entry));
      change->at = g_strdup (tavla_history_entry_get_at (entry));
      change->note = g_strdup (tavla_history_entry_get_note (entry));
      g_ptr_array_add (minutes->changes, change);
    }

  return TRUE;
}

TavlaMinutes *
tavla_board_get_minutes (TavlaBoard  *self,
                         gint64       meeting_id,
                         GError     **error)
{
  g_autoptr(TavlaMinutes) minutes = g_new0 (TavlaMinutes, 1);
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) handled = g_hash_table_new (g_int64_hash, g_int64_equal);
  TavlaMeetingStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  minutes->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) minutes_change_free);
  minutes->carried_over = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_agenda_entry_free);

  if ((store = tavla_board_get_meeting_store (self, error)) == NULL ||
      (minutes->meeting = tavla_meeting_store_get_meeting (store, meeting_id, error)) == NULL ||
      (minutes->decisions = tavla_meeting_store_list_decisions (store, meeting_id, error)) == NULL ||
      !fill_changes (self, store, minutes, error) ||
      (entries = tavla_meeting_store_list_entries (store, meeting_id, error)) == NULL)
    return NULL;

  minutes->n_entries = entries->len;
  if (entries->len > 0 && (agenda = tavla_board_get_meeting_agenda (self, meeting_id, error)) == NULL)
    return NULL;

  /* A proposal listed twice is carried over once, and only when neither
   * of its entries was handled. */
  for (guint i = 0; i < entries->len; i++)
    {
      TavlaStoreMeetingEntryRow *row = &g_array_index (entries, TavlaStoreMeetingEntryRow, i);

      if (row->outcome != TAVLA_OUTCOME_PENDING)
        minutes->n_handled++;
      if (g_strcmp0 (row->kind, "item") == 0 && row->outcome != TAVLA_OUTCOME_PENDING &&
          row->outcome != TAVLA_OUTCOME_SKIPPED)
        g_hash_table_add (handled, &row->target_id);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      TavlaStoreMeetingEntryRow *row = &g_array_index (entries, TavlaStoreMeetingEntryRow, i);
      TavlaAgendaEntry *entry = NULL;

      if (g_strcmp0 (row->kind, "item") != 0 || g_hash_table_contains (handled, &row->target_id))
        continue;
      g_hash_table_add (handled, &row->target_id);
      entry = tavla_agenda_get_entry (agenda, row->position, NULL);
      if (entry != NULL)
        g_ptr_array_add (minutes->carried_over, tavla_agenda_entry_copy (entry));
    }

  return g_steal_pointer (&minutes);
}
