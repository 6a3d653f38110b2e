/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board.h"
#include "tavla-deviation.h"
#include "tavla-measurement.h"
#include "tavla-metric.h"
#include "tavla-period.h"
#include "tavla-response-group.h"

G_BEGIN_DECLS

/*
 * Metrics and deviations on the board (issue 3). Same conventions as
 * tavla-board.h: input errors are TAVLA_INPUT_ERROR with a translated
 * message that names the field and says how to fix it, and nothing is
 * written; a read-only board refuses every write with
 * TAVLA_STORE_ERROR_READ_ONLY; objects are returned transfer full unless
 * said otherwise; @actor NULL means tavla_default_actor().
 *
 * Field names (@out_field below) are the machine names of the CSV columns
 * and CLI options: "name", "description", "unit", "direction", "target",
 * "period", "per-group", "metric", "group", "value", "numerator",
 * "denominator", "respondents", "rollup", "from", "to", "cause". A form
 * shows the message beside that field.
 *
 * Every write to metrics, groups, measurements or deviations emits
 * TavlaBoard::metrics-changed once it has committed (and so does a refresh
 * that saw another process commit), so charts and lists reload.
 */

/* ---- Response groups (svarsgrupper) ---------------------------------- */

/* Board-owned live model of TavlaResponseGroup, ordered by id, inactive
 * ones included (transfer none). */
GListModel         *tavla_board_get_response_groups       (TavlaBoard  *self);
/* Adds an active group. Refuses an empty name or one longer than 100
 * characters and a name already taken, compared without regard to case
 * (field "name"). Groups keep their creation and change times, not a
 * history of their own. */
TavlaResponseGroup *tavla_board_add_response_group        (TavlaBoard  *self,
                                                           const char  *name,
                                                           const char  *actor,
                                                           GError     **error);
/* Exact name, then without regard to case; NULL when none. */
TavlaResponseGroup *tavla_board_find_response_group       (TavlaBoard  *self,
                                                           const char  *name);
/* Activates or deactivates a group by name. An inactive group keeps its
 * figures and still takes corrections and imports; the entry form and the
 * chart's group choice leave it out. Unknown name: TAVLA_STORE_ERROR_NOT_FOUND. */
TavlaResponseGroup *tavla_board_set_response_group_active (TavlaBoard  *self,
                                                           const char  *name,
                                                           gboolean     active,
                                                           const char  *actor,
                                                           GError     **error);

/* ---- Metrics (nyckeltal) --------------------------------------------- */

/*
 * A new metric as typed; the core parses and checks every field (strings
 * borrowed; NULL or "" is "not given"):
 * @name: required, 1-100 characters after trimming, unique without regard
 *   to case.
 * @description: optional.
 * @unit: required, "percent", "score" or "count".
 * @direction: required, "higher" or "lower".
 * @target: required number (tavla_parse_number()); percent 0-100, score
 *   1-5, count >= 0.
 * @period: "week" (the default when not given) or "month".
 * @per_group: measured per response group (then every measurement names a
 *   group and the overall figure is the roll-up of the groups) or for the
 *   centre as a whole (then no measurement names a group).
 */
typedef struct
{
  const char *name;
  const char *description;
  const char *unit;
  const char *direction;
  const char *target;
  const char *period;
  gboolean    per_group;
} TavlaMetricInput;

/* Board-owned live model of TavlaMetric, ordered by id (transfer none). */
GListModel  *tavla_board_get_metrics (TavlaBoard              *self);
/* Exact name, then without regard to case; NULL when none. */
TavlaMetric *tavla_board_find_metric (TavlaBoard              *self,
                                      const char              *name);
/* Checks @input as above and adds the metric, writing a "created" history
 * row (object_kind "metric"). */
TavlaMetric *tavla_board_add_metric  (TavlaBoard              *self,
                                      const TavlaMetricInput  *input,
                                      const char              *actor,
                                      const char             **out_field,
                                      GError                 **error);

/* ---- Measurements ---------------------------------------------------- */

/*
 * One measurement as typed (from the CLI, a CSV row or the entry form);
 * strings borrowed, NULL or "" (after trimming) is an empty cell:
 * @metric: a metric's name (required, must exist).
 * @period: a period of the metric's own kind: an ISO week "2026-W47" for a
 *   week metric, a month "2026-11" for a month metric.
 * @group: a response group's name: required for a per-group metric, must
 *   be empty for one measured for the whole centre; must exist.
 * @value, or @numerator and @denominator (not both ways; a lone numerator
 *   or denominator is refused): numbers as tavla_parse_number() reads
 *   them, none negative. Percent: a value 0-100, or numerator <=
 *   denominator with denominator > 0 (answered / offered calls, resolved /
 *   all cases; the value is numerator / denominator x 100). Score: a value
 *   1-5, no numerator/denominator. Count: a whole value >= 0, no
 *   numerator/denominator.
 * @respondents: score metrics only, optional, a whole number >= 1.
 */
typedef struct
{
  const char *metric;
  const char *period;
  const char *group;
  const char *value;
  const char *numerator;
  const char *denominator;
  const char *respondents;
} TavlaMeasurementInput;

/*
 * The measurement rules, in one place (the CLI's `measure add`, the CSV
 * import and the entry form all come here). Checks @input against the
 * rules above and the store (metric and group exist) without writing.
 * FALSE with a TAVLA_INPUT_ERROR naming the field; @out_field (may be NULL)
 * is set to that field's name.
 */
gboolean          tavla_board_check_measurement   (TavlaBoard                   *self,
                                                   const TavlaMeasurementInput  *input,
                                                   const char                  **out_field,
                                                   GError                      **error);
/*
 * Checks and records @input. A first measurement for the metric, period and
 * group is added (history row "created"); recording the same key again
 * corrects it (one history row per changed field: "value", "numerator",
 * "denominator", "respondents", object_kind "measurement") or, when nothing
 * differs, writes nothing. The deviation row follows in the same
 * transaction (see TavlaDeviation). @out_outcome (may be NULL) says which
 * of the three happened.
 */
TavlaMeasurement *tavla_board_record_measurement  (TavlaBoard                   *self,
                                                   const TavlaMeasurementInput  *input,
                                                   const char                   *actor,
                                                   TavlaRecordOutcome           *out_outcome,
                                                   const char                  **out_field,
                                                   GError                      **error);
/* The stored measurement for @metric, @period and @group (NULL for
 * overall); TAVLA_STORE_ERROR_NOT_FOUND when there is none, an input error
 * for an unknown metric or group or a bad period. */
TavlaMeasurement *tavla_board_get_measurement     (TavlaBoard                   *self,
                                                   const char                   *metric,
                                                   const char                   *period,
                                                   const char                   *group,
                                                   GError                      **error);
/* The measurement's history (TavlaHistoryEntry), oldest first. */
GListModel       *tavla_board_list_measurement_history (TavlaBoard           *self,
                                                        gint64                measurement_id,
                                                        GError              **error);

/* ---- CSV import ------------------------------------------------------ */

/*
 * One data row of an import. The cells are as read (NULL for an empty
 * cell). @error is NULL for a good row, else "line 4, column value:
 * "abc" is not a number; write it like 94.5" (translated) and @column is the
 * column at fault ("metric", ..., or "line" for a row with the wrong number
 * of cells). @outcome says what importing the row does (or did).
 */
typedef struct
{
  guint               line;
  char               *metric;
  char               *period;
  char               *group;
  char               *value;
  char               *numerator;
  char               *denominator;
  char               *respondents;
  char               *column;
  char               *error;
  TavlaRecordOutcome  outcome;
} TavlaImportRow;

typedef struct
{
  GPtrArray *rows;          /* TavlaImportRow, in file order */
  GPtrArray *errors;        /* char *: every error message, file order;
                               a bad header is the one error of line 1 */
  guint      n_added;
  guint      n_corrected;
  guint      n_unchanged;
  gboolean   written;       /* TRUE when the rows were committed */
} TavlaImportResult;

void tavla_import_result_free (TavlaImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaImportResult, tavla_import_result_free)

#define TAVLA_IMPORT_HEADER "metric,period,group,value,numerator,denominator,respondents"

/*
 * Imports measurements from CSV text: UTF-8 (a BOM is skipped), LF or CRLF
 * line ends, RFC 4180 quoting ("" inside quotes, separators and line
 * breaks inside quoted cells), the header exactly TAVLA_IMPORT_HEADER,
 * empty lines ignored. Every row goes through the measurement rules; two
 * rows for the same metric, period and group are an error naming both
 * lines.
 *
 * All rows or none: every row is checked first. When any row (or the
 * header, or the encoding) is bad, returns FALSE with a TAVLA_INPUT_ERROR
 * whose message lists every error, one per line, and writes nothing.
 * Otherwise, unless @dry_run, writes every row in one transaction as
 * tavla_board_record_measurement() would and returns TRUE. A file without
 * data rows is refused ("the file has no rows to import").
 *
 * @out_result (may be NULL) receives the per-row results in either case,
 * so a preview can show the bad rows: with @dry_run TRUE nothing is ever
 * written and the counts say what importing would do.
 */
gboolean tavla_board_import_measurements (TavlaBoard         *self,
                                          const char         *csv,
                                          gssize              length,
                                          gboolean            dry_run,
                                          const char         *actor,
                                          TavlaImportResult **out_result,
                                          GError            **error);
/* The same for a file; a file that cannot be read is a G_IO_ERROR. */
gboolean tavla_board_import_measurements_file (TavlaBoard         *self,
                                               GFile              *file,
                                               gboolean            dry_run,
                                               const char         *actor,
                                               TavlaImportResult **out_result,
                                               GError            **error);
/*
 * Several measurements at once, all or none, by the same rules and with the
 * same result as an import (the entry form's "Save" for a week's figures):
 * row N of the result is @inputs[N - 1] and its @line is N; messages say
 * "row N, column C: ...". Inputs whose every cell is empty are skipped.
 */
gboolean tavla_board_record_measurements (TavlaBoard                   *self,
                                          const TavlaMeasurementInput  *inputs,
                                          guint                         n_inputs,
                                          gboolean                      dry_run,
                                          const char                   *actor,
                                          TavlaImportResult           **out_result,
                                          GError                      **error);

/* ---- Series and roll-ups --------------------------------------------- */

/* TavlaSeriesPoint and its roll-up rules: see tavla-measurement.h. */

/*
 * The series of @metric (a name) for @group (a response group's name, or
 * NULL for overall) rolled up to @rollup, oldest first, one
 * TavlaSeriesPoint per period that has figures (periods without figures
 * are left out). @rollup must not be finer than the metric's own period (a
 * month metric has no weekly series: field "rollup"). @from and @to (NULL
 * for open ends) are periods of any kind: the series keeps the periods of
 * kind @rollup whose anchor day (tavla_period_get_anchor_day()) lies from
 * the first day of @from to the last day of @to. A group on a metric that
 * is not per group is refused (field "group").
 */
GPtrArray *tavla_board_get_series (TavlaBoard       *self,
                                   const char       *metric,
                                   const char       *group,
                                   TavlaPeriodKind   rollup,
                                   const char       *from,
                                   const char       *to,
                                   GError          **error);

/* ---- Deviations (avvikelser) ----------------------------------------- */

/*
 * Which deviations to list (strings borrowed, NULL for any):
 * @from, @to: periods of any kind, as for tavla_board_get_series(): a
 *   deviation is kept when its period's anchor day lies from the first day
 *   of @from to the last day of @to; for one period give it as both.
 * @metric, @group: names; an unknown name is an input error.
 * @include_resolved: also list deviations whose measurement was corrected
 *   back on target (they are kept when they have a cause or items).
 * @include_overall: also list the deviations of the whole centre for
 *   metrics kept per response group: the overall roll-up of all groups in
 *   a period, off target even when some groups are on it (group NULL,
 *   followed up at centre level like any other deviation: explain, act).
 *   Left out by default so that a list per group stays per group; with
 *   @group set they are never listed.
 */
typedef struct
{
  const char *from;
  const char *to;
  const char *metric;
  const char *group;
  gboolean    include_resolved;
  gboolean    include_overall;
} TavlaDeviationQuery;

/* A new model of TavlaDeviation ordered by period, then metric id, then
 * group (overall first), then id. */
GListModel     *tavla_board_list_deviations  (TavlaBoard                 *self,
                                              const TavlaDeviationQuery  *query,
                                              GError                    **error);
TavlaDeviation *tavla_board_get_deviation    (TavlaBoard                 *self,
                                              gint64                      id,
                                              GError                    **error);
/* Sets the cause (trimmed, 1-1000 characters; field "cause"), writing a
 * history row (object_kind "deviation", field "cause"). The same cause
 * again writes nothing. */
TavlaDeviation *tavla_board_explain_deviation (TavlaBoard                *self,
                                               gint64                     id,
                                               const char                *cause,
                                               const char                *actor,
                                               GError                   **error);
/*
 * Creates an improvement item from the deviation, in one transaction: the
 * item from @fields through the normal item rules (as
 * tavla_board_create_item(); its source is set to "deviation" whatever
 * @fields says), linked to the deviation and to its metric (item_link
 * kinds "deviation" and "metric", history rows field "link" on the item).
 * Returns the new item.
 */
TavlaItem      *tavla_board_act_on_deviation (TavlaBoard                 *self,
                                              gint64                      deviation_id,
                                              const TavlaItemChange      *fields,
                                              const char                 *actor,
                                              GError                    **error);
/* The deviation's history (TavlaHistoryEntry), oldest first. */
GListModel     *tavla_board_list_deviation_history (TavlaBoard           *self,
                                                    gint64                id,
                                                    GError              **error);

/* ---- Items and metrics ----------------------------------------------- */

/*
 * Links an existing item to a metric (by name; field "metric"), writing a
 * history row on the item (field "link", new value the metric's name).
 * Linking it again is not an error and writes nothing. Returns the item,
 * whose has-metric is then TRUE.
 */
TavlaItem *tavla_board_link_item_to_metric (TavlaBoard  *self,
                                            gint64       item_id,
                                            const char  *metric,
                                            const char  *actor,
                                            GError     **error);

/*
 * The effect of an item on one metric it is linked to: the metric's overall
 * series (at the metric's own period) before the item started and after it
 * was done.
 * @started: the day the item first moved to in-progress (from its
 *   history), else the day it was created.
 * @done: the day it last moved to done, NULL when it is not done.
 * @before: up to @n_periods points (oldest first) of the periods that have
 *   figures and end before the period holding @started.
 * @after: the same number of points from the periods after the one holding
 *   @done; empty when not done or no figures yet.
 * When both sides have figures they hold the same number of points: the
 * smaller of the two counts (the latest before, the earliest after).
 * @value_before / @value_after: the roll-up of each side by the series
 * rules (not a mean of the points); @has_before / @has_after say whether
 * there was any. @change = after - before. @improved: the change went the
 * metric's good way (and both sides exist).
 */
typedef struct
{
  gint64          metric_id;
  char           *metric;
  TavlaUnit       unit;
  TavlaDirection  direction;
  TavlaPeriodKind period;
  double          target;
  char           *started;
  char           *done;
  GPtrArray      *before;   /* TavlaSeriesPoint */
  GPtrArray      *after;    /* TavlaSeriesPoint */
  gboolean        has_before;
  gboolean        has_after;
  double          value_before;
  double          value_after;
  double          change;
  gboolean        improved;
} TavlaEffect;

void tavla_effect_free (TavlaEffect *effect);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaEffect, tavla_effect_free)

#define TAVLA_EFFECT_DEFAULT_PERIODS 4

/*
 * One TavlaEffect per metric the item is linked to (directly, or through a
 * deviation of that metric), ordered by metric id; an empty array for an
 * item linked to no metric. @n_periods 0 means
 * TAVLA_EFFECT_DEFAULT_PERIODS. Unknown item: TAVLA_STORE_ERROR_NOT_FOUND.
 */
GPtrArray *tavla_board_get_item_effect (TavlaBoard  *self,
                                        gint64       item_id,
                                        guint        n_periods,
                                        GError     **error);
/* A sentence for the item panel, translated: "Answer rate: 91.8 % in the 4
 * weeks before, 95.3 % in the 4 weeks after (+3.5)", "... not done yet",
 * "... no figures after yet". */
char      *tavla_effect_dup_summary    (const TavlaEffect *effect);

G_END_DECLS
