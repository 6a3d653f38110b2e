/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-metrics-private.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * Deviations: listing, explaining (a cause, with history), acting on them
 * (a new improvement item linked to the deviation and its metric) and
 * linking items to metrics.
 */

#define CAUSE_MAX_CHARS 1000

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

  /* One period asked for as both bounds is named as the period it is. */
  if (query->from != NULL && g_strcmp0 (query->from, query->to) == 0)
    {
      if (!tavla_board_parse_period_bound (query->from, "period", &from, &has_from, error))
        return NULL;
      to = from;
      has_to = has_from;
    }
  else if (!tavla_board_parse_period_bound (query->from, "from", &from, &has_from, error) ||
           !tavla_board_parse_period_bound (query->to, "to", &to, &has_to, error))
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
      !tavla_board_link_item (self, item_id, "deviation", deviation_id, summary, change_id, actor, now, error) ||
      !tavla_board_link_item (self, item_id, "metric", tavla_deviation_get_metric_id (deviation),
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
      !tavla_board_link_item (self, item_id, "deviation", deviation_id, summary, change_id, actor, now, error) ||
      !tavla_board_link_item (self, item_id, "metric", tavla_deviation_get_metric_id (deviation),
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

  return tavla_board_history_model (self, "deviation", id, error);
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
      !tavla_board_link_item (self, item_id, "metric", tavla_metric_get_id (found), tavla_metric_get_name (found),
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
