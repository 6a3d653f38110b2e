/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-metrics-private.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * Metrics on the board: response groups, metrics and measurements (one
 * per metric, period and group; recording again corrects it, with
 * history). The import, the roll-ups and the deviations are in the other
 * tavla-board-*.c files of tavla-board-metrics-private.h. Every rule lives
 * in the core; the store only keeps rows.
 */

#define NAME_MAX_CHARS 100

/* ---- Small helpers ---------------------------------------------------- */

static gboolean
field_error (const char  **out_field,
             const char   *field,
             GError      **error,
             const char   *message)
{
  if (out_field != NULL)
    *out_field = field;

  return tavla_board_set_input_error (error, message);
}

/* A number as the history and JSON keep it: shortest exact form, "." as
 * the decimal sign. */
static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
casefold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static gpointer
find_by_name (GListModel  *model,
              const char  *name,
              const char *(*get_name) (gpointer))
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (name);
  g_autofree char *folded = NULL;
  guint n = 0;

  if (trimmed == NULL)
    return NULL;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_name (object), trimmed) == 0)
        return g_steal_pointer (&object);
    }

  folded = casefold (trimmed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autofree char *other = casefold (get_name (object));

      if (g_strcmp0 (other, folded) == 0)
        return g_steal_pointer (&object);
    }

  return NULL;
}

static const char *
group_name (gpointer object)
{
  return tavla_response_group_get_name (object);
}

static const char *
metric_name (gpointer object)
{
  return tavla_metric_get_name (object);
}

static gboolean
check_name (const char   *name,
            const char  **out_field,
            GError      **error)
{
  g_autofree char *message = NULL;
  glong length = 0;

  if (name == NULL)
    return field_error (out_field, "name", error,
                        _("Name is empty; write a name, for example “Svarsfrekvens”."));

  if (!g_utf8_validate (name, -1, NULL))
    return field_error (out_field, "name", error, _("Name is not valid UTF-8 text; type it again."));

  length = g_utf8_strlen (name, -1);
  if (length > NAME_MAX_CHARS)
    {
      message = g_strdup_printf (_("Name is %ld characters long; shorten it to %d characters or fewer."),
                                 length, NAME_MAX_CHARS);
      return field_error (out_field, "name", error, message);
    }

  return TRUE;
}

void
tavla_measurement_free (TavlaMeasurement *measurement)
{
  if (measurement == NULL)
    return;

  g_free (measurement->metric);
  g_free (measurement->period);
  g_free (measurement->group);
  g_free (measurement->created);
  g_free (measurement->updated);
  g_free (measurement);
}

/* ---- Response groups -------------------------------------------------- */

TavlaResponseGroup *
tavla_board_find_response_group (TavlaBoard *self,
                                 const char *name)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return find_by_name (tavla_board_get_response_groups (self), name, group_name);
}

TavlaResponseGroup *
tavla_board_add_response_group (TavlaBoard  *self,
                                const char  *name,
                                const char  *actor,
                                GError     **error)
{
  g_autofree char *clean_name = tavla_board_dup_trimmed (name);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaResponseGroup) existing = NULL;
  TavlaStore *store = NULL;
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  (void) actor;

  if (!check_name (clean_name, NULL, error))
    return NULL;

  if ((existing = tavla_board_find_response_group (self, clean_name)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Name “%s” is already taken by the response group “%s”; choose another name."),
                         clean_name, tavla_response_group_get_name (existing));
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  store = tavla_board_get_store (self);
  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_store_insert_response_group (store, clean_name, now, error)) == 0)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return tavla_response_group_new (id, clean_name, TRUE);
}

TavlaResponseGroup *
tavla_board_set_response_group_active (TavlaBoard  *self,
                                       const char  *name,
                                       gboolean     active,
                                       const char  *actor,
                                       GError     **error)
{
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autofree char *now = tavla_timestamp_now ();
  gint64 id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  (void) actor;

  if ((group = tavla_board_find_response_group (self, name)) == NULL)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no response group “%s”; check the name in the list of groups."),
                   name != NULL ? name : "");
      return NULL;
    }

  id = tavla_response_group_get_id (group);
  if (tavla_response_group_get_active (group) == !!active)
    return g_steal_pointer (&group);

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_store_set_response_group_active (tavla_board_get_store (self), id, active, now, error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return tavla_response_group_new (id, tavla_response_group_get_name (group), active);
}

/* ---- Metrics ---------------------------------------------------------- */

TavlaMetric *
tavla_board_find_metric (TavlaBoard *self,
                         const char *name)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return find_by_name (tavla_board_get_metrics (self), name, metric_name);
}

static gboolean
check_target (TavlaUnit     unit,
              double        target,
              const char   *text,
              const char  **out_field,
              GError      **error)
{
  g_autofree char *message = NULL;

  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      if (target < 0.0 || target > 100.0)
        message = g_strdup_printf (_("Target %s is not a percentage; write a number from 0 to 100, "
                                     "like 95."), text);
      break;
    case TAVLA_UNIT_SCORE:
      if (target < 1.0 || target > 5.0)
        message = g_strdup_printf (_("Target %s is outside the score scale; write a number from 1 to 5, "
                                     "like 4.3."), text);
      break;
    case TAVLA_UNIT_COUNT:
    default:
      if (target < 0.0)
        message = g_strdup_printf (_("Target %s is negative; a count target is 0 or more."), text);
      break;
    }

  if (message != NULL)
    return field_error (out_field, "target", error, message);

  return TRUE;
}

TavlaMetric *
tavla_board_add_metric (TavlaBoard              *self,
                        const TavlaMetricInput  *input,
                        const char              *actor_in,
                        const char             **out_field,
                        GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *unit_text = NULL;
  g_autofree char *direction_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaMetric) existing = NULL;
  TavlaStoreMetricRow row = { 0 };
  TavlaMetricFields fields = { 0 };
  TavlaStore *store = NULL;
  gint64 id = 0;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  name = tavla_board_dup_trimmed (input->name);
  description = tavla_board_dup_trimmed (input->description);
  unit_text = tavla_board_dup_trimmed (input->unit);
  direction_text = tavla_board_dup_trimmed (input->direction);
  target_text = tavla_board_dup_trimmed (input->target);
  period_text = tavla_board_dup_trimmed (input->period);

  if (!check_name (name, out_field, error))
    return NULL;

  if ((existing = tavla_board_find_metric (self, name)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Name “%s” is already taken by the metric “%s”; choose another name."),
                         name, tavla_metric_get_name (existing));
      field_error (out_field, "name", error, message);
      return NULL;
    }

  if (unit_text == NULL)
    {
      field_error (out_field, "unit", error, _("Unit is empty; write percent, score or count."));
      return NULL;
    }
  if (!tavla_unit_from_string (unit_text, &row.unit))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unit “%s” is not known; write percent, score or count."), unit_text);
      field_error (out_field, "unit", error, message);
      return NULL;
    }

  if (direction_text == NULL)
    {
      field_error (out_field, "direction", error,
                   _("Direction is empty; write higher (higher is better) or lower."));
      return NULL;
    }
  if (!tavla_direction_from_string (direction_text, &row.direction))
    {
      g_autofree char *message =
        g_strdup_printf (_("Direction “%s” is not known; write higher (higher is better) or lower."),
                         direction_text);
      field_error (out_field, "direction", error, message);
      return NULL;
    }

  if (target_text == NULL)
    {
      field_error (out_field, "target", error, _("Target is empty; write the goal as a number, like 95."));
      return NULL;
    }
  if (!tavla_parse_number (target_text, &row.target))
    {
      g_autofree char *message =
        g_strdup_printf (_("Target “%s” is not a number; write it like 95 or 4.3."), target_text);
      field_error (out_field, "target", error, message);
      return NULL;
    }
  if (!check_target (row.unit, row.target, target_text, out_field, error))
    return NULL;

  row.period = TAVLA_PERIOD_WEEK;
  if (period_text != NULL &&
      (!tavla_period_kind_from_string (period_text, &row.period) ||
       (row.period != TAVLA_PERIOD_WEEK && row.period != TAVLA_PERIOD_MONTH)))
    {
      g_autofree char *message =
        g_strdup_printf (_("Period “%s” is not known; a metric is measured per week or per month."),
                         period_text);
      field_error (out_field, "period", error, message);
      return NULL;
    }

  row.name = name;
  row.description = description;
  row.per_group = input->per_group;
  row.created = now;

  store = tavla_board_get_store (self);
  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((id = tavla_store_insert_metric (store, &row, error)) == 0 ||
      (change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !tavla_board_write_history (self, "metric", id, change_id, now, actor, "created",
                                  NULL, name, NULL, 0, error))
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  fields.id = id;
  fields.version = 1;
  fields.name = name;
  fields.description = description;
  fields.unit = row.unit;
  fields.direction = row.direction;
  fields.target = row.target;
  fields.period = row.period;
  fields.per_group = row.per_group;
  fields.active = TRUE;

  return tavla_metric_new (&fields);
}

/* ---- Measurement rules ------------------------------------------------ */

void
tavla_measure_clear (TavlaMeasure *measure)
{
  g_clear_object (&measure->metric);
  g_clear_object (&measure->group);
  g_clear_pointer (&measure->period_text, g_free);
}

static gboolean
parse_figure (const char   *text,
              const char   *field,
              const char   *label,
              double       *out_value,
              const char  **out_field,
              GError      **error)
{
  g_autofree char *message = NULL;

  if (!tavla_parse_number (text, out_value))
    {
      /* Translators: "Value “abc” is not a number; ..."; the first %s is
       * the field (Value, Numerator, Denominator, Respondents). */
      message = g_strdup_printf (_("%s “%s” is not a number; write it with digits, like 94.5."),
                                 label, text);
      return field_error (out_field, field, error, message);
    }

  if (*out_value < 0.0)
    {
      message = g_strdup_printf (_("%s %s is negative; figures cannot be below zero."), label, text);
      return field_error (out_field, field, error, message);
    }

  return TRUE;
}

gboolean
tavla_measure_check (TavlaBoard                   *self,
                     const TavlaMeasurementInput  *input,
                     TavlaMeasure                 *out,
                     const char                  **out_field,
                     GError                      **error)
{
  g_autofree char *metric_text = tavla_board_dup_trimmed (input->metric);
  g_autofree char *period_text = tavla_board_dup_trimmed (input->period);
  g_autofree char *group_text = tavla_board_dup_trimmed (input->group);
  g_autofree char *value_text = tavla_board_dup_trimmed (input->value);
  g_autofree char *numerator_text = tavla_board_dup_trimmed (input->numerator);
  g_autofree char *denominator_text = tavla_board_dup_trimmed (input->denominator);
  g_autofree char *respondents_text = tavla_board_dup_trimmed (input->respondents);
  g_autofree char *message = NULL;
  g_autoptr(GError) period_error = NULL;
  TavlaUnit unit = TAVLA_UNIT_PERCENT;
  TavlaPeriodKind kind = TAVLA_PERIOD_WEEK;
  const char *name = NULL;

  if (metric_text == NULL)
    return field_error (out_field, "metric", error,
                        _("Metric is empty; write the name of one of the board’s metrics."));

  if ((out->metric = tavla_board_find_metric (self, metric_text)) == NULL)
    {
      message = g_strdup_printf (_("Metric “%s” does not exist; write the name of an existing metric "
                                   "or add the metric first."), metric_text);
      return field_error (out_field, "metric", error, message);
    }

  name = tavla_metric_get_name (out->metric);
  unit = tavla_metric_get_unit (out->metric);
  kind = tavla_metric_get_period (out->metric);

  if (period_text == NULL)
    {
      message = kind == TAVLA_PERIOD_WEEK
                ? g_strdup_printf (_("Period is empty; “%s” is measured per week: write the week like 2026-W47."), name)
                : g_strdup_printf (_("Period is empty; “%s” is measured per month: write the month like 2026-11."), name);
      return field_error (out_field, "period", error, message);
    }

  if (!tavla_period_parse (period_text, &out->period, &period_error))
    {
      message = g_strdup_printf (_("Period: %s"), period_error->message);
      return field_error (out_field, "period", error, message);
    }

  if (out->period.kind != kind)
    {
      message = kind == TAVLA_PERIOD_WEEK
                ? g_strdup_printf (_("Period “%s” is not a week, but “%s” is measured per week; "
                                     "write the week like 2026-W47."), period_text, name)
                : g_strdup_printf (_("Period “%s” is not a month, but “%s” is measured per month; "
                                     "write the month like 2026-11."), period_text, name);
      return field_error (out_field, "period", error, message);
    }
  out->period_text = tavla_period_format (&out->period);

  if (tavla_metric_get_per_group (out->metric))
    {
      if (group_text == NULL)
        {
          message = g_strdup_printf (_("Group is empty, but “%s” is measured per response group; "
                                       "write the response group’s name."), name);
          return field_error (out_field, "group", error, message);
        }
      if ((out->group = tavla_board_find_response_group (self, group_text)) == NULL)
        {
          message = g_strdup_printf (_("Group “%s” does not exist; write the name of an existing "
                                       "response group or add the group first."), group_text);
          return field_error (out_field, "group", error, message);
        }
    }
  else if (group_text != NULL)
    {
      message = g_strdup_printf (_("Group “%s” is given, but “%s” is measured for the whole centre; "
                                   "leave the group empty."), group_text, name);
      return field_error (out_field, "group", error, message);
    }

  if (value_text != NULL && (numerator_text != NULL || denominator_text != NULL))
    return field_error (out_field, "value", error,
                        _("Value and numerator/denominator are both given; give either the value "
                          "or the numerator and the denominator."));

  if (value_text == NULL && numerator_text == NULL && denominator_text == NULL)
    return field_error (out_field, "value", error,
                        _("Value is empty; give the value, or the numerator and the denominator "
                          "(for example answered and offered calls)."));

  if (value_text == NULL && unit != TAVLA_UNIT_PERCENT)
    {
      message = g_strdup_printf (_("Numerator and denominator only apply to percentages; “%s” "
                                   "takes a value."), name);
      return field_error (out_field, numerator_text != NULL ? "numerator" : "denominator", error, message);
    }

  if (value_text == NULL && numerator_text == NULL)
    return field_error (out_field, "numerator", error,
                        _("Numerator is empty; give it with the denominator (for example answered "
                          "calls of offered calls)."));

  if (value_text == NULL && denominator_text == NULL)
    return field_error (out_field, "denominator", error,
                        _("Denominator is empty; give it with the numerator (for example offered "
                          "calls for answered calls)."));

  if (value_text != NULL)
    {
      if (!parse_figure (value_text, "value", _("Value"), &out->value, out_field, error))
        return FALSE;

      switch (unit)
        {
        case TAVLA_UNIT_PERCENT:
          if (out->value > 100.0)
            {
              message = g_strdup_printf (_("Value %s is above 100; a percentage is 0 to 100."), value_text);
              return field_error (out_field, "value", error, message);
            }
          break;
        case TAVLA_UNIT_SCORE:
          if (out->value < 1.0 || out->value > 5.0)
            {
              message = g_strdup_printf (_("Value %s is outside the score scale; write a score from "
                                           "1 to 5."), value_text);
              return field_error (out_field, "value", error, message);
            }
          break;
        case TAVLA_UNIT_COUNT:
        default:
          if (out->value != floor (out->value))
            {
              message = g_strdup_printf (_("Value %s is not a whole number; a count is 0, 1, 2 and so "
                                           "on."), value_text);
              return field_error (out_field, "value", error, message);
            }
          break;
        }
    }
  else
    {
      if (!parse_figure (numerator_text, "numerator", _("Numerator"), &out->numerator, out_field, error) ||
          !parse_figure (denominator_text, "denominator", _("Denominator"), &out->denominator,
                         out_field, error))
        return FALSE;

      if (out->denominator <= 0.0)
        return field_error (out_field, "denominator", error,
                            _("Denominator is 0; a share needs a denominator above zero."));

      if (out->numerator > out->denominator)
        {
          message = g_strdup_printf (_("Numerator %s is larger than denominator %s; a share cannot "
                                       "exceed the whole. Check that the two are not swapped."),
                                     numerator_text, denominator_text);
          return field_error (out_field, "numerator", error, message);
        }

      out->has_ratio = TRUE;
      out->value = out->numerator / out->denominator * 100.0;
    }

  if (respondents_text != NULL)
    {
      double respondents = 0.0;

      if (unit != TAVLA_UNIT_SCORE)
        {
          message = g_strdup_printf (_("Respondents only apply to scores; leave them empty for “%s”."),
                                     name);
          return field_error (out_field, "respondents", error, message);
        }

      if (!parse_figure (respondents_text, "respondents", _("Respondents"), &respondents, out_field, error))
        return FALSE;

      if (respondents < 1.0 || respondents != floor (respondents) || respondents > 1e12)
        {
          message = g_strdup_printf (_("Respondents %s is not a whole number of at least 1; write how "
                                       "many answered the survey."), respondents_text);
          return field_error (out_field, "respondents", error, message);
        }

      out->respondents = (gint64) respondents;
    }

  return TRUE;
}

gboolean
tavla_board_check_measurement (TavlaBoard                   *self,
                               const TavlaMeasurementInput  *input,
                               const char                  **out_field,
                               GError                      **error)
{
  g_auto(TavlaMeasure) measure = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  return tavla_measure_check (self, input, &measure, out_field, error);
}

/* ---- Recording -------------------------------------------------------- */

gint64
tavla_measure_group_id (const TavlaMeasure *measure)
{
  return measure->group != NULL ? tavla_response_group_get_id (measure->group) : 0;
}

static gboolean
same_number (double a,
             double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* What recording @measure would do to @existing (NULL: nothing stored). */
TavlaRecordOutcome
tavla_measure_outcome (const TavlaMeasure     *measure,
                       const TavlaMeasurement *existing)
{
  if (existing == NULL)
    return TAVLA_RECORD_ADDED;

  if (existing->has_ratio != measure->has_ratio ||
      existing->respondents != measure->respondents)
    return TAVLA_RECORD_CORRECTED;

  if (measure->has_ratio)
    return same_number (existing->numerator, measure->numerator) &&
           same_number (existing->denominator, measure->denominator)
           ? TAVLA_RECORD_UNCHANGED : TAVLA_RECORD_CORRECTED;

  return same_number (existing->value, measure->value) ? TAVLA_RECORD_UNCHANGED : TAVLA_RECORD_CORRECTED;
}

static char *
figure_text (gboolean has,
             double   value)
{
  return has ? number_text (value) : NULL;
}

/* Puts @row (with @row->id the existing row, 0 for none) in step with
 * whether its value is off target. Back on target, a row nobody explained
 * or acted on is dropped; one with a cause or items is kept, resolved. */
static gboolean
sync_deviation_row (TavlaBoard              *self,
                    TavlaStoreDeviationRow  *row,
                    gboolean                 off_target,
                    GError                 **error)
{
  TavlaStore *store = tavla_board_get_store (self);
  g_autoptr(TavlaDeviation) deviation = NULL;

  if (off_target)
    {
      row->resolved = FALSE;
      if (row->id == 0)
        return tavla_store_insert_deviation (store, row, error) != 0;
      return tavla_store_update_deviation (store, row, error);
    }

  if (row->id == 0)
    return TRUE;

  if ((deviation = tavla_store_get_deviation (store, row->id, error)) == NULL)
    return FALSE;

  if (tavla_deviation_get_cause (deviation) == NULL)
    {
      guint n_items = 0;

      tavla_deviation_get_items (deviation, &n_items);
      if (n_items == 0)
        return tavla_store_delete_deviation (store, row->id, error);
    }

  row->resolved = TRUE;

  return tavla_store_update_deviation (store, row, error);
}

static char *
anchor_day_text (const TavlaPeriod *period)
{
  GDate anchor;

  tavla_period_get_anchor_day (period, &anchor);

  return tavla_date_format (&anchor);
}

/* Keeps the deviation row of a measurement in step with its value. */
static gboolean
sync_deviation (TavlaBoard     *self,
                const TavlaMeasure  *measure,
                gint64          measurement_id,
                const char     *now,
                GError        **error)
{
  g_autofree char *day = anchor_day_text (&measure->period);
  g_autoptr(GError) local_error = NULL;
  TavlaStoreDeviationRow row = { 0 };

  row.id = tavla_store_find_deviation_id (tavla_board_get_store (self), measurement_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  row.measurement_id = measurement_id;
  row.metric_id = tavla_metric_get_id (measure->metric);
  row.period = measure->period_text;
  row.group_id = tavla_measure_group_id (measure);
  row.value = measure->value;
  row.target = tavla_metric_get_target (measure->metric);
  row.day = day;
  row.updated = now;

  return sync_deviation_row (self, &row, tavla_metric_is_deviation (measure->metric, measure->value), error);
}

/* For a metric kept per response group, the overall roll-up of @period
 * (all groups) is a deviation of its own, followed up at centre level. */
gboolean
tavla_measure_sync_overall (TavlaBoard         *self,
                            TavlaMetric        *metric,
                            const TavlaPeriod  *period,
                            const char         *now,
                            GError            **error)
{
  TavlaStore *store = tavla_board_get_store (self);
  g_autofree char *period_text = tavla_period_format (period);
  g_autofree char *day = anchor_day_text (period);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  TavlaStoreRollupQuery query = { 0 };
  TavlaStoreDeviationRow row = { 0 };
  TavlaSeriesPoint point = { 0 };
  gboolean off_target = FALSE;

  if (!tavla_metric_get_per_group (metric))
    return TRUE;

  query.metric_id = tavla_metric_get_id (metric);
  query.kind = tavla_metric_get_period (metric);
  query.from_key = period_text;
  query.to_key = period_text;
  if ((rows = tavla_store_rollup (store, &query, error)) == NULL)
    return FALSE;

  if (rows->len > 0)
    {
      tavla_series_point_from_rollup (&point, tavla_metric_get_unit (metric), &g_array_index (rows, TavlaStoreRollupRow, 0));
      off_target = tavla_metric_is_deviation (metric, point.value);
    }

  row.id = tavla_store_find_overall_deviation_id (store, query.metric_id, period_text, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  row.metric_id = query.metric_id;
  row.period = period_text;
  row.value = point.value;
  row.target = tavla_metric_get_target (metric);
  row.day = day;
  row.updated = now;

  return sync_deviation_row (self, &row, off_target, error);
}

/* Writes @measure inside the caller's batch. */
gboolean
tavla_measure_record (TavlaBoard          *self,
                      const TavlaMeasure  *measure,
                      const char          *actor,
                      const char          *now,
                      gboolean             with_overall,
                      TavlaRecordOutcome  *out_outcome,
                      gint64              *out_id,
                      GError             **error)
{
  TavlaStore *store = tavla_board_get_store (self);
  g_autoptr(TavlaMeasurement) existing = NULL;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *year = NULL;
  TavlaStoreMeasurementRow row = { 0 };
  TavlaRecordOutcome outcome = TAVLA_RECORD_ADDED;
  TavlaPeriod container = { 0 };
  GDate anchor;
  gint64 id = 0;
  gint64 change_id = 0;

  if (!tavla_store_find_measurement (store, tavla_metric_get_id (measure->metric), measure->period_text,
                                     tavla_measure_group_id (measure), &existing, error))
    return FALSE;

  outcome = tavla_measure_outcome (measure, existing);
  if (out_outcome != NULL)
    *out_outcome = outcome;

  if (outcome == TAVLA_RECORD_UNCHANGED)
    {
      if (out_id != NULL)
        *out_id = existing->id;
      return TRUE;
    }

  tavla_period_get_anchor_day (&measure->period, &anchor);
  day = tavla_date_format (&anchor);
  tavla_period_get_containing (&measure->period, TAVLA_PERIOD_MONTH, &container);
  month = tavla_period_format (&container);
  tavla_period_get_containing (&measure->period, TAVLA_PERIOD_TERTIAL, &container);
  tertial = tavla_period_format (&container);
  tavla_period_get_containing (&measure->period, TAVLA_PERIOD_YEAR, &container);
  year = tavla_period_format (&container);

  row.metric_id = tavla_metric_get_id (measure->metric);
  row.period = measure->period_text;
  row.group_id = tavla_measure_group_id (measure);
  row.value = measure->value;
  row.has_ratio = measure->has_ratio;
  row.numerator = measure->numerator;
  row.denominator = measure->denominator;
  row.respondents = measure->respondents;
  row.day = day;
  row.month = month;
  row.tertial = tertial;
  row.year = year;
  row.created = now;
  row.updated = now;

  if ((change_id = tavla_store_next_change_id (store, error)) == 0)
    return FALSE;

  if (existing == NULL)
    {
      g_autofree char *numerator = number_text (measure->numerator);
      g_autofree char *denominator = number_text (measure->denominator);
      g_autofree char *figure = measure->has_ratio
                                ? g_strdup_printf ("%s/%s", numerator, denominator)
                                : number_text (measure->value);

      if ((id = tavla_store_insert_measurement (store, &row, error)) == 0 ||
          !tavla_board_write_history (self, "measurement", id, change_id, now, actor, "created",
                                      NULL, figure, NULL, 0, error))
        return FALSE;
    }
  else
    {
      struct {
        const char *field;
        gboolean    old_has;
        double      old_value;
        gboolean    new_has;
        double      new_value;
      } fields[] = {
        { "value", !existing->has_ratio, existing->value, !measure->has_ratio, measure->value },
        { "numerator", existing->has_ratio, existing->numerator, measure->has_ratio, measure->numerator },
        { "denominator", existing->has_ratio, existing->denominator, measure->has_ratio, measure->denominator },
        { "respondents", existing->respondents > 0, (double) existing->respondents,
          measure->respondents > 0, (double) measure->respondents },
      };

      id = existing->id;
      row.id = id;
      row.version = existing->version;
      if (!tavla_store_update_measurement (store, &row, error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *old_text = figure_text (fields[i].old_has, fields[i].old_value);
          g_autofree char *new_text = figure_text (fields[i].new_has, fields[i].new_value);

          if (g_strcmp0 (old_text, new_text) == 0)
            continue;

          if (!tavla_board_write_history (self, "measurement", id, change_id, now, actor, fields[i].field,
                                          old_text, new_text, NULL, 0, error))
            return FALSE;
        }
    }

  if (!sync_deviation (self, measure, id, now, error) ||
      (with_overall && !tavla_measure_sync_overall (self, measure->metric, &measure->period, now, error)))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;

  return TRUE;
}

static TavlaMeasurement *
find_measurement (TavlaBoard  *self,
                  gint64       metric_id,
                  const char  *period,
                  gint64       group_id,
                  GError     **error)
{
  TavlaMeasurement *measurement = NULL;

  if (!tavla_store_find_measurement (tavla_board_get_store (self), metric_id, period, group_id,
                                     &measurement, error))
    return NULL;

  if (measurement == NULL)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no figure for %s yet."), period);
      return NULL;
    }

  return measurement;
}

TavlaMeasurement *
tavla_board_record_measurement (TavlaBoard                   *self,
                                const TavlaMeasurementInput  *input,
                                const char                   *actor_in,
                                TavlaRecordOutcome           *out_outcome,
                                const char                  **out_field,
                                GError                      **error)
{
  g_auto(TavlaMeasure) measure = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  TavlaMeasurement *measurement = NULL;
  TavlaRecordOutcome outcome = TAVLA_RECORD_ADDED;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!tavla_measure_check (self, input, &measure, out_field, error))
    return NULL;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!tavla_measure_record (self, &measure, actor, now, TRUE, &outcome, NULL, error) ||
      (measurement = find_measurement (self, tavla_metric_get_id (measure.metric), measure.period_text,
                                       tavla_measure_group_id (&measure), error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  if (outcome != TAVLA_RECORD_UNCHANGED)
    tavla_board_metrics_written (self);

  if (!tavla_board_commit_batch (self, error))
    {
      tavla_measurement_free (measurement);
      return NULL;
    }

  measurement->deviation = tavla_metric_is_deviation (measure.metric, measurement->value);
  if (out_outcome != NULL)
    *out_outcome = outcome;

  return measurement;
}

TavlaMeasurement *
tavla_board_get_measurement (TavlaBoard  *self,
                             const char  *metric,
                             const char  *period,
                             const char  *group,
                             GError     **error)
{
  g_autoptr(TavlaMetric) found = NULL;
  g_autoptr(TavlaResponseGroup) found_group = NULL;
  g_autofree char *period_text = NULL;
  TavlaMeasurement *measurement = NULL;
  TavlaPeriod parsed = { 0 };
  g_autoptr(GError) period_error = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((found = tavla_board_find_metric (self, metric)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Metric “%s” does not exist; write the name of an "
                                                    "existing metric or add the metric first."),
                                                  metric != NULL ? metric : "");
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (group != NULL && *group != '\0' && (found_group = tavla_board_find_response_group (self, group)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Group “%s” does not exist; write the name of an "
                                                    "existing response group or add the group first."),
                                                  group);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (!tavla_period_parse (period, &parsed, &period_error))
    {
      g_autofree char *message = g_strdup_printf (_("Period: %s"), period_error->message);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  period_text = tavla_period_format (&parsed);
  measurement = find_measurement (self, tavla_metric_get_id (found), period_text,
                                  found_group != NULL ? tavla_response_group_get_id (found_group) : 0, error);
  if (measurement != NULL)
    measurement->deviation = tavla_metric_is_deviation (found, measurement->value);

  return measurement;
}

GListModel *
tavla_board_history_model (TavlaBoard  *self,
                           const char  *kind,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GListStore *store = NULL;

  if ((entries = tavla_store_list_history (tavla_board_get_store (self), kind, id, error)) == NULL)
    return NULL;

  store = g_list_store_new (TAVLA_TYPE_HISTORY_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);

  return G_LIST_MODEL (store);
}

GListModel *
tavla_board_list_measurement_history (TavlaBoard  *self,
                                      gint64       measurement_id,
                                      GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return tavla_board_history_model (self, "measurement", measurement_id, error);
}
