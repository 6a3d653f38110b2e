/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-person.h"

struct _TavlaPerson
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  char     *role;
  char     *email;
  gboolean  active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaPerson, tavla_person, G_TYPE_OBJECT)

static void
tavla_person_finalize (GObject *object)
{
  TavlaPerson *self = (TavlaPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (tavla_person_parent_class)->finalize (object);
}

static void
tavla_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TavlaPerson *self = TAVLA_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_person_class_init (TavlaPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tavla_person_finalize;
  object_class->get_property = tavla_person_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_person_init (TavlaPerson *self)
{
  self->active = TRUE;
}

TavlaPerson *
tavla_person_new (gint64      id,
                  const char *name,
                  const char *role,
                  const char *email,
                  gboolean    active)
{
  TavlaPerson *self = g_object_new (TAVLA_TYPE_PERSON, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->role = g_strdup (role);
  self->email = g_strdup (email);
  self->active = !!active;

  return self;
}

gint64
tavla_person_get_id (TavlaPerson *self)
{
  g_return_val_if_fail (TAVLA_IS_PERSON (self), 0);

  return self->id;
}

const char *
tavla_person_get_name (TavlaPerson *self)
{
  g_return_val_if_fail (TAVLA_IS_PERSON (self), NULL);

  return self->name;
}

const char *
tavla_person_get_role (TavlaPerson *self)
{
  g_return_val_if_fail (TAVLA_IS_PERSON (self), NULL);

  return self->role;
}

const char *
tavla_person_get_email (TavlaPerson *self)
{
  g_return_val_if_fail (TAVLA_IS_PERSON (self), NULL);

  return self->email;
}

gboolean
tavla_person_get_active (TavlaPerson *self)
{
  g_return_val_if_fail (TAVLA_IS_PERSON (self), FALSE);

  return self->active;
}
