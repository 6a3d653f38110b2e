/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>

#include "tavla-enums.h"
#include "tavla-period-report-private.h"

/*
 * The period report and the feedback summary as JSON (the CLI's --json
 * and --format json): lower_case members, machine names, null for absent.
 */

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     has,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (has && !isnan (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_item (JsonBuilder *builder,
          TavlaItem   *item)
{
  TavlaMark mark = tavla_item_get_mark (item);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tavla_item_get_id (item));
  add_string_or_null (builder, "title", tavla_item_get_title (item));
  add_string_or_null (builder, "owner", tavla_item_get_owner (item));
  add_string_or_null (builder, "due", tavla_item_get_due (item));
  add_string_or_null (builder, "department", tavla_item_get_department (item));
  add_string_or_null (builder, "status", tavla_status_to_string (tavla_item_get_status (item)));
  add_string_or_null (builder, "mark", mark != TAVLA_MARK_NONE ? tavla_mark_to_string (mark) : NULL);
  json_builder_set_member_name (builder, "strategic");
  json_builder_add_boolean_value (builder, tavla_item_get_strategic (item));
}

static void
add_improvements_json (JsonBuilder *builder,
                       const char  *name,
                       GPtrArray   *improvements)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < improvements->len; i++)
    {
      Improvement *improvement = g_ptr_array_index (improvements, i);

      add_item (builder, improvement->item);
      if (improvement->done != NULL)
        {
          add_string_or_null (builder, "done", improvement->done);
          json_builder_set_member_name (builder, "effects");
          json_builder_begin_array (builder);
          for (guint e = 0; e < improvement->effects->len; e++)
            json_builder_add_string_value (builder, g_ptr_array_index (improvement->effects, e));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_count_members (JsonBuilder        *builder,
                   TavlaFeedbackCount *count)
{
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, count->total);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_object (builder);
  for (guint c = 0; c <= TAVLA_FEEDBACK_CATEGORY_OTHER; c++)
    {
      if (c == TAVLA_FEEDBACK_CATEGORY_OTHER && count->categories[c] == 0)
        continue;
      json_builder_set_member_name (builder, tavla_feedback_category_to_string (c));
      json_builder_add_int_value (builder, count->categories[c]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_object (builder);
  for (guint c = 0; c <= TAVLA_FEEDBACK_CHANNEL_OTHER; c++)
    {
      if (c == TAVLA_FEEDBACK_CHANNEL_OTHER && count->channels[c] == 0)
        continue;
      json_builder_set_member_name (builder, tavla_feedback_channel_to_string (c));
      json_builder_add_int_value (builder, count->channels[c]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "passed_on");
  json_builder_add_int_value (builder, count->passed_on);
}

static void
add_summary (JsonBuilder          *builder,
             TavlaFeedbackSummary *summary)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "tertial", summary->period);
  add_string_or_null (builder, "department", summary->department);
  add_count_members (builder, &summary->all);
  json_builder_set_member_name (builder, "departments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->departments->len; i++)
    {
      TavlaFeedbackCount *count = g_ptr_array_index (summary->departments, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "department", count->department);
      add_count_members (builder, count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->items->len; i++)
    {
      add_item (builder, g_ptr_array_index (summary->items, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
tavla_feedback_summary_to_json (TavlaFeedbackSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (summary != NULL, NULL);

  add_summary (builder, summary);
  return json_builder_get_root (builder);
}

static void
add_goals_json (JsonBuilder       *builder,
                TavlaPeriodReport *report)
{
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->goals->len; i++)
    {
      Goal *goal = g_ptr_array_index (report->goals, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "metric", tavla_metric_get_name (goal->metric));
      add_string_or_null (builder, "unit", tavla_unit_to_string (tavla_metric_get_unit (goal->metric)));
      add_string_or_null (builder, "direction",
                          tavla_direction_to_string (tavla_metric_get_direction (goal->metric)));
      add_number_or_null (builder, "target", TRUE, goal->target);
      add_number_or_null (builder, "value", goal->has[0], goal->values[0]);
      add_number_or_null (builder, "previous", goal->has[1], goal->values[1]);
      add_number_or_null (builder, "last_year", goal->has[2], goal->values[2]);
      json_builder_set_member_name (builder, "deviation");
      if (goal->has[0])
        json_builder_add_boolean_value (builder, goal->deviation);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_deviations_json (JsonBuilder       *builder,
                     TavlaPeriodReport *report)
{
  json_builder_set_member_name (builder, "deviations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->deviations->len; i++)
    {
      TavlaDeviation *deviation = g_ptr_array_index (report->deviations, i);
      guint n_items = 0;
      const gint64 *ids = tavla_deviation_get_items (deviation, &n_items);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, tavla_deviation_get_id (deviation));
      add_string_or_null (builder, "period", tavla_deviation_get_period (deviation));
      add_string_or_null (builder, "metric", tavla_deviation_get_metric (deviation));
      add_string_or_null (builder, "group", tavla_deviation_get_group (deviation));
      add_number_or_null (builder, "value", TRUE, tavla_deviation_get_value (deviation));
      add_number_or_null (builder, "target", TRUE, tavla_deviation_get_target (deviation));
      add_string_or_null (builder, "cause", tavla_deviation_get_cause (deviation));
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint n = 0; n < n_items; n++)
        json_builder_add_int_value (builder, ids[n]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_agreement_json (JsonBuilder       *builder,
                    TavlaPeriodReport *report,
                    TavlaAgreement    *agreement)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tavla_agreement_get_id (agreement));
  add_string_or_null (builder, "department", tavla_agreement_get_department (agreement));
  add_string_or_null (builder, "status", tavla_agreement_status_to_string (tavla_agreement_get_status (agreement)));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, tavla_agreement_get_version_number (agreement));
  add_string_or_null (builder, "signed", tavla_agreement_get_signed (agreement));
  add_string_or_null (builder, "review_due", tavla_agreement_get_review_due (agreement));
  json_builder_set_member_name (builder, "review_due_in_tertial");
  json_builder_add_boolean_value (builder, tavla_period_report_agreement_tone (report, agreement) == TAVLA_TONE_YELLOW ||
                                           tavla_period_report_agreement_tone (report, agreement) == TAVLA_TONE_RED);
  json_builder_end_object (builder);
}

static void
add_agreements_json (JsonBuilder       *builder,
                     TavlaPeriodReport *report)
{
  json_builder_set_member_name (builder, "agreements");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "current");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->agreements->len; i++)
    add_agreement_json (builder, report, g_ptr_array_index (report->agreements, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reviews_done");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->signed_in->len; i++)
    add_agreement_json (builder, report, g_ptr_array_index (report->signed_in, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_recommendations_json (JsonBuilder       *builder,
                          TavlaPeriodReport *report)
{
  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->recommendations->len; i++)
    {
      TavlaRecommendation *recommendation = g_ptr_array_index (report->recommendations, i);
      TavlaAssessment assessment = tavla_recommendation_get_assessment (recommendation);
      TavlaLight light = tavla_recommendation_get_light (recommendation);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, tavla_recommendation_get_id (recommendation));
      add_string_or_null (builder, "audit", tavla_recommendation_get_audit_title (recommendation));
      add_string_or_null (builder, "text", tavla_recommendation_get_text (recommendation));
      add_string_or_null (builder, "owner", tavla_recommendation_get_owner (recommendation));
      add_string_or_null (builder, "due", tavla_recommendation_get_due (recommendation));
      add_string_or_null (builder, "status",
                          tavla_recommendation_status_to_string (tavla_recommendation_get_status (recommendation)));
      add_string_or_null (builder, "assessment",
                          assessment != TAVLA_ASSESSMENT_NONE ? tavla_assessment_to_string (assessment) : NULL);
      add_string_or_null (builder, "light", light != TAVLA_LIGHT_NONE ? tavla_light_to_string (light) : NULL);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, tavla_recommendation_is_overdue (recommendation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
tavla_period_report_to_json (TavlaPeriodReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "tertial", report->tertial);
  add_string_or_null (builder, "from", report->from);
  add_string_or_null (builder, "to", report->to);
  add_goals_json (builder, report);
  add_deviations_json (builder, report);
  json_builder_set_member_name (builder, "improvements");
  json_builder_begin_object (builder);
  add_improvements_json (builder, "done", report->done);
  add_improvements_json (builder, "ongoing", report->ongoing);
  add_improvements_json (builder, "new", report->new_items);
  json_builder_end_object (builder);
  add_improvements_json (builder, "improvement_areas", report->areas);
  json_builder_set_member_name (builder, "feedback");
  add_summary (builder, report->feedback);
  add_agreements_json (builder, report);
  add_recommendations_json (builder, report);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
