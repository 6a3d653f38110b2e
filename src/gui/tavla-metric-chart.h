/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

#include "tavla-chart-layout.h"

G_BEGIN_DECLS

/* One period of a series as the chart draws it. Strings are borrowed. */
typedef struct
{
  const char *label;       /* the period's short label: "w. 47", "Nov 2026" */
  const char *long_label;  /* for the tooltip, may be NULL */
  const char *year_label;  /* the year row under the labels ("2026"), may be NULL */
  double      value;
  gboolean    deviation;   /* on the wrong side of the target */
} TavlaChartPoint;

#define TAVLA_TYPE_METRIC_CHART (tavla_metric_chart_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMetricChart, tavla_metric_chart, TAVLA, METRIC_CHART, GtkWidget)

GtkWidget *tavla_metric_chart_new          (void);
void       tavla_metric_chart_set_series   (TavlaMetricChart      *self,
                                            TavlaChartUnit         unit,
                                            const TavlaChartPoint *points,
                                            guint                  n_points,
                                            double                 target,
                                            gboolean               has_target);
guint      tavla_metric_chart_get_n_points (TavlaMetricChart      *self);
guint      tavla_metric_chart_get_n_deviations (TavlaMetricChart  *self);
/* The layout the chart uses at @width x @height (for tests). */
void       tavla_metric_chart_get_layout   (TavlaMetricChart      *self,
                                            int                    width,
                                            int                    height,
                                            TavlaChartLayout      *out_layout);
/* Draws the chart as its snapshot does, into any cairo context. */
void       tavla_metric_chart_draw         (TavlaMetricChart      *self,
                                            cairo_t               *cr,
                                            int                    width,
                                            int                    height);

G_END_DECLS
