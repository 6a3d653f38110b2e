/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "tavla-metric.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_DEVIATION (tavla_deviation_get_type ())
G_DECLARE_FINAL_TYPE (TavlaDeviation, tavla_deviation, TAVLA, DEVIATION, GObject)

/*
 * A deviation (avvikelse): a stored measurement on the wrong side of its
 * metric's target (see tavla_metric_value_is_deviation()). The store keeps
 * one row per deviating measurement, created or updated when the
 * measurement is recorded or corrected, so that it has an id to explain
 * (a cause) and act on (improvement items linked to it).
 *
 * When a correction brings the measurement back on target, the row is
 * dropped if it has neither a cause nor linked items; otherwise it is kept
 * with resolved = TRUE and the corrected value, so nothing anyone wrote is
 * lost. For a metric kept per response group the overall roll-up of each
 * period (all groups together) keeps a row of its own the same way (group
 * NULL, no measurement), so the centre-level deviation can be explained
 * and acted on too. Coarser roll-ups (a month of weeks) are marked as
 * deviations in series but are not rows here.
 *
 * Immutable snapshot. Read-only properties: id, version, metric (name),
 * metric-id, unit, direction, period (machine form "2026-W47"), group (the
 * response group's name, NULL for overall), value, target, cause (NULL
 * until explained), resolved, created, updated; the linked item ids through
 * tavla_deviation_get_items().
 */
typedef struct
{
  gint64          id;
  gint64          version;
  gint64          metric_id;
  const char     *metric;
  TavlaUnit       unit;
  TavlaDirection  direction;
  const char     *period;
  const char     *group;
  double          value;
  double          target;
  const char     *cause;
  gboolean        resolved;
  const gint64   *items;
  guint           n_items;
  const char     *created;
  const char     *updated;
} TavlaDeviationFields;

TavlaDeviation *tavla_deviation_new           (const TavlaDeviationFields *fields);
gint64          tavla_deviation_get_id        (TavlaDeviation *self);
gint64          tavla_deviation_get_version   (TavlaDeviation *self);
gint64          tavla_deviation_get_metric_id (TavlaDeviation *self);
const char     *tavla_deviation_get_metric    (TavlaDeviation *self);
TavlaUnit       tavla_deviation_get_unit      (TavlaDeviation *self);
TavlaDirection  tavla_deviation_get_direction (TavlaDeviation *self);
const char     *tavla_deviation_get_period    (TavlaDeviation *self);
/* NULL for an overall measurement. */
const char     *tavla_deviation_get_group     (TavlaDeviation *self);
double          tavla_deviation_get_value     (TavlaDeviation *self);
double          tavla_deviation_get_target    (TavlaDeviation *self);
/* NULL until someone explained it. */
const char     *tavla_deviation_get_cause     (TavlaDeviation *self);
gboolean        tavla_deviation_get_resolved  (TavlaDeviation *self);
const char     *tavla_deviation_get_created   (TavlaDeviation *self);
const char     *tavla_deviation_get_updated   (TavlaDeviation *self);
/* Ids of the improvement items linked to it, ascending; @out_n_items may
 * be NULL. Owned by the deviation. */
const gint64   *tavla_deviation_get_items     (TavlaDeviation *self,
                                               guint          *out_n_items);

/*
 * One line for people, translated: "Answer rate 91.2 % in w. 47 2026
 * (Socialtjänst), target 95.0 %". Used as the suggested title of an
 * improvement created from it (cut to the title limit).
 */
char           *tavla_deviation_dup_summary   (TavlaDeviation *self);

G_END_DECLS
