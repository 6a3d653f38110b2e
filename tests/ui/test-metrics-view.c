/* SPDX-License-Identifier: EUPL-1.2 */

/* The Metrics page as a user drives it, in a real window on the demo
 * kundcenter: the metrics and their chart, a deviation's cause, "Create
 * Improvement" through the board's panel, entering figures by hand, the
 * CSV import preview, and the board card's metric badge. */

#include "config.h"

#include <glib/gstdio.h>
#include <tavla/tavla.h>

#include "tavla-figures-dialog.h"
#include "tavla-import-dialog.h"
#include "tavla-item-card.h"
#include "tavla-metrics-view.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

typedef struct
{
  char             *dir;
  char             *path;
  TavlaWindow      *window;
  TavlaBoard       *board;
  TavlaMetricsView *view;
} Fixture;

typedef enum
{
  DATA_NONE,
  DATA_DEMO,
  DATA_OWN,
} Data;

/* A small centre of our own, so the tests know every figure: three
 * response groups, a weekly answer rate per group (a ratio, below 95 % in
 * every fifth week) and a monthly NKI score overall, for the last 30 weeks. */
static void
load_own_metrics (TavlaBoard *board)
{
  const char *groups[] = { "Barn och utbildning", "Socialtjänst", "Växel" };
  TavlaMetricInput rate = {
    .name = "Svarsfrekvens", .description = "Besvarade av erbjudna samtal",
    .unit = "percent", .direction = "higher", .target = "95", .period = "week", .per_group = TRUE,
  };
  TavlaMetricInput nki = {
    .name = "NKI bemötande", .unit = "score", .direction = "higher", .target = "4.3", .period = "month",
  };
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (TavlaMeasurementInput));
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TavlaPeriod now;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(TavlaResponseGroup) group = tavla_board_add_response_group (board, groups[i], "Testaren", &error);

      g_assert_no_error (error);
    }
  g_object_unref (tavla_board_add_metric (board, &rate, "Testaren", NULL, &error));
  g_assert_no_error (error);
  g_object_unref (tavla_board_add_metric (board, &nki, "Testaren", NULL, &error));
  g_assert_no_error (error);

  tavla_period_current (TAVLA_PERIOD_WEEK, &now);
  for (int back = 30; back >= 1; back--)
    {
      TavlaPeriod week;
      char *period;

      tavla_period_add (&now, -back, &week);
      period = tavla_period_format (&week);
      g_ptr_array_add (strings, period);
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        {
          char *answered = g_strdup_printf ("%d", back % 5 == 0 ? 180 + (int) g : 196 + (int) g);
          TavlaMeasurementInput input = {
            .metric = "Svarsfrekvens", .period = period, .group = groups[g],
            .numerator = answered, .denominator = "200",
          };

          g_ptr_array_add (strings, answered);
          g_array_append_val (inputs, input);
        }
    }

  for (int back = 6; back >= 1; back--)
    {
      TavlaPeriod month_now, month;
      char *period;
      TavlaMeasurementInput input = {
        .metric = "NKI bemötande", .value = back % 2 == 0 ? "4.1" : "4.5", .respondents = "40",
      };

      tavla_period_current (TAVLA_PERIOD_MONTH, &month_now);
      tavla_period_add (&month_now, -back, &month);
      period = tavla_period_format (&month);
      g_ptr_array_add (strings, period);
      input.period = period;
      g_array_append_val (inputs, input);
    }

  g_assert_true (tavla_board_record_measurements (board, (TavlaMeasurementInput *) (void *) inputs->data,
                                                  inputs->len, FALSE, "Testaren", &result, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  Data kind = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->window = tavla_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (tavla_window_open_path (fixture->window, fixture->path));
  fixture->board = tavla_window_get_board (fixture->window);
  fixture->view = tavla_window_get_metrics_view (fixture->window);
  if (kind == DATA_DEMO)
    {
      g_assert_true (tavla_board_load_demo (fixture->board, &error));
      g_assert_no_error (error);
    }
  else if (kind == DATA_OWN)
    load_own_metrics (fixture->board);
  adw_view_stack_set_visible_child_name (tavla_window_get_view_stack (fixture->window), "metrics");
  ui_test_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *weak = GTK_WIDGET (fixture->window);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate ();
  g_assert_null (weak);

  ui_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* What a pointer click does, without the keyboard's 250 ms animation. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *found = ui_test_find_label (root, label);

  g_assert_nonnull (found);
  found = gtk_widget_get_ancestor (found, GTK_TYPE_BUTTON);
  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A period of the demo that has deviations, and its first one. */
static TavlaDeviation *
find_demo_deviation (Fixture *fixture)
{
  TavlaDeviationQuery query = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = tavla_board_list_deviations (fixture->board, &query, &error);
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (all);
  g_assert_cmpuint (n, >, 0);
  return g_list_model_get_item (all, n - 1);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (tavla_metrics_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), "No Metrics Yet")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), "Open Demo Board")));
}

/* Two pages, Board and Metrics, in the header's view switcher. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  AdwViewStack *stack = tavla_window_get_view_stack (fixture->window);
  GtkWidget *switcher = find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_TITLE);

  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "board"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "metrics"));
  g_assert_nonnull (switcher);
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (ADW_VIEW_SWITCHER_TITLE (switcher)));
  g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (switcher)) == FALSE);

  /* Ctrl+Alt+1 and Ctrl+Alt+2 switch pages from the keyboard. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "board");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "board");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "metrics");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "metrics");
}

/* Figures written by another process (tavla-cli from cron) show in the
 * chart once the board refreshes, as its watch does within a second. */
static void
test_refresh_from_other_process (Fixture       *fixture,
                                 gconstpointer  data)
{
  TavlaMetricChart *chart = tavla_metrics_view_get_chart (fixture->view);
  g_autoptr(TavlaBoard) other = NULL;
  g_autoptr(TavlaMeasurement) measurement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  TavlaPeriod now;
  TavlaMeasurementInput input = {
    .metric = "Svarsfrekvens", .group = "Växel", .numerator = "150", .denominator = "200",
  };

  g_assert_true (tavla_metrics_view_select_metric (fixture->view, "Svarsfrekvens"));
  ui_test_iterate ();
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 30);

  tavla_period_current (TAVLA_PERIOD_WEEK, &now);
  period = tavla_period_format (&now);
  input.period = period;
  other = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  measurement = tavla_board_record_measurement (other, &input, "Cron", NULL, NULL, &error);
  g_assert_no_error (error);

  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 31);
  g_assert_cmpuint (tavla_metric_chart_get_n_deviations (chart), ==, 7);
}

static void
test_demo_metrics (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *metrics = tavla_board_get_metrics (fixture->board);
  TavlaMetricChart *chart = tavla_metrics_view_get_chart (fixture->view);
  guint n = g_list_model_get_n_items (metrics);
  guint weeks, tertials;

  g_assert_false (tavla_metrics_view_get_empty (fixture->view));
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (count_rows (tavla_metrics_view_get_metric_list (fixture->view)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);

      g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view),
                                                           tavla_metric_get_name (metric))));
    }

  /* The first metric is chosen and charted; a tertial roll-up has fewer
   * points than the weeks. */
  g_assert_nonnull (tavla_metrics_view_get_metric (fixture->view));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);

      if (tavla_metric_get_period (metric) != TAVLA_PERIOD_WEEK || !tavla_metric_get_per_group (metric))
        continue;

      g_assert_true (tavla_metrics_view_select_metric (fixture->view, tavla_metric_get_name (metric)));
      ui_test_iterate ();
      tavla_metrics_view_set_rollup (fixture->view, TAVLA_PERIOD_WEEK);
      weeks = tavla_metric_chart_get_n_points (chart);
      g_assert_cmpuint (weeks, >=, 40);
      tavla_metrics_view_set_rollup (fixture->view, TAVLA_PERIOD_TERTIAL);
      tertials = tavla_metric_chart_get_n_points (chart);
      g_assert_cmpuint (tertials, >=, 2);
      g_assert_cmpuint (tertials, <=, 5);

      /* One response group's own series. */
      {
        g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (tavla_board_get_response_groups (fixture->board), 0);

        tavla_metrics_view_set_rollup (fixture->view, TAVLA_PERIOD_WEEK);
        tavla_metrics_view_set_group (fixture->view, tavla_response_group_get_name (group));
        g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, weeks);
      }
      return;
    }

  g_assert_not_reached ();
}

/* Our own figures: 30 weeks per group, so the weekly chart has 30 points,
 * the deviations (every fifth week) are marked, and a month roll-up has
 * fewer points. The sidebar marks the metric that is off target. */
static void
test_own_metrics (Fixture       *fixture,
                  gconstpointer  data)
{
  TavlaMetricChart *chart = tavla_metrics_view_get_chart (fixture->view);

  g_assert_true (tavla_metrics_view_select_metric (fixture->view, "Svarsfrekvens"));
  ui_test_iterate ();
  tavla_metrics_view_set_rollup (fixture->view, TAVLA_PERIOD_WEEK);
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 30);
  g_assert_cmpuint (tavla_metric_chart_get_n_deviations (chart), ==, 6);
  tavla_metrics_view_set_group (fixture->view, "Socialtjänst");
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 30);
  tavla_metrics_view_set_rollup (fixture->view, TAVLA_PERIOD_MONTH);
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), >=, 7);
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), <=, 9);

  /* A monthly metric has no weekly series to choose. */
  g_assert_true (tavla_metrics_view_select_metric (fixture->view, "NKI bemötande"));
  ui_test_iterate ();
  g_assert_cmpuint (tavla_metric_chart_get_n_points (chart), ==, 6);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), "Target: at least 4.30")) ||
                 ui_test_find_label (GTK_WIDGET (fixture->view), "NKI bemötande") != NULL);
}

static gboolean
has_label_ending (GtkWidget  *root,
                  const char *suffix)
{
  if (GTK_IS_LABEL (root) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (root)), suffix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_ending (child, suffix))
      return TRUE;

  return FALSE;
}

/* A month lists its weeks' deviations too, each saying which week. */
static void
test_deviations_of_a_month (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TavlaDeviation) deviation = find_demo_deviation (fixture);
  g_autofree char *month = NULL;
  g_autofree char *week = NULL;
  g_autofree char *suffix = NULL;
  TavlaPeriod period, containing;

  /* The latest deviation of our own data is a week of the answer rate. */
  g_assert_cmpstr (tavla_deviation_get_metric (deviation), ==, "Svarsfrekvens");
  g_assert_true (tavla_period_parse (tavla_deviation_get_period (deviation), &period, NULL));
  g_assert_true (tavla_period_get_containing (&period, TAVLA_PERIOD_MONTH, &containing));
  month = tavla_period_format (&containing);
  week = tavla_period_display (&period);
  suffix = g_strdup_printf (", %s", week);

  g_assert_true (tavla_metrics_view_set_period (fixture->view, month));
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (tavla_metrics_view_get_deviations (fixture->view)), >=, 3);
  g_assert_true (has_label_ending (GTK_WIDGET (tavla_metrics_view_get_deviation_list (fixture->view)), suffix));
}

static void
test_explain_deviation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TavlaDeviation) deviation = find_demo_deviation (fixture);
  g_autoptr(TavlaDeviation) explained = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *entry;
  GtkWidget *message;

  g_assert_true (tavla_metrics_view_set_period (fixture->view, tavla_deviation_get_period (deviation)));
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (tavla_metrics_view_get_deviations (fixture->view)), >, 0);
  list = GTK_WIDGET (tavla_metrics_view_get_deviation_list (fixture->view));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);

  /* An empty cause is refused with the core's message, and not written. */
  entry = find_type (row, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  click (find_button (row, "Save Cause"));
  ui_test_iterate ();
  message = gtk_widget_get_next_sibling (entry);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), !=, "");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Korttidsfrånvaro i testet");
  click (find_button (row, "Save Cause"));
  ui_test_iterate ();

  {
    g_autoptr(TavlaDeviation) first = g_list_model_get_item (tavla_metrics_view_get_deviations (fixture->view), 0);

    explained = tavla_board_get_deviation (fixture->board, tavla_deviation_get_id (first), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tavla_deviation_get_cause (explained), ==, "Korttidsfrånvaro i testet");
  }
  g_assert_nonnull (ui_test_find_label (list, "Cause: Korttidsfrånvaro i testet"));
}

/* "Create Improvement" opens the board's panel prefilled; saving it makes
 * an item linked to the deviation with source "deviation", badged on its
 * card and with its effect in the panel. */
static void
test_create_improvement (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TavlaDeviation) deviation = find_demo_deviation (fixture);
  g_autoptr(TavlaDeviation) acted = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  TavlaBoardView *board_view = tavla_window_get_board_view (fixture->window);
  TavlaItemPanel *panel = tavla_board_view_get_panel (board_view);
  GtkWidget *row;
  const gint64 *items;
  guint n_items_before = 0, n_items = 0;
  GtkWidget *card;

  tavla_deviation_get_items (deviation, &n_items_before);
  g_assert_true (tavla_metrics_view_set_period (fixture->view, tavla_deviation_get_period (deviation)));
  ui_test_iterate ();

  /* The row of our deviation. */
  for (guint i = 0; ; i++)
    {
      g_autoptr(TavlaDeviation) listed = g_list_model_get_item (tavla_metrics_view_get_deviations (fixture->view), i);

      g_assert_nonnull (listed);
      if (tavla_deviation_get_id (listed) == tavla_deviation_get_id (deviation))
        {
          row = GTK_WIDGET (gtk_list_box_get_row_at_index (tavla_metrics_view_get_deviation_list (fixture->view), i));
          break;
        }
    }

  click (find_button (row, "Create Improvement"));
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (tavla_window_get_view_stack (fixture->window)), ==, "board");
  g_assert_true (tavla_board_view_get_panel_revealed (board_view));
  g_assert_true (tavla_item_panel_get_deviation (panel) != NULL);
  g_assert_true (tavla_item_panel_get_can_save (panel));

  click (tavla_item_panel_get_save_button (panel));
  ui_test_iterate ();

  acted = tavla_board_get_deviation (fixture->board, tavla_deviation_get_id (deviation), &error);
  g_assert_no_error (error);
  items = tavla_deviation_get_items (acted, &n_items);
  g_assert_cmpuint (n_items, ==, n_items_before + 1);
  item = tavla_board_get_item (fixture->board, items[n_items - 1], &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_DEVIATION);
  g_assert_true (tavla_item_get_has_metric (item));

  /* The card shows the metric badge. */
  card = tavla_item_card_new ();
  g_object_ref_sink (card);
  tavla_item_card_set_item (TAVLA_ITEM_CARD (card), item);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (ui_test_find_label (card, "Metric"))));
  g_clear_object (&card);

  /* The panel shows its effect on the metric. */
  tavla_item_panel_edit (panel, item);
  ui_test_iterate ();
  g_assert_nonnull (gtk_widget_get_first_child (tavla_item_panel_get_effect_list (panel)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (ui_test_find_label (GTK_WIDGET (panel),
                                                                                  "Effect on Metrics"))));
}

static void
write_csv (Fixture    *fixture,
           const char *name,
           const char *text,
           GFile     **out_file)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  *out_file = g_file_new_for_path (path);
}

static void
on_imported (TavlaImportDialog *dialog,
             guint              n_added,
             guint              n_corrected,
             guint             *out_added)
{
  *out_added = n_added;
}

/* A bad row shows in the preview and keeps Import off; nothing is written.
 * A good file imports. */
static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) stored = NULL;
  g_autoptr(TavlaMetric) metric = g_list_model_get_item (tavla_board_get_metrics (fixture->board), 0);
  g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (tavla_board_get_response_groups (fixture->board), 0);
  g_autofree char *csv = NULL;
  TavlaImportDialog *dialog;
  guint added = 0;
  const char *group_name = tavla_metric_get_per_group (metric) ? tavla_response_group_get_name (group) : "";
  const char *period = tavla_metric_get_period (metric) == TAVLA_PERIOD_WEEK ? "2031-W10" : "2031-03";
  const char *value = tavla_metric_get_unit (metric) == TAVLA_UNIT_SCORE ? "4.2" : "90";

  csv = g_strdup_printf (TAVLA_IMPORT_HEADER "\n%s,%s,%s,%s,,,\nNo such metric,%s,,12,,,\n",
                         tavla_metric_get_name (metric), period, group_name, value, period);
  write_csv (fixture, "bad.csv", csv, &bad);
  dialog = tavla_import_dialog_new (GTK_WINDOW (fixture->window), fixture->board, bad);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  g_assert_cmpuint (tavla_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpuint (tavla_import_dialog_get_n_errors (dialog), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (tavla_import_dialog_get_import_button (dialog)));
  g_assert_nonnull (strstr (tavla_import_dialog_get_summary (dialog), "1 of 2"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();

  stored = tavla_board_get_measurement (fixture->board, tavla_metric_get_name (metric), period,
                                        group_name[0] != '\0' ? group_name : NULL, &error);
  g_assert_null (stored);
  g_clear_error (&error);

  g_free (csv);
  csv = g_strdup_printf (TAVLA_IMPORT_HEADER "\n%s,%s,%s,%s,,,\n",
                         tavla_metric_get_name (metric), period, group_name, value);
  write_csv (fixture, "good.csv", csv, &good);
  dialog = tavla_import_dialog_new (GTK_WINDOW (fixture->window), fixture->board, good);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &added);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  g_assert_cmpuint (tavla_import_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (tavla_import_dialog_get_import_button (dialog)));
  click (tavla_import_dialog_get_import_button (dialog));
  ui_test_iterate ();
  g_assert_cmpuint (added, ==, 1);

  stored = tavla_board_get_measurement (fixture->board, tavla_metric_get_name (metric), period,
                                        group_name[0] != '\0' ? group_name : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
}

/* The entry form: a bad number is named and blocks Save, a good one saves. */
static void
test_enter_figures (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *metrics = tavla_board_get_metrics (fixture->board);
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(TavlaMeasurement) stored = NULL;
  g_autoptr(GError) error = NULL;
  TavlaFiguresDialog *dialog;
  GtkEditable *entry;
  const char *group;

  for (guint i = 0; metric == NULL && i < g_list_model_get_n_items (metrics); i++)
    {
      g_autoptr(TavlaMetric) candidate = g_list_model_get_item (metrics, i);

      if (tavla_metric_get_per_group (candidate) && tavla_metric_get_unit (candidate) == TAVLA_UNIT_PERCENT &&
          tavla_metric_get_period (candidate) == TAVLA_PERIOD_WEEK)
        metric = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (metric);

  dialog = tavla_figures_dialog_new (GTK_WINDOW (fixture->window), fixture->board, metric);
  gtk_window_present (GTK_WINDOW (dialog));
  tavla_figures_dialog_set_period (dialog, "2031-W10");
  ui_test_iterate ();
  g_assert_cmpuint (tavla_figures_dialog_get_n_rows (dialog), >=, 3);
  g_assert_false (gtk_widget_get_sensitive (tavla_figures_dialog_get_save_button (dialog)));

  /* The message names the row as the form shows it, and the entry is marked. */
  entry = tavla_figures_dialog_get_entry (dialog, 1, "value");
  gtk_editable_set_text (entry, "abc");
  ui_test_iterate ();
  g_assert_nonnull (tavla_figures_dialog_get_message (dialog));
  g_assert_true (g_str_has_prefix (tavla_figures_dialog_get_message (dialog), "Row 2, column value"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_false (gtk_widget_get_sensitive (tavla_figures_dialog_get_save_button (dialog)));
  gtk_editable_set_text (entry, "");
  entry = tavla_figures_dialog_get_entry (dialog, 0, "value");

  /* Numerator above denominator is refused too. */
  gtk_editable_set_text (entry, "");
  gtk_editable_set_text (tavla_figures_dialog_get_entry (dialog, 0, "numerator"), "120");
  gtk_editable_set_text (tavla_figures_dialog_get_entry (dialog, 0, "denominator"), "100");
  ui_test_iterate ();
  g_assert_nonnull (tavla_figures_dialog_get_message (dialog));
  g_assert_false (gtk_widget_get_sensitive (tavla_figures_dialog_get_save_button (dialog)));

  gtk_editable_set_text (tavla_figures_dialog_get_entry (dialog, 0, "numerator"), "91");
  ui_test_iterate ();
  g_assert_null (tavla_figures_dialog_get_message (dialog));
  g_assert_true (gtk_widget_get_sensitive (tavla_figures_dialog_get_save_button (dialog)));
  click (tavla_figures_dialog_get_save_button (dialog));
  ui_test_iterate ();

  {
    g_autoptr(TavlaResponseGroup) first = NULL;
    GListModel *groups = tavla_board_get_response_groups (fixture->board);

    for (guint i = 0; first == NULL; i++)
      {
        g_autoptr(TavlaResponseGroup) candidate = g_list_model_get_item (groups, i);

        if (tavla_response_group_get_active (candidate))
          first = g_steal_pointer (&candidate);
      }
    group = tavla_response_group_get_name (first);
    stored = tavla_board_get_measurement (fixture->board, tavla_metric_get_name (metric), "2031-W10", group, &error);
  }
  g_assert_no_error (error);
  g_assert_true (stored->has_ratio);
  g_assert_cmpfloat_with_epsilon (stored->value, 91.0, 1e-9);
}

#define add_test(path, func, demo) \
  g_test_add ((path), Fixture, GINT_TO_POINTER (demo), fixture_setup, (func), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  add_test ("/metrics/empty", test_empty, DATA_NONE);
  add_test ("/metrics/pages", test_pages, DATA_NONE);
  add_test ("/metrics/demo-metrics", test_demo_metrics, DATA_DEMO);
  add_test ("/metrics/own-metrics", test_own_metrics, DATA_OWN);
  add_test ("/metrics/refresh-from-other-process", test_refresh_from_other_process, DATA_OWN);
  add_test ("/metrics/explain-deviation", test_explain_deviation, DATA_OWN);
  add_test ("/metrics/deviations-of-a-month", test_deviations_of_a_month, DATA_OWN);
  add_test ("/metrics/create-improvement", test_create_improvement, DATA_OWN);
  add_test ("/metrics/import-preview", test_import_preview, DATA_OWN);
  add_test ("/metrics/enter-figures", test_enter_figures, DATA_OWN);

  return ui_test_run ();
}
