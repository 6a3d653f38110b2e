/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-date.h"
#include "tavla-enum-private.h"
#include "tavla-error.h"
#include "tavla-meeting-private.h"

struct _TavlaMeeting
{
  GObject            parent_instance;

  gint64             id;
  gint64             version;
  TavlaMeetingKind   kind;
  char              *date;
  gint64             department_id;
  char              *department;
  TavlaMeetingState  state;
  GStrv              attendees;
  guint              position;
  guint              n_entries;
  guint              n_handled;
  char              *started;
  char              *closed;
  char              *created;
  char              *updated;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_DEPARTMENT,
  PROP_STATE,
  PROP_POSITION,
  PROP_N_ENTRIES,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaMeeting, tavla_meeting, G_TYPE_OBJECT)

static const GEnumValue kind_values[] = {
  { TAVLA_MEETING_WEEKLY, "TAVLA_MEETING_WEEKLY", "weekly" },
  { TAVLA_MEETING_DEVELOPMENT_GROUP, "TAVLA_MEETING_DEVELOPMENT_GROUP", "development-group" },
  { TAVLA_MEETING_CHECK_IN, "TAVLA_MEETING_CHECK_IN", "check-in" },
  { 0, NULL, NULL }
};

static const GEnumValue state_values[] = {
  { TAVLA_MEETING_PLANNED, "TAVLA_MEETING_PLANNED", "planned" },
  { TAVLA_MEETING_RUNNING, "TAVLA_MEETING_RUNNING", "running" },
  { TAVLA_MEETING_CLOSED, "TAVLA_MEETING_CLOSED", "closed" },
  { 0, NULL, NULL }
};

static const GEnumValue outcome_values[] = {
  { TAVLA_OUTCOME_PENDING, "TAVLA_OUTCOME_PENDING", "pending" },
  { TAVLA_OUTCOME_KEPT, "TAVLA_OUTCOME_KEPT", "kept" },
  { TAVLA_OUTCOME_CHANGED, "TAVLA_OUTCOME_CHANGED", "changed" },
  { TAVLA_OUTCOME_DECIDED, "TAVLA_OUTCOME_DECIDED", "decided" },
  { TAVLA_OUTCOME_SKIPPED, "TAVLA_OUTCOME_SKIPPED", "skipped" },
  { 0, NULL, NULL }
};

GType
tavla_meeting_kind_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaMeetingKind", kind_values);
}

GType
tavla_meeting_state_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaMeetingState", state_values);
}

GType
tavla_outcome_get_type (void)
{
  static gsize type_id = 0;

  return tavla_enum_register (&type_id, "TavlaOutcome", outcome_values);
}

const char *
tavla_meeting_kind_to_string (TavlaMeetingKind kind)
{
  g_return_val_if_fail ((guint) kind < TAVLA_N_MEETING_KINDS, NULL);

  return kind_values[kind].value_nick;
}

gboolean
tavla_meeting_kind_from_string (const char       *text,
                                TavlaMeetingKind *out_kind)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (kind_values, text, &value))
    return FALSE;
  if (out_kind != NULL)
    *out_kind = (TavlaMeetingKind) value;

  return TRUE;
}

const char *
tavla_meeting_state_to_string (TavlaMeetingState state)
{
  g_return_val_if_fail ((guint) state < TAVLA_N_MEETING_STATES, NULL);

  return state_values[state].value_nick;
}

gboolean
tavla_meeting_state_from_string (const char        *text,
                                 TavlaMeetingState *out_state)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (state_values, text, &value))
    return FALSE;
  if (out_state != NULL)
    *out_state = (TavlaMeetingState) value;

  return TRUE;
}

const char *
tavla_outcome_to_string (TavlaOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < TAVLA_N_OUTCOMES, NULL);

  return outcome_values[outcome].value_nick;
}

gboolean
tavla_outcome_from_string (const char   *text,
                           TavlaOutcome *out_outcome)
{
  int value = 0;

  if (!tavla_enum_lookup_nick (outcome_values, text, &value))
    return FALSE;
  if (out_outcome != NULL)
    *out_outcome = (TavlaOutcome) value;

  return TRUE;
}

const char *
tavla_meeting_kind_get_label (TavlaMeetingKind kind)
{
  switch (kind)
    {
    case TAVLA_MEETING_WEEKLY:
      return _("Weekly meeting");
    case TAVLA_MEETING_DEVELOPMENT_GROUP:
      return _("Development group");
    case TAVLA_MEETING_CHECK_IN:
      return _("Check-in meeting");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_meeting_state_get_label (TavlaMeetingState state)
{
  switch (state)
    {
    case TAVLA_MEETING_PLANNED:
      return C_("meeting", "Planned");
    case TAVLA_MEETING_RUNNING:
      return C_("meeting", "Running");
    case TAVLA_MEETING_CLOSED:
      return C_("meeting", "Closed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_outcome_get_label (TavlaOutcome outcome)
{
  switch (outcome)
    {
    case TAVLA_OUTCOME_PENDING:
      return C_("outcome", "Not handled");
    case TAVLA_OUTCOME_KEPT:
      return C_("outcome", "Kept as it is");
    case TAVLA_OUTCOME_CHANGED:
      return C_("outcome", "Changed");
    case TAVLA_OUTCOME_DECIDED:
      return C_("outcome", "Decided");
    case TAVLA_OUTCOME_SKIPPED:
      return C_("outcome", "Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
tavla_meeting_finalize (GObject *object)
{
  TavlaMeeting *self = (TavlaMeeting *) object;

  g_free (self->date);
  g_free (self->department);
  g_strfreev (self->attendees);
  g_free (self->started);
  g_free (self->closed);
  g_free (self->created);
  g_free (self->updated);

  G_OBJECT_CLASS (tavla_meeting_parent_class)->finalize (object);
}

static void
tavla_meeting_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TavlaMeeting *self = TAVLA_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->n_entries);
      break;
    case PROP_TITLE:
      g_value_take_string (value, tavla_meeting_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_meeting_class_init (TavlaMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_meeting_finalize;
  object_class->get_property = tavla_meeting_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TAVLA_TYPE_MEETING_KIND,
                                             TAVLA_MEETING_WEEKLY, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, TAVLA_TYPE_MEETING_STATE,
                                              TAVLA_MEETING_PLANNED, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ENTRIES] = g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_meeting_init (TavlaMeeting *self)
{
}

TavlaMeeting *
tavla_meeting_new (const TavlaMeetingFields *fields)
{
  TavlaMeeting *self = g_object_new (TAVLA_TYPE_MEETING, NULL);

  self->id = fields->id;
  self->version = fields->version;
  self->kind = fields->kind;
  self->date = g_strdup (fields->date);
  self->department_id = fields->department_id;
  self->department = g_strdup (fields->department);
  self->state = fields->state;
  self->attendees = fields->attendees != NULL ? g_strdupv ((GStrv) fields->attendees) : g_new0 (char *, 1);
  self->position = fields->position;
  self->n_entries = fields->n_entries;
  self->n_handled = fields->n_handled;
  self->started = g_strdup (fields->started);
  self->closed = g_strdup (fields->closed);
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);

  return self;
}

gint64
tavla_meeting_get_id (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->id;
}

gint64
tavla_meeting_get_version (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->version;
}

TavlaMeetingKind
tavla_meeting_get_kind (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->kind;
}

const char *
tavla_meeting_get_date (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->date;
}

gint64
tavla_meeting_get_department_id (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->department_id;
}

const char *
tavla_meeting_get_department (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->department;
}

TavlaMeetingState
tavla_meeting_get_state (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->state;
}

const char * const *
tavla_meeting_get_attendees (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return (const char * const *) self->attendees;
}

guint
tavla_meeting_get_position (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->position;
}

guint
tavla_meeting_get_n_entries (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->n_entries;
}

guint
tavla_meeting_get_n_handled (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), 0);
  return self->n_handled;
}

const char *
tavla_meeting_get_started (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->started;
}

const char *
tavla_meeting_get_closed (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->closed;
}

const char *
tavla_meeting_get_created (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->created;
}

const char *
tavla_meeting_get_updated (TavlaMeeting *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);
  return self->updated;
}

char *
tavla_meeting_dup_title (TavlaMeeting *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (TAVLA_IS_MEETING (self), NULL);

  date = tavla_date_display (self->date);
  if (self->department != NULL)
    /* Translators: a meeting's title: its kind, the department, the date
     * with its week, e.g. "Check-in meeting, Socialförvaltningen, 2026-12-07 (w. 50)". */
    return g_strdup_printf (_("%s, %s, %s"), tavla_meeting_kind_get_label (self->kind),
                            self->department, date);

  /* Translators: a meeting's title: its kind and the date with its week,
   * e.g. "Weekly meeting 2026-12-07 (w. 50)". */
  return g_strdup_printf (_("%s %s"), tavla_meeting_kind_get_label (self->kind), date);
}

/* ---- Decisions ----------------------------------------------------------- */

void
tavla_decision_free (TavlaDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->text);
  g_free (decision->item_title);
  g_free (decision->created);
  g_free (decision);
}

TavlaDecision *
tavla_decision_copy (const TavlaDecision *decision)
{
  TavlaDecision *copy = g_new0 (TavlaDecision, 1);

  *copy = *decision;
  copy->text = g_strdup (decision->text);
  copy->item_title = g_strdup (decision->item_title);
  copy->created = g_strdup (decision->created);

  return copy;
}

/* ---- Agendas ------------------------------------------------------------- */

static void
agenda_entry_free (TavlaAgendaEntry *entry)
{
  g_free (entry->kind);
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry->group);
  g_clear_pointer (&entry->fields, json_object_unref);
  g_free (entry);
}

static void
agenda_section_free (TavlaAgendaSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->entries);
  g_free (section);
}

TavlaAgendaSection *
tavla_agenda_section_new (const char *id,
                          const char *title)
{
  TavlaAgendaSection *section = g_new0 (TavlaAgendaSection, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) agenda_entry_free);

  return section;
}

TavlaAgendaEntry *
tavla_agenda_entry_new (const char *kind,
                        gint64      id,
                        const char *title)
{
  TavlaAgendaEntry *entry = g_new0 (TavlaAgendaEntry, 1);

  entry->kind = g_strdup (kind);
  entry->id = id;
  entry->title = g_strdup (title);
  entry->fields = json_object_new ();

  return entry;
}

TavlaAgendaEntry *
tavla_agenda_entry_copy (const TavlaAgendaEntry *entry)
{
  TavlaAgendaEntry *copy = tavla_agenda_entry_new (entry->kind, entry->id, entry->title);
  GList *members = json_object_get_members (entry->fields);

  copy->detail = g_strdup (entry->detail);
  copy->group = g_strdup (entry->group);
  copy->carried_over = entry->carried_over;
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy->fields, l->data,
                            json_node_copy (json_object_get_member (entry->fields, l->data)));
  g_list_free (members);

  return copy;
}

void
tavla_agenda_entry_free (TavlaAgendaEntry *entry)
{
  if (entry != NULL)
    agenda_entry_free (entry);
}

TavlaAgenda *
tavla_agenda_new (TavlaMeetingKind  kind,
                  const char       *date)
{
  TavlaAgenda *agenda = g_new0 (TavlaAgenda, 1);

  agenda->kind = kind;
  agenda->date = g_strdup (date);
  agenda->week = tavla_date_iso_week (date, NULL);
  agenda->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) agenda_section_free);

  return agenda;
}

void
tavla_agenda_free (TavlaAgenda *agenda)
{
  if (agenda == NULL)
    return;

  g_free (agenda->date);
  g_free (agenda->since);
  g_free (agenda->department);
  g_ptr_array_unref (agenda->sections);
  g_free (agenda);
}

guint
tavla_agenda_count_entries (TavlaAgenda *agenda)
{
  guint n = 0;

  for (guint i = 0; i < agenda->sections->len; i++)
    n += ((TavlaAgendaSection *) g_ptr_array_index (agenda->sections, i))->entries->len;

  return n;
}

TavlaAgendaEntry *
tavla_agenda_get_entry (TavlaAgenda         *agenda,
                        guint                position,
                        TavlaAgendaSection **out_section)
{
  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);

      if (position < section->entries->len)
        {
          if (out_section != NULL)
            *out_section = section;
          return g_ptr_array_index (section->entries, position);
        }
      position -= section->entries->len;
    }

  return NULL;
}

TavlaAgendaSection *
tavla_agenda_find_section (TavlaAgenda *agenda,
                           const char  *id)
{
  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);

      if (g_strcmp0 (section->id, id) == 0)
        return section;
    }

  return NULL;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonNode *
entry_to_json (TavlaAgendaEntry *entry)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  GList *members = json_object_get_members (entry->fields);

  json_object_set_string_member (object, "kind", entry->kind);
  if (entry->id > 0)
    json_object_set_int_member (object, "id", entry->id);
  else
    json_object_set_null_member (object, "id");
  set_string_or_null (object, "title", entry->title);
  set_string_or_null (object, "detail", entry->detail);
  set_string_or_null (object, "group", entry->group);
  json_object_set_boolean_member (object, "carried_over", entry->carried_over);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (entry->fields, l->data)));
  g_list_free (members);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
tavla_agenda_to_json (TavlaAgenda *agenda)
{
  JsonObject *object = json_object_new ();
  JsonArray *sections = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "kind", tavla_meeting_kind_to_string (agenda->kind));
  json_object_set_string_member (object, "date", agenda->date);
  json_object_set_int_member (object, "week", agenda->week);
  set_string_or_null (object, "since", agenda->since);
  set_string_or_null (object, "department", agenda->department);

  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);
      JsonObject *s = json_object_new ();
      JsonArray *entries = json_array_new ();

      json_object_set_string_member (s, "id", section->id);
      json_object_set_string_member (s, "title", section->title);
      for (guint j = 0; j < section->entries->len; j++)
        json_array_add_element (entries, entry_to_json (g_ptr_array_index (section->entries, j)));
      json_object_set_array_member (s, "entries", entries);
      json_array_add_object_element (sections, s);
    }
  json_object_set_array_member (object, "sections", sections);

  json_node_take_object (node, object);
  return node;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || JSON_NODE_HOLDS_NULL (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

static gboolean
agenda_damaged (GError **error)
{
  g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                       _("The meeting's stored agenda cannot be read; it may be damaged."));
  return FALSE;
}

static TavlaAgendaEntry *
entry_from_json (JsonObject *object)
{
  static const char *const own[] = { "kind", "id", "title", "detail", "group", "carried_over" };
  TavlaAgendaEntry *entry = NULL;
  GList *members = NULL;

  entry = tavla_agenda_entry_new (get_string (object, "kind"),
                                  json_object_get_int_member_with_default (object, "id", 0),
                                  get_string (object, "title"));
  entry->detail = g_strdup (get_string (object, "detail"));
  entry->group = g_strdup (get_string (object, "group"));
  entry->carried_over = json_object_get_boolean_member_with_default (object, "carried_over", FALSE);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains ((const char * const *) own, l->data))
      json_object_set_member (entry->fields, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
  g_list_free (members);

  return entry;
}

TavlaAgenda *
tavla_agenda_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(TavlaAgenda) agenda = NULL;
  JsonObject *object = NULL;
  JsonArray *sections = NULL;
  TavlaMeetingKind kind = TAVLA_MEETING_WEEKLY;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return agenda_damaged (error), NULL;

  object = json_node_get_object (node);
  if (!tavla_meeting_kind_from_string (get_string (object, "kind"), &kind) ||
      get_string (object, "date") == NULL ||
      !json_object_has_member (object, "sections") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sections")))
    return agenda_damaged (error), NULL;

  agenda = tavla_agenda_new (kind, get_string (object, "date"));
  agenda->since = g_strdup (get_string (object, "since"));
  agenda->department = g_strdup (get_string (object, "department"));

  sections = json_object_get_array_member (object, "sections");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *s_node = json_array_get_element (sections, i);
      JsonObject *s = NULL;
      JsonArray *entries = NULL;
      TavlaAgendaSection *section = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (s_node))
        return agenda_damaged (error), NULL;
      s = json_node_get_object (s_node);
      if (get_string (s, "id") == NULL || !json_object_has_member (s, "entries") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (s, "entries")))
        return agenda_damaged (error), NULL;

      section = tavla_agenda_section_new (get_string (s, "id"), get_string (s, "title"));
      g_ptr_array_add (agenda->sections, section);
      entries = json_object_get_array_member (s, "entries");
      for (guint j = 0; j < json_array_get_length (entries); j++)
        {
          JsonNode *e_node = json_array_get_element (entries, j);

          if (!JSON_NODE_HOLDS_OBJECT (e_node) || get_string (json_node_get_object (e_node), "kind") == NULL)
            return agenda_damaged (error), NULL;
          g_ptr_array_add (section->entries, entry_from_json (json_node_get_object (e_node)));
        }
    }

  return g_steal_pointer (&agenda);
}
