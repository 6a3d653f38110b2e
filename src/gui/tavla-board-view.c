/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-board-view.h"
#include "tavla-gui-settings.h"

/*
 * The improvement board: one column per status over the board's live item
 * model, a search and filter bar whose single GtkFilter all columns share,
 * and the side panel for creating and editing. Every move (keyboard, drag
 * and drop, the panel) goes through the core, which decides what is allowed.
 */

struct _TavlaBoardView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkSearchBar     *search_bar;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *owner_dropdown;
  GtkDropDown      *department_dropdown;
  GtkToggleButton  *overdue_button;
  GtkToggleButton  *strategic_button;
  GtkToggleButton  *closed_button;
  GtkStack         *stack;
  GtkRevealer      *flap;
  GtkBox           *columns_box;
  TavlaItemPanel   *panel;

  /* Owned references */
  TavlaBoard       *board;
  GtkCustomFilter  *query_filter;
  GtkSortListModel *sorted;
  GtkStringList    *owners;
  GtkStringList    *departments;
  GArray           *undo_ids;    /* UndoEntry, the latest last */
  char             *search;
  char             *owner;
  char             *department;
  char             *today;

  /* Borrowed references */
  TavlaBoardColumn *columns[TAVLA_N_STATUSES];
  TavlaBoardColumn *active_column;

  guint             overdue_only : 1;
  guint             strategic_only : 1;
  guint             filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaBoardView, tavla_board_view, GTK_TYPE_WIDGET)

/* The order of the columns on the board, left to right. */
static const TavlaStatus column_order[TAVLA_N_STATUSES] = {
  TAVLA_STATUS_NEW,
  TAVLA_STATUS_IN_PROGRESS,
  TAVLA_STATUS_PARKED,
  TAVLA_STATUS_DONE,
  TAVLA_STATUS_REJECTED,
};

static gboolean
query_filter_func (gpointer item,
                   gpointer user_data)
{
  TavlaBoardView *self = user_data;
  TavlaItemQuery query = {
    .statuses = 0,
    .owner = self->owner,
    .department = self->department,
    .search = self->search,
    .overdue_only = self->overdue_only,
    .today = self->today,
    .strategic_only = self->strategic_only,
  };

  return tavla_item_query_matches (&query, item);
}

/* Takes @toast. Without an overlay around the board (a test) it is dropped. */
static int
board_sort_func (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return tavla_item_compare_for_board ((TavlaItem *) a, (TavlaItem *) b);
}

/* Tells every column the query changed, after resetting their windows. */
static void
refilter (TavlaBoardView  *self,
          GtkFilterChange  change)
{
  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    tavla_board_column_reset_window (self->columns[i]);
  gtk_filter_changed (GTK_FILTER (self->query_filter), change);
}

static void
show_toast (TavlaBoardView *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* Toast titles are Pango markup in libadwaita 1.2; user text is escaped
 * so a title like "<b>" is shown as typed, never interpreted. */
static void
show_message (TavlaBoardView *self,
              const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  show_toast (self, g_steal_pointer (&toast));
}

static void
show_undo_toast (TavlaBoardView *self,
                 const char     *format,
                 TavlaItem      *item,
                 const char     *value)
{
  g_autofree char *title = g_markup_escape_text (tavla_item_get_title (item), -1);
  g_autofree char *escaped_value = g_markup_escape_text (value != NULL ? value : "", -1);
  g_autofree char *message = NULL;
  g_autoptr(AdwToast) toast = NULL;

  message = g_strdup_printf (format, title, escaped_value);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast lives in the window's overlay, outside this widget, so it
   * cannot see "board.undo"; TavlaWindow forwards "win.undo" here. */
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, g_steal_pointer (&toast));
}

/* What this window changed last: the core undoes an item's most recent
 * change, so an entry is only good while the item is still at the version
 * our change left it at (otherwise "undo" would revert someone else's
 * change, or redo our own undo). */
typedef struct
{
  gint64 id;
  gint64 version;
} UndoEntry;

static void
push_undo (TavlaBoardView *self,
           TavlaItem      *item)
{
  UndoEntry entry = { tavla_item_get_id (item), tavla_item_get_version (item) };

  g_array_append_val (self->undo_ids, entry);
}

static TavlaBoardColumn *
find_column (TavlaBoardView *self,
             TavlaStatus     status)
{
  if ((guint) status >= TAVLA_N_STATUSES)
    return NULL;
  return self->columns[status];
}

/* One current card on the whole board: the column the user works in keeps
 * its selection, the others let go of theirs. */
static void
set_active_column (TavlaBoardView   *self,
                   TavlaBoardColumn *column)
{
  self->active_column = column;

  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    if (self->columns[i] != NULL && self->columns[i] != column)
      tavla_board_column_unselect (self->columns[i]);
}

static TavlaItem *
get_current_item (TavlaBoardView *self)
{
  if (self->active_column == NULL)
    return NULL;
  return tavla_board_column_get_selected_item (self->active_column);
}

static void
update_page (TavlaBoardView *self)
{
  gboolean empty = tavla_board_view_get_empty (self);

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "board");
}

static void
open_panel (TavlaBoardView *self,
            TavlaItem      *item)
{
  tavla_item_panel_edit (self->panel, item);
  gtk_revealer_set_reveal_child (self->flap, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "board");
  tavla_item_panel_focus_first (self->panel);
}

static void
close_panel (TavlaBoardView *self)
{
  gtk_revealer_set_reveal_child (self->flap, FALSE);
  update_page (self);

  if (self->active_column != NULL)
    tavla_board_column_focus_position (self->active_column,
                                       tavla_board_column_get_selected (self->active_column));
}

static void
refresh_today (TavlaBoardView *self)
{
  g_free (self->today);
  self->today = tavla_date_today ();
}

static void
fill_choices (GtkStringList *list,
              const char    *any_label,
              GListModel    *model,
              gboolean       people)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) any_label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (people)
        g_ptr_array_add (names, (gpointer) tavla_person_get_name (TAVLA_PERSON (object)));
      else
        g_ptr_array_add (names, (gpointer) tavla_department_get_name (TAVLA_DEPARTMENT (object)));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
}

static void
select_name (GtkDropDown   *dropdown,
             GtkStringList *list,
             const char    *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; name != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  gtk_drop_down_set_selected (dropdown, 0);
}

static void
reload_choices (TavlaBoardView *self)
{
  self->filling = TRUE;
  fill_choices (self->owners, _("Anyone"),
                self->board != NULL ? tavla_board_get_people (self->board) : NULL, TRUE);
  fill_choices (self->departments, _("All departments"),
                self->board != NULL ? tavla_board_get_departments (self->board) : NULL, FALSE);
  select_name (self->owner_dropdown, self->owners, self->owner);
  select_name (self->department_dropdown, self->departments, self->department);
  self->filling = FALSE;
}

static const char *
dropdown_choice (GtkDropDown   *dropdown,
                 GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (list, selected);
}

/* Replaces *@field with @value and tells how the filter changed. */
static GtkFilterChange
update_exact (char       **field,
              const char  *value)
{
  GtkFilterChange change;

  if (*field == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (value == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (*field);
  *field = g_strdup (value);
  return change;
}

static void
on_choice_changed (TavlaBoardView *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  const char *value;
  char **field;

  if (self->filling)
    return;

  if (dropdown == self->owner_dropdown)
    {
      value = dropdown_choice (dropdown, self->owners);
      field = &self->owner;
    }
  else
    {
      value = dropdown_choice (dropdown, self->departments);
      field = &self->department;
    }

  if (g_strcmp0 (*field, value) == 0)
    return;

  refilter (self, update_exact (field, value));
}

static void
on_search_changed (TavlaBoardView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = text[0] != '\0' ? tavla_text_fold (text) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing more can only hide cards; deleting can only show more. */
  if (self->search == NULL || (folded != NULL && strstr (folded, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  refilter (self, change);
}

static void
on_toggle_changed (TavlaBoardView  *self,
                   GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);
  GtkFilterChange change = active ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;

  if (button == self->closed_button)
    {
      for (guint i = 0; i < TAVLA_N_STATUSES; i++)
        tavla_board_column_set_show_closed (self->columns[i], active);
      gtk_widget_set_visible (GTK_WIDGET (self->columns[TAVLA_STATUS_REJECTED]), active);
      return;
    }

  refresh_today (self);
  if (button == self->overdue_button)
    self->overdue_only = active;
  else
    self->strategic_only = active;
  refilter (self, change);
}

static void
on_search_stop (TavlaBoardView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->active_column != NULL)
    tavla_board_column_focus_position (self->active_column,
                                       tavla_board_column_get_selected (self->active_column));
}

static void
on_items_changed (TavlaBoardView *self)
{
  if (!gtk_revealer_get_reveal_child (self->flap))
    update_page (self);
}

static void
on_column_activated (TavlaBoardView   *self,
                     TavlaItem        *item,
                     TavlaBoardColumn *column)
{
  set_active_column (self, column);
  open_panel (self, item);
}

static void
on_column_dropped (TavlaBoardColumn *column,
                   gint64            item_id,
                   TavlaBoardView   *self)
{
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (self->board == NULL)
    return;

  item = tavla_board_get_item (self->board, item_id, &error);
  if (item == NULL)
    {
      show_message (self, error->message);
      return;
    }

  tavla_board_view_move_item (self, item, tavla_board_column_get_status (column));
}

static void
on_column_focus_enter (GtkEventControllerFocus *controller,
                       TavlaBoardView          *self)
{
  GtkWidget *list_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  set_active_column (self, TAVLA_BOARD_COLUMN (gtk_widget_get_ancestor (list_view, TAVLA_TYPE_BOARD_COLUMN)));
}

static int
column_index (TavlaBoardColumn *column)
{
  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    if (column_order[i] == tavla_board_column_get_status (column))
      return i;
  return -1;
}

/* Left and Right step to the neighbouring column with cards, keeping the
 * row: a GtkListView has no use for them and would swallow them. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TavlaBoardView        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  TavlaBoardColumn *column;
  guint position;
  int step;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = 1;
  else
    return FALSE;

  if (focus == NULL)
    return FALSE;
  column = TAVLA_BOARD_COLUMN (gtk_widget_get_ancestor (focus, TAVLA_TYPE_BOARD_COLUMN));
  if (column == NULL)
    return FALSE;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    step = -step;

  position = tavla_board_column_get_selected (column);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  for (int i = column_index (column) + step; i >= 0 && i < TAVLA_N_STATUSES; i += step)
    {
      TavlaBoardColumn *next = self->columns[column_order[i]];

      if (gtk_widget_get_visible (GTK_WIDGET (next)) &&
          tavla_board_column_focus_position (next, position))
        {
          set_active_column (self, next);
          return TRUE;
        }
    }

  return TRUE;
}

static void
on_panel_saved (TavlaBoardView *self,
                TavlaItem      *item,
                gboolean        created,
                TavlaItemPanel *panel)
{
  g_autofree char *title = g_markup_escape_text (tavla_item_get_title (item), -1);
  g_autofree char *message = NULL;

  if (created)
    {
      message = g_strdup_printf (_("Added “%s”"), title);
      show_toast (self, adw_toast_new (message));
    }
  else
    {
      push_undo (self, item);
      show_undo_toast (self, _("Saved “%s”"), item, NULL);
    }

  gtk_revealer_set_reveal_child (self->flap, FALSE);
  update_page (self);
  tavla_board_view_focus_item (self, tavla_item_get_id (item));
}

static void
on_panel_closed (TavlaBoardView *self)
{
  close_panel (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_panel (TAVLA_BOARD_VIEW (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "board");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (widget);
  TavlaItem *item = get_current_item (self);

  if (item != NULL)
    open_panel (self, item);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (widget);
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  UndoEntry entry;

  if (self->board == NULL || self->undo_ids->len == 0)
    {
      show_message (self, _("Nothing to undo"));
      return;
    }

  entry = g_array_index (self->undo_ids, UndoEntry, self->undo_ids->len - 1);
  g_array_set_size (self->undo_ids, self->undo_ids->len - 1);

  item = tavla_board_get_item (self->board, entry.id, &error);
  if (item == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (tavla_item_get_version (item) != entry.version)
    {
      g_array_set_size (self->undo_ids, 0);
      show_message (self, _("Nothing to undo: the proposal has changed since"));
      return;
    }
  g_clear_object (&item);

  actor = tavla_gui_dup_actor ();
  item = tavla_board_undo_last_change (self->board, entry.id, actor, &error);
  if (item == NULL)
    {
      show_message (self, error->message);
      return;
    }

  title = g_markup_escape_text (tavla_item_get_title (item), -1);
  message = g_strdup_printf (_("Undid the last change to “%s”"), title);
  show_toast (self, adw_toast_new (message));
  tavla_board_view_focus_item (self, entry.id);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (widget);
  TavlaItem *item = get_current_item (self);
  TavlaStatus status;

  if (item == NULL)
    {
      show_message (self, _("Select a proposal first"));
      return;
    }

  if (tavla_status_from_string (g_variant_get_string (parameter, NULL), &status))
    tavla_board_view_move_item (self, item, status);
}

static void
set_mark_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (widget);
  TavlaItem *item = get_current_item (self);
  TavlaMark mark;

  if (item == NULL)
    {
      show_message (self, _("Select a proposal first"));
      return;
    }

  if (tavla_mark_from_string (g_variant_get_string (parameter, NULL), &mark))
    tavla_board_view_mark_item (self, item, mark);
}

static void
tavla_board_view_dispose (GObject *object)
{
  TavlaBoardView *self = (TavlaBoardView *) object;
  GtkWidget *child;

  tavla_board_view_set_board (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_BOARD_VIEW);
  /* dispose_template only drops the bound children; the unnamed top-level
   * box holding them goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->active_column = NULL;
  memset (self->columns, 0, sizeof self->columns);

  g_clear_object (&self->query_filter);
  g_clear_object (&self->sorted);
  g_clear_object (&self->owners);
  g_clear_object (&self->departments);

  G_OBJECT_CLASS (tavla_board_view_parent_class)->dispose (object);
}

static void
tavla_board_view_finalize (GObject *object)
{
  TavlaBoardView *self = (TavlaBoardView *) object;

  g_clear_pointer (&self->undo_ids, g_array_unref);
  g_free (self->search);
  g_free (self->owner);
  g_free (self->department);
  g_free (self->today);

  G_OBJECT_CLASS (tavla_board_view_parent_class)->finalize (object);
}

static void
tavla_board_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (object);

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
tavla_board_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TavlaBoardView *self = TAVLA_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_board_view_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_status_binding (GtkWidgetClass *widget_class,
                    guint           keyval,
                    TavlaStatus     status)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_ALT_MASK,
                                       "board.set-status", "s", tavla_status_to_string (status));
}

static void
add_mark_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  const char     *mark)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK,
                                       "board.set-mark", "s", mark);
}

static void
tavla_board_view_class_init (TavlaBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_board_view_dispose;
  object_class->finalize = tavla_board_view_finalize;
  object_class->get_property = tavla_board_view_get_property;
  object_class->set_property = tavla_board_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "board.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "board.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "board.set-mark", "s", set_mark_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "board.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "board.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "board.undo", NULL);
  add_status_binding (widget_class, GDK_KEY_1, TAVLA_STATUS_NEW);
  add_status_binding (widget_class, GDK_KEY_2, TAVLA_STATUS_IN_PROGRESS);
  add_status_binding (widget_class, GDK_KEY_3, TAVLA_STATUS_PARKED);
  add_status_binding (widget_class, GDK_KEY_4, TAVLA_STATUS_DONE);
  add_status_binding (widget_class, GDK_KEY_5, TAVLA_STATUS_REJECTED);
  add_mark_binding (widget_class, GDK_KEY_1, "on-track");
  add_mark_binding (widget_class, GDK_KEY_2, "at-risk");
  add_mark_binding (widget_class, GDK_KEY_3, "off-track");
  add_mark_binding (widget_class, GDK_KEY_0, "none");

  g_type_ensure (TAVLA_TYPE_ITEM_PANEL);
  g_type_ensure (TAVLA_TYPE_BOARD_COLUMN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, strategic_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, closed_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, flap);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardView, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_closed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardview");
}

static void
tavla_board_view_init (TavlaBoardView *self)
{
  GtkEventController *key_controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (UndoEntry));
  refresh_today (self);
  self->query_filter = gtk_custom_filter_new (query_filter_func, self, NULL);

  /* One sort for the whole board, below the filters: GTK 4.8's list views
   * keep up to 200 rows each, and a sort model above a filter reports
   * every refilter as a change of its whole range, which rebuilds them
   * all. Below, a refilter only adds and removes the cards that changed. */
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (board_sort_func, NULL, NULL)));

  self->owners = gtk_string_list_new (NULL);
  self->departments = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owners));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));
  reload_choices (self);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department_dropdown, "notify::selected",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    {
      TavlaStatus status = column_order[i];
      GtkWidget *column = tavla_board_column_new (status);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      self->columns[status] = TAVLA_BOARD_COLUMN (column);
      tavla_board_column_set_items (self->columns[status], G_LIST_MODEL (self->sorted),
                                    GTK_FILTER (self->query_filter));
      g_signal_connect_object (column, "item-activated",
                               G_CALLBACK (on_column_activated), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (column, "item-dropped",
                               G_CALLBACK (on_column_dropped), self, 0);
      g_signal_connect (focus, "enter", G_CALLBACK (on_column_focus_enter), self);
      gtk_widget_add_controller (tavla_board_column_get_list_view (TAVLA_BOARD_COLUMN (column)), focus);
      gtk_box_append (self->columns_box, column);
    }

  /* Rejected proposals are only shown with "Show closed". */
  gtk_widget_set_visible (GTK_WIDGET (self->columns[TAVLA_STATUS_REJECTED]), FALSE);
  self->active_column = self->columns[TAVLA_STATUS_NEW];

  key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect (key_controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->columns_box), key_controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_page (self);
}

/* Opens the panel for a new improvement proposal made from @deviation;
 * saving it links the two through the core. */
void
tavla_board_view_act_on_deviation (TavlaBoardView *self,
                                   TavlaDeviation *deviation)
{
  g_return_if_fail (TAVLA_IS_BOARD_VIEW (self));
  g_return_if_fail (TAVLA_IS_DEVIATION (deviation));

  tavla_item_panel_act_on_deviation (self->panel, deviation);
  gtk_revealer_set_reveal_child (self->flap, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "board");
  tavla_item_panel_focus_first (self->panel);
}

GtkWidget *
tavla_board_view_new (void)
{
  return g_object_new (TAVLA_TYPE_BOARD_VIEW, NULL);
}

TavlaBoard *
tavla_board_view_get_board (TavlaBoardView *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), NULL);

  return self->board;
}

void
tavla_board_view_set_board (TavlaBoardView *self,
                            TavlaBoard     *board)
{
  GListModel *items = NULL;

  g_return_if_fail (TAVLA_IS_BOARD_VIEW (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (tavla_board_get_items (self->board), self);
      g_signal_handlers_disconnect_by_data (tavla_board_get_people (self->board), self);
      g_signal_handlers_disconnect_by_data (tavla_board_get_departments (self->board), self);
    }

  g_set_object (&self->board, board);
  g_array_set_size (self->undo_ids, 0);

  if (board != NULL)
    {
      items = tavla_board_get_items (board);
      g_signal_connect_object (items, "items-changed",
                               G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tavla_board_get_people (board), "items-changed",
                               G_CALLBACK (reload_choices), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tavla_board_get_departments (board), "items-changed",
                               G_CALLBACK (reload_choices), self, G_CONNECT_SWAPPED);
    }

  if (self->sorted != NULL)
    gtk_sort_list_model_set_model (self->sorted, items);

  if (self->panel != NULL)
    {
      tavla_item_panel_set_board (self->panel, board);
      gtk_revealer_set_reveal_child (self->flap, FALSE);
      reload_choices (self);
      update_page (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

TavlaBoardColumn *
tavla_board_view_get_column (TavlaBoardView *self,
                             TavlaStatus     status)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), NULL);

  return find_column (self, status);
}

TavlaItemPanel *
tavla_board_view_get_panel (TavlaBoardView *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), NULL);

  return self->panel;
}

gboolean
tavla_board_view_get_panel_revealed (TavlaBoardView *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->flap);
}

/* Whether the board has no proposals at all (the first-run state). */
gboolean
tavla_board_view_get_empty (TavlaBoardView *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), TRUE);

  return self->board == NULL ||
         g_list_model_get_n_items (tavla_board_get_items (self->board)) == 0;
}

/* Selects the card of @item_id in whichever column shows it and moves
 * the keyboard focus there. */
gboolean
tavla_board_view_focus_item (TavlaBoardView *self,
                             gint64          item_id)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), FALSE);

  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    {
      TavlaBoardColumn *column = self->columns[column_order[i]];

      if (gtk_widget_get_visible (GTK_WIDGET (column)) &&
          tavla_board_column_focus_item (column, item_id))
        {
          set_active_column (self, column);
          return TRUE;
        }
    }

  return FALSE;
}

void
tavla_board_view_set_search_text (TavlaBoardView *self,
                                  const char     *text)
{
  g_return_if_fail (TAVLA_IS_BOARD_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);

  /* Replacing the text passes through "" (which GtkSearchEntry reports at
   * once) and search-changed is delayed: filter once, for the final text. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  on_search_changed (self);
}

/*
 * Moves @item to @status under the core's rules. A move the rules refuse
 * for want of something the user can type (a note, an owner, a due date)
 * opens the panel with that move chosen and the message under the field;
 * anything else is told in a toast. Returns whether the item moved.
 */
gboolean
tavla_board_view_move_item (TavlaBoardView *self,
                            TavlaItem      *item,
                            TavlaStatus     status)
{
  g_autoptr(TavlaItem) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  TavlaItemField field = TAVLA_ITEM_FIELD_NONE;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_STATUS,
    .status = status,
    .expected_version = tavla_item_get_version (item),
  };

  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), FALSE);
  g_return_val_if_fail (TAVLA_IS_ITEM (item), FALSE);

  if (self->board == NULL || tavla_item_get_status (item) == status)
    return FALSE;

  if (!tavla_item_rules_check (item, &change, &field, &error))
    {
      if (field == TAVLA_ITEM_FIELD_NOTE || field == TAVLA_ITEM_FIELD_OWNER ||
          field == TAVLA_ITEM_FIELD_DUE)
        {
          open_panel (self, item);
          tavla_item_panel_propose_status (self->panel, status);
          tavla_item_panel_focus_first (self->panel);
        }
      else
        show_message (self, error->message);
      return FALSE;
    }

  actor = tavla_gui_dup_actor ();
  updated = tavla_board_update_item (self->board, tavla_item_get_id (item), &change, actor, &error);
  if (updated == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  push_undo (self, updated);
  /* TRANSLATORS: a toast; the first %s is a proposal's title, the second a status. */
  show_undo_toast (self, _("Moved “%s” to %s"), updated, tavla_status_get_label (status));
  tavla_board_view_focus_item (self, tavla_item_get_id (updated));
  return TRUE;
}

/* Sets the status mark of @item (the weekly meeting's walk of the board). */
gboolean
tavla_board_view_mark_item (TavlaBoardView *self,
                            TavlaItem      *item,
                            TavlaMark       mark)
{
  g_autoptr(TavlaItem) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_MARK,
    .mark = mark,
    .expected_version = tavla_item_get_version (item),
  };

  g_return_val_if_fail (TAVLA_IS_BOARD_VIEW (self), FALSE);
  g_return_val_if_fail (TAVLA_IS_ITEM (item), FALSE);

  if (self->board == NULL || tavla_item_get_mark (item) == mark)
    return FALSE;

  actor = tavla_gui_dup_actor ();
  if (!tavla_item_rules_check (item, &change, NULL, &error) ||
      (updated = tavla_board_update_item (self->board, tavla_item_get_id (item),
                                          &change, actor, &error)) == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }

  push_undo (self, updated);
  /* TRANSLATORS: a toast; the first %s is a proposal's title, the second a status mark. */
  show_undo_toast (self, _("Marked “%s” as %s"), updated, tavla_mark_get_label (mark));
  tavla_board_view_focus_item (self, tavla_item_get_id (updated));
  return TRUE;
}

/* Puts the keyboard focus on the board (the selected card, else the first
 * card), so the status shortcuts work as soon as the window opens. */
void
tavla_board_view_focus_board (TavlaBoardView *self)
{
  g_return_if_fail (TAVLA_IS_BOARD_VIEW (self));

  if (self->active_column != NULL &&
      tavla_board_column_get_selected (self->active_column) != GTK_INVALID_LIST_POSITION &&
      tavla_board_column_focus_position (self->active_column,
                                         tavla_board_column_get_selected (self->active_column)))
    return;

  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    {
      TavlaBoardColumn *column = self->columns[column_order[i]];

      if (gtk_widget_get_visible (GTK_WIDGET (column)) &&
          tavla_board_column_focus_position (column, 0))
        {
          set_active_column (self, column);
          return;
        }
    }
}
