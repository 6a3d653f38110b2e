/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_RECOMMENDATION_EDITOR (tavla_recommendation_editor_get_type ())
G_DECLARE_FINAL_TYPE (TavlaRecommendationEditor, tavla_recommendation_editor,
                      TAVLA, RECOMMENDATION_EDITOR, GtkWidget)

GtkWidget           *tavla_recommendation_editor_new                (void);
void                 tavla_recommendation_editor_show               (TavlaRecommendationEditor *self,
                                                                     TavlaBoard                *board,
                                                                     gint64                     id);
void                 tavla_recommendation_editor_show_none          (TavlaRecommendationEditor *self,
                                                                     const char                *title,
                                                                     const char                *description);
TavlaRecommendation *tavla_recommendation_editor_get_recommendation (TavlaRecommendationEditor *self);
void                 tavla_recommendation_editor_reload             (TavlaRecommendationEditor *self,
                                                                     gboolean                   discard);
void                 tavla_recommendation_editor_reload_actions     (TavlaRecommendationEditor *self);
gboolean             tavla_recommendation_editor_get_dirty          (TavlaRecommendationEditor *self);
gboolean             tavla_recommendation_editor_get_can_save       (TavlaRecommendationEditor *self);
const char          *tavla_recommendation_editor_get_message        (TavlaRecommendationEditor *self,
                                                                     const char                *field);
gboolean             tavla_recommendation_editor_save               (TavlaRecommendationEditor *self);
gboolean             tavla_recommendation_editor_create_improvement (TavlaRecommendationEditor *self,
                                                                     const char                *title);
gboolean             tavla_recommendation_editor_link_item          (TavlaRecommendationEditor *self,
                                                                     gint64                     item_id);
GtkListBox          *tavla_recommendation_editor_get_action_list    (TavlaRecommendationEditor *self);
GtkListBox          *tavla_recommendation_editor_get_history_list   (TavlaRecommendationEditor *self);

G_END_DECLS
