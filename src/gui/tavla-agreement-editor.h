/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_AGREEMENT_EDITOR (tavla_agreement_editor_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAgreementEditor, tavla_agreement_editor, TAVLA, AGREEMENT_EDITOR, GtkWidget)

GtkWidget      *tavla_agreement_editor_new            (void);
void            tavla_agreement_editor_show           (TavlaAgreementEditor *self,
                                                       TavlaBoard           *board,
                                                       TavlaDepartment      *department,
                                                       gint64                agreement_id);
TavlaAgreement *tavla_agreement_editor_get_agreement  (TavlaAgreementEditor *self);
void            tavla_agreement_editor_reload         (TavlaAgreementEditor *self);
void            tavla_agreement_editor_reload_items   (TavlaAgreementEditor *self);
gboolean        tavla_agreement_editor_sign           (TavlaAgreementEditor *self,
                                                       const char           *date);
gboolean        tavla_agreement_editor_revise         (TavlaAgreementEditor *self);
gboolean        tavla_agreement_editor_save_section   (TavlaAgreementEditor *self,
                                                       TavlaSection          section,
                                                       const char           *text);
void            tavla_agreement_editor_compare        (TavlaAgreementEditor *self,
                                                       guint                 old_version,
                                                       guint                 new_version);
GtkListBox     *tavla_agreement_editor_get_version_list (TavlaAgreementEditor *self);
GtkListBox     *tavla_agreement_editor_get_diff_list  (TavlaAgreementEditor *self);
GtkListBox     *tavla_agreement_editor_get_case_type_list (TavlaAgreementEditor *self);
GtkListBox     *tavla_agreement_editor_get_item_list  (TavlaAgreementEditor *self);
const char     *tavla_agreement_editor_get_sign_message (TavlaAgreementEditor *self);

G_END_DECLS
