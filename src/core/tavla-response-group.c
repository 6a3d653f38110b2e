/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-response-group.h"

struct _TavlaResponseGroup
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  gboolean  active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaResponseGroup, tavla_response_group, G_TYPE_OBJECT)

static void
tavla_response_group_finalize (GObject *object)
{
  TavlaResponseGroup *self = (TavlaResponseGroup *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tavla_response_group_parent_class)->finalize (object);
}

static void
tavla_response_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TavlaResponseGroup *self = TAVLA_RESPONSE_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_response_group_class_init (TavlaResponseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_response_group_finalize;
  object_class->get_property = tavla_response_group_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_response_group_init (TavlaResponseGroup *self)
{
}

TavlaResponseGroup *
tavla_response_group_new (gint64      id,
                          const char *name,
                          gboolean    active)
{
  TavlaResponseGroup *self = g_object_new (TAVLA_TYPE_RESPONSE_GROUP, NULL);

  self->id = id;
  self->name = g_strdup (name != NULL ? name : "");
  self->active = !!active;

  return self;
}

gint64
tavla_response_group_get_id (TavlaResponseGroup *self)
{
  g_return_val_if_fail (TAVLA_IS_RESPONSE_GROUP (self), 0);
  return self->id;
}

const char *
tavla_response_group_get_name (TavlaResponseGroup *self)
{
  g_return_val_if_fail (TAVLA_IS_RESPONSE_GROUP (self), NULL);
  return self->name;
}

gboolean
tavla_response_group_get_active (TavlaResponseGroup *self)
{
  g_return_val_if_fail (TAVLA_IS_RESPONSE_GROUP (self), FALSE);
  return self->active;
}
