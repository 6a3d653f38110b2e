/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "tavla-cli.h"

G_BEGIN_DECLS

/* JSON: the shapes of DESIGN.md, one builder call per object. */
void      cli_json_add_item_full   (JsonBuilder     *builder,
                                    TavlaItem       *item,
                                    GListModel      *history,
                                    GPtrArray       *links);
void      cli_json_add_person      (JsonBuilder     *builder,
                                    TavlaPerson     *person);
void      cli_json_add_department  (JsonBuilder     *builder,
                                    TavlaDepartment *department);
void      cli_write_json           (TavlaCli        *cli,
                                    JsonBuilder     *builder);

void      cli_json_append_item     (GString         *out,
                                    TavlaItem       *item);

/* Text for people. */
char     *cli_text_clean           (const char      *text);
void      cli_print                (TavlaCli        *cli,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (2, 3);
void      cli_print_line           (TavlaCli        *cli,
                                    const char      *format,
                                    ...) G_GNUC_PRINTF (2, 3);

typedef struct _CliTable CliTable;

CliTable *cli_table_new            (guint            n_columns);
void      cli_table_add            (CliTable        *table,
                                    const char      *cell);
void      cli_table_take           (CliTable        *table,
                                    char            *cell);
void      cli_table_print          (CliTable        *table,
                                    TavlaCli        *cli);
void      cli_table_free           (CliTable        *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTable, cli_table_free)

/* "Label:  value" blocks whose values line up whatever the language. */
typedef struct _CliFields CliFields;

CliFields *cli_fields_new          (void);
void       cli_fields_add          (CliFields       *fields,
                                    const char      *label,
                                    const char      *value);
void       cli_fields_print        (CliFields       *fields,
                                    TavlaCli        *cli);
void       cli_fields_free         (CliFields       *fields);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliFields, cli_fields_free)

void      cli_print_item           (TavlaCli        *cli,
                                    TavlaItem       *item);
void      cli_print_history        (TavlaCli        *cli,
                                    GListModel      *history);
void      cli_print_links          (TavlaCli        *cli,
                                    GPtrArray       *links);

G_END_DECLS
