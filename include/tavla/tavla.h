/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#define TAVLA_INSIDE

#include "tavla-agreement.h"
#include "tavla-audit.h"
#include "tavla-backup.h"
#include "tavla-board.h"
#include "tavla-board-agreements.h"
#include "tavla-board-audits.h"
#include "tavla-board-meetings.h"
#include "tavla-board-feedback.h"
#include "tavla-board-metrics.h"
#include "tavla-date.h"
#include "tavla-department.h"
#include "tavla-document.h"
#include "tavla-deviation.h"
#include "tavla-enums.h"
#include "tavla-error.h"
#include "tavla-feedback.h"
#include "tavla-history-entry.h"
#include "tavla-item.h"
#include "tavla-measurement.h"
#include "tavla-meeting.h"
#include "tavla-metric.h"
#include "tavla-period.h"
#include "tavla-period-report.h"
#include "tavla-person.h"
#include "tavla-reminders.h"
#include "tavla-response-group.h"
#include "tavla-rules.h"
#include "tavla-sqlite-store.h"
#include "tavla-store.h"

#undef TAVLA_INSIDE
