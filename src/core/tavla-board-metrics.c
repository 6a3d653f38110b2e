/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * Metrics and deviations: response groups, metrics, measurements (one per
 * metric, period and group; recording again corrects it, with history),
 * CSV import (all rows or none), roll-ups, deviations and the effect of an
 * item on the metrics it is linked to. Every rule lives here; the store
 * only keeps rows.
 */

#define NAME_MAX_CHARS 100
#define CAUSE_MAX_CHARS 1000
#define IMPORT_COLUMNS 7

static const char *const import_columns[IMPORT_COLUMNS] = {
  "metric", "period", "group", "value", "numerator", "denominator", "respondents",
};

/* ---- Small helpers ---------------------------------------------------- */

static void point_from_rollup (TavlaSeriesPoint          *point,
                               TavlaUnit                  unit,
                               const TavlaStoreRollupRow *row);

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

void
tavla_series_point_free (TavlaSeriesPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->period);
  g_free (point);
}

static void
import_row_free (TavlaImportRow *row)
{
  if (row == NULL)
    return;

  g_free (row->metric);
  g_free (row->period);
  g_free (row->group);
  g_free (row->value);
  g_free (row->numerator);
  g_free (row->denominator);
  g_free (row->respondents);
  g_free (row->column);
  g_free (row->error);
  g_free (row);
}

void
tavla_import_result_free (TavlaImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_free (result);
}

static TavlaImportResult *
import_result_new (void)
{
  TavlaImportResult *result = g_new0 (TavlaImportResult, 1);

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  result->errors = g_ptr_array_new_with_free_func (g_free);

  return result;
}

void
tavla_effect_free (TavlaEffect *effect)
{
  if (effect == NULL)
    return;

  g_free (effect->metric);
  g_free (effect->started);
  g_free (effect->done);
  g_clear_pointer (&effect->before, g_ptr_array_unref);
  g_clear_pointer (&effect->after, g_ptr_array_unref);
  g_free (effect);
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

/* A measurement input that passed the rules. */
typedef struct
{
  TavlaMetric        *metric;
  TavlaResponseGroup *group;
  TavlaPeriod         period;
  char               *period_text;
  double              value;
  gboolean            has_ratio;
  double              numerator;
  double              denominator;
  gint64              respondents;
} Measure;

static void
measure_clear (Measure *measure)
{
  g_clear_object (&measure->metric);
  g_clear_object (&measure->group);
  g_clear_pointer (&measure->period_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Measure, measure_clear)

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

static gboolean
check_measure (TavlaBoard                   *self,
               const TavlaMeasurementInput  *input,
               Measure                      *out,
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
  g_auto(Measure) measure = { 0 };

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  return check_measure (self, input, &measure, out_field, error);
}

/* ---- Recording -------------------------------------------------------- */

static gint64
measure_group_id (const Measure *measure)
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
static TavlaRecordOutcome
measure_outcome (const Measure          *measure,
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
                const Measure  *measure,
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
  row.group_id = measure_group_id (measure);
  row.value = measure->value;
  row.target = tavla_metric_get_target (measure->metric);
  row.day = day;
  row.updated = now;

  return sync_deviation_row (self, &row, tavla_metric_is_deviation (measure->metric, measure->value), error);
}

/* For a metric kept per response group, the overall roll-up of @period
 * (all groups) is a deviation of its own, followed up at centre level. */
static gboolean
sync_overall_deviation (TavlaBoard         *self,
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
      point_from_rollup (&point, tavla_metric_get_unit (metric), &g_array_index (rows, TavlaStoreRollupRow, 0));
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
static gboolean
record_measure (TavlaBoard          *self,
                const Measure       *measure,
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
                                     measure_group_id (measure), &existing, error))
    return FALSE;

  outcome = measure_outcome (measure, existing);
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
  row.group_id = measure_group_id (measure);
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
      (with_overall && !sync_overall_deviation (self, measure->metric, &measure->period, now, error)))
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
  g_auto(Measure) measure = { 0 };
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  TavlaMeasurement *measurement = NULL;
  TavlaRecordOutcome outcome = TAVLA_RECORD_ADDED;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!check_measure (self, input, &measure, out_field, error))
    return NULL;

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (!record_measure (self, &measure, actor, now, TRUE, &outcome, NULL, error) ||
      (measurement = find_measurement (self, tavla_metric_get_id (measure.metric), measure.period_text,
                                       measure_group_id (&measure), error)) == NULL)
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

static GListModel *
history_model (TavlaBoard  *self,
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

  return history_model (self, "measurement", measurement_id, error);
}

/* ---- Batches and CSV import ------------------------------------------- */

static char *
cell_or_null (const char *text)
{
  return tavla_board_dup_trimmed (text);
}

static TavlaImportRow *
import_row_new (guint                         line,
                const TavlaMeasurementInput  *input)
{
  TavlaImportRow *row = g_new0 (TavlaImportRow, 1);

  row->line = line;
  row->metric = cell_or_null (input->metric);
  row->period = cell_or_null (input->period);
  row->group = cell_or_null (input->group);
  row->value = cell_or_null (input->value);
  row->numerator = cell_or_null (input->numerator);
  row->denominator = cell_or_null (input->denominator);
  row->respondents = cell_or_null (input->respondents);

  return row;
}

static void
import_row_fail (TavlaImportResult *result,
                 TavlaImportRow    *row,
                 const char        *column,
                 char              *message)
{
  g_free (row->column);
  row->column = g_strdup (column);
  g_free (row->error);
  row->error = message;
  g_ptr_array_add (result->errors, g_strdup (message));
}

static char *
row_message (gboolean     is_file,
             guint        line,
             const char  *column,
             const char  *message)
{
  if (is_file)
    /* Translators: an import error, "Line 4, column value: Value “abc” ...". */
    return g_strdup_printf (_("Line %u, column %s: %s"), line, column, message);

  /* Translators: an error in the entry form's row N. */
  return g_strdup_printf (_("Row %u, column %s: %s"), line, column, message);
}

static gboolean
input_is_empty (const TavlaMeasurementInput *input)
{
  const char *cells[] = {
    input->metric, input->period, input->group, input->value,
    input->numerator, input->denominator, input->respondents,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *trimmed = tavla_board_dup_trimmed (cells[i]);

      if (trimmed != NULL)
        return FALSE;
    }

  return TRUE;
}

/*
 * Checks every input, fills @result, and (unless @dry_run or any is bad)
 * writes them all in one transaction. Shared by the import and the form.
 */
static gboolean
record_all (TavlaBoard                   *self,
            const TavlaMeasurementInput  *inputs,
            const guint                  *lines,
            guint                         n_inputs,
            gboolean                      is_file,
            gboolean                      dry_run,
            const char                   *actor_in,
            TavlaImportResult            *result,
            GError                      **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (Measure));
  g_autoptr(GHashTable) overall = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) overall_measures = g_ptr_array_new ();
  TavlaStore *store = tavla_board_get_store (self);
  guint n_rows = 0;

  g_array_set_clear_func (measures, (GDestroyNotify) measure_clear);

  for (guint i = 0; i < n_inputs; i++)
    {
      TavlaImportRow *row = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TavlaMeasurement) existing = NULL;
      g_autofree char *key = NULL;
      Measure measure = { 0 };
      const char *field = NULL;
      gpointer first_line = NULL;

      if (input_is_empty (&inputs[i]))
        continue;

      n_rows++;
      row = import_row_new (lines[i], &inputs[i]);
      g_ptr_array_add (result->rows, row);

      if (!check_measure (self, &inputs[i], &measure, &field, &local_error))
        {
          measure_clear (&measure);
          import_row_fail (result, row, field,
                           row_message (is_file, row->line, field, local_error->message));
          continue;
        }

      key = g_strdup_printf ("%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT,
                             tavla_metric_get_id (measure.metric), measure.period_text,
                             measure_group_id (&measure));
      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        {
          g_autofree char *message =
            is_file
            ? g_strdup_printf (_("The same metric, period and group as line %u; keep one of the two "
                                 "rows."), GPOINTER_TO_UINT (first_line))
            : g_strdup_printf (_("The same metric, period and group as row %u; keep one of the two "
                                 "rows."), GPOINTER_TO_UINT (first_line));

          measure_clear (&measure);
          import_row_fail (result, row, "period", row_message (is_file, row->line, "period", message));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));

      if (!tavla_store_find_measurement (store, tavla_metric_get_id (measure.metric), measure.period_text,
                                         measure_group_id (&measure), &existing, error))
        {
          measure_clear (&measure);
          return FALSE;
        }

      row->outcome = measure_outcome (&measure, existing);
      g_array_append_val (measures, measure);
    }

  if (result->errors->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (result->errors, NULL);
      joined = g_strjoinv ("\n", (char **) result->errors->pdata);
      g_ptr_array_remove_index (result->errors, result->errors->len - 1);
      tavla_board_set_input_error (error, joined);
      return FALSE;
    }

  if (n_rows == 0)
    {
      g_ptr_array_add (result->errors, g_strdup (is_file ? _("The file has no rows to import; add rows "
                                                              "below the header.")
                                                         : _("There are no figures to save; fill in "
                                                             "at least one row.")));
      tavla_board_set_input_error (error, g_ptr_array_index (result->errors, 0));
      return FALSE;
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      TavlaImportRow *row = g_ptr_array_index (result->rows, i);

      if (row->outcome == TAVLA_RECORD_ADDED)
        result->n_added++;
      else if (row->outcome == TAVLA_RECORD_CORRECTED)
        result->n_corrected++;
      else
        result->n_unchanged++;
    }

  if (dry_run)
    return TRUE;

  if (!tavla_board_begin_batch (self, error))
    return FALSE;

  for (guint i = 0; i < measures->len; i++)
    {
      Measure *measure = &g_array_index (measures, Measure, i);
      g_autofree char *overall_key = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                      tavla_metric_get_id (measure->metric),
                                                      measure->period_text);

      if (!record_measure (self, measure, actor, now, FALSE, NULL, NULL, error))
        {
          tavla_board_rollback_batch (self);
          return FALSE;
        }

      /* Each overall roll-up once, after all its groups are in. */
      if (tavla_metric_get_per_group (measure->metric) && !g_hash_table_contains (overall, overall_key))
        {
          g_hash_table_add (overall, g_steal_pointer (&overall_key));
          g_ptr_array_add (overall_measures, measure);
        }
    }

  for (guint i = 0; i < overall_measures->len; i++)
    {
      Measure *measure = g_ptr_array_index (overall_measures, i);

      if (!sync_overall_deviation (self, measure->metric, &measure->period, now, error))
        {
          tavla_board_rollback_batch (self);
          return FALSE;
        }
    }

  if (result->n_added + result->n_corrected > 0)
    tavla_board_metrics_written (self);

  if (!tavla_board_commit_batch (self, error))
    return FALSE;

  result->written = TRUE;

  return TRUE;
}

gboolean
tavla_board_record_measurements (TavlaBoard                   *self,
                                 const TavlaMeasurementInput  *inputs,
                                 guint                         n_inputs,
                                 gboolean                      dry_run,
                                 const char                   *actor,
                                 TavlaImportResult           **out_result,
                                 GError                      **error)
{
  g_autoptr(TavlaImportResult) result = import_result_new ();
  g_autofree guint *lines = g_new0 (guint, MAX (n_inputs, 1));
  gboolean ok = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, FALSE);

  for (guint i = 0; i < n_inputs; i++)
    lines[i] = i + 1;

  ok = record_all (self, inputs, lines, n_inputs, FALSE, dry_run, actor, result, error);

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return ok;
}

/* One record of a CSV file: its cells and the line it starts on. */
typedef struct
{
  guint      line;
  GPtrArray *cells;
  gboolean   blank;
} CsvRecord;

static void
csv_record_free (CsvRecord *record)
{
  g_ptr_array_unref (record->cells);
  g_free (record);
}

/* RFC 4180: cells separated by commas, records by LF or CRLF, quoted
 * cells may hold commas, quotes (doubled) and line breaks. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_record_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  CsvRecord *record = NULL;
  gboolean quoted = FALSE;
  gboolean cell_was_quoted = FALSE;
  guint line = 1;
  guint quote_line = 0;
  gsize i = 0;

  while (i <= length)
    {
      char c = i < length ? text[i] : '\n';
      gboolean at_end = i == length;

      if (record == NULL)
        {
          record = g_new0 (CsvRecord, 1);
          record->line = line;
          record->cells = g_ptr_array_new_with_free_func (g_free);
        }

      if (quoted && !at_end)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i += 2;
              continue;
            }
          if (c == '"')
            {
              quoted = FALSE;
              i++;
              continue;
            }
          if (c == '\n')
            line++;
          g_string_append_c (cell, c);
          i++;
          continue;
        }

      if (quoted && at_end)
        {
          csv_record_free (record);
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("Line %u: a quoted cell is not closed; add the closing quote (\")."), quote_line);
          return NULL;
        }

      if (c == '"' && cell->len == 0 && !cell_was_quoted)
        {
          quoted = TRUE;
          cell_was_quoted = TRUE;
          quote_line = line;
          i++;
          continue;
        }

      if (c == ',' || c == '\n' || (c == '\r' && i + 1 < length && text[i + 1] == '\n'))
        {
          g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);

          if (c == ',')
            {
              cell_was_quoted = FALSE;
              i++;
              continue;
            }

          record->blank = record->cells->len == 1 && *(char *) g_ptr_array_index (record->cells, 0) == '\0' &&
                          !cell_was_quoted;
          cell_was_quoted = FALSE;
          if (!(at_end && record->blank))
            g_ptr_array_add (records, record);
          else
            csv_record_free (record);
          record = NULL;

          i += c == '\r' ? 2 : 1;
          line++;
          continue;
        }

      g_string_append_c (cell, c);
      i++;
    }

  return g_steal_pointer (&records);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const TavlaImportRow *x = *(TavlaImportRow * const *) a;
  const TavlaImportRow *y = *(TavlaImportRow * const *) b;

  return x->line < y->line ? -1 : (x->line > y->line ? 1 : 0);
}

gboolean
tavla_board_import_measurements (TavlaBoard         *self,
                                 const char         *csv,
                                 gssize              length,
                                 gboolean            dry_run,
                                 const char         *actor,
                                 TavlaImportResult **out_result,
                                 GError            **error)
{
  g_autoptr(TavlaImportResult) result = import_result_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (TavlaMeasurementInput));
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;
  gsize size = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (csv != NULL || length == 0, FALSE);

  size = length < 0 ? strlen (csv) : (gsize) length;

  /* A BOM is how spreadsheets mark UTF-8; it is not part of the header. */
  if (size >= 3 && memcmp (csv, "\xef\xbb\xbf", 3) == 0)
    {
      csv += 3;
      size -= 3;
    }

  if (!g_utf8_validate_len (csv, size, NULL))
    {
      g_ptr_array_add (result->errors, g_strdup (_("The file is not UTF-8 text; save it as “CSV UTF-8” "
                                                  "and import it again.")));
      goto refuse;
    }

  if ((records = parse_csv (csv, size, &local_error)) == NULL)
    {
      g_ptr_array_add (result->errors, g_strdup (local_error->message));
      goto refuse;
    }

  if (records->len == 0 || ((CsvRecord *) g_ptr_array_index (records, 0))->blank)
    {
      g_ptr_array_add (result->errors,
                       g_strdup_printf (_("Line 1: the file has no header; the first line must be %s."),
                                        TAVLA_IMPORT_HEADER));
      goto refuse;
    }

  {
    CsvRecord *header = g_ptr_array_index (records, 0);
    gboolean header_ok = header->cells->len == IMPORT_COLUMNS;

    for (guint c = 0; header_ok && c < IMPORT_COLUMNS; c++)
      header_ok = g_str_equal (g_ptr_array_index (header->cells, c), import_columns[c]);

    if (!header_ok)
      {
        g_autoptr(GString) found = g_string_new (NULL);

        for (guint c = 0; c < header->cells->len; c++)
          {
            if (c > 0)
              g_string_append_c (found, ',');
            g_string_append (found, g_ptr_array_index (header->cells, c));
          }

        g_ptr_array_add (result->errors,
                         g_strdup_printf (_("Line 1: the header is “%s”; it must be exactly %s."),
                                          found->str, TAVLA_IMPORT_HEADER));
        goto refuse;
      }
  }

  for (guint r = 1; r < records->len; r++)
    {
      CsvRecord *record = g_ptr_array_index (records, r);
      TavlaMeasurementInput input = { 0 };

      if (record->blank)
        continue;

      if (record->cells->len != IMPORT_COLUMNS)
        {
          TavlaImportRow *row = g_new0 (TavlaImportRow, 1);
          g_autofree char *message =
            g_strdup_printf (_("The row has %u cells, but it needs %d (%s); put quotes around a cell "
                               "that contains a comma."), record->cells->len, IMPORT_COLUMNS,
                             TAVLA_IMPORT_HEADER);

          row->line = record->line;
          g_ptr_array_add (result->rows, row);
          import_row_fail (result, row, "line", row_message (TRUE, record->line, "line", message));
          continue;
        }

      input.metric = g_ptr_array_index (record->cells, 0);
      input.period = g_ptr_array_index (record->cells, 1);
      input.group = g_ptr_array_index (record->cells, 2);
      input.value = g_ptr_array_index (record->cells, 3);
      input.numerator = g_ptr_array_index (record->cells, 4);
      input.denominator = g_ptr_array_index (record->cells, 5);
      input.respondents = g_ptr_array_index (record->cells, 6);
      g_array_append_val (inputs, input);
      g_array_append_val (lines, record->line);
    }

  if (result->errors->len > 0)
    {
      /* Check the well-formed rows too, so every bad row is reported. */
      g_autoptr(TavlaImportResult) rest = import_result_new ();
      g_autoptr(GError) rest_error = NULL;

      record_all (self, (TavlaMeasurementInput *) (gpointer) inputs->data, (guint *) (gpointer) lines->data,
                  inputs->len, TRUE, TRUE, actor, rest, &rest_error);
      g_ptr_array_extend_and_steal (result->rows, g_steal_pointer (&rest->rows));
      rest->rows = g_ptr_array_new ();
      g_ptr_array_sort (result->rows, compare_rows);
      g_ptr_array_set_size (result->errors, 0);
      for (guint e = 0; e < result->rows->len; e++)
        {
          TavlaImportRow *row = g_ptr_array_index (result->rows, e);

          if (row->error != NULL)
            g_ptr_array_add (result->errors, g_strdup (row->error));
        }
      goto refuse;
    }

  ok = record_all (self, (TavlaMeasurementInput *) (gpointer) inputs->data, (guint *) (gpointer) lines->data,
                   inputs->len, TRUE, dry_run, actor, result, error);

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return ok;

refuse:
  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (result->errors, NULL);
    joined = g_strjoinv ("\n", (char **) result->errors->pdata);
    g_ptr_array_remove_index (result->errors, result->errors->len - 1);
    tavla_board_set_input_error (error, joined);
  }

  if (out_result != NULL)
    *out_result = g_steal_pointer (&result);

  return FALSE;
}

gboolean
tavla_board_import_measurements_file (TavlaBoard         *self,
                                      GFile              *file,
                                      gboolean            dry_run,
                                      const char         *actor,
                                      TavlaImportResult **out_result,
                                      GError            **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;

  return tavla_board_import_measurements (self, contents, (gssize) length, dry_run, actor, out_result, error);
}

/* ---- Series and roll-ups ---------------------------------------------- */

/* The value of a roll-up group by the rules (never a mean of means). */
static void
point_from_rollup (TavlaSeriesPoint           *point,
                   TavlaUnit                   unit,
                   const TavlaStoreRollupRow  *row)
{
  point->n_measurements = row->n;

  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      if (row->n_ratio == row->n && row->sum_denominator > 0.0)
        {
          point->has_ratio = TRUE;
          point->numerator = row->sum_numerator;
          point->denominator = row->sum_denominator;
          point->value = row->sum_numerator / row->sum_denominator * 100.0;
        }
      else
        {
          /* Only values known: the plain mean is all there is. */
          point->value = row->sum_value / row->n;
        }
      break;
    case TAVLA_UNIT_SCORE:
      if (row->n_respondents == row->n && row->sum_respondents > 0)
        {
          point->respondents = row->sum_respondents;
          point->value = row->sum_weighted / (double) row->sum_respondents;
        }
      else
        {
          point->value = row->sum_value / row->n;
        }
      break;
    case TAVLA_UNIT_COUNT:
    default:
      point->value = row->sum_value;
      break;
    }
}

/* The first (@last FALSE) or last period of @kind whose anchor day lies
 * inside @bound's days. */
static TavlaPeriod
bound_period (const TavlaPeriod *bound,
              TavlaPeriodKind    kind,
              gboolean           last)
{
  TavlaPeriod period = { 0 };
  GDate edge;
  GDate anchor;

  if (last)
    tavla_period_get_last_day (bound, &edge);
  else
    tavla_period_get_first_day (bound, &edge);

  tavla_period_of_date (&edge, kind, &period);
  tavla_period_get_anchor_day (&period, &anchor);

  if (!last && g_date_compare (&anchor, &edge) < 0)
    tavla_period_add (&period, 1, &period);
  else if (last && g_date_compare (&anchor, &edge) > 0)
    tavla_period_add (&period, -1, &period);

  return period;
}

static gboolean
parse_bound (const char   *text,
             const char   *field,
             TavlaPeriod  *out_period,
             gboolean     *out_given,
             GError      **error)
{
  g_autofree char *trimmed = tavla_board_dup_trimmed (text);
  g_autoptr(GError) period_error = NULL;

  *out_given = trimmed != NULL;
  if (trimmed == NULL)
    return TRUE;

  if (!tavla_period_parse (trimmed, out_period, &period_error))
    {
      g_autofree char *message = g_str_equal (field, "from")
                                 ? g_strdup_printf (_("From: %s"), period_error->message)
                                 : g_strdup_printf (_("To: %s"), period_error->message);
      return tavla_board_set_input_error (error, message);
    }

  return TRUE;
}

static GPtrArray *
series_for (TavlaBoard          *self,
            TavlaMetric         *metric,
            TavlaResponseGroup  *group,
            TavlaPeriodKind      rollup,
            const TavlaPeriod   *from,
            const TavlaPeriod   *to,
            GError             **error)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_series_point_free);
  g_autoptr(GArray) rows = NULL;
  g_autofree char *from_key = NULL;
  g_autofree char *to_key = NULL;
  TavlaStore *store = tavla_board_get_store (self);
  TavlaStoreRollupQuery query = { 0 };
  gint64 group_id = group != NULL ? tavla_response_group_get_id (group) : 0;
  gboolean own_period = rollup == tavla_metric_get_period (metric);

  if (from != NULL)
    {
      TavlaPeriod first = bound_period (from, rollup, FALSE);

      from_key = tavla_period_format (&first);
    }
  if (to != NULL)
    {
      TavlaPeriod last = bound_period (to, rollup, TRUE);

      to_key = tavla_period_format (&last);
    }

  query.metric_id = tavla_metric_get_id (metric);
  query.group_id = group_id;
  query.kind = rollup;
  query.from_key = from_key;
  query.to_key = to_key;

  if ((rows = tavla_store_rollup (store, &query, error)) == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const TavlaStoreRollupRow *row = &g_array_index (rows, TavlaStoreRollupRow, i);
      TavlaSeriesPoint *point = g_new0 (TavlaSeriesPoint, 1);

      point->period = g_strdup (row->key);
      point_from_rollup (point, tavla_metric_get_unit (metric), row);
      point->target = tavla_metric_get_target (metric);
      point->deviation = tavla_metric_is_deviation (metric, point->value);
      /* Points at the metric's own period carry their deviation's id. */
      if (own_period && point->deviation)
        point->deviation_id = row->deviation_id;
      g_ptr_array_add (points, point);
    }

  return g_steal_pointer (&points);
}

GPtrArray *
tavla_board_get_series (TavlaBoard       *self,
                        const char       *metric,
                        const char       *group,
                        TavlaPeriodKind   rollup,
                        const char       *from,
                        const char       *to,
                        GError          **error)
{
  g_autoptr(TavlaMetric) found = NULL;
  g_autoptr(TavlaResponseGroup) found_group = NULL;
  g_autofree char *group_text = tavla_board_dup_trimmed (group);
  TavlaPeriod from_period = { 0 };
  TavlaPeriod to_period = { 0 };
  gboolean has_from = FALSE;
  gboolean has_to = FALSE;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail ((guint) rollup < TAVLA_N_PERIOD_KINDS, NULL);

  if ((found = tavla_board_find_metric (self, metric)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Metric “%s” does not exist; write the name of an "
                                                    "existing metric or add the metric first."),
                                                  metric != NULL ? metric : "");
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (rollup < tavla_metric_get_period (found))
    {
      g_autofree char *message =
        g_strdup_printf (_("Rollup: “%s” is measured per month, so it has no weekly figures; "
                           "choose month, tertial or year."), tavla_metric_get_name (found));
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (group_text != NULL)
    {
      if (!tavla_metric_get_per_group (found))
        {
          g_autofree char *message =
            g_strdup_printf (_("Group: “%s” is measured for the whole centre, not per response group; "
                               "leave the group out."), tavla_metric_get_name (found));
          tavla_board_set_input_error (error, message);
          return NULL;
        }
      if ((found_group = tavla_board_find_response_group (self, group_text)) == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Group “%s” does not exist; write the name of an existing response group "
                               "or add the group first."), group_text);
          tavla_board_set_input_error (error, message);
          return NULL;
        }
    }

  if (!parse_bound (from, "from", &from_period, &has_from, error) ||
      !parse_bound (to, "to", &to_period, &has_to, error))
    return NULL;

  return series_for (self, found, found_group, rollup, has_from ? &from_period : NULL,
                     has_to ? &to_period : NULL, error);
}

/* ---- Deviations ------------------------------------------------------- */

GListModel *
tavla_board_list_deviations (TavlaBoard                 *self,
                             const TavlaDeviationQuery  *query,
                             GError                    **error)
{
  TavlaDeviationQuery empty = { 0 };
  TavlaStoreDeviationQuery store_query = { 0 };
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autoptr(GPtrArray) deviations = NULL;
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  g_autofree char *metric_text = NULL;
  g_autofree char *group_text = NULL;
  TavlaPeriod from = { 0 };
  TavlaPeriod to = { 0 };
  gboolean has_from = FALSE;
  gboolean has_to = FALSE;
  GListStore *model = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (query == NULL)
    query = &empty;

  metric_text = tavla_board_dup_trimmed (query->metric);
  group_text = tavla_board_dup_trimmed (query->group);

  if (!parse_bound (query->from, "from", &from, &has_from, error) ||
      !parse_bound (query->to, "to", &to, &has_to, error))
    return NULL;

  if (metric_text != NULL && (metric = tavla_board_find_metric (self, metric_text)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Metric “%s” does not exist; write the name of an "
                                                    "existing metric or add the metric first."),
                                                  metric_text);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (group_text != NULL && (group = tavla_board_find_response_group (self, group_text)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Group “%s” does not exist; write the name of an "
                                                    "existing response group or add the group first."),
                                                  group_text);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (has_from)
    {
      GDate day;

      tavla_period_get_first_day (&from, &day);
      from_day = tavla_date_format (&day);
    }
  if (has_to)
    {
      GDate day;

      tavla_period_get_last_day (&to, &day);
      to_day = tavla_date_format (&day);
    }

  store_query.from_day = from_day;
  store_query.to_day = to_day;
  store_query.metric_id = metric != NULL ? tavla_metric_get_id (metric) : 0;
  store_query.group_id = group != NULL ? tavla_response_group_get_id (group) : 0;
  store_query.include_resolved = query->include_resolved;
  store_query.include_overall = query->include_overall && group == NULL;

  if ((deviations = tavla_store_list_deviations (tavla_board_get_store (self), &store_query, error)) == NULL)
    return NULL;

  model = g_list_store_new (TAVLA_TYPE_DEVIATION);
  g_list_store_splice (model, 0, 0, deviations->pdata, deviations->len);

  return G_LIST_MODEL (model);
}

TavlaDeviation *
tavla_board_get_deviation (TavlaBoard  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  return tavla_store_get_deviation (tavla_board_get_store (self), id, error);
}

TavlaDeviation *
tavla_board_explain_deviation (TavlaBoard  *self,
                               gint64       id,
                               const char  *cause,
                               const char  *actor_in,
                               GError     **error)
{
  g_autofree char *clean = tavla_board_dup_trimmed (cause);
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaDeviation) deviation = NULL;
  TavlaStore *store = NULL;
  gint64 change_id = 0;
  glong length = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (clean == NULL)
    {
      tavla_board_set_input_error (error, _("Cause is empty; write what caused the deviation, for example "
                                            "short-term absence or a campaign."));
      return NULL;
    }

  if (!g_utf8_validate (clean, -1, NULL))
    {
      tavla_board_set_input_error (error, _("Cause is not valid UTF-8 text; type it again."));
      return NULL;
    }

  length = g_utf8_strlen (clean, -1);
  if (length > CAUSE_MAX_CHARS)
    {
      g_autofree char *message =
        g_strdup_printf (_("Cause is %ld characters long; shorten it to %d characters or fewer."),
                         length, CAUSE_MAX_CHARS);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  store = tavla_board_get_store (self);
  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((deviation = tavla_store_get_deviation (store, id, error)) == NULL)
    goto failed;

  if (g_strcmp0 (tavla_deviation_get_cause (deviation), clean) == 0)
    {
      tavla_board_rollback_batch (self);
      return g_steal_pointer (&deviation);
    }

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !tavla_store_set_deviation_cause (store, id, clean, now, error) ||
      !tavla_board_write_history (self, "deviation", id, change_id, now, actor, "cause",
                                  tavla_deviation_get_cause (deviation), clean, NULL, 0, error))
    goto failed;

  g_clear_object (&deviation);
  if ((deviation = tavla_store_get_deviation (store, id, error)) == NULL)
    goto failed;

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  return g_steal_pointer (&deviation);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

/* Links @item_id to @kind/@target_id with a history row on the item. */
static gboolean
link_item (TavlaBoard   *self,
           gint64        item_id,
           const char   *kind,
           gint64        target_id,
           const char   *label,
           gint64        change_id,
           const char   *actor,
           const char   *now,
           GError      **error)
{
  gboolean added = FALSE;

  if (!tavla_store_insert_link (tavla_board_get_store (self), item_id, kind, target_id, now, &added, error))
    return FALSE;

  if (!added)
    return TRUE;

  return tavla_board_write_history (self, "item", item_id, change_id, now, actor, "link",
                                    NULL, label, NULL, 0, error);
}

TavlaItem *
tavla_board_act_on_deviation (TavlaBoard             *self,
                              gint64                  deviation_id,
                              const TavlaItemChange  *fields,
                              const char             *actor_in,
                              GError                **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *summary = NULL;
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaItem) created = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { 0 };
  TavlaStore *store = NULL;
  gint64 change_id = 0;
  gint64 item_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  change = *fields;
  change.set |= TAVLA_ITEM_FIELD_SOURCE;
  change.source = TAVLA_SOURCE_DEVIATION;

  store = tavla_board_get_store (self);
  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((deviation = tavla_store_get_deviation (store, deviation_id, error)) == NULL ||
      (created = tavla_board_create_item (self, &change, actor, error)) == NULL)
    goto failed;

  item_id = tavla_item_get_id (created);
  summary = tavla_deviation_dup_summary (deviation);

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !link_item (self, item_id, "deviation", deviation_id, summary, change_id, actor, now, error) ||
      !link_item (self, item_id, "metric", tavla_deviation_get_metric_id (deviation),
                  tavla_deviation_get_metric (deviation), change_id, actor, now, error) ||
      (item = tavla_store_get_item (store, item_id, error)) == NULL)
    goto failed;

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);

  return g_steal_pointer (&item);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

gboolean
tavla_board_link_item_to_deviation (TavlaBoard  *self,
                                    gint64       item_id,
                                    gint64       deviation_id,
                                    const char  *actor_in,
                                    GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *summary = NULL;
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaStore *store = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  store = tavla_board_get_store (self);
  if (!tavla_board_begin_batch (self, error))
    return FALSE;

  if ((deviation = tavla_store_get_deviation (store, deviation_id, error)) == NULL ||
      (item = tavla_store_get_item (store, item_id, error)) == NULL)
    goto failed;

  summary = tavla_deviation_dup_summary (deviation);
  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !link_item (self, item_id, "deviation", deviation_id, summary, change_id, actor, now, error) ||
      !link_item (self, item_id, "metric", tavla_deviation_get_metric_id (deviation),
                  tavla_deviation_get_metric (deviation), change_id, actor, now, error))
    goto failed;

  g_clear_object (&item);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL)
    goto failed;

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return FALSE;

  tavla_board_item_written (self, item);

  return TRUE;

failed:
  tavla_board_rollback_batch (self);
  return FALSE;
}

GListModel *
tavla_board_list_deviation_history (TavlaBoard  *self,
                                    gint64       id,
                                    GError     **error)
{
  g_autoptr(TavlaDeviation) deviation = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if ((deviation = tavla_store_get_deviation (tavla_board_get_store (self), id, error)) == NULL)
    return NULL;

  return history_model (self, "deviation", id, error);
}

/* ---- Items and metrics ------------------------------------------------ */

TavlaItem *
tavla_board_link_item_to_metric (TavlaBoard  *self,
                                 gint64       item_id,
                                 const char  *metric,
                                 const char  *actor_in,
                                 GError     **error)
{
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autofree char *metric_text = tavla_board_dup_trimmed (metric);
  g_autoptr(TavlaMetric) found = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaStore *store = NULL;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  store = tavla_board_get_store (self);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL)
    return NULL;
  g_clear_object (&item);

  if (metric_text == NULL)
    {
      tavla_board_set_input_error (error, _("Metric is empty; write the name of one of the board’s metrics."));
      return NULL;
    }

  if ((found = tavla_board_find_metric (self, metric_text)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Metric “%s” does not exist; write the name of an "
                                                    "existing metric or add the metric first."),
                                                  metric_text);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((change_id = tavla_store_next_change_id (store, error)) == 0 ||
      !link_item (self, item_id, "metric", tavla_metric_get_id (found), tavla_metric_get_name (found),
                  change_id, actor, now, error) ||
      (item = tavla_store_get_item (store, item_id, error)) == NULL)
    {
      tavla_board_rollback_batch (self);
      return NULL;
    }

  tavla_board_metrics_written (self);
  if (!tavla_board_commit_batch (self, error))
    return NULL;

  tavla_board_item_written (self, item);

  return g_steal_pointer (&item);
}

/* The first day (ISO date) the history shows @status reached, or the
 * last one when @last. NULL when never. */
static char *
status_day (GPtrArray   *history,
            const char  *status,
            gboolean     last)
{
  const char *found = NULL;

  for (guint i = 0; i < history->len; i++)
    {
      TavlaHistoryEntry *entry = g_ptr_array_index (history, i);

      if (g_str_equal (tavla_history_entry_get_field (entry), "status") &&
          g_strcmp0 (tavla_history_entry_get_new_value (entry), status) == 0)
        {
          found = tavla_history_entry_get_at (entry);
          if (!last)
            break;
        }
    }

  return found != NULL ? g_strndup (found, 10) : NULL;
}

static TavlaSeriesPoint *
point_copy (const TavlaSeriesPoint *point)
{
  TavlaSeriesPoint *copy = g_memdup2 (point, sizeof *point);

  copy->period = g_strdup (point->period);

  return copy;
}

/* The roll-up of a few points of one series, by the same rules. */
static void
combine_points (TavlaUnit   unit,
                GPtrArray  *points,
                double     *out_value)
{
  TavlaStoreRollupRow row = { 0 };
  TavlaSeriesPoint combined = { 0 };

  for (guint i = 0; i < points->len; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (points, i);

      row.n++;
      row.sum_value += point->value;
      if (point->has_ratio)
        {
          row.n_ratio++;
          row.sum_numerator += point->numerator;
          row.sum_denominator += point->denominator;
        }
      if (point->respondents > 0)
        {
          row.n_respondents++;
          row.sum_respondents += point->respondents;
          row.sum_weighted += point->value * (double) point->respondents;
        }
    }

  point_from_rollup (&combined, unit, &row);
  *out_value = combined.value;
}

static TavlaEffect *
effect_for (TavlaBoard   *self,
            TavlaMetric  *metric,
            const char   *started,
            const char   *done,
            guint         n_periods,
            GError      **error)
{
  g_autoptr(TavlaEffect) effect = g_new0 (TavlaEffect, 1);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_series_point_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_series_point_free);
  g_autofree char *start_key = NULL;
  g_autofree char *done_key = NULL;
  TavlaPeriodKind kind = tavla_metric_get_period (metric);
  TavlaPeriod period = { 0 };
  GDate day;
  guint n = 0;

  effect->metric_id = tavla_metric_get_id (metric);
  effect->metric = g_strdup (tavla_metric_get_name (metric));
  effect->unit = tavla_metric_get_unit (metric);
  effect->direction = tavla_metric_get_direction (metric);
  effect->period = kind;
  effect->target = tavla_metric_get_target (metric);
  effect->started = g_strdup (started);
  effect->done = g_strdup (done);

  if ((series = series_for (self, metric, NULL, kind, NULL, NULL, error)) == NULL)
    return NULL;

  if (tavla_date_parse (started, &day))
    {
      tavla_period_of_date (&day, kind, &period);
      start_key = tavla_period_format (&period);
    }
  if (done != NULL && tavla_date_parse (done, &day))
    {
      tavla_period_of_date (&day, kind, &period);
      done_key = tavla_period_format (&period);
    }

  /* Periods of one kind sort as text. */
  for (guint i = series->len; i > 0 && start_key != NULL; i--)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (series, i - 1);

      if (strcmp (point->period, start_key) < 0 && before->len < n_periods)
        g_ptr_array_insert (before, 0, point_copy (point));
    }

  for (guint i = 0; i < series->len && done_key != NULL; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (series, i);

      if (strcmp (point->period, done_key) > 0 && after->len < n_periods)
        g_ptr_array_add (after, point_copy (point));
    }

  /* The same number of periods on each side when both have figures. */
  if (before->len > 0 && after->len > 0)
    {
      n = MIN (before->len, after->len);
      if (before->len > n)
        g_ptr_array_remove_range (before, 0, before->len - n);
      if (after->len > n)
        g_ptr_array_remove_range (after, n, after->len - n);
    }

  effect->has_before = before->len > 0;
  effect->has_after = after->len > 0;
  if (effect->has_before)
    combine_points (effect->unit, before, &effect->value_before);
  if (effect->has_after)
    combine_points (effect->unit, after, &effect->value_after);
  if (effect->has_before && effect->has_after)
    {
      effect->change = effect->value_after - effect->value_before;
      effect->improved = effect->direction == TAVLA_DIRECTION_HIGHER ? effect->change > 0.0
                                                                     : effect->change < 0.0;
    }

  effect->before = g_steal_pointer (&before);
  effect->after = g_steal_pointer (&after);

  return g_steal_pointer (&effect);
}

GPtrArray *
tavla_board_get_item_effect (TavlaBoard  *self,
                             gint64       item_id,
                             guint        n_periods,
                             GError     **error)
{
  g_autoptr(GPtrArray) effects = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_effect_free);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GArray) metric_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TavlaItem) item = NULL;
  g_autofree char *started = NULL;
  g_autofree char *done = NULL;
  TavlaStore *store = NULL;
  GListModel *metrics = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (n_periods == 0)
    n_periods = TAVLA_EFFECT_DEFAULT_PERIODS;

  store = tavla_board_get_store (self);
  if ((item = tavla_store_get_item (store, item_id, error)) == NULL ||
      (links = tavla_store_list_links (store, item_id, error)) == NULL ||
      (history = tavla_store_list_history (store, "item", item_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < links->len; i++)
    {
      TavlaLink *link = g_ptr_array_index (links, i);
      gint64 id = 0;

      if (g_str_equal (link->kind, "metric"))
        {
          id = link->target_id;
        }
      else if (g_str_equal (link->kind, "deviation"))
        {
          g_autoptr(TavlaDeviation) deviation = tavla_store_get_deviation (store, link->target_id, NULL);

          if (deviation != NULL)
            id = tavla_deviation_get_metric_id (deviation);
        }

      if (id > 0)
        {
          gboolean known = FALSE;

          for (guint k = 0; k < metric_ids->len; k++)
            known |= g_array_index (metric_ids, gint64, k) == id;
          if (!known)
            g_array_append_val (metric_ids, id);
        }
    }

  started = status_day (history, "in-progress", FALSE);
  if (started == NULL)
    started = g_strndup (tavla_item_get_created (item), 10);
  if (tavla_item_get_status (item) == TAVLA_STATUS_DONE)
    done = status_day (history, "done", TRUE);

  metrics = tavla_board_get_metrics (self);
  for (guint m = 0; m < g_list_model_get_n_items (metrics); m++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, m);
      TavlaEffect *effect = NULL;
      gboolean linked = FALSE;

      for (guint k = 0; k < metric_ids->len; k++)
        linked |= g_array_index (metric_ids, gint64, k) == tavla_metric_get_id (metric);
      if (!linked)
        continue;

      if ((effect = effect_for (self, metric, started, done, n_periods, error)) == NULL)
        return NULL;
      g_ptr_array_add (effects, effect);
    }

  return g_steal_pointer (&effects);
}

char *
tavla_effect_dup_summary (const TavlaEffect *effect)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *change = NULL;
  g_autofree char *periods = NULL;

  g_return_val_if_fail (effect != NULL, NULL);

  if (!effect->has_before)
    /* Translators: the effect of an improvement on a metric. */
    return g_strdup_printf (_("%s: no figures from before the work started"), effect->metric);

  before = tavla_unit_format_value (effect->unit, effect->value_before);
  periods = effect->period == TAVLA_PERIOD_WEEK
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", effect->before->len),
                               effect->before->len)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", effect->before->len),
                               effect->before->len);

  if (effect->done == NULL)
    return g_strdup_printf (_("%s: %s in the %s before; not done yet"), effect->metric, before, periods);

  if (!effect->has_after)
    return g_strdup_printf (_("%s: %s in the %s before; no figures after yet"), effect->metric, before,
                            periods);

  after = tavla_unit_format_value (effect->unit, effect->value_after);
  change = effect->unit == TAVLA_UNIT_PERCENT
           ? g_strdup_printf ("%+.1f", effect->change)
           : effect->unit == TAVLA_UNIT_SCORE ? g_strdup_printf ("%+.2f", effect->change)
                                              : g_strdup_printf ("%+.0f", effect->change);

  /* Translators: "Svarsfrekvens: 91,8 % in the 4 weeks before, 95,3 % in
   * the 4 weeks after (+3,5)". */
  return g_strdup_printf (_("%s: %s in the %s before, %s in the %s after (%s)"),
                          effect->metric, before, periods, after, periods, change);
}
