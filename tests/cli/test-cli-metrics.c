/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for metrics (issue 3): response groups, metrics,
 * measurements and their import, series and roll-ups. Each test runs the
 * built tavla-cli on a fresh database and checks what a user would see:
 * the exit status, the error line, the JSON shape and the numbers.
 */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <gio/gio.h>

#include "cli-test-metrics.h"

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
  /* Lower is better, at most 50 a month: two months may hold 100. */
  assert_number (point_at (node, 0), "target", 100);
  g_assert_false (json_object_get_boolean_member (point_at (node, 0), "deviation"));
  g_clear_pointer (&node, json_node_unref);
  measure_value (f, "Överlämnade ärenden", "2026-03", "100", NULL);
  node = series (f, "Överlämnade ärenden", "--rollup", "tertial", NULL);
  /* 155 cases in three months against 150. */
  assert_number (point_at (node, 0), "value", 155);
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
  ADD ("/cli/metrics-swedish", test_swedish);
#undef ADD

  return g_test_run ();
}
