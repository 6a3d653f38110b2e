/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store-reminders.h"

G_BEGIN_DECLS

/* Fills in TavlaSqliteStore's TavlaReminderStore (tavla-sqlite-reminders.c). */
void tavla_sqlite_reminders_interface_init (TavlaReminderStoreInterface *iface);

G_END_DECLS
