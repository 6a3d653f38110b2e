/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "tavla-board-audits.h"
#include "tavla-board-demo-private.h"
#include "tavla-board-private.h"

/*
 * The demo's audits (the "audits" section of demo-board.json): KPMG's 2022
 * audit of the centre with its two recommendations, one in progress with
 * actions on the board and one responded, and Deloitte's review that found
 * the conditions satisfactory. Each recommendation's steps are replayed
 * through the ordinary rules with a backdated clock, so the demo has real
 * history; due dates count from today, so the lights stay as they are
 * whenever the demo is loaded.
 */

static gboolean
replay_step (TavlaBoard  *self,
             gint64       id,
             JsonObject  *step,
             GDateTime   *real_now,
             GError     **error)
{
  g_autoptr(TavlaRecommendation) updated = NULL;
  g_autofree char *due = NULL;
  g_autofree char *response_date = NULL;
  g_autofree char *assessment_date = NULL;
  TavlaRecommendationChange change = { 0 };
  gint64 days = 0;

  if (tavla_demo_member_int (step, "days_ago", &days))
    tavla_demo_set_clock_days_ago (real_now, days);
  if (tavla_demo_member_int (step, "due_in_days", &days))
    due = tavla_demo_date_days_from (real_now, days);
  if (tavla_demo_member_int (step, "response_days_ago", &days))
    response_date = tavla_demo_date_days_from (real_now, -days);
  if (tavla_demo_member_int (step, "assessment_days_ago", &days))
    assessment_date = tavla_demo_date_days_from (real_now, -days);

  change = (TavlaRecommendationChange) {
    .status = tavla_demo_member_string (step, "status"),
    .response = tavla_demo_member_string (step, "response"),
    .response_date = response_date,
    .owner = tavla_demo_member_string (step, "owner"),
    .due = due,
    .evidence = tavla_demo_member_string (step, "evidence"),
    .assessment = tavla_demo_member_string (step, "assessment"),
    .assessment_date = assessment_date,
    .note = tavla_demo_member_string (step, "note"),
  };

  updated = tavla_board_update_recommendation (self, id, 0, &change, tavla_demo_member_string (step, "actor"),
                                               NULL, error);
  return updated != NULL;
}

static gboolean
load_recommendation (TavlaBoard  *self,
                     gint64       audit_id,
                     JsonObject  *object,
                     GDateTime   *real_now,
                     GError     **error)
{
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  TavlaRecommendationInput input = { .text = tavla_demo_member_string (object, "text") };
  JsonArray *steps = tavla_demo_member_array (object, "steps");
  JsonArray *items = tavla_demo_member_array (object, "items");
  gint64 id = 0;

  recommendation = tavla_board_add_recommendation (self, audit_id, &input,
                                                   tavla_demo_member_string (object, "created_by"), NULL, error);
  if (recommendation == NULL)
    return FALSE;
  id = tavla_recommendation_get_id (recommendation);

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      if (step == NULL)
        return tavla_demo_error (error, "recommendation step");
      if (!replay_step (self, id, step, real_now, error))
        return FALSE;
    }

  /* The actions: proposals of the demo board, by their number. */
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autoptr(TavlaItem) item = NULL;

      item = tavla_board_link_item_to_recommendation (self, json_array_get_int_element (items, i), id,
                                                      tavla_demo_member_string (object, "created_by"), error);
      if (item == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_audit (TavlaBoard  *self,
            JsonObject  *object,
            GDateTime   *real_now,
            GError     **error)
{
  g_autoptr(TavlaAudit) audit = NULL;
  JsonArray *recommendations = tavla_demo_member_array (object, "recommendations");
  TavlaAuditInput input = {
    .title = tavla_demo_member_string (object, "title"),
    .auditor = tavla_demo_member_string (object, "auditor"),
    .date = tavla_demo_member_string (object, "date"),
    .body = tavla_demo_member_string (object, "body"),
    .reference = tavla_demo_member_string (object, "reference"),
    .assessment = tavla_demo_member_string (object, "assessment"),
  };
  gint64 days = 0;

  if (tavla_demo_member_int (object, "created_days_ago", &days))
    tavla_demo_set_clock_days_ago (real_now, days);

  audit = tavla_board_add_audit (self, &input, tavla_demo_member_string (object, "created_by"), NULL, error);
  if (audit == NULL)
    return FALSE;

  for (guint i = 0; recommendations != NULL && i < json_array_get_length (recommendations); i++)
    {
      JsonObject *recommendation = json_array_get_object_element (recommendations, i);

      if (recommendation == NULL)
        return tavla_demo_error (error, "recommendation");
      if (tavla_demo_member_int (object, "created_days_ago", &days))
        tavla_demo_set_clock_days_ago (real_now, days);
      if (!load_recommendation (self, tavla_audit_get_id (audit), recommendation, real_now, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
tavla_board_demo_load_audits (TavlaBoard  *self,
                              JsonObject  *root,
                              GDateTime   *real_now,
                              GError     **error)
{
  JsonArray *audits = tavla_demo_member_array (root, "audits");

  for (guint i = 0; audits != NULL && i < json_array_get_length (audits); i++)
    {
      JsonObject *audit = json_array_get_object_element (audits, i);

      if (audit == NULL)
        return tavla_demo_error (error, "audit");
      if (!load_audit (self, audit, real_now, error))
        return FALSE;
    }

  return TRUE;
}
