/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

GtkWidget *tavla_audit_light_new          (TavlaLight           light);
GtkWidget *tavla_audit_status_pill_new    (TavlaRecommendationStatus status);
GtkWidget *tavla_audit_row_new            (TavlaAudit          *audit);
GtkWidget *tavla_audit_all_row_new        (GListModel          *audits);
GtkWidget *tavla_recommendation_row_new   (TavlaRecommendation *recommendation,
                                           gboolean             show_audit);
GtkWidget *tavla_recommendation_history_row_new (TavlaHistoryEntry *entry);
GtkWidget *tavla_recommendation_action_row_new  (const TavlaAction *action);
char      *tavla_recommendation_dup_due_label   (TavlaRecommendation *recommendation);

char       *tavla_audit_form_dup_text       (GtkTextView        *view);
void        tavla_audit_form_show_refusal   (GtkLabel           *message_label,
                                             GtkWidget         **widgets,
                                             const char *const  *fields,
                                             guint               n_fields,
                                             const char         *field,
                                             const char         *message);
void        tavla_audit_form_clear_refusal  (GtkLabel           *message_label,
                                             GtkWidget         **widgets,
                                             guint               n_fields);
const char *tavla_audit_form_get_message    (GtkLabel           *message_label);

G_END_DECLS
