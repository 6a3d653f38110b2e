/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-deviation.h"
#include "tavla-period.h"

struct _TavlaDeviation
{
  GObject         parent_instance;

  gint64          id;
  gint64          version;
  gint64          metric_id;
  char           *metric;
  TavlaUnit       unit;
  TavlaDirection  direction;
  char           *period;
  char           *group;
  double          value;
  double          target;
  char           *cause;
  gboolean        resolved;
  gint64         *items;
  guint           n_items;
  char           *created;
  char           *updated;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_METRIC_ID,
  PROP_METRIC,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_PERIOD,
  PROP_GROUP,
  PROP_VALUE,
  PROP_TARGET,
  PROP_CAUSE,
  PROP_RESOLVED,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaDeviation, tavla_deviation, G_TYPE_OBJECT)

static void
tavla_deviation_finalize (GObject *object)
{
  TavlaDeviation *self = (TavlaDeviation *) object;

  g_clear_pointer (&self->metric, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->cause, g_free);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (tavla_deviation_parent_class)->finalize (object);
}

static void
tavla_deviation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TavlaDeviation *self = TAVLA_DEVIATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_METRIC_ID:
      g_value_set_int64 (value, self->metric_id);
      break;
    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_CAUSE:
      g_value_set_string (value, self->cause);
      break;
    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_deviation_class_init (TavlaDeviationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_deviation_finalize;
  object_class->get_property = tavla_deviation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_METRIC_ID] = g_param_spec_int64 ("metric-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_METRIC] = g_param_spec_string ("metric", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, TAVLA_TYPE_UNIT,
                                             TAVLA_UNIT_PERCENT, flags);
  properties[PROP_DIRECTION] = g_param_spec_enum ("direction", NULL, NULL, TAVLA_TYPE_DIRECTION,
                                                  TAVLA_DIRECTION_HIGHER, flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                0.0, flags);
  properties[PROP_TARGET] = g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                 0.0, flags);
  properties[PROP_CAUSE] = g_param_spec_string ("cause", NULL, NULL, NULL, flags);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_deviation_init (TavlaDeviation *self)
{
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

TavlaDeviation *
tavla_deviation_new (const TavlaDeviationFields *fields)
{
  TavlaDeviation *self = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (TAVLA_TYPE_DEVIATION, NULL);
  self->id = fields->id;
  self->version = fields->version;
  self->metric_id = fields->metric_id;
  self->metric = g_strdup (fields->metric != NULL ? fields->metric : "");
  self->unit = fields->unit;
  self->direction = fields->direction;
  self->period = g_strdup (fields->period != NULL ? fields->period : "");
  self->group = fields->group != NULL && *fields->group != '\0' ? g_strdup (fields->group) : NULL;
  self->value = fields->value;
  self->target = fields->target;
  self->cause = fields->cause != NULL && *fields->cause != '\0' ? g_strdup (fields->cause) : NULL;
  self->resolved = !!fields->resolved;
  self->n_items = fields->items != NULL ? fields->n_items : 0;
  self->items = self->n_items > 0 ? g_memdup2 (fields->items, sizeof (gint64) * self->n_items) : NULL;
  if (self->n_items > 1)
    qsort (self->items, self->n_items, sizeof (gint64), compare_ids);
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);

  return self;
}

gint64
tavla_deviation_get_id (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), 0);
  return self->id;
}

gint64
tavla_deviation_get_version (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), 0);
  return self->version;
}

gint64
tavla_deviation_get_metric_id (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), 0);
  return self->metric_id;
}

const char *
tavla_deviation_get_metric (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->metric;
}

TavlaUnit
tavla_deviation_get_unit (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), TAVLA_UNIT_PERCENT);
  return self->unit;
}

TavlaDirection
tavla_deviation_get_direction (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), TAVLA_DIRECTION_HIGHER);
  return self->direction;
}

const char *
tavla_deviation_get_period (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->period;
}

const char *
tavla_deviation_get_group (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->group;
}

double
tavla_deviation_get_value (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), 0.0);
  return self->value;
}

double
tavla_deviation_get_target (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), 0.0);
  return self->target;
}

const char *
tavla_deviation_get_cause (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->cause;
}

gboolean
tavla_deviation_get_resolved (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), FALSE);
  return self->resolved;
}

const char *
tavla_deviation_get_created (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->created;
}

const char *
tavla_deviation_get_updated (TavlaDeviation *self)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);
  return self->updated;
}

const gint64 *
tavla_deviation_get_items (TavlaDeviation *self,
                           guint          *out_n_items)
{
  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);

  if (out_n_items != NULL)
    *out_n_items = self->n_items;

  return self->items;
}

char *
tavla_deviation_dup_summary (TavlaDeviation *self)
{
  g_autofree char *period = NULL;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (TAVLA_IS_DEVIATION (self), NULL);

  period = tavla_period_display_text (self->period);
  value = tavla_unit_format_value (self->unit, self->value);
  target = tavla_unit_format_value (self->unit, self->target);

  if (self->group != NULL)
    /* Translators: metric, value, period, response group, target:
     * "Svarsfrekvens 91,2 % v. 47 2026 (Socialtjänst), mål 95,0 %". */
    return g_strdup_printf (_("%s %s in %s (%s), target %s"),
                            self->metric, value, period, self->group, target);

  /* Translators: metric, value, period, target. */
  return g_strdup_printf (_("%s %s in %s, target %s"), self->metric, value, period, target);
}
