/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_RECOMMENDATION_DIALOG (tavla_recommendation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaRecommendationDialog, tavla_recommendation_dialog,
                      TAVLA, RECOMMENDATION_DIALOG, AdwWindow)

TavlaRecommendationDialog *tavla_recommendation_dialog_new         (GtkWindow                 *parent,
                                                                    TavlaBoard                *board,
                                                                    TavlaAudit                *audit);
gboolean                   tavla_recommendation_dialog_save        (TavlaRecommendationDialog *self);
const char                *tavla_recommendation_dialog_get_message (TavlaRecommendationDialog *self);

G_END_DECLS
