/* SPDX-License-Identifier: EUPL-1.2 */

/* The board as a user drives it: the first-run state, a proposal created
 * through the panel, moved by the keyboard's status action, the rules'
 * message for an illegal move, and the search bar. Each test has its own
 * database in a temporary folder. */

#include "config.h"

#include <tavla/tavla.h>

#include "tavla-board-view.h"
#include "tavla-item-card.h"
#include "ui-test-utils.h"

typedef struct
{
  char           *dir;
  char           *path;
  TavlaBoard     *board;
  GtkWidget      *window;
  TavlaBoardView *view;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->path = ui_test_make_db_path (&fixture->dir);
  fixture->board = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 900);
  fixture->view = TAVLA_BOARD_VIEW (tavla_board_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  tavla_board_view_set_board (fixture->view, fixture->board);
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

static TavlaItem *
add_item (Fixture    *fixture,
          const char *title,
          gboolean    with_owner)
{
  g_autoptr(GError) error = NULL;
  TavlaItem *item;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_TITLE,
    .title = title,
  };

  if (with_owner)
    {
      if (g_list_model_get_n_items (tavla_board_get_people (fixture->board)) == 0)
        {
          g_autoptr(TavlaPerson) person =
            tavla_board_add_person (fixture->board, "Anna Lind", "Kommunvägledare", NULL, "Testaren", &error);
          g_assert_no_error (error);
        }

      change.set |= TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE;
      change.owner = "Anna Lind";
      change.due = "2031-03-14";
    }

  item = tavla_board_create_item (fixture->board, &change, "Testaren", &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  return item;
}

/* The column's visible items as "title,title,...", in board order. */
static char *
dump_column (Fixture     *fixture,
             TavlaStatus  status)
{
  GListModel *model = tavla_board_column_get_model (tavla_board_view_get_column (fixture->view, status));
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, tavla_item_get_title (item));
    }

  return g_string_free (out, FALSE);
}

static TavlaItem *
reload (Fixture   *fixture,
        TavlaItem *item)
{
  g_autoptr(GError) error = NULL;
  TavlaItem *fresh = tavla_board_get_item (fixture->board, tavla_item_get_id (item), &error);

  g_assert_no_error (error);
  return fresh;
}

static guint
count_history (Fixture   *fixture,
               TavlaItem *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = tavla_board_list_history (fixture->board, tavla_item_get_id (item), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TavlaItem) item = NULL;
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_true (tavla_board_view_get_empty (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (view, "No Proposals Yet")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (view, "New Proposal")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (view, "Open Demo Board")));

  /* The first proposal replaces the empty state with the board. */
  item = add_item (fixture, "Första förslaget", FALSE);
  g_assert_false (tavla_board_view_get_empty (fixture->view));
  g_assert_false (ui_test_is_shown (ui_test_find_label (view, "No Proposals Yet")));
  g_assert_true (ui_test_is_shown (ui_test_find_label (view, "Första förslaget")));
}

static void
test_create_through_panel (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *title = "Svara på e-post inom 24 timmar; \"alltid\" -- även fredagar";
  TavlaItemPanel *panel = tavla_board_view_get_panel (fixture->view);
  GListModel *items = tavla_board_get_items (fixture->board);
  GtkEditable *title_entry;
  GtkEditable *due_entry;
  g_autoptr(TavlaItem) created = NULL;
  g_autofree char *column = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.new", NULL);
  ui_test_iterate ();
  g_assert_true (tavla_board_view_get_panel_revealed (fixture->view));
  g_assert_null (tavla_item_panel_get_item (panel));

  /* An empty title cannot be saved. */
  g_assert_false (gtk_widget_get_sensitive (tavla_item_panel_get_save_button (panel)));

  title_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (panel), TAVLA_TYPE_ITEM_PANEL, "title_entry"));
  due_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (panel), TAVLA_TYPE_ITEM_PANEL, "due_entry"));
  gtk_editable_set_text (title_entry, title);

  /* A bad date is named under the date field, live. */
  gtk_editable_set_text (due_entry, "2031-13-01");
  ui_test_iterate ();
  g_assert_true (ui_test_is_shown (tavla_item_panel_get_message_label (panel, TAVLA_ITEM_FIELD_DUE)));
  g_assert_false (gtk_widget_get_sensitive (tavla_item_panel_get_save_button (panel)));

  gtk_editable_set_text (due_entry, "2031-03-14");
  ui_test_iterate ();
  g_assert_false (ui_test_is_shown (tavla_item_panel_get_message_label (panel, TAVLA_ITEM_FIELD_DUE)));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (panel), "Week 11")));
  g_assert_true (gtk_widget_get_sensitive (tavla_item_panel_get_save_button (panel)));

  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.save", NULL);
  ui_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  created = g_list_model_get_item (items, 0);
  g_assert_cmpstr (tavla_item_get_title (created), ==, title);
  g_assert_cmpstr (tavla_item_get_due (created), ==, "2031-03-14");
  g_assert_cmpint (tavla_item_get_status (created), ==, TAVLA_STATUS_NEW);
  g_assert_cmpuint (count_history (fixture, created), >=, 1);

  column = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (column, ==, title);
  g_assert_false (tavla_board_view_get_panel_revealed (fixture->view));
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view), title)));
}

static void
test_move_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaItem) item = add_item (fixture, "Ny hälsningsfras i telefon", TRUE);
  g_autoptr(TavlaItem) other = add_item (fixture, "Uppdatera kunskapsbanken", FALSE);
  g_autoptr(TavlaItem) moved = NULL;
  g_autoptr(TavlaItem) marked = NULL;
  g_autoptr(TavlaItem) undone = NULL;
  g_autofree char *new_column = NULL;
  g_autofree char *progress_column = NULL;
  g_autofree char *after_undo = NULL;
  guint history_before;

  g_assert_true (tavla_board_view_focus_item (fixture->view, tavla_item_get_id (item)));
  ui_test_iterate ();

  /* Alt+2: to In progress. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.set-status", "s", "in-progress");
  ui_test_iterate ();

  moved = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_status (moved), ==, TAVLA_STATUS_IN_PROGRESS);
  new_column = dump_column (fixture, TAVLA_STATUS_NEW);
  progress_column = dump_column (fixture, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (new_column, ==, "Uppdatera kunskapsbanken");
  g_assert_cmpstr (progress_column, ==, "Ny hälsningsfras i telefon");

  /* The focus followed the card, so Ctrl+2 marks the same proposal. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.set-mark", "s", "at-risk");
  ui_test_iterate ();
  marked = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_mark (marked), ==, TAVLA_MARK_AT_RISK);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (fixture->view),
                                                       tavla_mark_get_label (TAVLA_MARK_AT_RISK))));

  /* Ctrl+Z: the mark goes, recorded as a new change. */
  history_before = count_history (fixture, marked);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.undo", NULL);
  ui_test_iterate ();
  undone = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_status (undone), ==, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpint (tavla_item_get_mark (undone), ==, TAVLA_MARK_NONE);
  g_assert_cmpuint (count_history (fixture, undone), >, history_before);

  /* A second Ctrl+Z must not redo the mark by undoing the undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.undo", NULL);
  ui_test_iterate ();
  g_clear_object (&undone);
  undone = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_mark (undone), ==, TAVLA_MARK_NONE);
  after_undo = dump_column (fixture, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (after_undo, ==, "Ny hälsningsfras i telefon");
}

static void
test_illegal_move_message (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TavlaItem) item = add_item (fixture, "Chatt på webbplatsen", TRUE);
  g_autoptr(TavlaItem) after = NULL;
  g_autoptr(GError) expected = NULL;
  TavlaItemPanel *panel = tavla_board_view_get_panel (fixture->view);
  TavlaItemField field = TAVLA_ITEM_FIELD_NONE;
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_DONE };
  guint history_before = count_history (fixture, item);
  GtkWidget *message;
  g_autofree char *done_column = NULL;

  g_assert_false (tavla_item_rules_check (item, &change, &field, &expected));
  g_assert_nonnull (expected);

  g_assert_true (tavla_board_view_focus_item (fixture->view, tavla_item_get_id (item)));
  /* Alt+4: to Done, without saying what was achieved. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.set-status", "s", "done");
  ui_test_iterate ();

  g_assert_true (tavla_board_view_get_panel_revealed (fixture->view));
  message = tavla_item_panel_get_message_label (panel, field);
  g_assert_true (ui_test_is_shown (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected->message);
  g_assert_false (gtk_widget_get_sensitive (tavla_item_panel_get_save_button (panel)));
  g_assert_false (tavla_item_panel_get_can_save (panel));

  /* Nothing was written. */
  after = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_status (after), ==, TAVLA_STATUS_NEW);
  g_assert_cmpint (tavla_item_get_version (after), ==, tavla_item_get_version (item));
  g_assert_cmpuint (count_history (fixture, after), ==, history_before);
  done_column = dump_column (fixture, TAVLA_STATUS_DONE);
  g_assert_cmpstr (done_column, ==, "");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TavlaItem) a = add_item (fixture, "Ärendehantering för bygglov", FALSE);
  g_autoptr(TavlaItem) b = add_item (fixture, "Telefontider i sommar", FALSE);
  g_autofree char *all = dump_column (fixture, TAVLA_STATUS_NEW);
  g_autofree char *found = NULL;
  g_autofree char *narrower = NULL;
  g_autofree char *cleared = NULL;

  g_assert_cmpstr (all, ==, "Ärendehantering för bygglov,Telefontider i sommar");

  /* Case and accents fold: "arende" finds "Ärende...". */
  tavla_board_view_set_search_text (fixture->view, "arende");
  found = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (found, ==, "Ärendehantering för bygglov");

  tavla_board_view_set_search_text (fixture->view, "arendex");
  narrower = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (narrower, ==, "");

  tavla_board_view_set_search_text (fixture->view, "");
  cleared = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (cleared, ==, all);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }

  return NULL;
}

static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  GObject *columns = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                    TAVLA_TYPE_BOARD_VIEW, "columns_box");
  GtkEventController *controller = find_key_controller (GTK_WIDGET (columns));
  gboolean handled = FALSE;

  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  ui_test_iterate ();
  return handled;
}

static gboolean
focus_is_in (Fixture     *fixture,
             TavlaStatus  status)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *column = GTK_WIDGET (tavla_board_view_get_column (fixture->view, status));

  return focus != NULL && gtk_widget_is_ancestor (focus, column);
}

/* Left and Right walk the columns, skipping empty ones, and keep the row. */
static void
test_arrow_keys_between_columns (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TavlaItem) a = add_item (fixture, "Kortare kö i växeln", TRUE);
  g_autoptr(TavlaItem) b = add_item (fixture, "Parkerad idé", TRUE);
  g_autoptr(TavlaItem) c = add_item (fixture, "Tredje förslaget", FALSE);
  TavlaBoardColumn *parked = tavla_board_view_get_column (fixture->view, TAVLA_STATUS_PARKED);

  g_assert_true (tavla_board_view_focus_item (fixture->view, tavla_item_get_id (b)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.set-status", "s", "parked");
  ui_test_iterate ();
  g_assert_true (focus_is_in (fixture, TAVLA_STATUS_PARKED));

  /* In progress is empty, so Left from Parked lands in New, on row 0. */
  g_assert_true (press_key (fixture, GDK_KEY_Left));
  g_assert_true (focus_is_in (fixture, TAVLA_STATUS_NEW));
  g_assert_cmpuint (tavla_board_column_get_selected (tavla_board_view_get_column (fixture->view, TAVLA_STATUS_NEW)), ==, 0);
  /* Only one card on the board is the current one. */
  g_assert_cmpuint (tavla_board_column_get_selected (parked), ==, GTK_INVALID_LIST_POSITION);

  g_assert_true (press_key (fixture, GDK_KEY_Right));
  g_assert_true (focus_is_in (fixture, TAVLA_STATUS_PARKED));
  g_assert_cmpuint (tavla_board_column_get_selected (parked), ==, 0);

  /* Up and Down belong to the list itself. */
  g_assert_false (press_key (fixture, GDK_KEY_Down));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

static GtkWidget *
find_card (GtkWidget *root,
           gint64     item_id)
{
  if (TAVLA_IS_ITEM_CARD (root) && tavla_item_card_get_item (TAVLA_ITEM_CARD (root)) != NULL &&
      tavla_item_get_id (tavla_item_card_get_item (TAVLA_ITEM_CARD (root))) == item_id)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_card (child, item_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Drag and drop as GTK runs it: the card's drag source offers the item id,
 * the column's drop target takes it and moves the proposal. */
static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TavlaItem) item = add_item (fixture, "Dra mig till Parkerat", FALSE);
  g_autoptr(TavlaItem) moved = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GtkWidget *card = find_card (GTK_WIDGET (fixture->view), tavla_item_get_id (item));
  GtkWidget *parked = GTK_WIDGET (tavla_board_view_get_column (fixture->view, TAVLA_STATUS_PARKED));
  GtkEventController *source;
  GtkEventController *target;
  gboolean accepted = FALSE;
  g_autofree char *column = NULL;

  g_assert_nonnull (card);
  source = find_controller (card, GTK_TYPE_DRAG_SOURCE);
  target = find_controller (parked, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (source);
  g_assert_nonnull (target);

  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  g_assert_nonnull (provider);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int64 (&value), ==, tavla_item_get_id (item));

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  ui_test_iterate ();

  moved = reload (fixture, item);
  g_assert_cmpint (tavla_item_get_status (moved), ==, TAVLA_STATUS_PARKED);
  column = dump_column (fixture, TAVLA_STATUS_PARKED);
  g_assert_cmpstr (column, ==, "Dra mig till Parkerat");
}

/* A card dropped on a column moves there through the same rules. */
static void
test_drop_on_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TavlaItem) ready = add_item (fixture, "Ny röstbrevlåda", TRUE);
  g_autoptr(TavlaItem) bare = add_item (fixture, "Förslag utan ansvarig", FALSE);
  g_autoptr(TavlaItem) moved = NULL;
  g_autoptr(TavlaItem) unmoved = NULL;
  TavlaBoardColumn *column = tavla_board_view_get_column (fixture->view, TAVLA_STATUS_IN_PROGRESS);
  g_autofree char *progress = NULL;

  g_signal_emit_by_name (column, "item-dropped", tavla_item_get_id (ready));
  ui_test_iterate ();
  moved = reload (fixture, ready);
  g_assert_cmpint (tavla_item_get_status (moved), ==, TAVLA_STATUS_IN_PROGRESS);

  /* Without an owner and a due date the move cannot be made: the panel
   * opens on the proposal and says what is missing; nothing is written. */
  g_signal_emit_by_name (column, "item-dropped", tavla_item_get_id (bare));
  ui_test_iterate ();
  unmoved = reload (fixture, bare);
  g_assert_cmpint (tavla_item_get_status (unmoved), ==, TAVLA_STATUS_NEW);
  g_assert_true (tavla_board_view_get_panel_revealed (fixture->view));
  g_assert_false (tavla_item_panel_get_can_save (tavla_board_view_get_panel (fixture->view)));

  progress = dump_column (fixture, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpstr (progress, ==, "Ny röstbrevlåda");
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Another window (or tavla-cli) changed the proposal while it was open in
 * the panel: saving is refused as a conflict, nothing is overwritten. */
static void
test_conflict_on_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaItem) item = add_item (fixture, "Tydligare röstmeny", TRUE);
  g_autoptr(TavlaItem) theirs = NULL;
  g_autoptr(TavlaItem) after = NULL;
  g_autoptr(GError) error = NULL;
  TavlaItemPanel *panel = tavla_board_view_get_panel (fixture->view);
  GtkWidget *history = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (panel), TAVLA_TYPE_ITEM_PANEL, "history_list");
  GtkEditable *title_entry = (GtkEditable *) gtk_widget_get_template_child (GTK_WIDGET (panel), TAVLA_TYPE_ITEM_PANEL, "title_entry");
  GtkWidget *message;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_TITLE,
    .title = "Röstmeny med tre val",
  };

  g_assert_true (tavla_board_view_focus_item (fixture->view, tavla_item_get_id (item)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.open", NULL);
  ui_test_iterate ();
  g_assert_true (tavla_board_view_get_panel_revealed (fixture->view));

  /* The timeline lists every history row of the proposal. */
  g_assert_cmpuint (count_rows (history), ==, count_history (fixture, item));

  theirs = tavla_board_update_item (fixture->board, tavla_item_get_id (item), &change, "Någon annan", &error);
  g_assert_no_error (error);

  gtk_editable_set_text (title_entry, "Min egen rubrik");
  ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.save", NULL);
  ui_test_iterate ();

  after = reload (fixture, item);
  g_assert_cmpstr (tavla_item_get_title (after), ==, "Röstmeny med tre val");
  message = tavla_item_panel_get_message_label (panel, TAVLA_ITEM_FIELD_NONE);
  g_assert_true (ui_test_is_shown (message));
  g_assert_true (tavla_board_view_get_panel_revealed (fixture->view));
}

/* A proposal written by another process (tavla-cli from cron) appears on
 * the board by itself within a second. */
static void
test_refresh_from_other_process (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TavlaBoard) other = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *column = NULL;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_TITLE,
    .title = "Från cron-jobbet",
  };
  gint64 deadline;

  tavla_board_set_watch (fixture->board, TRUE);
  other = tavla_board_open (fixture->path, &error);
  g_assert_no_error (error);
  item = tavla_board_create_item (other, &change, "cron", &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < deadline &&
         g_list_model_get_n_items (tavla_board_column_get_model (tavla_board_view_get_column (fixture->view, TAVLA_STATUS_NEW))) == 0)
    g_main_context_iteration (NULL, TRUE);

  column = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (column, ==, "Från cron-jobbet");
  g_assert_false (tavla_board_view_get_empty (fixture->view));
  tavla_board_set_watch (fixture->board, FALSE);
}

/* Owner, overdue and "Show closed" narrow or widen every column. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TavlaItem) owned = add_item (fixture, "Ansvarig finns", TRUE);
  g_autoptr(TavlaItem) bare = add_item (fixture, "Ingen ansvarig", FALSE);
  g_autoptr(TavlaItem) late = NULL;
  g_autoptr(TavlaItem) rejected = NULL;
  g_autoptr(GError) error = NULL;
  GObject *owner = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), TAVLA_TYPE_BOARD_VIEW, "owner_dropdown");
  GObject *overdue = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), TAVLA_TYPE_BOARD_VIEW, "overdue_button");
  GObject *closed = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), TAVLA_TYPE_BOARD_VIEW, "closed_button");
  TavlaBoardColumn *rejected_column = tavla_board_view_get_column (fixture->view, TAVLA_STATUS_REJECTED);
  TavlaItemChange due = { .set = TAVLA_ITEM_FIELD_DUE, .due = "2020-02-03" };
  TavlaItemChange reject = { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE,
                             .status = TAVLA_STATUS_REJECTED, .note = "Dubblett" };
  g_autofree char *by_owner = NULL;
  g_autofree char *by_overdue = NULL;
  g_autofree char *all = NULL;
  g_autofree char *closed_list = NULL;

  late = tavla_board_update_item (fixture->board, tavla_item_get_id (bare), &due, "Testaren", &error);
  g_assert_no_error (error);
  rejected = tavla_board_update_item (fixture->board, tavla_item_get_id (owned), &reject, "Testaren", &error);
  g_assert_no_error (error);
  g_clear_object (&rejected);
  rejected = add_item (fixture, "Kvar i Ny", TRUE);
  ui_test_iterate ();

  /* Rejected proposals wait behind "Show closed". */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rejected_column)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (closed), TRUE);
  ui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rejected_column)));
  closed_list = dump_column (fixture, TAVLA_STATUS_REJECTED);
  g_assert_cmpstr (closed_list, ==, "Ansvarig finns");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (closed), FALSE);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 1);
  ui_test_iterate ();
  by_owner = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (by_owner, ==, "Kvar i Ny");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);
  ui_test_iterate ();
  by_overdue = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (by_overdue, ==, "Ingen ansvarig");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), FALSE);
  ui_test_iterate ();
  all = dump_column (fixture, TAVLA_STATUS_NEW);
  g_assert_cmpstr (all, ==, "Ingen ansvarig,Kvar i Ny");
}

/* A long column lists a page of cards and brings in more as the user
 * scrolls or moves down; the header counts them all. */
static void
test_long_column (Fixture       *fixture,
                  gconstpointer  data)
{
  TavlaBoardColumn *column = tavla_board_view_get_column (fixture->view, TAVLA_STATUS_NEW);
  GListModel *listed = tavla_board_column_get_model (column);
  GtkAdjustment *adjustment;
  g_autoptr(TavlaItem) last = NULL;
  guint first_page;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *title = g_strdup_printf ("Förslag nummer %02u", i);
      g_autoptr(TavlaItem) item = add_item (fixture, title, FALSE);

      if (i == 59)
        last = g_object_ref (item);
    }
  ui_test_iterate ();

  /* The cards fill the column and a screen more, not all 60. */
  first_page = g_list_model_get_n_items (listed);
  g_assert_cmpuint (first_page, <, 60);
  g_assert_true (ui_test_is_shown (ui_test_find_label (GTK_WIDGET (column), "60")));

  /* Scrolling to the end brings in the next page. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tavla_board_column_get_list_view (column)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), >, first_page);

  /* Focusing the last proposal (search result, undo, a move) shows it. */
  g_assert_true (tavla_board_view_focus_item (fixture->view, tavla_item_get_id (last)));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 60);

  /* A new search starts again from the first page. */
  tavla_board_view_set_search_text (fixture->view, "förslag");
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, first_page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

  ADD ("/board-view/empty-state", test_empty_state);
  ADD ("/board-view/create-through-panel", test_create_through_panel);
  ADD ("/board-view/move-by-keyboard", test_move_by_keyboard);
  ADD ("/board-view/illegal-move-message", test_illegal_move_message);
  ADD ("/board-view/search", test_search);
  ADD ("/board-view/arrow-keys", test_arrow_keys_between_columns);
  ADD ("/board-view/drop-on-column", test_drop_on_column);
  ADD ("/board-view/drag-and-drop", test_drag_and_drop);
  ADD ("/board-view/conflict-on-save", test_conflict_on_save);
  ADD ("/board-view/refresh-from-other-process", test_refresh_from_other_process);
  ADD ("/board-view/filters", test_filters);
  ADD ("/board-view/long-column", test_long_column);

#undef ADD

  return ui_test_run ();
}
