/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store-audits.h"

G_BEGIN_DECLS

/* Fills in TavlaSqliteStore's TavlaAuditStore (tavla-sqlite-audits.c). */
void tavla_sqlite_audits_interface_init (TavlaAuditStoreInterface *iface);

G_END_DECLS
