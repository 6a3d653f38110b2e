/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-cli.h"

G_BEGIN_DECLS

/* cli-audits.c: audits and their recommendations (issue 5). */
int cli_audit_add                (TavlaCli *cli, int argc, char **argv);
int cli_audit_update             (TavlaCli *cli, int argc, char **argv);
int cli_audit_list               (TavlaCli *cli, int argc, char **argv);
int cli_audit_show               (TavlaCli *cli, int argc, char **argv);
int cli_audit_report             (TavlaCli *cli, int argc, char **argv);
int cli_recommendation_add       (TavlaCli *cli, int argc, char **argv);
int cli_recommendation_update    (TavlaCli *cli, int argc, char **argv);
int cli_recommendation_list      (TavlaCli *cli, int argc, char **argv);
int cli_recommendation_show      (TavlaCli *cli, int argc, char **argv);
int cli_recommendation_act       (TavlaCli *cli, int argc, char **argv);
/* `item link ID --recommendation ID`. */
int cli_item_link_recommendation (TavlaCli *cli, int argc, char **argv);

G_END_DECLS
