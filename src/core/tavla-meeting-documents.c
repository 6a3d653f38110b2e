/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-meetings.h"
#include "tavla-date.h"

/*
 * The agenda and the minutes as printable documents (TavlaDocument) and
 * the minutes as JSON. Every date carries its ISO week.
 */

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static TavlaTone
entry_tone (TavlaAgendaEntry *entry,
            const char       *section_id)
{
  const char *mark = NULL;

  if (g_strcmp0 (section_id, "overdue") == 0)
    return TAVLA_TONE_RED;
  /* A recommendation's traffic light. */
  if (json_object_has_member (entry->fields, "light"))
    {
      const char *light = json_object_get_string_member_with_default (entry->fields, "light", NULL);

      if (g_strcmp0 (light, "green") == 0)
        return TAVLA_TONE_GREEN;
      if (g_strcmp0 (light, "yellow") == 0)
        return TAVLA_TONE_YELLOW;
      if (g_strcmp0 (light, "red") == 0)
        return TAVLA_TONE_RED;
      return TAVLA_TONE_NONE;
    }
  if (!json_object_has_member (entry->fields, "mark"))
    return TAVLA_TONE_NONE;

  mark = json_object_get_string_member_with_default (entry->fields, "mark", NULL);
  if (g_strcmp0 (mark, "on-track") == 0)
    return TAVLA_TONE_GREEN;
  if (g_strcmp0 (mark, "at-risk") == 0)
    return TAVLA_TONE_YELLOW;
  if (g_strcmp0 (mark, "off-track") == 0)
    return TAVLA_TONE_RED;

  return TAVLA_TONE_NONE;
}

static char *
entry_text (TavlaAgendaEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_strcmp0 (entry->kind, "item") == 0)
    g_string_append_printf (text, "#%" G_GINT64_FORMAT " ", entry->id);
  g_string_append (text, entry->title != NULL ? entry->title : "");
  if (entry->carried_over)
    g_string_append_printf (text, " (%s)", _("carried over"));
  if (entry->detail != NULL)
    g_string_append_printf (text, " — %s", entry->detail);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "2026-12-07 (w. 50) 09:12": a timestamp with the week of its day. */
static char *
dup_timestamp_with_week (const char *timestamp)
{
  g_autofree char *shown = tavla_timestamp_display (timestamp);
  g_auto(GStrv) parts = g_strsplit (shown, " ", 2);
  g_autofree char *day = NULL;

  if (parts[0] == NULL || parts[1] == NULL)
    return g_steal_pointer (&shown);

  day = tavla_date_display (parts[0]);
  return g_strdup_printf ("%s %s", day, parts[1]);
}

/* "Week 50, 2026-12-07". */
static char *
dup_week_line (const char *date)
{
  /* Translators: under an agenda's title: the ISO week and the date. */
  return g_strdup_printf (_("Week %u, %s"), tavla_date_iso_week (date, NULL), date);
}

TavlaDocument *
tavla_agenda_build_document (TavlaAgenda *agenda)
{
  g_autofree char *title = NULL;
  g_autofree char *week = dup_week_line (agenda->date);
  TavlaDocument *document = NULL;

  /* Translators: the title of a printed agenda, "Agenda: Weekly meeting". */
  title = g_strdup_printf (_("Agenda: %s"), tavla_meeting_kind_get_label (agenda->kind));
  document = tavla_document_new (title);
  tavla_document_add_subtitle (document, week);
  if (agenda->department != NULL)
    tavla_document_add_fact (document, _("Department"), agenda->department);
  if (agenda->since != NULL)
    {
      g_autofree char *since = tavla_date_display (agenda->since);

      tavla_document_add_fact (document, _("Since"), since);
    }

  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);
      const char *group = NULL;

      tavla_document_add_heading (document, section->title);
      if (section->entries->len == 0)
        tavla_document_add_note (document, _("Nothing to report."));

      for (guint j = 0; j < section->entries->len; j++)
        {
          TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, j);
          g_autofree char *text = entry_text (entry);

          if (entry->group != NULL && g_strcmp0 (entry->group, group) != 0)
            {
              group = entry->group;
              tavla_document_add_subheading (document, group);
            }
          tavla_document_add_bullet (document, entry_tone (entry, section->id), text);
        }
    }

  return document;
}

static gboolean
is_new_owner_or_date (TavlaMinutesChange *change)
{
  return g_strcmp0 (change->field, "owner") == 0 || g_strcmp0 (change->field, "due") == 0;
}

TavlaDocument *
tavla_minutes_build_document (TavlaMinutes *minutes)
{
  static const double shares[] = { 0.5, 0.25, 0.25 };
  const char *headings[] = { _("Proposal"), _("Owner"), _("Due date") };
  g_autofree char *meeting_title = tavla_meeting_dup_title (minutes->meeting);
  g_autofree char *title = NULL;
  g_autofree char *week = dup_week_line (tavla_meeting_get_date (minutes->meeting));
  g_autofree char *attendees = g_strjoinv (", ", (GStrv) tavla_meeting_get_attendees (minutes->meeting));
  g_autofree char *handled = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  TavlaDocument *document = NULL;
  gint64 item = 0;
  gboolean any = FALSE;

  /* Translators: the title of printed minutes, "Minutes: Weekly meeting". */
  title = g_strdup_printf (_("Minutes: %s"), tavla_meeting_kind_get_label (tavla_meeting_get_kind (minutes->meeting)));
  document = tavla_document_new (title);
  tavla_document_add_subtitle (document, week);
  tavla_document_add_fact (document, _("Meeting"), meeting_title);
  if (tavla_meeting_get_department (minutes->meeting) != NULL)
    tavla_document_add_fact (document, _("Department"), tavla_meeting_get_department (minutes->meeting));
  tavla_document_add_fact (document, _("Attendees"), *attendees != '\0' ? attendees : _("Not recorded"));
  if (tavla_meeting_get_started (minutes->meeting) != NULL)
    {
      g_autofree char *started = dup_timestamp_with_week (tavla_meeting_get_started (minutes->meeting));

      tavla_document_add_fact (document, _("Started"), started);
    }
  if (tavla_meeting_get_closed (minutes->meeting) != NULL)
    {
      g_autofree char *closed = dup_timestamp_with_week (tavla_meeting_get_closed (minutes->meeting));

      tavla_document_add_fact (document, _("Closed"), closed);
    }
  /* Translators: how much of the agenda the meeting went through. */
  handled = g_strdup_printf (_("%u of %u"), minutes->n_handled, minutes->n_entries);
  tavla_document_add_fact (document, _("Agenda entries handled"), handled);

  tavla_document_add_heading (document, _("Decisions"));
  if (minutes->decisions->len == 0)
    tavla_document_add_note (document, _("No decisions."));
  for (guint i = 0; i < minutes->decisions->len; i++)
    {
      TavlaDecision *decision = g_ptr_array_index (minutes->decisions, i);
      g_autofree char *text = NULL;

      if (decision->item_id != 0)
        text = g_strdup_printf ("%s (#%" G_GINT64_FORMAT " %s)", decision->text, decision->item_id,
                                decision->item_title != NULL ? decision->item_title : "");
      else
        text = g_strdup (decision->text);
      tavla_document_add_bullet (document, TAVLA_TONE_NONE, text);
    }

  tavla_document_add_heading (document, _("Changes by proposal"));
  if (minutes->changes->len == 0)
    tavla_document_add_note (document, _("No proposal was changed."));
  for (guint i = 0; i < minutes->changes->len; i++)
    {
      TavlaMinutesChange *change = g_ptr_array_index (minutes->changes, i);
      g_autofree char *text = NULL;

      if (change->item_id != item)
        {
          g_autofree char *heading = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", change->item_id,
                                                      change->item_title);

          item = change->item_id;
          tavla_document_add_subheading (document, heading);
        }
      if (change->note != NULL && !g_str_equal (change->field, "created"))
        text = g_strdup_printf ("%s (%s)", change->description, change->note);
      else
        text = g_strdup (change->description);
      tavla_document_add_bullet (document, TAVLA_TONE_NONE, text);
    }

  tavla_document_add_heading (document, _("New owners and due dates"));
  /* One row per proposal: its new owner and new due date, whichever the
   * meeting set (changes come by item, so a proposal's rows are together). */
  for (guint i = 0; i < minutes->changes->len; i++)
    {
      TavlaMinutesChange *change = g_ptr_array_index (minutes->changes, i);
      TavlaMinutesChange *next = i + 1 < minutes->changes->len ? g_ptr_array_index (minutes->changes, i + 1) : NULL;
      g_autofree char *label = NULL;

      if (is_new_owner_or_date (change))
        {
          if (g_str_equal (change->field, "owner"))
            {
              g_free (owner);
              owner = g_strdup (change->new_value != NULL ? change->new_value : "—");
            }
          else
            {
              g_free (due);
              due = change->new_value != NULL ? tavla_date_display (change->new_value) : g_strdup ("—");
            }
        }
      if ((next != NULL && next->item_id == change->item_id) || (owner == NULL && due == NULL))
        continue;

      if (!any)
        tavla_document_add_table (document, 3, headings, shares);
      any = TRUE;
      label = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", change->item_id, change->item_title);
      tavla_document_add_row (document, TAVLA_TONE_NONE, (const char *[]) { label, owner, due });
      g_clear_pointer (&owner, g_free);
      g_clear_pointer (&due, g_free);
    }
  if (!any)
    tavla_document_add_note (document, _("No new owners or due dates."));

  tavla_document_add_heading (document, _("Carried over to the next meeting"));
  if (minutes->carried_over->len == 0)
    tavla_document_add_note (document, _("Nothing was left over."));
  for (guint i = 0; i < minutes->carried_over->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (minutes->carried_over, i);
      g_autofree char *text = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", entry->id, entry->title);

      tavla_document_add_bullet (document, TAVLA_TONE_NONE, text);
    }

  return document;
}

JsonNode *
tavla_minutes_to_json (TavlaMinutes *minutes)
{
  TavlaMeeting *meeting = minutes->meeting;
  JsonObject *object = json_object_new ();
  JsonArray *attendees = json_array_new ();
  JsonArray *decisions = json_array_new ();
  JsonArray *changes = json_array_new ();
  JsonArray *owners = json_array_new ();
  JsonArray *carried = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const char * const *names = tavla_meeting_get_attendees (meeting);

  json_object_set_int_member (object, "id", tavla_meeting_get_id (meeting));
  json_object_set_string_member (object, "kind", tavla_meeting_kind_to_string (tavla_meeting_get_kind (meeting)));
  json_object_set_string_member (object, "date", tavla_meeting_get_date (meeting));
  json_object_set_int_member (object, "week", tavla_date_iso_week (tavla_meeting_get_date (meeting), NULL));
  json_object_set_string_member (object, "state", tavla_meeting_state_to_string (tavla_meeting_get_state (meeting)));
  set_string_or_null (object, "department", tavla_meeting_get_department (meeting));
  for (guint i = 0; names[i] != NULL; i++)
    json_array_add_string_element (attendees, names[i]);
  json_object_set_array_member (object, "attendees", attendees);
  set_string_or_null (object, "started", tavla_meeting_get_started (meeting));
  set_string_or_null (object, "closed", tavla_meeting_get_closed (meeting));
  json_object_set_int_member (object, "entries", minutes->n_entries);
  json_object_set_int_member (object, "handled", minutes->n_handled);

  for (guint i = 0; i < minutes->decisions->len; i++)
    {
      TavlaDecision *decision = g_ptr_array_index (minutes->decisions, i);
      JsonObject *d = json_object_new ();

      json_object_set_int_member (d, "id", decision->id);
      json_object_set_string_member (d, "text", decision->text);
      if (decision->item_id != 0)
        json_object_set_int_member (d, "item", decision->item_id);
      else
        json_object_set_null_member (d, "item");
      set_string_or_null (d, "item_title", decision->item_title);
      json_object_set_string_member (d, "created", decision->created);
      json_array_add_object_element (decisions, d);
    }
  json_object_set_array_member (object, "decisions", decisions);

  for (guint i = 0; i < minutes->changes->len; i++)
    {
      TavlaMinutesChange *change = g_ptr_array_index (minutes->changes, i);
      JsonObject *c = json_object_new ();

      json_object_set_int_member (c, "item", change->item_id);
      json_object_set_string_member (c, "title", change->item_title);
      json_object_set_string_member (c, "field", change->field);
      set_string_or_null (c, "old_value", change->old_value);
      set_string_or_null (c, "new_value", change->new_value);
      json_object_set_string_member (c, "actor", change->actor);
      json_object_set_string_member (c, "at", change->at);
      set_string_or_null (c, "note", change->note);
      if (is_new_owner_or_date (change))
        json_array_add_object_element (owners, json_object_ref (c));
      json_array_add_object_element (changes, c);
    }
  json_object_set_array_member (object, "changes", changes);
  json_object_set_array_member (object, "new_owners", owners);

  for (guint i = 0; i < minutes->carried_over->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (minutes->carried_over, i);
      JsonObject *c = json_object_new ();

      json_object_set_string_member (c, "kind", entry->kind);
      json_object_set_int_member (c, "id", entry->id);
      json_object_set_string_member (c, "title", entry->title);
      json_array_add_object_element (carried, c);
    }
  json_object_set_array_member (object, "carried_over", carried);

  json_node_take_object (node, object);
  return node;
}
