/* SPDX-License-Identifier: EUPL-1.2 */

/* Reminders in the window (issue 8): what is due shows in the reminder bar
 * when a board opens and is recorded as shown; with no notification
 * daemon, the periodic check falls back to the bar; Open shows the
 * reminder's subject; the Reminders page of Preferences keeps only what
 * the core accepts. */

#include "config.h"

#include <string.h>

#include <tavla/tavla.h>

#include "tavla-preferences-window.h"
#include "tavla-reminder-bar.h"
#include "tavla-reminder-notifier.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

#define ANNA "Anna Lindqvist"

static GSettings *
app_settings (void)
{
  return g_settings_new (APP_ID);
}

static void
add_item (TavlaBoard *board,
          const char *title,
          const char *due)
{
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
    .title = title,
    .owner = ANNA,
    .due = due,
  };
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = tavla_board_create_item (board, &change, "Testaren", &error);
  g_assert_no_error (error);
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

static void
test_window_reminders (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  TavlaReminderSettings check = { .person = ANNA, .meeting_weekday = G_DATE_BAD_WEEKDAY };
  TavlaWindow *window = NULL;
  TavlaBoard *board = NULL;
  TavlaReminderBar *bar = NULL;
  AdwViewStack *stack = NULL;

  g_settings_set_string (settings, "current-person", ANNA);
  g_settings_set_string (settings, "quiet-start", "00:00");
  g_settings_set_string (settings, "quiet-end", "00:00");

  {
    g_autoptr(TavlaBoard) setup = tavla_board_open (path, &error);
    g_autoptr(TavlaPerson) anna = NULL;

    g_assert_no_error (error);
    anna = tavla_board_add_person (setup, ANNA, NULL, NULL, "Testaren", &error);
    g_assert_no_error (error);
    add_item (setup, "Ring tillbaka inom en dag", "2020-01-15");
  }

  window = tavla_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  ui_test_iterate ();
  board = tavla_window_get_board (window);
  bar = tavla_window_get_reminder_bar (window);
  stack = tavla_window_get_view_stack (window);

  /* On opening: in the bar, and recorded as shown today. */
  g_assert_cmpuint (tavla_reminder_bar_get_n_reminders (bar), ==, 1);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (bar), "1 Reminder")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (bar), "Proposal overdue since 2020-01-15 (w. 3)")));
  reminders = tavla_board_list_reminders (board, &check, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_true (((TavlaReminder *) g_ptr_array_index (reminders, 0))->shown);

  /* Checking again shows nothing new: once a day. */
  g_assert_cmpuint (tavla_reminder_notifier_check (tavla_window_get_reminder_notifier (window), FALSE), ==, 0);

  /* A new one while open: no daemon to notify, so it joins the bar. */
  add_item (board, "Svarsmall för bygglov", "2020-02-03");
  g_assert_cmpuint (tavla_reminder_notifier_check (tavla_window_get_reminder_notifier (window), FALSE), ==, 1);
  ui_test_iterate ();
  g_assert_cmpuint (tavla_reminder_bar_get_n_reminders (bar), ==, 2);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (bar), "2 Reminders")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (bar), "Svarsmall för bygglov")));

  /* Open shows what the reminder is about. */
  adw_view_stack_set_visible_child_name (stack, "metrics");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-reminder", "(sx)", "item", (gint64) 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "board");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-reminder", "(sx)", "agreement", (gint64) 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "agreements");
  /* The digest opens the weekly agenda on the Meetings page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-reminder", "(sx)", "weekly-agenda", (gint64) 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "meetings");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-reminder", "(sx)", "recommendation", (gint64) 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "audits");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-reminder", "(sx)", "period-report", (gint64) 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "metrics");

  /* Dismiss hides them all. */
  gtk_widget_activate_action (GTK_WIDGET (bar), "reminders.dismiss", NULL);
  ui_test_iterate ();
  g_assert_cmpuint (tavla_reminder_bar_get_n_reminders (bar), ==, 0);
  g_assert_null (ui_test_find_label (GTK_WIDGET (bar), "Svarsmall för bygglov"));
  g_assert_false (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (bar), "2 Reminders")));

  /* Export Calendar… writes the board's calendar where it was asked to. */
  {
    g_autofree char *ics_path = g_build_filename (dir, "tavla.ics", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (ics_path);
    g_autofree char *text = NULL;

    g_assert_true (tavla_window_export_calendar (window, file));
    g_assert_true (g_file_get_contents (ics_path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
    g_assert_nonnull (strstr (text, "UID:tavla-item-2@tavla.github.io\r\n"));
    g_assert_nonnull (strstr (text, "SUMMARY:Svarsmall för bygglov\r\n"));
    ui_test_iterate ();
    g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (window), "Calendar saved as tavla.ics")));
  }

  /* Switched off in Preferences: nothing is shown. */
  add_item (board, "Ny checklista", "2020-03-02");
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_assert_cmpuint (tavla_reminder_notifier_check (tavla_window_get_reminder_notifier (window), FALSE), ==, 0);
  g_settings_reset (settings, "reminders");

  destroy_and_check (GTK_WIDGET (window));
  g_settings_reset (settings, "current-person");
  g_settings_reset (settings, "quiet-start");
  g_settings_reset (settings, "quiet-end");
  ui_test_remove_dir (dir);
}

static gboolean
has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

static void
test_preferences_reminders (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkWidget *window = tavla_preferences_window_new (NULL, NULL);
  GtkWidget *time_row = NULL;
  GtkWidget *dates_row = NULL;
  GtkWidget *quiet_row = NULL;
  GtkWidget *day_row = NULL;
  g_auto(GStrv) dates = NULL;
  g_autofree char *meeting_time = NULL;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();
  time_row = (GtkWidget *) gtk_widget_get_template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "meeting_time_row");
  dates_row = (GtkWidget *) gtk_widget_get_template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "development_row");
  quiet_row = (GtkWidget *) gtk_widget_get_template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "quiet_start_row");
  day_row = (GtkWidget *) gtk_widget_get_template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "meeting_day_row");

  /* The settings' values are shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "09:00");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (day_row)), ==, 1);

  /* A time the core refuses is marked and not kept. */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:00");
  g_assert_true (has_error (time_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (time_row), ==,
                   "Meeting time “25:00” is not a time; write it as HH:MM, like 09:00.");
  meeting_time = g_settings_get_string (settings, "meeting-time");
  g_assert_cmpstr (meeting_time, ==, "09:00");
  g_clear_pointer (&meeting_time, g_free);
  gtk_editable_set_text (GTK_EDITABLE (time_row), "10:30");
  g_assert_false (has_error (time_row));
  meeting_time = g_settings_get_string (settings, "meeting-time");
  g_assert_cmpstr (meeting_time, ==, "10:30");

  gtk_editable_set_text (GTK_EDITABLE (dates_row), "2027-02-11, 2027-13-01");
  g_assert_true (has_error (dates_row));
  dates = g_settings_get_strv (settings, "development-dates");
  g_assert_cmpuint (g_strv_length (dates), ==, 0);
  g_clear_pointer (&dates, g_strfreev);
  gtk_editable_set_text (GTK_EDITABLE (dates_row), "2027-02-11, 2027-05-20");
  g_assert_false (has_error (dates_row));
  dates = g_settings_get_strv (settings, "development-dates");
  g_assert_cmpuint (g_strv_length (dates), ==, 2);
  g_assert_cmpstr (dates[1], ==, "2027-05-20");

  gtk_editable_set_text (GTK_EDITABLE (quiet_row), "kväll");
  g_assert_true (has_error (quiet_row));
  gtk_editable_set_text (GTK_EDITABLE (quiet_row), "");
  g_assert_false (has_error (quiet_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (day_row), 3);
  g_assert_cmpint (g_settings_get_int (settings, "meeting-weekday"), ==, 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (day_row), 0);
  g_assert_cmpint (g_settings_get_int (settings, "meeting-weekday"), ==, 0);

  destroy_and_check (window);
  g_settings_reset (settings, "meeting-time");
  g_settings_reset (settings, "meeting-weekday");
  g_settings_reset (settings, "development-dates");
  g_settings_reset (settings, "quiet-start");
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* A session bus of its own, with no notification daemon on it, set up
   * before GTK connects to the session bus: libnotify shares GTK's. */
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY against D-Bus autolaunch; GTK needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/reminders/window", test_window_reminders);
  g_test_add_func ("/reminders/preferences", test_preferences_reminders);

  status = ui_test_run ();
  /* GTK and libnotify keep their connection to the bus until exit, so the
   * bus is stopped without waiting for it to be closed. */
  g_test_dbus_stop (bus);
  return status;
}
