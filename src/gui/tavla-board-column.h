/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_BOARD_COLUMN (tavla_board_column_get_type ())
G_DECLARE_FINAL_TYPE (TavlaBoardColumn, tavla_board_column, TAVLA, BOARD_COLUMN, GtkWidget)

GtkWidget   *tavla_board_column_new                (TavlaStatus       status);
TavlaStatus  tavla_board_column_get_status         (TavlaBoardColumn *self);
void         tavla_board_column_set_items          (TavlaBoardColumn *self,
                                                    GListModel       *items,
                                                    GtkFilter        *query_filter);
void         tavla_board_column_set_show_closed    (TavlaBoardColumn *self,
                                                    gboolean          show_closed);
GListModel  *tavla_board_column_get_model          (TavlaBoardColumn *self);
GtkWidget   *tavla_board_column_get_list_view      (TavlaBoardColumn *self);
TavlaItem   *tavla_board_column_get_selected_item  (TavlaBoardColumn *self);
guint        tavla_board_column_get_selected       (TavlaBoardColumn *self);
gboolean     tavla_board_column_focus_position     (TavlaBoardColumn *self,
                                                    guint             position);
void         tavla_board_column_unselect           (TavlaBoardColumn *self);
void         tavla_board_column_reset_window       (TavlaBoardColumn *self);
gboolean     tavla_board_column_focus_item         (TavlaBoardColumn *self,
                                                    gint64            item_id);

G_END_DECLS
