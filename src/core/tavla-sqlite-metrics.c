/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-error.h"
#include "tavla-sqlite-store-private.h"

/*
 * The second half of the SQLite store: response groups, metrics,
 * measurements, roll-ups and deviations. Rows in, rows out; the rules are
 * the board's.
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

static void
set_not_found (GError     **error,
               const char  *format,
               gint64       id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND, format, number);
}

/* ---- Response groups ------------------------------------------------ */

static GPtrArray *
tavla_sqlite_metrics_list_response_groups (TavlaStore  *store,
                                           GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, "SELECT id, name, active FROM response_group ORDER BY id",
                                       error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (groups, tavla_response_group_new (sqlite3_column_int64 (stmt, 0),
                                                       column_text (stmt, 1),
                                                       sqlite3_column_int (stmt, 2) != 0));

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&groups);
}

static gint64
tavla_sqlite_metrics_insert_response_group (TavlaStore  *store,
                                            const char  *name,
                                            const char  *created,
                                            GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO response_group (name, active, version, created, updated)"
                                       " VALUES (?1, 1, 1, ?2, ?2)", error);
  if (stmt == NULL)
    return 0;

  bind_text_or_null (stmt, 1, name);
  bind_text_or_null (stmt, 2, created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_metrics_set_response_group_active (TavlaStore  *store,
                                                gint64       id,
                                                gboolean     active,
                                                const char  *updated,
                                                GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE response_group SET active = ?1, updated = ?2,"
                                       " version = version + 1 WHERE id = ?3 AND active != ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  bind_text_or_null (stmt, 2, updated);
  sqlite3_bind_int64 (stmt, 3, id);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

/* ---- Metrics ---------------------------------------------------------- */

static GPtrArray *
tavla_sqlite_metrics_list_metrics (TavlaStore  *store,
                                   GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) metrics = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT id, version, name, description, unit, direction,"
                                       " coalesce (target, 0), period, per_group, active"
                                       " FROM metric ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaMetricFields fields = { 0 };

      fields.id = sqlite3_column_int64 (stmt, 0);
      fields.version = sqlite3_column_int64 (stmt, 1);
      fields.name = column_text (stmt, 2);
      fields.description = column_text (stmt, 3);
      if (!tavla_unit_from_string (column_text (stmt, 4), &fields.unit))
        fields.unit = TAVLA_UNIT_COUNT;
      if (!tavla_direction_from_string (column_text (stmt, 5), &fields.direction))
        fields.direction = TAVLA_DIRECTION_HIGHER;
      fields.target = sqlite3_column_double (stmt, 6);
      if (!tavla_period_kind_from_string (column_text (stmt, 7), &fields.period))
        fields.period = TAVLA_PERIOD_WEEK;
      fields.per_group = sqlite3_column_int (stmt, 8) != 0;
      fields.active = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (metrics, tavla_metric_new (&fields));
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&metrics);
}

static gint64
tavla_sqlite_metrics_insert_metric (TavlaStore                 *store,
                                    const TavlaStoreMetricRow  *row,
                                    GError                    **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO metric (name, description, unit, direction, target,"
                                       " period, per_group, active, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, 1, ?8, ?8)", error);
  if (stmt == NULL)
    return 0;

  bind_text_or_null (stmt, 1, row->name);
  bind_text_or_null (stmt, 2, row->description);
  bind_text_or_null (stmt, 3, tavla_unit_to_string (row->unit));
  bind_text_or_null (stmt, 4, tavla_direction_to_string (row->direction));
  sqlite3_bind_double (stmt, 5, row->target);
  bind_text_or_null (stmt, 6, tavla_period_kind_to_string (row->period));
  sqlite3_bind_int (stmt, 7, row->per_group ? 1 : 0);
  bind_text_or_null (stmt, 8, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

/* ---- Measurements ----------------------------------------------------- */

static gboolean
tavla_sqlite_metrics_find_measurement (TavlaStore         *store,
                                       gint64              metric_id,
                                       const char         *period,
                                       gint64              group_id,
                                       TavlaMeasurement  **out_measurement,
                                       GError            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  TavlaMeasurement *measurement = NULL;
  int rc = SQLITE_OK;

  *out_measurement = NULL;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT s.id, s.version, s.metric_id, m.name, s.period, g.name,"
                                       " s.value, s.numerator, s.denominator, s.respondents,"
                                       " s.created, s.updated"
                                       " FROM measurement s"
                                       " JOIN metric m ON m.id = s.metric_id"
                                       " LEFT JOIN response_group g ON g.id = s.group_id"
                                       " WHERE s.metric_id = ?1 AND s.period = ?2"
                                       " AND coalesce (s.group_id, 0) = ?3", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, metric_id);
  bind_text_or_null (stmt, 2, period);
  sqlite3_bind_int64 (stmt, 3, MAX (group_id, 0));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return tavla_sqlite_store_fail (self, rc, error);

  measurement = g_new0 (TavlaMeasurement, 1);
  measurement->id = sqlite3_column_int64 (stmt, 0);
  measurement->version = sqlite3_column_int64 (stmt, 1);
  measurement->metric_id = sqlite3_column_int64 (stmt, 2);
  measurement->metric = g_strdup (column_text (stmt, 3));
  measurement->period = g_strdup (column_text (stmt, 4));
  measurement->group = g_strdup (column_text (stmt, 5));
  measurement->has_ratio = sqlite3_column_type (stmt, 7) != SQLITE_NULL &&
                           sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  measurement->numerator = sqlite3_column_double (stmt, 7);
  measurement->denominator = sqlite3_column_double (stmt, 8);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    measurement->value = sqlite3_column_double (stmt, 6);
  else if (measurement->has_ratio)
    measurement->value = measurement->numerator / measurement->denominator * 100.0;
  measurement->respondents = sqlite3_column_int64 (stmt, 9);
  measurement->created = g_strdup (column_text (stmt, 10));
  measurement->updated = g_strdup (column_text (stmt, 11));

  *out_measurement = measurement;

  return TRUE;
}

static void
bind_measurement_row (sqlite3_stmt                   *stmt,
                      const TavlaStoreMeasurementRow *row)
{
  sqlite3_bind_int64 (stmt, 1, row->metric_id);
  bind_text_or_null (stmt, 2, row->period);
  bind_id_or_null (stmt, 3, row->group_id);
  sqlite3_bind_double (stmt, 4, row->value);
  if (row->has_ratio)
    {
      sqlite3_bind_double (stmt, 5, row->numerator);
      sqlite3_bind_double (stmt, 6, row->denominator);
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  if (row->respondents > 0)
    sqlite3_bind_int64 (stmt, 7, row->respondents);
  else
    sqlite3_bind_null (stmt, 7);
  bind_text_or_null (stmt, 8, row->day);
  bind_text_or_null (stmt, 9, row->month);
  bind_text_or_null (stmt, 10, row->tertial);
  bind_text_or_null (stmt, 11, row->year);
  bind_text_or_null (stmt, 12, row->updated);
}

static gint64
tavla_sqlite_metrics_insert_measurement (TavlaStore                      *store,
                                         const TavlaStoreMeasurementRow  *row,
                                         GError                         **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO measurement (metric_id, period, group_id, value,"
                                       " numerator, denominator, respondents, day, month, tertial, year,"
                                       " updated, created, version)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1)",
                                       error);
  if (stmt == NULL)
    return 0;

  bind_measurement_row (stmt, row);
  bind_text_or_null (stmt, 13, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_metrics_update_measurement (TavlaStore                      *store,
                                         const TavlaStoreMeasurementRow  *row,
                                         GError                         **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE measurement SET metric_id = ?1, period = ?2, group_id = ?3,"
                                       " value = ?4, numerator = ?5, denominator = ?6, respondents = ?7,"
                                       " day = ?8, month = ?9, tertial = ?10, year = ?11, updated = ?12,"
                                       " version = version + 1"
                                       " WHERE id = ?13 AND version = ?14", error);
  if (stmt == NULL)
    return FALSE;

  bind_measurement_row (stmt, row);
  sqlite3_bind_int64 (stmt, 13, row->id);
  sqlite3_bind_int64 (stmt, 14, row->version);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return tavla_sqlite_store_fail (self, rc, error);

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                   _("Someone else corrected the figure for %s at the same time. Your change "
                     "was not saved; look at the new value and try again."), row->period);
      return FALSE;
    }

  return TRUE;
}

/* One statement per roll-up kind and group filter, so that each runs as a
 * GROUP BY over its own index. Each point also brings its open deviation:
 * a group's point its measurement's, an overall point the row kept for the
 * whole centre in that period (a measurement's for a metric not kept per
 * group, the roll-up's for one that is). */
#define ROLLUP_SQL(KEY, GROUP_FILTER) \
  "SELECT r.*, CASE WHEN ?2 != 0 THEN" \
  "  (SELECT d.id FROM deviation d WHERE r.n = 1 AND d.measurement_id = r.last_id AND d.resolved = 0)" \
  " ELSE" \
  "  (SELECT d.id FROM deviation d WHERE d.metric_id = ?1 AND d.period = r.k AND d.group_id IS NULL" \
  "   AND d.resolved = 0)" \
  " END" \
  " FROM (SELECT " KEY " AS k, count (*) AS n, total (value), count (numerator), total (numerator)," \
  "  total (denominator), count (respondents), total (respondents), total (value * respondents)," \
  "  max (id) AS last_id, count (DISTINCT period) AS n_periods" \
  "  FROM measurement" \
  "  WHERE metric_id = ?1" GROUP_FILTER \
  "  AND " KEY " >= coalesce (?3, '') AND " KEY " <= coalesce (?4, '~')" \
  "  GROUP BY " KEY ") r ORDER BY 1"

static const char *const rollup_all_sql[TAVLA_N_PERIOD_KINDS] = {
  ROLLUP_SQL ("period", " AND ?2 = ?2"),
  ROLLUP_SQL ("month", " AND ?2 = ?2"),
  ROLLUP_SQL ("tertial", " AND ?2 = ?2"),
  ROLLUP_SQL ("year", " AND ?2 = ?2"),
};

static const char *const rollup_group_sql[TAVLA_N_PERIOD_KINDS] = {
  ROLLUP_SQL ("period", " AND group_id = ?2"),
  ROLLUP_SQL ("month", " AND group_id = ?2"),
  ROLLUP_SQL ("tertial", " AND group_id = ?2"),
  ROLLUP_SQL ("year", " AND group_id = ?2"),
};

static void
clear_rollup_row (gpointer data)
{
  TavlaStoreRollupRow *row = data;

  g_clear_pointer (&row->key, g_free);
}

static GArray *
tavla_sqlite_metrics_rollup (TavlaStore                   *store,
                             const TavlaStoreRollupQuery  *query,
                             GError                      **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TavlaStoreRollupRow));
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  g_return_val_if_fail ((guint) query->kind < TAVLA_N_PERIOD_KINDS, NULL);

  g_array_set_clear_func (rows, clear_rollup_row);

  stmt = tavla_sqlite_store_statement (self,
                                       query->group_id > 0 ? rollup_group_sql[query->kind]
                                                           : rollup_all_sql[query->kind],
                                       error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, query->metric_id);
  sqlite3_bind_int64 (stmt, 2, MAX (query->group_id, 0));
  bind_text_or_null (stmt, 3, query->from_key);
  bind_text_or_null (stmt, 4, query->to_key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaStoreRollupRow row = { 0 };

      row.key = g_strdup (column_text (stmt, 0));
      row.n = (guint) sqlite3_column_int64 (stmt, 1);
      row.sum_value = sqlite3_column_double (stmt, 2);
      row.n_ratio = (guint) sqlite3_column_int64 (stmt, 3);
      row.sum_numerator = sqlite3_column_double (stmt, 4);
      row.sum_denominator = sqlite3_column_double (stmt, 5);
      row.n_respondents = (guint) sqlite3_column_int64 (stmt, 6);
      row.sum_respondents = (gint64) sqlite3_column_double (stmt, 7);
      row.sum_weighted = sqlite3_column_double (stmt, 8);
      row.n_periods = (guint) sqlite3_column_int64 (stmt, 10);
      row.deviation_id = sqlite3_column_int64 (stmt, 11);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ---- Deviations ------------------------------------------------------- */

#define DEVIATION_COLUMNS \
  "SELECT d.id, d.version, d.metric_id, m.name, m.unit, m.direction, d.period, g.name," \
  " d.value, d.target, d.cause, d.resolved, d.created, d.updated," \
  " (SELECT group_concat (l.item_id) FROM item_link l" \
  "   WHERE l.kind = 'deviation' AND l.target_id = d.id)" \
  " FROM deviation d" \
  " JOIN metric m ON m.id = d.metric_id" \
  " LEFT JOIN response_group g ON g.id = d.group_id"

static TavlaDeviation *
deviation_from_row (sqlite3_stmt *stmt)
{
  TavlaDeviationFields fields = { 0 };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *item_list = column_text (stmt, 14);

  if (item_list != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (item_list, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

          if (id > 0)
            g_array_append_val (items, id);
        }
    }

  fields.id = sqlite3_column_int64 (stmt, 0);
  fields.version = sqlite3_column_int64 (stmt, 1);
  fields.metric_id = sqlite3_column_int64 (stmt, 2);
  fields.metric = column_text (stmt, 3);
  if (!tavla_unit_from_string (column_text (stmt, 4), &fields.unit))
    fields.unit = TAVLA_UNIT_COUNT;
  if (!tavla_direction_from_string (column_text (stmt, 5), &fields.direction))
    fields.direction = TAVLA_DIRECTION_HIGHER;
  fields.period = column_text (stmt, 6);
  fields.group = column_text (stmt, 7);
  fields.value = sqlite3_column_double (stmt, 8);
  fields.target = sqlite3_column_double (stmt, 9);
  fields.cause = column_text (stmt, 10);
  fields.resolved = sqlite3_column_int (stmt, 11) != 0;
  fields.created = column_text (stmt, 12);
  fields.updated = column_text (stmt, 13);
  fields.items = (const gint64 *) (gpointer) items->data;
  fields.n_items = items->len;

  return tavla_deviation_new (&fields);
}

static gint64
tavla_sqlite_metrics_find_deviation_id (TavlaStore  *store,
                                        gint64       measurement_id,
                                        GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT id FROM deviation WHERE measurement_id = ?1"
                                       " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, measurement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    tavla_sqlite_store_fail (self, rc, error);

  return 0;
}

static gint64
tavla_sqlite_metrics_find_overall_deviation_id (TavlaStore  *store,
                                                gint64       metric_id,
                                                const char  *period,
                                                GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT id FROM deviation WHERE metric_id = ?1 AND period = ?2"
                                       " AND measurement_id IS NULL ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, metric_id);
  bind_text_or_null (stmt, 2, period);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    tavla_sqlite_store_fail (self, rc, error);

  return 0;
}

static TavlaDeviation *
tavla_sqlite_metrics_get_deviation (TavlaStore  *store,
                                    gint64       id,
                                    GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, DEVIATION_COLUMNS " WHERE d.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return deviation_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found (error, _("There is no deviation number %s."), id);
  else
    tavla_sqlite_store_fail (self, rc, error);

  return NULL;
}

static GPtrArray *
tavla_sqlite_metrics_list_deviations (TavlaStore                      *store,
                                      const TavlaStoreDeviationQuery  *query,
                                      GError                         **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) deviations = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       DEVIATION_COLUMNS
                                       " WHERE d.day >= coalesce (?1, '') AND d.day <= coalesce (?2, '~')"
                                       " AND (?3 = 0 OR d.metric_id = ?3)"
                                       " AND (?4 = 0 OR d.group_id = ?4)"
                                       " AND (?5 OR d.resolved = 0)"
                                       " AND (?6 OR d.measurement_id IS NOT NULL)"
                                       " ORDER BY d.day, d.metric_id, coalesce (g.name, ''), d.id", error);
  if (stmt == NULL)
    return NULL;

  bind_text_or_null (stmt, 1, query->from_day);
  bind_text_or_null (stmt, 2, query->to_day);
  sqlite3_bind_int64 (stmt, 3, MAX (query->metric_id, 0));
  sqlite3_bind_int64 (stmt, 4, MAX (query->group_id, 0));
  sqlite3_bind_int (stmt, 5, query->include_resolved ? 1 : 0);
  sqlite3_bind_int (stmt, 6, query->include_overall ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (deviations, deviation_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&deviations);
}

static gint64
tavla_sqlite_metrics_insert_deviation (TavlaStore                    *store,
                                       const TavlaStoreDeviationRow  *row,
                                       GError                       **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO deviation (measurement_id, metric_id, period, group_id,"
                                       " value, target, resolved, day, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, 1, ?8, ?8)", error);
  if (stmt == NULL)
    return 0;

  bind_id_or_null (stmt, 1, row->measurement_id);
  bind_text_or_null (stmt, 9, row->day);
  sqlite3_bind_int64 (stmt, 2, row->metric_id);
  bind_text_or_null (stmt, 3, row->period);
  bind_id_or_null (stmt, 4, row->group_id);
  sqlite3_bind_double (stmt, 5, row->value);
  sqlite3_bind_double (stmt, 6, row->target);
  sqlite3_bind_int (stmt, 7, row->resolved ? 1 : 0);
  bind_text_or_null (stmt, 8, row->updated);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_metrics_update_deviation (TavlaStore                    *store,
                                       const TavlaStoreDeviationRow  *row,
                                       GError                       **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE deviation SET value = ?1, target = ?2, resolved = ?3,"
                                       " updated = ?4, version = version + 1 WHERE id = ?5", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_double (stmt, 1, row->value);
  sqlite3_bind_double (stmt, 2, row->target);
  sqlite3_bind_int (stmt, 3, row->resolved ? 1 : 0);
  bind_text_or_null (stmt, 4, row->updated);
  sqlite3_bind_int64 (stmt, 5, row->id);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gboolean
tavla_sqlite_metrics_delete_deviation (TavlaStore  *store,
                                       gint64       id,
                                       GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self, "DELETE FROM deviation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gboolean
tavla_sqlite_metrics_set_deviation_cause (TavlaStore  *store,
                                          gint64       id,
                                          const char  *cause,
                                          const char  *updated,
                                          GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE deviation SET cause = ?1, updated = ?2,"
                                       " version = version + 1 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;

  bind_text_or_null (stmt, 1, cause);
  bind_text_or_null (stmt, 2, updated);
  sqlite3_bind_int64 (stmt, 3, id);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

/* ---- Links ------------------------------------------------------------ */

static gboolean
tavla_sqlite_metrics_insert_link (TavlaStore  *store,
                                  gint64       item_id,
                                  const char  *kind,
                                  gint64       target_id,
                                  const char  *created,
                                  gboolean    *out_added,
                                  GError     **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO item_link (item_id, kind, target_id, created)"
                                       " VALUES (?1, ?2, ?3, ?4)"
                                       " ON CONFLICT (item_id, kind, target_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  bind_text_or_null (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, target_id);
  bind_text_or_null (stmt, 4, created);

  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;

  if (out_added != NULL)
    *out_added = sqlite3_changes (self->db) == 1;

  return TRUE;
}

void
tavla_sqlite_metrics_class_init (TavlaStoreClass *store_class)
{
  store_class->list_response_groups = tavla_sqlite_metrics_list_response_groups;
  store_class->insert_response_group = tavla_sqlite_metrics_insert_response_group;
  store_class->set_response_group_active = tavla_sqlite_metrics_set_response_group_active;
  store_class->list_metrics = tavla_sqlite_metrics_list_metrics;
  store_class->insert_metric = tavla_sqlite_metrics_insert_metric;
  store_class->find_measurement = tavla_sqlite_metrics_find_measurement;
  store_class->insert_measurement = tavla_sqlite_metrics_insert_measurement;
  store_class->update_measurement = tavla_sqlite_metrics_update_measurement;
  store_class->rollup = tavla_sqlite_metrics_rollup;
  store_class->find_deviation_id = tavla_sqlite_metrics_find_deviation_id;
  store_class->find_overall_deviation_id = tavla_sqlite_metrics_find_overall_deviation_id;
  store_class->get_deviation = tavla_sqlite_metrics_get_deviation;
  store_class->list_deviations = tavla_sqlite_metrics_list_deviations;
  store_class->insert_deviation = tavla_sqlite_metrics_insert_deviation;
  store_class->update_deviation = tavla_sqlite_metrics_update_deviation;
  store_class->delete_deviation = tavla_sqlite_metrics_delete_deviation;
  store_class->set_deviation_cause = tavla_sqlite_metrics_set_deviation_cause;
  store_class->insert_link = tavla_sqlite_metrics_insert_link;
}
