/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "test-common.h"
#include "tavla-snapshot-model.h"

/* GTK's testsuite style: the model as a string, and every items-changed
 * as "position-removed+added". */

static gint64
person_id (gpointer person)
{
  return tavla_person_get_id (person);
}

static gboolean
person_same (gpointer a,
             gpointer b)
{
  return g_strcmp0 (tavla_person_get_name (a), tavla_person_get_name (b)) == 0;
}

/* "1:a 2:b" -> people with those ids and names. */
static GPtrArray *
parse (const char *spec)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*words[i] == '\0')
        continue;
      parts = g_strsplit (words[i], ":", 2);
      g_ptr_array_add (people, tavla_person_new (g_ascii_strtoll (parts[0], NULL, 10),
                                                 parts[1], NULL, NULL, TRUE));
    }

  return people;
}

static char *
dump (GListModel *model)
{
  GString *text = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%s", i > 0 ? " " : "",
                              tavla_person_get_id (person), tavla_person_get_name (person));
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  TavlaSnapshotModel *model;
  ChangeRecorder      recorder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->model = tavla_snapshot_model_new (TAVLA_TYPE_PERSON, person_id, person_same);
  change_recorder_start (&fixture->recorder, G_LIST_MODEL (fixture->model));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  change_recorder_stop (&fixture->recorder);
  g_assert_finalize_object (fixture->model);
}

/* Updates the model to @spec and checks the result and the signals. */
static void
step (Fixture    *fixture,
      const char *spec,
      gboolean    expect_changed,
      const char *expected_log)
{
  g_autoptr(GPtrArray) people = parse (spec);
  g_autofree char *shown = NULL;
  g_autofree char *log = NULL;

  g_assert_cmpint (tavla_snapshot_model_update (fixture->model, people), ==, expect_changed);
  shown = dump (G_LIST_MODEL (fixture->model));
  log = change_recorder_take (&fixture->recorder);
  g_assert_cmpstr (shown, ==, spec);
  g_assert_cmpstr (log, ==, expected_log);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  step (fixture, "1:a 2:b 3:c", TRUE, "0-0+3");
  step (fixture, "1:a 2:b 3:c", FALSE, "");
  step (fixture, "1:a 2:B 3:c", TRUE, "1-1+1");
  step (fixture, "1:A 2:B 3:C", TRUE, "0-1+1 2-1+1");
  step (fixture, "1:A 2:B 3:C 4:d 5:e", TRUE, "3-0+2");
  step (fixture, "1:A 3:C 4:d 5:e", TRUE, "1-1+0");
  step (fixture, "1:A 3:C 6:f 7:g", TRUE, "2-2+2");
  step (fixture, "0:z 1:A 3:C 6:f 7:g", TRUE, "0-0+1");
  step (fixture, "", TRUE, "0-5+0");
}

static void
test_upsert_and_lookup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TavlaPerson) b = tavla_person_new (2, "b", NULL, NULL, TRUE);
  g_autoptr(TavlaPerson) d = tavla_person_new (4, "d", NULL, NULL, TRUE);
  g_autoptr(TavlaPerson) c = tavla_person_new (3, "c", NULL, NULL, TRUE);
  g_autoptr(TavlaPerson) c2 = tavla_person_new (3, "C", NULL, NULL, TRUE);
  g_autofree char *log = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (tavla_snapshot_model_upsert (fixture->model, b));
  g_assert_true (tavla_snapshot_model_upsert (fixture->model, d));
  g_assert_true (tavla_snapshot_model_upsert (fixture->model, c));
  g_assert_false (tavla_snapshot_model_upsert (fixture->model, c));
  g_assert_true (tavla_snapshot_model_upsert (fixture->model, c2));
  log = change_recorder_take (&fixture->recorder);
  g_assert_cmpstr (log, ==, "0-0+1 1-0+1 1-0+1 1-1+1");
  shown = dump (G_LIST_MODEL (fixture->model));
  g_assert_cmpstr (shown, ==, "2:b 3:C 4:d");

  g_assert_true (tavla_snapshot_model_lookup (fixture->model, 3) == (gpointer) c2);
  g_assert_null (tavla_snapshot_model_lookup (fixture->model, 5));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), 3));
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add ("/model/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/model/upsert-and-lookup", Fixture, NULL, fixture_set_up, test_upsert_and_lookup,
              fixture_tear_down);

  return g_test_run ();
}
