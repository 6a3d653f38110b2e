/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One test's temporary home and database, and what the last run printed. */
typedef struct
{
  char   *tmpdir;
  char   *db;
  char  **env;

  /* The last run */
  int     status;
  char   *out;
  char   *err;
  char   *command;
} Fixture;

const char *cli_path           (void);
void        fixture_set_up     (Fixture            *f,
                                gconstpointer       data);
void        fixture_tear_down  (Fixture            *f,
                                gconstpointer       data);

/* Running tavla-cli: run() adds --db with the fixture's database. */
int         run_argv           (Fixture            *f,
                                char              **env,
                                const char * const *args);
int         run                (Fixture            *f,
                                const char         *first,
                                ...) G_GNUC_NULL_TERMINATED;
int         run_env            (Fixture            *f,
                                char              **env,
                                const char         *first,
                                ...) G_GNUC_NULL_TERMINATED;
JsonNode   *run_json           (Fixture            *f,
                                const char         *first,
                                ...) G_GNUC_NULL_TERMINATED;

/* What a user would check. */
void        expect_status      (Fixture            *f,
                                int                 expected);
void        expect_ok          (Fixture            *f);
void        expect_error       (Fixture            *f,
                                int                 expected,
                                const char         *fragment);
void        expect_output      (Fixture            *f,
                                const char         *text);
void        expect_refused     (Fixture            *f,
                                const char         *fragment,
                                const char         *first,
                                ...) G_GNUC_NULL_TERMINATED;
JsonNode   *parse_json         (Fixture            *f);
void        assert_keys        (JsonObject         *object,
                                const char        **keys);
void        assert_item_shape  (JsonObject         *item,
                                gboolean            full);

/* Shortcuts over the board. */
JsonNode   *show_item          (Fixture            *f,
                                gint64              id);
char       *show_item_raw      (Fixture            *f,
                                gint64              id);
const char *item_string        (JsonNode           *node,
                                const char         *key);
guint       count_items        (Fixture            *f);
gint64      add_item           (Fixture            *f,
                                const char         *title);
void        seed_board         (Fixture            *f);
guint       list_ids           (Fixture            *f,
                                const char         *first,
                                ...) G_GNUC_NULL_TERMINATED;
guint       ids_of             (const int          *ids);

#define IDS(...) ids_of ((const int[]) { __VA_ARGS__, 0 })

G_END_DECLS
