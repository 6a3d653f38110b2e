/* SPDX-License-Identifier: EUPL-1.2 */

/* The Audits page as a user drives it: the empty state, the audits with
 * their open counts and worst lights, the recommendations with their
 * traffic lights in words, the filters and the search, the form that
 * refuses what the core refuses (and writes nothing) and saves what it
 * accepts, Create Improvement and linking, the report exported, and a
 * change made by another process. Each test has its own database. */

#include "config.h"

#include <string.h>
#include <tavla/tavla.h>

#include "tavla-audit-dialog.h"
#include "tavla-recommendation-dialog.h"
#include "tavla-audits-view.h"
#include "tavla-document-export.h"
#include "tavla-recommendation-editor.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

#define SURVEY "Genomföra både en extern och en intern undersökning av hur kundcentrets tillgänglighet, service och bemötande upplevs."
#define WEB "Utveckla och uppdatera kommunens externa webbplats så att vissa frågor kan besvaras där."

typedef struct
{
  char            *dir;
  char            *path;
  TavlaBoard      *board;
  GtkWidget       *window;
  TavlaAuditsView *view;
  gint64           kpmg_id;
  gint64           deloitte_id;
  gint64           survey_id;   /* in progress, due yesterday: red */
  gint64           web_id;      /* responded: yellow */
} Fixture;

static TavlaAudit *
add_audit (TavlaBoard *board,
           const char *title,
           const char *auditor,
           const char *date,
           const char *assessment)
{
  TavlaAuditInput input = {
    .title = title, .auditor = auditor, .date = date, .body = "Kommunstyrelsen",
    .reference = "KS 2022/123", .assessment = assessment,
  };
  g_autoptr(GError) error = NULL;
  TavlaAudit *audit = tavla_board_add_audit (board, &input, "Testaren", NULL, &error);

  g_assert_no_error (error);
  return audit;
}

static gint64
add_recommendation (TavlaBoard *board,
                    gint64      audit_id,
                    const char *text,
                    const char *owner,
                    const char *due)
{
  TavlaRecommendationInput input = { .text = text, .owner = owner, .due = due };
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autoptr(GError) error = NULL;

  recommendation = tavla_board_add_recommendation (board, audit_id, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);
  return tavla_recommendation_get_id (recommendation);
}

static void
update (TavlaBoard                      *board,
        gint64                           id,
        const TavlaRecommendationChange *change)
{
  g_autoptr(TavlaRecommendation) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = tavla_board_update_recommendation (board, id, 0, change, "Testaren", NULL, &error);
  g_assert_no_error (error);
}

static void
fill_board (Fixture *fixture)
{
  g_autofree char *today = tavla_date_today ();
  g_autofree char *yesterday = tavla_date_add_days (today, -1);
  g_autoptr(TavlaAudit) kpmg = NULL;
  g_autoptr(TavlaAudit) deloitte = NULL;
  g_autoptr(GError) error = NULL;
  const char *people[] = { "Anna Lind", "Per Holm" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(TavlaPerson) person = tavla_board_add_person (fixture->board, people[i], NULL, NULL, "Testaren", &error);

      g_assert_no_error (error);
    }

  deloitte = add_audit (fixture->board, "Granskning av kundcenter", "Deloitte", "2021-03-15",
                        "Sammantaget bedöms verksamheten bedrivas på ett tillfredsställande sätt.");
  fixture->deloitte_id = tavla_audit_get_id (deloitte);
  kpmg = add_audit (fixture->board, "Granskning av kundcenter 2022", "KPMG", "2022-06-02", NULL);
  fixture->kpmg_id = tavla_audit_get_id (kpmg);

  fixture->survey_id = add_recommendation (fixture->board, fixture->kpmg_id, SURVEY, "Anna Lind", yesterday);
  update (fixture->board, fixture->survey_id, &(TavlaRecommendationChange) { .status = "in-progress" });
  fixture->web_id = add_recommendation (fixture->board, fixture->kpmg_id, WEB, NULL, NULL);
  update (fixture->board, fixture->web_id, &(TavlaRecommendationChange) {
    .status = "responded", .response = "Kommunstyrelsen ger kundcenter i uppdrag att se över webbplatsen." });
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->board = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    fill_board (fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1500, 950);
  fixture->view = TAVLA_AUDITS_VIEW (tavla_audits_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  tavla_audits_view_set_board (fixture->view, fixture->board);
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

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static GtkWidget *
audit_row (Fixture    *fixture,
           const char *title)
{
  GtkListBox *list = tavla_audits_view_get_audit_list (fixture->view);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ui_test_find_label (GTK_WIDGET (row), title) != NULL)
      return GTK_WIDGET (row);
  return NULL;
}

/* The listed row of recommendation @id, NULL when it is not listed. */
static GtkWidget *
recommendation_row (Fixture *fixture,
                    gint64   id)
{
  GtkListBox *list = tavla_audits_view_get_recommendation_list (fixture->view);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      TavlaRecommendation *recommendation = g_object_get_data (G_OBJECT (row), "recommendation");

      if (recommendation != NULL && tavla_recommendation_get_id (recommendation) == id)
        return GTK_WIDGET (row);
    }
  return NULL;
}

/* The light's word is shown, inside a pill whose class is the light. */
static void
assert_light (GtkWidget  *root,
              const char *word,
              const char *css_class)
{
  GtkWidget *label = ui_test_find_label (root, word);

  g_assert_true (ui_test_is_shown (label));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (label), "light-pill"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (label), css_class));
}

static GtkWidget *
editor_child (TavlaRecommendationEditor *editor,
              const char                *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), TAVLA_TYPE_RECOMMENDATION_EDITOR, name));
}

static guint
count_history (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = tavla_board_list_recommendation_history (fixture->board, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static TavlaRecommendation *
get_stored (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  TavlaRecommendation *recommendation = tavla_board_get_recommendation (fixture->board, id, &error);

  g_assert_no_error (error);
  return recommendation;
}

/* Chooses the status labelled @label in the form's drop-down; FALSE when
 * it is not offered. */
static gboolean
choose_status (TavlaRecommendationEditor *editor,
               const char                *label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (editor_child (editor, "status_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_text_view (TavlaRecommendationEditor *editor,
               const char                *name,
               const char                *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (editor, name))), text, -1);
}

static void
test_templates (void)
{
  GType types[] = {
    TAVLA_TYPE_AUDITS_VIEW, TAVLA_TYPE_RECOMMENDATION_EDITOR,
    TAVLA_TYPE_AUDIT_DIALOG, TAVLA_TYPE_RECOMMENDATION_DIALOG,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_nonnull (gtk_widget_get_first_child (widget));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_assert_finalize_object (widget);
    }
}

/* The window has the page after Agreements, Ctrl+Alt+4 shows it, and an
 * action it asks for is shown on the board. */
static void
test_window_page (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  AdwViewStack *stack = tavla_window_get_view_stack (window);
  GtkWidget *weak = GTK_WIDGET (window);
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "audits");
  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Enkät om bemötande" };

  g_assert_true (TAVLA_IS_AUDITS_VIEW (page));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page)), ==, "Audits");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  g_assert_true (tavla_audits_view_get_board (TAVLA_AUDITS_VIEW (page)) == tavla_window_get_board (window));
  item = tavla_board_create_item (tavla_window_get_board (window), &change, "Testaren", &error);
  g_assert_no_error (error);
  ui_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "audits");
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "audits");
  g_assert_true (ui_test_is_shown (ui_test_find_label (page, "No Audits Yet")));
  g_signal_emit_by_name (page, "open-item", tavla_item_get_id (item));
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "board");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (weak);
  ui_test_remove_dir (dir);
}

/* No audits: say what they are and offer to add one; adding one through
 * the dialog shows the page. A bad date is the core's message, nothing
 * is written. */
static void
test_empty_and_add_audit (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->view);
  TavlaAuditDialog *dialog;
  GtkWidget *date_entry;
  GtkWidget *weak;
  const char *message;

  g_assert_true (tavla_audits_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, "No Audits Yet")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, "Add Audit")));

  dialog = tavla_audit_dialog_new (GTK_WINDOW (fixture->window), fixture->board, NULL);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AUDIT_DIALOG,
                                                                      "title_entry")), "Granskning av kundcenter");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AUDIT_DIALOG,
                                                                      "auditor_entry")), "KPMG");
  date_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AUDIT_DIALOG, "date_entry"));
  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2022-13-02");

  g_assert_false (tavla_audit_dialog_save (dialog));
  message = tavla_audit_dialog_get_message (dialog);
  g_assert_nonnull (message);
  {
    TavlaAuditInput input = { .title = "Granskning av kundcenter", .auditor = "KPMG", .date = "2022-13-02",
                              .body = "Kommunstyrelsen" };
    g_autoptr(TavlaAudit) refused = NULL;
    g_autoptr(GError) error = NULL;
    const char *field = NULL;

    refused = tavla_board_add_audit (fixture->board, &input, "Testaren", &field, &error);
    g_assert_null (refused);
    g_assert_cmpstr (field, ==, "date");
    g_assert_cmpstr (message, ==, error->message);
  }
  g_assert_true (gtk_widget_has_css_class (date_entry, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_audits (fixture->board)), ==, 0);
  g_assert_true (tavla_audits_view_get_empty (fixture->view));

  gtk_editable_set_text (GTK_EDITABLE (date_entry), "2022-06-02");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "audit.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);
  g_assert_false (tavla_audits_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (audit_row (fixture, "Granskning av kundcenter"),
                                                       "KPMG, 2022-06-02 (w. 22)")));
}

/* The audits with their dates and weeks, open counts and worst lights;
 * the recommendations with their lights in words. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *kpmg = audit_row (fixture, "Granskning av kundcenter 2022");
  GtkWidget *deloitte = audit_row (fixture, "Granskning av kundcenter");
  GtkWidget *survey;
  GtkWidget *web;

  g_assert_false (tavla_audits_view_get_empty (fixture->view));
  /* "All Audits" and the two audits, newest report first. */
  g_assert_cmpuint (count_rows (tavla_audits_view_get_audit_list (fixture->view)), ==, 3);
  g_assert_nonnull (kpmg);
  g_assert_nonnull (deloitte);
  g_assert_true (ui_test_is_shown (ui_test_find_label (kpmg, "KPMG, 2022-06-02 (w. 22)")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (kpmg, "2 open")));
  assert_light (kpmg, "Red", "red");
  g_assert_true (ui_test_is_shown (ui_test_find_label (deloitte, "Deloitte, 2021-03-15 (w. 11)")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (deloitte, "No open recommendations")));
  g_assert_null (ui_test_find_label (deloitte, "Red"));

  /* All audits: both recommendations, the overdue one red and said so. */
  g_assert_cmpuint (count_rows (tavla_audits_view_get_recommendation_list (fixture->view)), ==, 2);
  survey = recommendation_row (fixture, fixture->survey_id);
  web = recommendation_row (fixture, fixture->web_id);
  assert_light (survey, "Red", "red");
  g_assert_true (ui_test_is_shown (ui_test_find_label (survey, "Overdue")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (survey, "In progress")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (survey, "Anna Lind")));
  assert_light (web, "Yellow", "yellow");
  g_assert_true (ui_test_is_shown (ui_test_find_label (web, "Responded")));
  g_assert_null (ui_test_find_label (web, "Overdue"));

  /* The first is shown in the editor, with its light. */
  {
    TavlaRecommendationEditor *editor = tavla_audits_view_get_editor (fixture->view);

    g_assert_nonnull (tavla_recommendation_editor_get_recommendation (editor));
    assert_light (editor_child (editor, "pill_box"), "Red", "red");
  }
}

/* Open, overdue, by audit and the search each narrow the list. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkListBox *list = tavla_audits_view_get_recommendation_list (fixture->view);
  g_autoptr(TavlaRecommendation) closed = NULL;

  tavla_audits_view_set_filter (fixture->view, TAVLA_AUDITS_FILTER_OVERDUE);
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (recommendation_row (fixture, fixture->survey_id));

  tavla_audits_view_set_filter (fixture->view, TAVLA_AUDITS_FILTER_OPEN);
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 2);

  /* The web site one is not accepted: no longer open. */
  update (fixture->board, fixture->web_id, &(TavlaRecommendationChange) {
    .status = "not-accepted", .note = "Webbplatsen byts ut 2027." });
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_null (recommendation_row (fixture, fixture->web_id));

  tavla_audits_view_set_filter (fixture->view, TAVLA_AUDITS_FILTER_ALL);
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 2);

  tavla_audits_view_set_search_text (fixture->view, "WEBBPLATS");
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (recommendation_row (fixture, fixture->web_id));
  tavla_audits_view_set_search_text (fixture->view, "");
  ui_test_iterate ();

  /* By audit: Deloitte's has none, and the list says so. */
  g_assert_true (tavla_audits_view_select_audit (fixture->view, fixture->deloitte_id));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view),
                                                       "No recommendations yet. Add the audit’s recommendations with the + button.")));
  g_assert_null (tavla_recommendation_editor_get_recommendation (tavla_audits_view_get_editor (fixture->view)));
  g_assert_true (tavla_audits_view_select_audit (fixture->view, fixture->kpmg_id));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), "KPMG, 2022-06-02 (w. 22) · Kommunstyrelsen · Ref. KS 2022/123")));
}

/* The form asks the core as the user types: moving the web site one to
 * Closed without evidence is refused under the evidence with the core's
 * words, Save is off, and saving anyway writes nothing. */
static void
test_refused_change (Fixture       *fixture,
                     gconstpointer  data)
{
  TavlaRecommendationEditor *editor = tavla_audits_view_get_editor (fixture->view);
  g_autoptr(TavlaRecommendation) before = get_stored (fixture, fixture->web_id);
  g_autoptr(TavlaRecommendation) after = NULL;
  guint n_history = count_history (fixture, fixture->web_id);
  GtkWidget *evidence_message;

  g_assert_true (tavla_audits_view_select_recommendation (fixture->view, fixture->web_id));
  ui_test_iterate ();
  g_assert_false (tavla_recommendation_editor_get_can_save (editor));

  /* Responded can go to In progress or Not accepted; not to Closed. */
  g_assert_true (choose_status (editor, "In progress"));
  g_assert_false (choose_status (editor, "Closed"));
  g_assert_false (choose_status (editor, "Open"));

  /* In progress without an owner or a due date. */
  g_assert_true (choose_status (editor, "In progress"));
  ui_test_iterate ();
  {
    TavlaRecommendationChange change = { .status = "in-progress" };
    g_autoptr(GError) error = NULL;
    const char *field = NULL;

    g_assert_false (tavla_recommendation_check_change (fixture->board, before, &change, &field, &error));
    g_assert_cmpstr (field, ==, "owner");
    g_assert_cmpstr (tavla_recommendation_editor_get_message (editor, "owner"), ==, error->message);
  }
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "owner_dropdown"), "error"));
  g_assert_false (tavla_recommendation_editor_get_can_save (editor));
  g_assert_false (tavla_recommendation_editor_save (editor));

  /* A due date that is no date: the message moves to the due date. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor_child (editor, "owner_dropdown")), 2);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "due_entry")), "2026-02-30");
  ui_test_iterate ();
  g_assert_null (tavla_recommendation_editor_get_message (editor, "owner"));
  evidence_message = editor_child (editor, "due_message");
  g_assert_true (ui_test_is_shown (evidence_message));
  g_assert_nonnull (strstr (tavla_recommendation_editor_get_message (editor, "due"), "2026-02-30"));
  g_assert_false (tavla_recommendation_editor_get_can_save (editor));
  g_assert_false (tavla_recommendation_editor_save (editor));

  after = get_stored (fixture, fixture->web_id);
  g_assert_cmpint (tavla_recommendation_get_status (after), ==, TAVLA_RECOMMENDATION_RESPONDED);
  g_assert_null (tavla_recommendation_get_due (after));
  g_assert_cmpint (tavla_recommendation_get_version (after), ==, tavla_recommendation_get_version (before));
  g_assert_cmpuint (count_history (fixture, fixture->web_id), ==, n_history);

  /* Discarding shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "recommendation.discard", NULL);
  ui_test_iterate ();
  g_assert_null (tavla_recommendation_editor_get_message (editor, "due"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "due_entry"))), ==, "");
}

/* A valid change is saved with its history, and the list follows. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  TavlaRecommendationEditor *editor = tavla_audits_view_get_editor (fixture->view);
  g_autoptr(TavlaRecommendation) after = NULL;
  guint n_history = count_history (fixture, fixture->web_id);

  g_assert_true (tavla_audits_view_select_recommendation (fixture->view, fixture->web_id));
  ui_test_iterate ();
  g_assert_true (choose_status (editor, "In progress"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor_child (editor, "owner_dropdown")), 2);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "due_entry")), "2099-03-31");
  set_text_view (editor, "evidence_view", "Ny startsida publicerad.");
  ui_test_iterate ();
  g_assert_true (tavla_recommendation_editor_get_can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "recommendation.save", NULL);
  ui_test_iterate ();
  after = get_stored (fixture, fixture->web_id);
  g_assert_cmpint (tavla_recommendation_get_status (after), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  g_assert_cmpstr (tavla_recommendation_get_owner (after), ==, "Per Holm");
  g_assert_cmpstr (tavla_recommendation_get_due (after), ==, "2099-03-31");
  g_assert_cmpstr (tavla_recommendation_get_evidence (after), ==, "Ny startsida publicerad.");
  g_assert_cmpuint (count_history (fixture, fixture->web_id), ==, n_history + 4);
  g_assert_false (tavla_recommendation_editor_get_dirty (editor));
  g_assert_false (tavla_recommendation_editor_get_can_save (editor));

  /* The list row and the timeline show it. */
  g_assert_true (ui_test_is_shown (ui_test_find_label (recommendation_row (fixture, fixture->web_id), "In progress")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (recommendation_row (fixture, fixture->web_id),
                                                       "Due 2099-03-31 (w. 14)")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (tavla_recommendation_editor_get_history_list (editor)),
                                                       "Status: Responded → In progress")));
}

static void
on_open_item (gint64 *out_id,
              gint64  item_id)
{
  *out_id = item_id;
}

/* Create Improvement makes a proposal with source "audit", linked as an
 * action; its row shows the status and opens it on the board. An
 * existing proposal can be linked too. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  TavlaRecommendationEditor *editor = tavla_audits_view_get_editor (fixture->view);
  GtkListBox *actions = tavla_recommendation_editor_get_action_list (editor);
  g_autoptr(TavlaRecommendation) after = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) other = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAction *action;
  GtkWidget *button;
  gint64 opened = 0;
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Ny sida om färdtjänst" };

  g_signal_connect_swapped (fixture->view, "open-item", G_CALLBACK (on_open_item), &opened);
  g_assert_true (tavla_audits_view_select_recommendation (fixture->view, fixture->survey_id));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (actions), ==, 0);
  /* The title offered is the recommendation's first sentence. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "create_entry"))), ==,
                   "Genomföra både en extern och en intern undersökning av hur kundcentrets tillgänglighet, "
                   "service och bemötande upplevs");

  /* An empty title is the core's refusal, and nothing is made. */
  g_assert_false (tavla_recommendation_editor_create_improvement (editor, ""));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "create_message")));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (fixture->board)), ==, 0);

  g_assert_true (tavla_recommendation_editor_create_improvement (editor, "Enkät om bemötande"));
  ui_test_iterate ();
  after = get_stored (fixture, fixture->survey_id);
  g_assert_cmpuint (tavla_recommendation_get_actions (after)->len, ==, 1);
  action = g_ptr_array_index (tavla_recommendation_get_actions (after), 0);
  item = tavla_board_get_item (fixture->board, action->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_item_get_title (item), ==, "Enkät om bemötande");
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_AUDIT);
  g_assert_cmpstr (tavla_item_get_owner (item), ==, "Anna Lind");

  g_assert_cmpuint (count_rows (actions), ==, 1);
  {
    g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT " Enkät om bemötande", action->id);

    g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (actions), title)));
  }
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (actions), "New")));
  button = gtk_widget_get_ancestor (ui_test_find_label (GTK_WIDGET (actions), "Show on Board"), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (opened, ==, action->id);

  /* The proposal moves on the board: the action shows its new status. */
  {
    TavlaItemChange move = { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_DUE, .status = TAVLA_STATUS_IN_PROGRESS,
                             .due = "2099-01-01" };
    g_autoptr(TavlaItem) moved = tavla_board_update_item (fixture->board, action->id, &move, "Testaren", &error);

    g_assert_no_error (error);
  }
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (actions), "In progress")));

  /* Link an existing proposal. */
  other = tavla_board_create_item (fixture->board, &change, "Testaren", &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_true (tavla_recommendation_editor_link_item (editor, tavla_item_get_id (other)));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (actions), ==, 2);
  g_clear_object (&after);
  after = get_stored (fixture, fixture->survey_id);
  g_assert_cmpuint (tavla_recommendation_get_actions (after)->len, ==, 2);
}

/* The report: Export writes the core's document, user text escaped in the
 * HTML; printing lays out A4 pages with the recommendations on them. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (fixture->dir, "rapport.html", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "rapport.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (html_path);
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *html = NULL;

  update (fixture->board, fixture->web_id, &(TavlaRecommendationChange) {
    .response = "Webbplatsen <script>alert(1)</script> ses över." });
  ui_test_iterate ();

  message = tavla_audits_view_export_write (fixture->view, TAVLA_EXPORT_HTML, file);
  g_assert_cmpstr (message, ==, "Saved rapport.html");
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Granskning av kundcenter 2022"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_null (strstr (html, "<script>"));

  document = tavla_audits_view_build_report (fixture->view, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_document_print_to_pdf (document, pdf_path, &error), >=, 1);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->view)));
}

/* Another process writes: the board's refresh (the window's watch calls
 * it) brings it onto the page. Typing based on the old version is kept,
 * and saving it is a conflict that writes nothing; reloading shows the
 * other change. */
static void
test_outside_change (Fixture       *fixture,
                     gconstpointer  data)
{
  TavlaRecommendationEditor *editor = tavla_audits_view_get_editor (fixture->view);
  g_autoptr(TavlaBoard) other = NULL;
  g_autoptr(TavlaRecommendation) written = NULL;
  g_autoptr(TavlaRecommendation) after = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationChange change = { .status = "not-accepted", .note = "Webbplatsen byts ut 2027." };

  g_assert_true (tavla_audits_view_select_recommendation (fixture->view, fixture->web_id));
  ui_test_iterate ();

  other = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  written = tavla_board_update_recommendation (other, fixture->web_id, 0, &change, "tavla-cli", NULL, &error);
  g_assert_no_error (error);

  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (recommendation_row (fixture, fixture->web_id), "Not accepted")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Not accepted")));
  g_assert_cmpint (tavla_recommendation_get_version (tavla_recommendation_editor_get_recommendation (editor)), ==,
                   tavla_recommendation_get_version (written));

  /* Typing starts; the other process writes again meanwhile. */
  set_text_view (editor, "evidence_view", "Beslut i kommunstyrelsen.");
  ui_test_iterate ();
  g_assert_true (tavla_recommendation_editor_get_can_save (editor));
  g_clear_object (&written);
  written = tavla_board_update_recommendation (other, fixture->web_id, 0,
                                               &(TavlaRecommendationChange) { .addressed_to = "Kommunfullmäktige" },
                                               "tavla-cli", NULL, &error);
  g_assert_no_error (error);
  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_true (tavla_recommendation_editor_get_dirty (editor));

  g_assert_false (tavla_recommendation_editor_save (editor));
  after = get_stored (fixture, fixture->web_id);
  g_assert_null (tavla_recommendation_get_evidence (after));
  g_assert_cmpstr (tavla_recommendation_get_addressed_to (after), ==, "Kommunfullmäktige");

  /* The toast's Reload shows what is stored. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "audits.reload", NULL);
  ui_test_iterate ();
  g_assert_false (tavla_recommendation_editor_get_dirty (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "addressed_entry"))), ==,
                   "Kommunfullmäktige");
}

/* Editing an audit: an empty auditor is refused with nothing written; a
 * new diary number is saved and shown under the title. */
static void
test_edit_audit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TavlaAudit) kpmg = NULL;
  g_autoptr(TavlaAudit) after = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAuditDialog *dialog;
  GtkWidget *auditor;
  GtkWidget *weak;

  g_assert_true (tavla_audits_view_select_audit (fixture->view, fixture->kpmg_id));
  ui_test_iterate ();
  kpmg = tavla_board_get_audit (fixture->board, fixture->kpmg_id, &error);
  g_assert_no_error (error);
  dialog = tavla_audit_dialog_new (GTK_WINDOW (fixture->window), fixture->board, kpmg);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Audit");

  auditor = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AUDIT_DIALOG, "auditor_entry"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (auditor)), ==, "KPMG");
  gtk_editable_set_text (GTK_EDITABLE (auditor), "  ");
  g_assert_false (tavla_audit_dialog_save (dialog));
  g_assert_nonnull (tavla_audit_dialog_get_message (dialog));
  g_assert_true (gtk_widget_has_css_class (auditor, "error"));
  after = tavla_board_get_audit (fixture->board, fixture->kpmg_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_audit_get_version (after), ==, tavla_audit_get_version (kpmg));

  gtk_editable_set_text (GTK_EDITABLE (auditor), "KPMG AB");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AUDIT_DIALOG,
                                                                      "reference_entry")), "KS 2022/456");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "audit.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view),
                                                       "KPMG AB, 2022-06-02 (w. 22) · Kommunstyrelsen · Ref. KS 2022/456")));
}

/* A new recommendation: empty text is refused with the core's message. */
static void
test_add_recommendation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TavlaAudit) deloitte = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationDialog *dialog;
  GtkWidget *weak;

  deloitte = tavla_board_get_audit (fixture->board, fixture->deloitte_id, &error);
  g_assert_no_error (error);
  g_assert_true (tavla_audits_view_select_audit (fixture->view, fixture->deloitte_id));
  ui_test_iterate ();

  dialog = tavla_recommendation_dialog_new (GTK_WINDOW (fixture->window), fixture->board, deloitte);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  g_assert_false (tavla_recommendation_dialog_save (dialog));
  g_assert_nonnull (tavla_recommendation_dialog_get_message (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                     TAVLA_TYPE_RECOMMENDATION_DIALOG,
                                                                                     "text_view")), "error"));
  g_assert_cmpuint (tavla_audit_get_recommendations (deloitte)->len, ==, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                                    TAVLA_TYPE_RECOMMENDATION_DIALOG,
                                                                                                    "text_view"))),
                            "Följ upp rutinerna för synpunkter.", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "recommendation-dialog.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);
  g_assert_cmpuint (count_rows (tavla_audits_view_get_recommendation_list (fixture->view)), ==, 1);
  g_assert_true (ui_test_is_shown (ui_test_find_label (audit_row (fixture, "Granskning av kundcenter"), "1 open")));
  assert_light (audit_row (fixture, "Granskning av kundcenter"), "Yellow", "yellow");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/audits/templates", test_templates);
  g_test_add_func ("/audits/window-page", test_window_page);
  g_test_add ("/audits/empty-and-add-audit", Fixture, NULL, fixture_setup, test_empty_and_add_audit, fixture_teardown);
  g_test_add ("/audits/list", Fixture, "filled", fixture_setup, test_list, fixture_teardown);
  g_test_add ("/audits/filters", Fixture, "filled", fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/audits/refused-change", Fixture, "filled", fixture_setup, test_refused_change, fixture_teardown);
  g_test_add ("/audits/save", Fixture, "filled", fixture_setup, test_save, fixture_teardown);
  g_test_add ("/audits/actions", Fixture, "filled", fixture_setup, test_actions, fixture_teardown);
  g_test_add ("/audits/export", Fixture, "filled", fixture_setup, test_export, fixture_teardown);
  g_test_add ("/audits/outside-change", Fixture, "filled", fixture_setup, test_outside_change, fixture_teardown);
  g_test_add ("/audits/edit-audit", Fixture, "filled", fixture_setup, test_edit_audit, fixture_teardown);
  g_test_add ("/audits/add-recommendation", Fixture, "filled", fixture_setup, test_add_recommendation, fixture_teardown);

  return ui_test_run ();
}
