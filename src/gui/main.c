/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tavla-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TavlaApplication) app = NULL;
  const char *localedir = g_getenv ("TAVLA_LOCALEDIR");

  /* TAVLA_LOCALEDIR lets an uninstalled build find its translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tavla_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
