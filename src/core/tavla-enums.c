/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-enums.h"
#include "tavla-enum-private.h"

/* The nicks are the machine names stored in the database and used by the
 * CLI and JSON, so the GEnum tables double as the string tables. */
static const GEnumValue status_values[] = {
  { TAVLA_STATUS_NEW, "TAVLA_STATUS_NEW", "new" },
  { TAVLA_STATUS_IN_PROGRESS, "TAVLA_STATUS_IN_PROGRESS", "in-progress" },
  { TAVLA_STATUS_DONE, "TAVLA_STATUS_DONE", "done" },
  { TAVLA_STATUS_PARKED, "TAVLA_STATUS_PARKED", "parked" },
  { TAVLA_STATUS_REJECTED, "TAVLA_STATUS_REJECTED", "rejected" },
  { 0, NULL, NULL }
};

static const GEnumValue mark_values[] = {
  { TAVLA_MARK_NONE, "TAVLA_MARK_NONE", "none" },
  { TAVLA_MARK_ON_TRACK, "TAVLA_MARK_ON_TRACK", "on-track" },
  { TAVLA_MARK_AT_RISK, "TAVLA_MARK_AT_RISK", "at-risk" },
  { TAVLA_MARK_OFF_TRACK, "TAVLA_MARK_OFF_TRACK", "off-track" },
  { 0, NULL, NULL }
};

static const GEnumValue source_values[] = {
  { TAVLA_SOURCE_WEEKLY, "TAVLA_SOURCE_WEEKLY", "weekly" },
  { TAVLA_SOURCE_DEVIATION, "TAVLA_SOURCE_DEVIATION", "deviation" },
  { TAVLA_SOURCE_FEEDBACK, "TAVLA_SOURCE_FEEDBACK", "feedback" },
  { TAVLA_SOURCE_AUDIT, "TAVLA_SOURCE_AUDIT", "audit" },
  { TAVLA_SOURCE_AGREEMENT, "TAVLA_SOURCE_AGREEMENT", "agreement" },
  { TAVLA_SOURCE_OTHER, "TAVLA_SOURCE_OTHER", "other" },
  { 0, NULL, NULL }
};

GType
tavla_status_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaStatus", status_values);
}

GType
tavla_mark_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaMark", mark_values);
}

GType
tavla_source_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaSource", source_values);
}

GType
tavla_enum_register (gsize            *type_id,
                     const char       *name,
                     const GEnumValue *values)
{
  if (g_once_init_enter (type_id))
    g_once_init_leave (type_id, g_enum_register_static (g_intern_static_string (name), values));

  return *type_id;
}

gboolean
tavla_enum_lookup_nick (const GEnumValue *values,
                        const char       *text,
                        int              *out_value)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; values[i].value_nick != NULL; i++)
    {
      if (g_str_equal (values[i].value_nick, text))
        {
          *out_value = values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tavla_status_to_string (TavlaStatus status)
{
  g_return_val_if_fail ((guint) status < TAVLA_N_STATUSES, NULL);

  return status_values[status].value_nick;
}

gboolean
tavla_status_from_string (const char  *text,
                          TavlaStatus *out_status)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (status_values, text, &value))
    return FALSE;

  if (out_status != NULL)
    *out_status = (TavlaStatus) value;

  return TRUE;
}

/* The mark "none" is absent in the database and JSON, so its machine name
 * is NULL; "none" is still accepted as input (the CLI's --mark none). */
const char *
tavla_mark_to_string (TavlaMark mark)
{
  g_return_val_if_fail ((guint) mark < TAVLA_N_MARKS, NULL);

  if (mark == TAVLA_MARK_NONE)
    return NULL;

  return mark_values[mark].value_nick;
}

gboolean
tavla_mark_from_string (const char *text,
                        TavlaMark  *out_mark)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (mark_values, text, &value))
    return FALSE;

  if (out_mark != NULL)
    *out_mark = (TavlaMark) value;

  return TRUE;
}

const char *
tavla_source_to_string (TavlaSource source)
{
  g_return_val_if_fail ((guint) source < TAVLA_N_SOURCES, NULL);

  return source_values[source].value_nick;
}

gboolean
tavla_source_from_string (const char  *text,
                          TavlaSource *out_source)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (source_values, text, &value))
    return FALSE;

  if (out_source != NULL)
    *out_source = (TavlaSource) value;

  return TRUE;
}

const char *
tavla_status_get_label (TavlaStatus status)
{
  switch (status)
    {
    case TAVLA_STATUS_NEW:
      return C_("status", "New");
    case TAVLA_STATUS_IN_PROGRESS:
      return C_("status", "In progress");
    case TAVLA_STATUS_DONE:
      return C_("status", "Done");
    case TAVLA_STATUS_PARKED:
      return C_("status", "Parked");
    case TAVLA_STATUS_REJECTED:
      return C_("status", "Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_mark_get_label (TavlaMark mark)
{
  switch (mark)
    {
    case TAVLA_MARK_NONE:
      return C_("mark", "No mark");
    case TAVLA_MARK_ON_TRACK:
      return C_("mark", "On track");
    case TAVLA_MARK_AT_RISK:
      return C_("mark", "At risk");
    case TAVLA_MARK_OFF_TRACK:
      return C_("mark", "Off track");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_source_get_label (TavlaSource source)
{
  switch (source)
    {
    case TAVLA_SOURCE_WEEKLY:
      return C_("source", "Weekly meeting");
    case TAVLA_SOURCE_DEVIATION:
      return C_("source", "Deviation");
    case TAVLA_SOURCE_FEEDBACK:
      return C_("source", "Citizen feedback");
    case TAVLA_SOURCE_AUDIT:
      return C_("source", "Audit");
    case TAVLA_SOURCE_AGREEMENT:
      return C_("source", "Delivery agreement");
    case TAVLA_SOURCE_OTHER:
      return C_("source", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tavla_status_is_open (TavlaStatus status)
{
  return status == TAVLA_STATUS_NEW ||
         status == TAVLA_STATUS_IN_PROGRESS ||
         status == TAVLA_STATUS_PARKED;
}

gboolean
tavla_name_lookup (const char *const *names,
                   guint              n_names,
                   const char        *text,
                   guint             *out_index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], text))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}
