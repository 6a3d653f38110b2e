/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store-feedback.h"

G_BEGIN_DECLS

/* Fills in TavlaSqliteStore's TavlaFeedbackStore (tavla-sqlite-feedback.c). */
void tavla_sqlite_feedback_interface_init (TavlaFeedbackStoreInterface *iface);

G_END_DECLS
