/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

GtkWidget *tavla_agreement_new_label         (const char           *text,
                                              const char           *css_class);
GtkWidget *tavla_agreement_new_pill          (const char           *text,
                                              const char           *icon_name,
                                              const char           *css_class);
void       tavla_agreement_clear_list        (GtkListBox           *list);
char      *tavla_agreement_dup_signatories   (TavlaAgreement       *agreement);
GtkWidget *tavla_agreement_case_type_row_new (TavlaCaseType        *case_type);
GtkWidget *tavla_agreement_version_row_new   (TavlaAgreement       *version,
                                              gboolean              shown);
GtkWidget *tavla_agreement_change_row_new    (TavlaAgreementChange *change);
GtkWidget *tavla_agreement_history_row_new   (TavlaHistoryEntry    *entry);

G_END_DECLS
