/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_AGREEMENT_DETAILS_DIALOG (tavla_agreement_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAgreementDetailsDialog, tavla_agreement_details_dialog,
                      TAVLA, AGREEMENT_DETAILS_DIALOG, AdwWindow)

TavlaAgreementDetailsDialog *tavla_agreement_details_dialog_new         (GtkWindow      *parent,
                                                                         TavlaBoard     *board,
                                                                         TavlaAgreement *agreement);
gboolean                     tavla_agreement_details_dialog_save        (TavlaAgreementDetailsDialog *self);
const char                  *tavla_agreement_details_dialog_get_message (TavlaAgreementDetailsDialog *self);

G_END_DECLS
