/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tavla-metric-chart.h"

/*
 * A metric's series drawn with cairo for the weekly meeting's projector:
 * large type, thick lines, the target as a dashed line with its value, and
 * deviations as red diamonds (a shape as well as a colour). Colours come
 * from the theme, so the chart follows dark mode. The layout decisions are
 * in tavla-chart-layout.c, where they are tested without a display.
 */

#define TICK_FONT_PX    15
#define TARGET_FONT_PX  16
#define EMPTY_FONT_PX   20
#define LINE_WIDTH      3.5
#define TARGET_WIDTH    3.0

typedef struct
{
  char     *label;
  char     *long_label;
  char     *year_label;
  double    value;
  gboolean  deviation;
} Point;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA error;
  GdkRGBA background;
} Colors;

struct _TavlaMetricChart
{
  GtkWidget       parent_instance;

  /* Owned references */
  GArray         *points;    /* Point */

  TavlaChartUnit  unit;
  double          target;
  gboolean        has_target;
  guint           n_deviations;
  gboolean        has_years;      /* a second row of labels for the years */

  /* Measured once per series and font, not on every frame. */
  int             period_label_width;   /* -1 until measured */
  int             label_height;
};

G_DEFINE_FINAL_TYPE (TavlaMetricChart, tavla_metric_chart, GTK_TYPE_WIDGET)

static void
point_clear (Point *point)
{
  g_clear_pointer (&point->label, g_free);
  g_clear_pointer (&point->long_label, g_free);
  g_clear_pointer (&point->year_label, g_free);
}

static PangoLayout *
create_layout (TavlaMetricChart *self,
               const char       *text,
               int               pixels,
               gboolean          bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr(PangoFontDescription) font = base != NULL ? pango_font_description_copy (base)
                                                      : pango_font_description_new ();

  pango_font_description_set_absolute_size (font, pixels * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
text_size (TavlaMetricChart *self,
           const char       *text,
           int               pixels,
           gboolean          bold,
           int              *out_width,
           int              *out_height)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, pixels, bold);

  pango_layout_get_pixel_size (layout, out_width, out_height);
}

static void
resolve_colors (TavlaMetricChart *self,
                Colors           *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    gdk_rgba_parse (&colors->accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "error_color", &colors->error))
    gdk_rgba_parse (&colors->error, "#c01c28");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->background))
    gdk_rgba_parse (&colors->background, "#ffffff");
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (TavlaMetricChart *self,
           cairo_t          *cr,
           const char       *text,
           int               pixels,
           gboolean          bold,
           double            x,
           double            y)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, pixels, bold);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
diamond_path (cairo_t *cr,
              double   x,
              double   y,
              double   radius)
{
  cairo_move_to (cr, x, y - radius);
  cairo_line_to (cr, x + radius, y);
  cairo_line_to (cr, x, y + radius);
  cairo_line_to (cr, x - radius, y);
  cairo_close_path (cr);
}

static void
draw_deviation_marker (cairo_t      *cr,
                       const Colors *colors,
                       double        x,
                       double        y,
                       double        radius)
{
  diamond_path (cr, x, y, radius + 2.0);
  set_source (cr, &colors->background, 1.0);
  cairo_fill (cr);
  diamond_path (cr, x, y, radius);
  set_source (cr, &colors->error, 1.0);
  cairo_fill (cr);
}

static guint
values_of (TavlaMetricChart *self,
           double          **out_values)
{
  double *values = g_new (double, MAX (self->points->len, 1));

  for (guint i = 0; i < self->points->len; i++)
    values[i] = g_array_index (self->points, Point, i).value;
  *out_values = values;
  return self->points->len;
}

static int
widest_period_label (TavlaMetricChart *self,
                     int              *out_height)
{
  int widest = 0;
  int height = 0;

  if (self->period_label_width >= 0)
    {
      *out_height = self->label_height;
      return self->period_label_width;
    }

  text_size (self, "0", TICK_FONT_PX, FALSE, NULL, &height);
  for (guint i = 0; i < self->points->len; i++)
    {
      int width = 0;

      text_size (self, g_array_index (self->points, Point, i).label, TICK_FONT_PX, FALSE, &width, NULL);
      widest = MAX (widest, width);
    }

  self->period_label_width = widest;
  self->label_height = height;
  *out_height = height;
  return widest;
}

static int
widest_value_label (TavlaMetricChart     *self,
                    const TavlaChartAxis *axis)
{
  int widest = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *text = tavla_chart_format_value (self->unit, tavla_chart_axis_tick (axis, i),
                                                        axis->decimals);
      int width = 0;

      text_size (self, text, TICK_FONT_PX, FALSE, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

static void
compute_layout (TavlaMetricChart *self,
                int               width,
                int               height,
                TavlaChartLayout *layout)
{
  g_autofree double *values = NULL;
  TavlaChartAxis axis;
  int label_height = 0;
  int period_width;
  guint n;

  n = values_of (self, &values);
  tavla_chart_axis_compute (&axis, self->unit, values, n, self->target, self->has_target);
  period_width = widest_period_label (self, &label_height);
  tavla_chart_layout_compute (layout, &axis, n, width, height,
                              widest_value_label (self, &axis), period_width,
                              self->has_years ? 2 * label_height + 4 : label_height,
                              label_height + 8);
}

static void
draw_grid (TavlaMetricChart       *self,
           cairo_t                *cr,
           const Colors           *colors,
           const TavlaChartLayout *layout)
{
  const TavlaChartRect *plot = &layout->plot;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < layout->axis.n_ticks; i++)
    {
      double value = tavla_chart_axis_tick (&layout->axis, i);
      double y = round (tavla_chart_layout_y (layout, value)) + 0.5;
      g_autofree char *text = tavla_chart_format_value (self->unit, value, layout->axis.decimals);
      int width = 0, height = 0;

      set_source (cr, &colors->fg, 0.12);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);

      text_size (self, text, TICK_FONT_PX, FALSE, &width, &height);
      set_source (cr, &colors->fg, 0.8);
      show_text (self, cr, text, TICK_FONT_PX, FALSE, plot->x - 12 - width, y - height / 2.0);
    }
}

static void
draw_period_labels (TavlaMetricChart       *self,
                    cairo_t                *cr,
                    const Colors           *colors,
                    const TavlaChartLayout *layout)
{
  double y = layout->plot.y + layout->plot.height + 10;

  set_source (cr, &colors->fg, 0.8);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      g_autoptr(PangoLayout) text = NULL;
      int width = 0;

      if (!tavla_chart_label_shown (layout, i))
        continue;

      text = create_layout (self, point->label, TICK_FONT_PX, FALSE);
      pango_layout_get_pixel_size (text, &width, NULL);
      cairo_move_to (cr, tavla_chart_layout_label_left (layout, i, width), y);
      pango_cairo_show_layout (cr, text);
    }
}

/* The years under the period labels, each at its first period with a
 * faint line where the year turns. Drawn from the latest back, and one
 * that would overlap the year after it is left out. */
static void
draw_years (TavlaMetricChart       *self,
            cairo_t                *cr,
            const Colors           *colors,
            const TavlaChartLayout *layout)
{
  const TavlaChartRect *plot = &layout->plot;
  double slot = tavla_chart_layout_slot (layout);
  double y = plot->y + plot->height + 10 + self->label_height + 4;
  double next_left = plot->x + plot->width + 1000.0;

  for (guint i = self->points->len; i > 0; i--)
    {
      const Point *point = &g_array_index (self->points, Point, i - 1);
      const Point *before = i > 1 ? &g_array_index (self->points, Point, i - 2) : NULL;
      g_autoptr(PangoLayout) text = NULL;
      double left;
      int width = 0;

      if (point->year_label == NULL ||
          (before != NULL && g_strcmp0 (before->year_label, point->year_label) == 0))
        continue;

      left = plot->x + slot * (i - 1);
      if (before != NULL)
        {
          set_source (cr, &colors->fg, 0.25);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, round (left) + 0.5, plot->y);
          cairo_line_to (cr, round (left) + 0.5, plot->y + plot->height);
          cairo_stroke (cr);
        }

      text = create_layout (self, point->year_label, TICK_FONT_PX, TRUE);
      pango_layout_get_pixel_size (text, &width, NULL);
      left = MAX (left + 4, plot->x);
      if (left + width + 12 > next_left)
        continue;

      set_source (cr, &colors->fg, 0.9);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, text);
      next_left = left;
    }
}

static void
draw_target (TavlaMetricChart       *self,
             cairo_t                *cr,
             const Colors           *colors,
             const TavlaChartLayout *layout)
{
  const TavlaChartRect *plot = &layout->plot;
  double y = tavla_chart_layout_y (layout, self->target);
  double dashes[] = { 10.0, 6.0 };

  set_source (cr, &colors->fg, 0.85);
  cairo_set_line_width (cr, TARGET_WIDTH);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, plot->x, y);
  cairo_line_to (cr, plot->x + plot->width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Drawn over the series, so the line never hides the target's value. */
static void
draw_target_label (TavlaMetricChart       *self,
                   cairo_t                *cr,
                   const Colors           *colors,
                   const TavlaChartLayout *layout)
{
  const TavlaChartRect *plot = &layout->plot;
  double y = tavla_chart_layout_y (layout, self->target);
  g_autofree char *value = tavla_chart_format_value (self->unit, self->target,
                                                     self->unit == TAVLA_CHART_UNIT_SCORE ? 1 : 0);
  g_autofree char *text = NULL;
  int width = 0, height = 0;
  double label_y;

  /* TRANSLATORS: the label on the chart's dashed target line: "Target 95 %". */
  text = g_strdup_printf (_("Target %s"), value);
  text_size (self, text, TARGET_FONT_PX, TRUE, &width, &height);

  /* Above the line, or below it when the line runs along the top. */
  label_y = y - height - 6;
  if (label_y < plot->y)
    label_y = y + 6;

  set_source (cr, &colors->background, 0.9);
  cairo_rectangle (cr, plot->x + plot->width - width - 14, label_y - 2, width + 12, height + 4);
  cairo_fill (cr);
  set_source (cr, &colors->fg, 1.0);
  show_text (self, cr, text, TARGET_FONT_PX, TRUE, plot->x + plot->width - width - 8, label_y);
}

static void
draw_series (TavlaMetricChart       *self,
             cairo_t                *cr,
             const Colors           *colors,
             const TavlaChartLayout *layout)
{
  double slot = tavla_chart_layout_slot (layout);
  double radius = CLAMP (slot * 0.3, 2.0, 5.0);
  double deviation_radius = CLAMP (slot * 0.5, 5.0, 8.0);

  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_source (cr, &colors->accent, 1.0);
  /* Text leaves a current point behind; the line starts afresh. */
  cairo_new_path (cr);
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      cairo_line_to (cr, tavla_chart_layout_x (layout, i), tavla_chart_layout_y (layout, point->value));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);
      double x = tavla_chart_layout_x (layout, i);
      double y = tavla_chart_layout_y (layout, point->value);

      if (point->deviation)
        {
          draw_deviation_marker (cr, colors, x, y, deviation_radius);
          continue;
        }

      /* Dots only where they do not merge into a band. */
      if (slot < 8.0 && self->points->len > 1)
        continue;
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      set_source (cr, &colors->accent, 1.0);
      cairo_fill (cr);
    }
}

static void
draw_legend (TavlaMetricChart       *self,
             cairo_t                *cr,
             const Colors           *colors,
             const TavlaChartLayout *layout)
{
  double x = layout->plot.x;
  double dashes[] = { 6.0, 4.0 };
  int width = 0, height = 0;
  double middle;

  text_size (self, _("Measured"), TICK_FONT_PX, FALSE, &width, &height);
  middle = height / 2.0;

  set_source (cr, &colors->accent, 1.0);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_move_to (cr, x, middle);
  cairo_line_to (cr, x + 24, middle);
  cairo_stroke (cr);
  set_source (cr, &colors->fg, 0.9);
  show_text (self, cr, _("Measured"), TICK_FONT_PX, FALSE, x + 30, 0);
  x += 30 + width + 24;

  draw_deviation_marker (cr, colors, x + 8, middle, 7);
  set_source (cr, &colors->fg, 0.9);
  show_text (self, cr, _("Deviation"), TICK_FONT_PX, FALSE, x + 22, 0);
  text_size (self, _("Deviation"), TICK_FONT_PX, FALSE, &width, NULL);
  x += 22 + width + 24;

  if (!self->has_target)
    return;

  set_source (cr, &colors->fg, 0.85);
  cairo_set_line_width (cr, TARGET_WIDTH);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, middle);
  cairo_line_to (cr, x + 26, middle);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  set_source (cr, &colors->fg, 0.9);
  show_text (self, cr, _("Target"), TICK_FONT_PX, FALSE, x + 32, 0);
}

static void
draw_empty (TavlaMetricChart *self,
            cairo_t          *cr,
            const Colors     *colors,
            int               width,
            int               height)
{
  const char *text = _("No measurements yet");
  int text_width = 0, text_height = 0;

  text_size (self, text, EMPTY_FONT_PX, TRUE, &text_width, &text_height);
  set_source (cr, &colors->fg, 0.6);
  show_text (self, cr, text, EMPTY_FONT_PX, TRUE,
             (width - text_width) / 2.0, (height - text_height) / 2.0);
}

static void
update_accessible (TavlaMetricChart *self)
{
  g_autofree char *description = NULL;

  if (self->points->len == 0)
    description = g_strdup (_("No measurements yet"));
  else
    {
      const Point *last = &g_array_index (self->points, Point, self->points->len - 1);
      g_autofree char *value = tavla_chart_format_value (self->unit, last->value,
                                                         self->unit == TAVLA_CHART_UNIT_SCORE ? 2 : 1);

      /* TRANSLATORS: the chart described for a screen reader: the latest
       * period and value, and how many periods deviate. */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Latest %s: %s, %u deviation",
                                                  "Latest %s: %s, %u deviations",
                                                  self->n_deviations),
                                     last->long_label != NULL ? last->long_label : last->label,
                                     value, self->n_deviations);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
tavla_metric_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  TavlaMetricChart *self = TAVLA_METRIC_CHART (widget);
  TavlaChartLayout layout;
  const Point *point;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  double slot;
  int index;

  if (self->points->len == 0)
    return FALSE;

  tavla_metric_chart_get_layout (self, gtk_widget_get_width (widget), gtk_widget_get_height (widget), &layout);
  slot = tavla_chart_layout_slot (&layout);
  index = (int) floor ((x - layout.plot.x) / slot);
  if (index < 0 || index >= (int) self->points->len)
    return FALSE;

  point = &g_array_index (self->points, Point, index);
  value = tavla_chart_format_value (self->unit, point->value, self->unit == TAVLA_CHART_UNIT_SCORE ? 2 : 1);
  text = g_strdup_printf ("%s: %s%s", point->long_label != NULL ? point->long_label : point->label,
                          value, point->deviation ? _(" (deviation)") : "");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
tavla_metric_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tavla_metric_chart_draw (TAVLA_METRIC_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
tavla_metric_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 720;
    }
  else
    {
      *minimum = 240;
      *natural = 380;
    }
}

static void
tavla_metric_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tavla_metric_chart_parent_class)->css_changed (widget, change);
  TAVLA_METRIC_CHART (widget)->period_label_width = -1;
  gtk_widget_queue_draw (widget);
}

static void
tavla_metric_chart_finalize (GObject *object)
{
  TavlaMetricChart *self = (TavlaMetricChart *) object;

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (tavla_metric_chart_parent_class)->finalize (object);
}

static void
tavla_metric_chart_class_init (TavlaMetricChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tavla_metric_chart_finalize;

  widget_class->snapshot = tavla_metric_chart_snapshot;
  widget_class->measure = tavla_metric_chart_measure;
  widget_class->css_changed = tavla_metric_chart_css_changed;
  widget_class->query_tooltip = tavla_metric_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "metricchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tavla_metric_chart_init (TavlaMetricChart *self)
{
  self->period_label_width = -1;
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, (GDestroyNotify) point_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
tavla_metric_chart_new (void)
{
  return g_object_new (TAVLA_TYPE_METRIC_CHART, NULL);
}

/**
 * tavla_metric_chart_set_series:
 * @points: (array length=n_points): the periods, oldest first
 *
 * Shows @points against @target (when @has_target). The strings are
 * copied.
 */
void
tavla_metric_chart_set_series (TavlaMetricChart      *self,
                               TavlaChartUnit         unit,
                               const TavlaChartPoint *points,
                               guint                  n_points,
                               double                 target,
                               gboolean               has_target)
{
  g_return_if_fail (TAVLA_IS_METRIC_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  self->n_deviations = 0;
  self->has_years = FALSE;
  for (guint i = 0; i < n_points; i++)
    {
      Point point = {
        g_strdup (points[i].label != NULL ? points[i].label : ""),
        g_strdup (points[i].long_label),
        g_strdup (points[i].year_label),
        points[i].value,
        points[i].deviation,
      };

      g_array_append_val (self->points, point);
      if (point.deviation)
        self->n_deviations++;
      if (point.year_label != NULL)
        self->has_years = TRUE;
    }

  self->unit = unit;
  self->target = target;
  self->has_target = has_target;
  self->period_label_width = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
tavla_metric_chart_get_n_points (TavlaMetricChart *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC_CHART (self), 0);

  return self->points->len;
}

guint
tavla_metric_chart_get_n_deviations (TavlaMetricChart *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC_CHART (self), 0);

  return self->n_deviations;
}

void
tavla_metric_chart_get_layout (TavlaMetricChart *self,
                               int               width,
                               int               height,
                               TavlaChartLayout *out_layout)
{
  g_return_if_fail (TAVLA_IS_METRIC_CHART (self));
  g_return_if_fail (out_layout != NULL);

  compute_layout (self, width, height, out_layout);
}

void
tavla_metric_chart_draw (TavlaMetricChart *self,
                         cairo_t          *cr,
                         int               width,
                         int               height)
{
  TavlaChartLayout layout;
  Colors colors;

  g_return_if_fail (TAVLA_IS_METRIC_CHART (self));
  g_return_if_fail (cr != NULL);

  resolve_colors (self, &colors);
  if (self->points->len == 0)
    {
      draw_empty (self, cr, &colors, width, height);
      return;
    }

  compute_layout (self, width, height, &layout);
  draw_legend (self, cr, &colors, &layout);
  draw_grid (self, cr, &colors, &layout);
  if (self->has_target)
    draw_target (self, cr, &colors, &layout);
  draw_series (self, cr, &colors, &layout);
  if (self->has_target)
    draw_target_label (self, cr, &colors, &layout);
  draw_period_labels (self, cr, &colors, &layout);
  if (self->has_years)
    draw_years (self, cr, &colors, &layout);
}
