/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

#include "tavla-board-column.h"
#include "tavla-item-panel.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_BOARD_VIEW (tavla_board_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaBoardView, tavla_board_view, TAVLA, BOARD_VIEW, GtkWidget)

GtkWidget        *tavla_board_view_new                (void);
TavlaBoard       *tavla_board_view_get_board          (TavlaBoardView *self);
void              tavla_board_view_set_board          (TavlaBoardView *self,
                                                       TavlaBoard     *board);
TavlaBoardColumn *tavla_board_view_get_column         (TavlaBoardView *self,
                                                       TavlaStatus     status);
TavlaItemPanel   *tavla_board_view_get_panel          (TavlaBoardView *self);
gboolean          tavla_board_view_get_panel_revealed (TavlaBoardView *self);
gboolean          tavla_board_view_get_empty          (TavlaBoardView *self);
gboolean          tavla_board_view_focus_item         (TavlaBoardView *self,
                                                       gint64          item_id);
void              tavla_board_view_focus_board        (TavlaBoardView *self);
void              tavla_board_view_act_on_deviation   (TavlaBoardView *self,
                                                       TavlaDeviation *deviation);
void              tavla_board_view_set_search_text    (TavlaBoardView *self,
                                                       const char     *text);
gboolean          tavla_board_view_move_item          (TavlaBoardView *self,
                                                       TavlaItem      *item,
                                                       TavlaStatus     status);
gboolean          tavla_board_view_mark_item          (TavlaBoardView *self,
                                                       TavlaItem      *item,
                                                       TavlaMark       mark);

G_END_DECLS
