/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tavla-board-demo-agreements.h"
#include "tavla-board-demo-meetings.h"
#include "tavla-board-private.h"
#include "tavla-board-demo-private.h"
#include "tavla-clock.h"
#include "tavla-core-resources.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * The demo kundcenter: people, departments, response groups, metrics and
 * proposals whose history is replayed through the ordinary, rules-checked
 * write path with backdated clocks, so the demo is exactly what a year of
 * weekly meetings would have left behind; then two years of figures and
 * their explained deviations (tavla-board-demo-metrics.c).
 */

#define DEMO_RESOURCE "/io/github/tavla/Tavla/core/demo-board.json"
#define SECONDS_PER_DAY (24 * 60 * 60)

/* ---- Helpers shared by the demo's loaders (tavla-board-demo-private.h) ---- */

const char *
tavla_demo_member_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
tavla_demo_member_int (JsonObject *object,
                       const char *name,
                       gint64     *out_value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out_value = json_node_get_int (node);
  return TRUE;
}

JsonArray *
tavla_demo_member_array (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
tavla_demo_member_object (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

gboolean
tavla_demo_error (GError     **error,
                  const char  *what)
{
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("The demo data set is damaged (%s); reinstall Tavla."), what);
  return FALSE;
}

void
tavla_demo_set_clock_days_ago (GDateTime *real_now,
                               gint64     days_ago)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (real_now, (gdouble) (-days_ago * SECONDS_PER_DAY));

  tavla_clock_set_now_override (then);
}

char *
tavla_demo_date_days_from (GDateTime *real_now,
                           gint64     days)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (real_now, (gdouble) (days * SECONDS_PER_DAY));

  return g_date_time_format (then, "%F");
}

static gboolean
load_people (TavlaBoard  *self,
             JsonArray   *people,
             const char  *actor,
             GError     **error)
{
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      g_autoptr(TavlaPerson) existing = NULL;
      g_autoptr(TavlaPerson) added = NULL;

      if (person == NULL)
        return tavla_demo_error (error, "people");

      existing = tavla_board_find_person (self, tavla_demo_member_string (person, "name"));
      if (existing != NULL)
        continue;

      added = tavla_board_add_person (self,
                                      tavla_demo_member_string (person, "name"),
                                      tavla_demo_member_string (person, "role"),
                                      tavla_demo_member_string (person, "email"),
                                      actor, error);
      if (added == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_departments (TavlaBoard  *self,
                  JsonArray   *departments,
                  const char  *actor,
                  GError     **error)
{
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);
      g_autoptr(TavlaDepartment) existing = NULL;
      g_autoptr(TavlaDepartment) added = NULL;

      if (department == NULL)
        return tavla_demo_error (error, "departments");

      existing = tavla_board_find_department (self, tavla_demo_member_string (department, "name"));
      if (existing != NULL)
        continue;

      added = tavla_board_add_department (self,
                                          tavla_demo_member_string (department, "name"),
                                          tavla_demo_member_string (department, "code"),
                                          actor, error);
      if (added == NULL)
        return FALSE;
    }

  return TRUE;
}

/* One history step: an update through tavla_board_update_item(). */
static gboolean
replay_step (TavlaBoard  *self,
             gint64       item_id,
             JsonObject  *step,
             GDateTime   *real_now,
             const char  *real_today,
             const char  *default_actor,
             GError     **error)
{
  g_autoptr(TavlaItem) updated = NULL;
  g_autofree char *due = NULL;
  TavlaItemChange change = { 0 };
  const char *actor = tavla_demo_member_string (step, "actor");
  const char *text = NULL;
  gint64 number = 0;

  if (tavla_demo_member_int (step, "days_ago", &number))
    tavla_demo_set_clock_days_ago (real_now, number);

  if (json_object_has_member (step, "owner"))
    {
      change.set |= TAVLA_ITEM_FIELD_OWNER;
      change.owner = tavla_demo_member_string (step, "owner");
    }
  if (tavla_demo_member_int (step, "due_in_days", &number))
    {
      due = tavla_date_add_days (real_today, (int) number);
      change.set |= TAVLA_ITEM_FIELD_DUE;
      change.due = due;
    }
  if (json_object_has_member (step, "department"))
    {
      change.set |= TAVLA_ITEM_FIELD_DEPARTMENT;
      change.department = tavla_demo_member_string (step, "department");
    }
  if ((text = tavla_demo_member_string (step, "title")) != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_TITLE;
      change.title = text;
    }
  if ((text = tavla_demo_member_string (step, "status")) != NULL)
    {
      if (!tavla_status_from_string (text, &change.status))
        return tavla_demo_error (error, text);
      change.set |= TAVLA_ITEM_FIELD_STATUS;
    }
  if (json_object_has_member (step, "mark"))
    {
      text = tavla_demo_member_string (step, "mark");
      change.mark = TAVLA_MARK_NONE;
      if (text != NULL && !tavla_mark_from_string (text, &change.mark))
        return tavla_demo_error (error, text);
      change.set |= TAVLA_ITEM_FIELD_MARK;
    }
  if (json_object_has_member (step, "strategic"))
    {
      change.set |= TAVLA_ITEM_FIELD_STRATEGIC;
      change.strategic = json_object_get_boolean_member_with_default (step, "strategic", FALSE);
    }
  if ((text = tavla_demo_member_string (step, "note")) != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_NOTE;
      change.note = text;
    }

  updated = tavla_board_update_item (self, item_id, &change,
                                     actor != NULL ? actor : default_actor, error);

  return updated != NULL;
}

static gboolean
load_items (TavlaBoard  *self,
            JsonArray   *items,
            GDateTime   *real_now,
            GError     **error)
{
  g_autofree char *real_today = g_date_time_format (real_now, "%Y-%m-%d");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      g_autoptr(TavlaItem) item = NULL;
      TavlaItemChange fields = { 0 };
      JsonArray *history = NULL;
      const char *created_by = NULL;
      const char *source = NULL;
      gint64 days_ago = 0;

      if (object == NULL)
        return tavla_demo_error (error, "items");

      created_by = tavla_demo_member_string (object, "created_by");
      if (tavla_demo_member_int (object, "created_days_ago", &days_ago))
        tavla_demo_set_clock_days_ago (real_now, days_ago);
      else
        tavla_clock_set_now_override (real_now);

      fields.set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DESCRIPTION |
                   TAVLA_ITEM_FIELD_DEPARTMENT | TAVLA_ITEM_FIELD_STRATEGIC;
      fields.title = tavla_demo_member_string (object, "title");
      fields.description = tavla_demo_member_string (object, "description");
      fields.department = tavla_demo_member_string (object, "department");
      fields.strategic = json_object_get_boolean_member_with_default (object, "strategic", FALSE);
      if ((source = tavla_demo_member_string (object, "source")) != NULL)
        {
          if (!tavla_source_from_string (source, &fields.source))
            return tavla_demo_error (error, source);
          fields.set |= TAVLA_ITEM_FIELD_SOURCE;
        }

      if ((item = tavla_board_create_item (self, &fields, created_by, error)) == NULL)
        return FALSE;

      /* An item that follows a metric: linked when it was raised. */
      if (tavla_demo_member_string (object, "metric") != NULL)
        {
          g_autoptr(TavlaItem) linked = tavla_board_link_item_to_metric (self, tavla_item_get_id (item),
                                                                         tavla_demo_member_string (object, "metric"),
                                                                         created_by, error);

          if (linked == NULL)
            return FALSE;
        }

      history = tavla_demo_member_array (object, "history");
      for (guint s = 0; history != NULL && s < json_array_get_length (history); s++)
        {
          JsonObject *step = json_array_get_object_element (history, s);

          if (step == NULL)
            return tavla_demo_error (error, "history");

          if (!replay_step (self, tavla_item_get_id (item), step, real_now, real_today,
                            created_by, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gint64
oldest_day (JsonArray *items)
{
  gint64 oldest = 0;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      gint64 days_ago = 0;

      if (object != NULL && tavla_demo_member_int (object, "created_days_ago", &days_ago))
        oldest = MAX (oldest, days_ago);
    }

  return oldest;
}

gboolean
tavla_board_load_demo_from_data (TavlaBoard  *self,
                                 const char  *json,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) saved_override = NULL;
  g_autoptr(GDateTime) real_now = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root = NULL;
  JsonArray *items = NULL;
  /* Translators: who added the demo's people and departments. */
  const char *actor = _("Demo board");
  gboolean ok = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  if (g_list_model_get_n_items (tavla_board_get_items (self)) > 0)
    {
      g_set_error_literal (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                           _("The demo board can only be loaded into a database without proposals; "
                             "open a new database first."));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    return tavla_demo_error (error, parse_error->message);

  root = json_node_get_object (json_parser_get_root (parser));
  if (root == NULL)
    return tavla_demo_error (error, "root");

  items = tavla_demo_member_array (root, "items");
  saved_override = tavla_clock_dup_override ();
  real_now = tavla_clock_now_utc ();

  if (!tavla_board_begin_batch (self, error))
    return FALSE;

  tavla_demo_set_clock_days_ago (real_now, oldest_day (items) + 1);
  ok = load_people (self, tavla_demo_member_array (root, "people"), actor, error) &&
       load_departments (self, tavla_demo_member_array (root, "departments"), actor, error) &&
       tavla_board_demo_load_metric_definitions (self, root, actor, error) &&
       load_items (self, items, real_now, error) &&
       tavla_board_demo_load_figures (self, root, real_now, error) &&
       tavla_board_demo_load_agreements (self, root, real_now, error) &&
       tavla_board_demo_load_audits (self, root, real_now, error) &&
       tavla_board_demo_load_meetings (self, root, real_now, error) &&
       tavla_board_demo_load_feedback (self, root, real_now, error);
  tavla_clock_set_now_override (saved_override);

  if (!ok)
    {
      tavla_board_rollback_batch (self);
      return FALSE;
    }

  if (!tavla_board_commit_batch (self, error))
    return FALSE;

  tavla_board_refresh (self, NULL);
  /* Written by this connection, so the refresh did not see it. */
  tavla_board_feedback_refresh (self);

  return TRUE;
}

gboolean
tavla_board_load_demo (TavlaBoard  *self,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  /* Referencing the resource keeps it in binaries that link the static
   * core library. */
  bytes = g_resource_lookup_data (tavla_core_get_resource (), DEMO_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return tavla_board_load_demo_from_data (self, data, (gssize) length, error);
}
