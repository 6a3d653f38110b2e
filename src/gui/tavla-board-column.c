/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-board-column.h"
#include "tavla-item-card.h"

/* How long a done item stays in the Done column when closed items are
 * hidden: long enough to celebrate it at the next few weekly meetings. */
#define RECENT_DONE_DAYS 30

/* GTK 4.8's list views build a card for up to 200 items around the scroll
 * position, visible or not; a search at 10,000 proposals would rebuild
 * hundreds of cards per column. The list shows a window of the column that
 * grows a page at a time as the user scrolls or moves the focus down. */
#define WINDOW_PAGE 12

struct _TavlaBoardColumn
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkListView        *list_view;

  /* Owned references */
  GtkFilterListModel *status_model;
  GtkFilterListModel *query_model;
  GtkSliceListModel  *window;
  GtkSingleSelection *selection;
  GtkCustomFilter    *status_filter;
  char               *recent_cutoff;
  guint               grow_idle_id;

  TavlaStatus         status;
  guint               show_closed : 1;
};

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  ITEM_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaBoardColumn, tavla_board_column, GTK_TYPE_WIDGET)

static gboolean
status_filter_func (gpointer item,
                    gpointer user_data)
{
  TavlaBoardColumn *self = user_data;
  TavlaStatus status = tavla_item_get_status (item);
  const char *updated;

  if (status != self->status)
    return FALSE;
  if (status != TAVLA_STATUS_DONE || self->show_closed)
    return TRUE;

  /* Timestamps are ISO 8601, so the date prefix compares as text. */
  updated = tavla_item_get_updated (item);
  return updated != NULL && strncmp (updated, self->recent_cutoff, 10) >= 0;
}

static void
update_count (TavlaBoardColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->query_model));
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

  gtk_label_set_label (self->count_label, text);
  /* Not a tooltip: setting one queries the pointer from the X server,
   * which costs more than the refilter at 10,000 items. */
  description = g_strdup_printf (ngettext ("%u proposal", "%u proposals", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
update_cutoff (TavlaBoardColumn *self)
{
  g_autofree char *today = tavla_date_today ();

  g_free (self->recent_cutoff);
  self->recent_cutoff = tavla_date_add_days (today, -RECENT_DONE_DAYS);
}

static void on_scrolled (GtkAdjustment    *adjustment,
                         TavlaBoardColumn *self);

static void
on_items_changed (TavlaBoardColumn *self)
{
  update_count (self);
  /* More cards may now fit the column without any scrolling. */
  on_scrolled (NULL, self);
}

/* Makes the window include @position, plus a page to scroll into. */
static void
grow_window (TavlaBoardColumn *self,
             guint             position)
{
  guint size = gtk_slice_list_model_get_size (self->window);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->query_model));

  if (position + WINDOW_PAGE / 2 < size || size >= n)
    return;

  gtk_slice_list_model_set_size (self->window, position + WINDOW_PAGE);
}

static gboolean
grow_if_near_end (gpointer user_data)
{
  TavlaBoardColumn *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  self->grow_idle_id = 0;

  /* Within half a screen of the end: bring in the next page. */
  if (page > 0 && value + 1.5 * page >= upper)
    grow_window (self, gtk_slice_list_model_get_size (self->window));

  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the list is being laid out; the window
 * grows afterwards, not in the middle of an allocation. */
static void
on_scrolled (GtkAdjustment    *adjustment,
             TavlaBoardColumn *self)
{
  if (self->grow_idle_id == 0)
    self->grow_idle_id = g_idle_add (grow_if_near_end, self);
}

static void
on_selection_changed (TavlaBoardColumn *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    grow_window (self, selected + 1);
}

static void
on_list_activate (TavlaBoardColumn *self,
                  guint             position)
{
  g_autoptr(TavlaItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         TavlaBoardColumn *self)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  g_signal_emit (self, signals[ITEM_DROPPED], 0, g_value_get_int64 (value));
  return TRUE;
}

static GdkDragAction
on_drop_enter (GtkDropTarget    *target,
               double            x,
               double            y,
               TavlaBoardColumn *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget    *target,
               TavlaBoardColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

static void
tavla_board_column_dispose (GObject *object)
{
  TavlaBoardColumn *self = (TavlaBoardColumn *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->grow_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_BOARD_COLUMN);
  /* dispose_template only drops the bound children; the unnamed top-level
   * box holding them goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->window);
  g_clear_object (&self->query_model);
  g_clear_object (&self->status_model);
  g_clear_object (&self->status_filter);

  G_OBJECT_CLASS (tavla_board_column_parent_class)->dispose (object);
}

static void
tavla_board_column_finalize (GObject *object)
{
  TavlaBoardColumn *self = (TavlaBoardColumn *) object;

  g_free (self->recent_cutoff);

  G_OBJECT_CLASS (tavla_board_column_parent_class)->finalize (object);
}

static void
tavla_board_column_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TavlaBoardColumn *self = TAVLA_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_board_column_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TavlaBoardColumn *self = TAVLA_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      gtk_label_set_label (self->title_label, tavla_status_get_label (self->status));
      gtk_widget_add_css_class (GTK_WIDGET (self), tavla_status_to_string (self->status));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_board_column_class_init (TavlaBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_board_column_dispose;
  object_class->finalize = tavla_board_column_finalize;
  object_class->get_property = tavla_board_column_get_property;
  object_class->set_property = tavla_board_column_set_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       TAVLA_TYPE_STATUS, TAVLA_STATUS_NEW,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A card was activated (Enter or double click): open it. */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_ITEM);

  /* A card with this item id was dropped on the column. */
  signals[ITEM_DROPPED] =
    g_signal_new ("item-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TAVLA_TYPE_ITEM_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaBoardColumn, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
}

static void
tavla_board_column_init (TavlaBoardColumn *self)
{
  GtkDropTarget *drop_target;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_cutoff (self);

  self->status_filter = gtk_custom_filter_new (status_filter_func, self, NULL);
  self->status_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->status_filter)));
  self->query_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->status_model)), NULL);
  self->window = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->query_model)), 0, WINDOW_PAGE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->window)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  /* "changed" too: on a tall screen a page may not fill the column. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (self->query_model, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  update_count (self);

  drop_target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (drop_target, "enter", G_CALLBACK (on_drop_enter), self);
  g_signal_connect (drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

GtkWidget *
tavla_board_column_new (TavlaStatus status)
{
  return g_object_new (TAVLA_TYPE_BOARD_COLUMN, "status", status, NULL);
}

TavlaStatus
tavla_board_column_get_status (TavlaBoardColumn *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), TAVLA_STATUS_NEW);

  return self->status;
}

/**
 * tavla_board_column_set_items:
 * @items: (nullable): the board's items, all statuses, in board order
 * @query_filter: (nullable): the search and filter bar's filter, shared by
 *   every column so that one gtk_filter_changed() refilters them all
 */
void
tavla_board_column_set_items (TavlaBoardColumn *self,
                              GListModel       *items,
                              GtkFilter        *query_filter)
{
  g_return_if_fail (TAVLA_IS_BOARD_COLUMN (self));

  /* Filtering must be done by the time the frame is painted, so no
   * incremental filtering: 10,000 items take well under a millisecond. */
  gtk_filter_list_model_set_model (self->status_model, items);
  gtk_filter_list_model_set_filter (self->query_model, query_filter);
}

void
tavla_board_column_set_show_closed (TavlaBoardColumn *self,
                                    gboolean          show_closed)
{
  g_return_if_fail (TAVLA_IS_BOARD_COLUMN (self));

  show_closed = !!show_closed;
  if (self->show_closed == show_closed)
    return;

  self->show_closed = show_closed;
  update_cutoff (self);
  if (self->status == TAVLA_STATUS_DONE)
    gtk_filter_changed (GTK_FILTER (self->status_filter),
                        show_closed ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* The column's items as listed, filtered and in board order (the first
 * pages of them; see WINDOW_PAGE). */
GListModel *
tavla_board_column_get_model (TavlaBoardColumn *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), NULL);

  return G_LIST_MODEL (self->selection);
}

GtkWidget *
tavla_board_column_get_list_view (TavlaBoardColumn *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), NULL);

  return GTK_WIDGET (self->list_view);
}

TavlaItem *
tavla_board_column_get_selected_item (TavlaBoardColumn *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

guint
tavla_board_column_get_selected (TavlaBoardColumn *self)
{
  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

/* Selects the card at @position (clamped to the column) and moves the
 * keyboard focus to it. Returns FALSE on an empty column. */
gboolean
tavla_board_column_focus_position (TavlaBoardColumn *self,
                                   guint             position)
{
  guint n;

  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0)
    return FALSE;

  position = MIN (position, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

gboolean
tavla_board_column_focus_item (TavlaBoardColumn *self,
                               gint64            item_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (TAVLA_IS_BOARD_COLUMN (self), FALSE);

  model = G_LIST_MODEL (self->query_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (model, i);

      if (tavla_item_get_id (item) == item_id)
        {
          grow_window (self, i);
          return tavla_board_column_focus_position (self, i);
        }
    }

  return FALSE;
}

/* Shrinks the list back to its first page, before a refilter, so a search
 * does not rebuild cards for pages the user scrolled through earlier. */
void
tavla_board_column_reset_window (TavlaBoardColumn *self)
{
  g_return_if_fail (TAVLA_IS_BOARD_COLUMN (self));

  if (gtk_slice_list_model_get_size (self->window) > WINDOW_PAGE)
    gtk_slice_list_model_set_size (self->window, WINDOW_PAGE);
}

void
tavla_board_column_unselect (TavlaBoardColumn *self)
{
  g_return_if_fail (TAVLA_IS_BOARD_COLUMN (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
