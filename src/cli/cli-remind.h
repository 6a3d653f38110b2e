/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-cli.h"

G_BEGIN_DECLS

/* cli-remind.c: reminders and the calendar (issue 8). */
int cli_remind     (TavlaCli *cli, int argc, char **argv);
int cli_export_ics (TavlaCli *cli, int argc, char **argv);

G_END_DECLS
