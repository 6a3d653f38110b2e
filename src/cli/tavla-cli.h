/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <tavla/tavla.h>

G_BEGIN_DECLS

/* The exit statuses promised in DESIGN.md. */
typedef enum
{
  CLI_EXIT_OK        = 0,
  CLI_EXIT_USAGE     = 2,
  CLI_EXIT_INVALID   = 3,
  CLI_EXIT_NOT_FOUND = 4,
  CLI_EXIT_STORAGE   = 5,
} CliExit;

/*
 * The state of one run: the global options and, once a command needs it,
 * the open board. Output goes to @out and is written to stdout in large
 * blocks, so a list of 10,000 items costs a handful of write() calls.
 */
typedef struct
{
  /* Global options */
  char       *db_path;
  char       *actor;
  gboolean    json;

  /* The command being run ("item add") and its parameters ("ID") */
  const char *command;
  const char *parameters;

  /* Owned references */
  TavlaBoard *board;
  char       *default_actor;
  GString    *out;
  gboolean    write_failed;
} TavlaCli;

typedef int (*CliCommandFunc) (TavlaCli  *cli,
                               int        argc,
                               char     **argv);

/* tavla-cli.c: options, errors, the board. */
gboolean     cli_parse_options     (TavlaCli            *cli,
                                    const char          *summary,
                                    const GOptionEntry  *entries,
                                    int                 *argc,
                                    char              ***argv,
                                    int                 *out_status);
int          cli_usage_error       (TavlaCli            *cli,
                                    const char          *format,
                                    ...) G_GNUC_PRINTF (2, 3);
int          cli_fail              (const GError        *error);
int          cli_fail_with_hint    (const GError        *error,
                                    const char          *hint);
TavlaBoard  *cli_get_board         (TavlaCli            *cli,
                                    GError             **error);
char        *cli_get_db_path       (TavlaCli            *cli);
const char  *cli_get_actor         (TavlaCli            *cli);
gboolean     cli_check_text        (const char          *option,
                                    const char          *value,
                                    GError             **error);
gboolean     cli_check_texts       (const char * const  *options,
                                    const char * const  *values,
                                    guint                n,
                                    GError             **error);
gboolean     cli_parse_id          (const char          *text,
                                    gint64              *out_id,
                                    GError             **error);
gboolean     cli_parse_deviation_id (const char         *text,
                                    gint64              *out_id,
                                    GError             **error);
int          cli_take_name         (TavlaCli            *cli,
                                    int                  argc,
                                    char               **argv,
                                    char               **name);
void         cli_print_error       (const char          *message);
void         cli_flush             (TavlaCli            *cli,
                                    gboolean             force);
/* cli-agreements.c: documents (agreements, reports, agendas). */
gboolean     cli_parse_export_format (const char        *text,
                                    TavlaExportFormat   *out_format,
                                    GError             **error);
gboolean     cli_write_document    (TavlaCli            *cli,
                                    TavlaDocument       *document,
                                    TavlaExportFormat    format,
                                    const char          *output,
                                    GError             **error);

/* cli-people.c */
int          cli_person_add        (TavlaCli *cli, int argc, char **argv);
int          cli_person_list       (TavlaCli *cli, int argc, char **argv);
int          cli_department_add    (TavlaCli *cli, int argc, char **argv);
int          cli_department_list   (TavlaCli *cli, int argc, char **argv);

/* cli-items.c */
int          cli_item_add          (TavlaCli *cli, int argc, char **argv);
int          cli_item_list         (TavlaCli *cli, int argc, char **argv);
int          cli_item_show         (TavlaCli *cli, int argc, char **argv);
int          cli_item_update       (TavlaCli *cli, int argc, char **argv);
int          cli_item_undo         (TavlaCli *cli, int argc, char **argv);
int          cli_print_item_full   (TavlaCli   *cli,
                                    TavlaBoard *board,
                                    TavlaItem  *item,
                                    gboolean    with_history);

/* cli-metrics.c */
int          cli_group_add         (TavlaCli *cli, int argc, char **argv);
int          cli_group_list        (TavlaCli *cli, int argc, char **argv);
int          cli_metric_add        (TavlaCli *cli, int argc, char **argv);
int          cli_metric_list       (TavlaCli *cli, int argc, char **argv);
int          cli_metric_series     (TavlaCli *cli, int argc, char **argv);
int          cli_measure_add       (TavlaCli *cli, int argc, char **argv);
int          cli_measure_import    (TavlaCli *cli, int argc, char **argv);

/* cli-backups.c */
int          cli_backup            (TavlaCli *cli, int argc, char **argv);
int          cli_backups           (TavlaCli *cli, int argc, char **argv);
int          cli_restore           (TavlaCli *cli, int argc, char **argv);
int          cli_check             (TavlaCli *cli, int argc, char **argv);

/* cli-deviations.c */
typedef gboolean   (*CliParseIdFunc) (const char             *text,
                                      gint64                 *out_id,
                                      GError                **error);
typedef TavlaItem *(*CliActFunc)     (TavlaBoard             *board,
                                      gint64                  id,
                                      const TavlaItemChange  *fields,
                                      const char             *actor,
                                      GError                **error);
int          cli_act               (TavlaCli       *cli,
                                    int             argc,
                                    char          **argv,
                                    const char     *summary,
                                    const char     *missing_id,
                                    CliParseIdFunc  parse_id,
                                    CliActFunc      act,
                                    const char     *not_found_hint);
int          cli_deviations        (TavlaCli *cli, int argc, char **argv);
int          cli_deviation_explain (TavlaCli *cli, int argc, char **argv);
int          cli_deviation_act     (TavlaCli *cli, int argc, char **argv);
int          cli_item_link         (TavlaCli *cli, int argc, char **argv);
int          cli_item_effect       (TavlaCli *cli, int argc, char **argv);

G_END_DECLS
