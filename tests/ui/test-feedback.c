/* SPDX-License-Identifier: EUPL-1.2 */

/* The Feedback page as a user drives it: the page in the window with the
 * cursor in the form, the core's verdict on the form as it is typed,
 * registering, the list with its filters and search, the counts per
 * department, feedback written elsewhere showing up, and the compilation
 * and period report the menus save and print. Each test has its own
 * database in a temporary folder. */

#include "config.h"

#include <string.h>
#include <tavla/tavla.h>

#include "tavla-document-export.h"
#include "tavla-feedback-view.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

typedef struct
{
  char              *dir;
  char              *path;
  char              *today;
  TavlaBoard        *board;
  GtkWidget         *window;
  TavlaFeedbackView *view;
} Fixture;

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), TAVLA_TYPE_FEEDBACK_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
add_feedback (Fixture    *fixture,
              const char *department,
              const char *category,
              const char *text)
{
  TavlaFeedbackInput input = {
    .date = fixture->today, .channel = "phone", .department = department, .category = category, .text = text,
  };
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;

  feedback = tavla_board_add_feedback (fixture->board, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDepartment) soc = NULL;
  g_autoptr(TavlaDepartment) sbf = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->today = tavla_date_today ();
  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->board = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  soc = tavla_board_add_department (fixture->board, "Socialförvaltningen", "SOC", "Testaren", &error);
  g_assert_no_error (error);
  sbf = tavla_board_add_department (fixture->board, "Samhällsbyggnadsförvaltningen", "SBF", "Testaren", &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  fixture->view = TAVLA_FEEDBACK_VIEW (tavla_feedback_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  tavla_feedback_view_set_board (fixture->view, fixture->board);
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
  g_free (fixture->today);
}

static const char *
message (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (child (fixture, "form_message")));
}

static gboolean
can_register (Fixture *fixture)
{
  return gtk_widget_get_sensitive (child (fixture, "register_button"));
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture, "text_view"))), text, -1);
  ui_test_iterate ();
}

static guint
n_rows (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (child (fixture, "feedback_list"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

static void
test_templates (void)
{
  GtkWidget *widget = g_object_ref_sink (tavla_feedback_view_new ());

  g_assert_nonnull (gtk_widget_get_first_child (widget));
  g_assert_finalize_object (widget);
}

/* The page after Agreements: Ctrl+Alt+4's action shows it with the cursor
 * in the text the citizen's words go into. */
static void
test_window_page (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  AdwViewStack *stack = tavla_window_get_view_stack (window);
  GtkWidget *weak = GTK_WIDGET (window);
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "feedback");
  GObject *text_view = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);

  g_assert_true (TAVLA_IS_FEEDBACK_VIEW (page));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page)), ==, "Feedback");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  g_assert_true (tavla_feedback_view_get_board (TAVLA_FEEDBACK_VIEW (page)) == tavla_window_get_board (window));
  ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "feedback"));
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "feedback");
  text_view = gtk_widget_get_template_child (page, TAVLA_TYPE_FEEDBACK_VIEW, "text_view");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (text_view));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (weak);
  ui_test_remove_dir (dir);
}

/* The core judges the form as it is typed; Register only when it agrees. */
static void
test_validate_as_typed (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEditable *date = GTK_EDITABLE (child (fixture, "date_entry"));

  /* A new call: today, the first department, an empty text. */
  g_assert_cmpstr (gtk_editable_get_text (date), ==, fixture->today);
  g_assert_nonnull (strstr (message (fixture), "Text is empty"));
  g_assert_false (can_register (fixture));

  type_text (fixture, "Väntade länge i telefonkön");
  g_assert_cmpstr (message (fixture), ==, "");
  g_assert_true (can_register (fixture));

  gtk_editable_set_text (date, "2026-13-01");
  ui_test_iterate ();
  g_assert_nonnull (strstr (message (fixture), "“2026-13-01” is not a date"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "form_message"), "error"));
  g_assert_false (can_register (fixture));

  gtk_editable_set_text (date, "2999-01-01");
  ui_test_iterate ();
  g_assert_nonnull (strstr (message (fixture), "in the future"));
  g_assert_false (can_register (fixture));

  gtk_editable_set_text (date, fixture->today);
  ui_test_iterate ();
  g_assert_true (can_register (fixture));
  /* Nothing was written while typing. */
  g_assert_cmpuint (n_rows (fixture), ==, 0);
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (fixture, "text_view")));

  /* The departments in the order they were added: choose the second,
   * e-service and suggestion. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "department_dropdown")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "channel_dropdown")), TAVLA_FEEDBACK_CHANNEL_E_SERVICE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "category_dropdown")),
                              TAVLA_FEEDBACK_CATEGORY_SUGGESTION);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (fixture, "personal_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (fixture, "passed_on_check")), TRUE);
  type_text (fixture, "Karin Ek vill kunna följa sitt ärende i e-tjänsten");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "feedback.register", NULL));
  ui_test_iterate ();

  all = tavla_board_list_feedback (fixture->board, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  feedback = g_list_model_get_item (all, 0);
  g_assert_cmpstr (tavla_feedback_get_department (feedback), ==, "Samhällsbyggnadsförvaltningen");
  g_assert_cmpint (tavla_feedback_get_channel (feedback), ==, TAVLA_FEEDBACK_CHANNEL_E_SERVICE);
  g_assert_cmpint (tavla_feedback_get_category (feedback), ==, TAVLA_FEEDBACK_CATEGORY_SUGGESTION);
  g_assert_true (tavla_feedback_get_personal_data (feedback));
  g_assert_cmpstr (tavla_feedback_get_passed_on_date (feedback), ==, fixture->today);

  /* Ready for the next call: the text and ticks cleared, the rest kept. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (fixture, "personal_check"))));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (child (fixture, "department_dropdown"))), ==, 1);
  g_assert_false (can_register (fixture));

  /* The list and the counts show it. */
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view),
                                                       "Karin Ek vill kunna följa sitt ärende i e-tjänsten")));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child (fixture, "summary_label"))),
                                   "1 feedback in T"));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkListBox *summary = GTK_LIST_BOX (child (fixture, "summary_list"));

  add_feedback (fixture, "SOC", "complaint", "Lång väntan på försörjningsstöd");
  add_feedback (fixture, "SOC", "praise", "Vänligt bemötande i telefon");
  add_feedback (fixture, "SBF", "complaint", "Bygglovet dröjer");
  ui_test_iterate ();

  /* Written through the board: the page follows. */
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  g_assert_nonnull (gtk_list_box_get_row_at_index (summary, 1));
  g_assert_null (gtk_list_box_get_row_at_index (summary, 2));

  /* "All departments", then Socialförvaltningen, Samhällsbyggnadsförvaltningen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "filter_department_dropdown")), 1);
  ui_test_iterate ();
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_null (gtk_list_box_get_row_at_index (summary, 1));

  /* "All categories", then complaint first. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "filter_category_dropdown")), 1);
  ui_test_iterate ();
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "filter_department_dropdown")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "filter_category_dropdown")), 0);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), "bygglov");
  /* The search entry waits a moment before it searches. */
  for (guint i = 0; i < 30 && n_rows (fixture) != 1; i++)
    ui_test_iterate ();
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "search_entry")), "finns inte");
  for (guint i = 0; i < 30 && n_rows (fixture) != 0; i++)
    ui_test_iterate ();
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "list_stack"))), ==, "empty");
}

/* What the Compilation and Period Report menus save and print. */
static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TavlaDocument) compilation = NULL;
  g_autoptr(TavlaDocument) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "periodrapport.pdf", NULL);

  add_feedback (fixture, "SOC", "complaint", "Lång väntan på försörjningsstöd");
  add_feedback (fixture, "SBF", "complaint", "Bygglovet dröjer");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture, "filter_department_dropdown")), 1);
  ui_test_iterate ();

  /* The chosen department's compilation only. */
  compilation = tavla_feedback_view_build_compilation (fixture->view, &error);
  g_assert_no_error (error);
  bytes = tavla_document_render (compilation, TAVLA_EXPORT_MARKDOWN, &error);
  g_assert_no_error (error);
  markdown = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (markdown, "Lång väntan på försörjningsstöd"));
  g_assert_null (strstr (markdown, "Bygglovet dröjer"));

  report = tavla_feedback_view_build_report (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tavla_document_get_title (report), "Period report T"));
  g_assert_cmpuint (tavla_document_print_to_pdf (report, pdf, &error), >=, 1);
  g_assert_no_error (error);
}

/* A row's menu: passed on today, and a proposal started from it. */
static void
test_row_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(TavlaFeedback) passed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = NULL;
  AdwMessageDialog *dialog = NULL;
  gint64 id = 0;

  add_feedback (fixture, "SBF", "complaint", "Olika besked om strandskydd");
  ui_test_iterate ();
  all = tavla_board_list_feedback (fixture->board, NULL, &error);
  feedback = g_list_model_get_item (all, 0);
  id = tavla_feedback_get_id (feedback);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "feedback.pass-on", "x", id));
  ui_test_iterate ();
  passed = tavla_board_get_feedback (fixture->board, id, &error);
  g_assert_cmpstr (tavla_feedback_get_passed_on_date (passed), ==, fixture->today);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "feedback.act", "x", id));
  ui_test_iterate ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  /* The feedback's words are offered as the title. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==,
                   "Olika besked om strandskydd");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Samma besked om strandskydd");
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();

  items = tavla_board_list_feedback_items (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (tavla_item_get_title (g_ptr_array_index (items, 0)), ==, "Samma besked om strandskydd");
  g_assert_cmpstr (tavla_item_get_department (g_ptr_array_index (items, 0)), ==, "Samhällsbyggnadsförvaltningen");
  /* The row says so. */
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), "Olika besked om strandskydd")));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* "Purge Personal Data…" asks first, then removes what the retention time
 * has run out for, and nothing newer. */
static void
test_purge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *old_date = tavla_date_add_days (fixture->today, -3 * 366);
  TavlaFeedbackInput input = {
    .date = old_date, .channel = "letter", .department = "SOC", .category = "complaint",
    .text = "Eva Holm, Storgatan 3, klagar på hemtjänsten", .personal_data = TRUE,
  };
  g_autoptr(TavlaFeedback) old = NULL;
  g_autoptr(TavlaFeedback) after = NULL;
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;

  old = tavla_board_add_feedback (fixture->board, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);
  add_feedback (fixture, "SOC", "complaint", "Sven Berg ringde i dag");

  /* Cancelled: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "feedback.purge", NULL));
  ui_test_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "24 months"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
  after = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (old), &error);
  g_assert_nonnull (tavla_feedback_get_text (after));
  g_clear_object (&after);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "feedback.purge", NULL));
  ui_test_iterate ();
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "purge");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
  after = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (old), &error);
  g_assert_null (tavla_feedback_get_text (after));
  g_assert_cmpstr (tavla_feedback_get_purged (after), ==, fixture->today);

  recent = tavla_board_list_feedback (fixture->board, NULL, &error);
  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr(TavlaFeedback) one = g_list_model_get_item (recent, i);

      if (tavla_feedback_get_id (one) != tavla_feedback_get_id (old))
        g_assert_cmpstr (tavla_feedback_get_text (one), ==, "Sven Berg ringde i dag");
    }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/feedback/templates", test_templates);
  g_test_add_func ("/feedback/window-page", test_window_page);
  g_test_add ("/feedback/validate-as-typed", Fixture, NULL, fixture_setup, test_validate_as_typed, fixture_teardown);
  g_test_add ("/feedback/register", Fixture, NULL, fixture_setup, test_register, fixture_teardown);
  g_test_add ("/feedback/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/feedback/row-actions", Fixture, NULL, fixture_setup, test_row_actions, fixture_teardown);
  g_test_add ("/feedback/purge", Fixture, NULL, fixture_setup, test_purge, fixture_teardown);
  g_test_add ("/feedback/documents", Fixture, NULL, fixture_setup, test_documents, fixture_teardown);

  return ui_test_run ();
}
