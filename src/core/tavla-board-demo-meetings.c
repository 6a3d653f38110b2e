/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-demo-meetings.h"
#include "tavla-board-meetings.h"
#include "tavla-board-private.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * The demo's meetings: each is planned, and when it lies in the past it is
 * started on its day (its agenda made from the board), walked for its
 * first "handled" entries, given its changes and decisions, and closed, so
 * that the Meetings page has minutes to show and the next agendas have
 * something carried over.
 */

#define SECONDS_PER_DAY (24 * 60 * 60)

static gboolean
demo_error (GError     **error,
            const char  *what)
{
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("The demo data is damaged (%s); reinstall Tavla."), what);
  return FALSE;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
find_item (TavlaBoard *self,
           const char *title)
{
  g_autoptr(GPtrArray) items = tavla_store_list_items (tavla_board_get_store (self), NULL);

  for (guint i = 0; title != NULL && items != NULL && i < items->len; i++)
    if (g_str_equal (tavla_item_get_title (g_ptr_array_index (items, i)), title))
      return tavla_item_get_id (g_ptr_array_index (items, i));

  return 0;
}

static gboolean
walk_meeting (TavlaBoard  *self,
              gint64       id,
              const char  *date,
              JsonObject  *object,
              const char  *actor,
              GError     **error)
{
  g_autoptr(TavlaMeeting) started = NULL;
  g_autoptr(TavlaMeeting) closed = NULL;
  JsonArray *changes = member_array (object, "changes");
  JsonArray *decisions = member_array (object, "decisions");
  gint64 handled = json_object_get_int_member_with_default (object, "handled", 0);

  if ((started = tavla_board_start_meeting (self, id, actor, error)) == NULL)
    return FALSE;

  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *change_object = json_array_get_object_element (changes, i);
      g_autoptr(TavlaItem) item = NULL;
      g_autofree char *due = NULL;
      TavlaItemChange change = { .meeting_id = id };
      gint64 item_id = find_item (self, json_object_get_string_member_with_default (change_object, "item", NULL));

      if (item_id == 0)
        return demo_error (error, "meeting change");
      if (json_object_has_member (change_object, "mark"))
        {
          change.set |= TAVLA_ITEM_FIELD_MARK;
          if (!tavla_mark_from_string (json_object_get_string_member (change_object, "mark"), &change.mark))
            return demo_error (error, "meeting mark");
        }
      if (json_object_has_member (change_object, "owner"))
        {
          change.set |= TAVLA_ITEM_FIELD_OWNER;
          change.owner = json_object_get_string_member (change_object, "owner");
        }
      if (json_object_has_member (change_object, "due_in_days"))
        {
          change.set |= TAVLA_ITEM_FIELD_DUE;
          due = tavla_date_add_days (date, (int) json_object_get_int_member (change_object, "due_in_days"));
          change.due = due;
        }
      if (json_object_has_member (change_object, "status"))
        {
          change.set |= TAVLA_ITEM_FIELD_STATUS;
          if (!tavla_status_from_string (json_object_get_string_member (change_object, "status"), &change.status))
            return demo_error (error, "meeting status");
        }
      if (json_object_has_member (change_object, "note"))
        {
          change.set |= TAVLA_ITEM_FIELD_NOTE;
          change.note = json_object_get_string_member (change_object, "note");
        }
      if ((item = tavla_board_update_item (self, item_id, &change, actor, error)) == NULL)
        return FALSE;
    }

  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision_object = json_array_get_object_element (decisions, i);
      g_autoptr(TavlaDecision) decision = NULL;
      TavlaDecisionInput input = { NULL, 0, -1 };

      input.text = json_object_get_string_member_with_default (decision_object, "text", NULL);
      if (json_object_has_member (decision_object, "item") &&
          (input.item_id = find_item (self, json_object_get_string_member (decision_object, "item"))) == 0)
        return demo_error (error, "meeting decision");
      if ((decision = tavla_board_add_decision (self, id, &input, actor, NULL, error)) == NULL)
        return FALSE;
    }

  for (gint64 i = 0; i < handled && i < tavla_meeting_get_n_entries (started); i++)
    {
      g_autoptr(TavlaMeeting) moved = tavla_board_handle_meeting_entry (self, id, (guint) i, TAVLA_OUTCOME_KEPT,
                                                                        error);

      if (moved == NULL)
        return FALSE;
    }

  closed = tavla_board_close_meeting (self, id, actor, error);
  return closed != NULL;
}

gboolean
tavla_board_demo_load_meetings (TavlaBoard  *self,
                                JsonObject  *root,
                                GDateTime   *real_now,
                                GError     **error)
{
  JsonArray *meetings = member_array (root, "meetings");

  for (guint i = 0; meetings != NULL && i < json_array_get_length (meetings); i++)
    {
      JsonObject *object = json_array_get_object_element (meetings, i);
      gint64 days = json_object_get_int_member_with_default (object, "days", 0);
      g_autoptr(GDateTime) day = g_date_time_add_seconds (real_now, (gdouble) (days * SECONDS_PER_DAY));
      g_autofree char *date = g_date_time_format (day, "%F");
      g_autoptr(GPtrArray) attendees = g_ptr_array_new ();
      g_autoptr(TavlaMeeting) meeting = NULL;
      JsonArray *names = member_array (object, "attendees");
      const char *actor = json_object_get_string_member_with_default (object, "actor", NULL);
      TavlaMeetingInput input = { 0 };

      if (object == NULL ||
          !tavla_meeting_kind_from_string (json_object_get_string_member_with_default (object, "kind", NULL),
                                           &input.kind))
        return demo_error (error, "meeting kind");

      for (guint j = 0; names != NULL && j < json_array_get_length (names); j++)
        g_ptr_array_add (attendees, (gpointer) json_array_get_string_element (names, j));
      g_ptr_array_add (attendees, NULL);

      input.date = date;
      input.department = json_object_get_string_member_with_default (object, "department", NULL);
      input.attendees = (const char * const *) attendees->pdata;

      /* Planned a week before, held on its day (past meetings only). */
      tavla_clock_set_now_override (day);
      if ((meeting = tavla_board_add_meeting (self, &input, actor, NULL, error)) == NULL)
        return FALSE;
      if (days < 0 && !walk_meeting (self, tavla_meeting_get_id (meeting), date, object, actor, error))
        return FALSE;
    }

  tavla_clock_set_now_override (real_now);
  return TRUE;
}
