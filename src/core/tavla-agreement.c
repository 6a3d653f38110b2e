/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-agreement.h"
#include "tavla-date.h"
#include "tavla-enum-private.h"
#include "tavla-error.h"

/* ---- Names and labels ------------------------------------------------- */

static const char *const status_names[TAVLA_N_AGREEMENT_STATUSES] = {
  "draft", "active", "superseded", "expired",
};

static const char *const section_names[TAVLA_N_SECTIONS] = {
  "responsibilities", "case-types", "process", "statistics", "on-call", "knowledge", "billing",
};

static const char *const rosa_names[TAVLA_N_ROSA_CLASSES] = {
  "information", "guidance", "administration", "rule-based", "qualified", "evaluative", "political",
};

static const char *const handled_by_names[TAVLA_N_HANDLED_BY] = {
  "centre", "department",
};

static const char *const party_names[TAVLA_N_PARTIES] = {
  "department", "centre",
};

const char *
tavla_agreement_status_to_string (TavlaAgreementStatus status)
{
  g_return_val_if_fail (status < TAVLA_N_AGREEMENT_STATUSES, NULL);
  return status_names[status];
}

gboolean
tavla_agreement_status_from_string (const char           *text,
                                    TavlaAgreementStatus *out_status)
{
  guint index = 0;

  if (!tavla_name_lookup (status_names, TAVLA_N_AGREEMENT_STATUSES, text, &index))
    return FALSE;
  *out_status = index;
  return TRUE;
}

const char *
tavla_section_to_string (TavlaSection section)
{
  g_return_val_if_fail (section < TAVLA_N_SECTIONS, NULL);
  return section_names[section];
}

gboolean
tavla_section_from_string (const char   *text,
                           TavlaSection *out_section)
{
  guint index = 0;

  if (!tavla_name_lookup (section_names, TAVLA_N_SECTIONS, text, &index))
    return FALSE;
  *out_section = index;
  return TRUE;
}

const char *
tavla_rosa_class_to_string (TavlaRosaClass rosa)
{
  g_return_val_if_fail (rosa < TAVLA_N_ROSA_CLASSES, NULL);
  return rosa_names[rosa];
}

gboolean
tavla_rosa_class_from_string (const char     *text,
                              TavlaRosaClass *out_rosa)
{
  guint index = 0;

  if (!tavla_name_lookup (rosa_names, TAVLA_N_ROSA_CLASSES, text, &index))
    return FALSE;
  *out_rosa = index;
  return TRUE;
}

const char *
tavla_handled_by_to_string (TavlaHandledBy handled_by)
{
  g_return_val_if_fail (handled_by < TAVLA_N_HANDLED_BY, NULL);
  return handled_by_names[handled_by];
}

gboolean
tavla_handled_by_from_string (const char     *text,
                              TavlaHandledBy *out_handled_by)
{
  guint index = 0;

  if (!tavla_name_lookup (handled_by_names, TAVLA_N_HANDLED_BY, text, &index))
    return FALSE;
  *out_handled_by = index;
  return TRUE;
}

const char *
tavla_party_to_string (TavlaParty party)
{
  g_return_val_if_fail (party < TAVLA_N_PARTIES, NULL);
  return party_names[party];
}

gboolean
tavla_party_from_string (const char *text,
                         TavlaParty *out_party)
{
  guint index = 0;

  if (!tavla_name_lookup (party_names, TAVLA_N_PARTIES, text, &index))
    return FALSE;
  *out_party = index;
  return TRUE;
}

const char *
tavla_agreement_status_get_label (TavlaAgreementStatus status)
{
  switch (status)
    {
    case TAVLA_AGREEMENT_STATUS_DRAFT:
      return C_("agreement status", "Draft");
    case TAVLA_AGREEMENT_STATUS_ACTIVE:
      return C_("agreement status", "Active");
    case TAVLA_AGREEMENT_STATUS_SUPERSEDED:
      return C_("agreement status", "Superseded");
    case TAVLA_AGREEMENT_STATUS_EXPIRED:
      return C_("agreement status", "Expired");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_section_get_label (TavlaSection section)
{
  switch (section)
    {
    case TAVLA_SECTION_RESPONSIBILITIES:
      return C_("agreement section", "Responsibilities");
    case TAVLA_SECTION_CASE_TYPES:
      return C_("agreement section", "Case types handled");
    case TAVLA_SECTION_PROCESS:
      return C_("agreement section", "Case process");
    case TAVLA_SECTION_STATISTICS:
      return C_("agreement section", "Statistics reporting");
    case TAVLA_SECTION_ON_CALL:
      return C_("agreement section", "On-call and emergency routines");
    case TAVLA_SECTION_KNOWLEDGE:
      return C_("agreement section", "Checklists and knowledge bank");
    case TAVLA_SECTION_BILLING:
      return C_("agreement section", "Billing");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_section_get_description (TavlaSection section)
{
  switch (section)
    {
    case TAVLA_SECTION_RESPONSIBILITIES:
      return _("Who answers for what: the centre, the department, both.");
    case TAVLA_SECTION_CASE_TYPES:
      return _("Which case types the centre handles for the department.");
    case TAVLA_SECTION_PROCESS:
      return _("How a case runs: who does what, the time frame and the quality requirements.");
    case TAVLA_SECTION_STATISTICS:
      return _("Which figures the centre reports to the department, and how often.");
    case TAVLA_SECTION_ON_CALL:
      return _("On-call and emergency routines, with the contact persons.");
    case TAVLA_SECTION_KNOWLEDGE:
      return _("How checklists and the knowledge bank are kept up to date, and by whom.");
    case TAVLA_SECTION_BILLING:
      return _("How the centre’s services are billed to the department.");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_rosa_class_get_label (TavlaRosaClass rosa)
{
  switch (rosa)
    {
    case TAVLA_ROSA_INFORMATION:
      return C_("ROSA class", "Information");
    case TAVLA_ROSA_GUIDANCE:
      return C_("ROSA class", "Guidance and advice");
    case TAVLA_ROSA_ADMINISTRATION:
      return C_("ROSA class", "Administrative handling");
    case TAVLA_ROSA_RULE_BASED:
      return C_("ROSA class", "Rule-based handling");
    case TAVLA_ROSA_QUALIFIED:
      return C_("ROSA class", "Qualified handling");
    case TAVLA_ROSA_EVALUATIVE:
      return C_("ROSA class", "Evaluative decisions");
    case TAVLA_ROSA_POLITICAL:
      return C_("ROSA class", "Political leadership");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_handled_by_get_label (TavlaHandledBy handled_by)
{
  switch (handled_by)
    {
    case TAVLA_HANDLED_BY_CENTRE:
      return C_("handled by", "The centre");
    case TAVLA_HANDLED_BY_DEPARTMENT:
      return C_("handled by", "The department");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tavla_party_get_label (TavlaParty party)
{
  switch (party)
    {
    case TAVLA_PARTY_DEPARTMENT:
      return C_("signatory party", "For the department");
    case TAVLA_PARTY_CENTRE:
      return C_("signatory party", "For the customer service centre");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
tavla_agreement_compute_review_due (const char *signed_date,
                                    guint       months)
{
  GDate date;
  guint year = 0;
  guint month = 0;
  guint day = 0;
  guint total = 0;

  if (signed_date == NULL || months == 0 || !tavla_date_parse (signed_date, &date))
    return NULL;

  day = g_date_get_day (&date);
  total = (guint) g_date_get_month (&date) - 1 + months;
  year = g_date_get_year (&date) + total / 12;
  month = total % 12 + 1;
  if (year > 9999)
    return NULL;

  day = MIN (day, g_date_get_days_in_month (month, year));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return tavla_date_format (&date);
}

/* ---- Signatories ------------------------------------------------------ */

TavlaSignatory *
tavla_signatory_copy (const TavlaSignatory *signatory)
{
  TavlaSignatory *copy = g_new0 (TavlaSignatory, 1);

  copy->name = g_strdup (signatory->name);
  copy->role = g_strdup (signatory->role);
  copy->party = signatory->party;
  copy->signed_date = g_strdup (signatory->signed_date);

  return copy;
}

void
tavla_signatory_free (TavlaSignatory *signatory)
{
  if (signatory == NULL)
    return;

  g_free (signatory->name);
  g_free (signatory->role);
  g_free (signatory->signed_date);
  g_free (signatory);
}

TavlaSignatory *
tavla_signatory_parse (const char  *text,
                       guint        index,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(TavlaSignatory) signatory = NULL;
  guint n_parts = 0;

  if (text != NULL)
    {
      parts = g_strsplit (text, ":", -1);
      n_parts = g_strv_length (parts);
    }

  for (guint i = 0; i < n_parts; i++)
    g_strstrip (parts[i]);

  if (n_parts < 2 || n_parts > 3 || *parts[0] == '\0' || *parts[1] == '\0')
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("Signatory “%s” is not NAME:ROLE; write it like “Anna Berg:Förvaltningschef” "
                     "(optionally “:department” or “:centre” after the role)."),
                   text != NULL ? text : "");
      return NULL;
    }

  if (g_utf8_strlen (parts[0], -1) > 100 || g_utf8_strlen (parts[1], -1) > 100)
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("Signatory “%s” is too long; keep the name and the role to 100 characters each."),
                   text);
      return NULL;
    }

  signatory = g_new0 (TavlaSignatory, 1);
  signatory->name = g_strdup (parts[0]);
  signatory->role = g_strdup (parts[1]);
  signatory->party = index == 0 ? TAVLA_PARTY_DEPARTMENT : TAVLA_PARTY_CENTRE;

  if (n_parts == 3 && !tavla_party_from_string (parts[2], &signatory->party))
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("Signatory “%s” signs for “%s”; write “department” or “centre” after the role."),
                   text, parts[2]);
      return NULL;
    }

  return g_steal_pointer (&signatory);
}

/* ---- Case types ------------------------------------------------------- */

struct _TavlaCaseType
{
  GObject         parent_instance;

  gint64          id;
  gint64          version;
  gint64          agreement_id;
  char           *name;
  TavlaRosaClass  rosa_class;
  int             days;
  char           *quality;
  TavlaHandledBy  handled_by;
  gint64          contact_id;
  char           *contact;
  char           *created;
  char           *updated;
};

enum {
  CT_PROP_0,
  CT_PROP_ID,
  CT_PROP_VERSION,
  CT_PROP_AGREEMENT_ID,
  CT_PROP_NAME,
  CT_PROP_ROSA_CLASS,
  CT_PROP_DAYS,
  CT_PROP_QUALITY,
  CT_PROP_HANDLED_BY,
  CT_PROP_CONTACT,
  CT_PROP_CONTACT_ID,
  CT_PROP_CREATED,
  CT_PROP_UPDATED,
  CT_N_PROPS
};

static GParamSpec *case_type_properties[CT_N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaCaseType, tavla_case_type, G_TYPE_OBJECT)

static void
tavla_case_type_finalize (GObject *object)
{
  TavlaCaseType *self = (TavlaCaseType *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->quality, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (tavla_case_type_parent_class)->finalize (object);
}

static void
tavla_case_type_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TavlaCaseType *self = TAVLA_CASE_TYPE (object);

  switch (prop_id)
    {
    case CT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case CT_PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case CT_PROP_AGREEMENT_ID:
      g_value_set_int64 (value, self->agreement_id);
      break;
    case CT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case CT_PROP_ROSA_CLASS:
      g_value_set_string (value, tavla_rosa_class_to_string (self->rosa_class));
      break;
    case CT_PROP_DAYS:
      g_value_set_int (value, self->days);
      break;
    case CT_PROP_QUALITY:
      g_value_set_string (value, self->quality);
      break;
    case CT_PROP_HANDLED_BY:
      g_value_set_string (value, tavla_handled_by_to_string (self->handled_by));
      break;
    case CT_PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case CT_PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case CT_PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case CT_PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_case_type_class_init (TavlaCaseTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_case_type_finalize;
  object_class->get_property = tavla_case_type_get_property;

  case_type_properties[CT_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  case_type_properties[CT_PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  case_type_properties[CT_PROP_AGREEMENT_ID] = g_param_spec_int64 ("agreement-id", NULL, NULL,
                                                                   0, G_MAXINT64, 0, flags);
  case_type_properties[CT_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_ROSA_CLASS] = g_param_spec_string ("rosa-class", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_DAYS] = g_param_spec_int ("days", NULL, NULL, -1, G_MAXINT, -1, flags);
  case_type_properties[CT_PROP_QUALITY] = g_param_spec_string ("quality", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_HANDLED_BY] = g_param_spec_string ("handled-by", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_CONTACT_ID] = g_param_spec_int64 ("contact-id", NULL, NULL,
                                                                 0, G_MAXINT64, 0, flags);
  case_type_properties[CT_PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  case_type_properties[CT_PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, CT_N_PROPS, case_type_properties);
}

static void
tavla_case_type_init (TavlaCaseType *self)
{
  self->days = -1;
}

TavlaCaseType *
tavla_case_type_new (const TavlaCaseTypeFields *fields)
{
  TavlaCaseType *self = g_object_new (TAVLA_TYPE_CASE_TYPE, NULL);

  self->id = fields->id;
  self->version = fields->version;
  self->agreement_id = fields->agreement_id;
  self->name = g_strdup (fields->name);
  self->rosa_class = fields->rosa_class;
  self->days = fields->days < 0 ? -1 : fields->days;
  self->quality = g_strdup (fields->quality);
  self->handled_by = fields->handled_by;
  self->contact_id = fields->contact_id;
  self->contact = g_strdup (fields->contact);
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);

  return self;
}

gint64
tavla_case_type_get_id (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), 0);
  return self->id;
}

gint64
tavla_case_type_get_version (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), 0);
  return self->version;
}

gint64
tavla_case_type_get_agreement_id (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), 0);
  return self->agreement_id;
}

const char *
tavla_case_type_get_name (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), NULL);
  return self->name;
}

TavlaRosaClass
tavla_case_type_get_rosa_class (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), TAVLA_ROSA_INFORMATION);
  return self->rosa_class;
}

int
tavla_case_type_get_days (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), -1);
  return self->days;
}

const char *
tavla_case_type_get_quality (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), NULL);
  return self->quality;
}

TavlaHandledBy
tavla_case_type_get_handled_by (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), TAVLA_HANDLED_BY_CENTRE);
  return self->handled_by;
}

gint64
tavla_case_type_get_contact_id (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), 0);
  return self->contact_id;
}

const char *
tavla_case_type_get_contact (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), NULL);
  return self->contact;
}

const char *
tavla_case_type_get_created (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), NULL);
  return self->created;
}

const char *
tavla_case_type_get_updated (TavlaCaseType *self)
{
  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (self), NULL);
  return self->updated;
}

/* ---- Agreements ------------------------------------------------------- */

struct _TavlaAgreement
{
  GObject               parent_instance;

  gint64                id;
  gint64                version;
  gint64                department_id;
  char                 *department;
  guint                 version_number;
  TavlaAgreementStatus  stored_status;
  char                 *signed_date;
  char                 *valid_from;
  char                 *valid_to;
  guint                 review_months;
  char                 *review_due;
  gboolean              revision_needed;
  char                 *created;
  char                 *updated;
  char                 *today;
  char                 *sections[TAVLA_N_SECTIONS];
  GPtrArray            *signatories;
  GPtrArray            *case_types;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_DEPARTMENT_ID,
  PROP_DEPARTMENT,
  PROP_VERSION_NUMBER,
  PROP_STATUS,
  PROP_SIGNED,
  PROP_VALID_FROM,
  PROP_VALID_TO,
  PROP_REVIEW_MONTHS,
  PROP_REVIEW_DUE,
  PROP_REVISION_NEEDED,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaAgreement, tavla_agreement, G_TYPE_OBJECT)

static void
tavla_agreement_finalize (GObject *object)
{
  TavlaAgreement *self = (TavlaAgreement *) object;

  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->signed_date, g_free);
  g_clear_pointer (&self->valid_from, g_free);
  g_clear_pointer (&self->valid_to, g_free);
  g_clear_pointer (&self->review_due, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->today, g_free);
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    g_clear_pointer (&self->sections[i], g_free);
  g_clear_pointer (&self->signatories, g_ptr_array_unref);
  g_clear_pointer (&self->case_types, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_agreement_parent_class)->finalize (object);
}

static void
tavla_agreement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TavlaAgreement *self = TAVLA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_VERSION_NUMBER:
      g_value_set_uint (value, self->version_number);
      break;
    case PROP_STATUS:
      g_value_set_string (value, tavla_agreement_status_to_string (tavla_agreement_get_status (self)));
      break;
    case PROP_SIGNED:
      g_value_set_string (value, self->signed_date);
      break;
    case PROP_VALID_FROM:
      g_value_set_string (value, self->valid_from);
      break;
    case PROP_VALID_TO:
      g_value_set_string (value, self->valid_to);
      break;
    case PROP_REVIEW_MONTHS:
      g_value_set_uint (value, self->review_months);
      break;
    case PROP_REVIEW_DUE:
      g_value_set_string (value, self->review_due);
      break;
    case PROP_REVISION_NEEDED:
      g_value_set_boolean (value, self->revision_needed);
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
tavla_agreement_class_init (TavlaAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tavla_agreement_finalize;
  object_class->get_property = tavla_agreement_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DEPARTMENT_ID] = g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_VERSION_NUMBER] = g_param_spec_uint ("version-number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_SIGNED] = g_param_spec_string ("signed", NULL, NULL, NULL, flags);
  properties[PROP_VALID_FROM] = g_param_spec_string ("valid-from", NULL, NULL, NULL, flags);
  properties[PROP_VALID_TO] = g_param_spec_string ("valid-to", NULL, NULL, NULL, flags);
  properties[PROP_REVIEW_MONTHS] = g_param_spec_uint ("review-months", NULL, NULL, 0, G_MAXUINT, 12, flags);
  properties[PROP_REVIEW_DUE] = g_param_spec_string ("review-due", NULL, NULL, NULL, flags);
  properties[PROP_REVISION_NEEDED] = g_param_spec_boolean ("revision-needed", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tavla_agreement_init (TavlaAgreement *self)
{
  self->signatories = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_signatory_free);
  self->case_types = g_ptr_array_new_with_free_func (g_object_unref);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

TavlaAgreement *
tavla_agreement_new (const TavlaAgreementFields *fields)
{
  TavlaAgreement *self = g_object_new (TAVLA_TYPE_AGREEMENT, NULL);

  self->id = fields->id;
  self->version = fields->version;
  self->department_id = fields->department_id;
  self->department = g_strdup (fields->department);
  self->version_number = fields->version_number;
  self->stored_status = fields->stored_status;
  self->signed_date = dup_nonempty (fields->signed_date);
  self->valid_from = dup_nonempty (fields->valid_from);
  self->valid_to = dup_nonempty (fields->valid_to);
  self->review_months = fields->review_months;
  self->review_due = tavla_agreement_compute_review_due (self->signed_date, self->review_months);
  self->revision_needed = fields->revision_needed;
  self->created = g_strdup (fields->created);
  self->updated = g_strdup (fields->updated);
  self->today = fields->today != NULL ? g_strdup (fields->today) : tavla_date_today ();

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    self->sections[i] = g_strdup (fields->sections[i] != NULL ? fields->sections[i] : "");
  for (guint i = 0; i < fields->n_signatories; i++)
    g_ptr_array_add (self->signatories, tavla_signatory_copy (fields->signatories[i]));
  for (guint i = 0; i < fields->n_case_types; i++)
    g_ptr_array_add (self->case_types, g_object_ref (fields->case_types[i]));

  return self;
}

gint64
tavla_agreement_get_id (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), 0);
  return self->id;
}

gint64
tavla_agreement_get_version (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), 0);
  return self->version;
}

gint64
tavla_agreement_get_department_id (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), 0);
  return self->department_id;
}

const char *
tavla_agreement_get_department (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->department;
}

guint
tavla_agreement_get_version_number (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), 0);
  return self->version_number;
}

TavlaAgreementStatus
tavla_agreement_get_status_on (TavlaAgreement *self,
                               const char     *day)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), TAVLA_AGREEMENT_STATUS_DRAFT);

  if (day == NULL)
    day = self->today;

  if (self->stored_status == TAVLA_AGREEMENT_STATUS_ACTIVE &&
      self->valid_to != NULL && strcmp (self->valid_to, day) < 0)
    return TAVLA_AGREEMENT_STATUS_EXPIRED;

  return self->stored_status;
}

TavlaAgreementStatus
tavla_agreement_get_status (TavlaAgreement *self)
{
  return tavla_agreement_get_status_on (self, NULL);
}

TavlaAgreementStatus
tavla_agreement_get_stored_status (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), TAVLA_AGREEMENT_STATUS_DRAFT);
  return self->stored_status;
}

const char *
tavla_agreement_get_signed (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->signed_date;
}

const char *
tavla_agreement_get_valid_from (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->valid_from;
}

const char *
tavla_agreement_get_valid_to (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->valid_to;
}

guint
tavla_agreement_get_review_months (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), 0);
  return self->review_months;
}

const char *
tavla_agreement_get_review_due (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->review_due;
}

gboolean
tavla_agreement_is_review_overdue (TavlaAgreement *self,
                                   const char     *day)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), FALSE);

  if (day == NULL)
    day = self->today;

  return self->stored_status == TAVLA_AGREEMENT_STATUS_ACTIVE &&
         self->review_due != NULL && strcmp (self->review_due, day) <= 0;
}

gboolean
tavla_agreement_get_revision_needed (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), FALSE);
  return self->revision_needed;
}

const char *
tavla_agreement_get_created (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->created;
}

const char *
tavla_agreement_get_updated (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->updated;
}

const char *
tavla_agreement_get_section (TavlaAgreement *self,
                             TavlaSection    section)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), "");
  g_return_val_if_fail (section < TAVLA_N_SECTIONS, "");
  return self->sections[section];
}

GPtrArray *
tavla_agreement_get_signatories (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->signatories;
}

GPtrArray *
tavla_agreement_get_case_types (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);
  return self->case_types;
}

TavlaCaseType *
tavla_agreement_find_case_type (TavlaAgreement *self,
                                gint64          case_type_id)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);

  for (guint i = 0; i < self->case_types->len; i++)
    {
      TavlaCaseType *case_type = g_ptr_array_index (self->case_types, i);

      if (case_type->id == case_type_id)
        return case_type;
    }

  return NULL;
}

char *
tavla_agreement_dup_title (TavlaAgreement *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (self), NULL);

  /* Translators: a delivery agreement: the department, then its version number */
  return g_strdup_printf (_("%s, version %u"), self->department, self->version_number);
}

/* ---- Diff ------------------------------------------------------------- */

void
tavla_agreement_change_free (TavlaAgreementChange *change)
{
  if (change == NULL)
    return;

  g_free (change->subject);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->description);
  g_free (change);
}

const char *
tavla_agreement_part_to_string (TavlaAgreementPart part)
{
  static const char *const names[] = { "field", "section", "case-type", "signatory" };

  g_return_val_if_fail (part <= TAVLA_AGREEMENT_PART_SIGNATORY, NULL);
  return names[part];
}

const char *
tavla_change_kind_to_string (TavlaChangeKind kind)
{
  static const char *const names[] = { "added", "removed", "changed" };

  g_return_val_if_fail (kind <= TAVLA_CHANGE_CHANGED, NULL);
  return names[kind];
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "signed"))
    return _("Signed");
  if (g_str_equal (field, "valid-from"))
    return _("Valid from");
  if (g_str_equal (field, "valid-to"))
    return _("Valid to");
  return _("Review interval (months)");
}

static char *
describe_change (TavlaAgreementPart  part,
                 TavlaChangeKind     kind,
                 const char         *subject)
{
  switch (part)
    {
    case TAVLA_AGREEMENT_PART_FIELD:
      if (kind == TAVLA_CHANGE_ADDED)
        return g_strdup_printf (_("%s set"), field_label (subject));
      if (kind == TAVLA_CHANGE_REMOVED)
        return g_strdup_printf (_("%s cleared"), field_label (subject));
      return g_strdup_printf (_("%s changed"), field_label (subject));
    case TAVLA_AGREEMENT_PART_SECTION:
      {
        TavlaSection section = TAVLA_SECTION_RESPONSIBILITIES;
        const char *label = NULL;

        tavla_section_from_string (subject, &section);
        label = tavla_section_get_label (section);
        if (kind == TAVLA_CHANGE_ADDED)
          return g_strdup_printf (_("Section “%s” written"), label);
        if (kind == TAVLA_CHANGE_REMOVED)
          return g_strdup_printf (_("Section “%s” emptied"), label);
        return g_strdup_printf (_("Section “%s” changed"), label);
      }
    case TAVLA_AGREEMENT_PART_CASE_TYPE:
      if (kind == TAVLA_CHANGE_ADDED)
        return g_strdup_printf (_("Case type “%s” added"), subject);
      if (kind == TAVLA_CHANGE_REMOVED)
        return g_strdup_printf (_("Case type “%s” removed"), subject);
      return g_strdup_printf (_("Case type “%s” changed"), subject);
    case TAVLA_AGREEMENT_PART_SIGNATORY:
    default:
      if (kind == TAVLA_CHANGE_ADDED)
        return g_strdup_printf (_("Signatory “%s” added"), subject);
      if (kind == TAVLA_CHANGE_REMOVED)
        return g_strdup_printf (_("Signatory “%s” removed"), subject);
      return g_strdup_printf (_("Signatory “%s” changed"), subject);
    }
}

static void
add_change (GPtrArray           *changes,
            TavlaAgreementPart   part,
            const char          *subject,
            const char          *old_value,
            const char          *new_value)
{
  TavlaAgreementChange *change = NULL;
  TavlaChangeKind kind = TAVLA_CHANGE_CHANGED;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  if (old_value == NULL)
    kind = TAVLA_CHANGE_ADDED;
  else if (new_value == NULL)
    kind = TAVLA_CHANGE_REMOVED;

  change = g_new0 (TavlaAgreementChange, 1);
  change->part = part;
  change->kind = kind;
  change->subject = g_strdup (subject);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  change->description = describe_change (part, kind, subject);
  g_ptr_array_add (changes, change);
}

static char *
case_type_line (TavlaCaseType *case_type)
{
  GString *line = g_string_new (tavla_rosa_class_get_label (case_type->rosa_class));

  if (case_type->days >= 0)
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, ", %d working day", ", %d working days",
                                               case_type->days),
                            case_type->days);
  g_string_append_printf (line, _(", handled by: %s"), tavla_handled_by_get_label (case_type->handled_by));
  if (case_type->contact != NULL)
    g_string_append_printf (line, _(", contact: %s"), case_type->contact);
  if (case_type->quality != NULL && *case_type->quality != '\0')
    g_string_append_printf (line, _(", quality: %s"), case_type->quality);

  return g_string_free (line, FALSE);
}

static char *
signatory_line (const TavlaSignatory *signatory)
{
  return g_strdup_printf ("%s, %s", signatory->role, tavla_party_get_label (signatory->party));
}

static int
compare_case_types (gconstpointer a,
                    gconstpointer b)
{
  TavlaCaseType *x = *(TavlaCaseType **) a;
  TavlaCaseType *y = *(TavlaCaseType **) b;
  g_autofree char *kx = g_utf8_casefold (x->name, -1);
  g_autofree char *ky = g_utf8_casefold (y->name, -1);

  return g_utf8_collate (kx, ky);
}

static int
compare_signatories (gconstpointer a,
                     gconstpointer b)
{
  const TavlaSignatory *x = *(TavlaSignatory **) a;
  const TavlaSignatory *y = *(TavlaSignatory **) b;

  return g_utf8_collate (x->name, y->name);
}

/* A merge of two name-sorted arrays; @key returns a new casefolded key. */
static void
diff_case_types (GPtrArray *changes,
                 GPtrArray *old_types,
                 GPtrArray *new_types)
{
  g_autoptr(GPtrArray) a = g_ptr_array_copy (old_types, NULL, NULL);
  g_autoptr(GPtrArray) b = g_ptr_array_copy (new_types, NULL, NULL);
  guint i = 0;
  guint j = 0;

  g_ptr_array_set_free_func (a, NULL);
  g_ptr_array_set_free_func (b, NULL);
  g_ptr_array_sort (a, compare_case_types);
  g_ptr_array_sort (b, compare_case_types);

  while (i < a->len || j < b->len)
    {
      TavlaCaseType *x = i < a->len ? g_ptr_array_index (a, i) : NULL;
      TavlaCaseType *y = j < b->len ? g_ptr_array_index (b, j) : NULL;
      int order = x == NULL ? 1 : y == NULL ? -1 : compare_case_types (&x, &y);
      g_autofree char *old_line = x != NULL && order <= 0 ? case_type_line (x) : NULL;
      g_autofree char *new_line = y != NULL && order >= 0 ? case_type_line (y) : NULL;

      TavlaCaseType *subject = order <= 0 ? x : y;

      if (subject == NULL)
        break;
      add_change (changes, TAVLA_AGREEMENT_PART_CASE_TYPE, subject->name, old_line, new_line);
      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }
}

static void
diff_signatories (GPtrArray *changes,
                  GPtrArray *old_signatories,
                  GPtrArray *new_signatories)
{
  g_autoptr(GPtrArray) a = g_ptr_array_copy (old_signatories, NULL, NULL);
  g_autoptr(GPtrArray) b = g_ptr_array_copy (new_signatories, NULL, NULL);
  guint i = 0;
  guint j = 0;

  g_ptr_array_set_free_func (a, NULL);
  g_ptr_array_set_free_func (b, NULL);
  g_ptr_array_sort (a, compare_signatories);
  g_ptr_array_sort (b, compare_signatories);

  while (i < a->len || j < b->len)
    {
      const TavlaSignatory *x = i < a->len ? g_ptr_array_index (a, i) : NULL;
      const TavlaSignatory *y = j < b->len ? g_ptr_array_index (b, j) : NULL;
      int order = x == NULL ? 1 : y == NULL ? -1 : compare_signatories (&x, &y);
      g_autofree char *old_line = x != NULL && order <= 0 ? signatory_line (x) : NULL;
      g_autofree char *new_line = y != NULL && order >= 0 ? signatory_line (y) : NULL;

      const TavlaSignatory *subject = order <= 0 ? x : y;

      if (subject == NULL)
        break;
      add_change (changes, TAVLA_AGREEMENT_PART_SIGNATORY, subject->name, old_line, new_line);
      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }
}

static const char *
nonempty_or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

GPtrArray *
tavla_agreement_diff (TavlaAgreement *old_agreement,
                      TavlaAgreement *new_agreement)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_agreement_change_free);
  g_autofree char *old_months = NULL;
  g_autofree char *new_months = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (old_agreement), NULL);
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (new_agreement), NULL);

  old_months = g_strdup_printf ("%u", old_agreement->review_months);
  new_months = g_strdup_printf ("%u", new_agreement->review_months);

  add_change (changes, TAVLA_AGREEMENT_PART_FIELD, "signed",
              old_agreement->signed_date, new_agreement->signed_date);
  add_change (changes, TAVLA_AGREEMENT_PART_FIELD, "valid-from",
              old_agreement->valid_from, new_agreement->valid_from);
  add_change (changes, TAVLA_AGREEMENT_PART_FIELD, "valid-to",
              old_agreement->valid_to, new_agreement->valid_to);
  add_change (changes, TAVLA_AGREEMENT_PART_FIELD, "review-months", old_months, new_months);

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    add_change (changes, TAVLA_AGREEMENT_PART_SECTION, section_names[i],
                nonempty_or_null (old_agreement->sections[i]),
                nonempty_or_null (new_agreement->sections[i]));

  diff_case_types (changes, old_agreement->case_types, new_agreement->case_types);
  diff_signatories (changes, old_agreement->signatories, new_agreement->signatories);

  return g_steal_pointer (&changes);
}
