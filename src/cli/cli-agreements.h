/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-cli.h"

G_BEGIN_DECLS

/* cli-agreements.c: delivery agreements and case types (issue 4). */
int cli_agreement_add     (TavlaCli *cli, int argc, char **argv);
int cli_agreement_update  (TavlaCli *cli, int argc, char **argv);
int cli_agreement_section (TavlaCli *cli, int argc, char **argv);
int cli_agreement_revise  (TavlaCli *cli, int argc, char **argv);
int cli_agreement_sign    (TavlaCli *cli, int argc, char **argv);
int cli_agreement_list    (TavlaCli *cli, int argc, char **argv);
int cli_agreement_show    (TavlaCli *cli, int argc, char **argv);
int cli_agreement_diff    (TavlaCli *cli, int argc, char **argv);
int cli_agreement_export  (TavlaCli *cli, int argc, char **argv);
int cli_casetype_add      (TavlaCli *cli, int argc, char **argv);
int cli_casetype_update   (TavlaCli *cli, int argc, char **argv);
/* `item link`: --agreement/--casetype here, else cli_item_link (--metric). */
int cli_item_link_any     (TavlaCli *cli, int argc, char **argv);

G_END_DECLS
