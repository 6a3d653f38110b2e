/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store.h"

G_DEFINE_ABSTRACT_TYPE (TavlaStore, tavla_store, G_TYPE_OBJECT)

static void
tavla_store_class_init (TavlaStoreClass *klass)
{
}

static void
tavla_store_init (TavlaStore *self)
{
}

gboolean
tavla_store_begin_write (TavlaStore *self,
                         GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->begin_write (self, error);
}

gboolean
tavla_store_commit (TavlaStore *self,
                    GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->commit (self, error);
}

void
tavla_store_rollback (TavlaStore *self)
{
  g_return_if_fail (TAVLA_IS_STORE (self));

  TAVLA_STORE_GET_CLASS (self)->rollback (self);
}

gboolean
tavla_store_is_read_only (TavlaStore *self)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), TRUE);

  return TAVLA_STORE_GET_CLASS (self)->is_read_only (self);
}

const char *
tavla_store_get_read_only_reason (TavlaStore *self)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->get_read_only_reason (self);
}

gboolean
tavla_store_get_data_version (TavlaStore *self,
                              gint64     *out_version,
                              GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->get_data_version (self, out_version, error);
}

gboolean
tavla_store_count (TavlaStore       *self,
                   TavlaStoreCounts *out_counts,
                   GError           **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->count (self, out_counts, error);
}

GPtrArray *
tavla_store_list_items (TavlaStore *self,
                        GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_items (self, error);
}

TavlaItem *
tavla_store_get_item (TavlaStore *self,
                      gint64     id,
                      GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->get_item (self, id, error);
}

GPtrArray *
tavla_store_list_people (TavlaStore *self,
                         GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_people (self, error);
}

GPtrArray *
tavla_store_list_departments (TavlaStore *self,
                              GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_departments (self, error);
}

gint64
tavla_store_find_person_id (TavlaStore *self,
                            const char *name,
                            GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->find_person_id (self, name, error);
}

gint64
tavla_store_find_department_id (TavlaStore *self,
                                const char *name,
                                GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->find_department_id (self, name, error);
}

gint64
tavla_store_insert_person (TavlaStore *self,
                           const char *name,
                           const char *role,
                           const char *email,
                           const char *created,
                           GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_person (self, name, role, email, created, error);
}

gint64
tavla_store_insert_department (TavlaStore *self,
                               const char *name,
                               const char *code,
                               const char *created,
                               GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_department (self, name, code, created, error);
}

gint64
tavla_store_insert_item (TavlaStore              *self,
                         const TavlaStoreItemRow *row,
                         GError                  **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_item (self, row, error);
}

gboolean
tavla_store_update_item (TavlaStore              *self,
                         const TavlaStoreItemRow *row,
                         GError                  **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->update_item (self, row, error);
}

gint64
tavla_store_next_change_id (TavlaStore *self,
                            GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->next_change_id (self, error);
}

gboolean
tavla_store_insert_history (TavlaStore               *self,
                            const char               *object_kind,
                            const TavlaHistoryFields *fields,
                            GError                   **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->insert_history (self, object_kind, fields, error);
}

GPtrArray *
tavla_store_list_history (TavlaStore *self,
                          const char *object_kind,
                          gint64     object_id,
                          GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_history (self, object_kind, object_id, error);
}

GPtrArray *
tavla_store_list_links (TavlaStore *self,
                        gint64     item_id,
                        GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_links (self, item_id, error);
}

GPtrArray *
tavla_store_list_response_groups (TavlaStore  *self,
                                  GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_response_groups (self, error);
}

gint64
tavla_store_insert_response_group (TavlaStore  *self,
                                   const char  *name,
                                   const char  *created,
                                   GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_response_group (self, name, created, error);
}

gboolean
tavla_store_set_response_group_active (TavlaStore  *self,
                                       gint64       id,
                                       gboolean     active,
                                       const char  *updated,
                                       GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->set_response_group_active (self, id, active, updated, error);
}

GPtrArray *
tavla_store_list_metrics (TavlaStore  *self,
                          GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_metrics (self, error);
}

gint64
tavla_store_insert_metric (TavlaStore                 *self,
                           const TavlaStoreMetricRow  *row,
                           GError                    **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_metric (self, row, error);
}

gboolean
tavla_store_find_measurement (TavlaStore        *self,
                              gint64             metric_id,
                              const char        *period,
                              gint64             group_id,
                              TavlaMeasurement **out_measurement,
                              GError           **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->find_measurement (self, metric_id, period, group_id, out_measurement, error);
}

gint64
tavla_store_insert_measurement (TavlaStore                      *self,
                                const TavlaStoreMeasurementRow  *row,
                                GError                         **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_measurement (self, row, error);
}

gboolean
tavla_store_update_measurement (TavlaStore                      *self,
                                const TavlaStoreMeasurementRow  *row,
                                GError                         **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->update_measurement (self, row, error);
}

GArray *
tavla_store_rollup (TavlaStore                   *self,
                    const TavlaStoreRollupQuery  *query,
                    GError                      **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->rollup (self, query, error);
}

gint64
tavla_store_find_deviation_id (TavlaStore  *self,
                               gint64       measurement_id,
                               GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->find_deviation_id (self, measurement_id, error);
}

gint64
tavla_store_find_overall_deviation_id (TavlaStore  *self,
                                       gint64       metric_id,
                                       const char  *period,
                                       GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->find_overall_deviation_id (self, metric_id, period, error);
}

TavlaDeviation *
tavla_store_get_deviation (TavlaStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->get_deviation (self, id, error);
}

GPtrArray *
tavla_store_list_deviations (TavlaStore                      *self,
                             const TavlaStoreDeviationQuery  *query,
                             GError                         **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), NULL);

  return TAVLA_STORE_GET_CLASS (self)->list_deviations (self, query, error);
}

gint64
tavla_store_insert_deviation (TavlaStore                    *self,
                              const TavlaStoreDeviationRow  *row,
                              GError                       **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), 0);

  return TAVLA_STORE_GET_CLASS (self)->insert_deviation (self, row, error);
}

gboolean
tavla_store_update_deviation (TavlaStore                    *self,
                              const TavlaStoreDeviationRow  *row,
                              GError                       **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->update_deviation (self, row, error);
}

gboolean
tavla_store_delete_deviation (TavlaStore  *self,
                              gint64       id,
                              GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->delete_deviation (self, id, error);
}

gboolean
tavla_store_set_deviation_cause (TavlaStore  *self,
                                 gint64       id,
                                 const char  *cause,
                                 const char  *updated,
                                 GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->set_deviation_cause (self, id, cause, updated, error);
}

gboolean
tavla_store_insert_link (TavlaStore  *self,
                         gint64       item_id,
                         const char  *kind,
                         gint64       target_id,
                         const char  *created,
                         gboolean    *out_added,
                         GError     **error)
{
  g_return_val_if_fail (TAVLA_IS_STORE (self), FALSE);

  return TAVLA_STORE_GET_CLASS (self)->insert_link (self, item_id, kind, target_id, created, out_added, error);
}
