/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite: runs the built tavla-cli (path in $TAVLA_CLI) the way a
 * user or a cron job does, each test on a fresh temporary database, and
 * checks what they would see: exit status, the one-line error, the JSON
 * shape, and that a refused command wrote nothing.
 */
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-common.h"

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *env_db = g_build_filename (f->tmpdir, "from-env.db", NULL);
  g_autofree char *default_db = g_build_filename (f->tmpdir, "xdg", "tavla", "tavla.db", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_strdupv (f->env), "TAVLA_DB", env_db, TRUE);
  GStatBuf st;

  run (f, "init", NULL);
  expect_ok (f);
  expect_output (f, f->db);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Twice is fine: init opens and migrates, it never wipes. */
  add_item (f, "Finns kvar");
  node = run_json (f, "init", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "path"), ==,
                   f->db);
  g_assert_cmpuint (count_items (f), ==, 1);

  /* $TAVLA_DB when there is no --db, and --db after the command wins. */
  run_env (f, env, "init", NULL);
  expect_ok (f);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_IS_REGULAR));
  run_env (f, env, "item", "add", "--title", "I env-databasen", NULL);
  expect_ok (f);
  run_env (f, env, "item", "list", NULL);
  expect_ok (f);
  expect_output (f, "I env-databasen");
  run_env (f, env, "item", "list", "--db", f->db, "--json", NULL);
  expect_ok (f);
  g_assert_null (strstr (f->out, "I env-databasen"));

  /* Neither: the app's database under $XDG_DATA_HOME, folder 0700. */
  run_env (f, f->env, "init", NULL);
  expect_ok (f);
  g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
  expect_output (f, default_db);
  {
    g_autofree char *folder = g_path_get_dirname (default_db);

    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  guint n_items;

  run (f, "demo", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "Loaded the demo kundcenter: "));
  expect_output (f, " proposals.");
  expect_output (f, "Metrics: ");

  n_items = count_items (f);
  g_assert_cmpuint (n_items, >=, 20);

  node = run_json (f, "item", "list", "--status", "done", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >, 0);
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "person", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >, 3);

  /* A board with items is never overwritten by the demo. */
  run (f, "demo", NULL);
  g_assert_cmpint (f->status, !=, 0);
  expect_error (f, f->status, NULL);
  g_assert_cmpuint (count_items (f), ==, n_items);

  /* With --json, the counts of what was loaded. */
  {
    g_autofree char *other = g_build_filename (f->tmpdir, "other.db", NULL);
    g_autoptr(JsonNode) counts = NULL;
    JsonObject *object;

    run_env (f, f->env, "--db", other, "demo", "--json", NULL);
    expect_ok (f);
    counts = parse_json (f);
    object = json_node_get_object (counts);
    assert_keys (object, (const char *[]) { "path", "people", "departments", "items",
                                            "response_groups", "metrics", "deviations",
                                            NULL });
    g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, other);
    g_assert_cmpint (json_object_get_int_member (object, "items"), ==, n_items);
    g_assert_cmpint (json_object_get_int_member (object, "people"), ==,
                     json_array_get_length (json_node_get_array (node)));
    /* The centre's response groups and goals with two years of figures. */
    g_assert_cmpint (json_object_get_int_member (object, "response_groups"), >=, 3);
    g_assert_cmpint (json_object_get_int_member (object, "metrics"), >=, 4);
    g_assert_cmpint (json_object_get_int_member (object, "deviations"), >, 0);
  }

  /* Deviations with causes and the proposals made from them. */
  {
    g_autoptr(JsonNode) deviations = run_json (f, "deviations", "--json", NULL);
    g_autoptr(JsonNode) series = NULL;
    JsonArray *list = json_node_get_array (deviations);
    guint n_explained = 0;
    guint n_acted = 0;

    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *deviation = json_array_get_object_element (list, i);

        n_explained += json_object_get_null_member (deviation, "cause") ? 0 : 1;
        n_acted += json_array_get_length (json_object_get_array_member (deviation, "items")) > 0;
      }
    g_assert_cmpuint (n_explained, >, 0);
    g_assert_cmpuint (n_acted, >, 0);

    series = run_json (f, "metric", "series", "Svarsfrekvens", "--rollup", "week", "--json",
                       NULL);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (series)), >=, 100);
  }
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *person;
  JsonArray *people;

  node = run_json (f, "person", "add", "Åsa Öberg", "--role", "Samordnare",
                   "--email", "asa.oberg@example.se", "--json", NULL);
  person = json_node_get_object (node);
  assert_keys (person, (const char *[]) { "id", "name", "role", "email", "active", NULL });
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Åsa Öberg");
  g_assert_cmpstr (json_object_get_string_member (person, "role"), ==, "Samordnare");
  g_assert_cmpstr (json_object_get_string_member (person, "email"), ==, "asa.oberg@example.se");
  g_assert_true (json_object_get_boolean_member (person, "active"));

  run (f, "person", "add", "--name", "Kalle Ek", NULL);
  expect_ok (f);
  expect_output (f, "Kalle Ek");

  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "person", "list", "--json", NULL);
  people = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (people), ==, 2);
  person = json_array_get_object_element (people, 1);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Kalle Ek");
  g_assert_true (json_object_get_null_member (person, "role"));
  g_assert_true (json_object_get_null_member (person, "email"));

  run (f, "person", "list", NULL);
  expect_ok (f);
  expect_output (f, "Åsa Öberg");
  expect_output (f, "Samordnare");

  /* Bad input is refused and adds nobody. */
  run (f, "person", "add", "Åsa Öberg", NULL);
  expect_error (f, 3, "Åsa Öberg");
  run (f, "person", "add", "", NULL);
  expect_error (f, 3, NULL);
  run (f, "person", "add", NULL);
  expect_error (f, 2, "usage: tavla-cli person add");
  run (f, "person", "add", "Ett", "--name", "Två", NULL);
  expect_error (f, 2, NULL);
  run (f, "person", "add", "Ett", "Två", NULL);
  expect_error (f, 2, "Två");
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "person", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 2);
}

static void
test_department (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *department;
  JsonArray *departments;

  node = run_json (f, "department", "add", "Barn- och utbildningsförvaltningen",
                   "--code", "BUF", "--json", NULL);
  department = json_node_get_object (node);
  assert_keys (department, (const char *[]) { "id", "name", "code", NULL });
  g_assert_cmpstr (json_object_get_string_member (department, "name"), ==,
                   "Barn- och utbildningsförvaltningen");
  g_assert_cmpstr (json_object_get_string_member (department, "code"), ==, "BUF");

  run (f, "department", "add", "--name", "Socialförvaltningen", NULL);
  expect_ok (f);

  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "department", "list", "--json", NULL);
  departments = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (departments), ==, 2);
  department = json_array_get_object_element (departments, 1);
  g_assert_cmpstr (json_object_get_string_member (department, "name"), ==,
                   "Socialförvaltningen");
  g_assert_true (json_object_get_null_member (department, "code"));

  run (f, "department", "list", NULL);
  expect_ok (f);
  expect_output (f, "Barn- och utbildningsförvaltningen");
  expect_output (f, "BUF");

  run (f, "department", "add", "Socialförvaltningen", NULL);
  expect_error (f, 3, "Socialförvaltningen");
  run (f, "department", "add", "   ", NULL);
  expect_error (f, 3, NULL);
  run (f, "department", "add", NULL);
  expect_error (f, 2, NULL);
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "department", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 2);
}

static void
test_item_add (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) minimal = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *shown_text = NULL;
  JsonObject *item;
  JsonObject *created;

  seed_board (f);

  minimal = run_json (f, "item", "add", "--title", "  Kortare svarstider  ", "--json", NULL);
  item = json_node_get_object (minimal);
  assert_item_shape (item, TRUE);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Kortare svarstider");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "new");
  g_assert_true (json_object_get_null_member (item, "mark"));
  g_assert_true (json_object_get_null_member (item, "owner"));
  g_assert_true (json_object_get_null_member (item, "due"));
  g_assert_true (json_object_get_null_member (item, "department"));
  g_assert_true (json_object_get_null_member (item, "description"));
  g_assert_false (json_object_get_boolean_member (item, "strategic"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "links")), ==, 0);
  created = json_array_get_object_element (json_object_get_array_member (item, "history"), 0);
  g_assert_cmpstr (json_object_get_string_member (created, "actor"), ==, "Testaren");

  full = run_json (f, "item", "add", "--title", "Svarsmall för bygglovsfrågor",
                   "--description", "Mall i kunskapsbanken", "--owner", "Åsa Öberg",
                   "--due", "2026-12-18", "--department", "Samhällsbyggnadsförvaltningen",
                   "--source", "feedback", "--strategic", "--json", NULL);
  item = json_node_get_object (full);
  assert_item_shape (item, TRUE);
  g_assert_cmpint (json_object_get_int_member (item, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==, "Åsa Öberg");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-12-18");
  g_assert_cmpstr (json_object_get_string_member (item, "department"), ==,
                   "Samhällsbyggnadsförvaltningen");
  g_assert_cmpstr (json_object_get_string_member (item, "source"), ==, "feedback");
  g_assert_cmpstr (json_object_get_string_member (item, "description"), ==,
                   "Mall i kunskapsbanken");
  g_assert_true (json_object_get_boolean_member (item, "strategic"));

  /* What add printed is what show prints. */
  shown = show_item (f, 2);
  g_assert_true (json_node_equal (shown, full));

  /* Text for people names the proposal and its fields. */
  run (f, "item", "add", "--title", "Tydligare röstbrevlåda", "--due", "2026-12-03", NULL);
  expect_ok (f);
  expect_output (f, "#3");
  expect_output (f, "Tydligare röstbrevlåda");
  expect_output (f, "2026-12-03 (w. 49)");

  /* Refused input writes nothing. */
  shown_text = show_item_raw (f, 2);
  run (f, "item", "add", "--title", "", NULL);
  expect_error (f, 3, "title");
  run (f, "item", "add", "--title", "   ", NULL);
  expect_error (f, 3, "title");
  {
    GString *long_title = g_string_new (NULL);

    /* 200 characters, not bytes: "å" is two bytes in UTF-8. */
    for (guint i = 0; i < 200; i++)
      g_string_append (long_title, "å");
    g_assert_cmpint (add_item (f, long_title->str), ==, 4);
    g_string_append (long_title, "å");
    run (f, "item", "add", "--title", long_title->str, NULL);
    expect_error (f, 3, "title");
    g_string_free (long_title, TRUE);
  }
  run (f, "item", "add", "--title", "Fel datum", "--due", "2026-13-01", NULL);
  expect_error (f, 3, "2026-13-01");
  run (f, "item", "add", "--title", "Okänd", "--owner", "Ingen Alls", NULL);
  expect_error (f, 3, "Ingen Alls");
  run (f, "item", "add", "--title", "Okänd", "--department", "Månförvaltningen", NULL);
  expect_error (f, 3, "Månförvaltningen");
  run (f, "item", "add", "--title", "Okänd", "--source", "rykten", NULL);
  expect_error (f, 3, "feedback");
  run (f, "item", "add", "--title", "Latin-1 \xe5\xe4\xf6", NULL);
  expect_error (f, 3, "UTF-8");
  run (f, "item", "add", NULL);
  expect_error (f, 2, "--title");
  run (f, "item", "add", "--title", NULL);
  expect_error (f, 2, "usage: tavla-cli item add");
  run (f, "item", "add", "--title", "x", "extra", NULL);
  expect_error (f, 2, "extra");
  g_assert_cmpuint (count_items (f), ==, 4);
  {
    g_autofree char *after = show_item_raw (f, 2);

    g_assert_cmpstr (after, ==, shown_text);
  }
}

static void
test_item_show (Fixture       *f,
                gconstpointer  data)
{
  seed_board (f);
  add_item (f, "Återkoppling på ärenden");
  run (f, "item", "update", "1", "--owner", "Kalle Ek", "--due", "2026-12-01",
       "--status", "in-progress", "--note", "Taget på veckomötet", NULL);
  expect_ok (f);

  run (f, "item", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Återkoppling på ärenden");
  expect_output (f, "Kalle Ek");
  expect_output (f, "History");
  expect_output (f, "Testaren");
  expect_output (f, "Taget på veckomötet");

  run (f, "item", "show", "#1", NULL);
  expect_ok (f);

  run (f, "item", "show", "999", NULL);
  expect_error (f, 4, "999");
  run (f, "item", "show", "999", "--json", NULL);
  expect_error (f, 4, "999");
  run (f, "item", "show", "ett", NULL);
  expect_error (f, 3, "ett");
  run (f, "item", "show", "-5", NULL);
  expect_status (f, 2);
  run (f, "item", "show", "0", NULL);
  expect_error (f, 3, NULL);
  run (f, "item", "show", NULL);
  expect_error (f, 2, "usage: tavla-cli item show [OPTION…] ID");
  run (f, "item", "show", "1", "2", NULL);
  expect_error (f, 2, NULL);
}

static void
test_item_update (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *history;
  JsonObject *last;
  guint n_history;

  seed_board (f);
  add_item (f, "Svarsmall för bygglov");

  /* The rules, each refused with nothing written. */
  expect_refused (f, "owner", "item", "update", "1", "--status", "in-progress",
                  "--due", "2026-12-01", NULL);
  expect_refused (f, "due", "item", "update", "1", "--status", "in-progress",
                  "--owner", "Kalle Ek", NULL);
  expect_refused (f, "note", "item", "update", "1", "--status", "done", NULL);
  expect_refused (f, "note", "item", "update", "1", "--status", "rejected", NULL);
  expect_refused (f, "mark", "item", "update", "1", "--mark", "at-risk", NULL);
  expect_refused (f, "Ingen Alls", "item", "update", "1", "--owner", "Ingen Alls", NULL);
  expect_refused (f, "Månförvaltningen", "item", "update", "1",
                  "--department", "Månförvaltningen", NULL);
  expect_refused (f, "2026-13-01", "item", "update", "1", "--due", "2026-13-01", NULL);
  expect_refused (f, "title", "item", "update", "1", "--title", "", NULL);
  expect_refused (f, "in-progress", "item", "update", "1", "--status", "ongoing", NULL);
  expect_refused (f, "at-risk", "item", "update", "1", "--mark", "yellow", NULL);

  /* A whole change in one command: new → in progress with owner and date. */
  node = run_json (f, "item", "update", "1", "--owner", "Kalle Ek", "--due", "2026-12-01",
                   "--department", "Socialförvaltningen", "--status", "in-progress",
                   "--note", "Beslut på veckomötet", "--json", NULL);
  assert_item_shape (json_node_get_object (node), TRUE);
  g_assert_cmpstr (item_string (node, "status"), ==, "in-progress");
  g_assert_cmpstr (item_string (node, "owner"), ==, "Kalle Ek");
  g_assert_cmpstr (item_string (node, "due"), ==, "2026-12-01");
  g_assert_cmpstr (item_string (node, "department"), ==, "Socialförvaltningen");
  history = json_object_get_array_member (json_node_get_object (node), "history");
  n_history = json_array_get_length (history);
  g_assert_cmpuint (n_history, >=, 5);
  last = json_array_get_object_element (history, n_history - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "note"), ==, "Beslut på veckomötet");

  /* Marks while in progress, and "none" clears. */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--mark", "at-risk", "--json", NULL);
  g_assert_cmpstr (item_string (node, "mark"), ==, "at-risk");
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--mark", "none", "--json", NULL);
  g_assert_null (item_string (node, "mark"));

  /* Strategic and back; the department cleared with "". */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--strategic", "--department", "", "--json", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "strategic"));
  g_assert_null (item_string (node, "department"));
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--operational", "--json", NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "strategic"));

  /* Done needs its note; reopening needs one too. */
  expect_refused (f, "note", "item", "update", "1", "--status", "done", NULL);
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--status", "done",
                   "--note", "Mallen används sedan v. 50", "--json", NULL);
  g_assert_cmpstr (item_string (node, "status"), ==, "done");
  g_assert_null (item_string (node, "mark"));
  expect_refused (f, "note", "item", "update", "1", "--status", "in-progress", NULL);
  expect_refused (f, "mark", "item", "update", "1", "--mark", "on-track", NULL);
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "item", "update", "1", "--status", "in-progress",
                   "--note", "Mallen behöver ses över igen", "--json", NULL);
  g_assert_cmpstr (item_string (node, "status"), ==, "in-progress");

  /* Text output for people. */
  run (f, "item", "update", "1", "--title", "Svarsmall för bygglov och strandskydd", NULL);
  expect_ok (f);
  expect_output (f, "Svarsmall för bygglov och strandskydd");

  /* Usage errors and a missing item. */
  run (f, "item", "update", "1", NULL);
  expect_error (f, 2, NULL);
  run (f, "item", "update", "1", "--strategic", "--operational", NULL);
  expect_error (f, 2, "--operational");
  run (f, "item", "update", "--title", "Utan id", NULL);
  expect_error (f, 2, NULL);
  run (f, "item", "update", "999", "--title", "Finns inte", NULL);
  expect_error (f, 4, "999");
  g_assert_cmpuint (count_items (f), ==, 1);
}

static void
test_item_undo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *history;
  JsonObject *last;
  guint n_before;

  add_item (f, "Ursprunglig rubrik");
  /* Nothing to undo but the creation. */
  run (f, "item", "undo", "1", NULL);
  expect_error (f, 3, NULL);

  run (f, "item", "update", "1", "--title", "Ändrad rubrik", NULL);
  expect_ok (f);
  before = show_item (f, 1);
  n_before = json_array_get_length (json_object_get_array_member (json_node_get_object (before),
                                                                  "history"));

  node = run_json (f, "--actor", "Ångra Andersson", "item", "undo", "1", "--json", NULL);
  g_assert_cmpstr (item_string (node, "title"), ==, "Ursprunglig rubrik");
  history = json_object_get_array_member (json_node_get_object (node), "history");
  /* The undo is a new change in the history, never a deletion. */
  g_assert_cmpuint (json_array_get_length (history), >, n_before);
  last = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "Ångra Andersson");
  g_assert_cmpstr (json_object_get_string_member (last, "note"), ==, "Undo");

  run (f, "item", "undo", "999", NULL);
  expect_error (f, 4, "999");
  run (f, "item", "undo", NULL);
  expect_error (f, 2, NULL);
}

static void
test_item_list (Fixture       *f,
                gconstpointer  data)
{
  seed_board (f);
  /* 1: new, no due. 2: in progress, due 2026-11-02, SOC, Åsa.
   * 3: in progress, due 2026-12-20, SBF, Kalle, strategic.
   * 4: done (was due 2026-10-01). 5: parked, due 2026-10-01. */
  add_item (f, "Tydligare röstbrevlåda");
  run (f, "item", "add", "--title", "Förbättra ÅTERKOPPLING på ärenden i e-tjänsten",
       "--owner", "Åsa Öberg", "--due", "2026-11-02", "--department", "Socialförvaltningen",
       NULL);
  expect_ok (f);
  run (f, "item", "update", "2", "--status", "in-progress", NULL);
  expect_ok (f);
  run (f, "item", "add", "--title", "Svarsmall bygglov", "--description",
       "Vanliga frågor om återkoppling", "--owner", "Kalle Ek", "--due", "2026-12-20",
       "--department", "Samhällsbyggnadsförvaltningen", "--strategic", NULL);
  expect_ok (f);
  run (f, "item", "update", "3", "--status", "in-progress", "--mark", "on-track", NULL);
  expect_ok (f);
  run (f, "item", "add", "--title", "Klar sak", "--owner", "Kalle Ek", "--due", "2026-10-01",
       NULL);
  expect_ok (f);
  run (f, "item", "update", "4", "--status", "in-progress", NULL);
  expect_ok (f);
  run (f, "item", "update", "4", "--status", "done", "--note", "Klart", NULL);
  expect_ok (f);
  run (f, "item", "add", "--title", "Vilande", "--owner", "Kalle Ek", "--due", "2026-10-01",
       NULL);
  expect_ok (f);
  run (f, "item", "update", "5", "--status", "parked", NULL);
  expect_ok (f);

  g_assert_cmpuint (list_ids (f, "--json", NULL), ==, IDS (1, 2, 3, 4, 5));
  g_assert_cmpuint (list_ids (f, "--status", "in-progress", NULL), ==, IDS (2, 3));
  g_assert_cmpuint (list_ids (f, "--status", "new", "--status", "done", NULL), ==, IDS (1, 4));
  g_assert_cmpuint (list_ids (f, "--status", "parked,done", NULL), ==, IDS (4, 5));
  g_assert_cmpuint (list_ids (f, "--owner", "Kalle Ek", NULL), ==, IDS (3, 4, 5));
  g_assert_cmpuint (list_ids (f, "--department", "Socialförvaltningen", NULL), ==, IDS (2));
  g_assert_cmpuint (list_ids (f, "--department", "SBF", NULL), ==, IDS (3));
  g_assert_cmpuint (list_ids (f, "--strategic", NULL), ==, IDS (3));
  g_assert_cmpuint (list_ids (f, "--overdue", "--on", "2026-11-15", NULL), ==, IDS (2));
  g_assert_cmpuint (list_ids (f, "--overdue", "--on", "2026-12-21", NULL), ==, IDS (2, 3));
  g_assert_cmpuint (list_ids (f, "--overdue", "--on", "2026-11-02", NULL), ==, 0);
  g_assert_cmpuint (list_ids (f, "--overdue", "--on", "2026-12-21", "--owner", "Kalle Ek",
                              NULL), ==, IDS (3));
  /* Search ignores case and finds text in the description too. */
  g_assert_cmpuint (list_ids (f, "--search", "återkoppling", NULL), ==, IDS (2, 3));
  g_assert_cmpuint (list_ids (f, "--search", "RÖSTBREVLÅDA", NULL), ==, IDS (1));
  g_assert_cmpuint (list_ids (f, "--search", "ingenting sådant", NULL), ==, 0);

  run (f, "item", "list", "--json", "--search", "ingenting sådant", NULL);
  expect_ok (f);
  g_assert_cmpstr (g_strstrip (f->out), ==, "[]");

  /* Text: a table with the due date and its ISO week. */
  run (f, "item", "list", "--status", "in-progress", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "ID"));
  expect_output (f, "2026-12-20 (w. 51)");
  expect_output (f, "Förbättra ÅTERKOPPLING");
  g_assert_null (strstr (f->out, "Vilande"));

  run (f, "item", "list", "--status", "ongoing", NULL);
  expect_error (f, 3, "in-progress");
  run (f, "item", "list", "--overdue", "--on", "2026-13-01", NULL);
  expect_error (f, 3, "2026-13-01");
  run (f, "item", "list", "--on", "2026-11-01", NULL);
  expect_error (f, 2, "--overdue");
  run (f, "item", "list", "--owner", "Ingen Alls", NULL);
  expect_error (f, 3, "Ingen Alls");
  run (f, "item", "list", "--department", "Månförvaltningen", NULL);
  expect_error (f, 3, "Månförvaltningen");
  run (f, "item", "list", "--frobnicate", NULL);
  expect_error (f, 2, "--frobnicate");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  run_argv (f, f->env, (const char *[]) { NULL });
  expect_error (f, 2, "usage: tavla-cli");
  run (f, "frobnicate", NULL);
  expect_error (f, 2, "frobnicate");
  run (f, "item", NULL);
  expect_error (f, 2, "add, list, show, update, undo");
  run (f, "item", "delete", "1", NULL);
  expect_error (f, 2, "delete");
  run (f, "person", NULL);
  expect_error (f, 2, NULL);
  run_env (f, f->env, "--frobnicate", "item", "list", NULL);
  expect_error (f, 2, "--frobnicate");
  run_env (f, f->env, "item", "list", "--db", NULL);
  expect_error (f, 2, "--db");
  run (f, "init", "extra", NULL);
  expect_error (f, 2, "extra");

  run_env (f, f->env, "--version", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "tavla-cli "));

  run_env (f, f->env, "--help", NULL);
  expect_ok (f);
  expect_output (f, "item update");
  expect_output (f, "--json");
  run_env (f, f->env, "item", "update", "--help", NULL);
  expect_ok (f);
  expect_output (f, "--mark");
  expect_output (f, "--operational");
  run_env (f, f->env, "item", "--help", NULL);
  expect_ok (f);
  expect_output (f, "undo");
}

static void
test_storage_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (f->tmpdir, "garbage.db", NULL);
  sqlite3 *db = NULL;

  /* A folder is not a database. */
  run_env (f, f->env, "--db", f->tmpdir, "item", "list", NULL);
  expect_error (f, 5, NULL);
  run_env (f, f->env, "--db", f->tmpdir, "item", "add", "--title", "x", NULL);
  expect_error (f, 5, NULL);

  /* Neither is a text file, and it is never "repaired" by replacing it. */
  g_assert_true (g_file_set_contents (garbage, "Detta är ingen databas.\n", -1, NULL));
  run_env (f, f->env, "--db", garbage, "item", "add", "--title", "x", NULL);
  expect_error (f, 5, NULL);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (garbage, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Detta är ingen databas.\n");
  }

  add_item (f, "Från förr");

  /* Output that cannot be written is a storage error, not a silent loss. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_subprocess_launcher_set_environ (launcher, f->env);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawn (launcher, &error, cli_path (), "--db", f->db,
                                             "item", "list", NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 5);
      g_assert_true (g_str_has_prefix (err, "tavla-cli: "));
    }

  /* A database from a newer Tavla can be read but is never written. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  run (f, "item", "add", "--title", "Ny", NULL);
  expect_error (f, 5, NULL);
  run (f, "item", "update", "1", "--title", "Ändrad", NULL);
  expect_error (f, 5, NULL);
  run (f, "person", "add", "Ny Person", NULL);
  expect_error (f, 5, NULL);
  run (f, "init", NULL);
  expect_error (f, 5, NULL);
  g_assert_cmpuint (count_items (f), ==, 1);
  {
    g_autoptr(JsonNode) node = show_item (f, 1);

    g_assert_cmpstr (item_string (node, "title"), ==, "Från förr");
  }
}

static void
test_actor (Fixture       *f,
            gconstpointer  data)
{
  g_auto(GStrv) env = g_environ_setenv (g_strdupv (f->env), "TAVLA_USER", "Miljö Mats", TRUE);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *history;

  add_item (f, "Vem gjorde vad");
  run (f, "--actor", "Ärlig Ärna", "item", "update", "1", "--title", "Andra", NULL);
  expect_ok (f);
  run (f, "item", "update", "1", "--title", "Tredje", "--actor", "Efter Kommandot", NULL);
  expect_ok (f);
  run_env (f, env, "--db", f->db, "item", "update", "1", "--title", "Fjärde", NULL);
  expect_ok (f);
  run_env (f, env, "--db", f->db, "--actor", "Flagga Före", "item", "update", "1",
           "--title", "Femte", NULL);
  expect_ok (f);

  node = show_item (f, 1);
  history = json_object_get_array_member (json_node_get_object (node), "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 5);
#define ACTOR(i) json_object_get_string_member (json_array_get_object_element (history, i), \
                                                "actor")
  g_assert_cmpstr (ACTOR (0), ==, "Testaren");
  g_assert_cmpstr (ACTOR (1), ==, "Ärlig Ärna");
  g_assert_cmpstr (ACTOR (2), ==, "Efter Kommandot");
  g_assert_cmpstr (ACTOR (3), ==, "Miljö Mats");
  g_assert_cmpstr (ACTOR (4), ==, "Flagga Före");
#undef ACTOR
}

static const char *hostile[] = {
  "Förbättra återkoppling på ärenden i e-tjänsten – åäö ÅÄÖ",
  "\"dubbla\" och 'enkla' citattecken",
  "a; DROP TABLE item; --",
  "--",
  "-x",
  "--json",
  "' OR 1=1 --",
  "$(rm -rf /) `id` ${HOME}",
  "rad ett\nrad två\ttabb",
  "<script>alert('x')</script> &amp;",
  "%s %n %x %%",
  "\\ bakvänt snedstreck \\n",
  "emoji 😀 och 日本語 och עברית",
  "=SUMMA(A1:A2)",
  "färg \x1b[31mröd\x1b[0m",
  NULL,
};

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(JsonNode) added = NULL;
      g_autoptr(JsonNode) shown = NULL;
      g_autoptr(JsonNode) updated = NULL;
      g_autofree char *person = g_strdup_printf ("%s %u", hostile[i], i);
      g_autofree char *department = g_strdup_printf ("Förvaltning %s %u", hostile[i], i);
      g_autofree char *id = NULL;
      JsonArray *history;
      JsonObject *last;

      run (f, "person", "add", "--name", person, NULL);
      expect_ok (f);
      run (f, "department", "add", "--name", department, NULL);
      expect_ok (f);

      added = run_json (f, "item", "add", "--title", hostile[i], "--description", hostile[i],
                        "--owner", person, "--department", department, "--due", "2026-12-03",
                        "--json", NULL);
      id = g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member (json_node_get_object (added), "id"));
      shown = run_json (f, "item", "show", id, "--json", NULL);
      g_assert_true (json_node_equal (shown, added));
      g_assert_cmpstr (item_string (shown, "title"), ==, hostile[i]);
      g_assert_cmpstr (item_string (shown, "description"), ==, hostile[i]);
      g_assert_cmpstr (item_string (shown, "owner"), ==, person);
      g_assert_cmpstr (item_string (shown, "department"), ==, department);

      /* Found again by owner, department and search. */
      g_assert_cmpuint (list_ids (f, "--owner", person, "--department", department,
                                  "--search", hostile[i], NULL), ==, 1u << (i + 1));

      /* Into the history as a note, and as old and new values. */
      updated = run_json (f, "item", "update", id, "--status", "in-progress",
                          "--note", hostile[i], "--description", "", "--json", NULL);
      history = json_object_get_array_member (json_node_get_object (updated), "history");
      last = json_array_get_object_element (history, json_array_get_length (history) - 1);
      g_assert_cmpstr (json_object_get_string_member (last, "note"), ==, hostile[i]);
      for (guint k = 0; k < json_array_get_length (history); k++)
        {
          JsonObject *entry = json_array_get_object_element (history, k);

          if (g_strcmp0 (json_object_get_string_member (entry, "field"), "description") == 0)
            g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, hostile[i]);
        }

      /* Text for people never passes control characters to the terminal. */
      run (f, "item", "show", id, NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
      g_assert_null (strchr (f->out, '\t'));
      run (f, "item", "list", NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
    }

  g_assert_cmpuint (count_items (f), ==, g_strv_length ((char **) hostile));

  /* `item list --json` writes its objects itself, for speed: they must be
   * what `item show --json` says, without history and links. */
  {
    g_autoptr(JsonNode) list = run_json (f, "item", "list", "--json", NULL);
    JsonArray *items = json_node_get_array (list);

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonNode *listed = json_array_get_element (items, i);
        g_autoptr(JsonNode) shown = NULL;
        JsonObject *object;

        shown = show_item (f, json_object_get_int_member (json_node_get_object (listed), "id"));
        object = json_node_get_object (shown);
        json_object_remove_member (object, "history");
        json_object_remove_member (object, "links");
        g_assert_true (json_node_equal (listed, shown));
      }
  }
}

/* The Swedish the users run: messages come from the built catalogue. */
static void
test_translation (Fixture       *f,
                  gconstpointer  data)
{
  const char *builddir = g_getenv ("TAVLA_TEST_BUILDDIR");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *unknown_command = NULL;
  g_autofree char *unknown_status = NULL;
  g_autofree char *in_progress = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) env = NULL;
  gboolean have_locale;

  localedir = g_build_filename (builddir != NULL ? builddir : ".", "po", NULL);
  mo = g_build_filename (localedir, "sv", "LC_MESSAGES", "tavla.mo", NULL);
  have_locale = setlocale (LC_ALL, "sv_SE.UTF-8") != NULL;
  if (!have_locale || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      setlocale (LC_ALL, "C.UTF-8");
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("CI must test the Swedish CLI, but %s",
                 have_locale ? "the catalogue po/sv/LC_MESSAGES/tavla.mo was not built"
                             : "the locale sv_SE.UTF-8 is missing (locale-gen it)");
      g_test_skip (have_locale ? "po/sv/LC_MESSAGES/tavla.mo was not built"
                               : "the locale sv_SE.UTF-8 is missing");
      return;
    }

  bindtextdomain ("tavla", localedir);
  bind_textdomain_codeset ("tavla", "UTF-8");
  unknown_command = g_strdup (g_dgettext ("tavla", "Unknown command “%s”"));
  unknown_status = g_strdup (g_dgettext ("tavla", "Unknown status “%s”; use one of %s"));
  in_progress = g_strdup (g_dpgettext2 ("tavla", "status", "In progress"));
  setlocale (LC_ALL, "C.UTF-8");

  if (g_str_equal (unknown_command, "Unknown command “%s”")
      || g_str_equal (unknown_status, "Unknown status “%s”; use one of %s")
      || g_str_equal (in_progress, "In progress"))
    g_error ("po/sv.po lacks Swedish for the CLI's messages or the status labels: "
             "src/cli/*.c must be in po/POTFILES and translated");

  env = g_environ_unsetenv (g_strdupv (f->env), "LC_ALL");
  env = g_environ_setenv (env, "LANG", "sv_SE.UTF-8", TRUE);
  env = g_environ_setenv (env, "TAVLA_LOCALEDIR", localedir, TRUE);

  run_env (f, env, "--db", f->db, "frobnicera", NULL);
  expected = g_strdup_printf (unknown_command, "frobnicera");
  expect_error (f, 2, expected);

  run_env (f, env, "--db", f->db, "item", "list", "--status", "pågående", NULL);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (unknown_status, "pågående",
                              "new, in-progress, done, parked, rejected");
  expect_error (f, 3, expected);

  run (f, "person", "add", "Åsa Öberg", NULL);
  expect_ok (f);
  run (f, "item", "add", "--title", "Pågående arbete", "--owner", "Åsa Öberg",
       "--due", "2026-12-03", NULL);
  expect_ok (f);
  run (f, "item", "update", "1", "--status", "in-progress", NULL);
  expect_ok (f);
  run_env (f, env, "--db", f->db, "item", "list", NULL);
  expect_ok (f);
  expect_output (f, in_progress);
  /* Swedish weeks are "v. 49" (vecka), whatever the English says. */
  expect_output (f, "2026-12-03 (v. 49)");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* meson passes the built tavla-cli as the one argument left. */
  if (argc > 1)
    g_setenv ("TAVLA_CLI", argv[1], TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/init", test_init);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/person", test_person);
  ADD ("/cli/department", test_department);
  ADD ("/cli/item/add", test_item_add);
  ADD ("/cli/item/show", test_item_show);
  ADD ("/cli/item/update", test_item_update);
  ADD ("/cli/item/undo", test_item_undo);
  ADD ("/cli/item/list", test_item_list);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/storage-errors", test_storage_errors);
  ADD ("/cli/actor", test_actor);
  ADD ("/cli/round-trip", test_round_trip);
  ADD ("/cli/translation", test_translation);
#undef ADD

  return g_test_run ();
}
