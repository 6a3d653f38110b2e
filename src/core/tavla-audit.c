/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-audit.h"
#include "tavla-date.h"
#include "tavla-enum-private.h"

/* ---- Names and labels ------------------------------------------------- */

static const char *const status_names[TAVLA_N_RECOMMENDATION_STATUSES] = {
  "open", "responded", "in-progress", "implemented", "closed", "not-accepted",
};

static const char *const assessment_names[TAVLA_N_ASSESSMENTS] = {
  "none", "implemented", "partly", "not-implemented",
};

static const char *const light_names[TAVLA_N_LIGHTS] = {
  "none", "green", "yellow", "red",
};

const char *
tavla_recommendation_status_to_string (TavlaRecommendationStatus status)
{
  g_return_val_if_fail (status < TAVLA_N_RECOMMENDATION_STATUSES, NULL);
  return status_names[status];
}

gboolean
tavla_recommendation_status_from_string (const char                *text,
                                         TavlaRecommendationStatus *out_status)
{
  guint index = 0;

  if (!tavla_name_lookup (status_names, TAVLA_N_RECOMMENDATION_STATUSES, text, &index))
    return FALSE;
  *out_status = index;
  return TRUE;
}

const char *
tavla_assessment_to_string (TavlaAssessment assessment)
{
  g_return_val_if_fail (assessment < TAVLA_N_ASSESSMENTS, NULL);
  return assessment_names[assessment];
}

gboolean
tavla_assessment_from_string (const char      *text,
                              TavlaAssessment *out_assessment)
{
  guint index = 0;

  if (text != NULL && *text == '\0')
    {
      *out_assessment = TAVLA_ASSESSMENT_NONE;
      return TRUE;
    }
  if (!tavla_name_lookup (assessment_names, TAVLA_N_ASSESSMENTS, text, &index))
    return FALSE;
  *out_assessment = index;
  return TRUE;
}

const char *
tavla_light_to_string (TavlaLight light)
{
  g_return_val_if_fail (light < TAVLA_N_LIGHTS, NULL);
  return light_names[light];
}

const char *
tavla_recommendation_status_get_label (TavlaRecommendationStatus status)
{
  switch (status)
    {
    case TAVLA_RECOMMENDATION_OPEN:
      return C_("recommendation", "Open");
    case TAVLA_RECOMMENDATION_RESPONDED:
      return C_("recommendation", "Responded");
    case TAVLA_RECOMMENDATION_IN_PROGRESS:
      return C_("recommendation", "In progress");
    case TAVLA_RECOMMENDATION_IMPLEMENTED:
      return C_("recommendation", "Implemented");
    case TAVLA_RECOMMENDATION_CLOSED:
      return C_("recommendation", "Closed");
    case TAVLA_RECOMMENDATION_NOT_ACCEPTED:
      return C_("recommendation", "Not accepted");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_assessment_get_label (TavlaAssessment assessment)
{
  switch (assessment)
    {
    case TAVLA_ASSESSMENT_NONE:
      return C_("assessment", "Not followed up");
    case TAVLA_ASSESSMENT_IMPLEMENTED:
      return C_("assessment", "Implemented");
    case TAVLA_ASSESSMENT_PARTLY:
      return C_("assessment", "Partly implemented");
    case TAVLA_ASSESSMENT_NOT_IMPLEMENTED:
      return C_("assessment", "Not implemented");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_light_get_label (TavlaLight light)
{
  switch (light)
    {
    case TAVLA_LIGHT_NONE:
      return C_("light", "No light");
    case TAVLA_LIGHT_GREEN:
      return C_("light", "Green");
    case TAVLA_LIGHT_YELLOW:
      return C_("light", "Yellow");
    case TAVLA_LIGHT_RED:
      return C_("light", "Red");
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
status_is_open (TavlaRecommendationStatus status)
{
  return status == TAVLA_RECOMMENDATION_OPEN ||
         status == TAVLA_RECOMMENDATION_RESPONDED ||
         status == TAVLA_RECOMMENDATION_IN_PROGRESS;
}

static gboolean
compute_overdue (TavlaRecommendationStatus  status,
                 const char                *due,
                 const char                *day)
{
  return status_is_open (status) && due != NULL && day != NULL && g_strcmp0 (due, day) < 0;
}

TavlaLight
tavla_recommendation_compute_light (TavlaRecommendationStatus  status,
                                    TavlaAssessment            assessment,
                                    const char                *due,
                                    const char                *day)
{
  if (status == TAVLA_RECOMMENDATION_CLOSED)
    return TAVLA_LIGHT_GREEN;
  if (status == TAVLA_RECOMMENDATION_NOT_ACCEPTED)
    return TAVLA_LIGHT_NONE;
  if (assessment == TAVLA_ASSESSMENT_NOT_IMPLEMENTED || compute_overdue (status, due, day))
    return TAVLA_LIGHT_RED;
  return TAVLA_LIGHT_YELLOW;
}

/* ---- Actions ------------------------------------------------------------ */

TavlaAction *
tavla_action_copy (const TavlaAction *action)
{
  TavlaAction *copy = g_new0 (TavlaAction, 1);

  copy->id = action->id;
  copy->title = g_strdup (action->title);
  copy->status = g_strdup (action->status);
  copy->mark = g_strdup (action->mark);
  copy->owner = g_strdup (action->owner);
  copy->due = g_strdup (action->due);
  return copy;
}

void
tavla_action_free (TavlaAction *action)
{
  if (action == NULL)
    return;

  g_free (action->title);
  g_free (action->status);
  g_free (action->mark);
  g_free (action->owner);
  g_free (action->due);
  g_free (action);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* ---- Recommendations ---------------------------------------------------- */

struct _TavlaRecommendation
{
  GObject                    parent_instance;

  gint64                     id;
  gint64                     version;
  gint64                     audit_id;
  char                      *audit_title;
  char                      *text;
  char                      *addressed_to;
  char                      *response;
  char                      *response_date;
  gint64                     owner_id;
  char                      *owner;
  char                      *due;
  TavlaRecommendationStatus  status;
  char                      *evidence;
  TavlaAssessment            assessment;
  char                      *assessment_date;
  char                      *note;
  char                      *created;
  char                      *updated;
  char                      *today;
  GPtrArray                 *actions;
};

enum {
  REC_PROP_0,
  REC_PROP_ID,
  REC_PROP_VERSION,
  REC_PROP_AUDIT_ID,
  REC_PROP_AUDIT_TITLE,
  REC_PROP_TEXT,
  REC_PROP_OWNER,
  REC_PROP_DUE,
  REC_PROP_STATUS,
  REC_PROP_LIGHT,
  REC_PROP_OVERDUE,
  REC_N_PROPS
};

static GParamSpec *rec_properties[REC_N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaRecommendation, tavla_recommendation, G_TYPE_OBJECT)

static void
tavla_recommendation_finalize (GObject *object)
{
  TavlaRecommendation *self = (TavlaRecommendation *) object;

  g_free (self->audit_title);
  g_free (self->text);
  g_free (self->addressed_to);
  g_free (self->response);
  g_free (self->response_date);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->evidence);
  g_free (self->assessment_date);
  g_free (self->note);
  g_free (self->created);
  g_free (self->updated);
  g_free (self->today);
  g_clear_pointer (&self->actions, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_recommendation_parent_class)->finalize (object);
}

static void
tavla_recommendation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TavlaRecommendation *self = TAVLA_RECOMMENDATION (object);

  switch (prop_id)
    {
    case REC_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case REC_PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case REC_PROP_AUDIT_ID:
      g_value_set_int64 (value, self->audit_id);
      break;
    case REC_PROP_AUDIT_TITLE:
      g_value_set_string (value, self->audit_title);
      break;
    case REC_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case REC_PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case REC_PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case REC_PROP_STATUS:
      g_value_set_string (value, tavla_recommendation_status_to_string (self->status));
      break;
    case REC_PROP_LIGHT:
      g_value_set_string (value, tavla_light_to_string (tavla_recommendation_get_light (self)));
      break;
    case REC_PROP_OVERDUE:
      g_value_set_boolean (value, tavla_recommendation_is_overdue (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_recommendation_class_init (TavlaRecommendationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_recommendation_finalize;
  object_class->get_property = tavla_recommendation_get_property;

  rec_properties[REC_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  rec_properties[REC_PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  rec_properties[REC_PROP_AUDIT_ID] = g_param_spec_int64 ("audit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  rec_properties[REC_PROP_AUDIT_TITLE] = g_param_spec_string ("audit-title", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_LIGHT] = g_param_spec_string ("light", NULL, NULL, NULL, flags);
  rec_properties[REC_PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, REC_N_PROPS, rec_properties);
}

static void
tavla_recommendation_init (TavlaRecommendation *self)
{
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_action_free);
}

TavlaRecommendation *
tavla_recommendation_new (const TavlaRecommendationFields *fields)
{
  TavlaRecommendation *self = g_object_new (TAVLA_TYPE_RECOMMENDATION, NULL);

  self->id = fields->id;
  self->version = fields->version;
  self->audit_id = fields->audit_id;
  self->audit_title = g_strdup (fields->audit_title);
  self->text = g_strdup (fields->text);
  self->addressed_to = dup_nonempty (fields->addressed_to);
  self->response = dup_nonempty (fields->response);
  self->response_date = dup_nonempty (fields->response_date);
  self->owner_id = fields->owner_id;
  self->owner = dup_nonempty (fields->owner);
  self->due = dup_nonempty (fields->due);
  self->status = fields->status;
  self->evidence = dup_nonempty (fields->evidence);
  self->assessment = fields->assessment;
  self->assessment_date = dup_nonempty (fields->assessment_date);
  self->note = dup_nonempty (fields->note);
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);
  self->today = fields->today != NULL ? g_strdup (fields->today) : tavla_date_today ();
  for (guint i = 0; i < fields->n_actions; i++)
    g_ptr_array_add (self->actions, tavla_action_copy (fields->actions[i]));

  return self;
}

gint64
tavla_recommendation_get_id (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), 0);
  return self->id;
}

gint64
tavla_recommendation_get_version (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), 0);
  return self->version;
}

gint64
tavla_recommendation_get_audit_id (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), 0);
  return self->audit_id;
}

const char *
tavla_recommendation_get_audit_title (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->audit_title;
}

const char *
tavla_recommendation_get_text (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->text;
}

const char *
tavla_recommendation_get_addressed_to (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->addressed_to;
}

const char *
tavla_recommendation_get_response (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->response;
}

const char *
tavla_recommendation_get_response_date (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->response_date;
}

gint64
tavla_recommendation_get_owner_id (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), 0);
  return self->owner_id;
}

const char *
tavla_recommendation_get_owner (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->owner;
}

const char *
tavla_recommendation_get_due (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->due;
}

TavlaRecommendationStatus
tavla_recommendation_get_status (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), TAVLA_RECOMMENDATION_OPEN);
  return self->status;
}

const char *
tavla_recommendation_get_evidence (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->evidence;
}

TavlaAssessment
tavla_recommendation_get_assessment (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), TAVLA_ASSESSMENT_NONE);
  return self->assessment;
}

const char *
tavla_recommendation_get_assessment_date (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->assessment_date;
}

const char *
tavla_recommendation_get_note (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->note;
}

const char *
tavla_recommendation_get_created (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->created;
}

const char *
tavla_recommendation_get_updated (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->updated;
}

TavlaLight
tavla_recommendation_get_light (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), TAVLA_LIGHT_NONE);
  return tavla_recommendation_compute_light (self->status, self->assessment, self->due, self->today);
}

gboolean
tavla_recommendation_is_overdue (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), FALSE);
  return compute_overdue (self->status, self->due, self->today);
}

gboolean
tavla_recommendation_is_open (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), FALSE);
  return status_is_open (self->status);
}

GPtrArray *
tavla_recommendation_get_actions (TavlaRecommendation *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION (self), NULL);
  return self->actions;
}

/* ---- Audits ------------------------------------------------------------- */

struct _TavlaAudit
{
  GObject    parent_instance;

  gint64     id;
  gint64     version;
  char      *title;
  char      *auditor;
  char      *date;
  char      *body;
  char      *reference;
  char      *assessment;
  char      *created;
  char      *updated;
  GPtrArray *recommendations;
};

enum {
  AUDIT_PROP_0,
  AUDIT_PROP_ID,
  AUDIT_PROP_VERSION,
  AUDIT_PROP_TITLE,
  AUDIT_PROP_AUDITOR,
  AUDIT_PROP_DATE,
  AUDIT_PROP_BODY,
  AUDIT_PROP_N_OPEN,
  AUDIT_PROP_LIGHT,
  AUDIT_N_PROPS
};

static GParamSpec *audit_properties[AUDIT_N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaAudit, tavla_audit, G_TYPE_OBJECT)

static void
tavla_audit_finalize (GObject *object)
{
  TavlaAudit *self = (TavlaAudit *) object;

  g_free (self->title);
  g_free (self->auditor);
  g_free (self->date);
  g_free (self->body);
  g_free (self->reference);
  g_free (self->assessment);
  g_free (self->created);
  g_free (self->updated);
  g_clear_pointer (&self->recommendations, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_audit_parent_class)->finalize (object);
}

static void
tavla_audit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TavlaAudit *self = TAVLA_AUDIT (object);

  switch (prop_id)
    {
    case AUDIT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case AUDIT_PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case AUDIT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case AUDIT_PROP_AUDITOR:
      g_value_set_string (value, self->auditor);
      break;
    case AUDIT_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case AUDIT_PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case AUDIT_PROP_N_OPEN:
      g_value_set_uint (value, tavla_audit_get_n_open (self));
      break;
    case AUDIT_PROP_LIGHT:
      g_value_set_string (value, tavla_light_to_string (tavla_audit_get_light (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_audit_class_init (TavlaAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_audit_finalize;
  object_class->get_property = tavla_audit_get_property;

  audit_properties[AUDIT_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  audit_properties[AUDIT_PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  audit_properties[AUDIT_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  audit_properties[AUDIT_PROP_AUDITOR] = g_param_spec_string ("auditor", NULL, NULL, NULL, flags);
  audit_properties[AUDIT_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  audit_properties[AUDIT_PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  audit_properties[AUDIT_PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, flags);
  audit_properties[AUDIT_PROP_LIGHT] = g_param_spec_string ("light", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, AUDIT_N_PROPS, audit_properties);
}

static void
tavla_audit_init (TavlaAudit *self)
{
  self->recommendations = g_ptr_array_new_with_free_func (g_object_unref);
}

TavlaAudit *
tavla_audit_new (const TavlaAuditFields *fields)
{
  TavlaAudit *self = g_object_new (TAVLA_TYPE_AUDIT, NULL);

  self->id = fields->id;
  self->version = fields->version;
  self->title = g_strdup (fields->title);
  self->auditor = g_strdup (fields->auditor);
  self->date = g_strdup (fields->date);
  self->body = g_strdup (fields->body);
  self->reference = dup_nonempty (fields->reference);
  self->assessment = dup_nonempty (fields->assessment);
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);
  for (guint i = 0; i < fields->n_recommendations; i++)
    g_ptr_array_add (self->recommendations, g_object_ref (fields->recommendations[i]));

  return self;
}

gint64
tavla_audit_get_id (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), 0);
  return self->id;
}

gint64
tavla_audit_get_version (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), 0);
  return self->version;
}

const char *
tavla_audit_get_title (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->title;
}

const char *
tavla_audit_get_auditor (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->auditor;
}

const char *
tavla_audit_get_date (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->date;
}

const char *
tavla_audit_get_body (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->body;
}

const char *
tavla_audit_get_reference (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->reference;
}

const char *
tavla_audit_get_assessment (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->assessment;
}

const char *
tavla_audit_get_created (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->created;
}

const char *
tavla_audit_get_updated (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->updated;
}

GPtrArray *
tavla_audit_get_recommendations (TavlaAudit *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);
  return self->recommendations;
}

guint
tavla_audit_get_n_open (TavlaAudit *self)
{
  guint n_open = 0;

  g_return_val_if_fail (TAVLA_IS_AUDIT (self), 0);

  for (guint i = 0; i < self->recommendations->len; i++)
    n_open += tavla_recommendation_is_open (g_ptr_array_index (self->recommendations, i));
  return n_open;
}

TavlaLight
tavla_audit_get_light (TavlaAudit *self)
{
  TavlaLight worst = TAVLA_LIGHT_NONE;

  g_return_val_if_fail (TAVLA_IS_AUDIT (self), TAVLA_LIGHT_NONE);

  /* The enum is ordered none < green < yellow < red. */
  for (guint i = 0; i < self->recommendations->len; i++)
    worst = MAX (worst, tavla_recommendation_get_light (g_ptr_array_index (self->recommendations, i)));
  return worst;
}

char *
tavla_audit_dup_subtitle (TavlaAudit *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (TAVLA_IS_AUDIT (self), NULL);

  date = tavla_date_display (self->date);
  /* TRANSLATORS: an audit's auditor and report date: "KPMG, 2022-06-02 (v. 22)". */
  return g_strdup_printf (_("%s, %s"), self->auditor, date);
}
