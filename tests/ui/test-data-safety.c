/* SPDX-License-Identifier: EUPL-1.2 */
/* Backups in Preferences, the way back from a damaged file, and another
 * process's write showing on the open board. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <tavla/tavla.h>

#include "tavla-preferences-window.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

/* The rows that show a backup: their title is when it was taken. */
static guint
count_backup_rows (GtkWidget *root)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root) && gtk_widget_get_visible (root) &&
      g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), 0, 0))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_backup_rows (child);

  return n;
}

static GtkWidget *
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));
}

static void
add_items (TavlaBoard *board,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Förslag %u", i);
      TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = title };
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaItem) item = tavla_board_create_item (board, &fields, NULL, &error);

      g_assert_no_error (error);
    }
}

static void
test_preferences_backups (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *window = NULL;
  GtkWidget *no_backups = NULL;
  GtkWidget *check_row = NULL;

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  add_items (board, 3);

  window = tavla_preferences_window_new (NULL, board);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate ();
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), NULL);

  /* A new board has none yet, and says so. */
  no_backups = template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "no_backups_row");
  g_assert_true (gtk_widget_get_visible (no_backups));
  g_assert_cmpuint (count_backup_rows (window), ==, 0);

  g_signal_emit_by_name (template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "back_up_button"), "clicked");
  ui_test_iterate ();
  backups = tavla_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpuint (count_backup_rows (window), ==, 1);
  g_assert_false (gtk_widget_get_visible (no_backups));

  check_row = template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "check_row");
  g_signal_emit_by_name (template_child (window, TAVLA_TYPE_PREFERENCES_WINDOW, "check_button"), "clicked");
  ui_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (check_row)), ==, "The database is sound");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_clear_object (&board);
  ui_test_remove_dir (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A damaged file shows why, offers the newest backup, and restoring it
 * brings the board back. */
static void
test_damaged_offers_backup (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autofree char *mark = g_strconcat (path, "-closed", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  TavlaWindow *window = NULL;
  GtkWidget *restore = NULL;
  AdwMessageDialog *dialog = NULL;
  gsize length = 0;

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  add_items (board, 40);
  g_clear_object (&board);

  /* Pages lost in a crash. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  memset (contents + 2 * 4096, 0, 2 * 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_unlink (mark);

  window = tavla_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (tavla_window_open_path (window, path));
  ui_test_iterate ();
  restore = template_child (GTK_WIDGET (window), TAVLA_TYPE_WINDOW, "restore_button");
  g_assert_true (ui_test_is_shown (restore));
  g_assert_null (tavla_window_get_board (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-newest-backup", NULL);
  ui_test_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  ui_test_iterate ();

  g_assert_nonnull (tavla_window_get_board (window));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (tavla_window_get_board (window))), ==, 40);
  g_assert_false (ui_test_is_shown (restore));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  ui_test_remove_dir (dir);
}

/* tavla-cli writes while the window is open: the board shows it within a
 * second, without the user doing anything. */
static void
test_cli_write_appears (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autofree char *cli = g_build_filename (g_getenv ("TAVLA_TEST_BUILDDIR"), "src", "cli", "tavla-cli", NULL);
  g_autoptr(GError) error = NULL;
  TavlaWindow *window = NULL;
  GListModel *items = NULL;
  const char *argv[] = { cli, "--db", path, "item", "add", "--title", "Från cron-jobbet", NULL };
  gint64 written;
  gint64 shown = 0;
  int status = -1;

  window = tavla_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  ui_test_iterate ();
  items = tavla_board_get_items (tavla_window_get_board (window));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  written = g_get_monotonic_time ();

  while (g_list_model_get_n_items (items) == 0 &&
         g_get_monotonic_time () - written < 2 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  shown = g_get_monotonic_time ();

  g_test_message ("a tavla-cli write showed on the open board after %.0f ms",
                  (shown - written) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_cmpint (shown - written, <, G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  ui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/data-safety/preferences-backups", test_preferences_backups);
  g_test_add_func ("/data-safety/damaged-offers-backup", test_damaged_offers_backup);
  g_test_add_func ("/data-safety/cli-write-appears", test_cli_write_appears);

  return ui_test_run ();
}
