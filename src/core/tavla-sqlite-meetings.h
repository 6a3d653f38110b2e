/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store-meetings.h"

G_BEGIN_DECLS

/* Fills in TavlaSqliteStore's TavlaMeetingStore (tavla-sqlite-meetings.c). */
void tavla_sqlite_meetings_interface_init (TavlaMeetingStoreInterface *iface);

G_END_DECLS
