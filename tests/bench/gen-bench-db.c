/* SPDX-License-Identifier: EUPL-1.2 */

/* Makes the benchmark database: 10,000 items with 100,000 history rows,
 * 40 people and 6 departments. The schema comes from the real store
 * (tavla_board_open); the rows are bulk-inserted in one transaction, since
 * going through the rules row by row would measure the generator, not
 * Tavla. Usage: gen-bench-db PATH [N_ITEMS] [HISTORY_PER_ITEM] */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <tavla/tavla.h>

static const char *statuses[] = { "new", "in-progress", "parked", "done", "rejected" };
static const int status_weights[] = { 12, 20, 5, 55, 8 };
static const char *marks[] = { "on-track", "at-risk", "off-track" };
static const char *words[] = {
  "svarsfrekvens", "kunskapsbank", "checklista", "bemötande", "e-tjänst",
  "parkeringstillstånd", "färdtjänst", "skolval", "bygglov", "faktura",
  "återkoppling", "telefonkö", "webbplats", "synpunkter", "avgifter",
  "tillgänglighet", "rutin", "mall", "utbildning", "statistik",
};

static void
check (int rc, sqlite3 *db, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "gen-bench-db: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static const char *
pick_status (GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (r < status_weights[i])
        return statuses[i];
      r -= status_weights[i];
    }
  return "new";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  int n_items = argc > 2 ? atoi (argv[2]) : 10000;
  int per_item = argc > 3 ? atoi (argv[3]) : 10;
  sqlite3 *db = NULL;
  sqlite3_stmt *person = NULL, *dept = NULL, *item = NULL, *hist = NULL;
  gint64 change_id = 1;

  if (argc < 2 || argv[1][0] == '-')
    {
      fprintf (stderr, "usage: gen-bench-db PATH [N_ITEMS] [HISTORY_PER_ITEM]\n");
      return 2;
    }

  board = tavla_board_open (argv[1], &error);
  if (board == NULL)
    {
      fprintf (stderr, "gen-bench-db: %s\n", error->message);
      return 1;
    }
  g_clear_object (&board);

  check (sqlite3_open (argv[1], &db), db, "open");
  check (sqlite3_exec (db, "PRAGMA foreign_keys=ON; BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
  check (sqlite3_prepare_v2 (db, "INSERT INTO person (name, role, email, created, updated) "
                                 "VALUES (?1, 'Kommunvägledare', NULL, '2021-01-04T08:00:00Z', "
                                 "'2021-01-04T08:00:00Z')", -1, &person, NULL), db, "person");
  check (sqlite3_prepare_v2 (db, "INSERT INTO department (name, code, created, updated) "
                                 "VALUES (?1, ?2, '2021-01-04T08:00:00Z', '2021-01-04T08:00:00Z')",
                             -1, &dept, NULL), db, "department");
  check (sqlite3_prepare_v2 (db, "INSERT INTO item (title, description, owner_id, due, "
                                 "department_id, source, strategic, status, mark, created, updated) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, 'weekly', ?6, ?7, ?8, ?9, ?9)",
                             -1, &item, NULL), db, "item");
  check (sqlite3_prepare_v2 (db, "INSERT INTO history (change_id, object_kind, object_id, at, "
                                 "actor, field, old_value, new_value, note) "
                                 "VALUES (?1, 'item', ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             -1, &hist, NULL), db, "history");

  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02d Lindqvist", i);

      sqlite3_bind_text (person, 1, name, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (person), db, "insert person");
      sqlite3_reset (person);
    }
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Förvaltning %d", i);
      g_autofree char *code = g_strdup_printf ("F%d", i);

      sqlite3_bind_text (dept, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (dept, 2, code, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (dept), db, "insert department");
      sqlite3_reset (dept);
    }

  for (int i = 1; i <= n_items; i++)
    {
      const char *status = pick_status (rand);
      g_autofree char *title = g_strdup_printf ("Förbättra %s och %s nr %d",
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      g_autofree char *due = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 22, 28),
                                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autofree char *created = g_strdup_printf ("2022-%02d-%02dT08:00:00Z",
                                                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      gboolean has_owner = !g_str_equal (status, "new") || g_rand_boolean (rand);
      gint64 item_id;

      sqlite3_bind_text (item, 1, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 2, "Beskrivning av förslaget från veckomötet.", -1, SQLITE_STATIC);
      if (has_owner)
        sqlite3_bind_int (item, 3, g_rand_int_range (rand, 1, 41));
      else
        sqlite3_bind_null (item, 3);
      if (has_owner)
        sqlite3_bind_text (item, 4, due, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (item, 4);
      sqlite3_bind_int (item, 5, g_rand_int_range (rand, 1, 7));
      sqlite3_bind_int (item, 6, g_rand_int_range (rand, 0, 10) == 0);
      sqlite3_bind_text (item, 7, status, -1, SQLITE_STATIC);
      if (g_str_equal (status, "in-progress"))
        sqlite3_bind_text (item, 8, marks[g_rand_int_range (rand, 0, 3)], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (item, 8);
      sqlite3_bind_text (item, 9, created, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (item), db, "insert item");
      sqlite3_reset (item);
      item_id = sqlite3_last_insert_rowid (db);

      for (int h = 0; h < per_item; h++)
        {
          const char *field = h == 0 ? "created" : (h % 2 == 0 ? "mark" : "status");
          const char *new_value = h == 0 ? NULL : (h % 2 == 0 ? marks[h % 3] : "in-progress");

          sqlite3_bind_int64 (hist, 1, change_id++);
          sqlite3_bind_int64 (hist, 2, item_id);
          sqlite3_bind_text (hist, 3, created, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (hist, 4, "Person 01 Lindqvist", -1, SQLITE_STATIC);
          sqlite3_bind_text (hist, 5, field, -1, SQLITE_STATIC);
          sqlite3_bind_null (hist, 6);
          if (new_value != NULL)
            sqlite3_bind_text (hist, 7, new_value, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (hist, 7);
          sqlite3_bind_text (hist, 8, "Statusmarkerat på veckomötet", -1, SQLITE_STATIC);
          check (sqlite3_step (hist), db, "insert history");
          sqlite3_reset (hist);
        }
    }

  sqlite3_finalize (person);
  sqlite3_finalize (dept);
  sqlite3_finalize (item);
  sqlite3_finalize (hist);
  check (sqlite3_exec (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), db, "commit");
  sqlite3_close (db);
  printf ("%s: %d items, %d history rows\n", argv[1], n_items, n_items * per_item);
  return 0;
}
