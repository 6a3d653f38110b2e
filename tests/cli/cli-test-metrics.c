/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared fixtures and checks of the metrics and deviations cli tests. */
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-metrics.h"

const char *group_keys[] = { "id", "name", "active", NULL };
const char *metric_keys[] = {
  "id", "name", "description", "unit", "direction", "target", "period", "per_group",
  "active", NULL,
};
const char *measurement_keys[] = {
  "id", "metric", "period", "group", "value", "numerator", "denominator", "respondents",
  "target", "deviation", "outcome", "created", "updated", NULL,
};
const char *point_keys[] = {
  "period", "value", "target", "deviation", "numerator", "denominator", "respondents", NULL,
};
const char *deviation_keys[] = {
  "id", "metric", "period", "group", "value", "target", "cause", "items", NULL,
};
const char *effect_keys[] = {
  "metric", "unit", "direction", "period", "target", "started", "done", "before", "after",
  "value_before", "value_after", "change", "improved", NULL,
};
const char *import_keys[] = {
  "file", "rows", "added", "corrected", "unchanged", "written", NULL,
};

/* Two groups and four metrics:
 * Svarsfrekvens: percent, higher, 95, weekly, per group;
 * Lösta i kundcenter: percent, higher, 70, weekly, whole centre;
 * NKI bemötande: score, higher, 4.3, monthly;
 * Överlämnade ärenden: count, lower, 50, monthly. */
void
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

void
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

void
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

void
assert_number (JsonObject *object,
               const char *key,
               double      expected)
{
  double actual = number (object, key);

  if (fabs (actual - expected) > 1e-9)
    g_error ("“%s” is %.12g, expected %.12g", key, actual, expected);
}

/* The series as JSON, every point checked for its shape. */
JsonNode *
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

JsonObject *
point_at (JsonNode *node,
          guint     index)
{
  return json_array_get_object_element (json_node_get_array (node), index);
}

guint
n_elements (JsonNode *node)
{
  return json_array_get_length (json_node_get_array (node));
}

/* Deviations as JSON, each checked for its shape. */
JsonNode *
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

char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The ISO week @days from today, as "2026-W47". */
char *
week_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%G-W%V");
}

/* Every line of stderr is an error line of its own. */
guint
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

void
expect_stderr (Fixture    *f,
               const char *text)
{
  if (strstr (f->err, text) == NULL)
    g_error ("“%s” did not say “%s” on stderr; it said:\n%s", f->command, text, f->err);
}

gint64
first_deviation (Fixture *f)
{
  g_autoptr(JsonNode) node = deviations (f, NULL);

  g_assert_cmpuint (n_elements (node), >=, 1);
  return json_object_get_int_member (point_at (node, 0), "id");
}

gboolean
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
