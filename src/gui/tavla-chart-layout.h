/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The layout decisions of the metric chart as pure functions on plain
 * structs, so they are tested without a display: the value axis (range and
 * ticks), where each period sits, and which period labels are drawn so that
 * none overlap.
 */

typedef enum
{
  TAVLA_CHART_UNIT_PERCENT,
  TAVLA_CHART_UNIT_SCORE,
  TAVLA_CHART_UNIT_COUNT,
} TavlaChartUnit;

typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;    /* ticks at min, min + step, ..., max */
  guint  decimals;   /* decimals the tick labels need */
} TavlaChartAxis;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TavlaChartRect;

typedef struct
{
  TavlaChartRect plot;
  TavlaChartAxis axis;
  guint          n_points;
  guint          label_stride;        /* every label_stride-th period is labelled */
  double         period_label_width;  /* the widest period label */
} TavlaChartLayout;

/* The value axis for @values (and the target, which is always in view):
 * "nice" steps of 1, 2 or 5 times a power of ten, three to eight
 * ticks, never below 0 (percent, count) or 1 (score), never above 100
 * (percent) or 5 (score). Without values the unit's whole scale. */
void     tavla_chart_axis_compute      (TavlaChartAxis *axis,
                                        TavlaChartUnit  unit,
                                        const double   *values,
                                        guint           n_values,
                                        double          target,
                                        gboolean        has_target);
double   tavla_chart_axis_tick         (const TavlaChartAxis *axis,
                                        guint                 index);

/* How many periods one label must span so that labels @label_width wide
 * keep @min_gap between them when each period gets @slot_width. */
guint    tavla_chart_label_stride      (double slot_width,
                                        double label_width,
                                        double min_gap);
/* Whether the period at @index gets a label: counted back from the latest
 * period, which is always labelled. */
gboolean tavla_chart_label_shown       (const TavlaChartLayout *layout,
                                        guint                   index);

/* Places the plot inside a @width x @height chart, leaving room for the
 * value labels (@value_label_width) on the left, the period labels
 * (@label_height) below and the legend (@legend_height) above, and picks
 * the label stride for period labels @period_label_width wide. */
void     tavla_chart_layout_compute    (TavlaChartLayout     *layout,
                                        const TavlaChartAxis *axis,
                                        guint                 n_points,
                                        double                width,
                                        double                height,
                                        double                value_label_width,
                                        double                period_label_width,
                                        double                label_height,
                                        double                legend_height);
/* The centre of period @index, and the height of @value, in chart
 * coordinates. */
double   tavla_chart_layout_x          (const TavlaChartLayout *layout,
                                        guint                   index);
double   tavla_chart_layout_y          (const TavlaChartLayout *layout,
                                        double                  value);
/* The width one period gets. */
double   tavla_chart_layout_slot       (const TavlaChartLayout *layout);
/* Where a label @label_width wide centred on period @index goes: centred,
 * but pushed inside the plot at both ends. */
double   tavla_chart_layout_label_left (const TavlaChartLayout *layout,
                                        guint                   index,
                                        double                  label_width);

/* "95 %", "4,3", "1 250": @value for people in the current locale with
 * @decimals decimals. */
char    *tavla_chart_format_value      (TavlaChartUnit unit,
                                        double         value,
                                        guint          decimals);

G_END_DECLS
