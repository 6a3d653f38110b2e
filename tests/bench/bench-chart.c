/* SPDX-License-Identifier: EUPL-1.2 */

/* The chart side of the issue 3 benchmark: how long the metric chart takes
 * to redraw (layout + cairo drawing into a 1280x480 image, what one frame
 * of the Metrics page costs) for 26, 104 and 260 weekly points. Prints
 * the median and the worst of 200 redraws each; a frame is 16.7 ms. */

#include <adwaita.h>
#include <stdio.h>

#include "tavla-metric-chart.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (guint n_points)
{
  GtkWidget *chart = g_object_ref_sink (tavla_metric_chart_new ());
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (TavlaChartPoint));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) timings = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 480);

  for (guint i = 0; i < n_points; i++)
    {
      char *label = g_strdup_printf ("w. %u", i % 52 + 1);
      TavlaChartPoint point = {
        .label = label,
        .year_label = i % 52 == 0 ? "2026" : NULL,
        .value = 90.0 + 8.0 * ((i * 7919) % 100) / 100.0,
      };

      point.deviation = point.value < 95.0;
      g_ptr_array_add (labels, label);
      g_array_append_val (points, point);
    }
  tavla_metric_chart_set_series (TAVLA_METRIC_CHART (chart), TAVLA_CHART_UNIT_PERCENT,
                                 (TavlaChartPoint *) points->data, points->len, 95.0, TRUE);

  for (guint run = 0; run < 200; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double ms;

      tavla_metric_chart_draw (TAVLA_METRIC_CHART (chart), cr, 1280, 480);
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (timings, ms);
      cairo_destroy (cr);
    }

  g_array_sort (timings, compare_doubles);
  printf ("chart redraw %3u points: median %.2f ms, max %.2f ms (frame: 16.7 ms)\n", n_points,
          g_array_index (timings, double, timings->len / 2),
          g_array_index (timings, double, timings->len - 1));
  cairo_surface_destroy (surface);
  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  adw_init ();
  measure (26);
  measure (104);
  measure (260);
  return 0;
}
