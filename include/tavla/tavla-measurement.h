/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stored measurement. @value is always set (computed from the ratio when
 * one was given); @has_ratio says whether numerator/denominator were
 * given; @respondents is 0 when not known. */
typedef struct
{
  gint64    id;
  gint64    version;
  gint64    metric_id;
  char     *metric;
  char     *period;
  char     *group;          /* NULL for overall */
  double    value;
  gboolean  has_ratio;
  double    numerator;
  double    denominator;
  gint64    respondents;
  gboolean  deviation;      /* on the wrong side of the target */
  char     *created;
  char     *updated;
} TavlaMeasurement;

void              tavla_measurement_free (TavlaMeasurement *measurement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaMeasurement, tavla_measurement_free)

typedef enum
{
  TAVLA_RECORD_ADDED,
  TAVLA_RECORD_CORRECTED,
  TAVLA_RECORD_UNCHANGED,
} TavlaRecordOutcome;

/*
 * One point of a series: a period with the metric's value there, computed
 * by the roll-up rules (never a mean of means):
 * - ratio percent (numerator/denominator): sum of numerators over sum of
 *   denominators x 100;
 * - score: mean weighted by respondents;
 * - count: the sum;
 * - a plain mean of the values only where nothing else is known: percent
 *   given as values only, or scores without respondents. When some rows of
 *   a point lack the numerator/denominator (or respondents), the whole
 *   point is the plain mean of the rows' values and @has_ratio (or
 *   @respondents) is left unset.
 * Weeks roll up to the month, tertial and year of their Thursday. The
 * overall series of a per-group metric rolls the groups up by the same
 * rules.
 * @deviation: the point's value is a deviation from @target
 * (tavla_metric_value_is_deviation()). @deviation_id: the stored deviation
 * row of a point at the metric's own period (its measurement's, or for the
 * overall series of a metric kept per group the roll-up's), 0 for coarser
 * roll-ups and points on target. @n_measurements: how many stored
 * measurements went into it.
 */
typedef struct
{
  char     *period;
  double    value;
  double    target;
  gboolean  deviation;
  gboolean  has_ratio;
  double    numerator;
  double    denominator;
  gint64    respondents;    /* 0 when unknown */
  guint     n_measurements;
  gint64    deviation_id;
} TavlaSeriesPoint;

void tavla_series_point_free (TavlaSeriesPoint *point);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaSeriesPoint, tavla_series_point_free)

G_END_DECLS
