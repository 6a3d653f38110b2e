/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_ITEM_PANEL (tavla_item_panel_get_type ())
G_DECLARE_FINAL_TYPE (TavlaItemPanel, tavla_item_panel, TAVLA, ITEM_PANEL, GtkWidget)

GtkWidget  *tavla_item_panel_new             (void);
TavlaBoard *tavla_item_panel_get_board       (TavlaItemPanel *self);
void        tavla_item_panel_set_board       (TavlaItemPanel *self,
                                              TavlaBoard     *board);
TavlaItem  *tavla_item_panel_get_item        (TavlaItemPanel *self);
void        tavla_item_panel_edit            (TavlaItemPanel *self,
                                              TavlaItem      *item);
void        tavla_item_panel_act_on_deviation (TavlaItemPanel *self,
                                               TavlaDeviation *deviation);
TavlaDeviation *tavla_item_panel_get_deviation (TavlaItemPanel *self);
GtkWidget  *tavla_item_panel_get_effect_list (TavlaItemPanel *self);
void        tavla_item_panel_propose_status  (TavlaItemPanel *self,
                                              TavlaStatus     status);
gboolean    tavla_item_panel_get_can_save    (TavlaItemPanel *self);
GtkWidget  *tavla_item_panel_get_message_label (TavlaItemPanel *self,
                                                TavlaItemField  field);
GtkWidget  *tavla_item_panel_get_save_button (TavlaItemPanel *self);
void        tavla_item_panel_focus_first     (TavlaItemPanel *self);

G_END_DECLS
