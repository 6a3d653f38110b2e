/* SPDX-License-Identifier: EUPL-1.2 */

/* Every template instantiates and every widget is freed again: a broken
 * .ui file or a leaked reference fails here (GTK 4.8's builder tool cannot
 * check templates with libadwaita parents). */

#include "config.h"

#include <sqlite3.h>
#include <tavla/tavla.h>

#include "tavla-board-column.h"
#include "tavla-board-view.h"
#include "tavla-figures-dialog.h"
#include "tavla-import-dialog.h"
#include "tavla-item-card.h"
#include "tavla-item-panel.h"
#include "tavla-meeting-mode.h"
#include "tavla-meetings-view.h"
#include "tavla-metric-chart.h"
#include "tavla-metrics-view.h"
#include "tavla-preferences-window.h"
#include "tavla-reminder-bar.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

static void
test_widget_templates (void)
{
  GType types[] = {
    TAVLA_TYPE_ITEM_CARD,
    TAVLA_TYPE_BOARD_COLUMN,
    TAVLA_TYPE_ITEM_PANEL,
    TAVLA_TYPE_BOARD_VIEW,
    TAVLA_TYPE_METRICS_VIEW,
    TAVLA_TYPE_MEETINGS_VIEW,
    TAVLA_TYPE_REMINDER_BAR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (widget));
      g_assert_nonnull (gtk_widget_get_first_child (widget));
      g_assert_finalize_object (widget);
    }
}

static void
destroy_and_check (GtkWidget *window)
{
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (weak);
}

/* Meeting mode is a window of its own, opened on a running meeting. */
static void
test_meeting_mode_template (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(GError) error = NULL;
  TavlaBoard *board = tavla_board_open (path, &error);
  TavlaMeetingInput input = { .kind = TAVLA_MEETING_WEEKLY, .date = "2026-12-07" };
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(TavlaMeeting) started = NULL;
  TavlaMeetingMode *mode = NULL;

  g_assert_no_error (error);
  meeting = tavla_board_add_meeting (board, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);
  started = tavla_board_start_meeting (board, tavla_meeting_get_id (meeting), "Testaren", &error);
  g_assert_no_error (error);

  mode = tavla_meeting_mode_new (NULL, board, tavla_meeting_get_id (meeting));
  g_assert_true (TAVLA_IS_MEETING_MODE (mode));
  /* An empty agenda goes straight to closing the meeting. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                     GTK_WIDGET (mode), TAVLA_TYPE_MEETING_MODE, "stack"))), ==, "end");
  destroy_and_check (GTK_WIDGET (mode));
  g_assert_finalize_object (board);
  ui_test_remove_dir (dir);
}

static void
test_window_template (void)
{
  TavlaWindow *window = tavla_window_new (NULL);

  g_assert_true (TAVLA_IS_WINDOW (window));
  g_assert_true (TAVLA_IS_BOARD_VIEW (tavla_window_get_board_view (window)));
  g_assert_null (tavla_window_get_board (window));
  destroy_and_check (GTK_WIDGET (window));
}

/* A file that cannot be opened shows why, with a way out; a good one
 * shows the board. */
static void
test_window_open (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  GtkWidget *title;

  gtk_window_present (GTK_WINDOW (window));

  /* A folder is not a database. */
  g_assert_false (tavla_window_open_path (window, dir));
  ui_test_iterate ();
  g_assert_null (tavla_window_get_board (window));
  title = ui_test_find_label (GTK_WIDGET (window), "Could Not Open the Database");
  g_assert_true (ui_test_is_shown (title));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (window), "Choose Another File…")));

  g_assert_true (tavla_window_open_path (window, path));
  ui_test_iterate ();
  g_assert_nonnull (tavla_window_get_board (window));
  g_assert_false (ui_test_is_shown (title));
  g_assert_true (tavla_board_view_get_board (tavla_window_get_board_view (window)) == tavla_window_get_board (window));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (window), "No Proposals Yet")));

  /* The undo toast's button ("win.undo") reaches the board. */
  {
    TavlaBoard *board = tavla_window_get_board (window);
    TavlaBoardView *view = tavla_window_get_board_view (window);
    TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Parkera mig" };
    g_autoptr(TavlaItem) item = NULL;
    g_autoptr(TavlaItem) after = NULL;
    g_autoptr(GError) error = NULL;

    item = tavla_board_create_item (board, &change, "Testaren", &error);
    g_assert_no_error (error);
    ui_test_iterate ();
    g_assert_true (tavla_board_view_move_item (view, item, TAVLA_STATUS_PARKED));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    ui_test_iterate ();
    after = tavla_board_get_item (board, tavla_item_get_id (item), &error);
    g_assert_no_error (error);
    g_assert_cmpint (tavla_item_get_status (after), ==, TAVLA_STATUS_NEW);
  }

  destroy_and_check (GTK_WIDGET (window));
  ui_test_remove_dir (dir);
}

/* A database from a newer Tavla opens read-only and says so above the board. */
static void
test_window_read_only (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaBoard) board = tavla_board_open (path, &error);
  GtkWidget *revealer;
  sqlite3 *db = NULL;
  const char *reason;

  g_assert_no_error (error);
  g_clear_object (&board);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  ui_test_iterate ();

  g_assert_true (tavla_board_is_read_only (tavla_window_get_board (window)));
  reason = tavla_board_get_read_only_reason (tavla_window_get_board (window));
  g_assert_nonnull (reason);
  revealer = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), TAVLA_TYPE_WINDOW, "read_only_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (window), reason)));

  destroy_and_check (GTK_WIDGET (window));
  ui_test_remove_dir (dir);
}

static void
test_preferences_template (void)
{
  GtkWidget *window = tavla_preferences_window_new (NULL, NULL);

  g_assert_true (ADW_IS_PREFERENCES_WINDOW (window));
  g_assert_nonnull (ui_test_find_label (window, "Who I Am"));
  destroy_and_check (window);
}

static void
test_help_overlay (void)
{
  GtkBuilder *builder = gtk_builder_new_from_resource ("/io/github/tavla/Tavla/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (overlay), "To In progress"));
  /* The toplevel list keeps the window once the builder is gone. */
  g_object_unref (builder);
  destroy_and_check (GTK_WIDGET (overlay));
}

/* The card shows what the weekly meeting needs, in words as well as colour. */
static void
test_card_shows_item (void)
{
  g_autoptr(TavlaItem) item = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = tavla_item_card_new ();
  TavlaItemFields fields = {
    .id = 7,
    .version = 1,
    .title = "Ring tillbaka inom en dag",
    .owner = "Anna Lind",
    .due = "2020-01-15",
    .department = "Socialförvaltningen",
    .source = TAVLA_SOURCE_WEEKLY,
    .strategic = TRUE,
    .status = TAVLA_STATUS_IN_PROGRESS,
    .mark = TAVLA_MARK_AT_RISK,
    .created = "2020-01-01T08:00:00Z",
    .updated = "2020-01-02T08:00:00Z",
  };

  item = tavla_item_new (&fields);
  gtk_window_set_child (GTK_WINDOW (window), card);
  tavla_item_card_set_item (TAVLA_ITEM_CARD (card), item);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();

  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Ring tillbaka inom en dag")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Anna Lind")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Socialförvaltningen")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Overdue")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Strategic")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, tavla_mark_get_label (TAVLA_MARK_AT_RISK))));
  g_assert_true (gtk_widget_has_css_class (card, "overdue"));
  /* Not linked to a metric: no metric badge. */
  g_assert_false (ui_test_is_shown (ui_test_find_label (card, "Metric")));

  /* Linked to a metric: the badge says so in words. */
  g_clear_object (&item);
  fields.has_metric = TRUE;
  item = tavla_item_new (&fields);
  tavla_item_card_set_item (TAVLA_ITEM_CARD (card), item);
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (card, "Metric")));

  /* Without a mark or strategic flag the pills go away. */
  tavla_item_card_set_item (TAVLA_ITEM_CARD (card), NULL);
  ui_test_iterate ();
  g_assert_false (ui_test_is_shown (ui_test_find_label (card, "Overdue")));
  g_assert_false (ui_test_is_shown (ui_test_find_label (card, "Strategic")));

  destroy_and_check (window);
}

/* The metric dialogs need a board and a metric to build their forms. */
static void
test_metric_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autofree char *csv_path = g_build_filename (dir, "figures.csv", NULL);
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GError) error = NULL;
  TavlaMetricInput input = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher",
    .target = "95", .period = "week", .per_group = TRUE,
  };
  GtkWidget *dialog;

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  group = tavla_board_add_response_group (board, "Socialtjänst", "Testaren", &error);
  g_assert_no_error (error);
  metric = tavla_board_add_metric (board, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);

  dialog = GTK_WIDGET (tavla_figures_dialog_new (NULL, board, metric));
  g_assert_cmpuint (tavla_figures_dialog_get_n_rows (TAVLA_FIGURES_DIALOG (dialog)), ==, 1);
  g_assert_nonnull (tavla_figures_dialog_get_entry (TAVLA_FIGURES_DIALOG (dialog), 0, "numerator"));
  g_assert_null (tavla_figures_dialog_get_entry (TAVLA_FIGURES_DIALOG (dialog), 0, "respondents"));
  destroy_and_check (dialog);

  g_file_set_contents (csv_path, TAVLA_IMPORT_HEADER "\nSvarsfrekvens,2026-W10,Socialtjänst,,90,100,\n", -1, &error);
  g_assert_no_error (error);
  csv = g_file_new_for_path (csv_path);
  dialog = GTK_WIDGET (tavla_import_dialog_new (NULL, board, csv));
  g_assert_cmpuint (tavla_import_dialog_get_n_rows (TAVLA_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_cmpuint (tavla_import_dialog_get_n_errors (TAVLA_IMPORT_DIALOG (dialog)), ==, 0);
  destroy_and_check (dialog);

  g_clear_object (&board);
  ui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/templates/widgets", test_widget_templates);
  g_test_add_func ("/templates/window", test_window_template);
  g_test_add_func ("/templates/window-open", test_window_open);
  g_test_add_func ("/templates/window-read-only", test_window_read_only);
  g_test_add_func ("/templates/preferences", test_preferences_template);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/meeting-mode", test_meeting_mode_template);
  g_test_add_func ("/templates/card", test_card_shows_item);
  g_test_add_func ("/templates/metric-dialogs", test_metric_dialogs);

  return ui_test_run ();
}
