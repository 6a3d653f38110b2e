/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "tavla-date.h"
#include "tavla-item.h"
#include "tavla-rules.h"

struct _TavlaItem
{
  GObject      parent_instance;

  gint64       id;
  gint64       version;
  char        *title;
  char        *description;
  char        *owner;
  char        *due;
  char        *department;
  TavlaSource  source;
  gboolean     strategic;
  TavlaStatus  status;
  TavlaMark    mark;
  char        *created;
  char        *updated;
  guint        n_links;
  gboolean     has_metric;
  gboolean     overdue;

  /* Computed on first use: most snapshots are never searched. */
  char        *search_key;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_DUE,
  PROP_DUE_LABEL,
  PROP_DEPARTMENT,
  PROP_SOURCE,
  PROP_SOURCE_LABEL,
  PROP_STRATEGIC,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_MARK,
  PROP_MARK_LABEL,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_N_LINKS,
  PROP_HAS_METRIC,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaItem, tavla_item, G_TYPE_OBJECT)

static void
tavla_item_finalize (GObject *object)
{
  TavlaItem *self = (TavlaItem *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (tavla_item_parent_class)->finalize (object);
}

static void
tavla_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TavlaItem *self = TAVLA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_DUE_LABEL:
      g_value_take_string (value, tavla_item_dup_due_label (self));
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_SOURCE_LABEL:
      g_value_set_string (value, tavla_source_get_label (self->source));
      break;
    case PROP_STRATEGIC:
      g_value_set_boolean (value, self->strategic);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, tavla_status_get_label (self->status));
      break;
    case PROP_MARK:
      g_value_set_enum (value, self->mark);
      break;
    case PROP_MARK_LABEL:
      g_value_set_string (value, self->mark != TAVLA_MARK_NONE ? tavla_mark_get_label (self->mark) : NULL);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    case PROP_N_LINKS:
      g_value_set_uint (value, self->n_links);
      break;
    case PROP_HAS_METRIC:
      g_value_set_boolean (value, self->has_metric);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_item_class_init (TavlaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_item_finalize;
  object_class->get_property = tavla_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  /* The due date with its ISO week, "2026-12-03 (w. 49)"; NULL without one. */
  properties[PROP_DUE_LABEL] = g_param_spec_string ("due-label", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, NULL, TAVLA_TYPE_SOURCE,
                                               TAVLA_SOURCE_WEEKLY, flags);
  properties[PROP_SOURCE_LABEL] = g_param_spec_string ("source-label", NULL, NULL, NULL, flags);
  properties[PROP_STRATEGIC] = g_param_spec_boolean ("strategic", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TAVLA_TYPE_STATUS,
                                               TAVLA_STATUS_NEW, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_MARK] = g_param_spec_enum ("mark", NULL, NULL, TAVLA_TYPE_MARK,
                                             TAVLA_MARK_NONE, flags);
  /* The translated mark, NULL when there is none. */
  properties[PROP_MARK_LABEL] = g_param_spec_string ("mark-label", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);
  properties[PROP_N_LINKS] = g_param_spec_uint ("n-links", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Linked to a metric, directly or through a deviation: the card's badge. */
  properties[PROP_HAS_METRIC] = g_param_spec_boolean ("has-metric", NULL, NULL, FALSE, flags);
  /* Whether the item was overdue on the day the snapshot was made. */
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_item_init (TavlaItem *self)
{
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

TavlaItem *
tavla_item_new (const TavlaItemFields *fields)
{
  TavlaItem *self = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (TAVLA_TYPE_ITEM, NULL);
  self->id = fields->id;
  self->version = fields->version;
  self->title = g_strdup (fields->title != NULL ? fields->title : "");
  self->description = dup_nonempty (fields->description);
  self->owner = dup_nonempty (fields->owner);
  self->due = dup_nonempty (fields->due);
  self->department = dup_nonempty (fields->department);
  self->source = fields->source;
  self->strategic = !!fields->strategic;
  self->status = fields->status;
  self->mark = fields->mark;
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);
  self->n_links = fields->n_links;
  self->has_metric = !!fields->has_metric;

  if (self->due != NULL)
    {
      today = tavla_date_today ();
      self->overdue = tavla_item_is_overdue (self, today);
    }

  return self;
}

gint64
tavla_item_get_id (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), 0);
  return self->id;
}

gint64
tavla_item_get_version (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), 0);
  return self->version;
}

const char *
tavla_item_get_title (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->title;
}

const char *
tavla_item_get_description (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->description;
}

const char *
tavla_item_get_owner (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->owner;
}

const char *
tavla_item_get_due (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->due;
}

const char *
tavla_item_get_department (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->department;
}

TavlaSource
tavla_item_get_source (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), TAVLA_SOURCE_OTHER);
  return self->source;
}

gboolean
tavla_item_get_strategic (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), FALSE);
  return self->strategic;
}

TavlaStatus
tavla_item_get_status (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), TAVLA_STATUS_NEW);
  return self->status;
}

TavlaMark
tavla_item_get_mark (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), TAVLA_MARK_NONE);
  return self->mark;
}

const char *
tavla_item_get_created (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->created;
}

const char *
tavla_item_get_updated (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);
  return self->updated;
}

guint
tavla_item_get_n_links (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), 0);
  return self->n_links;
}

gboolean
tavla_item_get_has_metric (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), FALSE);
  return self->has_metric;
}

char *
tavla_item_dup_due_label (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);

  return tavla_date_display (self->due);
}

gboolean
tavla_item_is_overdue (TavlaItem  *self,
                       const char *today)
{
  g_autofree char *today_owned = NULL;

  g_return_val_if_fail (TAVLA_IS_ITEM (self), FALSE);

  if (self->due == NULL)
    return FALSE;
  if (self->status != TAVLA_STATUS_NEW && self->status != TAVLA_STATUS_IN_PROGRESS)
    return FALSE;

  if (today == NULL)
    today = today_owned = tavla_date_today ();

  /* ISO dates order as text. */
  return strcmp (self->due, today) < 0;
}

const char *
tavla_item_get_search_key (TavlaItem *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = NULL;

      joined = g_strjoin ("\n",
                          self->title,
                          self->description != NULL ? self->description : "",
                          self->owner != NULL ? self->owner : "",
                          self->department != NULL ? self->department : "",
                          NULL);
      self->search_key = tavla_text_fold (joined);
    }

  return self->search_key;
}
