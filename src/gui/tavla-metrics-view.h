/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

#include "tavla-metric-chart.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_METRICS_VIEW (tavla_metrics_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMetricsView, tavla_metrics_view, TAVLA, METRICS_VIEW, GtkWidget)

GtkWidget        *tavla_metrics_view_new               (void);
TavlaBoard       *tavla_metrics_view_get_board         (TavlaMetricsView *self);
void              tavla_metrics_view_set_board         (TavlaMetricsView *self,
                                                        TavlaBoard       *board);
gboolean          tavla_metrics_view_select_metric     (TavlaMetricsView *self,
                                                        const char       *name);
TavlaMetric      *tavla_metrics_view_get_metric        (TavlaMetricsView *self);
void              tavla_metrics_view_set_group         (TavlaMetricsView *self,
                                                        const char       *group);
void              tavla_metrics_view_set_rollup        (TavlaMetricsView *self,
                                                        TavlaPeriodKind   rollup);
gboolean          tavla_metrics_view_set_period        (TavlaMetricsView *self,
                                                        const char       *period);
char             *tavla_metrics_view_dup_period        (TavlaMetricsView *self);
gboolean          tavla_metrics_view_get_empty         (TavlaMetricsView *self);
TavlaMetricChart *tavla_metrics_view_get_chart         (TavlaMetricsView *self);
GtkListBox       *tavla_metrics_view_get_metric_list   (TavlaMetricsView *self);
GtkListBox       *tavla_metrics_view_get_deviation_list (TavlaMetricsView *self);
GListModel       *tavla_metrics_view_get_deviations    (TavlaMetricsView *self);

G_END_DECLS
