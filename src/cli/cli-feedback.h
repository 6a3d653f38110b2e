/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-cli.h"

G_BEGIN_DECLS

/* cli-feedback.c: the citizen feedback register (issue 7). */
int cli_feedback_add       (TavlaCli *cli, int argc, char **argv);
int cli_feedback_list      (TavlaCli *cli, int argc, char **argv);
int cli_feedback_show      (TavlaCli *cli, int argc, char **argv);
int cli_feedback_pass_on   (TavlaCli *cli, int argc, char **argv);
int cli_feedback_link      (TavlaCli *cli, int argc, char **argv);
int cli_feedback_act       (TavlaCli *cli, int argc, char **argv);
int cli_feedback_purge     (TavlaCli *cli, int argc, char **argv);
int cli_feedback_retention (TavlaCli *cli, int argc, char **argv);
int cli_feedback_summary   (TavlaCli *cli, int argc, char **argv);
int cli_feedback_export    (TavlaCli *cli, int argc, char **argv);

/* cli-report.c: the period report. */
int cli_report_period      (TavlaCli *cli, int argc, char **argv);
/* Reads --format: markdown, html or pdf, and json when @allow_json
 * (then *@out_json is TRUE). */
gboolean cli_parse_document_format (const char         *text,
                                    gboolean            allow_json,
                                    TavlaExportFormat  *out_format,
                                    gboolean           *out_json,
                                    GError            **error);

G_END_DECLS
