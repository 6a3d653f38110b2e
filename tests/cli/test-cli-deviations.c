/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for deviations (issue 3): listing them, their causes, the
 * proposals made from them, proposals linked to metrics and their effect,
 * a read-only database and hostile names. Each test runs the built
 * tavla-cli on a fresh database and checks what a user would see.
 */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <sqlite3.h>

#include "cli-test-metrics.h"

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
  /* A bad --period is named as the period, not as a range's start. */
  run (f, "deviations", "--period", "2026-T4", NULL);
  expect_error (f, 3, "Period: “2026-T4” is not a tertial");
  run (f, "deviations", "--from", "2026-T4", NULL);
  expect_error (f, 3, "From: “2026-T4”");
  run (f, "deviations", "--metric", "Okänt mått", NULL);
  expect_error (f, 3, "Okänt mått");
  run (f, "deviations", "--group", "Månskensgruppen", NULL);
  expect_error (f, 3, "Månskensgruppen");
  run (f, "deviations", "extra", NULL);
  expect_error (f, 2, "extra");
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
  ADD ("/cli/deviations", test_deviations);
  ADD ("/cli/deviation/explain", test_deviation_explain);
  ADD ("/cli/deviation/act", test_deviation_act);
  ADD ("/cli/item/link", test_item_link);
  ADD ("/cli/item/effect", test_item_effect);
  ADD ("/cli/metrics-read-only", test_read_only);
  ADD ("/cli/metrics-round-trip", test_metrics_round_trip);
#undef ADD

  return g_test_run ();
}
