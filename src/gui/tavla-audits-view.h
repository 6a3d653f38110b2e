/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

#include "tavla-recommendation-editor.h"

G_BEGIN_DECLS

typedef enum
{
  TAVLA_AUDITS_FILTER_ALL,
  TAVLA_AUDITS_FILTER_OPEN,
  TAVLA_AUDITS_FILTER_OVERDUE,
} TavlaAuditsFilter;

#define TAVLA_TYPE_AUDITS_VIEW (tavla_audits_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAuditsView, tavla_audits_view, TAVLA, AUDITS_VIEW, GtkWidget)

GtkWidget                 *tavla_audits_view_new                      (void);
TavlaBoard                *tavla_audits_view_get_board                (TavlaAuditsView   *self);
void                       tavla_audits_view_set_board                (TavlaAuditsView   *self,
                                                                       TavlaBoard        *board);
gboolean                   tavla_audits_view_get_empty                (TavlaAuditsView   *self);
gboolean                   tavla_audits_view_select_audit             (TavlaAuditsView   *self,
                                                                       gint64             audit_id);
gboolean                   tavla_audits_view_select_recommendation    (TavlaAuditsView   *self,
                                                                       gint64             id);
void                       tavla_audits_view_set_filter               (TavlaAuditsView   *self,
                                                                       TavlaAuditsFilter  filter);
void                       tavla_audits_view_set_search_text          (TavlaAuditsView   *self,
                                                                       const char        *text);
GtkListBox                *tavla_audits_view_get_audit_list           (TavlaAuditsView   *self);
GtkListBox                *tavla_audits_view_get_recommendation_list  (TavlaAuditsView   *self);
TavlaRecommendationEditor *tavla_audits_view_get_editor               (TavlaAuditsView   *self);
TavlaDocument             *tavla_audits_view_build_report             (TavlaAuditsView   *self,
                                                                       GError           **error);
char                      *tavla_audits_view_export_write             (TavlaAuditsView   *self,
                                                                       TavlaExportFormat  format,
                                                                       GFile             *file);

G_END_DECLS
