/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-gui-settings.h"
#include "tavla-preferences-window.h"

struct _TavlaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *person_row;
  AdwActionRow         *database_row;

  /* Owned references */
  TavlaBoard           *board;
  GSettings            *settings;
  GtkStringList        *people;

  guint                 filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaPreferencesWindow, tavla_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_database_row (TavlaPreferencesWindow *self)
{
  g_autofree char *fallback = tavla_default_database_path ();
  const char *path = self->board != NULL ? tavla_board_get_path (self->board) : fallback;
  g_autofree char *escaped = g_markup_escape_text (path, -1);

  /* Row subtitles are markup; a path may hold '&'. */
  adw_action_row_set_subtitle (self->database_row, escaped);
}

static void
reload_people (TavlaPreferencesWindow *self)
{
  GListModel *model = self->board != NULL ? tavla_board_get_people (self->board) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *current = NULL;
  guint selected = 0;

  self->filling = TRUE;
  gtk_string_list_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)), NULL);
  gtk_string_list_append (self->people, _("Not chosen"));

  if (self->settings != NULL)
    current = g_settings_get_string (self->settings, "current-person");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (model, i);

      gtk_string_list_append (self->people, tavla_person_get_name (person));
      if (g_strcmp0 (current, tavla_person_get_name (person)) == 0)
        selected = i + 1;
    }

  /* Someone chosen on another board stays chosen even if not listed here. */
  if (selected == 0 && current != NULL && current[0] != '\0')
    {
      gtk_string_list_append (self->people, current);
      selected = n + 1;
    }

  adw_combo_row_set_selected (self->person_row, selected);
  self->filling = FALSE;
}

static void
on_person_selected (TavlaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);
  const char *name = NULL;

  if (self->filling || self->settings == NULL)
    return;

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    name = gtk_string_list_get_string (self->people, selected);
  g_settings_set_string (self->settings, "current-person", name != NULL ? name : "");
}

static void
tavla_preferences_window_dispose (GObject *object)
{
  TavlaPreferencesWindow *self = (TavlaPreferencesWindow *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->settings);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (tavla_preferences_window_parent_class)->dispose (object);
}

static void
tavla_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TavlaPreferencesWindow *self = TAVLA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TavlaPreferencesWindow *self = TAVLA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      reload_people (self);
      update_database_row (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_preferences_window_class_init (TavlaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_preferences_window_dispose;
  object_class->get_property = tavla_preferences_window_get_property;
  object_class->set_property = tavla_preferences_window_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, person_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected);
}

static void
tavla_preferences_window_init (TavlaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tavla_gui_settings_new ();
  self->people = gtk_string_list_new (NULL);
  self->filling = TRUE;
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (self->people));
  self->filling = FALSE;
  reload_people (self);
  update_database_row (self);
}

GtkWidget *
tavla_preferences_window_new (GtkWindow  *parent,
                              TavlaBoard *board)
{
  /* The application makes the window's "Choose…" reach app.open-database. */
  return g_object_new (TAVLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "board", board,
                       NULL);
}
