/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store-agreements.h"

G_BEGIN_DECLS

/* Fills in TavlaSqliteStore's TavlaAgreementStore (tavla-sqlite-agreements.c). */
void tavla_sqlite_agreements_interface_init (TavlaAgreementStoreInterface *iface);

G_END_DECLS
