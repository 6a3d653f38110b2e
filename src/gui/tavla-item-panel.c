/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-gui-settings.h"
#include "tavla-item-panel.h"

/*
 * The side panel that creates and edits one improvement proposal. The form
 * never decides what is allowed: every edit builds the TavlaItemChange that
 * Save would send and asks tavla_item_rules_check(), which names the field
 * at fault; the message goes under that field and Save stays off.
 *
 * A proposal made from a deviation is saved through
 * tavla_board_act_on_deviation(), so the core links it to the deviation
 * and its metric and sets its source; an item linked to a metric shows its
 * effect on the metric before and after.
 */

struct _TavlaItemPanel
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *heading_label;
  GtkEntry       *title_entry;
  GtkLabel       *title_message;
  GtkTextView    *description_view;
  GtkLabel       *description_message;
  GtkDropDown    *owner_dropdown;
  GtkLabel       *owner_message;
  GtkEntry       *due_entry;
  GtkLabel       *due_week_label;
  GtkPopover     *due_popover;
  GtkCalendar    *due_calendar;
  GtkLabel       *due_message;
  GtkDropDown    *department_dropdown;
  GtkLabel       *department_message;
  GtkDropDown    *source_dropdown;
  GtkSwitch      *strategic_switch;
  GtkWidget      *status_group;
  GtkDropDown    *status_dropdown;
  GtkLabel       *status_message;
  GtkWidget      *mark_group;
  GtkDropDown    *mark_dropdown;
  GtkLabel       *mark_message;
  GtkWidget      *note_group;
  GtkEntry       *note_entry;
  GtkLabel       *note_message;
  GtkLabel       *form_message;
  GtkWidget      *history_group;
  GtkListBox     *history_list;
  GtkWidget      *effect_group;
  GtkListBox     *effect_list;
  GtkWidget      *deviation_box;
  GtkWidget      *link_group;
  GtkDropDown    *link_dropdown;
  GtkLabel       *link_message;
  GtkLabel       *deviation_label;
  GtkWidget      *save_button;

  /* Owned references */
  TavlaBoard     *board;
  TavlaItem      *item;
  TavlaDeviation *deviation;   /* a new proposal made from it */
  GtkStringList  *owners;
  GtkStringList  *departments;
  GtkStringList  *metrics;

  guint           filling : 1;
  guint           dirty : 1;
  guint           can_save : 1;
};

/* The strings a change borrows, owned here while it is in use. */
typedef struct
{
  char *title;
  char *description;
  char *due;
  char *note;
} FormText;

enum {
  PROP_0,
  PROP_BOARD,
  PROP_ITEM,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaItemPanel, tavla_item_panel, GTK_TYPE_WIDGET)

static void
form_text_clear (FormText *text)
{
  g_clear_pointer (&text->title, g_free);
  g_clear_pointer (&text->description, g_free);
  g_clear_pointer (&text->due, g_free);
  g_clear_pointer (&text->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormText, form_text_clear)

/* Empty strings mean "none" everywhere in the form. */
static char *
dup_stripped_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
dup_description (TavlaItemPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (dup_stripped_or_null (text) == NULL)
    return NULL;
  return g_steal_pointer (&text);
}

/* The chosen name, or NULL for the "No owner"/"No department" row. */
static const char *
get_choice (GtkDropDown   *dropdown,
            GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (list, selected);
}

static void
set_choice (GtkDropDown   *dropdown,
            GtkStringList *list,
            const char    *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; name != NULL && i < n; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (list, i), name) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (dropdown, 0);
}

/*
 * Builds the change Save would send: for a new proposal every field of the
 * form, for an existing one only what differs from the item as shown, so
 * an untouched field is never rewritten and its history stays clean.
 */
static void
build_change (TavlaItemPanel  *self,
              TavlaItemChange *change,
              FormText        *text)
{
  TavlaItem *item = self->item;
  const char *owner = get_choice (self->owner_dropdown, self->owners);
  const char *department = get_choice (self->department_dropdown, self->departments);
  TavlaSource source = gtk_drop_down_get_selected (self->source_dropdown);
  TavlaStatus status = gtk_drop_down_get_selected (self->status_dropdown);
  TavlaMark mark = gtk_drop_down_get_selected (self->mark_dropdown);
  gboolean strategic = gtk_switch_get_active (self->strategic_switch);
  g_autofree char *stripped_title = NULL;

  memset (change, 0, sizeof *change);
  text->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  text->description = dup_description (self);
  text->due = dup_stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->due_entry)));
  text->note = dup_stripped_or_null (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  stripped_title = g_strstrip (g_strdup (text->title));

  change->title = text->title;
  change->description = text->description;
  change->owner = owner;
  change->due = text->due;
  change->department = department;
  change->source = source;
  change->strategic = strategic;
  change->status = status;
  change->mark = mark;
  change->note = text->note;

  if (item == NULL)
    {
      change->set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DESCRIPTION |
                    TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE |
                    TAVLA_ITEM_FIELD_DEPARTMENT | TAVLA_ITEM_FIELD_SOURCE |
                    TAVLA_ITEM_FIELD_STRATEGIC;
      if (text->note != NULL)
        change->set |= TAVLA_ITEM_FIELD_NOTE;
      return;
    }

  change->expected_version = tavla_item_get_version (item);
  if (g_strcmp0 (stripped_title, tavla_item_get_title (item)) != 0)
    change->set |= TAVLA_ITEM_FIELD_TITLE;
  if (g_strcmp0 (text->description, tavla_item_get_description (item)) != 0 &&
      !(text->description == NULL && g_strcmp0 (tavla_item_get_description (item), "") == 0))
    change->set |= TAVLA_ITEM_FIELD_DESCRIPTION;
  if (g_strcmp0 (owner, tavla_item_get_owner (item)) != 0)
    change->set |= TAVLA_ITEM_FIELD_OWNER;
  if (g_strcmp0 (text->due, tavla_item_get_due (item)) != 0)
    change->set |= TAVLA_ITEM_FIELD_DUE;
  if (g_strcmp0 (department, tavla_item_get_department (item)) != 0)
    change->set |= TAVLA_ITEM_FIELD_DEPARTMENT;
  if (source != tavla_item_get_source (item))
    change->set |= TAVLA_ITEM_FIELD_SOURCE;
  if (!strategic != !tavla_item_get_strategic (item))
    change->set |= TAVLA_ITEM_FIELD_STRATEGIC;
  if (status != tavla_item_get_status (item))
    change->set |= TAVLA_ITEM_FIELD_STATUS;
  if (mark != tavla_item_get_mark (item))
    change->set |= TAVLA_ITEM_FIELD_MARK;
  if (text->note != NULL && change->set != TAVLA_ITEM_FIELD_NONE)
    change->set |= TAVLA_ITEM_FIELD_NOTE;
}

static GtkLabel *
get_message_label (TavlaItemPanel *self,
                   TavlaItemField  field)
{
  switch (field)
    {
    case TAVLA_ITEM_FIELD_TITLE:
      return self->title_message;
    case TAVLA_ITEM_FIELD_DESCRIPTION:
      return self->description_message;
    case TAVLA_ITEM_FIELD_OWNER:
      return self->owner_message;
    case TAVLA_ITEM_FIELD_DUE:
      return self->due_message;
    case TAVLA_ITEM_FIELD_DEPARTMENT:
      return self->department_message;
    case TAVLA_ITEM_FIELD_STATUS:
      return self->status_message;
    case TAVLA_ITEM_FIELD_MARK:
      return self->mark_message;
    case TAVLA_ITEM_FIELD_NOTE:
      return self->note_message;
    case TAVLA_ITEM_FIELD_NONE:
    case TAVLA_ITEM_FIELD_SOURCE:
    case TAVLA_ITEM_FIELD_STRATEGIC:
    default:
      return self->form_message;
    }
}

static void
clear_messages (TavlaItemPanel *self)
{
  GtkLabel *labels[] = {
    self->title_message, self->description_message, self->owner_message,
    self->due_message, self->department_message, self->status_message,
    self->mark_message, self->note_message, self->form_message,
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_label (labels[i], "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
    }
}

static void
show_message (TavlaItemPanel *self,
              TavlaItemField  field,
              const char     *message)
{
  GtkLabel *label = get_message_label (self, field);

  /* A field hidden for new proposals cannot carry the message. */
  if (!gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))))
    label = self->form_message;

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
set_can_save (TavlaItemPanel *self,
              gboolean        can_save)
{
  can_save = !!can_save;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.save", can_save);
  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
}

static void
update_due_week (TavlaItemPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_entry));
  g_autofree char *label = NULL;
  GDate date;

  if (tavla_date_parse (text, &date))
    {
      guint year = 0;
      guint week = tavla_date_iso_week (text, &year);

      /* TRANSLATORS: the ISO week of the due date, shown beside it. */
      label = g_strdup_printf (_("Week %u"), week);
    }

  gtk_label_set_label (self->due_week_label, label != NULL ? label : "");
}

static void
validate (TavlaItemPanel *self)
{
  g_auto(FormText) text = { NULL, };
  g_autoptr(GError) error = NULL;
  TavlaItemChange change;
  TavlaItemField field = TAVLA_ITEM_FIELD_NONE;
  gboolean valid;

  if (self->filling)
    return;

  update_due_week (self);
  clear_messages (self);
  build_change (self, &change, &text);
  valid = tavla_item_rules_check (self->item, &change, &field, &error);

  /* A fresh form is not scolded for its empty title; Save just waits. */
  if (!valid && self->dirty)
    show_message (self, field, error->message);

  if (self->board != NULL && tavla_board_is_read_only (self->board))
    {
      show_message (self, TAVLA_ITEM_FIELD_NONE, tavla_board_get_read_only_reason (self->board));
      valid = FALSE;
    }

  set_can_save (self, valid && self->board != NULL &&
                (self->item == NULL || change.set != TAVLA_ITEM_FIELD_NONE));
}

static void
on_form_changed (TavlaItemPanel *self)
{
  if (self->filling)
    return;

  self->dirty = TRUE;
  validate (self);
}

static void
fill_names (GtkStringList *list,
            const char    *none_label,
            GListModel    *model,
            const char   *(*get_name) (gpointer))
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) none_label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      g_ptr_array_add (names, (gpointer) get_name (object));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
}

static const char *
person_name (gpointer object)
{
  return tavla_person_get_name (object);
}

static const char *
department_name (gpointer object)
{
  return tavla_department_get_name (object);
}

static void
reload_choices (TavlaItemPanel *self)
{
  const char *owner = NULL;
  const char *department = NULL;
  g_autofree char *owner_copy = NULL;
  g_autofree char *department_copy = NULL;
  gboolean was_filling = self->filling;

  owner_copy = g_strdup (get_choice (self->owner_dropdown, self->owners));
  department_copy = g_strdup (get_choice (self->department_dropdown, self->departments));
  owner = owner_copy;
  department = department_copy;

  self->filling = TRUE;
  fill_names (self->owners, _("No owner"),
              self->board != NULL ? tavla_board_get_people (self->board) : NULL,
              person_name);
  fill_names (self->departments, _("No department"),
              self->board != NULL ? tavla_board_get_departments (self->board) : NULL,
              department_name);
  set_choice (self->owner_dropdown, self->owners, owner);
  set_choice (self->department_dropdown, self->departments, department);
  self->filling = was_filling;
}

static GtkWidget *
create_history_row (TavlaHistoryEntry *entry,
                    const char        *meeting)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  const char *note = tavla_history_entry_get_note (entry);
  g_autofree char *what = tavla_history_entry_describe (entry);
  g_autofree char *when = tavla_timestamp_display (tavla_history_entry_get_at (entry));
  g_autofree char *who = NULL;

  /* TRANSLATORS: who made a change and when, in the history timeline. */
  who = g_strdup_printf (_("%s · %s"), tavla_history_entry_get_actor (entry), when);
  if (meeting != NULL)
    {
      /* A change made in a meeting names it: "Maria · 2026-12-07 10:12 ·
       * Weekly meeting 2026-12-07 (w. 50)". */
      g_autofree char *with = g_strdup_printf (_("%s · %s"), who, meeting);

      g_free (who);
      who = g_steal_pointer (&with);
    }

  gtk_widget_add_css_class (box, "history-row");

  label = gtk_label_new (what);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "history-what");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (who);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  if (note != NULL && note[0] != '\0')
    {
      label = gtk_label_new (note);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "history-note");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static void
reload_history (TavlaItemPanel *self)
{
  g_autoptr(GHashTable) meetings = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  gtk_widget_set_visible (self->history_group, self->item != NULL);
  if (self->item == NULL || self->board == NULL)
    return;

  history = tavla_board_list_history (self->board, tavla_item_get_id (self->item), &error);
  if (history == NULL)
    {
      gtk_list_box_append (self->history_list, gtk_label_new (error->message));
      return;
    }

  /* Newest first: the last weekly meeting is what people look for. */
  n = g_list_model_get_n_items (history);
  meetings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i - 1);
      gint64 meeting_id = tavla_history_entry_get_meeting_id (entry);
      const char *meeting = NULL;

      if (meeting_id != 0 && (meeting = g_hash_table_lookup (meetings, &meeting_id)) == NULL)
        {
          g_autoptr(TavlaMeeting) found = tavla_board_get_meeting (self->board, meeting_id, NULL);

          if (found != NULL)
            {
              meeting = tavla_meeting_dup_title (found);
              g_hash_table_insert (meetings, g_memdup2 (&meeting_id, sizeof meeting_id), (char *) meeting);
            }
        }

      gtk_list_box_append (self->history_list, create_history_row (entry, meeting));
    }
}

static GtkWidget *
create_effect_row (const TavlaEffect *effect)
{
  g_autofree char *summary = tavla_effect_dup_summary (effect);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon;
  GtkWidget *label;

  gtk_widget_add_css_class (box, "history-row");

  /* The icon says which way it went, the text says how much. */
  if (effect->has_before && effect->has_after)
    {
      icon = gtk_image_new_from_icon_name (effect->improved ? "emblem-ok-symbolic"
                                                            : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, effect->improved ? "success" : "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), icon);
    }

  label = gtk_label_new (summary);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
reload_effect (TavlaItemPanel *self)
{
  g_autoptr(GPtrArray) effects = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->effect_list))) != NULL)
    gtk_list_box_remove (self->effect_list, child);

  gtk_widget_set_visible (self->effect_group, FALSE);
  if (self->board == NULL || self->item == NULL || !tavla_item_get_has_metric (self->item))
    return;

  effects = tavla_board_get_item_effect (self->board, tavla_item_get_id (self->item), 0, &error);
  if (effects == NULL)
    {
      gtk_list_box_append (self->effect_list, gtk_label_new (error->message));
      gtk_widget_set_visible (self->effect_group, TRUE);
      return;
    }

  for (guint i = 0; i < effects->len; i++)
    gtk_list_box_append (self->effect_list, create_effect_row (g_ptr_array_index (effects, i)));
  gtk_widget_set_visible (self->effect_group, effects->len > 0);
}

/* A stored proposal can be followed up on any metric; the effect then
 * shows how the metric moved around it. */
static void
reload_link_choices (TavlaItemPanel *self)
{
  GListModel *metrics = self->board != NULL ? tavla_board_get_metrics (self->board) : NULL;
  guint n = metrics != NULL ? g_list_model_get_n_items (metrics) : 0;

  gtk_string_list_splice (self->metrics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->metrics)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);

      gtk_string_list_append (self->metrics, tavla_metric_get_name (metric));
    }

  gtk_label_set_label (self->link_message, "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_message), FALSE);
  gtk_widget_set_visible (self->link_group, self->item != NULL && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.link-metric",
                                 self->item != NULL && n > 0 && !tavla_board_is_read_only (self->board));
}

static void
fill_deviation (TavlaItemPanel *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->deviation_box, self->deviation != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_dropdown), self->deviation == NULL);
  if (self->deviation == NULL)
    return;

  /* The core's one-line summary is the suggested title; the user edits it. */
  summary = tavla_deviation_dup_summary (self->deviation);
  title = g_utf8_substring (summary, 0, MIN (g_utf8_strlen (summary, -1), TAVLA_ITEM_TITLE_MAX_CHARS));
  gtk_label_set_label (self->heading_label, _("Improvement from Deviation"));
  gtk_label_set_label (self->deviation_label, summary);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  gtk_drop_down_set_selected (self->source_dropdown, TAVLA_SOURCE_DEVIATION);
}

static void
fill_form (TavlaItemPanel *self)
{
  TavlaItem *item = self->item;
  const char *description = item != NULL ? tavla_item_get_description (item) : NULL;
  const char *due = item != NULL ? tavla_item_get_due (item) : NULL;

  self->filling = TRUE;

  gtk_label_set_label (self->heading_label,
                       item != NULL ? _("Edit Proposal") : _("New Proposal"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         item != NULL ? tavla_item_get_title (item) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);
  set_choice (self->owner_dropdown, self->owners, item != NULL ? tavla_item_get_owner (item) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due != NULL ? due : "");
  set_choice (self->department_dropdown, self->departments,
              item != NULL ? tavla_item_get_department (item) : NULL);
  gtk_drop_down_set_selected (self->source_dropdown,
                              item != NULL ? tavla_item_get_source (item) : TAVLA_SOURCE_WEEKLY);
  gtk_switch_set_active (self->strategic_switch, item != NULL && tavla_item_get_strategic (item));
  gtk_drop_down_set_selected (self->status_dropdown,
                              item != NULL ? tavla_item_get_status (item) : TAVLA_STATUS_NEW);
  gtk_drop_down_set_selected (self->mark_dropdown,
                              item != NULL ? tavla_item_get_mark (item) : TAVLA_MARK_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");

  /* A new proposal always starts as "new" without a mark. */
  gtk_widget_set_visible (self->status_group, item != NULL);
  gtk_widget_set_visible (self->mark_group, item != NULL);
  gtk_widget_set_visible (self->note_group, item != NULL);

  fill_deviation (self);

  self->filling = FALSE;
  self->dirty = FALSE;

  reload_history (self);
  reload_effect (self);
  reload_link_choices (self);
  validate (self);
}

static void
on_people_changed (TavlaItemPanel *self)
{
  reload_choices (self);
}

static void
on_due_popover_show (TavlaItemPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->due_entry));
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (!tavla_date_parse (text, &date))
    return;

  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);
  if (date_time != NULL)
    gtk_calendar_select_day (self->due_calendar, date_time);
}

static void
on_day_selected (TavlaItemPanel *self)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (self->due_calendar);
  g_autofree char *text = g_date_time_format (date_time, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), text);
  gtk_popover_popdown (self->due_popover);
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TavlaItemPanel   *self)
{
  g_autoptr(TavlaItem) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reload") != 0 || self->item == NULL || self->board == NULL)
    return;

  fresh = tavla_board_get_item (self->board, tavla_item_get_id (self->item), &error);
  if (fresh == NULL)
    {
      show_message (self, TAVLA_ITEM_FIELD_NONE, error->message);
      return;
    }

  tavla_item_panel_edit (self, fresh);
}

static void
show_conflict (TavlaItemPanel *self,
               const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  show_message (self, TAVLA_ITEM_FIELD_NONE, message);
  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Changed Elsewhere"), message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaItemPanel *self = TAVLA_ITEM_PANEL (widget);
  g_auto(FormText) text = { NULL, };
  g_autoptr(TavlaItem) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  TavlaItemChange change;
  gboolean created = self->item == NULL;

  if (self->board == NULL)
    return;

  self->dirty = TRUE;
  validate (self);
  if (!self->can_save)
    return;

  build_change (self, &change, &text);
  actor = tavla_gui_dup_actor ();
  if (created && self->deviation != NULL)
    saved = tavla_board_act_on_deviation (self->board, tavla_deviation_get_id (self->deviation),
                                          &change, actor, &error);
  else if (created)
    saved = tavla_board_create_item (self->board, &change, actor, &error);
  else
    saved = tavla_board_update_item (self->board, tavla_item_get_id (self->item),
                                     &change, actor, &error);

  if (saved == NULL)
    {
      if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT))
        show_conflict (self, error->message);
      else
        show_message (self, TAVLA_ITEM_FIELD_NONE, error->message);
      return;
    }

  g_set_object (&self->item, saved);
  g_clear_object (&self->deviation);
  fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  g_signal_emit (self, signals[SAVED], 0, saved, created);
}

static void
link_metric_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TavlaItemPanel *self = TAVLA_ITEM_PANEL (widget);
  guint selected = gtk_drop_down_get_selected (self->link_dropdown);
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;

  if (self->board == NULL || self->item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  actor = tavla_gui_dup_actor ();
  linked = tavla_board_link_item_to_metric (self->board, tavla_item_get_id (self->item),
                                            gtk_string_list_get_string (self->metrics, selected),
                                            actor, &error);
  if (linked == NULL)
    {
      gtk_label_set_label (self->link_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->link_message), TRUE);
      return;
    }

  /* Only the link changed: what the user typed in the form stays. */
  g_set_object (&self->item, linked);
  reload_history (self);
  reload_effect (self);
  validate (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* The list positions are the enum values. */
static GtkStringList *
new_enum_list (GType type)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (type == TAVLA_TYPE_STATUS)
    for (guint i = 0; i < TAVLA_N_STATUSES; i++)
      gtk_string_list_append (list, tavla_status_get_label ((TavlaStatus) i));
  else if (type == TAVLA_TYPE_MARK)
    for (guint i = 0; i < TAVLA_N_MARKS; i++)
      gtk_string_list_append (list, tavla_mark_get_label ((TavlaMark) i));
  else
    for (guint i = 0; i < TAVLA_N_SOURCES; i++)
      gtk_string_list_append (list, tavla_source_get_label ((TavlaSource) i));

  return list;
}

static void
tavla_item_panel_dispose (GObject *object)
{
  TavlaItemPanel *self = (TavlaItemPanel *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_ITEM_PANEL);
  /* dispose_template only drops the bound children; the unnamed top-level
   * box holding them goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);
  g_clear_object (&self->item);
  g_clear_object (&self->deviation);
  g_clear_object (&self->owners);
  g_clear_object (&self->departments);
  g_clear_object (&self->metrics);

  G_OBJECT_CLASS (tavla_item_panel_parent_class)->dispose (object);
}

static void
tavla_item_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TavlaItemPanel *self = TAVLA_ITEM_PANEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_item_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TavlaItemPanel *self = TAVLA_ITEM_PANEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_item_panel_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_item_panel_class_init (TavlaItemPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_item_panel_dispose;
  object_class->get_property = tavla_item_panel_get_property;
  object_class->set_property = tavla_item_panel_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         TAVLA_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The proposal was written; @created tells a new one from an edit. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TAVLA_TYPE_ITEM, G_TYPE_BOOLEAN);
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "panel.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "panel.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "panel.link-metric", NULL, link_metric_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "panel.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "panel.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-item-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, title_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, description_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, description_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, owner_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, due_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, due_week_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, due_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, due_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, department_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, strategic_switch);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, status_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, status_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, mark_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, mark_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, mark_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, note_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, note_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, form_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, history_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, effect_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, effect_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, deviation_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, deviation_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, link_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, link_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, link_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemPanel, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_due_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itempanel");
}

static void
tavla_item_panel_init (TavlaItemPanel *self)
{
  g_autoptr(GtkStringList) sources = NULL;
  g_autoptr(GtkStringList) statuses = NULL;
  g_autoptr(GtkStringList) marks = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  self->owners = gtk_string_list_new (NULL);
  self->departments = gtk_string_list_new (NULL);
  self->metrics = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->link_dropdown, G_LIST_MODEL (self->metrics));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owners));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));

  sources = new_enum_list (TAVLA_TYPE_SOURCE);
  statuses = new_enum_list (TAVLA_TYPE_STATUS);
  marks = new_enum_list (TAVLA_TYPE_MARK);
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (sources));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->mark_dropdown, G_LIST_MODEL (marks));
  self->filling = FALSE;

  reload_choices (self);
  fill_form (self);
}

GtkWidget *
tavla_item_panel_new (void)
{
  return g_object_new (TAVLA_TYPE_ITEM_PANEL, NULL);
}

TavlaBoard *
tavla_item_panel_get_board (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return self->board;
}

void
tavla_item_panel_set_board (TavlaItemPanel *self,
                            TavlaBoard     *board)
{
  g_return_if_fail (TAVLA_IS_ITEM_PANEL (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_func (tavla_board_get_people (self->board),
                                            on_people_changed, self);
      g_signal_handlers_disconnect_by_func (tavla_board_get_departments (self->board),
                                            on_people_changed, self);
    }

  g_set_object (&self->board, board);
  g_clear_object (&self->item);
  g_clear_object (&self->deviation);

  if (board != NULL)
    {
      g_signal_connect_object (tavla_board_get_people (board), "items-changed",
                               G_CALLBACK (on_people_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tavla_board_get_departments (board), "items-changed",
                               G_CALLBACK (on_people_changed), self, G_CONNECT_SWAPPED);
    }

  reload_choices (self);
  fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

TavlaItem *
tavla_item_panel_get_item (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return self->item;
}

/**
 * tavla_item_panel_edit:
 * @item: (nullable): the proposal to edit, or %NULL for a new one
 */
void
tavla_item_panel_edit (TavlaItemPanel *self,
                       TavlaItem      *item)
{
  g_return_if_fail (TAVLA_IS_ITEM_PANEL (self));
  g_return_if_fail (item == NULL || TAVLA_IS_ITEM (item));

  g_set_object (&self->item, item);
  g_clear_object (&self->deviation);
  fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * tavla_item_panel_act_on_deviation:
 * @deviation: the deviation to make an improvement proposal from
 *
 * Starts a new proposal prefilled from @deviation. Save creates it through
 * the core's act on deviation, which links the two.
 */
void
tavla_item_panel_act_on_deviation (TavlaItemPanel *self,
                                   TavlaDeviation *deviation)
{
  g_return_if_fail (TAVLA_IS_ITEM_PANEL (self));
  g_return_if_fail (TAVLA_IS_DEVIATION (deviation));

  g_clear_object (&self->item);
  g_set_object (&self->deviation, deviation);
  fill_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

TavlaDeviation *
tavla_item_panel_get_deviation (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return self->deviation;
}

/* The effect rows shown for a linked item (for tests). */
GtkWidget *
tavla_item_panel_get_effect_list (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return GTK_WIDGET (self->effect_list);
}

/* Preselects a status move (from the keyboard or a drop) that needs more
 * than the board can do alone, so the user sees what is missing. */
void
tavla_item_panel_propose_status (TavlaItemPanel *self,
                                 TavlaStatus     status)
{
  g_return_if_fail (TAVLA_IS_ITEM_PANEL (self));

  gtk_drop_down_set_selected (self->status_dropdown, status);
  self->dirty = TRUE;
  validate (self);
}

gboolean
tavla_item_panel_get_can_save (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), FALSE);

  return self->can_save;
}

/* The label under @field that shows the rules' message (for tests). */
GtkWidget *
tavla_item_panel_get_message_label (TavlaItemPanel *self,
                                    TavlaItemField  field)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return GTK_WIDGET (get_message_label (self, field));
}

/* Focuses the field that most likely needs typing next. */
void
tavla_item_panel_focus_first (TavlaItemPanel *self)
{
  g_return_if_fail (TAVLA_IS_ITEM_PANEL (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->note_message)) ||
      gtk_widget_get_visible (GTK_WIDGET (self->status_message)))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

GtkWidget *
tavla_item_panel_get_save_button (TavlaItemPanel *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_PANEL (self), NULL);

  return self->save_button;
}
