/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ui-test-utils.h"

static char *test_home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  /* The tests never touch the real user's data, settings or backups. */
  test_home = g_dir_make_tmp ("tavla-ui-home-XXXXXX", NULL);
  g_assert_nonnull (test_home);
  for (guint i = 0; i < 4; i++)
    {
      const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
      const char *names[] = { "data", "config", "cache", "state" };
      g_autofree char *dir = g_build_filename (test_home, names[i], NULL);

      g_setenv (vars[i], dir, TRUE);
    }

  /* English source strings, so asserted texts do not depend on the host. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TAVLA_USER", "Testaren", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The app's style.css (AdwApplication loads it; the tests have none), so
   * cards have the sizes users see. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/tavla/Tavla/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* Revealers and stacks then switch at once instead of over frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Runs everything pending (layout, list rows, idle handlers) so that a
 * test sees what a user would see after the frame. */
void
ui_test_iterate (void)
{
  for (guint i = 0; i < 10; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* The first GtkLabel below @root that shows exactly @text, or NULL. */
GtkWidget *
ui_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Visible on screen: the widget and all its ancestors are shown. */
gboolean
ui_test_is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget);
}

char *
ui_test_make_db_path (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tavla-ui-XXXXXX", &error);

  g_assert_no_error (error);
  *out_dir = dir;
  return g_build_filename (dir, "tavla.db", NULL);
}

void
ui_test_remove_dir (const char *dir)
{
  remove_tree (dir);
}

/* Runs the tests, then removes the temporary home. */
int
ui_test_run (void)
{
  int status = g_test_run ();

  remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);
  return status;
}
