/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-cli.h"

G_BEGIN_DECLS

/* cli-meetings.c: meetings, agendas and minutes (issue 6). */
int      cli_meeting_add      (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_list     (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_show     (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_start    (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_decide   (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_close    (TavlaCli *cli, int argc, char **argv);
int      cli_meeting_minutes  (TavlaCli *cli, int argc, char **argv);
int      cli_agenda_weekly    (TavlaCli *cli, int argc, char **argv);
int      cli_agenda_development_group (TavlaCli *cli, int argc, char **argv);
int      cli_agenda_check_in  (TavlaCli *cli, int argc, char **argv);
/* A meeting's number as given on the command line. */
gboolean cli_parse_meeting_id (const char  *text,
                               gint64      *out_id,
                               GError     **error);

G_END_DECLS
