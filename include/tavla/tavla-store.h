/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-department.h"
#include "tavla-deviation.h"
#include "tavla-history-entry.h"
#include "tavla-item.h"
#include "tavla-measurement.h"
#include "tavla-metric.h"
#include "tavla-person.h"
#include "tavla-response-group.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_STORE (tavla_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (TavlaStore, tavla_store, TAVLA, STORE, GObject)

/*
 * TavlaStore is persistence only: rows in, rows out, transactions and
 * optimistic versions. It holds no domain rules (TavlaBoard does), so a
 * second backend (a shared PostgreSQL database) implements the same vfuncs.
 * TavlaSqliteStore is the embedded default.
 *
 * Writes happen between begin_write() and commit() (or rollback()). Object
 * kinds in the history are the machine names "item", "person",
 * "department", "metric", ... as in the schema.
 */

/* The stored form of an item: owner and department by id (0 for none). */
typedef struct
{
  gint64       id;
  gint64       version;        /* for update: the version it is based on */
  const char  *title;
  const char  *description;
  gint64       owner_id;
  const char  *due;
  gint64       department_id;
  TavlaSource  source;
  gboolean     strategic;
  TavlaStatus  status;
  TavlaMark    mark;
  const char  *created;
  const char  *updated;
} TavlaStoreItemRow;

/* How many rows a store holds, for "is the board empty?". */
typedef struct
{
  guint64 items;
  guint64 people;
  guint64 departments;
} TavlaStoreCounts;

/* The stored form of a metric. */
typedef struct
{
  const char      *name;
  const char      *description;
  TavlaUnit        unit;
  TavlaDirection   direction;
  double           target;
  TavlaPeriodKind  period;
  gboolean         per_group;
  const char      *created;
} TavlaStoreMetricRow;

/* The stored form of a measurement: metric and group by id (group 0 for
 * overall), with the keys of the periods that hold it (computed by the
 * board: the week's Thursday decides) so that roll-ups are one GROUP BY.
 * @respondents 0 is stored as unknown. */
typedef struct
{
  gint64       id;
  gint64       version;        /* for update: the version it is based on */
  gint64       metric_id;
  const char  *period;
  gint64       group_id;
  double       value;
  gboolean     has_ratio;
  double       numerator;
  double       denominator;
  gint64       respondents;
  const char  *day;            /* the anchor day, ISO date */
  const char  *month;          /* "2026-11" */
  const char  *tertial;        /* "2026-T3" */
  const char  *year;           /* "2026" */
  const char  *created;
  const char  *updated;
} TavlaStoreMeasurementRow;

/* The stored form of a deviation row: of one measurement, or with
 * @measurement_id 0 and @group_id 0 of the overall roll-up of a metric
 * kept per response group. */
typedef struct
{
  gint64       id;
  gint64       measurement_id;
  gint64       metric_id;
  const char  *period;
  gint64       group_id;
  double       value;
  double       target;
  gboolean     resolved;
  const char  *day;            /* the anchor day of @period, ISO date */
  const char  *updated;
} TavlaStoreDeviationRow;

/* A roll-up: the measurements of a metric (of one group, or all with
 * @group_id 0) grouped by the key of @kind, keys from @from_key to @to_key
 * (NULL for open ends), ordered by key. */
typedef struct
{
  gint64           metric_id;
  gint64           group_id;
  TavlaPeriodKind  kind;
  const char      *from_key;
  const char      *to_key;
} TavlaStoreRollupQuery;

/* The sums of one roll-up group; the board applies the rules. */
typedef struct
{
  char    *key;
  guint    n;              /* measurements */
  double   sum_value;
  guint    n_ratio;        /* of them with numerator and denominator */
  double   sum_numerator;
  double   sum_denominator;
  guint    n_respondents;  /* of them with respondents */
  gint64   sum_respondents;
  double   sum_weighted;   /* sum of value x respondents */
  guint    n_periods;      /* distinct measured periods (weeks or months) */
  gint64   deviation_id;   /* with n 1: the measurement's open deviation, or 0 */
} TavlaStoreRollupRow;

/* Deviations to list: anchor days from @from_day to @to_day (ISO dates,
 * NULL for open ends), metric and group ids (0 for any). */
typedef struct
{
  const char  *from_day;
  const char  *to_day;
  gint64       metric_id;
  gint64       group_id;
  gboolean     include_resolved;
  gboolean     include_overall;  /* the overall roll-ups' rows too */
} TavlaStoreDeviationQuery;

struct _TavlaStoreClass
{
  GObjectClass parent_class;

  gboolean    (*begin_write)          (TavlaStore               *self,
                                       GError                  **error);
  gboolean    (*commit)               (TavlaStore               *self,
                                       GError                  **error);
  void        (*rollback)             (TavlaStore               *self);

  gboolean    (*is_read_only)         (TavlaStore               *self);
  const char *(*get_read_only_reason) (TavlaStore               *self);
  /* A number that changes when another connection committed. */
  gboolean    (*get_data_version)     (TavlaStore               *self,
                                       gint64                   *out_version,
                                       GError                  **error);
  gboolean    (*count)                (TavlaStore               *self,
                                       TavlaStoreCounts         *out_counts,
                                       GError                  **error);

  /* Element type TavlaItem / TavlaPerson / TavlaDepartment, ordered by id. */
  GPtrArray  *(*list_items)           (TavlaStore               *self,
                                       GError                  **error);
  TavlaItem  *(*get_item)             (TavlaStore               *self,
                                       gint64                    id,
                                       GError                  **error);
  GPtrArray  *(*list_people)          (TavlaStore               *self,
                                       GError                  **error);
  GPtrArray  *(*list_departments)     (TavlaStore               *self,
                                       GError                  **error);

  /* 0 with no error when nobody has that name. */
  gint64      (*find_person_id)       (TavlaStore               *self,
                                       const char               *name,
                                       GError                  **error);
  gint64      (*find_department_id)   (TavlaStore               *self,
                                       const char               *name,
                                       GError                  **error);

  /* Inserts return the new id, or 0 with @error set. */
  gint64      (*insert_person)        (TavlaStore               *self,
                                       const char               *name,
                                       const char               *role,
                                       const char               *email,
                                       const char               *created,
                                       GError                  **error);
  gint64      (*insert_department)    (TavlaStore               *self,
                                       const char               *name,
                                       const char               *code,
                                       const char               *created,
                                       GError                  **error);
  gint64      (*insert_item)          (TavlaStore               *self,
                                       const TavlaStoreItemRow  *row,
                                       GError                  **error);
  /* Writes @row when the stored version still is row->version, raising it
   * by one; otherwise TAVLA_STORE_ERROR_CONFLICT and nothing written. */
  gboolean    (*update_item)          (TavlaStore               *self,
                                       const TavlaStoreItemRow  *row,
                                       GError                  **error);

  /* A fresh change id for a group of history rows. */
  gint64      (*next_change_id)       (TavlaStore               *self,
                                       GError                  **error);
  gboolean    (*insert_history)       (TavlaStore               *self,
                                       const char               *object_kind,
                                       const TavlaHistoryFields *fields,
                                       GError                  **error);
  /* TavlaHistoryEntry, oldest first. */
  GPtrArray  *(*list_history)         (TavlaStore               *self,
                                       const char               *object_kind,
                                       gint64                    object_id,
                                       GError                  **error);
  /* TavlaLink. */
  GPtrArray  *(*list_links)           (TavlaStore               *self,
                                       gint64                    item_id,
                                       GError                  **error);

  /* Metrics (issue 3). Lists are ordered by id. */
  GPtrArray  *(*list_response_groups) (TavlaStore               *self,
                                       GError                  **error);
  gint64      (*insert_response_group) (TavlaStore             *self,
                                       const char               *name,
                                       const char               *created,
                                       GError                  **error);
  gboolean    (*set_response_group_active) (TavlaStore         *self,
                                       gint64                    id,
                                       gboolean                  active,
                                       const char               *updated,
                                       GError                  **error);
  GPtrArray  *(*list_metrics)         (TavlaStore               *self,
                                       GError                  **error);
  gint64      (*insert_metric)        (TavlaStore               *self,
                                       const TavlaStoreMetricRow *row,
                                       GError                  **error);
  /* TRUE with *@out_measurement NULL when there is none. */
  gboolean    (*find_measurement)     (TavlaStore               *self,
                                       gint64                    metric_id,
                                       const char               *period,
                                       gint64                    group_id,
                                       TavlaMeasurement        **out_measurement,
                                       GError                  **error);
  gint64      (*insert_measurement)   (TavlaStore               *self,
                                       const TavlaStoreMeasurementRow *row,
                                       GError                  **error);
  /* Optimistic like update_item. */
  gboolean    (*update_measurement)   (TavlaStore               *self,
                                       const TavlaStoreMeasurementRow *row,
                                       GError                  **error);
  GArray     *(*rollup)               (TavlaStore               *self,
                                       const TavlaStoreRollupQuery *query,
                                       GError                  **error);
  /* 0 with no error when the measurement has no deviation row. */
  gint64      (*find_deviation_id)    (TavlaStore               *self,
                                       gint64                    measurement_id,
                                       GError                  **error);
  /* The overall roll-up's deviation row of @metric_id in @period; 0 with
   * no error when there is none. */
  gint64      (*find_overall_deviation_id) (TavlaStore         *self,
                                       gint64                    metric_id,
                                       const char               *period,
                                       GError                  **error);
  TavlaDeviation *(*get_deviation)    (TavlaStore               *self,
                                       gint64                    id,
                                       GError                  **error);
  GPtrArray  *(*list_deviations)      (TavlaStore               *self,
                                       const TavlaStoreDeviationQuery *query,
                                       GError                  **error);
  gint64      (*insert_deviation)     (TavlaStore               *self,
                                       const TavlaStoreDeviationRow *row,
                                       GError                  **error);
  /* Writes value, target and resolved. */
  gboolean    (*update_deviation)     (TavlaStore               *self,
                                       const TavlaStoreDeviationRow *row,
                                       GError                  **error);
  gboolean    (*delete_deviation)     (TavlaStore               *self,
                                       gint64                    id,
                                       GError                  **error);
  gboolean    (*set_deviation_cause)  (TavlaStore               *self,
                                       gint64                    id,
                                       const char               *cause,
                                       const char               *updated,
                                       GError                  **error);
  /* Adds an item_link row; *@out_added FALSE when it was already there. */
  gboolean    (*insert_link)          (TavlaStore               *self,
                                       gint64                    item_id,
                                       const char               *kind,
                                       gint64                    target_id,
                                       const char               *created,
                                       gboolean                 *out_added,
                                       GError                  **error);

  gpointer padding[7];
};

gboolean    tavla_store_begin_write          (TavlaStore               *self,
                                              GError                  **error);
gboolean    tavla_store_commit               (TavlaStore               *self,
                                              GError                  **error);
void        tavla_store_rollback             (TavlaStore               *self);
gboolean    tavla_store_is_read_only         (TavlaStore               *self);
const char *tavla_store_get_read_only_reason (TavlaStore               *self);
gboolean    tavla_store_get_data_version     (TavlaStore               *self,
                                              gint64                   *out_version,
                                              GError                  **error);
gboolean    tavla_store_count                (TavlaStore               *self,
                                              TavlaStoreCounts         *out_counts,
                                              GError                  **error);
GPtrArray  *tavla_store_list_items           (TavlaStore               *self,
                                              GError                  **error);
TavlaItem  *tavla_store_get_item             (TavlaStore               *self,
                                              gint64                    id,
                                              GError                  **error);
GPtrArray  *tavla_store_list_people          (TavlaStore               *self,
                                              GError                  **error);
GPtrArray  *tavla_store_list_departments     (TavlaStore               *self,
                                              GError                  **error);
gint64      tavla_store_find_person_id       (TavlaStore               *self,
                                              const char               *name,
                                              GError                  **error);
gint64      tavla_store_find_department_id   (TavlaStore               *self,
                                              const char               *name,
                                              GError                  **error);
gint64      tavla_store_insert_person        (TavlaStore               *self,
                                              const char               *name,
                                              const char               *role,
                                              const char               *email,
                                              const char               *created,
                                              GError                  **error);
gint64      tavla_store_insert_department    (TavlaStore               *self,
                                              const char               *name,
                                              const char               *code,
                                              const char               *created,
                                              GError                  **error);
gint64      tavla_store_insert_item          (TavlaStore               *self,
                                              const TavlaStoreItemRow  *row,
                                              GError                  **error);
gboolean    tavla_store_update_item          (TavlaStore               *self,
                                              const TavlaStoreItemRow  *row,
                                              GError                  **error);
gint64      tavla_store_next_change_id       (TavlaStore               *self,
                                              GError                  **error);
gboolean    tavla_store_insert_history       (TavlaStore               *self,
                                              const char               *object_kind,
                                              const TavlaHistoryFields *fields,
                                              GError                  **error);
GPtrArray  *tavla_store_list_history         (TavlaStore               *self,
                                              const char               *object_kind,
                                              gint64                    object_id,
                                              GError                  **error);
GPtrArray  *tavla_store_list_links           (TavlaStore               *self,
                                              gint64                    item_id,
                                              GError                  **error);

GPtrArray  *tavla_store_list_response_groups  (TavlaStore               *self,
                                              GError                  **error);
gint64      tavla_store_insert_response_group (TavlaStore               *self,
                                              const char               *name,
                                              const char               *created,
                                              GError                  **error);
gboolean    tavla_store_set_response_group_active (TavlaStore           *self,
                                              gint64                    id,
                                              gboolean                  active,
                                              const char               *updated,
                                              GError                  **error);
GPtrArray  *tavla_store_list_metrics         (TavlaStore               *self,
                                              GError                  **error);
gint64      tavla_store_insert_metric        (TavlaStore               *self,
                                              const TavlaStoreMetricRow *row,
                                              GError                  **error);
gboolean    tavla_store_find_measurement     (TavlaStore               *self,
                                              gint64                    metric_id,
                                              const char               *period,
                                              gint64                    group_id,
                                              TavlaMeasurement        **out_measurement,
                                              GError                  **error);
gint64      tavla_store_insert_measurement   (TavlaStore               *self,
                                              const TavlaStoreMeasurementRow *row,
                                              GError                  **error);
gboolean    tavla_store_update_measurement   (TavlaStore               *self,
                                              const TavlaStoreMeasurementRow *row,
                                              GError                  **error);
/* Element type TavlaStoreRollupRow; the array frees the keys. */
GArray     *tavla_store_rollup               (TavlaStore               *self,
                                              const TavlaStoreRollupQuery *query,
                                              GError                  **error);
gint64      tavla_store_find_deviation_id    (TavlaStore               *self,
                                              gint64                    measurement_id,
                                              GError                  **error);
gint64      tavla_store_find_overall_deviation_id (TavlaStore           *self,
                                              gint64                    metric_id,
                                              const char               *period,
                                              GError                  **error);
TavlaDeviation *tavla_store_get_deviation    (TavlaStore               *self,
                                              gint64                    id,
                                              GError                  **error);
GPtrArray  *tavla_store_list_deviations      (TavlaStore               *self,
                                              const TavlaStoreDeviationQuery *query,
                                              GError                  **error);
gint64      tavla_store_insert_deviation     (TavlaStore               *self,
                                              const TavlaStoreDeviationRow *row,
                                              GError                  **error);
gboolean    tavla_store_update_deviation     (TavlaStore               *self,
                                              const TavlaStoreDeviationRow *row,
                                              GError                  **error);
gboolean    tavla_store_delete_deviation     (TavlaStore               *self,
                                              gint64                    id,
                                              GError                  **error);
gboolean    tavla_store_set_deviation_cause  (TavlaStore               *self,
                                              gint64                    id,
                                              const char               *cause,
                                              const char               *updated,
                                              GError                  **error);
gboolean    tavla_store_insert_link          (TavlaStore               *self,
                                              gint64                    item_id,
                                              const char               *kind,
                                              gint64                    target_id,
                                              const char               *created,
                                              gboolean                 *out_added,
                                              GError                  **error);

G_END_DECLS
