/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_ITEM_CARD (tavla_item_card_get_type ())
G_DECLARE_FINAL_TYPE (TavlaItemCard, tavla_item_card, TAVLA, ITEM_CARD, GtkWidget)

GtkWidget *tavla_item_card_new      (void);
TavlaItem *tavla_item_card_get_item (TavlaItemCard *self);
void       tavla_item_card_set_item (TavlaItemCard *self,
                                     TavlaItem     *item);

G_END_DECLS
