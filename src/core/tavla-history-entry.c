/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-date.h"
#include "tavla-enums.h"
#include "tavla-history-entry.h"

struct _TavlaHistoryEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   change_id;
  gint64   object_id;
  char    *at;
  char    *actor;
  char    *field;
  char    *old_value;
  char    *new_value;
  char    *note;
  gint64   meeting_id;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CHANGE_ID,
  PROP_OBJECT_ID,
  PROP_AT,
  PROP_AT_LABEL,
  PROP_ACTOR,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_NOTE,
  PROP_MEETING_ID,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaHistoryEntry, tavla_history_entry, G_TYPE_OBJECT)

/* A value as people read it: labels for enums, weeks for dates, a dash for
 * nothing. */
static char *
display_value (const char *field,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");

  if (g_str_equal (field, "status"))
    {
      TavlaStatus status;

      if (tavla_status_from_string (value, &status))
        return g_strdup (tavla_status_get_label (status));
    }
  else if (g_str_equal (field, "mark"))
    {
      TavlaMark mark;

      if (tavla_mark_from_string (value, &mark))
        return g_strdup (tavla_mark_get_label (mark));
    }
  else if (g_str_equal (field, "source"))
    {
      TavlaSource source;

      if (tavla_source_from_string (value, &source))
        return g_strdup (tavla_source_get_label (source));
    }
  else if (g_str_equal (field, "due"))
    {
      return tavla_date_display (value);
    }

  return g_strdup (value);
}

static void
tavla_history_entry_finalize (GObject *object)
{
  TavlaHistoryEntry *self = (TavlaHistoryEntry *) object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (tavla_history_entry_parent_class)->finalize (object);
}

static void
tavla_history_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TavlaHistoryEntry *self = TAVLA_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHANGE_ID:
      g_value_set_int64 (value, self->change_id);
      break;
    case PROP_OBJECT_ID:
      g_value_set_int64 (value, self->object_id);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_AT_LABEL:
      g_value_take_string (value, tavla_timestamp_display (self->at));
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, tavla_history_entry_describe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_history_entry_class_init (TavlaHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_history_entry_finalize;
  object_class->get_property = tavla_history_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHANGE_ID] = g_param_spec_int64 ("change-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OBJECT_ID] = g_param_spec_int64 ("object-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  /* The time in local time for people, "2026-11-25 14:10". */
  properties[PROP_AT_LABEL] = g_param_spec_string ("at-label", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_MEETING_ID] = g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* tavla_history_entry_describe() as a property, for list item bindings. */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_history_entry_init (TavlaHistoryEntry *self)
{
}

TavlaHistoryEntry *
tavla_history_entry_new (const TavlaHistoryFields *fields)
{
  TavlaHistoryEntry *self = NULL;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->field != NULL, NULL);

  self = g_object_new (TAVLA_TYPE_HISTORY_ENTRY, NULL);
  self->id = fields->id;
  self->change_id = fields->change_id;
  self->object_id = fields->object_id;
  self->at = g_strdup (fields->at);
  self->actor = g_strdup (fields->actor);
  self->field = g_strdup (fields->field);
  self->old_value = g_strdup (fields->old_value);
  self->new_value = g_strdup (fields->new_value);
  self->note = g_strdup (fields->note);
  self->meeting_id = fields->meeting_id;

  return self;
}

gint64
tavla_history_entry_get_id (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

gint64
tavla_history_entry_get_change_id (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), 0);
  return self->change_id;
}

gint64
tavla_history_entry_get_object_id (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), 0);
  return self->object_id;
}

const char *
tavla_history_entry_get_at (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->at;
}

const char *
tavla_history_entry_get_actor (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->actor;
}

const char *
tavla_history_entry_get_field (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->field;
}

const char *
tavla_history_entry_get_old_value (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->old_value;
}

const char *
tavla_history_entry_get_new_value (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->new_value;
}

const char *
tavla_history_entry_get_note (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);
  return self->note;
}

gint64
tavla_history_entry_get_meeting_id (TavlaHistoryEntry *self)
{
  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), 0);
  return self->meeting_id;
}

char *
tavla_history_entry_describe (TavlaHistoryEntry *self)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char *field = NULL;
  const char *label = NULL;

  g_return_val_if_fail (TAVLA_IS_HISTORY_ENTRY (self), NULL);

  field = self->field;

  if (g_str_equal (field, "created"))
    return g_strdup (_("Created"));
  if (g_str_equal (field, "undo"))
    return g_strdup (_("Undid the previous change"));
  if (g_str_equal (field, "description"))
    return g_strdup (_("Description changed"));
  if (g_str_equal (field, "strategic"))
    return g_strdup (g_strcmp0 (self->new_value, "1") == 0
                     ? _("Marked as strategic (development group)")
                     : _("Marked as operational"));
  if (g_str_equal (field, "link"))
    {
      if (self->new_value != NULL)
        return g_strdup_printf (_("Linked to %s"), self->new_value);
      return g_strdup_printf (_("Link to %s removed"), self->old_value != NULL ? self->old_value : "—");
    }

  if (g_str_equal (field, "title"))
    label = _("Title");
  else if (g_str_equal (field, "status"))
    label = _("Status");
  else if (g_str_equal (field, "mark"))
    label = _("Status mark");
  else if (g_str_equal (field, "owner"))
    label = _("Owner");
  else if (g_str_equal (field, "due"))
    label = _("Due date");
  else if (g_str_equal (field, "department"))
    label = _("Department");
  else if (g_str_equal (field, "source"))
    label = _("Source");
  else if (g_str_equal (field, "name"))
    label = _("Name");
  else if (g_str_equal (field, "role"))
    label = _("Role");
  else if (g_str_equal (field, "email"))
    label = _("E-mail");
  else if (g_str_equal (field, "code"))
    label = _("Short code");
  else if (g_str_equal (field, "value"))
    label = C_("measurement", "Value");
  else if (g_str_equal (field, "numerator"))
    label = C_("measurement", "Numerator");
  else if (g_str_equal (field, "denominator"))
    label = C_("measurement", "Denominator");
  else if (g_str_equal (field, "respondents"))
    label = C_("measurement", "Respondents");
  else if (g_str_equal (field, "cause"))
    label = C_("deviation", "Cause");
  else
    label = field;

  old_text = display_value (field, self->old_value);
  new_text = display_value (field, self->new_value);

  /* Translators: a change in the history, "Status: New → In progress". */
  return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
}
