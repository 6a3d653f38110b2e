/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-metric.h"
#include "tavla-enum-private.h"

static const GEnumValue unit_values[] = {
  { TAVLA_UNIT_PERCENT, "TAVLA_UNIT_PERCENT", "percent" },
  { TAVLA_UNIT_SCORE, "TAVLA_UNIT_SCORE", "score" },
  { TAVLA_UNIT_COUNT, "TAVLA_UNIT_COUNT", "count" },
  { 0, NULL, NULL }
};

static const GEnumValue direction_values[] = {
  { TAVLA_DIRECTION_HIGHER, "TAVLA_DIRECTION_HIGHER", "higher" },
  { TAVLA_DIRECTION_LOWER, "TAVLA_DIRECTION_LOWER", "lower" },
  { 0, NULL, NULL }
};

GType
tavla_unit_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaUnit", unit_values);
}

GType
tavla_direction_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaDirection", direction_values);
}

const char *
tavla_unit_to_string (TavlaUnit unit)
{
  g_return_val_if_fail ((guint) unit < TAVLA_N_UNITS, NULL);

  return unit_values[unit].value_nick;
}

gboolean
tavla_unit_from_string (const char *text,
                        TavlaUnit  *out_unit)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (unit_values, text, &value))
    return FALSE;

  if (out_unit != NULL)
    *out_unit = (TavlaUnit) value;

  return TRUE;
}

const char *
tavla_direction_to_string (TavlaDirection direction)
{
  g_return_val_if_fail ((guint) direction < TAVLA_N_DIRECTIONS, NULL);

  return direction_values[direction].value_nick;
}

gboolean
tavla_direction_from_string (const char     *text,
                             TavlaDirection *out_direction)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (direction_values, text, &value))
    return FALSE;

  if (out_direction != NULL)
    *out_direction = (TavlaDirection) value;

  return TRUE;
}

const char *
tavla_unit_get_label (TavlaUnit unit)
{
  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      return C_("unit", "Percent");
    case TAVLA_UNIT_SCORE:
      return C_("unit", "Score (1-5)");
    case TAVLA_UNIT_COUNT:
      return C_("unit", "Count");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_direction_get_label (TavlaDirection direction)
{
  switch (direction)
    {
    case TAVLA_DIRECTION_HIGHER:
      return C_("direction", "Higher is better");
    case TAVLA_DIRECTION_LOWER:
      return C_("direction", "Lower is better");
    default:
      g_return_val_if_reached (NULL);
    }
}

struct _TavlaMetric
{
  GObject          parent_instance;

  gint64           id;
  gint64           version;
  char            *name;
  char            *description;
  TavlaUnit        unit;
  TavlaDirection   direction;
  double           target;
  TavlaPeriodKind  period;
  gboolean         per_group;
  gboolean         active;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_TARGET,
  PROP_PERIOD,
  PROP_PER_GROUP,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaMetric, tavla_metric, G_TYPE_OBJECT)

static void
tavla_metric_finalize (GObject *object)
{
  TavlaMetric *self = (TavlaMetric *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (tavla_metric_parent_class)->finalize (object);
}

static void
tavla_metric_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TavlaMetric *self = TAVLA_METRIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_PERIOD:
      g_value_set_enum (value, self->period);
      break;
    case PROP_PER_GROUP:
      g_value_set_boolean (value, self->per_group);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_metric_class_init (TavlaMetricClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_metric_finalize;
  object_class->get_property = tavla_metric_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, TAVLA_TYPE_UNIT,
                                             TAVLA_UNIT_PERCENT, flags);
  properties[PROP_DIRECTION] = g_param_spec_enum ("direction", NULL, NULL, TAVLA_TYPE_DIRECTION,
                                                  TAVLA_DIRECTION_HIGHER, flags);
  properties[PROP_TARGET] = g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                 0.0, flags);
  properties[PROP_PERIOD] = g_param_spec_enum ("period", NULL, NULL, TAVLA_TYPE_PERIOD_KIND,
                                               TAVLA_PERIOD_WEEK, flags);
  properties[PROP_PER_GROUP] = g_param_spec_boolean ("per-group", NULL, NULL, FALSE, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_metric_init (TavlaMetric *self)
{
}

TavlaMetric *
tavla_metric_new (const TavlaMetricFields *fields)
{
  TavlaMetric *self = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (TAVLA_TYPE_METRIC, NULL);
  self->id = fields->id;
  self->version = fields->version;
  self->name = g_strdup (fields->name != NULL ? fields->name : "");
  self->description = fields->description != NULL && *fields->description != '\0'
                      ? g_strdup (fields->description) : NULL;
  self->unit = fields->unit;
  self->direction = fields->direction;
  self->target = fields->target;
  self->period = fields->period;
  self->per_group = !!fields->per_group;
  self->active = !!fields->active;

  return self;
}

gint64
tavla_metric_get_id (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), 0);
  return self->id;
}

gint64
tavla_metric_get_version (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), 0);
  return self->version;
}

const char *
tavla_metric_get_name (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), NULL);
  return self->name;
}

const char *
tavla_metric_get_description (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), NULL);
  return self->description;
}

TavlaUnit
tavla_metric_get_unit (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), TAVLA_UNIT_PERCENT);
  return self->unit;
}

TavlaDirection
tavla_metric_get_direction (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), TAVLA_DIRECTION_HIGHER);
  return self->direction;
}

double
tavla_metric_get_target (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), 0.0);
  return self->target;
}

TavlaPeriodKind
tavla_metric_get_period (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), TAVLA_PERIOD_WEEK);
  return self->period;
}

gboolean
tavla_metric_get_per_group (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), FALSE);
  return self->per_group;
}

gboolean
tavla_metric_get_active (TavlaMetric *self)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), FALSE);
  return self->active;
}

static int
unit_decimals (TavlaUnit unit)
{
  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      return 1;
    case TAVLA_UNIT_SCORE:
      return 2;
    case TAVLA_UNIT_COUNT:
    default:
      return 0;
    }
}

gboolean
tavla_metric_value_is_deviation (TavlaUnit       unit,
                                 TavlaDirection  direction,
                                 double          target,
                                 double          value)
{
  double scale = pow (10.0, unit_decimals (unit));
  double shown = round (value * scale) / scale;
  double epsilon = 0.5 / (scale * 1000.0);

  if (!isfinite (value))
    return FALSE;

  if (direction == TAVLA_DIRECTION_HIGHER)
    return shown < target - epsilon;

  return shown > target + epsilon;
}

gboolean
tavla_metric_is_deviation (TavlaMetric *self,
                           double       value)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), FALSE);

  return tavla_metric_value_is_deviation (self->unit, self->direction, self->target, value);
}

char *
tavla_unit_format_value (TavlaUnit unit,
                         double    value)
{
  switch (unit)
    {
    case TAVLA_UNIT_PERCENT:
      /* Translators: a percentage; Swedish writes "94,2 %". The number
       * already uses the locale's decimal sign. */
      return g_strdup_printf (_("%.1f %%"), value);
    case TAVLA_UNIT_SCORE:
      return g_strdup_printf ("%.2f", value);
    case TAVLA_UNIT_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

char *
tavla_metric_format_value (TavlaMetric *self,
                           double       value)
{
  g_return_val_if_fail (TAVLA_IS_METRIC (self), NULL);

  return tavla_unit_format_value (self->unit, value);
}

char *
tavla_metric_dup_target_label (TavlaMetric *self)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (TAVLA_IS_METRIC (self), NULL);

  target = tavla_unit_format_value (self->unit, self->target);
  if (self->direction == TAVLA_DIRECTION_HIGHER)
    return g_strdup_printf (_("Target: at least %s"), target);

  return g_strdup_printf (_("Target: at most %s"), target);
}

gboolean
tavla_parse_number (const char *text,
                    double     *out_value)
{
  g_autofree char *copy = NULL;
  const char *p = NULL;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  char *end = NULL;
  double value = 0.0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '-' || *p == '+')
    p++;

  for (char *c = (char *) p; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        {
          seen_digit = TRUE;
        }
      else if ((*c == '.' || *c == ',') && !seen_point)
        {
          seen_point = TRUE;
          *c = '.';
        }
      else
        {
          return FALSE;
        }
    }

  if (!seen_digit)
    return FALSE;

  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  if (out_value != NULL)
    *out_value = value;

  return TRUE;
}
