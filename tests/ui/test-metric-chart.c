/* SPDX-License-Identifier: EUPL-1.2 */

/* The metric chart: its layout decisions without drawing, then the pixels
 * it draws for an empty, a one-point and a two-year series. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "tavla-chart-layout.h"
#include "tavla-metric-chart.h"
#include "ui-test-utils.h"

#define CHART_WIDTH  900
#define CHART_HEIGHT 420

static void
assert_axis_holds (const TavlaChartAxis *axis,
                   double                lo,
                   double                hi)
{
  g_assert_cmpfloat (axis->min, <=, lo);
  g_assert_cmpfloat (axis->max, >=, hi);
  g_assert_cmpuint (axis->n_ticks, >=, 3);
  g_assert_cmpuint (axis->n_ticks, <=, 8);
  g_assert_cmpfloat_with_epsilon (tavla_chart_axis_tick (axis, axis->n_ticks - 1), axis->max, 1e-9);
}

static void
test_axis (void)
{
  double answer_rates[] = { 88.2, 93.5, 97.1, 91.0 };
  double scores[] = { 4.12, 4.38, 4.25 };
  double counts[] = { 1200, 1480, 990 };
  double full[] = { 0.0, 100.0 };
  TavlaChartAxis axis;

  /* The target is always in view, even above every value. */
  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, answer_rates, 4, 98.0, TRUE);
  assert_axis_holds (&axis, 88.2, 98.0);
  g_assert_cmpfloat (axis.max, <=, 100.0);
  g_assert_cmpuint (axis.decimals, ==, 0);

  /* Scores stay on the 1-5 scale and get the decimal they need. */
  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_SCORE, scores, 3, 4.3, TRUE);
  assert_axis_holds (&axis, 4.12, 4.38);
  g_assert_cmpfloat (axis.min, >=, 1.0);
  g_assert_cmpfloat (axis.max, <=, 5.0);
  g_assert_cmpuint (axis.decimals, >=, 1);

  /* Counts in whole steps from zero up. */
  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_COUNT, counts, 3, 0.0, FALSE);
  assert_axis_holds (&axis, 990, 1480);
  g_assert_cmpfloat (axis.min, >=, 0.0);
  g_assert_cmpfloat (fmod (axis.step, 1.0), ==, 0.0);

  /* Nothing measured: the whole scale. */
  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, NULL, 0, 0.0, FALSE);
  g_assert_cmpfloat (axis.min, ==, 0.0);
  g_assert_cmpfloat (axis.max, ==, 100.0);

  /* One flat value still gets a readable range around it. */
  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, answer_rates, 1, 0.0, FALSE);
  assert_axis_holds (&axis, 88.2, 88.2);
  g_assert_cmpfloat (axis.max - axis.min, >=, 4.0);

  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, full, 2, 95.0, TRUE);
  g_assert_cmpfloat (axis.min, ==, 0.0);
  g_assert_cmpfloat (axis.max, ==, 100.0);
}

/* Whatever the width and the number of periods, the labels drawn never
 * overlap, and the latest period is always labelled. */
static void
test_labels_never_overlap (void)
{
  guint counts[] = { 1, 2, 5, 13, 26, 52, 104, 260 };
  TavlaChartAxis axis;

  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, NULL, 0, 95.0, TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (double width = 320; width <= 1920; width += 37)
      {
        TavlaChartLayout layout;
        double label_width = 64.0;
        double previous_right = -INFINITY;
        guint shown = 0;

        tavla_chart_layout_compute (&layout, &axis, counts[c], width, 400, 48, label_width, 20, 28);
        g_assert_true (tavla_chart_label_shown (&layout, counts[c] - 1));
        for (guint i = 0; i < counts[c]; i++)
          {
            double left;

            if (!tavla_chart_label_shown (&layout, i))
              continue;
            left = tavla_chart_layout_label_left (&layout, i, label_width);
            g_assert_cmpfloat (left, >=, previous_right);
            g_assert_cmpfloat (left, >=, layout.plot.x);
            g_assert_cmpfloat (left + label_width, <=, width);
            previous_right = left + label_width;
            shown++;
          }
        g_assert_cmpuint (shown, >=, 1);
      }
}

static void
test_layout_positions (void)
{
  TavlaChartAxis axis;
  TavlaChartLayout layout;
  double values[] = { 80.0, 100.0 };

  tavla_chart_axis_compute (&axis, TAVLA_CHART_UNIT_PERCENT, values, 2, 95.0, TRUE);
  tavla_chart_layout_compute (&layout, &axis, 2, 800, 400, 50, 60, 20, 28);

  /* Higher values are higher up, the axis ends at the plot's edges. */
  g_assert_cmpfloat (tavla_chart_layout_y (&layout, 100.0), <, tavla_chart_layout_y (&layout, 80.0));
  g_assert_cmpfloat_with_epsilon (tavla_chart_layout_y (&layout, axis.max), layout.plot.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (tavla_chart_layout_y (&layout, axis.min),
                                  layout.plot.y + layout.plot.height, 1e-9);
  g_assert_cmpfloat (tavla_chart_layout_x (&layout, 0), <, tavla_chart_layout_x (&layout, 1));
  g_assert_cmpfloat (tavla_chart_layout_x (&layout, 1), <, layout.plot.x + layout.plot.width);
  g_assert_cmpuint (tavla_chart_label_stride (10.0, 55.0, 16.0), ==, 8);
  g_assert_cmpuint (tavla_chart_label_stride (100.0, 55.0, 16.0), ==, 1);
}

static void
test_format_value (void)
{
  g_autofree char *percent = tavla_chart_format_value (TAVLA_CHART_UNIT_PERCENT, 95.0, 0);
  g_autofree char *score = tavla_chart_format_value (TAVLA_CHART_UNIT_SCORE, 4.3, 1);
  g_autofree char *swedish = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));

  g_assert_cmpstr (percent, ==, "95 %");
  g_assert_cmpstr (score, ==, "4.3");

  /* The Swedish UI gets the decimal comma. */
  if (setlocale (LC_NUMERIC, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("no sv_SE.UTF-8 locale");
      return;
    }
  swedish = tavla_chart_format_value (TAVLA_CHART_UNIT_SCORE, 4.3, 1);
  setlocale (LC_NUMERIC, old);
  g_assert_cmpstr (swedish, ==, "4,3");
}

/* Pixels in the theme's accent (the series) and error (deviation) colours
 * of light Adwaita, and dark ones (text and the target line). */
typedef struct
{
  guint series;
  guint deviation;
  guint ink;
} PixelCount;

static gboolean
is_series (const guint8 *p)
{
  /* Cairo's ARGB32 is premultiplied BGRA in memory on little endian. */
  return p[3] > 200 && p[0] > 150 && p[2] < 120;
}

static gboolean
is_deviation (const guint8 *p)
{
  return p[3] > 200 && p[2] > 150 && p[1] < 90 && p[0] < 90;
}

static gboolean
is_ink (const guint8 *p)
{
  return p[3] > 120 && p[0] < 100 && p[1] < 100 && p[2] < 100;
}

static void
count_pixels (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              x1,
              int              y1,
              PixelCount      *count)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  memset (count, 0, sizeof *count);
  for (int y = MAX (y0, 0); y < MIN (y1, CHART_HEIGHT); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, CHART_WIDTH); x++)
      {
        const guint8 *p = data + y * stride + x * 4;

        count->series += is_series (p);
        count->deviation += is_deviation (p);
        count->ink += is_ink (p);
      }
}

static cairo_surface_t *
render (TavlaMetricChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  tavla_metric_chart_draw (chart, cr, CHART_WIDTH, CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* TAVLA_TEST_CHART_DIR=/tmp keeps the rendered charts to look at. */
  if (g_getenv ("TAVLA_TEST_CHART_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("chart-%u.png", tavla_metric_chart_get_n_points (chart));
      g_autofree char *path = g_build_filename (g_getenv ("TAVLA_TEST_CHART_DIR"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static TavlaMetricChart *
new_chart (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = tavla_metric_chart_new ();

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), CHART_WIDTH, CHART_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();
  return TAVLA_METRIC_CHART (chart);
}

static void
destroy_chart (TavlaMetricChart *chart)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (chart))));
  ui_test_iterate ();
}

static void
test_render_empty (void)
{
  TavlaMetricChart *chart = new_chart ();
  cairo_surface_t *surface;
  PixelCount all, middle;

  tavla_metric_chart_set_series (chart, TAVLA_CHART_UNIT_PERCENT, NULL, 0, 95.0, TRUE);
  surface = render (chart);

  /* No line, no markers, no target: only the message in the middle. */
  count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, &all);
  count_pixels (surface, CHART_WIDTH / 4, CHART_HEIGHT / 2 - 20, CHART_WIDTH * 3 / 4, CHART_HEIGHT / 2 + 20, &middle);
  g_assert_cmpuint (all.series, ==, 0);
  g_assert_cmpuint (all.deviation, ==, 0);
  g_assert_cmpuint (middle.ink, >, 50);
  g_assert_cmpuint (middle.ink, ==, all.ink);

  cairo_surface_destroy (surface);
  destroy_chart (chart);
}

static void
test_render_one_point (void)
{
  TavlaMetricChart *chart = new_chart ();
  TavlaChartPoint point = { "w. 47", "Week 47 2026", "2026", 91.5, TRUE };
  TavlaChartLayout layout;
  cairo_surface_t *surface;
  PixelCount around, all;
  int x, y;

  tavla_metric_chart_set_series (chart, TAVLA_CHART_UNIT_PERCENT, &point, 1, 95.0, TRUE);
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 1);
  g_assert_cmpuint (tavla_metric_chart_get_n_deviations (chart), ==, 1);
  surface = render (chart);
  tavla_metric_chart_get_layout (chart, CHART_WIDTH, CHART_HEIGHT, &layout);

  /* The one period sits in the middle of the plot, marked as a deviation. */
  x = (int) tavla_chart_layout_x (&layout, 0);
  y = (int) tavla_chart_layout_y (&layout, 91.5);
  g_assert_cmpfloat (fabs (x - (layout.plot.x + layout.plot.width / 2)), <, 1.0);
  count_pixels (surface, x - 10, y - 10, x + 10, y + 10, &around);
  g_assert_cmpuint (around.deviation, >, 40);
  count_pixels (surface, 0, (int) layout.plot.y, CHART_WIDTH, CHART_HEIGHT, &all);
  g_assert_cmpuint (all.deviation, ==, around.deviation);
  g_assert_true (tavla_chart_label_shown (&layout, 0));

  cairo_surface_destroy (surface);
  destroy_chart (chart);
}

static void
test_render_two_years (void)
{
  TavlaMetricChart *chart = new_chart ();
  TavlaChartPoint points[104];
  char *labels[104] = { NULL, };
  TavlaChartLayout layout;
  cairo_surface_t *surface;
  PixelCount row, above, all;
  guint n_deviations = 0;
  guint n_labels = 0;
  int target_y;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double value = 94.0 + 3.0 * sin (i / 8.0) - (i % 52 >= 30 && i % 52 <= 34 ? 9.0 : 0.0);

      labels[i] = g_strdup_printf ("w. %u", i % 52 + 1);
      points[i] = (TavlaChartPoint) { labels[i], NULL, i < 52 ? "2025" : "2026", value, value < 95.0 };
      n_deviations += value < 95.0;
    }

  tavla_metric_chart_set_series (chart, TAVLA_CHART_UNIT_PERCENT, points, 104, 95.0, TRUE);
  g_assert_cmpuint (tavla_metric_chart_get_n_deviations (chart), ==, n_deviations);
  surface = render (chart);
  tavla_metric_chart_get_layout (chart, CHART_WIDTH, CHART_HEIGHT, &layout);

  /* The dashed target line runs across the plot at 95 %. */
  target_y = (int) round (tavla_chart_layout_y (&layout, 95.0));
  count_pixels (surface, (int) layout.plot.x, target_y - 1, (int) (layout.plot.x + layout.plot.width / 2),
                target_y + 1, &row);
  count_pixels (surface, (int) layout.plot.x, target_y - 12, (int) (layout.plot.x + layout.plot.width / 2),
                target_y - 10, &above);
  g_assert_cmpuint (row.ink, >, layout.plot.width / 2 * 0.4);
  g_assert_cmpuint (above.ink, <, row.ink / 4);

  /* The line and the deviation markers are there. */
  count_pixels (surface, 0, 0, CHART_WIDTH, CHART_HEIGHT, &all);
  g_assert_cmpuint (all.series, >, 500);
  g_assert_cmpuint (all.deviation, >, n_deviations * 20);

  /* Labels thinned so none overlap, but still several. */
  g_assert_cmpuint (layout.label_stride, >, 1);
  for (guint i = 0; i < 104; i++)
    n_labels += tavla_chart_label_shown (&layout, i);
  g_assert_cmpuint (n_labels, >=, 4);
  g_assert_cmpuint (n_labels, <=, 104 / layout.label_stride + 1);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_free (labels[i]);
  cairo_surface_destroy (surface);
  destroy_chart (chart);
}

/* The widget's own snapshot renders without warnings at its size. */
static void
test_snapshot (void)
{
  TavlaMetricChart *chart = new_chart ();
  TavlaChartPoint points[] = { { "w. 46", NULL, NULL, 96.0, FALSE }, { "w. 47", NULL, NULL, 90.0, TRUE } };
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  tavla_metric_chart_set_series (chart, TAVLA_CHART_UNIT_PERCENT, points, 2, 95.0, TRUE);
  ui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 300);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (chart));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (chart)),
                          gtk_widget_get_height (GTK_WIDGET (chart)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  g_clear_object (&paintable);
  destroy_chart (chart);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/chart/axis", test_axis);
  g_test_add_func ("/chart/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/layout-positions", test_layout_positions);
  g_test_add_func ("/chart/format-value", test_format_value);
  g_test_add_func ("/chart/render-empty", test_render_empty);
  g_test_add_func ("/chart/render-one-point", test_render_one_point);
  g_test_add_func ("/chart/render-two-years", test_render_two_years);
  g_test_add_func ("/chart/snapshot", test_snapshot);

  return ui_test_run ();
}
