/* SPDX-License-Identifier: EUPL-1.2 */

/* The Agreements page as a user drives it: the empty state, the
 * departments with their agreement's status and the overdue review and
 * "revision needed" flags, signing without a date, revising into a new
 * draft with its copied text and what changed, and adding a case type.
 * Each test has its own database in a temporary folder. */

#include "config.h"

#include <string.h>
#include <tavla/tavla.h>

#include "tavla-agreement-casetype-dialog.h"
#include "tavla-agreement-details-dialog.h"
#include "tavla-document-export.h"
#include "tavla-agreements-view.h"
#include "tavla-window.h"
#include "ui-test-utils.h"

#define SBF "Samhällsbyggnadsförvaltningen"
#define BUF "Barn- och utbildningsförvaltningen"
#define SOC "Socialförvaltningen"

typedef struct
{
  char                *dir;
  char                *path;
  TavlaBoard          *board;
  GtkWidget           *window;
  TavlaAgreementsView *view;
  gint64               sbf_id;   /* signed long ago: its review is overdue */
  gint64               buf_id;   /* signed this year, then a case type added */
  gint64               item_id;  /* a proposal linked to the first */
} Fixture;

static TavlaAgreement *
add_agreement (TavlaBoard *board,
               const char *department,
               const char *signed_date)
{
  const char *signatories[] = { "Karin Berg:Förvaltningschef", "Per Holm:Administrativ chef", NULL };
  TavlaAgreementInput input = {
    .department = department,
    .signed_date = signed_date,
    .signatories = signatories,
  };
  g_autoptr(GError) error = NULL;
  TavlaAgreement *agreement = tavla_board_add_agreement (board, &input, "Testaren", NULL, &error);

  g_assert_no_error (error);
  return agreement;
}

static void
set_section (TavlaBoard  *board,
             gint64       id,
             const char  *section,
             const char  *text)
{
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  agreement = tavla_board_set_agreement_section (board, id, 0, section, text, "Testaren", NULL, &error);
  g_assert_no_error (error);
}

static void
add_case_type (TavlaBoard *board,
               gint64      id,
               const char *name)
{
  TavlaCaseTypeInput input = { .name = name, .rosa = "rule-based", .days = "5", .handled_by = "centre" };
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(GError) error = NULL;

  case_type = tavla_board_add_case_type (board, id, &input, "Testaren", NULL, &error);
  g_assert_no_error (error);
}

static void
fill_board (Fixture *fixture)
{
  const char *names[] = { SBF, BUF, SOC };
  g_autoptr(TavlaAgreement) sbf = NULL;
  g_autoptr(TavlaAgreement) buf = NULL;
  g_autoptr(TavlaAgreement) signed_buf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = tavla_date_today ();
  g_autofree char *recently = tavla_date_add_days (today, -30);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TavlaDepartment) department =
        tavla_board_add_department (fixture->board, names[i], NULL, "Testaren", &error);

      g_assert_no_error (error);
    }

  /* Drafted, written and then signed, so version 1 has its text. */
  sbf = add_agreement (fixture->board, SBF, NULL);
  fixture->sbf_id = tavla_agreement_get_id (sbf);
  set_section (fixture->board, fixture->sbf_id, "responsibilities", "Kundcenter svarar på frågor om bygglov.");
  set_section (fixture->board, fixture->sbf_id, "billing", "Faktureras per tertial.");
  add_case_type (fixture->board, fixture->sbf_id, "Beställning ur bygglovsarkivet");
  g_clear_object (&sbf);
  sbf = tavla_board_sign_agreement (fixture->board, fixture->sbf_id, 0, "2020-01-31", "Testaren", &error);
  g_assert_no_error (error);

  /* A proposal about the agreement, linked to it. */
  {
    TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Uppdatera checklistan för bygglovsarkivet" };
    g_autoptr(TavlaItem) item = tavla_board_create_item (fixture->board, &change, "Testaren", &error);
    g_autoptr(TavlaItem) linked = NULL;

    g_assert_no_error (error);
    fixture->item_id = tavla_item_get_id (item);
    linked = tavla_board_link_item_to_agreement (fixture->board, fixture->item_id, fixture->sbf_id, 0,
                                                 "Testaren", &error);
    g_assert_no_error (error);
  }

  buf = add_agreement (fixture->board, BUF, recently);
  fixture->buf_id = tavla_agreement_get_id (buf);
  add_case_type (fixture->board, fixture->buf_id, "Skolval");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->board = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    fill_board (fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  fixture->view = TAVLA_AGREEMENTS_VIEW (tavla_agreements_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  tavla_agreements_view_set_board (fixture->view, fixture->board);
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

static GtkWidget *
department_row (Fixture    *fixture,
                const char *name)
{
  GtkListBox *list = tavla_agreements_view_get_department_list (fixture->view);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ui_test_find_label (GTK_WIDGET (row), name) != NULL)
      return GTK_WIDGET (row);
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
count_history (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = tavla_board_list_agreement_history (fixture->board, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static void
show_part (TavlaAgreementEditor *editor,
           const char           *name)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (editor), TAVLA_TYPE_AGREEMENT_EDITOR, "part_stack");

  gtk_stack_set_visible_child_name (GTK_STACK (stack), name);
  ui_test_iterate ();
}

static void
test_templates (void)
{
  GType types[] = { TAVLA_TYPE_AGREEMENTS_VIEW, TAVLA_TYPE_AGREEMENT_EDITOR };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_nonnull (gtk_widget_get_first_child (widget));
      g_assert_finalize_object (widget);
    }
}

/* The window has the page after Board and Metrics, reachable by name. */
static void
test_window_page (void)
{
  TavlaWindow *window = tavla_window_new (NULL);
  AdwViewStack *stack = tavla_window_get_view_stack (window);
  GtkWidget *weak = GTK_WIDGET (window);
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "agreements");

  g_autofree char *dir = NULL;
  g_autofree char *path = ui_test_make_db_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Ny ärendetyp: färdtjänst" };

  g_assert_true (TAVLA_IS_AGREEMENTS_VIEW (page));
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page)), ==, "Agreements");

  /* The page gets the window's board, and a linked proposal it asks for
   * is shown on the board page. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tavla_window_open_path (window, path));
  g_assert_true (tavla_agreements_view_get_board (TAVLA_AGREEMENTS_VIEW (page)) == tavla_window_get_board (window));
  item = tavla_board_create_item (tavla_window_get_board (window), &change, "Testaren", &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  adw_view_stack_set_visible_child_name (stack, "agreements");
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (page, "No Delivery Agreements Yet")));
  g_signal_emit_by_name (page, "open-item", tavla_item_get_id (item));
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "board");

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (weak);
  ui_test_remove_dir (dir);
}

/* No agreements: say what they are, offer to start one or the demo. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TavlaDepartment) department = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (fixture->view);

  g_assert_true (tavla_agreements_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, "No Delivery Agreements Yet")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, "Open Demo Board")));
  /* Without departments there is nothing to start a draft for. */
  g_assert_false (ui_test_is_shown (ui_test_find_label (root, "Start a Draft")));

  department = tavla_board_add_department (fixture->board, SOC, NULL, "Testaren", &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, "Start a Draft")));

  gtk_widget_activate_action (root, "agreements.start-draft", NULL);
  ui_test_iterate ();
  g_assert_false (tavla_agreements_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (department_row (fixture, SOC)), "Draft")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (root, SOC ", version 1")));
}

/* Each department with its current agreement; the overdue review and the
 * revision needed are said in words, and coloured. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *sbf = department_row (fixture, SBF);
  GtkWidget *buf = department_row (fixture, BUF);
  GtkWidget *soc = department_row (fixture, SOC);
  GtkWidget *due;
  GtkWidget *overdue;
  GtkWidget *revision;

  g_assert_false (tavla_agreements_view_get_empty (fixture->view));
  g_assert_nonnull (sbf);
  g_assert_nonnull (buf);
  g_assert_nonnull (soc);

  /* Signed 2020-01-31 with a yearly review: due 2021-01-31, week 4. */
  g_assert_true (ui_test_is_shown (ui_test_find_label (sbf, "Version 1")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (sbf, "Active")));
  due = ui_test_find_label (sbf, "Review due 2021-01-31 (w. 4)");
  g_assert_true (ui_test_is_shown (due));
  g_assert_true (gtk_widget_has_css_class (due, "review-overdue"));
  overdue = ui_test_find_label (sbf, "Review overdue");
  g_assert_true (ui_test_is_shown (overdue));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (overdue), "overdue-badge"));
  g_assert_null (ui_test_find_label (sbf, "Revision needed"));

  /* A case type added after signing. */
  revision = ui_test_find_label (buf, "Revision needed");
  g_assert_true (ui_test_is_shown (revision));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (revision), "revision-badge"));
  g_assert_null (ui_test_find_label (buf, "Review overdue"));

  g_assert_true (ui_test_is_shown (ui_test_find_label (soc, "No agreement yet")));

  /* The editor shows the chosen department's agreement and flags. */
  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  {
    GtkWidget *editor = GTK_WIDGET (tavla_agreements_view_get_editor (fixture->view));

    g_assert_true (ui_test_is_shown (ui_test_find_label (editor, SBF ", version 1")));
    g_assert_true (ui_test_is_shown (ui_test_find_label (editor, "Review overdue")));
    g_assert_true (ui_test_is_shown (ui_test_find_label (editor, "2020-01-31 (w. 5)")));
    g_assert_true (ui_test_is_shown (ui_test_find_label (editor, "Karin Berg, Förvaltningschef (For the department)\n"
                                                              "Per Holm, Administrativ chef (For the customer service centre)")));
    /* Signed: the text is locked, and the page says how to change it. */
    g_assert_true (ui_test_is_shown (GTK_WIDGET (gtk_widget_get_template_child (editor, TAVLA_TYPE_AGREEMENT_EDITOR,
                                                                                "locked_label"))));
  }
}

/* Signing a draft without a date: the core's message, in the popover,
 * and nothing written. */
static void
test_sign_without_date (Fixture       *fixture,
                        gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(TavlaAgreement) after = NULL;
  g_autoptr(TavlaAgreement) expected = NULL;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(GError) error = NULL;
  guint n_history;
  gint64 id;

  draft = add_agreement (fixture->board, SOC, NULL);
  id = tavla_agreement_get_id (draft);
  ui_test_iterate ();
  g_assert_true (tavla_agreements_view_select_department (fixture->view, SOC));
  ui_test_iterate ();
  g_assert_cmpint (tavla_agreement_get_id (tavla_agreement_editor_get_agreement (editor)), ==, id);
  n_history = count_history (fixture, id);

  g_assert_false (tavla_agreement_editor_sign (editor, ""));
  ui_test_iterate ();

  /* The same words the core gives the CLI. */
  expected = tavla_board_sign_agreement (fixture->board, id, 0, NULL, "Testaren", &expected_error);
  g_assert_null (expected);
  g_assert_nonnull (tavla_agreement_editor_get_sign_message (editor));
  g_assert_cmpstr (tavla_agreement_editor_get_sign_message (editor), ==, expected_error->message);

  after = tavla_board_get_agreement (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_agreement_get_stored_status (after), ==, TAVLA_AGREEMENT_STATUS_DRAFT);
  g_assert_null (tavla_agreement_get_signed (after));
  g_assert_cmpuint (count_history (fixture, id), ==, n_history);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (department_row (fixture, SOC)), "Draft")));

  /* With a date it signs, and the page says so. */
  g_assert_true (tavla_agreement_editor_sign (editor, "2026-02-02"));
  ui_test_iterate ();
  g_assert_null (tavla_agreement_editor_get_sign_message (editor));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (department_row (fixture, SOC)), "Active")));
}

/* Revise: a new draft, listed in the versions, with the text copied; an
 * edit to it shows as what changed from version 1. */
static void
test_revise (Fixture       *fixture,
             gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  GtkListBox *versions = tavla_agreement_editor_get_version_list (editor);
  TavlaAgreement *draft;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (versions), ==, 1);

  g_assert_true (tavla_agreement_editor_revise (editor));
  ui_test_iterate ();

  draft = tavla_agreement_editor_get_agreement (editor);
  g_assert_cmpuint (tavla_agreement_get_version_number (draft), ==, 2);
  g_assert_cmpint (tavla_agreement_get_status (draft), ==, TAVLA_AGREEMENT_STATUS_DRAFT);
  g_assert_cmpstr (tavla_agreement_get_section (draft, TAVLA_SECTION_BILLING), ==, "Faktureras per tertial.");
  g_assert_cmpuint (tavla_agreement_get_case_types (draft)->len, ==, 1);

  /* Newest first: the draft, shown; then the active version 1. */
  show_part (editor, "versions");
  g_assert_cmpuint (count_rows (versions), ==, 2);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (versions, 0));
  g_assert_true (ui_test_is_shown (ui_test_find_label (row, "Version 2")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (row, "Draft")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (row, "Shown")));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (versions, 1));
  g_assert_true (ui_test_is_shown (ui_test_find_label (row, "Version 1")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (row, "Active")));

  /* The list still shows the active agreement as current. */
  g_assert_true (ui_test_is_shown (ui_test_find_label (department_row (fixture, SBF), "Active")));

  /* The billing text changes in the draft: the page lists the core's
   * differences from version 1, that one among them. */
  g_assert_true (tavla_agreement_editor_save_section (editor, TAVLA_SECTION_BILLING, "Faktureras per månad."));
  ui_test_iterate ();
  draft = tavla_agreement_editor_get_agreement (editor);
  g_assert_cmpuint (tavla_agreement_get_version_number (draft), ==, 2);
  g_assert_cmpstr (tavla_agreement_get_section (draft, TAVLA_SECTION_BILLING), ==, "Faktureras per månad.");
  tavla_agreement_editor_compare (editor, 1, 2);
  ui_test_iterate ();

  changes = tavla_board_diff_agreements (fixture->board, fixture->sbf_id, tavla_agreement_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, >=, 1);
  g_assert_cmpuint (count_rows (tavla_agreement_editor_get_diff_list (editor)), ==, changes->len);
  for (guint i = 0; i < changes->len; i++)
    {
      TavlaAgreementChange *change = g_ptr_array_index (changes, i);

      g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (tavla_agreement_editor_get_diff_list (editor)),
                                                           change->description)));
    }
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (tavla_agreement_editor_get_diff_list (editor)),
                                                       "Before: Faktureras per tertial.")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (tavla_agreement_editor_get_diff_list (editor)),
                                                       "After: Faktureras per månad.")));

  /* The same version against itself: nothing to list, and it says so. */
  tavla_agreement_editor_compare (editor, 2, 2);
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (tavla_agreement_editor_get_diff_list (editor)), ==, 0);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor),
                                                       "Choose two different versions to see what changed.")));

  /* Revising again is refused while the draft exists: the toast says why
   * and no third version appears. */
  tavla_agreements_view_select_department (fixture->view, BUF);
  ui_test_iterate ();
  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  g_assert_false (tavla_agreement_editor_revise (editor));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (versions), ==, 2);
}

/* A case type with negative days is refused with the core's message and
 * nothing added; a good one is listed and marks the agreement. */
static void
test_case_type_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  TavlaAgreementCasetypeDialog *dialog;
  g_autoptr(TavlaAgreement) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name_entry;
  GtkWidget *days_entry;
  GtkWidget *weak;
  const char *message;

  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  g_assert_cmpuint (count_rows (tavla_agreement_editor_get_case_type_list (editor)), ==, 1);

  dialog = tavla_agreement_casetype_dialog_new (GTK_WINDOW (fixture->window), fixture->board,
                                                tavla_agreement_editor_get_agreement (editor));
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();

  name_entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "name_entry");
  days_entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "days_entry");
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Tomtförsäljning");
  gtk_editable_set_text (GTK_EDITABLE (days_entry), "-3");
  g_assert_false (tavla_agreement_casetype_dialog_save (dialog));
  message = tavla_agreement_casetype_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Days “-3”"));
  g_assert_true (gtk_widget_has_css_class (days_entry, "error"));

  after = tavla_board_get_agreement (fixture->board, fixture->sbf_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_agreement_get_case_types (after)->len, ==, 1);
  g_assert_false (tavla_agreement_get_revision_needed (after));
  g_clear_object (&after);

  gtk_editable_set_text (GTK_EDITABLE (days_entry), "10");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "casetype.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);

  show_part (editor, "case-types");
  g_assert_cmpuint (count_rows (tavla_agreement_editor_get_case_type_list (editor)), ==, 2);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Tomtförsäljning")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Revision needed")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (department_row (fixture, SBF), "Revision needed")));
}

static GtkWidget *
details_child (TavlaAgreementDetailsDialog *dialog,
               const char                  *name)
{
  return (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_DETAILS_DIALOG, name);
}

/* A draft's dates and signatories: each bad field refused with the core's
 * message naming it, nothing written; good ones shown on the page. */
static void
test_details_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, SOC, NULL);
  g_autoptr(TavlaAgreement) after = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAgreementDetailsDialog *dialog;
  gint64 id = tavla_agreement_get_id (draft);
  GtkTextBuffer *buffer;
  GtkWidget *weak;
  guint n_history;

  ui_test_iterate ();
  g_assert_true (tavla_agreements_view_select_department (fixture->view, SOC));
  ui_test_iterate ();
  n_history = count_history (fixture, id);

  dialog = tavla_agreement_details_dialog_new (GTK_WINDOW (fixture->window), fixture->board,
                                               tavla_agreement_editor_get_agreement (editor));
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (details_child (dialog, "signatories_view")));

  /* The signatories as typed when the agreement was added. */
  {
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Karin Berg:Förvaltningschef:department\nPer Holm:Administrativ chef:centre");
  }

  gtk_editable_set_text (GTK_EDITABLE (details_child (dialog, "from_entry")), "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (details_child (dialog, "to_entry")), "2026-02-01");
  g_assert_false (tavla_agreement_details_dialog_save (dialog));
  g_assert_true (g_str_has_prefix (tavla_agreement_details_dialog_get_message (dialog), "Valid to (2026-02-01)"));
  g_assert_true (gtk_widget_has_css_class (details_child (dialog, "to_entry"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (details_child (dialog, "to_entry")), "2028-02-29");
  gtk_text_buffer_set_text (buffer, "Karin Berg\n\nPer Holm:Administrativ chef", -1);
  g_assert_false (tavla_agreement_details_dialog_save (dialog));
  g_assert_true (g_str_has_prefix (tavla_agreement_details_dialog_get_message (dialog), "Signatory “Karin Berg”"));
  g_assert_true (gtk_widget_has_css_class (details_child (dialog, "signatories_view"), "error"));
  g_assert_false (gtk_widget_has_css_class (details_child (dialog, "to_entry"), "error"));

  /* Nothing of either try was written. */
  after = tavla_board_get_agreement (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_null (tavla_agreement_get_valid_from (after));
  g_assert_cmpuint (tavla_agreement_get_signatories (after)->len, ==, 2);
  g_assert_cmpuint (count_history (fixture, id), ==, n_history);

  gtk_text_buffer_set_text (buffer, "Anna Ek:Socialchef\nPer Holm:Administrativ chef", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "details.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);

  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "2026-03-01 (w. 9)")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "2028-02-29 (w. 9)")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor),
                                                       "Anna Ek, Socialchef (For the department)\n"
                                                       "Per Holm, Administrativ chef (For the customer service centre)")));
}

static void
on_open_item (gint64 *out_id,
              gint64  item_id)
{
  *out_id = item_id;
}

/* The linked proposal is listed with its status; a click asks the window
 * to show it on the board. */
static void
test_linked_items (Fixture       *fixture,
                   gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  g_autofree char *label = g_strdup_printf ("#%" G_GINT64_FORMAT " Uppdatera checklistan för bygglovsarkivet (New)",
                                            fixture->item_id);
  GtkWidget *text;
  GtkWidget *button;
  gint64 opened = 0;

  g_signal_connect_swapped (fixture->view, "open-item", G_CALLBACK (on_open_item), &opened);
  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  show_part (editor, "items");

  text = ui_test_find_label (GTK_WIDGET (tavla_agreement_editor_get_item_list (editor)), label);
  g_assert_true (ui_test_is_shown (text));
  button = gtk_widget_get_ancestor (text, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (opened, ==, fixture->item_id);

  /* Another department's agreement has none. */
  g_assert_true (tavla_agreements_view_select_department (fixture->view, BUF));
  ui_test_iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (tavla_agreement_editor_get_item_list (editor), 0));
}

/* Export writes the core's document: a section's "<script>" is text in
 * the HTML; printing lays out the same A4 pages, read back from the PDF. */
static void
test_export_and_print (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, SOC, NULL);
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html_path = g_build_filename (fixture->dir, "avtal.html", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "avtal.pdf", NULL);
  g_autofree char *html = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (html_path);
  const char *argv[] = { "pdftotext", pdf_path, "-", NULL };
  int status = 0;

  set_section (fixture->board, tavla_agreement_get_id (draft), "responsibilities",
               "Kundcenter svarar <script>alert(1)</script> på frågor om försörjningsstöd.");
  agreement = tavla_board_get_agreement (fixture->board, tavla_agreement_get_id (draft), &error);
  g_assert_no_error (error);

  message = tavla_agreement_export_write (agreement, TAVLA_EXPORT_HTML, file);
  g_assert_cmpstr (message, ==, "Saved avtal.html");
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_null (strstr (html, "<script>"));

  g_assert_cmpuint (tavla_agreement_print_to_pdf (agreement, pdf_path, &error), >=, 1);
  g_assert_no_error (error);
  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, SOC));
  g_assert_nonnull (strstr (text, "försörjningsstöd"));
}

static void
test_export_file_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  agreement = tavla_board_get_agreement (fixture->board, fixture->buf_id, &error);
  g_assert_no_error (error);
  name = tavla_agreement_export_dup_file_name (agreement, TAVLA_EXPORT_PDF);
  g_assert_cmpstr (name, ==, "Barn--och-utbildningsförvaltningen-version-1.pdf");
}

static TavlaAgreementCasetypeDialog *
find_casetype_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (TAVLA_IS_AGREEMENT_CASETYPE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static int
case_type_days (Fixture *fixture)
{
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  agreement = tavla_board_get_agreement (fixture->board, fixture->sbf_id, &error);
  g_assert_no_error (error);
  return tavla_case_type_get_days (g_ptr_array_index (tavla_agreement_get_case_types (agreement), 0));
}

/* Activating a case type's row opens it in the dialog, filled in; a bad
 * value is refused with nothing written, a good one is saved and marks the
 * signed agreement; a change someone else made first is a conflict. */
static void
test_case_type_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  TavlaAgreementCasetypeDialog *dialog = NULL;
  GtkListBox *list = NULL;
  GtkWidget *name_entry = NULL;
  GtkWidget *days_entry = NULL;
  GtkWidget *weak = NULL;
  const char *message = NULL;

  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  show_part (editor, "case-types");
  list = tavla_agreement_editor_get_case_type_list (editor);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_false (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Revision needed")));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  ui_test_iterate ();
  dialog = find_casetype_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Case Type");
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);

  name_entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "name_entry");
  days_entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "days_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Beställning ur bygglovsarkivet");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (days_entry)), ==, "5");

  gtk_editable_set_text (GTK_EDITABLE (days_entry), "-2");
  g_assert_false (tavla_agreement_casetype_dialog_save (dialog));
  message = tavla_agreement_casetype_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Days “-2”"));
  g_assert_true (gtk_widget_has_css_class (days_entry, "error"));
  g_assert_cmpint (case_type_days (fixture), ==, 5);

  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Arkivbeställning");
  gtk_editable_set_text (GTK_EDITABLE (days_entry), "12");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "casetype.save", NULL);
  ui_test_iterate ();
  g_assert_null (weak);
  g_assert_cmpint (case_type_days (fixture), ==, 12);

  show_part (editor, "case-types");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Arkivbeställning")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (editor), "Revision needed")));

  /* Someone else changes it while the dialog is open: a conflict. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  ui_test_iterate ();
  dialog = find_casetype_dialog ();
  g_assert_nonnull (dialog);
  days_entry = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "days_entry");
  {
    g_autoptr(TavlaAgreement) agreement = tavla_board_get_agreement (fixture->board, fixture->sbf_id, NULL);
    g_autoptr(TavlaCaseType) other = NULL;
    g_autoptr(GError) error = NULL;
    TavlaCaseTypeInput input = { .days = "7" };

    other = tavla_board_update_case_type (fixture->board,
                                          tavla_case_type_get_id (g_ptr_array_index (tavla_agreement_get_case_types (agreement), 0)),
                                          0, &input, "Någon annan", NULL, &error);
    g_assert_no_error (error);
  }
  gtk_editable_set_text (GTK_EDITABLE (days_entry), "9");
  g_assert_false (tavla_agreement_casetype_dialog_save (dialog));
  message = tavla_agreement_casetype_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Someone else changed this case type first"));
  g_assert_cmpint (case_type_days (fixture), ==, 7);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
}

/* Another process writes the draft shown: signing what the page showed is
 * a conflict, with the core's message; the board's refresh (the window's
 * watch calls it) brings the change onto the page, and signing then works. */
static void
test_outside_change (Fixture       *fixture,
                     gconstpointer  data)
{
  TavlaAgreementEditor *editor = tavla_agreements_view_get_editor (fixture->view);
  g_autoptr(TavlaBoard) other = NULL;
  g_autoptr(TavlaAgreement) written = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAgreement *draft = NULL;
  gint64 draft_id = 0;
  const char *message = NULL;

  g_assert_true (tavla_agreements_view_select_department (fixture->view, SBF));
  ui_test_iterate ();
  g_assert_true (tavla_agreement_editor_revise (editor));
  ui_test_iterate ();
  draft_id = tavla_agreement_get_id (tavla_agreement_editor_get_agreement (editor));

  other = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  written = tavla_board_set_agreement_section (other, draft_id, 0, "billing", "Faktureras per halvår.",
                                               "tavla-cli", NULL, &error);
  g_assert_no_error (error);

  g_assert_false (tavla_agreement_editor_sign (editor, "2026-03-02"));
  message = tavla_agreement_editor_get_sign_message (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Someone else changed this agreement first"));
  {
    g_autoptr(TavlaAgreement) still = tavla_board_get_agreement (fixture->board, draft_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tavla_agreement_get_status (still), ==, TAVLA_AGREEMENT_STATUS_DRAFT);
  }

  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  draft = tavla_agreement_editor_get_agreement (editor);
  g_assert_cmpint (tavla_agreement_get_id (draft), ==, draft_id);
  g_assert_cmpint (tavla_agreement_get_version (draft), ==, tavla_agreement_get_version (written));
  g_assert_cmpstr (tavla_agreement_get_section (draft, TAVLA_SECTION_BILLING), ==, "Faktureras per halvår.");

  g_assert_true (tavla_agreement_editor_sign (editor, "2026-03-02"));
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (ui_test_find_label (department_row (fixture, SBF), "Active")));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/agreements/templates", test_templates);
  g_test_add_func ("/agreements/window-page", test_window_page);
  g_test_add ("/agreements/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/agreements/list", Fixture, "filled", fixture_setup, test_list, fixture_teardown);
  g_test_add ("/agreements/sign-without-date", Fixture, "filled", fixture_setup, test_sign_without_date, fixture_teardown);
  g_test_add ("/agreements/revise", Fixture, "filled", fixture_setup, test_revise, fixture_teardown);
  g_test_add ("/agreements/case-type", Fixture, "filled", fixture_setup, test_case_type_dialog, fixture_teardown);
  g_test_add ("/agreements/case-type-edit", Fixture, "filled", fixture_setup, test_case_type_edit, fixture_teardown);
  g_test_add ("/agreements/outside-change", Fixture, "filled", fixture_setup, test_outside_change, fixture_teardown);
  g_test_add ("/agreements/details", Fixture, "filled", fixture_setup, test_details_dialog, fixture_teardown);
  g_test_add ("/agreements/linked-items", Fixture, "filled", fixture_setup, test_linked_items, fixture_teardown);
  g_test_add ("/agreements/export-and-print", Fixture, "filled", fixture_setup, test_export_and_print, fixture_teardown);
  g_test_add ("/agreements/export-file-name", Fixture, "filled", fixture_setup, test_export_file_name, fixture_teardown);

  return ui_test_run ();
}
