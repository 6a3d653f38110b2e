/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tavla-chart-layout.h"

/* Room around the plot for the legend, the target label and the ends of
 * the period labels. */
#define PLOT_GAP       12.0
#define RIGHT_MARGIN   16.0
#define LABEL_MIN_GAP  16.0

/* 1, 2 or 5 times a power of ten: ticks like 90, 92, 94 or 4.2, 4.4 that
 * read without a decimal more than the figures themselves have. */
static double
nice_step (double raw)
{
  double power = pow (10.0, floor (log10 (raw)));
  double fraction = raw / power;

  if (fraction <= 1.0)
    return power;
  if (fraction <= 2.0)
    return 2.0 * power;
  if (fraction <= 5.0)
    return 5.0 * power;
  return 10.0 * power;
}

static guint
decimals_for_step (double step)
{
  guint decimals = 0;
  double scaled = step;

  while (decimals < 3 && fabs (scaled - round (scaled)) > 1e-9)
    {
      scaled *= 10.0;
      decimals++;
    }

  return decimals;
}

static void
unit_scale (TavlaChartUnit  unit,
            double         *out_floor,
            double         *out_ceiling,
            double         *out_min_span)
{
  switch (unit)
    {
    case TAVLA_CHART_UNIT_PERCENT:
      *out_floor = 0.0;
      *out_ceiling = 100.0;
      *out_min_span = 4.0;
      break;

    case TAVLA_CHART_UNIT_SCORE:
      *out_floor = 1.0;
      *out_ceiling = 5.0;
      *out_min_span = 0.4;
      break;

    case TAVLA_CHART_UNIT_COUNT:
    default:
      *out_floor = 0.0;
      *out_ceiling = INFINITY;
      *out_min_span = 4.0;
      break;
    }
}

void
tavla_chart_axis_compute (TavlaChartAxis *axis,
                          TavlaChartUnit  unit,
                          const double   *values,
                          guint           n_values,
                          double          target,
                          gboolean        has_target)
{
  double floor_value, ceiling, min_span;
  double lo = INFINITY, hi = -INFINITY;
  double span, pad, step;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  unit_scale (unit, &floor_value, &ceiling, &min_span);

  for (guint i = 0; i < n_values; i++)
    {
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
    }
  if (has_target)
    {
      lo = MIN (lo, target);
      hi = MAX (hi, target);
    }

  /* Nothing to show: the unit's whole scale, so the empty chart still
   * says what it will hold. */
  if (lo > hi)
    {
      lo = floor_value;
      hi = isfinite (ceiling) ? ceiling : 10.0;
    }

  span = hi - lo;
  if (span < min_span)
    {
      double middle = (lo + hi) / 2.0;

      lo = middle - min_span / 2.0;
      hi = middle + min_span / 2.0;
      span = min_span;
    }

  /* A little air so the extreme points and the target line do not sit on
   * the plot's edge. */
  pad = span * 0.08;
  lo = MAX (lo - pad, floor_value);
  hi = MIN (hi + pad, ceiling);

  step = nice_step ((hi - lo) / 5.0);
  if (unit == TAVLA_CHART_UNIT_COUNT)
    step = MAX (ceil (step), 1.0);

  axis->step = step;
  axis->min = MAX (floor (lo / step + 1e-9) * step, floor_value);
  axis->max = MIN (ceil (hi / step - 1e-9) * step, ceiling);
  if (axis->max <= axis->min)
    axis->max = axis->min + step;
  axis->n_ticks = (guint) round ((axis->max - axis->min) / step) + 1;
  axis->decimals = decimals_for_step (step);
}

double
tavla_chart_axis_tick (const TavlaChartAxis *axis,
                       guint                 index)
{
  g_return_val_if_fail (axis != NULL, 0.0);

  return axis->min + axis->step * index;
}

guint
tavla_chart_label_stride (double slot_width,
                          double label_width,
                          double min_gap)
{
  double needed = label_width + min_gap;

  if (slot_width <= 0.0)
    return 1;

  return MAX (1, (guint) ceil (needed / slot_width - 1e-9));
}

void
tavla_chart_layout_compute (TavlaChartLayout     *layout,
                            const TavlaChartAxis *axis,
                            guint                 n_points,
                            double                width,
                            double                height,
                            double                value_label_width,
                            double                period_label_width,
                            double                label_height,
                            double                legend_height)
{
  double right;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (axis != NULL);

  layout->axis = *axis;
  layout->n_points = n_points;
  layout->period_label_width = period_label_width;

  /* The latest period's label is centred on it, so the right margin
   * holds half a label. */
  right = MAX (RIGHT_MARGIN, period_label_width / 2.0);
  layout->plot.x = value_label_width + PLOT_GAP;
  layout->plot.y = legend_height + PLOT_GAP;
  layout->plot.width = MAX (1.0, width - layout->plot.x - right);
  layout->plot.height = MAX (1.0, height - layout->plot.y - label_height - PLOT_GAP);
  layout->label_stride = tavla_chart_label_stride (tavla_chart_layout_slot (layout),
                                                   period_label_width, LABEL_MIN_GAP);
}

double
tavla_chart_layout_slot (const TavlaChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0.0);

  return layout->plot.width / MAX (layout->n_points, 1);
}

double
tavla_chart_layout_x (const TavlaChartLayout *layout,
                      guint                   index)
{
  g_return_val_if_fail (layout != NULL, 0.0);

  return layout->plot.x + tavla_chart_layout_slot (layout) * (index + 0.5);
}

double
tavla_chart_layout_y (const TavlaChartLayout *layout,
                      double                  value)
{
  double range;

  g_return_val_if_fail (layout != NULL, 0.0);

  range = layout->axis.max - layout->axis.min;
  if (range <= 0.0)
    return layout->plot.y + layout->plot.height / 2.0;
  return layout->plot.y + layout->plot.height * (layout->axis.max - value) / range;
}

double
tavla_chart_layout_label_left (const TavlaChartLayout *layout,
                               guint                   index,
                               double                  label_width)
{
  double left;

  g_return_val_if_fail (layout != NULL, 0.0);

  left = tavla_chart_layout_x (layout, index) - label_width / 2.0;
  return MAX (left, layout->plot.x);
}

gboolean
tavla_chart_label_shown (const TavlaChartLayout *layout,
                         guint                   index)
{
  guint stride;
  guint next;
  double width;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (index >= layout->n_points)
    return FALSE;

  stride = MAX (layout->label_stride, 1);
  if ((layout->n_points - 1 - index) % stride != 0)
    return FALSE;

  /* The first label may be pushed right to stay inside the plot; it is
   * dropped rather than drawn over its neighbour. */
  next = index + stride;
  width = layout->period_label_width;
  if (next < layout->n_points &&
      tavla_chart_layout_label_left (layout, index, width) + width + LABEL_MIN_GAP >
      tavla_chart_layout_label_left (layout, next, width))
    return FALSE;

  return TRUE;
}

char *
tavla_chart_format_value (TavlaChartUnit unit,
                          double         value,
                          guint          decimals)
{
  g_autofree char *number = NULL;

  /* printf follows LC_NUMERIC, so Swedish gets "4,3" and "1 250". */
  if (unit == TAVLA_CHART_UNIT_COUNT)
    number = g_strdup_printf ("%'.*f", (int) decimals, value);
  else
    number = g_strdup_printf ("%.*f", (int) decimals, value);

  if (unit == TAVLA_CHART_UNIT_PERCENT)
    /* TRANSLATORS: a percentage in charts and lists: "95 %". */
    return g_strdup_printf (_("%s %%"), number);

  return g_steal_pointer (&number);
}
