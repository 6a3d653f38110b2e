/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "tavla-period.h"

G_BEGIN_DECLS

/* What a metric's values are. */
typedef enum
{
  TAVLA_UNIT_PERCENT,   /* 0-100; a value, or numerator/denominator x 100 */
  TAVLA_UNIT_SCORE,     /* 1-5 (NKI), with the number of respondents */
  TAVLA_UNIT_COUNT,     /* a whole number >= 0, summed in roll-ups */
} TavlaUnit;

#define TAVLA_N_UNITS 3

/* Which side of the target is good. */
typedef enum
{
  TAVLA_DIRECTION_HIGHER,
  TAVLA_DIRECTION_LOWER,
} TavlaDirection;

#define TAVLA_N_DIRECTIONS 2

GType        tavla_unit_get_type           (void) G_GNUC_CONST;
GType        tavla_direction_get_type      (void) G_GNUC_CONST;
#define TAVLA_TYPE_UNIT      (tavla_unit_get_type ())
#define TAVLA_TYPE_DIRECTION (tavla_direction_get_type ())

/* Machine names: "percent", "score", "count"; "higher", "lower". */
const char  *tavla_unit_to_string          (TavlaUnit        unit);
gboolean     tavla_unit_from_string        (const char      *text,
                                            TavlaUnit       *out_unit);
const char  *tavla_direction_to_string     (TavlaDirection   direction);
gboolean     tavla_direction_from_string   (const char      *text,
                                            TavlaDirection  *out_direction);
/* Translated labels: "Percent", "Score (1-5)", "Count"; "Higher is better",
 * "Lower is better". */
const char  *tavla_unit_get_label          (TavlaUnit        unit);
const char  *tavla_direction_get_label     (TavlaDirection   direction);

#define TAVLA_TYPE_METRIC (tavla_metric_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMetric, tavla_metric, TAVLA, METRIC, GObject)

/*
 * A metric (nyckeltal) with its target (mål). Immutable snapshot from the
 * store. Read-only properties: id, version, name, description (may be
 * NULL), unit, direction, target, period (TAVLA_PERIOD_WEEK or
 * TAVLA_PERIOD_MONTH: how often it is measured), per-group (measured per
 * response group), active.
 */
typedef struct
{
  gint64           id;
  gint64           version;
  const char      *name;
  const char      *description;
  TavlaUnit        unit;
  TavlaDirection   direction;
  double           target;
  TavlaPeriodKind  period;
  gboolean         per_group;
  gboolean         active;
} TavlaMetricFields;

TavlaMetric     *tavla_metric_new             (const TavlaMetricFields *fields);
gint64           tavla_metric_get_id          (TavlaMetric *self);
gint64           tavla_metric_get_version     (TavlaMetric *self);
const char      *tavla_metric_get_name        (TavlaMetric *self);
const char      *tavla_metric_get_description (TavlaMetric *self);
TavlaUnit        tavla_metric_get_unit        (TavlaMetric *self);
TavlaDirection   tavla_metric_get_direction   (TavlaMetric *self);
double           tavla_metric_get_target      (TavlaMetric *self);
TavlaPeriodKind  tavla_metric_get_period      (TavlaMetric *self);
gboolean         tavla_metric_get_per_group   (TavlaMetric *self);
gboolean         tavla_metric_get_active      (TavlaMetric *self);

/*
 * The deviation rule, in one place: a value is a deviation when it is on
 * the wrong side of @target: below it when higher is better, above it when
 * lower is better. Exactly at the target is not a deviation. Values are
 * compared after rounding to the precision they are shown with (one decimal
 * for percent, two for score, whole numbers for count), so a point shown
 * as "95.0 %" never shows as a deviation from 95 %.
 */
gboolean         tavla_metric_value_is_deviation (TavlaUnit       unit,
                                                  TavlaDirection  direction,
                                                  double          target,
                                                  double          value);
/* The same against this metric's own target. */
gboolean         tavla_metric_is_deviation    (TavlaMetric *self,
                                               double       value);

/*
 * A value for people, in the current locale's number format (decimal comma
 * in Swedish): "94.2 %", "4.31", "1 234". Percent with one decimal, score
 * with two, count whole.
 */
char            *tavla_metric_format_value    (TavlaMetric *self,
                                               double       value);
char            *tavla_unit_format_value      (TavlaUnit    unit,
                                               double       value);
/* "Target: at least 95.0 %" / "Target: at most 12", translated. */
char            *tavla_metric_dup_target_label (TavlaMetric *self);

/*
 * Parses a number as typed: "94.5", "94,5" (decimal comma), "1 234" is
 * refused (no thousands separators), surrounding spaces allowed, and NaN,
 * infinity or trailing text refused. Used by every number input of the
 * metrics (CLI options, CSV cells, form fields) so they agree.
 */
gboolean         tavla_parse_number           (const char  *text,
                                               double      *out_value);

G_END_DECLS
