/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

#include "tavla-agreement-editor.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_AGREEMENTS_VIEW (tavla_agreements_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAgreementsView, tavla_agreements_view, TAVLA, AGREEMENTS_VIEW, GtkWidget)

GtkWidget            *tavla_agreements_view_new               (void);
TavlaBoard           *tavla_agreements_view_get_board         (TavlaAgreementsView *self);
void                  tavla_agreements_view_set_board         (TavlaAgreementsView *self,
                                                               TavlaBoard          *board);
gboolean              tavla_agreements_view_get_empty         (TavlaAgreementsView *self);
gboolean              tavla_agreements_view_select_department (TavlaAgreementsView *self,
                                                               const char          *name);
GtkListBox           *tavla_agreements_view_get_department_list (TavlaAgreementsView *self);
TavlaAgreementEditor *tavla_agreements_view_get_editor        (TavlaAgreementsView *self);

G_END_DECLS
