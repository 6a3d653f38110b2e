/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-board-private.h"

G_BEGIN_DECLS

/*
 * What the files of the board's metrics share: tavla-board-metrics.c
 * (groups, metrics, the measurement rules and recording),
 * tavla-board-import.c (CSV import and batches of measurements),
 * tavla-board-series.c (roll-ups, series and effect) and
 * tavla-board-deviations.c (deviations and links).
 */

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
} TavlaMeasure;

/* Frees the references of a measure. */
void tavla_measure_clear (TavlaMeasure *measure);

/* The measurement rules: checks @input and fills @out (cleared by the
 * caller also on failure). */
gboolean tavla_measure_check (TavlaBoard                   *self,
                              const TavlaMeasurementInput  *input,
                              TavlaMeasure                 *out,
                              const char                  **out_field,
                              GError                      **error);

/* The group id of a measure, 0 for overall. */
gint64 tavla_measure_group_id (const TavlaMeasure *measure);

/* What recording @measure would do to @existing (NULL: nothing stored). */
TavlaRecordOutcome tavla_measure_outcome (const TavlaMeasure     *measure,
                                          const TavlaMeasurement *existing);

/* Writes @measure inside the caller's batch, with history and its
 * deviation row; @with_overall also updates the overall roll-up's row. */
gboolean tavla_measure_record (TavlaBoard          *self,
                               const TavlaMeasure  *measure,
                               const char          *actor,
                               const char          *now,
                               gboolean             with_overall,
                               TavlaRecordOutcome  *out_outcome,
                               gint64              *out_id,
                               GError             **error);

/* Keeps the overall roll-up's deviation row of a metric kept per group
 * in step with the groups' figures for @period. */
gboolean tavla_measure_sync_overall (TavlaBoard         *self,
                                     TavlaMetric        *metric,
                                     const TavlaPeriod  *period,
                                     const char         *now,
                                     GError            **error);

/* A new model of the history rows of one object. */
GListModel *tavla_board_history_model (TavlaBoard  *self,
                                       const char  *kind,
                                       gint64       id,
                                       GError     **error);

/* The value of a roll-up group by the rules (never a mean of means). */
void tavla_series_point_from_rollup (TavlaSeriesPoint          *point,
                                     TavlaUnit                  unit,
                                     const TavlaStoreRollupRow *row);

/* Parses an optional period bound (@field "from", "to" or "period" for
 * one period given as both bounds): FALSE with
 * an input error naming the field when it does not parse. */
gboolean tavla_board_parse_period_bound (const char   *text,
                                         const char   *field,
                                         TavlaPeriod  *out_period,
                                         gboolean     *out_given,
                                         GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TavlaMeasure, tavla_measure_clear)

G_END_DECLS
