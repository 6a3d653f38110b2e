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
void      cli_json_append_node     (GString         *out,
                                    JsonNode        *node,
                                    guint            depth);
void      cli_json_append_double   (GString         *out,
                                    double           value);
void      cli_json_append_string   (GString         *out,
                                    const char      *text);

/* One member of the object being built; a NULL string is null. */
void      cli_json_set_string      (JsonBuilder     *builder,
                                    const char      *name,
                                    const char      *value);
void      cli_json_set_int         (JsonBuilder     *builder,
                                    const char      *name,
                                    gint64           value);
void      cli_json_set_boolean     (JsonBuilder     *builder,
                                    const char      *name,
                                    gboolean         value);
void      cli_json_set_double      (JsonBuilder     *builder,
                                    const char      *name,
                                    gboolean         known,
                                    double           value);

/* cli-metrics-output.c: the issue 3 objects as JSON. */
void      cli_json_add_group       (JsonBuilder        *builder,
                                    TavlaResponseGroup *group);
void      cli_json_add_metric      (JsonBuilder        *builder,
                                    TavlaMetric        *metric);
void      cli_json_add_measurement (JsonBuilder        *builder,
                                    TavlaMeasurement   *measurement,
                                    TavlaMetric        *metric,
                                    TavlaRecordOutcome  outcome);
void      cli_json_add_point       (JsonBuilder        *builder,
                                    TavlaSeriesPoint   *point);
void      cli_json_add_deviation   (JsonBuilder        *builder,
                                    TavlaDeviation     *deviation);
void      cli_json_add_effect      (JsonBuilder        *builder,
                                    TavlaEffect        *effect);
void      cli_json_append_deviation (GString           *out,
                                     TavlaDeviation    *deviation);

void      cli_json_append_item     (GString         *out,
                                    TavlaItem       *item);

/* Text for people. */
char     *cli_text_clean           (const char      *text);
char     *cli_text_shorten         (const char      *text,
                                    glong            max);
void      cli_print_indented       (TavlaCli        *cli,
                                    const char      *text);
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

/* cli-metrics-output.c: the issue 3 objects for people. */
char     *cli_format_amount        (double              value);
char     *cli_deviation_marker     (TavlaDirection      direction,
                                    gboolean            deviation);
char     *cli_target_text          (TavlaDirection      direction,
                                    const char         *target);
void      cli_print_metric         (TavlaCli           *cli,
                                    TavlaMetric        *metric);
void      cli_print_measurement    (TavlaCli           *cli,
                                    TavlaMeasurement   *measurement,
                                    TavlaMetric        *metric,
                                    TavlaRecordOutcome  outcome);
void      cli_print_deviation      (TavlaCli           *cli,
                                    TavlaDeviation     *deviation);
void      cli_print_effect         (TavlaCli           *cli,
                                    TavlaEffect        *effect);

G_END_DECLS
