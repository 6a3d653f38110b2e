/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_AUDIT_DIALOG (tavla_audit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaAuditDialog, tavla_audit_dialog, TAVLA, AUDIT_DIALOG, AdwWindow)

TavlaAuditDialog *tavla_audit_dialog_new         (GtkWindow        *parent,
                                                  TavlaBoard       *board,
                                                  TavlaAudit       *audit);
gboolean          tavla_audit_dialog_save        (TavlaAuditDialog *self);
const char       *tavla_audit_dialog_get_message (TavlaAuditDialog *self);

G_END_DECLS
