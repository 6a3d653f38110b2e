/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-metrics-private.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * Roll-ups and series (never a mean of means: ratios as sums over sums,
 * scores weighted by respondents, counts summed) and the effect of an item
 * on the metrics it is linked to.
 */

void
tavla_series_point_free (TavlaSeriesPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->period);
  g_free (point);
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

/* ---- Series and roll-ups ---------------------------------------------- */

/* The value of a roll-up group by the rules (never a mean of means). */
void
tavla_series_point_from_rollup (TavlaSeriesPoint          *point,
                                TavlaUnit                  unit,
                                const TavlaStoreRollupRow *row)
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

gboolean
tavla_board_parse_period_bound (const char   *text,
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
      g_autofree char *message = NULL;

      if (g_str_equal (field, "from"))
        message = g_strdup_printf (_("From: %s"), period_error->message);
      else if (g_str_equal (field, "to"))
        message = g_strdup_printf (_("To: %s"), period_error->message);
      else
        message = g_strdup_printf (_("Period: %s"), period_error->message);
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
      tavla_series_point_from_rollup (point, tavla_metric_get_unit (metric), row);
      point->target = tavla_metric_get_target (metric);
      /* A count's target holds for one period of the metric (cases a
       * week): a month or tertial adds up its periods, and so its target. */
      if (tavla_metric_get_unit (metric) == TAVLA_UNIT_COUNT && !own_period && row->n_periods > 1)
        point->target *= row->n_periods;
      point->deviation = tavla_metric_value_is_deviation (tavla_metric_get_unit (metric),
                                                          tavla_metric_get_direction (metric),
                                                          point->target, point->value);
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

  if (!tavla_board_parse_period_bound (from, "from", &from_period, &has_from, error) ||
      !tavla_board_parse_period_bound (to, "to", &to_period, &has_to, error))
    return NULL;

  return series_for (self, found, found_group, rollup, has_from ? &from_period : NULL,
                     has_to ? &to_period : NULL, error);
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

  tavla_series_point_from_rollup (&combined, unit, &row);
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
