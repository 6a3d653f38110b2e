/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

#include "tavla-recommendation-editor.h"

G_BEGIN_DECLS

/* The editor is one class over two files: tavla-recommendation-editor.c
 * (the form, its checks and saving) and tavla-recommendation-editor-actions.c
 * (the linked proposals, Create Improvement and linking). */

struct _TavlaRecommendationEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *none_page;
  GtkLabel            *audit_label;
  GtkLabel            *title_label;
  GtkBox              *pill_box;
  GtkTextView         *text_view;
  GtkLabel            *text_message;
  GtkEntry            *addressed_entry;
  GtkLabel            *addressed_message;
  GtkDropDown         *status_dropdown;
  GtkLabel            *status_message;
  GtkEntry            *note_entry;
  GtkLabel            *note_message;
  GtkTextView         *response_view;
  GtkLabel            *response_message;
  GtkEntry            *response_date_entry;
  GtkLabel            *response_date_message;
  GtkDropDown         *owner_dropdown;
  GtkLabel            *owner_message;
  GtkEntry            *due_entry;
  GtkLabel            *due_message;
  GtkPopover          *calendar_popover;
  GtkCalendar         *due_calendar;
  GtkTextView         *evidence_view;
  GtkLabel            *evidence_message;
  GtkDropDown         *assessment_dropdown;
  GtkLabel            *assessment_message;
  GtkEntry            *assessment_date_entry;
  GtkLabel            *assessment_date_message;
  GtkWidget           *save_button;
  GtkMenuButton       *link_button;
  GtkPopover          *link_popover;
  GtkDropDown         *link_dropdown;
  GtkLabel            *link_message;
  GtkMenuButton       *create_button;
  GtkPopover          *create_popover;
  GtkEntry            *create_entry;
  GtkLabel            *create_message;
  GtkListBox          *action_list;
  GtkListBox          *history_list;

  /* Owned references */
  TavlaBoard          *board;
  TavlaRecommendation *recommendation;
  GtkStringList       *status_names;
  GtkStringList       *owner_names;
  GtkStringList       *assessment_names;
  GtkStringList       *link_names;
  GArray              *link_ids;

  TavlaRecommendationStatus statuses[TAVLA_N_RECOMMENDATION_STATUSES];
  guint                n_statuses;
  guint                filling : 1;
  guint                dirty : 1;
  guint                valid : 1;
};

void      tavla_recommendation_editor_toast                (TavlaRecommendationEditor *self,
                                                            const char                *message,
                                                            const char                *button_label,
                                                            const char                *action_name,
                                                            GVariant                  *target);
gboolean  tavla_recommendation_editor_is_writable          (TavlaRecommendationEditor *self);
void      tavla_recommendation_editor_fill_actions         (TavlaRecommendationEditor *self,
                                                            TavlaRecommendation       *recommendation);
char     *tavla_recommendation_dup_suggested_title         (TavlaRecommendation       *recommendation);
void      tavla_recommendation_editor_on_link_popover_show (TavlaRecommendationEditor *self);
void      tavla_recommendation_editor_on_link_clicked      (TavlaRecommendationEditor *self);
void      tavla_recommendation_editor_on_create_clicked    (TavlaRecommendationEditor *self);

G_END_DECLS
