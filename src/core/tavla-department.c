/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-department.h"

struct _TavlaDepartment
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *code;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaDepartment, tavla_department, G_TYPE_OBJECT)

static void
tavla_department_finalize (GObject *object)
{
  TavlaDepartment *self = (TavlaDepartment *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (tavla_department_parent_class)->finalize (object);
}

static void
tavla_department_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TavlaDepartment *self = TAVLA_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_department_class_init (TavlaDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tavla_department_finalize;
  object_class->get_property = tavla_department_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_department_init (TavlaDepartment *self)
{
}

TavlaDepartment *
tavla_department_new (gint64      id,
                      const char *name,
                      const char *code)
{
  TavlaDepartment *self = g_object_new (TAVLA_TYPE_DEPARTMENT, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->code = g_strdup (code);

  return self;
}

gint64
tavla_department_get_id (TavlaDepartment *self)
{
  g_return_val_if_fail (TAVLA_IS_DEPARTMENT (self), 0);

  return self->id;
}

const char *
tavla_department_get_name (TavlaDepartment *self)
{
  g_return_val_if_fail (TAVLA_IS_DEPARTMENT (self), NULL);

  return self->name;
}

const char *
tavla_department_get_code (TavlaDepartment *self)
{
  g_return_val_if_fail (TAVLA_IS_DEPARTMENT (self), NULL);

  return self->code;
}
