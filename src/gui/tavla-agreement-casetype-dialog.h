/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG (tavla_agreement_casetype_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAgreementCasetypeDialog, tavla_agreement_casetype_dialog,
                      TAVLA, AGREEMENT_CASETYPE_DIALOG, AdwWindow)

TavlaAgreementCasetypeDialog *tavla_agreement_casetype_dialog_new  (GtkWindow      *parent,
                                                                    TavlaBoard     *board,
                                                                    TavlaAgreement *agreement);
TavlaAgreementCasetypeDialog *tavla_agreement_casetype_dialog_new_edit (GtkWindow      *parent,
                                                                         TavlaBoard     *board,
                                                                         TavlaAgreement *agreement,
                                                                         TavlaCaseType  *case_type);
gboolean                      tavla_agreement_casetype_dialog_save (TavlaAgreementCasetypeDialog *self);
const char                   *tavla_agreement_casetype_dialog_get_message (TavlaAgreementCasetypeDialog *self);

G_END_DECLS
