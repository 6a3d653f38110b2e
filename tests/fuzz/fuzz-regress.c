/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * Runs a fuzz target on every file of the folders it is given (the seed
 * corpus and the crashes found so far), so that the normal test suite,
 * built with gcc, keeps every input that once crashed as a regression
 * test. Prints "N inputs" and fails on the first crash like libFuzzer.
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static guint
run_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;
  guint n_inputs = 0;

  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-regress: no folder %s\n", path);
      exit (1);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_str_has_suffix (file, "README") || !g_file_get_contents (file, &data, &length, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
      n_inputs++;
    }

  return n_inputs;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  g_setenv ("LANGUAGE", "C", TRUE);
  for (int i = 1; i < argc; i++)
    n += run_folder (argv[i]);

  printf ("%u inputs, 0 crashes\n", n);
  return n > 0 ? 0 : 1;
}
