/* SPDX-License-Identifier: EUPL-1.2 */
/* Running tavla-cli in a test and checking what it printed. */
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-test-common.h"

static const char *item_keys[] = {
  "id", "title", "description", "status", "mark", "owner", "due", "department",
  "source", "strategic", "created", "updated", NULL,
};

static const char *history_keys[] = { "at", "actor", "field", "old", "new", "note", "meeting", NULL };

const char *
cli_path (void)
{
  const char *path = g_getenv ("TAVLA_CLI");

  if (path == NULL || *path == '\0')
    g_error ("TAVLA_CLI is not set; run the cli suite with “meson test --suite cli”");

  return path;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  g_autofree char *state = NULL;

  f->tmpdir = g_dir_make_tmp ("tavla-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->tmpdir, "board.db", NULL);
  xdg = g_build_filename (f->tmpdir, "xdg", NULL);
  state = g_build_filename (f->tmpdir, "state", NULL);

  /* A predictable user: English messages, a known actor, a home of its
   * own so the default database never touches the real one. */
  f->env = g_get_environ ();
  f->env = g_environ_unsetenv (f->env, "TAVLA_DB");
  f->env = g_environ_unsetenv (f->env, "LANGUAGE");
  f->env = g_environ_unsetenv (f->env, "LANG");
  f->env = g_environ_setenv (f->env, "LC_ALL", "C.UTF-8", TRUE);
  f->env = g_environ_setenv (f->env, "TAVLA_USER", "Testaren", TRUE);
  f->env = g_environ_setenv (f->env, "XDG_DATA_HOME", xdg, TRUE);
  f->env = g_environ_setenv (f->env, "HOME", f->tmpdir, TRUE);
  f->env = g_environ_setenv (f->env, "XDG_STATE_HOME", state, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->db);
  g_strfreev (f->env);
  g_free (f->out);
  g_free (f->err);
  g_free (f->command);
}

/* Runs tavla-cli with @args (no --db added) in @env. */
int
run_argv (Fixture            *f,
          char              **env,
          const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->command, g_free);
  f->command = g_strjoinv ("” “", (char **) argv->pdata + 1);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("“%s” did not exit normally (wait status %d)\nstderr: %s",
             f->command, wait_status, f->err);

  f->status = WEXITSTATUS (wait_status);
  return f->status;
}

static int
run_args_va (Fixture    *f,
             char      **env,
             gboolean    with_db,
             const char *first,
             va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (with_db)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, f->db);
    }
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  return run_argv (f, env, (const char * const *) argv->pdata);
}

/* Runs `tavla-cli --db DB ARGS…`; the list ends with NULL. */
int
run (Fixture    *f,
     const char *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_args_va (f, f->env, TRUE, first, args);
  va_end (args);

  return status;
}

/* Runs `tavla-cli ARGS…` without --db, in @env. */
int
run_env (Fixture    *f,
         char      **env,
         const char *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_args_va (f, env, FALSE, first, args);
  va_end (args);

  return status;
}

void
expect_status (Fixture *f,
               int      expected)
{
  if (f->status != expected)
    g_error ("“%s” exited %d, expected %d\nstdout: %s\nstderr: %s",
             f->command, f->status, expected, f->out, f->err);
}

void
expect_ok (Fixture *f)
{
  expect_status (f, 0);
}

/* An error as DESIGN.md promises: the status, nothing on stdout, and one
 * line on stderr that starts with "tavla-cli: " and mentions @fragment
 * (compared without case; NULL to skip). */
void
expect_error (Fixture    *f,
              int         expected,
              const char *fragment)
{
  const char *newline;

  expect_status (f, expected);
  if (*f->out != '\0')
    g_error ("“%s” failed but printed on stdout: %s", f->command, f->out);
  if (!g_str_has_prefix (f->err, "tavla-cli: "))
    g_error ("“%s”: the error does not start with “tavla-cli: ”: %s", f->command, f->err);
  newline = strchr (f->err, '\n');
  if (newline == NULL || newline[1] != '\0')
    g_error ("“%s”: the error is not exactly one line: %s", f->command, f->err);

  if (fragment != NULL)
    {
      g_autofree char *err = g_utf8_casefold (f->err, -1);
      g_autofree char *want = g_utf8_casefold (fragment, -1);

      if (strstr (err, want) == NULL)
        g_error ("“%s”: the error does not mention “%s”: %s", f->command, fragment, f->err);
    }
}

/* The last run printed @text on stdout. */
void
expect_output (Fixture    *f,
               const char *text)
{
  if (strstr (f->out, text) == NULL)
    g_error ("“%s” did not print “%s”; it printed:\n%s", f->command, text, f->out);
}

JsonNode *
parse_json (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, f->out, -1, &error))
    g_error ("“%s” printed invalid JSON (%s):\n%s", f->command, error->message, f->out);

  return json_node_copy (json_parser_get_root (parser));
}

/* Runs a command that must succeed and print JSON. */
JsonNode *
run_json (Fixture    *f,
          const char *first,
          ...)
{
  va_list args;

  va_start (args, first);
  run_args_va (f, f->env, TRUE, first, args);
  va_end (args);
  expect_ok (f);

  return parse_json (f);
}

void
assert_keys (JsonObject  *object,
             const char **keys)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n_keys = g_strv_length ((char **) keys);

  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      g_error ("JSON object lacks the key “%s”", keys[i]);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      g_error ("JSON object has the unexpected key “%s”", (const char *) l->data);
  g_assert_cmpuint (g_list_length (members), ==, n_keys);
}

static gboolean
is_iso_date (const char *text)
{
  return g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0);
}

static gboolean
is_timestamp (const char *text)
{
  return g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}", text,
                               0, 0);
}

static void
assert_string_or_null (JsonObject *object,
                       const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” is neither a string nor null", key);
}

/* The item object of DESIGN.md, with the right types. */
void
assert_item_shape (JsonObject *item,
                   gboolean    full)
{
  const char **keys = item_keys;
  g_autoptr(GPtrArray) full_keys = NULL;

  if (full)
    {
      full_keys = g_ptr_array_new ();
      for (guint i = 0; item_keys[i] != NULL; i++)
        g_ptr_array_add (full_keys, (char *) item_keys[i]);
      g_ptr_array_add (full_keys, (char *) "history");
      g_ptr_array_add (full_keys, (char *) "links");
      g_ptr_array_add (full_keys, NULL);
      keys = (const char **) full_keys->pdata;
    }
  assert_keys (item, keys);

  g_assert_cmpint (json_node_get_value_type (json_object_get_member (item, "id")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (item, "id"), >, 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (item, "strategic")), ==,
                   G_TYPE_BOOLEAN);
  g_assert_nonnull (json_object_get_string_member (item, "title"));
  g_assert_true (g_strv_contains ((const char * const[]) { "new", "in-progress", "done",
                                                           "parked", "rejected", NULL },
                                  json_object_get_string_member (item, "status")));
  g_assert_true (g_strv_contains ((const char * const[]) { "weekly", "deviation", "feedback",
                                                           "audit", "agreement", "other",
                                                           NULL },
                                  json_object_get_string_member (item, "source")));
  for (guint i = 0; item_keys[i] != NULL; i++)
    if (!g_str_equal (item_keys[i], "id") && !g_str_equal (item_keys[i], "strategic"))
      assert_string_or_null (item, item_keys[i]);
  if (!json_object_get_null_member (item, "mark"))
    g_assert_true (g_strv_contains ((const char * const[]) { "on-track", "at-risk",
                                                             "off-track", NULL },
                                    json_object_get_string_member (item, "mark")));
  if (!json_object_get_null_member (item, "due"))
    g_assert_true (is_iso_date (json_object_get_string_member (item, "due")));
  g_assert_true (is_timestamp (json_object_get_string_member (item, "created")));
  g_assert_true (is_timestamp (json_object_get_string_member (item, "updated")));

  if (full)
    {
      JsonArray *history = json_object_get_array_member (item, "history");
      JsonArray *links = json_object_get_array_member (item, "links");

      g_assert_nonnull (links);
      g_assert_nonnull (history);
      g_assert_cmpuint (json_array_get_length (history), >=, 1);
      for (guint i = 0; i < json_array_get_length (history); i++)
        {
          JsonObject *entry = json_array_get_object_element (history, i);

          assert_keys (entry, history_keys);
          for (guint k = 0; history_keys[k] != NULL; k++)
            assert_string_or_null (entry, history_keys[k]);
          g_assert_true (is_timestamp (json_object_get_string_member (entry, "at")));
        }
    }
}

/* `item show ID --json` as an object (the caller frees the node). */
JsonNode *
show_item (Fixture *f,
           gint64   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return run_json (f, "item", "show", id_text, "--json", NULL);
}

/* The exact bytes `item show ID --json` prints, to compare before and after. */
char *
show_item_raw (Fixture *f,
                gint64   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  run (f, "item", "show", id_text, "--json", NULL);
  expect_ok (f);

  return g_strdup (f->out);
}

guint
count_items (Fixture *f)
{
  g_autoptr(JsonNode) list = run_json (f, "item", "list", "--json", NULL);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  return json_array_get_length (json_node_get_array (list));
}

gint64
add_item (Fixture    *f,
          const char *title)
{
  g_autoptr(JsonNode) node = run_json (f, "item", "add", "--title", title, "--json", NULL);

  return json_object_get_int_member (json_node_get_object (node), "id");
}

/* A board with one person, one department and item 1 in progress. */
void
seed_board (Fixture *f)
{
  run (f, "person", "add", "Åsa Öberg", "--role", "Kommunvägledare", NULL);
  expect_ok (f);
  run (f, "person", "add", "Kalle Ek", NULL);
  expect_ok (f);
  run (f, "department", "add", "Socialförvaltningen", "--code", "SOC", NULL);
  expect_ok (f);
  run (f, "department", "add", "Samhällsbyggnadsförvaltningen", "--code", "SBF", NULL);
  expect_ok (f);
}

/* Runs an update that the rules must refuse, and checks that the item and
 * its history are byte for byte what they were. */
void
expect_refused (Fixture    *f,
                const char *fragment,
                const char *first,
                ...)
{
  g_autofree char *before = show_item_raw (f, 1);
  g_autofree char *after = NULL;
  va_list args;

  va_start (args, first);
  run_args_va (f, f->env, TRUE, first, args);
  va_end (args);
  expect_error (f, 3, fragment);

  after = show_item_raw (f, 1);
  g_assert_cmpstr (after, ==, before);
}

const char *
item_string (JsonNode   *node,
             const char *key)
{
  JsonObject *object = json_node_get_object (node);

  if (json_object_get_null_member (object, key))
    return NULL;

  return json_object_get_string_member (object, key);
}

/* Runs `item list --json ARGS…` and returns the IDs as a bit set. */
guint
list_ids (Fixture    *f,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items;
  guint ids = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (char *) "item");
  g_ptr_array_add (argv, (char *) "list");
  g_ptr_array_add (argv, (char *) "--json");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_argv (f, f->env, (const char * const *) argv->pdata);
  expect_ok (f);
  node = parse_json (f);
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      assert_item_shape (item, FALSE);
      ids |= 1u << json_object_get_int_member (item, "id");
    }

  return ids;
}

guint
ids_of (const int *ids)
{
  guint set = 0;

  for (guint i = 0; ids[i] != 0; i++)
    set |= 1u << ids[i];

  return set;
}
