/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-figures-dialog.h"
#include "tavla-file-chooser.h"
#include "tavla-gui-settings.h"
#include "tavla-import-dialog.h"
#include "tavla-metrics-view.h"

/*
 * The Metrics page: the metrics down the side with their latest figure
 * against the target, the chosen metric's chart per response group or
 * overall at week, month or tertial, and the deviations of one period with
 * their causes and improvement items. Every figure, roll-up and deviation
 * comes from the core; the page only picks what to ask for.
 */

struct _TavlaMetricsView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkListBox       *metric_list;
  GtkLabel         *metric_title;
  GtkLabel         *metric_target;
  GtkLabel         *metric_description;
  GtkDropDown      *group_dropdown;
  GtkToggleButton  *week_button;
  GtkToggleButton  *month_button;
  GtkToggleButton  *tertial_button;
  GtkDropDown      *range_dropdown;
  TavlaMetricChart *chart;
  GtkLabel         *series_message;
  GtkDropDown      *period_kind_dropdown;
  GtkLabel         *period_label;
  GtkListBox       *deviation_list;
  GtkLabel         *deviation_placeholder;

  /* Owned references */
  TavlaBoard       *board;
  TavlaMetric      *metric;
  GtkStringList    *groups;       /* "Overall", then the active groups */
  GListModel       *deviations;   /* TavlaDeviation of the period */

  TavlaPeriod       period;       /* the deviations' period */
  guint             filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

enum {
  ACT_ON_DEVIATION,
  OPEN_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The ranges of the range drop-down, in weeks back from this one; 0 is
 * everything. */
static const int range_weeks[] = { 26, 52, 104, 0 };

G_DEFINE_FINAL_TYPE (TavlaMetricsView, tavla_metrics_view, GTK_TYPE_WIDGET)

static void reload_series     (TavlaMetricsView *self);
static void reload_deviations (TavlaMetricsView *self);

static void
show_toast (TavlaMetricsView *self,
            const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static gboolean
is_writable (TavlaMetricsView *self)
{
  return self->board != NULL && !tavla_board_is_read_only (self->board);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static TavlaPeriodKind
get_rollup (TavlaMetricsView *self)
{
  if (gtk_toggle_button_get_active (self->tertial_button))
    return TAVLA_PERIOD_TERTIAL;
  if (gtk_toggle_button_get_active (self->month_button))
    return TAVLA_PERIOD_MONTH;
  return TAVLA_PERIOD_WEEK;
}

/* NULL for "Overall". */
static const char *
get_group (TavlaMetricsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->groups, selected);
}

/* The first period of the chosen range, as a period of @rollup so that a
 * month or tertial is never cut in half; NULL for everything. */
static char *
dup_range_from (TavlaMetricsView *self,
                TavlaPeriodKind   rollup)
{
  guint selected = gtk_drop_down_get_selected (self->range_dropdown);
  TavlaPeriod now, from, container;

  if (selected >= G_N_ELEMENTS (range_weeks) || range_weeks[selected] == 0)
    return NULL;

  tavla_period_current (TAVLA_PERIOD_WEEK, &now);
  tavla_period_add (&now, -(range_weeks[selected] - 1), &from);
  if (tavla_period_get_containing (&from, rollup, &container))
    return tavla_period_format (&container);
  return tavla_period_format (&from);
}

static TavlaChartUnit
chart_unit (TavlaUnit unit)
{
  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      return TAVLA_CHART_UNIT_PERCENT;
    case TAVLA_UNIT_SCORE:
      return TAVLA_CHART_UNIT_SCORE;
    case TAVLA_UNIT_COUNT:
    default:
      return TAVLA_CHART_UNIT_COUNT;
    }
}

/* The latest figure of @metric overall at its own period, NULL when it has
 * none in the last few periods. */
static TavlaSeriesPoint *
dup_latest_point (TavlaMetricsView *self,
                  TavlaMetric      *metric)
{
  TavlaPeriodKind kind = tavla_metric_get_period (metric);
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *from = NULL;
  TavlaSeriesPoint *last;
  TavlaPeriod now, start;

  tavla_period_current (kind, &now);
  tavla_period_add (&now, kind == TAVLA_PERIOD_WEEK ? -8 : -3, &start);
  from = tavla_period_format (&start);
  series = tavla_board_get_series (self->board, tavla_metric_get_name (metric), NULL, kind, from, NULL, NULL);
  if (series == NULL || series->len == 0)
    return NULL;

  /* The array frees its points; the last one is handed over. */
  last = g_ptr_array_steal_index (series, series->len - 1);
  return last;
}

static GtkWidget *
create_metric_row (TavlaMetricsView *self,
                   TavlaMetric      *metric)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(TavlaSeriesPoint) latest = dup_latest_point (self, metric);
  g_autofree char *target = tavla_metric_dup_target_label (metric);

  gtk_box_append (GTK_BOX (box), new_label (tavla_metric_get_name (metric), "metric-row-name"));

  if (latest != NULL)
    {
      g_autofree char *value = tavla_metric_format_value (metric, latest->value);
      g_autofree char *period = tavla_period_display_text (latest->period);
      /* TRANSLATORS: the latest figure of a metric and its period: "88.2 % in w. 47 2026". */
      g_autofree char *text = g_strdup_printf (_("%s in %s"), value, period);

      gtk_box_append (GTK_BOX (box), new_label (text, "metric-row-value"));
    }
  else
    gtk_box_append (GTK_BOX (box), new_label (_("No recent figures"), "dim-label"));

  gtk_box_append (GTK_BOX (box), new_label (target, "dim-label"));

  /* Off target is said in words and with an icon, not only in red. */
  if (latest != NULL && latest->deviation)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (line), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (line), new_label (_("Off target"), NULL));
      gtk_widget_add_css_class (line, "metric-row-deviation");
      gtk_box_append (GTK_BOX (box), line);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "metric", g_object_ref (metric), g_object_unref);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too and stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
reload_metrics (TavlaMetricsView *self)
{
  GListModel *metrics = self->board != NULL ? tavla_board_get_metrics (self->board) : NULL;
  g_autofree char *selected = self->metric != NULL ? g_strdup (tavla_metric_get_name (self->metric)) : NULL;
  guint n = metrics != NULL ? g_list_model_get_n_items (metrics) : 0;

  self->filling = TRUE;
  gtk_list_box_select_row (self->metric_list, NULL);
  clear_list (self->metric_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);

      gtk_list_box_append (self->metric_list, create_metric_row (self, metric));
    }
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "metrics");
  if (n == 0)
    {
      g_clear_object (&self->metric);
      return;
    }

  if (selected == NULL || !tavla_metrics_view_select_metric (self, selected))
    gtk_list_box_select_row (self->metric_list, gtk_list_box_get_row_at_index (self->metric_list, 0));
}

static void
fill_groups (TavlaMetricsView *self)
{
  GListModel *groups = tavla_board_get_response_groups (self->board);
  g_autofree char *previous = g_strdup (get_group (self));
  guint n = g_list_model_get_n_items (groups);
  guint select = 0;

  gtk_string_list_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)), NULL);
  gtk_string_list_append (self->groups, _("Overall"));
  if (self->metric != NULL && tavla_metric_get_per_group (self->metric))
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (groups, i);

        if (!tavla_response_group_get_active (group))
          continue;
        gtk_string_list_append (self->groups, tavla_response_group_get_name (group));
        if (g_strcmp0 (previous, tavla_response_group_get_name (group)) == 0)
          select = g_list_model_get_n_items (G_LIST_MODEL (self->groups)) - 1;
      }

  gtk_drop_down_set_selected (self->group_dropdown, select);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown),
                            g_list_model_get_n_items (G_LIST_MODEL (self->groups)) > 1);
}

static void
fill_metric (TavlaMetricsView *self)
{
  g_autofree char *target = NULL;
  const char *description;
  gboolean monthly;

  if (self->metric == NULL)
    return;

  target = tavla_metric_dup_target_label (self->metric);
  description = tavla_metric_get_description (self->metric);
  gtk_label_set_label (self->metric_title, tavla_metric_get_name (self->metric));
  gtk_label_set_label (self->metric_target, target);
  gtk_label_set_label (self->metric_description, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->metric_description), description != NULL && description[0] != '\0');

  self->filling = TRUE;
  fill_groups (self);

  /* A monthly metric has no weekly series. */
  monthly = tavla_metric_get_period (self->metric) == TAVLA_PERIOD_MONTH;
  gtk_widget_set_sensitive (GTK_WIDGET (self->week_button), !monthly);
  if (monthly && gtk_toggle_button_get_active (self->week_button))
    gtk_toggle_button_set_active (self->month_button, TRUE);
  self->filling = FALSE;

  reload_series (self);
}

static void
reload_series (TavlaMetricsView *self)
{
  TavlaPeriodKind rollup = get_rollup (self);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (TavlaChartPoint));
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  TavlaChartUnit unit;

  if (self->filling || self->board == NULL || self->metric == NULL)
    return;

  unit = chart_unit (tavla_metric_get_unit (self->metric));
  from = dup_range_from (self, rollup);
  series = tavla_board_get_series (self->board, tavla_metric_get_name (self->metric), get_group (self),
                                   rollup, from, NULL, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->series_message), series == NULL);
  if (series == NULL)
    {
      gtk_label_set_label (self->series_message, error->message);
      tavla_metric_chart_set_series (self->chart, unit, NULL, 0, 0.0, FALSE);
      return;
    }

  for (guint i = 0; i < series->len; i++)
    {
      TavlaSeriesPoint *source = g_ptr_array_index (series, i);
      TavlaChartPoint point = { NULL, NULL, NULL, source->value, source->deviation };
      TavlaPeriod period;

      if (tavla_period_parse (source->period, &period, NULL))
        {
          g_ptr_array_add (labels, tavla_period_display_short (&period));
          point.label = g_ptr_array_index (labels, labels->len - 1);
          /* Weeks and months say which year they are in on a row of
           * their own; tertial and year labels carry it already. */
          if (period.kind == TAVLA_PERIOD_WEEK || period.kind == TAVLA_PERIOD_MONTH)
            {
              g_ptr_array_add (labels, g_strdup_printf ("%d", period.year));
              point.year_label = g_ptr_array_index (labels, labels->len - 1);
            }
        }
      else
        {
          g_ptr_array_add (labels, g_strdup (source->period));
          point.label = g_ptr_array_index (labels, labels->len - 1);
        }
      g_ptr_array_add (labels, tavla_period_display_text (source->period));
      point.long_label = g_ptr_array_index (labels, labels->len - 1);
      g_array_append_val (points, point);
    }

  /* A count's target holds for one week or month; a sum of several has a
   * target of its own per point (the core's), so no one line fits. */
  tavla_metric_chart_set_series (self->chart, unit, (TavlaChartPoint *) (void *) points->data, points->len,
                                 tavla_metric_get_target (self->metric),
                                 tavla_metric_get_unit (self->metric) != TAVLA_UNIT_COUNT ||
                                 rollup == tavla_metric_get_period (self->metric));
}

static void
update_period_label (TavlaMetricsView *self)
{
  g_autofree char *text = tavla_period_display (&self->period);
  g_autofree char *placeholder = NULL;

  gtk_label_set_label (self->period_label, text);
  /* TRANSLATORS: shown when the chosen period has no deviations: "No deviations in w. 47 2026". */
  placeholder = g_strdup_printf (_("No deviations in %s: every figure is on target."), text);
  gtk_label_set_label (self->deviation_placeholder, placeholder);
}

static char *
dup_item_label (TavlaMetricsView *self,
                gint64            id)
{
  g_autoptr(TavlaItem) item = tavla_board_get_item (self->board, id, NULL);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (item == NULL)
    return g_strdup_printf ("#%s", number);

  /* TRANSLATORS: an improvement proposal linked to a deviation: "#12 Title (In progress)". */
  return g_strdup_printf (_("#%s %s (%s)"), number, tavla_item_get_title (item),
                          tavla_status_get_label (tavla_item_get_status (item)));
}

static void
on_open_item_clicked (TavlaMetricsView *self,
                      GtkButton        *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  g_signal_emit (self, signals[OPEN_ITEM], 0, *id);
}

static void
on_act_clicked (TavlaMetricsView *self,
                GtkButton        *button)
{
  TavlaDeviation *deviation = g_object_get_data (G_OBJECT (button), "deviation");

  g_signal_emit (self, signals[ACT_ON_DEVIATION], 0, deviation);
}

static void
on_cause_save (TavlaMetricsView *self,
               GtkWidget        *button)
{
  g_autoptr(TavlaDeviation) deviation = g_object_ref (g_object_get_data (G_OBJECT (button), "deviation"));
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  /* The rows are rebuilt while the core commits, this one included. */
  g_autoptr(GtkWidget) message = g_object_ref (g_object_get_data (G_OBJECT (button), "message"));
  g_autoptr(GtkWidget) popover = g_object_ref (g_object_get_data (G_OBJECT (button), "popover"));
  g_autoptr(TavlaDeviation) explained = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();

  explained = tavla_board_explain_deviation (self->board, tavla_deviation_get_id (deviation),
                                             gtk_editable_get_text (entry), actor, &error);
  if (explained == NULL)
    {
      gtk_label_set_label (GTK_LABEL (message), error->message);
      gtk_widget_set_visible (message, TRUE);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
create_cause_button (TavlaMetricsView *self,
                     TavlaDeviation   *deviation)
{
  const char *cause = tavla_deviation_get_cause (deviation);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *caption = new_label (_("Cause of the deviation"), "heading");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = new_label (NULL, "error");
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Cause"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), cause != NULL ? _("Change Cause…") : _("Explain…"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (entry), cause != NULL ? cause : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example short-term absence, staffing, a campaign"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 36);
  gtk_widget_set_visible (message, FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_halign (save, GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), save);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);

  g_object_set_data_full (G_OBJECT (save), "deviation", g_object_ref (deviation), g_object_unref);
  g_object_set_data (G_OBJECT (save), "entry", entry);
  g_object_set_data (G_OBJECT (save), "message", message);
  g_object_set_data (G_OBJECT (save), "popover", popover);
  g_signal_connect_object (save, "clicked", G_CALLBACK (on_cause_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), save);
  gtk_widget_set_sensitive (menu_button, is_writable (self));

  return menu_button;
}

static GtkWidget *
create_deviation_row (TavlaMetricsView *self,
                      TavlaDeviation   *deviation,
                      const char       *chosen_period)
{
  TavlaUnit unit = tavla_deviation_get_unit (deviation);
  const char *group = tavla_deviation_get_group (deviation);
  const char *cause = tavla_deviation_get_cause (deviation);
  g_autofree char *value = tavla_unit_format_value (unit, tavla_deviation_get_value (deviation));
  g_autofree char *target = tavla_unit_format_value (unit, tavla_deviation_get_target (deviation));
  g_autofree char *title = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *cause_text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *button;
  const gint64 *items;
  guint n_items = 0;

  gtk_widget_add_css_class (box, "deviation-row");

  /* TRANSLATORS: a deviation's metric and response group: "Answer rate — Socialtjänst". */
  title = g_strdup_printf (_("%s — %s"), tavla_deviation_get_metric (deviation),
                           group != NULL ? group : _("Overall"));

  /* A month or tertial lists the deviations of its weeks: say which. */
  if (g_strcmp0 (tavla_deviation_get_period (deviation), chosen_period) != 0)
    {
      g_autofree char *when = tavla_period_display_text (tavla_deviation_get_period (deviation));
      char *with_period;

      /* TRANSLATORS: a deviation's title and its period: "Answer rate — Socialtjänst, w. 33 2026". */
      with_period = g_strdup_printf (_("%s, %s"), title, when);
      g_free (title);
      title = with_period;
    }
  /* TRANSLATORS: a deviation's value against its target: "88.2 % (target 95.0 %)". */
  figures = g_strdup_printf (_("%s (target %s)"), value, target);
  label = new_label (title, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);
  label = new_label (figures, "deviation-value");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* TRANSLATORS: the cause written for a deviation. */
  cause_text = cause != NULL ? g_strdup_printf (_("Cause: %s"), cause) : g_strdup (_("No cause given yet"));
  label = new_label (cause_text, cause != NULL ? NULL : "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), create_cause_button (self, deviation));

  button = gtk_button_new_with_mnemonic (_("_Create Improvement"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, is_writable (self));
  g_object_set_data_full (G_OBJECT (button), "deviation", g_object_ref (deviation), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_act_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), line);

  items = tavla_deviation_get_items (deviation, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *text = dup_item_label (self, items[i]);

      /* Long titles wrap rather than widen the page. */
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), new_label (text, NULL));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Show the proposal on the board"));
      g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&items[i], sizeof items[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_item_clicked), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
reload_deviations (TavlaMetricsView *self)
{
  g_autofree char *period = tavla_period_format (&self->period);
  TavlaDeviationQuery query = { period, period, NULL, NULL, FALSE };
  g_autoptr(GError) error = NULL;
  guint n;

  update_period_label (self);
  clear_list (self->deviation_list);
  g_clear_object (&self->deviations);
  if (self->board == NULL)
    return;

  self->deviations = tavla_board_list_deviations (self->board, &query, &error);
  if (self->deviations == NULL)
    {
      gtk_list_box_append (self->deviation_list, new_label (error->message, "error"));
      return;
    }

  n = g_list_model_get_n_items (self->deviations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (self->deviations, i);

      gtk_list_box_append (self->deviation_list, create_deviation_row (self, deviation, period));
    }
}

static void
reload_all (TavlaMetricsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.enter-figures", is_writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.import", is_writable (self));
  reload_metrics (self);
  reload_deviations (self);
}

static void
on_metric_selected (TavlaMetricsView *self,
                    GtkListBoxRow    *row)
{
  TavlaMetric *metric;

  if (self->filling || row == NULL)
    return;

  metric = g_object_get_data (G_OBJECT (row), "metric");
  g_set_object (&self->metric, metric);
  fill_metric (self);
}

static void
on_series_changed (TavlaMetricsView *self)
{
  reload_series (self);
}

static void
on_period_kind_changed (TavlaMetricsView *self)
{
  TavlaPeriodKind kind = gtk_drop_down_get_selected (self->period_kind_dropdown);
  GDate anchor;

  if (self->filling || kind > TAVLA_PERIOD_TERTIAL || kind == self->period.kind)
    return;

  /* The same moment at the new grain: the week's month, the month's first week. */
  tavla_period_get_anchor_day (&self->period, &anchor);
  tavla_period_of_date (&anchor, kind, &self->period);
  reload_deviations (self);
}

static void
step_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TavlaMetricsView *self = TAVLA_METRICS_VIEW (widget);
  TavlaPeriod moved;

  tavla_period_add (&self->period, g_str_equal (action_name, "metrics.next-period") ? 1 : -1, &moved);
  self->period = moved;
  reload_deviations (self);
}

static void
on_figures_saved (TavlaMetricsView *self,
                  guint             n_added,
                  guint             n_corrected)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: after entering figures by hand. */
  message = g_strdup_printf (_("Saved the figures (%u added, %u corrected)"), n_added, n_corrected);
  show_toast (self, message);
}

static void
enter_figures_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TavlaMetricsView *self = TAVLA_METRICS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TavlaFiguresDialog *dialog;

  if (self->board == NULL || self->metric == NULL)
    return;

  dialog = tavla_figures_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->board, self->metric);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_figures_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_imported (TavlaMetricsView *self,
             guint             n_added,
             guint             n_corrected)
{
  g_autofree char *message = NULL;
  guint n = n_added + n_corrected;

  /* TRANSLATORS: after a CSV import: "Imported 12 rows (10 added, 2 corrected)". */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u row (%u added, %u corrected)",
                                          "Imported %u rows (%u added, %u corrected)", n),
                             n, n_added, n_corrected);
  show_toast (self, message);
}

static void
on_csv_chosen (GFile    *file,
               gpointer  user_data)
{
  TavlaMetricsView *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TavlaImportDialog *dialog;

  if (self->board == NULL)
    return;

  dialog = tavla_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->board, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  tavla_choose_csv_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         on_csv_chosen, g_object_ref (widget), g_object_unref);
}

static void
tavla_metrics_view_dispose (GObject *object)
{
  TavlaMetricsView *self = (TavlaMetricsView *) object;
  GtkWidget *child;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_METRICS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);
  g_clear_object (&self->metric);
  g_clear_object (&self->groups);
  g_clear_object (&self->deviations);

  G_OBJECT_CLASS (tavla_metrics_view_parent_class)->dispose (object);
}

static void
tavla_metrics_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TavlaMetricsView *self = TAVLA_METRICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_metrics_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TavlaMetricsView *self = TAVLA_METRICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_metrics_view_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_metrics_view_class_init (TavlaMetricsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_metrics_view_dispose;
  object_class->get_property = tavla_metrics_view_get_property;
  object_class->set_property = tavla_metrics_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "Create Improvement" on a deviation: the window opens the board's
   * panel for it. */
  signals[ACT_ON_DEVIATION] =
    g_signal_new ("act-on-deviation",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_DEVIATION);
  /* A linked proposal was clicked: the window shows it on the board. */
  signals[OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "metrics.enter-figures", NULL, enter_figures_action);
  gtk_widget_class_install_action (widget_class, "metrics.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "metrics.previous-period", NULL, step_period_action);
  gtk_widget_class_install_action (widget_class, "metrics.next-period", NULL, step_period_action);

  g_type_ensure (TAVLA_TYPE_METRIC_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-metrics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, metric_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, metric_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, metric_target);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, metric_description);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, week_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, month_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, tertial_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, chart);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, series_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, period_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, deviation_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaMetricsView, deviation_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, on_metric_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_series_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_kind_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metricsview");
}

static void
tavla_metrics_view_init (TavlaMetricsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  TavlaPeriod now;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->groups));

  /* The positions are the period kinds. */
  for (TavlaPeriodKind kind = TAVLA_PERIOD_WEEK; kind <= TAVLA_PERIOD_TERTIAL; kind++)
    gtk_string_list_append (kinds, tavla_period_kind_get_label (kind));
  gtk_drop_down_set_model (self->period_kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->period_kind_dropdown, TAVLA_PERIOD_WEEK);

  /* The last complete week: the one the weekly meeting follows up. */
  tavla_period_current (TAVLA_PERIOD_WEEK, &now);
  tavla_period_add (&now, -1, &self->period);
  self->filling = FALSE;

  update_period_label (self);
  reload_all (self);
}

GtkWidget *
tavla_metrics_view_new (void)
{
  return g_object_new (TAVLA_TYPE_METRICS_VIEW, NULL);
}

TavlaBoard *
tavla_metrics_view_get_board (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->board;
}

void
tavla_metrics_view_set_board (TavlaMetricsView *self,
                              TavlaBoard       *board)
{
  g_return_if_fail (TAVLA_IS_METRICS_VIEW (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_set_object (&self->board, board);
  g_clear_object (&self->metric);

  /* Figures from this window, tavla-cli or another process all arrive as
   * metrics-changed; item changes update the linked proposals' status. */
  if (board != NULL)
    {
      g_signal_connect_swapped (board, "metrics-changed", G_CALLBACK (reload_all), self);
      g_signal_connect_swapped (board, "changed", G_CALLBACK (reload_deviations), self);
    }

  reload_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

gboolean
tavla_metrics_view_select_metric (TavlaMetricsView *self,
                                  const char       *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->metric_list, i)) != NULL; i++)
    {
      TavlaMetric *metric = g_object_get_data (G_OBJECT (row), "metric");

      if (metric != NULL && g_strcmp0 (tavla_metric_get_name (metric), name) == 0)
        {
          gtk_list_box_select_row (self->metric_list, row);
          return TRUE;
        }
    }

  return FALSE;
}

TavlaMetric *
tavla_metrics_view_get_metric (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->metric;
}

/* Chooses the response group of the chart; NULL for overall. */
void
tavla_metrics_view_set_group (TavlaMetricsView *self,
                              const char       *group)
{
  guint n;

  g_return_if_fail (TAVLA_IS_METRICS_VIEW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->groups, i), group) == 0)
      {
        gtk_drop_down_set_selected (self->group_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->group_dropdown, 0);
}

void
tavla_metrics_view_set_rollup (TavlaMetricsView *self,
                               TavlaPeriodKind   rollup)
{
  g_return_if_fail (TAVLA_IS_METRICS_VIEW (self));

  if (rollup == TAVLA_PERIOD_TERTIAL)
    gtk_toggle_button_set_active (self->tertial_button, TRUE);
  else if (rollup == TAVLA_PERIOD_MONTH)
    gtk_toggle_button_set_active (self->month_button, TRUE);
  else
    gtk_toggle_button_set_active (self->week_button, TRUE);
}

/* Shows the deviations of @period ("2026-W47", "2026-11", "2026-T3");
 * FALSE when it does not parse or is a year. */
gboolean
tavla_metrics_view_set_period (TavlaMetricsView *self,
                               const char       *period)
{
  TavlaPeriod parsed;

  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), FALSE);

  if (!tavla_period_parse (period, &parsed, NULL) || parsed.kind > TAVLA_PERIOD_TERTIAL)
    return FALSE;

  self->period = parsed;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->period_kind_dropdown, parsed.kind);
  self->filling = FALSE;
  reload_deviations (self);
  return TRUE;
}

char *
tavla_metrics_view_dup_period (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return tavla_period_format (&self->period);
}

gboolean
tavla_metrics_view_get_empty (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

TavlaMetricChart *
tavla_metrics_view_get_chart (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->chart;
}

GtkListBox *
tavla_metrics_view_get_metric_list (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->metric_list;
}

GtkListBox *
tavla_metrics_view_get_deviation_list (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->deviation_list;
}

/* The deviations listed for the chosen period (TavlaDeviation). */
GListModel *
tavla_metrics_view_get_deviations (TavlaMetricsView *self)
{
  g_return_val_if_fail (TAVLA_IS_METRICS_VIEW (self), NULL);

  return self->deviations;
}
