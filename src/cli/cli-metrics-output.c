/* SPDX-License-Identifier: EUPL-1.2 */
/* Metrics, measurements, series, deviations and effects as JSON and as
 * text for people. Numbers in JSON are plain numbers with '.'; numbers in
 * text are in the user's locale (a decimal comma in Swedish). */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cli-output.h"

static const char *
outcome_name (TavlaRecordOutcome outcome)
{
  switch (outcome)
    {
    case TAVLA_RECORD_ADDED:
      return "added";
    case TAVLA_RECORD_CORRECTED:
      return "corrected";
    case TAVLA_RECORD_UNCHANGED:
    default:
      return "unchanged";
    }
}

static void
add_points_member (JsonBuilder *builder,
                   const char  *name,
                   GPtrArray   *points)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; points != NULL && i < points->len; i++)
    cli_json_add_point (builder, g_ptr_array_index (points, i));
  json_builder_end_array (builder);
}

static char *
format_ratio (double numerator,
              double denominator)
{
  g_autofree char *top = cli_format_amount (numerator);
  g_autofree char *bottom = cli_format_amount (denominator);

  /* TRANSLATORS: a numerator over its denominator, e.g. "90 / 100"
   * (answered / offered calls). */
  return g_strdup_printf (_("%s / %s"), top, bottom);
}

static char *
format_period (const char *period)
{
  return tavla_period_display_text (period);
}

static void
print_points (CliTable    *table,
              const char  *side,
              GPtrArray   *points,
              TavlaUnit    unit)
{
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (points, i);

      cli_table_add (table, i == 0 ? side : "");
      cli_table_take (table, format_period (point->period));
      cli_table_take (table, tavla_unit_format_value (unit, point->value));
    }
}

void
cli_json_add_group (JsonBuilder        *builder,
                    TavlaResponseGroup *group)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_response_group_get_id (group));
  cli_json_set_string (builder, "name", tavla_response_group_get_name (group));
  cli_json_set_boolean (builder, "active", tavla_response_group_get_active (group));
  json_builder_end_object (builder);
}

void
cli_json_add_metric (JsonBuilder *builder,
                     TavlaMetric *metric)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_metric_get_id (metric));
  cli_json_set_string (builder, "name", tavla_metric_get_name (metric));
  cli_json_set_string (builder, "description", tavla_metric_get_description (metric));
  cli_json_set_string (builder, "unit", tavla_unit_to_string (tavla_metric_get_unit (metric)));
  cli_json_set_string (builder, "direction",
                       tavla_direction_to_string (tavla_metric_get_direction (metric)));
  cli_json_set_double (builder, "target", TRUE, tavla_metric_get_target (metric));
  cli_json_set_string (builder, "period",
                       tavla_period_kind_to_string (tavla_metric_get_period (metric)));
  cli_json_set_boolean (builder, "per_group", tavla_metric_get_per_group (metric));
  cli_json_set_boolean (builder, "active", tavla_metric_get_active (metric));
  json_builder_end_object (builder);
}

void
cli_json_add_measurement (JsonBuilder        *builder,
                          TavlaMeasurement   *measurement,
                          TavlaMetric        *metric,
                          TavlaRecordOutcome  outcome)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", measurement->id);
  cli_json_set_string (builder, "metric", measurement->metric);
  cli_json_set_string (builder, "period", measurement->period);
  cli_json_set_string (builder, "group", measurement->group);
  cli_json_set_double (builder, "value", TRUE, measurement->value);
  cli_json_set_double (builder, "numerator", measurement->has_ratio, measurement->numerator);
  cli_json_set_double (builder, "denominator", measurement->has_ratio,
                       measurement->denominator);
  json_builder_set_member_name (builder, "respondents");
  if (measurement->respondents > 0)
    json_builder_add_int_value (builder, measurement->respondents);
  else
    json_builder_add_null_value (builder);
  cli_json_set_double (builder, "target", metric != NULL,
                       metric != NULL ? tavla_metric_get_target (metric) : 0);
  cli_json_set_boolean (builder, "deviation", measurement->deviation);
  cli_json_set_string (builder, "outcome", outcome_name (outcome));
  cli_json_set_string (builder, "created", measurement->created);
  cli_json_set_string (builder, "updated", measurement->updated);
  json_builder_end_object (builder);
}

void
cli_json_add_point (JsonBuilder      *builder,
                    TavlaSeriesPoint *point)
{
  json_builder_begin_object (builder);
  cli_json_set_string (builder, "period", point->period);
  cli_json_set_double (builder, "value", TRUE, point->value);
  cli_json_set_double (builder, "target", TRUE, point->target);
  cli_json_set_boolean (builder, "deviation", point->deviation);
  cli_json_set_double (builder, "numerator", point->has_ratio, point->numerator);
  cli_json_set_double (builder, "denominator", point->has_ratio, point->denominator);
  json_builder_set_member_name (builder, "respondents");
  if (point->respondents > 0)
    json_builder_add_int_value (builder, point->respondents);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
cli_json_add_deviation (JsonBuilder    *builder,
                        TavlaDeviation *deviation)
{
  guint n_items = 0;
  const gint64 *items = tavla_deviation_get_items (deviation, &n_items);

  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_deviation_get_id (deviation));
  cli_json_set_string (builder, "metric", tavla_deviation_get_metric (deviation));
  cli_json_set_string (builder, "period", tavla_deviation_get_period (deviation));
  cli_json_set_string (builder, "group", tavla_deviation_get_group (deviation));
  cli_json_set_double (builder, "value", TRUE, tavla_deviation_get_value (deviation));
  cli_json_set_double (builder, "target", TRUE, tavla_deviation_get_target (deviation));
  cli_json_set_string (builder, "cause", tavla_deviation_get_cause (deviation));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    json_builder_add_int_value (builder, items[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/*
 * The members of cli_json_add_deviation() on one line, written straight
 * into @out: five years of figures can hold thousands of deviations, and
 * a JsonNode tree per deviation doubled the time of `deviations --json`.
 * The cli suite checks that both writers give equal objects.
 */
void
cli_json_append_deviation (GString        *out,
                           TavlaDeviation *deviation)
{
  guint n_items = 0;
  const gint64 *items = tavla_deviation_get_items (deviation, &n_items);

  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"metric\":",
                          tavla_deviation_get_id (deviation));
  cli_json_append_string (out, tavla_deviation_get_metric (deviation));
  g_string_append (out, ",\"period\":");
  cli_json_append_string (out, tavla_deviation_get_period (deviation));
  g_string_append (out, ",\"group\":");
  cli_json_append_string (out, tavla_deviation_get_group (deviation));
  g_string_append (out, ",\"value\":");
  cli_json_append_double (out, tavla_deviation_get_value (deviation));
  g_string_append (out, ",\"target\":");
  cli_json_append_double (out, tavla_deviation_get_target (deviation));
  g_string_append (out, ",\"cause\":");
  cli_json_append_string (out, tavla_deviation_get_cause (deviation));
  g_string_append (out, ",\"items\":[");
  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", items[i]);
  g_string_append (out, "]}");
}

void
cli_json_add_effect (JsonBuilder *builder,
                     TavlaEffect *effect)
{
  gboolean both = effect->has_before && effect->has_after;

  json_builder_begin_object (builder);
  cli_json_set_string (builder, "metric", effect->metric);
  cli_json_set_string (builder, "unit", tavla_unit_to_string (effect->unit));
  cli_json_set_string (builder, "direction", tavla_direction_to_string (effect->direction));
  cli_json_set_string (builder, "period", tavla_period_kind_to_string (effect->period));
  cli_json_set_double (builder, "target", TRUE, effect->target);
  cli_json_set_string (builder, "started", effect->started);
  cli_json_set_string (builder, "done", effect->done);
  add_points_member (builder, "before", effect->before);
  add_points_member (builder, "after", effect->after);
  cli_json_set_double (builder, "value_before", effect->has_before, effect->value_before);
  cli_json_set_double (builder, "value_after", effect->has_after, effect->value_after);
  cli_json_set_double (builder, "change", both, effect->change);
  json_builder_set_member_name (builder, "improved");
  if (both)
    json_builder_add_boolean_value (builder, effect->improved);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* A numerator, a denominator or another amount in the user's locale:
 * whole numbers without decimals, others with one. */
char *
cli_format_amount (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  return g_strdup_printf ("%.1f", value);
}

/* "▼ deviation" below a target where higher is better, "▲ deviation"
 * above one where lower is better; "" on target. */
char *
cli_deviation_marker (TavlaDirection direction,
                      gboolean       deviation)
{
  if (!deviation)
    return g_strdup ("");

  /* TRANSLATORS: the marker of a value off its target; the arrow says
   * which way it is off. */
  return g_strdup_printf (_("%s deviation"),
                          direction == TAVLA_DIRECTION_HIGHER ? "▼" : "▲");
}

/* "at least 95.0 %" / "at most 12", @target already formatted. */
char *
cli_target_text (TavlaDirection  direction,
                 const char     *target)
{
  if (direction == TAVLA_DIRECTION_HIGHER)
    /* TRANSLATORS: a target where higher is better, e.g. "at least 95.0 %". */
    return g_strdup_printf (_("at least %s"), target);

  /* TRANSLATORS: a target where lower is better, e.g. "at most 12". */
  return g_strdup_printf (_("at most %s"), target);
}

void
cli_print_metric (TavlaCli    *cli,
                  TavlaMetric *metric)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *name = cli_text_clean (tavla_metric_get_name (metric));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_metric_get_id (metric));
  g_autofree char *target_value = tavla_metric_format_value (metric,
                                                             tavla_metric_get_target (metric));
  g_autofree char *target = cli_target_text (tavla_metric_get_direction (metric), target_value);
  const char *description = tavla_metric_get_description (metric);

  /* TRANSLATORS: heading of a metric (nyckeltal): its number and name. */
  cli_print_line (cli, _("Metric #%s: %s"), id, name);
  if (description != NULL && *description != '\0')
    cli_fields_add (fields, _("Description:"), description);
  cli_fields_add (fields, _("Unit:"), tavla_unit_get_label (tavla_metric_get_unit (metric)));
  cli_fields_add (fields, _("Target:"), target);
  cli_fields_add (fields, _("Measured every:"),
                  tavla_period_kind_get_label (tavla_metric_get_period (metric)));
  cli_fields_add (fields, _("Measured for:"),
                  tavla_metric_get_per_group (metric)
                  ? _("Each response group") : _("The whole centre"));
  cli_fields_print (fields, cli);
}

void
cli_print_measurement (TavlaCli           *cli,
                       TavlaMeasurement   *measurement,
                       TavlaMetric        *metric,
                       TavlaRecordOutcome  outcome)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *period = format_period (measurement->period);
  g_autofree char *value = NULL;
  g_autofree char *marker = NULL;

  switch (outcome)
    {
    case TAVLA_RECORD_ADDED:
      cli_print_line (cli, "%s", _("Added the measurement."));
      break;
    case TAVLA_RECORD_CORRECTED:
      cli_print_line (cli, "%s",
                      _("Corrected the measurement; the earlier figures are kept in its "
                        "history."));
      break;
    case TAVLA_RECORD_UNCHANGED:
    default:
      cli_print_line (cli, "%s", _("Nothing changed: these figures were already recorded."));
      break;
    }

  if (metric != NULL)
    {
      value = tavla_metric_format_value (metric, measurement->value);
      marker = cli_deviation_marker (tavla_metric_get_direction (metric),
                                     measurement->deviation);
    }
  else
    {
      value = cli_format_amount (measurement->value);
      marker = g_strdup (measurement->deviation ? _("deviation") : "");
    }

  cli_fields_add (fields, _("Metric:"), measurement->metric);
  cli_fields_add (fields, _("Period:"), period);
  cli_fields_add (fields, _("Response group:"),
                  measurement->group != NULL ? measurement->group : _("Overall"));
  cli_fields_add (fields, _("Value:"), value);
  if (measurement->has_ratio)
    {
      g_autofree char *ratio = format_ratio (measurement->numerator, measurement->denominator);

      cli_fields_add (fields, _("Numerator / denominator:"), ratio);
    }
  if (measurement->respondents > 0)
    {
      g_autofree char *respondents = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      measurement->respondents);

      cli_fields_add (fields, _("Respondents:"), respondents);
    }
  if (metric != NULL)
    {
      g_autofree char *target_value = tavla_metric_format_value (metric,
                                                                 tavla_metric_get_target (metric));
      g_autofree char *target = cli_target_text (tavla_metric_get_direction (metric),
                                                 target_value);

      cli_fields_add (fields, _("Target:"), target);
    }
  cli_fields_add (fields, _("Deviation:"), measurement->deviation ? marker : _("no"));
  cli_fields_print (fields, cli);
}

void
cli_print_deviation (TavlaCli       *cli,
                     TavlaDeviation *deviation)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autoptr(GString) items_text = g_string_new (NULL);
  g_autofree char *summary = tavla_deviation_dup_summary (deviation);
  g_autofree char *clean = cli_text_clean (summary);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_deviation_get_id (deviation));
  const char *cause = tavla_deviation_get_cause (deviation);
  guint n_items = 0;
  const gint64 *items = tavla_deviation_get_items (deviation, &n_items);

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (items_text, "%s#%" G_GINT64_FORMAT, i > 0 ? ", " : "", items[i]);

  /* TRANSLATORS: heading of a deviation (avvikelse): its number and a
   * summary such as "Answer rate 91.2 % in w. 47 2026, target 95.0 %". */
  cli_print_line (cli, _("Deviation #%s: %s"), id, clean);
  cli_fields_add (fields, _("Cause:"), cause != NULL ? cause : _("not explained yet"));
  cli_fields_add (fields, _("Proposals:"), n_items > 0 ? items_text->str : _("none"));
  if (tavla_deviation_get_resolved (deviation))
    cli_fields_add (fields, _("Status:"), _("Resolved: corrected back on target"));
  cli_fields_print (fields, cli);
}

void
cli_print_effect (TavlaCli    *cli,
                  TavlaEffect *effect)
{
  g_autofree char *summary = tavla_effect_dup_summary (effect);
  g_autofree char *clean = cli_text_clean (summary);
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *started = effect->started != NULL ? tavla_date_display (effect->started)
                                                      : g_strdup ("");
  g_autofree char *done = effect->done != NULL ? tavla_date_display (effect->done) : NULL;

  cli_print_line (cli, "%s", clean);
  cli_fields_add (fields, _("Started:"), started);
  cli_fields_add (fields, _("Done:"), done != NULL ? done : _("not done yet"));
  cli_fields_print (fields, cli);

  if ((effect->before != NULL && effect->before->len > 0)
      || (effect->after != NULL && effect->after->len > 0))
    {
      g_autoptr(CliTable) table = cli_table_new (3);

      cli_table_add (table, "");
      cli_table_add (table, _("Period"));
      cli_table_add (table, _("Value"));
      print_points (table, _("Before"), effect->before, effect->unit);
      print_points (table, _("After"), effect->after, effect->unit);
      g_string_append_c (cli->out, '\n');
      cli_table_print (table, cli);
    }
}
