/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "cli-test-common.h"

G_BEGIN_DECLS

/* The exact key sets of the issue 3 JSON objects. */
extern const char *group_keys[];
extern const char *metric_keys[];
extern const char *measurement_keys[];
extern const char *point_keys[];
extern const char *deviation_keys[];
extern const char *effect_keys[];
extern const char *import_keys[];

/* A board with two response groups and four metrics (see the .c file). */
void        seed_metrics       (Fixture    *f);
void        measure_ratio      (Fixture    *f,
                                const char *metric,
                                const char *period,
                                const char *group,
                                const char *numerator,
                                const char *denominator);
void        measure_value      (Fixture    *f,
                                const char *metric,
                                const char *period,
                                const char *value,
                                const char *respondents);

/* `metric series --json ARGS…` and `deviations --json ARGS…`, shapes
 * checked; the caller frees the node. */
JsonNode   *series             (Fixture    *f,
                                const char *first,
                                ...);
JsonNode   *deviations         (Fixture    *f,
                                const char *first,
                                ...);
gint64      first_deviation    (Fixture    *f);

void        assert_number      (JsonObject *object,
                                const char *key,
                                double      expected);
JsonObject *point_at           (JsonNode   *node,
                                guint       index);
guint       n_elements         (JsonNode   *node);
gboolean    has_link           (JsonNode   *item,
                                const char *kind,
                                gint64      target_id);

char       *write_file         (Fixture    *f,
                                const char *name,
                                const char *contents);
char       *week_from_today    (int         days);
guint       count_error_lines  (Fixture    *f);
void        expect_stderr      (Fixture    *f,
                                const char *text);

G_END_DECLS
