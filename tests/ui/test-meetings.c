/* SPDX-License-Identifier: EUPL-1.2 */

/* The Meetings page and meeting mode as the leader drives them: a meeting
 * planned on the page, walked entry by entry with the keyboard alone
 * (keep, owner, due date, status, mark, decision, reject, pause, resume,
 * leave and come back, close), and the minutes it ends with. */

#include "config.h"

#include <string.h>
#include <tavla/tavla.h>

#include "tavla-document-export.h"
#include "tavla-item-panel.h"
#include "tavla-meeting-mode.h"
#include "tavla-meetings-view.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

typedef struct
{
  char              *dir;
  char              *path;
  TavlaBoard        *board;
  GtkWidget         *window;
  TavlaMeetingsView *view;
  gint64             items[5];
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *titles[] = {
    "Telefonkö vid skolvalet", "Checklista för bygglov", "Öppettider på webben", "Dubblett om telefonkön",
    "Mall för återkoppling",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaPerson) anna = NULL;

  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->board = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  anna = tavla_board_add_person (fixture->board, "Anna Lindqvist", NULL, NULL, "Testaren", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = titles[i] };
      g_autoptr(TavlaItem) item = tavla_board_create_item (fixture->board, &change, "Testaren", &error);

      g_assert_no_error (error);
      fixture->items[i] = tavla_item_get_id (item);
    }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  fixture->view = g_object_new (TAVLA_TYPE_MEETINGS_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  tavla_meetings_view_set_board (fixture->view, fixture->board);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_test_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate ();
  g_assert_null (weak);

  g_assert_finalize_object (fixture->board);
  ui_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GObject *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
press (GtkWindow *mode,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (mode));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          ui_test_iterate ();
          return handled;
        }
    }

  g_assert_not_reached ();
  return FALSE;
}

/* Types @text into the question that a key opened and presses Enter. */
static void
answer (GtkWindow  *mode,
        const char *text)
{
  GtkRevealer *revealer = GTK_REVEALER (child (GTK_WIDGET (mode), TAVLA_TYPE_MEETING_MODE, "prompt_revealer"));
  GtkWidget *entry = GTK_WIDGET (child (GTK_WIDGET (mode), TAVLA_TYPE_MEETING_MODE, "prompt_entry"));

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate ();
}

static const char *
label_text (GtkWindow  *mode,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (GTK_WIDGET (mode), TAVLA_TYPE_MEETING_MODE, name)));
}

static const char *
page (GtkWindow *mode)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (GTK_WIDGET (mode), TAVLA_TYPE_MEETING_MODE, "stack")));
}

/* Whether a label under @widget ends with @suffix. */
static gboolean
panel_mentions (GtkWidget  *widget,
                const char *suffix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), suffix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (panel_mentions (child, suffix))
      return TRUE;

  return FALSE;
}

static gint64
plan_meeting (Fixture *fixture)
{
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  GtkWidget *attendees = GTK_WIDGET (child (GTK_WIDGET (fixture->view), TAVLA_TYPE_MEETINGS_VIEW, "attendees_row"));

  gtk_editable_set_text (GTK_EDITABLE (attendees), "Anna Lindqvist");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.plan", NULL);
  ui_test_iterate ();

  meetings = tavla_board_list_meetings (fixture->board, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  meeting = g_list_model_get_item (meetings, 0);
  g_assert_cmpint (tavla_meeting_get_state (meeting), ==, TAVLA_MEETING_PLANNED);

  return tavla_meeting_get_id (meeting);
}

static void
test_walk_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMinutes) minutes = NULL;
  g_autoptr(TavlaItem) second = NULL;
  g_autoptr(TavlaItem) fourth = NULL;
  g_autoptr(GListModel) history = NULL;
  GtkWindow *mode = NULL;
  GtkWidget *weak = NULL;
  const char *markup = NULL;
  gint64 id = plan_meeting (fixture);

  /* The planned meeting shows its agenda with the five new proposals. */
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (fixture->view), "Start Meeting"));

  mode = tavla_meetings_view_run_meeting (fixture->view, id);
  g_assert_nonnull (mode);
  gtk_window_present (mode);
  ui_test_iterate ();
  g_assert_cmpstr (page (mode), ==, "entry");
  g_assert_cmpstr (label_text (mode, "progress_label"), ==, "Entry 1 of 5");
  g_assert_cmpstr (label_text (mode, "section_label"), ==, "New proposals");
  g_assert_cmpstr (label_text (mode, "title_label"), ==, "#1 Telefonkö vid skolvalet");

  /* 1: stays as it is. */
  g_assert_true (press (mode, GDK_KEY_space));
  g_assert_cmpstr (label_text (mode, "progress_label"), ==, "Entry 2 of 5");

  /* 2: an owner, a due date, in progress, at risk. A wrong name first:
   * the core's message shows and the question stays open. */
  g_assert_true (press (mode, GDK_KEY_o));
  answer (mode, "Ingen Alls");
  g_assert_nonnull (strstr (label_text (mode, "error_label"), "Ingen Alls"));
  answer (mode, "Anna Lindqvist");
  g_assert_true (press (mode, GDK_KEY_u));
  answer (mode, "2026-12-31");
  g_assert_true (press (mode, GDK_KEY_i));
  g_assert_true (press (mode, GDK_KEY_2));
  g_assert_nonnull (strstr (label_text (mode, "detail_label"), "In progress · At risk"));
  g_assert_nonnull (strstr (label_text (mode, "changes_label"), "Anna Lindqvist"));
  g_assert_true (press (mode, GDK_KEY_Right));

  /* 3: a decision. */
  g_assert_cmpstr (label_text (mode, "progress_label"), ==, "Entry 3 of 5");
  g_assert_true (press (mode, GDK_KEY_b));
  answer (mode, "Webbredaktionen får frågan <direkt>");
  g_assert_nonnull (strstr (label_text (mode, "changes_label"), "Webbredaktionen"));
  g_assert_true (press (mode, GDK_KEY_Return));

  /* 4: rejected with its reason; then leave (Esc) and come back. */
  g_assert_true (press (mode, GDK_KEY_x));
  answer (mode, "Dubblett av #1");
  g_assert_true (press (mode, GDK_KEY_space));
  weak = GTK_WIDGET (mode);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_assert_true (press (mode, GDK_KEY_Escape));
  ui_test_iterate ();
  g_assert_null (weak);

  mode = tavla_meetings_view_run_meeting (fixture->view, id);
  gtk_window_present (mode);
  ui_test_iterate ();
  g_assert_cmpstr (label_text (mode, "progress_label"), ==, "Entry 5 of 5");

  /* 5: pause and resume, then end the meeting before handling it. */
  g_assert_true (press (mode, GDK_KEY_p));
  g_assert_cmpstr (page (mode), ==, "paused");
  g_assert_true (press (mode, GDK_KEY_space));
  g_assert_cmpstr (page (mode), ==, "entry");
  g_assert_cmpstr (label_text (mode, "progress_label"), ==, "Entry 5 of 5");
  g_assert_true (press (mode, GDK_KEY_e));
  g_assert_cmpstr (page (mode), ==, "end");
  g_assert_true (press (mode, GDK_KEY_Return));
  g_assert_cmpstr (page (mode), ==, "minutes");

  /* The minutes on screen: decision, changes, new owner and date, and
   * the entry carried over; user text escaped. */
  markup = label_text (mode, "minutes_label");
  g_assert_nonnull (strstr (markup, "Webbredaktionen får frågan &lt;direkt&gt;"));
  g_assert_nonnull (strstr (markup, "#2 Checklista för bygglov"));
  g_assert_nonnull (strstr (markup, "Anna Lindqvist"));
  g_assert_nonnull (strstr (markup, "2026-12-31 (w. 53)"));
  g_assert_nonnull (strstr (markup, "Dubblett av #1"));
  g_assert_nonnull (strstr (markup, "#5 Mall för återkoppling"));

  /* And in the core: every change carries the meeting. */
  minutes = tavla_board_get_minutes (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_meeting_get_state (minutes->meeting), ==, TAVLA_MEETING_CLOSED);
  g_assert_cmpuint (minutes->n_entries, ==, 5);
  g_assert_cmpuint (minutes->n_handled, ==, 4);
  g_assert_cmpuint (minutes->decisions->len, ==, 1);
  g_assert_cmpuint (minutes->carried_over->len, ==, 1);
  g_assert_cmpint (((TavlaAgendaEntry *) g_ptr_array_index (minutes->carried_over, 0))->id, ==, fixture->items[4]);

  second = tavla_board_get_item (fixture->board, fixture->items[1], &error);
  g_assert_cmpstr (tavla_item_get_owner (second), ==, "Anna Lindqvist");
  g_assert_cmpint (tavla_item_get_mark (second), ==, TAVLA_MARK_AT_RISK);
  fourth = tavla_board_get_item (fixture->board, fixture->items[3], &error);
  g_assert_cmpint (tavla_item_get_status (fourth), ==, TAVLA_STATUS_REJECTED);
  history = tavla_board_list_history (fixture->board, fixture->items[1], &error);
  for (guint i = 1; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      g_assert_cmpint (tavla_history_entry_get_meeting_id (entry), ==, id);
    }

  /* Printed (the print operation to a PDF file, as the print dialog
   * would), the minutes read back as text. */
  {
    g_autofree char *pdf_path = g_build_filename (fixture->dir, "protokoll.pdf", NULL);
    g_autoptr(TavlaDocument) document = tavla_minutes_build_document (minutes);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", pdf_path, "-", NULL };
    int status = 0;

    g_assert_cmpuint (tavla_document_print_to_pdf (document, pdf_path, &error), >=, 1);
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Webbredaktionen får frågan <direkt>"));
    g_assert_nonnull (strstr (text, "Dubblett av #1"));
  }

  /* The proposal's timeline names the meeting its changes were made in. */
  {
    GtkWidget *panel = g_object_ref_sink (tavla_item_panel_new ());
    g_autoptr(TavlaMeeting) meeting = tavla_board_get_meeting (fixture->board, id, &error);
    g_autofree char *title = tavla_meeting_dup_title (meeting);
    g_autofree char *expected = NULL;

    tavla_item_panel_set_board (TAVLA_ITEM_PANEL (panel), fixture->board);
    tavla_item_panel_edit (TAVLA_ITEM_PANEL (panel), second);
    ui_test_iterate ();
    expected = g_strdup_printf ("· %s", title);
    g_assert_true (panel_mentions (panel, expected));
    g_assert_finalize_object (panel);
  }

  /* The page now lists the meeting as closed with its minutes. */
  weak = GTK_WIDGET (mode);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_assert_true (press (mode, GDK_KEY_Escape));
  ui_test_iterate ();
  g_assert_null (weak);
  g_assert_nonnull (ui_test_find_label (GTK_WIDGET (fixture->view), "Closed · 4 of 5 handled"));
}

/* The window has the page as the fourth, Ctrl+Alt+4. */
static void
test_window_page (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  AdwViewStack *stack = tavla_window_get_view_stack (window);
  GtkWidget *page_widget = adw_view_stack_get_child_by_name (stack, "meetings");
  GtkWidget *weak = GTK_WIDGET (window);

  g_assert_true (TAVLA_IS_MEETINGS_VIEW (page_widget));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page_widget)), ==, "Meetings");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "meetings");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (weak);
}

/* A planning error is the core's message beside the form; nothing written. */
static void
test_plan_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) meetings = NULL;
  GtkWidget *date = GTK_WIDGET (child (GTK_WIDGET (fixture->view), TAVLA_TYPE_MEETINGS_VIEW, "date_row"));
  GtkLabel *error = GTK_LABEL (child (GTK_WIDGET (fixture->view), TAVLA_TYPE_MEETINGS_VIEW, "plan_error"));

  gtk_editable_set_text (GTK_EDITABLE (date), "7 december");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.plan", NULL);
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_nonnull (strstr (gtk_label_get_label (error), "YYYY-MM-DD"));
  meetings = tavla_board_list_meetings (fixture->board, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/meetings/window-page", test_window_page);
  g_test_add ("/meetings/walk-by-keyboard", Fixture, NULL, fixture_setup, test_walk_by_keyboard, fixture_teardown);
  g_test_add ("/meetings/plan-error", Fixture, NULL, fixture_setup, test_plan_error, fixture_teardown);

  return ui_test_run ();
}
