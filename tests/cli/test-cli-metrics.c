/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for metrics and deviations (issue 3): response groups,
 * metrics, measurements and their import, series and roll-ups,
 * deviations, proposals made from them, and their effect. Each test runs
 * the built tavla-cli on a fresh database and checks what a user would
 * see: the exit status, the error line, the JSON shape and the numbers.
 */
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-common.h"

static const char *group_keys[] = { "id", "name", "active", NULL };
static const char *metric_keys[] = {
  "id", "name", "description", "unit", "direction", "target", "period", "per_group",
  "active", NULL,
};
static const char *measurement_keys[] = {
  "id", "metric", "period", "group", "value", "numerator", "denominator", "respondents",
  "target", "deviation", "outcome", "created", "updated", NULL,
};
static const char *point_keys[] = {
  "period", "value", "target", "deviation", "numerator", "denominator", "respondents", NULL,
};
static const char *deviation_keys[] = {
  "id", "metric", "period", "group", "value", "target", "cause", "items", NULL,
};
static const char *effect_keys[] = {
  "metric", "unit", "direction", "period", "target", "started", "done", "before", "after",
  "value_before", "value_after", "change", "improved", NULL,
};
static const char *import_keys[] = {
  "file", "rows", "added", "corrected", "unchanged", "written", NULL,
};

/* Two groups and four metrics:
 * Svarsfrekvens: percent, higher, 95, weekly, per group;
 * Lösta i kundcenter: percent, higher, 70, weekly, whole centre;
 * NKI bemötande: score, higher, 4.3, monthly;
 * Överlämnade ärenden: count, lower, 50, monthly. */
static void
seed_metrics (Fixture *f)
{
  run (f, "group", "add", "Socialtjänst", NULL);
  expect_ok (f);
  run (f, "group", "add", "Växel och allmänna frågor", NULL);
  expect_ok (f);
  run (f, "metric", "add", "--name", "Svarsfrekvens", "--unit", "percent",
       "--direction", "higher", "--target", "95", "--per-group", NULL);
  expect_ok (f);
  run (f, "metric", "add", "--name", "Lösta i kundcenter", "--unit", "percent",
       "--direction", "higher", "--target", "70", NULL);
  expect_ok (f);
  run (f, "metric", "add", "--name", "NKI bemötande", "--unit", "score",
       "--direction", "higher", "--target", "4,3", "--period", "month", NULL);
  expect_ok (f);
  run (f, "metric", "add", "--name", "Överlämnade ärenden", "--unit", "count",
       "--direction", "lower", "--target", "50", "--period", "month", NULL);
  expect_ok (f);
}

static void
measure_ratio (Fixture    *f,
               const char *metric,
               const char *period,
               const char *group,
               const char *numerator,
               const char *denominator)
{
  if (group != NULL)
    run (f, "measure", "add", "--metric", metric, "--period", period, "--group", group,
         "--numerator", numerator, "--denominator", denominator, NULL);
  else
    run (f, "measure", "add", "--metric", metric, "--period", period,
         "--numerator", numerator, "--denominator", denominator, NULL);
  expect_ok (f);
}

static void
measure_value (Fixture    *f,
               const char *metric,
               const char *period,
               const char *value,
               const char *respondents)
{
  if (respondents != NULL)
    run (f, "measure", "add", "--metric", metric, "--period", period, "--value", value,
         "--respondents", respondents, NULL);
  else
    run (f, "measure", "add", "--metric", metric, "--period", period, "--value", value, NULL);
  expect_ok (f);
}

static double
number (JsonObject *object,
        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_double (node);
}

static void
assert_number (JsonObject *object,
               const char *key,
               double      expected)
{
  double actual = number (object, key);

  if (fabs (actual - expected) > 1e-9)
    g_error ("“%s” is %.12g, expected %.12g", key, actual, expected);
}

/* The series as JSON, every point checked for its shape. */
static JsonNode *
series (Fixture    *f,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  JsonNode *node;
  JsonArray *points;
  va_list args;

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (char *) "--json");
  g_ptr_array_add (argv, (char *) "metric");
  g_ptr_array_add (argv, (char *) "series");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (f, f->env, (const char * const *) argv->pdata);
  expect_ok (f);
  node = parse_json (f);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  points = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);

      assert_keys (point, point_keys);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (point, "deviation")),
                       ==, G_TYPE_BOOLEAN);
    }

  return node;
}

static JsonObject *
point_at (JsonNode *node,
          guint     index)
{
  return json_array_get_object_element (json_node_get_array (node), index);
}

static guint
n_elements (JsonNode *node)
{
  return json_array_get_length (json_node_get_array (node));
}

/* Deviations as JSON, each checked for its shape. */
static JsonNode *
deviations (Fixture    *f,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  JsonNode *node;
  JsonArray *list;
  va_list args;

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (char *) "--json");
  g_ptr_array_add (argv, (char *) "deviations");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (f, f->env, (const char * const *) argv->pdata);
  expect_ok (f);
  node = parse_json (f);
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *deviation = json_array_get_object_element (list, i);

      assert_keys (deviation, deviation_keys);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (deviation, "items")));
    }

  return node;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The ISO week @days from today, as "2026-W47". */
static char *
week_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%G-W%V");
}

/* Every line of stderr is an error line of its own. */
static guint
count_error_lines (Fixture *f)
{
  g_auto(GStrv) lines = g_strsplit (f->err, "\n", -1);
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (!g_str_has_prefix (lines[i], "tavla-cli: "))
        g_error ("“%s”: an error line does not start with “tavla-cli: ”: %s", f->command,
                 lines[i]);
      n_lines++;
    }

  return n_lines;
}

static void
expect_stderr (Fixture    *f,
               const char *text)
{
  if (strstr (f->err, text) == NULL)
    g_error ("“%s” did not say “%s” on stderr; it said:\n%s", f->command, text, f->err);
}

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *group;

  node = run_json (f, "group", "add", "Socialtjänst", "--json", NULL);
  group = json_node_get_object (node);
  assert_keys (group, group_keys);
  g_assert_cmpint (json_object_get_int_member (group, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, "Socialtjänst");
  g_assert_true (json_object_get_boolean_member (group, "active"));

  run (f, "group", "add", "--name", "Barn och utbildning", NULL);
  expect_ok (f);
  expect_output (f, "Response group #2: Barn och utbildning");

  list = run_json (f, "group", "list", "--json", NULL);
  g_assert_cmpuint (n_elements (list), ==, 2);
  assert_keys (point_at (list, 1), group_keys);
  g_assert_cmpstr (json_object_get_string_member (point_at (list, 1), "name"), ==,
                   "Barn och utbildning");
  run (f, "group", "list", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "ID"));
  expect_output (f, "Barn och utbildning");

  /* Refused: a taken name (without regard to case), an empty one. */
  run (f, "group", "add", "SOCIALTJÄNST", NULL);
  expect_error (f, 3, "SOCIALTJÄNST");
  run (f, "group", "add", "  ", NULL);
  expect_error (f, 3, "name");
  run (f, "group", "add", NULL);
  expect_error (f, 2, "usage: tavla-cli group add");
  run (f, "group", "add", "Ett", "Två", NULL);
  expect_error (f, 2, "Två");
  run (f, "group", NULL);
  expect_error (f, 2, "add, list");
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "group", "list", "--json", NULL);
  g_assert_cmpuint (n_elements (list), ==, 2);

  /* An empty board says how to start. */
  {
    g_autofree char *other = g_build_filename (f->tmpdir, "empty.db", NULL);

    run_env (f, f->env, "--db", other, "group", "list", NULL);
    expect_ok (f);
    expect_output (f, "tavla-cli group add");
    run_env (f, f->env, "--db", other, "group", "list", "--json", NULL);
    expect_ok (f);
    g_assert_cmpstr (g_strstrip (f->out), ==, "[]");
  }
}

static void
test_metric_add (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *metric;

  run (f, "group", "add", "Socialtjänst", NULL);
  expect_ok (f);

  node = run_json (f, "metric", "add", "--name", "Svarsfrekvens", "--unit", "percent",
                   "--direction", "higher", "--target", "95", "--per-group",
                   "--description", "Besvarade av erbjudna samtal", "--json", NULL);
  metric = json_node_get_object (node);
  assert_keys (metric, metric_keys);
  g_assert_cmpint (json_object_get_int_member (metric, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (metric, "name"), ==, "Svarsfrekvens");
  g_assert_cmpstr (json_object_get_string_member (metric, "description"), ==,
                   "Besvarade av erbjudna samtal");
  g_assert_cmpstr (json_object_get_string_member (metric, "unit"), ==, "percent");
  g_assert_cmpstr (json_object_get_string_member (metric, "direction"), ==, "higher");
  assert_number (metric, "target", 95);
  g_assert_cmpstr (json_object_get_string_member (metric, "period"), ==, "week");
  g_assert_true (json_object_get_boolean_member (metric, "per_group"));
  g_assert_true (json_object_get_boolean_member (metric, "active"));

  /* A Swedish decimal comma is a decimal point. */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "metric", "add", "--name", "NKI bemötande", "--unit", "score",
                   "--direction", "higher", "--target", "4,3", "--period", "month",
                   "--json", NULL);
  metric = json_node_get_object (node);
  assert_number (metric, "target", 4.3);
  g_assert_cmpstr (json_object_get_string_member (metric, "period"), ==, "month");
  g_assert_false (json_object_get_boolean_member (metric, "per_group"));
  g_assert_true (json_object_get_null_member (metric, "description"));
  /* Printed as the shortest number that reads back, not 4.2999999999999998. */
  g_assert_nonnull (strstr (f->out, "\"target\" : 4.3,\n"));

  run (f, "metric", "add", "--name", "Överlämnade ärenden", "--unit", "count",
       "--direction", "lower", "--target", "50", "--period", "month", NULL);
  expect_ok (f);
  expect_output (f, "Metric #3: Överlämnade ärenden");
  expect_output (f, "at most 50");

  /* Refused, naming the field, and nothing written. */
  run (f, "metric", "add", "--name", "Fel", "--unit", "procent", "--direction", "higher",
       "--target", "95", NULL);
  expect_error (f, 3, "procent");
  run (f, "metric", "add", "--name", "Fel", "--unit", "percent", "--direction", "uppåt",
       "--target", "95", NULL);
  expect_error (f, 3, "uppåt");
  run (f, "metric", "add", "--name", "Fel", "--unit", "percent", "--direction", "higher",
       "--target", "nittiofem", NULL);
  expect_error (f, 3, "nittiofem");
  run (f, "metric", "add", "--name", "Fel", "--unit", "percent", "--direction", "higher",
       "--target", "120", NULL);
  expect_error (f, 3, "target");
  run (f, "metric", "add", "--name", "Fel", "--unit", "score", "--direction", "higher",
       "--target", "6", NULL);
  expect_error (f, 3, "target");
  run (f, "metric", "add", "--name", "Fel", "--unit", "count", "--direction", "lower",
       "--target", "50", "--period", "day", NULL);
  expect_error (f, 3, "day");
  run (f, "metric", "add", "--name", "svarsfrekvens", "--unit", "percent",
       "--direction", "higher", "--target", "95", NULL);
  expect_error (f, 3, "svarsfrekvens");
  run (f, "metric", "add", "--name", "", "--unit", "percent", "--direction", "higher",
       "--target", "95", NULL);
  expect_error (f, 3, "name");
  run (f, "metric", "add", "--name", "Fel", "--unit", "percent", "--direction", "higher",
       NULL);
  expect_error (f, 2, "--target");
  run (f, "metric", "add", "Fel", NULL);
  expect_error (f, 2, "Fel");

  list = run_json (f, "metric", "list", "--json", NULL);
  g_assert_cmpuint (n_elements (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_keys (point_at (list, i), metric_keys);

  run (f, "metric", "list", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "ID"));
  expect_output (f, "Svarsfrekvens");
  expect_output (f, "at least 95.0 %");
  expect_output (f, "Each response group");
}

static void
test_measure_add (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *measurement;

  seed_metrics (f);

  node = run_json (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2026-W47",
                   "--group", "Socialtjänst", "--numerator", "90", "--denominator", "100",
                   "--json", NULL);
  measurement = json_node_get_object (node);
  assert_keys (measurement, measurement_keys);
  g_assert_cmpstr (json_object_get_string_member (measurement, "metric"), ==, "Svarsfrekvens");
  g_assert_cmpstr (json_object_get_string_member (measurement, "period"), ==, "2026-W47");
  g_assert_cmpstr (json_object_get_string_member (measurement, "group"), ==, "Socialtjänst");
  assert_number (measurement, "value", 90);
  assert_number (measurement, "numerator", 90);
  assert_number (measurement, "denominator", 100);
  assert_number (measurement, "target", 95);
  g_assert_true (json_object_get_null_member (measurement, "respondents"));
  g_assert_true (json_object_get_boolean_member (measurement, "deviation"));
  g_assert_cmpstr (json_object_get_string_member (measurement, "outcome"), ==, "added");

  /* The same key again corrects it; the same figures again change nothing. */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2026-W47",
                   "--group", "Socialtjänst", "--numerator", "96", "--denominator", "100",
                   "--json", NULL);
  measurement = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (measurement, "outcome"), ==, "corrected");
  assert_number (measurement, "value", 96);
  g_assert_false (json_object_get_boolean_member (measurement, "deviation"));
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2026-W47",
       "--group", "Socialtjänst", "--numerator", "96", "--denominator", "100", NULL);
  expect_ok (f);
  expect_output (f, "Nothing changed");
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2026-W47",
       "--group", "Socialtjänst", "--numerator", "93", "--denominator", "100", NULL);
  expect_ok (f);
  expect_output (f, "Corrected the measurement");
  expect_output (f, "93 / 100");
  expect_output (f, "▼ deviation");

  /* A score with respondents and a decimal comma; a count. */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "measure", "add", "--metric", "NKI bemötande", "--period", "2026-11",
                   "--value", "4,25", "--respondents", "120", "--json", NULL);
  measurement = json_node_get_object (node);
  assert_number (measurement, "value", 4.25);
  g_assert_cmpint (json_object_get_int_member (measurement, "respondents"), ==, 120);
  g_assert_true (json_object_get_null_member (measurement, "numerator"));
  g_assert_true (json_object_get_null_member (measurement, "group"));
  run (f, "measure", "add", "--metric", "Överlämnade ärenden", "--period", "2026-11",
       "--value", "62", NULL);
  expect_ok (f);
  expect_output (f, "Added the measurement.");
  expect_output (f, "November 2026");
  expect_output (f, "▲ deviation");

  /* Every bad input is refused with its field and writes nothing. */
  before = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
#define REFUSE(fragment, ...) \
  G_STMT_START { \
    run (f, "measure", "add", __VA_ARGS__, NULL); \
    expect_error (f, 3, fragment); \
  } G_STMT_END
  REFUSE ("Okänt mått", "--metric", "Okänt mått", "--period", "2026-W48",
          "--group", "Socialtjänst", "--value", "90");
  REFUSE ("Månskensgruppen", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Månskensgruppen", "--value", "90");
  REFUSE ("group", "--metric", "Svarsfrekvens", "--period", "2026-W48", "--value", "90");
  REFUSE ("group", "--metric", "Lösta i kundcenter", "--period", "2026-W48",
          "--group", "Socialtjänst", "--value", "90");
  REFUSE ("2026-W60", "--metric", "Svarsfrekvens", "--period", "2026-W60",
          "--group", "Socialtjänst", "--value", "90");
  REFUSE ("2026-11", "--metric", "Svarsfrekvens", "--period", "2026-11",
          "--group", "Socialtjänst", "--value", "90");
  REFUSE ("nittio", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst", "--value", "nittio");
  REFUSE ("numerator", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst", "--numerator", "120", "--denominator", "100");
  REFUSE ("denominator", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst", "--numerator", "12");
  REFUSE ("-5", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst", "--value", "-5");
  REFUSE ("value", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst", "--value", "90", "--numerator", "9",
          "--denominator", "10");
  REFUSE ("5,5", "--metric", "NKI bemötande", "--period", "2026-12", "--value", "5,5");
  REFUSE ("0", "--metric", "NKI bemötande", "--period", "2026-12", "--value", "0");
  REFUSE ("value", "--metric", "Svarsfrekvens", "--period", "2026-W48",
          "--group", "Socialtjänst");
#undef REFUSE
  run (f, "measure", "add", "--period", "2026-W48", "--value", "90", NULL);
  expect_error (f, 2, "--metric");
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--value", "90", NULL);
  expect_error (f, 2, "--period");
  after = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);
  after = series (f, "NKI bemötande", NULL);
  g_assert_cmpuint (n_elements (after), ==, 1);
}

static void
test_measure_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *header = NULL;
  g_autofree char *again = NULL;
  g_autofree char *missing = NULL;
  JsonObject *result;

  seed_metrics (f);
  measure_ratio (f, "Svarsfrekvens", "2026-W45", "Socialtjänst", "80", "100");

  /* Quoted cells, empty cells, a decimal comma in quotes, CRLF. */
  good = write_file (f, "good.csv",
                     "metric,period,group,value,numerator,denominator,respondents\r\n"
                     "Svarsfrekvens,2026-W45,Socialtjänst,,91,100,\r\n"
                     "Svarsfrekvens,2026-W46,Socialtjänst,,95,100,\r\n"
                     "\"Svarsfrekvens\",2026-W46,\"Växel och allmänna frågor\",,45,50,\r\n"
                     "NKI bemötande,2026-10,,\"4,4\",,,80\r\n");
  run (f, "measure", "import", good, NULL);
  expect_ok (f);
  expect_output (f, "Imported 4 rows: 3 added, 1 corrected.");

  node = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_cmpuint (n_elements (node), ==, 2);
  assert_number (point_at (node, 0), "value", 91);
  g_clear_pointer (&node, json_node_unref);

  /* Importing the same file again: every row is already there. */
  node = run_json (f, "measure", "import", good, "--json", NULL);
  result = json_node_get_object (node);
  assert_keys (result, import_keys);
  g_assert_cmpint (json_object_get_int_member (result, "rows"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (result, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (result, "corrected"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (result, "unchanged"), ==, 4);
  g_clear_pointer (&node, json_node_unref);

  /* A dry run says what would happen and writes nothing. */
  again = write_file (f, "again.csv",
                      "metric,period,group,value,numerator,denominator,respondents\n"
                      "Svarsfrekvens,2026-W46,Socialtjänst,,94,100,\n"
                      "Svarsfrekvens,2026-W47,Socialtjänst,,97,100,\n");
  before = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  node = run_json (f, "measure", "import", again, "--dry-run", "--json", NULL);
  result = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (result, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (result, "corrected"), ==, 1);
  g_assert_false (json_object_get_boolean_member (result, "written"));
  run (f, "measure", "import", again, "--dry-run", NULL);
  expect_ok (f);
  expect_output (f, "nothing was written");
  after = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);

  /* Good rows mixed with one bad row of each kind: every bad line is
   * reported with its number and column, and nothing is imported. */
  bad = write_file (f, "bad.csv",
                    "metric,period,group,value,numerator,denominator,respondents\n"
                    "Svarsfrekvens,2026-W48,Socialtjänst,,90,100,\n"           /* 2: good */
                    "Okänt mått,2026-W48,Socialtjänst,90,,,\n"                 /* 3 */
                    "Svarsfrekvens,2026-W48,Månskensgruppen,90,,,\n"           /* 4 */
                    "Svarsfrekvens,2026-W61,Socialtjänst,90,,,\n"              /* 5 */
                    "Svarsfrekvens,2026-W49,Socialtjänst,nittio,,,\n"          /* 6 */
                    "Svarsfrekvens,2026-W50,Socialtjänst,,120,100,\n"          /* 7 */
                    "Svarsfrekvens,2026-W51,Socialtjänst,-3,,,\n"              /* 8 */
                    "NKI bemötande,2026-11,,7,,,50\n"                          /* 9 */
                    "Svarsfrekvens,2026-W48,Växel och allmänna frågor,,9,10,\n" /* 10: good */
                    "Svarsfrekvens,2026-W48,Socialtjänst,,91,100,\n"           /* 11: twice */
                    "Svarsfrekvens,2026-W52\n");                               /* 12 */
  run (f, "measure", "import", bad, NULL);
  expect_status (f, 3);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpuint (count_error_lines (f), >=, 10);
  {
    const char *expected[] = {
      "bad.csv:3: column metric: ", "bad.csv:4: column group: ", "bad.csv:5: column period: ",
      "bad.csv:6: column value: ", "bad.csv:7: column numerator: ",
      "bad.csv:8: column value: ", "bad.csv:9: column value: ", "bad.csv:11: ", "bad.csv:12: ",
      "nothing was imported",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      expect_stderr (f, expected[i]);
    g_assert_null (strstr (f->err, "bad.csv:2:"));
    g_assert_null (strstr (f->err, "bad.csv:10:"));
  }
  expect_stderr (f, "Okänt mått");
  expect_stderr (f, "Månskensgruppen");
  expect_stderr (f, "2026-W61");
  expect_stderr (f, "nittio");
  after = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);
  after = series (f, "Svarsfrekvens", "--group", "Växel och allmänna frågor", NULL);
  g_assert_cmpuint (n_elements (after), ==, 1);

  /* "-" reads standard input, for a pipe from another program. */
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
      | G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_subprocess_launcher_set_environ (launcher, f->env);
    process = g_subprocess_launcher_spawn (launcher, &error, cli_path (), "--db", f->db,
                                           "measure", "import", "-", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process,
                                   "metric,period,group,value,numerator,denominator,"
                                   "respondents\n"
                                   "Svarsfrekvens,2026-W48,Okänd grupp,,90,100,\n",
                                   NULL, &out, &err, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 3);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "tavla-cli: <stdin>:2: column group: "));
  }

  /* A wrong header, a missing file, no file. */
  header = write_file (f, "header.csv", "mått,period,grupp,värde\nSvarsfrekvens,2026-W48,,90\n");
  run (f, "measure", "import", header, NULL);
  expect_status (f, 3);
  expect_stderr (f, "header.csv");
  g_assert_cmpuint (count_error_lines (f), >=, 1);
  missing = g_build_filename (f->tmpdir, "finns-inte.csv", NULL);
  run (f, "measure", "import", missing, NULL);
  expect_error (f, 3, "finns-inte.csv");
  run (f, "measure", "import", NULL);
  expect_error (f, 2, "usage: tavla-cli measure import");
  g_clear_pointer (&after, json_node_unref);
  after = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_true (json_node_equal (before, after));
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *point;

  seed_metrics (f);
  /* Two weeks of January 2026 (W01 holds Thursday 1 January): 90 of 100
   * and 10 of 20. The month is 100 of 120 = 83.3 %, not the mean 70 %. */
  measure_ratio (f, "Lösta i kundcenter", "2026-W01", NULL, "90", "100");
  measure_ratio (f, "Lösta i kundcenter", "2026-W02", NULL, "10", "20");
  /* 2026-W18 holds Thursday 30 April (T1); 2026-W19 Thursday 7 May (T2). */
  measure_ratio (f, "Lösta i kundcenter", "2026-W18", NULL, "70", "100");
  measure_ratio (f, "Lösta i kundcenter", "2026-W19", NULL, "40", "50");

  node = series (f, "Lösta i kundcenter", NULL);
  g_assert_cmpuint (n_elements (node), ==, 4);
  point = point_at (node, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "period"), ==, "2026-W01");
  assert_number (point, "value", 90);
  assert_number (point, "target", 70);
  g_assert_false (json_object_get_boolean_member (point, "deviation"));
  point = point_at (node, 1);
  assert_number (point, "value", 50);
  g_assert_true (json_object_get_boolean_member (point, "deviation"));
  g_assert_true (json_object_get_null_member (point, "respondents"));
  g_clear_pointer (&node, json_node_unref);

  node = series (f, "Lösta i kundcenter", "--rollup", "month", NULL);
  g_assert_cmpuint (n_elements (node), ==, 3);
  point = point_at (node, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "period"), ==, "2026-01");
  assert_number (point, "numerator", 100);
  assert_number (point, "denominator", 120);
  assert_number (point, "value", 100.0 / 120.0 * 100.0);
  g_assert_false (json_object_get_boolean_member (point, "deviation"));
  g_assert_cmpstr (json_object_get_string_member (point_at (node, 1), "period"), ==, "2026-04");
  g_assert_cmpstr (json_object_get_string_member (point_at (node, 2), "period"), ==, "2026-05");
  g_clear_pointer (&node, json_node_unref);

  node = series (f, "Lösta i kundcenter", "--rollup", "tertial", NULL);
  g_assert_cmpuint (n_elements (node), ==, 2);
  point = point_at (node, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "period"), ==, "2026-T1");
  assert_number (point, "numerator", 170);
  assert_number (point, "denominator", 220);
  point = point_at (node, 1);
  g_assert_cmpstr (json_object_get_string_member (point, "period"), ==, "2026-T2");
  assert_number (point, "value", 80);
  g_clear_pointer (&node, json_node_unref);

  node = series (f, "Lösta i kundcenter", "--rollup", "year", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  assert_number (point_at (node, 0), "value", 210.0 / 270.0 * 100.0);
  g_clear_pointer (&node, json_node_unref);

  /* --from and --to keep the periods whose Thursday lies inside. */
  node = series (f, "Lösta i kundcenter", "--from", "2026-W02", "--to", "2026-04", NULL);
  g_assert_cmpuint (n_elements (node), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (point_at (node, 0), "period"), ==, "2026-W02");
  g_assert_cmpstr (json_object_get_string_member (point_at (node, 1), "period"), ==, "2026-W18");
  g_clear_pointer (&node, json_node_unref);

  /* Groups roll up to overall by the sums, not the mean of the groups. */
  measure_ratio (f, "Svarsfrekvens", "2026-W10", "Socialtjänst", "90", "100");
  measure_ratio (f, "Svarsfrekvens", "2026-W10", "Växel och allmänna frågor", "300", "300");
  node = series (f, "Svarsfrekvens", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  assert_number (point_at (node, 0), "value", 390.0 / 400.0 * 100.0);
  g_assert_false (json_object_get_boolean_member (point_at (node, 0), "deviation"));
  g_clear_pointer (&node, json_node_unref);
  node = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_true (json_object_get_boolean_member (point_at (node, 0), "deviation"));
  g_clear_pointer (&node, json_node_unref);

  /* Scores weighted by respondents: (4.0 x 100 + 5.0 x 300) / 400 = 4.75,
   * not the mean 4.5; counts summed. */
  measure_value (f, "NKI bemötande", "2026-01", "4,0", "100");
  measure_value (f, "NKI bemötande", "2026-02", "5", "300");
  node = series (f, "NKI bemötande", "--rollup", "tertial", NULL);
  assert_number (point_at (node, 0), "value", 4.75);
  g_assert_cmpint (json_object_get_int_member (point_at (node, 0), "respondents"), ==, 400);
  g_assert_false (json_object_get_boolean_member (point_at (node, 0), "deviation"));
  g_clear_pointer (&node, json_node_unref);
  measure_value (f, "Överlämnade ärenden", "2026-01", "30", NULL);
  measure_value (f, "Överlämnade ärenden", "2026-02", "25", NULL);
  node = series (f, "Överlämnade ärenden", "--rollup", "tertial", NULL);
  assert_number (point_at (node, 0), "value", 55);
  /* Lower is better: 55 is above the target of 50. */
  g_assert_true (json_object_get_boolean_member (point_at (node, 0), "deviation"));
  g_clear_pointer (&node, json_node_unref);

  /* Text for people: periods in words, values with the unit, markers. */
  run (f, "metric", "series", "Lösta i kundcenter", "--rollup", "month", NULL);
  expect_ok (f);
  expect_output (f, "Lösta i kundcenter, overall, by month; target at least 70.0 %");
  expect_output (f, "January 2026");
  expect_output (f, "83.3 %");
  expect_output (f, "100 / 120");
  run (f, "metric", "series", "Lösta i kundcenter", NULL);
  expect_ok (f);
  expect_output (f, "w. 2 2026");
  expect_output (f, "▼ deviation");
  run (f, "metric", "series", "Överlämnade ärenden", "--rollup", "tertial", NULL);
  expect_ok (f);
  expect_output (f, "▲ deviation");
  run (f, "metric", "series", "Lösta i kundcenter", "--from", "2030-W01", NULL);
  expect_ok (f);
  expect_output (f, "No figures");
  run (f, "metric", "series", "Lösta i kundcenter", "--from", "2030-W01", "--json", NULL);
  expect_ok (f);
  g_assert_cmpstr (g_strstrip (f->out), ==, "[]");

  /* Refused. */
  run (f, "metric", "series", "Okänt mått", NULL);
  expect_error (f, 3, "Okänt mått");
  run (f, "metric", "series", "Lösta i kundcenter", "--rollup", "quarter", NULL);
  expect_error (f, 3, "quarter");
  run (f, "metric", "series", "NKI bemötande", "--rollup", "week", NULL);
  expect_error (f, 3, "week");
  run (f, "metric", "series", "Lösta i kundcenter", "--from", "2026-W99", NULL);
  expect_error (f, 3, "2026-W99");
  run (f, "metric", "series", "Lösta i kundcenter", "--group", "Socialtjänst", NULL);
  expect_error (f, 3, "group");
  run (f, "metric", "series", "Svarsfrekvens", "--group", "Månskensgruppen", NULL);
  expect_error (f, 3, "Månskensgruppen");
  run (f, "metric", "series", NULL);
  expect_error (f, 2, "usage: tavla-cli metric series");
}

static void
test_deviations (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *deviation;

  seed_metrics (f);
  measure_ratio (f, "Svarsfrekvens", "2026-W47", "Socialtjänst", "88", "100");     /* below */
  measure_ratio (f, "Svarsfrekvens", "2026-W47", "Växel och allmänna frågor", "95", "100");
  measure_ratio (f, "Svarsfrekvens", "2026-W48", "Socialtjänst", "90", "100");     /* below */
  measure_value (f, "Överlämnade ärenden", "2026-11", "61", NULL);                  /* above */
  measure_value (f, "Överlämnade ärenden", "2026-10", "50", NULL);                  /* at */
  measure_value (f, "NKI bemötande", "2026-11", "4,3", "90");                       /* at */

  node = deviations (f, NULL);
  g_assert_cmpuint (n_elements (node), ==, 3);
  g_clear_pointer (&node, json_node_unref);
  node = deviations (f, "--metric", "Svarsfrekvens", NULL);
  g_assert_cmpuint (n_elements (node), ==, 2);
  deviation = point_at (node, 0);
  g_assert_cmpstr (json_object_get_string_member (deviation, "metric"), ==, "Svarsfrekvens");
  g_assert_cmpstr (json_object_get_string_member (deviation, "period"), ==, "2026-W47");
  g_assert_cmpstr (json_object_get_string_member (deviation, "group"), ==, "Socialtjänst");
  assert_number (deviation, "value", 88);
  assert_number (deviation, "target", 95);
  g_assert_true (json_object_get_null_member (deviation, "cause"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (deviation, "items")),
                    ==, 0);
  g_clear_pointer (&node, json_node_unref);

  /* Lower is better: above the target is the deviation. */
  node = deviations (f, "--metric", "Överlämnade ärenden", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  deviation = point_at (node, 0);
  g_assert_cmpstr (json_object_get_string_member (deviation, "period"), ==, "2026-11");
  g_assert_true (json_object_get_null_member (deviation, "group"));
  assert_number (deviation, "value", 61);
  g_clear_pointer (&node, json_node_unref);

  /* Filters: one week, a month holds its weeks, a range, a group. */
  node = deviations (f, "--period", "2026-W48", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  node = deviations (f, "--period", "2026-11", NULL);
  g_assert_cmpuint (n_elements (node), ==, 3);
  g_clear_pointer (&node, json_node_unref);
  node = deviations (f, "--from", "2026-W48", "--to", "2026-W52", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  node = deviations (f, "--group", "Växel och allmänna frågor", NULL);
  g_assert_cmpuint (n_elements (node), ==, 0);
  g_clear_pointer (&node, json_node_unref);

  /* A correction back on target takes the deviation away. */
  measure_ratio (f, "Svarsfrekvens", "2026-W48", "Socialtjänst", "97", "100");
  node = deviations (f, "--period", "2026-W48", NULL);
  g_assert_cmpuint (n_elements (node), ==, 0);

  run (f, "deviations", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out, "ID"));
  expect_output (f, "w. 47 2026");
  expect_output (f, "88.0 % ▼");
  expect_output (f, "at least 95.0 %");
  expect_output (f, "November 2026");
  expect_output (f, "2 deviations");
  run (f, "deviations", "--period", "2030-W01", NULL);
  expect_ok (f);
  expect_output (f, "No deviations match.");

  run (f, "deviations", "--period", "2026-W47", "--from", "2026-W40", NULL);
  expect_error (f, 2, "--period");
  run (f, "deviations", "--period", "vecka 47", NULL);
  expect_error (f, 3, "vecka 47");
  run (f, "deviations", "--metric", "Okänt mått", NULL);
  expect_error (f, 3, "Okänt mått");
  run (f, "deviations", "--group", "Månskensgruppen", NULL);
  expect_error (f, 3, "Månskensgruppen");
  run (f, "deviations", "extra", NULL);
  expect_error (f, 2, "extra");
}

static gint64
first_deviation (Fixture *f)
{
  g_autoptr(JsonNode) node = deviations (f, NULL);

  g_assert_cmpuint (n_elements (node), >=, 1);
  return json_object_get_int_member (point_at (node, 0), "id");
}

static void
test_deviation_explain (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *id = NULL;
  JsonObject *deviation;

  seed_metrics (f);
  measure_ratio (f, "Svarsfrekvens", "2026-W47", "Socialtjänst", "88", "100");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, first_deviation (f));

  node = run_json (f, "deviation", "explain", id, "--cause", "Korttidsfrånvaro, två sjuka",
                   "--json", NULL);
  deviation = json_node_get_object (node);
  assert_keys (deviation, deviation_keys);
  g_assert_cmpstr (json_object_get_string_member (deviation, "cause"), ==,
                   "Korttidsfrånvaro, två sjuka");
  listed = deviations (f, NULL);
  g_assert_true (json_node_equal (json_array_get_element (json_node_get_array (listed), 0),
                                  node));

  run (f, "deviation", "explain", id, "--cause", "Bemanning under semestern", NULL);
  expect_ok (f);
  expect_output (f, "Deviation #");
  expect_output (f, "Bemanning under semestern");
  run (f, "deviations", NULL);
  expect_ok (f);
  expect_output (f, "Bemanning under semestern");

  run (f, "deviation", "explain", "999", "--cause", "Kampanj", NULL);
  expect_error (f, 4, "999");
  run (f, "deviation", "explain", "tre", "--cause", "Kampanj", NULL);
  expect_error (f, 3, "tre");
  run (f, "deviation", "explain", id, "--cause", "   ", NULL);
  expect_error (f, 3, "cause");
  run (f, "deviation", "explain", id, NULL);
  expect_error (f, 2, "--cause");
  run (f, "deviation", "explain", "--cause", "Kampanj", NULL);
  expect_error (f, 2, NULL);
  g_clear_pointer (&listed, json_node_unref);
  listed = deviations (f, NULL);
  g_assert_cmpstr (json_object_get_string_member (point_at (listed, 0), "cause"), ==,
                   "Bemanning under semestern");
}

static gboolean
has_link (JsonNode   *item,
          const char *kind,
          gint64      target_id)
{
  JsonArray *links = json_object_get_array_member (json_node_get_object (item), "links");

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);

      assert_keys (link, (const char *[]) { "kind", "target_id", "label", NULL });
      if (g_strcmp0 (json_object_get_string_member (link, "kind"), kind) == 0
          && (target_id == 0 || json_object_get_int_member (link, "target_id") == target_id))
        return TRUE;
    }

  return FALSE;
}

static void
test_deviation_act (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *id = NULL;
  gint64 deviation_id;
  gint64 item_id;

  seed_board (f);
  seed_metrics (f);
  measure_ratio (f, "Svarsfrekvens", "2026-W47", "Socialtjänst", "88", "100");
  deviation_id = first_deviation (f);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, deviation_id);

  item = run_json (f, "deviation", "act", id, "--title", "Fler i telefon måndag förmiddag",
                   "--owner", "Åsa Öberg", "--due", "2026-12-18",
                   "--description", "Schemalägg två extra", "--json", NULL);
  assert_item_shape (json_node_get_object (item), TRUE);
  item_id = json_object_get_int_member (json_node_get_object (item), "id");
  g_assert_cmpstr (item_string (item, "source"), ==, "deviation");
  g_assert_cmpstr (item_string (item, "owner"), ==, "Åsa Öberg");
  g_assert_cmpstr (item_string (item, "due"), ==, "2026-12-18");
  g_assert_cmpstr (item_string (item, "status"), ==, "new");
  g_assert_true (has_link (item, "deviation", deviation_id));
  g_assert_true (has_link (item, "metric", 1));

  /* What act printed is what show prints, and the deviation lists it. */
  shown = show_item (f, item_id);
  g_assert_true (json_node_equal (shown, item));
  listed = deviations (f, NULL);
  {
    JsonArray *items = json_object_get_array_member (point_at (listed, 0), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_array_get_int_element (items, 0), ==, item_id);
  }

  run (f, "deviation", "act", id, "--title", "Uppföljning på veckomötet", NULL);
  expect_ok (f);
  expect_output (f, "Proposal #2: Uppföljning på veckomötet");
  expect_output (f, "Deviation");

  /* Refused by the item rules, writing nothing. */
  run (f, "deviation", "act", id, "--title", "", NULL);
  expect_error (f, 3, "title");
  run (f, "deviation", "act", id, "--title", "Okänd ägare", "--owner", "Ingen Alls", NULL);
  expect_error (f, 3, "Ingen Alls");
  run (f, "deviation", "act", id, "--title", "Fel datum", "--due", "2026-13-01", NULL);
  expect_error (f, 3, "2026-13-01");
  run (f, "deviation", "act", "999", "--title", "Finns inte", NULL);
  expect_error (f, 4, "999");
  run (f, "deviation", "act", id, NULL);
  expect_error (f, 2, "--title");
  g_assert_cmpuint (count_items (f), ==, 2);
  g_clear_pointer (&listed, json_node_unref);
  listed = deviations (f, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (point_at (listed, 0),
                                                                         "items")), ==, 2);
}

static void
test_item_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed_metrics (f);
  add_item (f, "Bättre svarsmallar");

  item = run_json (f, "item", "link", "1", "--metric", "Lösta i kundcenter", "--json", NULL);
  assert_item_shape (json_node_get_object (item), TRUE);
  g_assert_true (has_link (item, "metric", 2));
  {
    JsonArray *links = json_object_get_array_member (json_node_get_object (item), "links");
    JsonObject *link = json_array_get_object_element (links, 0);

    g_assert_cmpstr (json_object_get_string_member (link, "label"), ==, "Lösta i kundcenter");
  }

  /* Linking again is no change. */
  before = show_item_raw (f, 1);
  again = run_json (f, "item", "link", "1", "--metric", "Lösta i kundcenter", "--json", NULL);
  after = show_item_raw (f, 1);
  g_assert_cmpstr (after, ==, before);

  run (f, "item", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Links");
  expect_output (f, "Lösta i kundcenter");

  expect_refused (f, "Okänt mått", "item", "link", "1", "--metric", "Okänt mått", NULL);
  run (f, "item", "link", "999", "--metric", "Lösta i kundcenter", NULL);
  expect_error (f, 4, "999");
  run (f, "item", "link", "1", NULL);
  expect_error (f, 2, "--metric");
  run (f, "item", "link", "--metric", "Lösta i kundcenter", NULL);
  expect_error (f, 2, NULL);
}

static void
test_item_effect (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *effect;

  seed_board (f);
  seed_metrics (f);

  /* Four weeks before today at 80 %, two after at 95 %: the effect uses
   * two each side, the latest before and the earliest after. */
  for (int i = 4; i >= 1; i--)
    {
      g_autofree char *week = week_from_today (-7 * i);

      measure_ratio (f, "Lösta i kundcenter", week, NULL, "80", "100");
    }
  for (int i = 1; i <= 2; i++)
    {
      g_autofree char *week = week_from_today (7 * i);

      measure_ratio (f, "Lösta i kundcenter", week, NULL, "95", "100");
    }

  add_item (f, "Ärendeguide i e-tjänsten");
  add_item (f, "Utan nyckeltal");

  /* Not linked: no effect to show. */
  node = run_json (f, "item", "effect", "2", "--json", NULL);
  g_assert_cmpuint (n_elements (node), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  run (f, "item", "effect", "2", NULL);
  expect_ok (f);
  expect_output (f, "tavla-cli item link 2 --metric NAME");

  run (f, "item", "link", "1", "--metric", "Lösta i kundcenter", NULL);
  expect_ok (f);
  run (f, "item", "update", "1", "--owner", "Kalle Ek", "--due", "2026-12-31",
       "--status", "in-progress", NULL);
  expect_ok (f);

  /* Started, not done: the before side only. */
  node = run_json (f, "item", "effect", "1", "--json", NULL);
  g_assert_cmpuint (n_elements (node), ==, 1);
  effect = point_at (node, 0);
  assert_keys (effect, effect_keys);
  g_assert_true (json_object_get_null_member (effect, "done"));
  g_assert_true (json_object_get_null_member (effect, "value_after"));
  g_assert_true (json_object_get_null_member (effect, "change"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (effect, "after")),
                    ==, 0);
  assert_number (effect, "value_before", 80);
  g_clear_pointer (&node, json_node_unref);
  run (f, "item", "effect", "1", NULL);
  expect_ok (f);
  expect_output (f, "Proposal #1: Ärendeguide i e-tjänsten");
  expect_output (f, "not done yet");

  run (f, "item", "update", "1", "--status", "done", "--note", "Guiden är publicerad", NULL);
  expect_ok (f);
  node = run_json (f, "item", "effect", "1", "--json", NULL);
  effect = point_at (node, 0);
  assert_keys (effect, effect_keys);
  g_assert_cmpstr (json_object_get_string_member (effect, "metric"), ==, "Lösta i kundcenter");
  g_assert_cmpstr (json_object_get_string_member (effect, "unit"), ==, "percent");
  g_assert_cmpstr (json_object_get_string_member (effect, "period"), ==, "week");
  g_assert_false (json_object_get_null_member (effect, "done"));
  {
    JsonArray *before = json_object_get_array_member (effect, "before");
    JsonArray *after = json_object_get_array_member (effect, "after");
    g_autofree char *last_before = week_from_today (-7);
    g_autofree char *first_after = week_from_today (7);

    g_assert_cmpuint (json_array_get_length (before), ==, 2);
    g_assert_cmpuint (json_array_get_length (after), ==, 2);
    assert_keys (json_array_get_object_element (before, 0), point_keys);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (before, 1),
                                                    "period"), ==, last_before);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (after, 0),
                                                    "period"), ==, first_after);
  }
  assert_number (effect, "value_before", 80);
  assert_number (effect, "value_after", 95);
  assert_number (effect, "change", 15);
  g_assert_true (json_object_get_boolean_member (effect, "improved"));
  g_clear_pointer (&node, json_node_unref);

  run (f, "item", "effect", "1", NULL);
  expect_ok (f);
  expect_output (f, "Lösta i kundcenter");
  expect_output (f, "Before");
  expect_output (f, "After");
  expect_output (f, "95.0 %");

  /* One period each side: the last week before, the first after. */
  node = run_json (f, "item", "effect", "1", "--periods", "1", "--json", NULL);
  effect = point_at (node, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (effect, "before")),
                    ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (effect, "after")),
                    ==, 1);
  g_clear_pointer (&node, json_node_unref);
  run (f, "item", "effect", "1", "--periods", "0", NULL);
  expect_error (f, 3, "--periods");
  run (f, "item", "effect", "1", "--periods", "fyra", NULL);
  expect_error (f, 3, "fyra");

  run (f, "item", "effect", "999", NULL);
  expect_error (f, 4, "999");
  run (f, "item", "effect", "ett", NULL);
  expect_error (f, 3, "ett");
  run (f, "item", "effect", NULL);
  expect_error (f, 2, NULL);
}

/* A database from a newer Tavla is read, never written: every write
 * command is a storage error and changes nothing. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *id = NULL;
  sqlite3 *db = NULL;

  seed_metrics (f);
  add_item (f, "Befintligt förslag");
  measure_ratio (f, "Svarsfrekvens", "2026-W47", "Socialtjänst", "88", "100");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, first_deviation (f));
  csv = write_file (f, "rows.csv",
                    "metric,period,group,value,numerator,denominator,respondents\n"
                    "Svarsfrekvens,2026-W48,Socialtjänst,,90,100,\n");
  before = deviations (f, NULL);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  run (f, "group", "add", "Ny grupp", NULL);
  expect_error (f, 5, NULL);
  run (f, "metric", "add", "--name", "Nytt", "--unit", "count", "--direction", "lower",
       "--target", "1", NULL);
  expect_error (f, 5, NULL);
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2026-W48",
       "--group", "Socialtjänst", "--value", "90", NULL);
  expect_error (f, 5, NULL);
  run (f, "measure", "import", csv, NULL);
  expect_status (f, 5);
  run (f, "deviation", "explain", id, "--cause", "Kampanj", NULL);
  expect_error (f, 5, NULL);
  run (f, "deviation", "act", id, "--title", "Nytt förslag", NULL);
  expect_error (f, 5, NULL);
  run (f, "item", "link", "1", "--metric", "Svarsfrekvens", NULL);
  expect_error (f, 5, NULL);

  /* Reading still works, and shows that nothing changed. */
  after = deviations (f, NULL);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);
  after = series (f, "Svarsfrekvens", "--group", "Socialtjänst", NULL);
  g_assert_cmpuint (n_elements (after), ==, 1);
  g_assert_cmpuint (count_items (f), ==, 1);
  run (f, "group", "list", "--json", NULL);
  expect_ok (f);
  g_assert_null (strstr (f->out, "Ny grupp"));
}

/* Names and causes come back exactly as written, and text for people
 * never passes control characters to the terminal. */
static void
test_metrics_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  const char *hostile[] = {
    "Svarsgrupp \"citat\" och 'enkla' – åäö",
    "a; DROP TABLE measurement; --",
    "%s %n %x %%",
    "rad ett\nrad två\ttabb",
    "färg \x1b[31mröd\x1b[0m",
    "=SUMMA(A1:A2)",
    NULL,
  };

  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autoptr(JsonNode) group = NULL;
      g_autoptr(JsonNode) metric = NULL;
      g_autoptr(JsonNode) explained = NULL;
      g_autoptr(JsonNode) listed = NULL;
      g_autofree char *group_name = g_strdup_printf ("%s %u", hostile[i], i);
      g_autofree char *metric_name = g_strdup_printf ("Mått %s %u", hostile[i], i);
      g_autofree char *period = g_strdup_printf ("2026-W%02u", i + 1);
      g_autofree char *id = NULL;

      group = run_json (f, "group", "add", group_name, "--json", NULL);
      g_assert_cmpstr (item_string (group, "name"), ==, group_name);
      metric = run_json (f, "metric", "add", "--name", metric_name, "--unit", "percent",
                         "--direction", "higher", "--target", "95", "--per-group",
                         "--description", hostile[i], "--json", NULL);
      g_assert_cmpstr (item_string (metric, "name"), ==, metric_name);
      g_assert_cmpstr (item_string (metric, "description"), ==, hostile[i]);
      measure_ratio (f, metric_name, period, group_name, "50", "100");

      listed = deviations (f, "--metric", metric_name, "--group", group_name, NULL);
      g_assert_cmpuint (n_elements (listed), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (point_at (listed, 0), "group"), ==,
                       group_name);
      id = g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member (point_at (listed, 0), "id"));
      explained = run_json (f, "deviation", "explain", id, "--cause", hostile[i], "--json", NULL);
      g_assert_cmpstr (item_string (explained, "cause"), ==, hostile[i]);

      run (f, "deviations", NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
      g_assert_null (strchr (f->out, '\t'));
      run (f, "metric", "list", NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
      run (f, "metric", "series", metric_name, "--group", group_name, NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
      run (f, "deviation", "explain", id, "--cause", hostile[i], NULL);
      expect_ok (f);
      g_assert_null (strchr (f->out, '\x1b'));
    }
}

/* Swedish users read Swedish periods and decimal commas in text, while
 * JSON keeps machine periods and decimal points. */
static void
test_swedish (Fixture       *f,
              gconstpointer  data)
{
  const char *builddir = g_getenv ("TAVLA_TEST_BUILDDIR");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_auto(GStrv) env = NULL;
  gboolean have_locale;

  localedir = g_build_filename (builddir != NULL ? builddir : ".", "po", NULL);
  mo = g_build_filename (localedir, "sv", "LC_MESSAGES", "tavla.mo", NULL);
  have_locale = setlocale (LC_ALL, "sv_SE.UTF-8") != NULL;
  setlocale (LC_ALL, "C.UTF-8");
  if (!have_locale || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("CI must test the Swedish CLI, but %s",
                 have_locale ? "the catalogue po/sv/LC_MESSAGES/tavla.mo was not built"
                             : "the locale sv_SE.UTF-8 is missing (locale-gen it)");
      g_test_skip (have_locale ? "po/sv/LC_MESSAGES/tavla.mo was not built"
                               : "the locale sv_SE.UTF-8 is missing");
      return;
    }

  env = g_environ_unsetenv (g_strdupv (f->env), "LC_ALL");
  env = g_environ_setenv (env, "LANG", "sv_SE.UTF-8", TRUE);
  env = g_environ_setenv (env, "TAVLA_LOCALEDIR", localedir, TRUE);

  seed_metrics (f);
  measure_ratio (f, "Lösta i kundcenter", "2026-W01", NULL, "90", "100");
  measure_ratio (f, "Lösta i kundcenter", "2026-W02", NULL, "10", "20");

  /* A decimal comma in and out. */
  run_env (f, env, "--db", f->db, "measure", "add", "--metric", "NKI bemötande",
           "--period", "2026-01", "--value", "4,25", "--respondents", "80", NULL);
  expect_ok (f);
  expect_output (f, "4,25");

  run_env (f, env, "--db", f->db, "metric", "series", "Lösta i kundcenter",
           "--rollup", "month", NULL);
  expect_ok (f);
  expect_output (f, "januari 2026");
  expect_output (f, "83,3 %");
  run_env (f, env, "--db", f->db, "metric", "series", "Lösta i kundcenter", NULL);
  expect_ok (f);
  expect_output (f, "v. 2 2026");
  g_assert_null (strstr (f->out, " deviation"));
  run_env (f, env, "--db", f->db, "--json", "metric", "series", "Lösta i kundcenter",
           "--rollup", "month", NULL);
  expect_ok (f);
  expect_output (f, "\"period\" : \"2026-01\"");
  expect_output (f, "\"denominator\" : 120.0");

  run_env (f, env, "--db", f->db, "deviations", NULL);
  expect_ok (f);
  expect_output (f, "50,0 %");
  g_assert_null (strstr (f->out, "deviations"));
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
  ADD ("/cli/group", test_group);
  ADD ("/cli/metric/add", test_metric_add);
  ADD ("/cli/measure/add", test_measure_add);
  ADD ("/cli/measure/import", test_measure_import);
  ADD ("/cli/metric/series", test_series);
  ADD ("/cli/deviations", test_deviations);
  ADD ("/cli/deviation/explain", test_deviation_explain);
  ADD ("/cli/deviation/act", test_deviation_act);
  ADD ("/cli/item/link", test_item_link);
  ADD ("/cli/item/effect", test_item_effect);
  ADD ("/cli/metrics-swedish", test_swedish);
  ADD ("/cli/metrics-read-only", test_read_only);
  ADD ("/cli/metrics-round-trip", test_metrics_round_trip);
#undef ADD

  return g_test_run ();
}
