/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-document-export.h"
#include "tavla-meeting-mode.h"

typedef enum
{
  PROMPT_NONE,
  PROMPT_OWNER,
  PROMPT_DUE,
  PROMPT_DECISION,
  PROMPT_DONE,
  PROMPT_REJECTED,
} Prompt;

struct _TavlaMeetingMode
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *section_label;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkLabel       *changes_label;
  GtkRevealer    *prompt_revealer;
  GtkLabel       *prompt_label;
  GtkEntry       *prompt_entry;
  GtkLabel       *error_label;
  AdwStatusPage  *end_page;
  GtkLabel       *minutes_title;
  GtkLabel       *minutes_label;

  /* Owned references */
  TavlaBoard     *board;
  TavlaMeeting   *meeting;
  TavlaAgenda    *agenda;
  TavlaMinutes   *minutes;

  Prompt          prompt;
  gboolean        paused;
  gboolean        confirm_end;
};

G_DEFINE_FINAL_TYPE (TavlaMeetingMode, tavla_meeting_mode, ADW_TYPE_WINDOW)

static void
show_error (TavlaMeetingMode *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The entry the meeting stands at, or NULL past the end. */
static TavlaAgendaEntry *
current_entry (TavlaMeetingMode    *self,
               TavlaAgendaSection **out_section)
{
  if (self->agenda == NULL || self->meeting == NULL)
    return NULL;

  return tavla_agenda_get_entry (self->agenda, tavla_meeting_get_position (self->meeting), out_section);
}

static gint64
current_item_id (TavlaMeetingMode *self)
{
  TavlaAgendaEntry *entry = current_entry (self, NULL);

  if (entry == NULL || g_strcmp0 (entry->kind, "item") != 0)
    return 0;

  return entry->id;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* What was done to @item_id in this meeting so far: its history rows
 * with the meeting, and the decisions about it. Read per entry rather than
 * through the whole minutes, so that a big agenda stays quick. */
static char *
dup_changes_text (TavlaMeetingMode *self,
                  gint64            item_id)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  gint64 meeting_id = tavla_meeting_get_id (self->meeting);

  if (item_id == 0)
    return NULL;

  if ((history = tavla_board_list_history (self->board, item_id, NULL)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);
        g_autofree char *description = NULL;
        g_autofree char *line = NULL;

        if (tavla_history_entry_get_meeting_id (entry) != meeting_id)
          continue;
        description = tavla_history_entry_describe (entry);
        line = g_strdup_printf ("✓ %s", description);
        append_line (text, line);
      }

  if ((decisions = tavla_board_list_decisions (self->board, meeting_id, NULL)) != NULL)
    for (guint i = 0; i < decisions->len; i++)
      {
        TavlaDecision *decision = g_ptr_array_index (decisions, i);

        if (decision->item_id == item_id)
          {
            /* Translators: a decision shown under a proposal in meeting mode. */
            g_autofree char *line = g_strdup_printf (_("Decision: %s"), decision->text);

            append_line (text, line);
          }
      }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The proposal as it stands now, not as the agenda saw it. */
static char *
dup_item_detail (TavlaMeetingMode *self,
                 TavlaItem        *item)
{
  g_autoptr(GString) text = g_string_new (tavla_status_get_label (tavla_item_get_status (item)));
  g_autofree char *due = tavla_item_dup_due_label (item);

  if (tavla_item_get_mark (item) != TAVLA_MARK_NONE)
    g_string_append_printf (text, " · %s", tavla_mark_get_label (tavla_item_get_mark (item)));
  g_string_append (text, "\n");
  /* Translators: in meeting mode, the owner and the due date of a proposal. */
  g_string_append_printf (text, _("Owner: %s"), tavla_item_get_owner (item) != NULL ? tavla_item_get_owner (item)
                                                                                     : _("none"));
  g_string_append (text, " · ");
  g_string_append_printf (text, _("Due date: %s"), due != NULL ? due : _("none"));
  if (tavla_item_get_department (item) != NULL)
    g_string_append_printf (text, " · %s", tavla_item_get_department (item));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_minutes_heading (GString    *markup,
                        const char *heading)
{
  g_autofree char *escaped = g_markup_escape_text (heading, -1);

  g_string_append_printf (markup, "%s<b><big>%s</big></b>\n", markup->len > 0 ? "\n" : "", escaped);
}

static void
append_minutes_line (GString    *markup,
                     const char *line)
{
  g_autofree char *escaped = g_markup_escape_text (line, -1);

  g_string_append_printf (markup, "• %s\n", escaped);
}

char *
tavla_minutes_dup_markup (TavlaMinutes *minutes)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *attendees = g_strjoinv (", ", (GStrv) tavla_meeting_get_attendees (minutes->meeting));
  g_autofree char *facts = NULL;
  g_autofree char *handled = g_strdup_printf (_("%u of %u"), minutes->n_handled, minutes->n_entries);
  gint64 item = 0;
  gboolean any = FALSE;

  facts = g_markup_printf_escaped ("<b>%s:</b> %s\n<b>%s:</b> %s\n", _("Attendees"),
                                   *attendees != '\0' ? attendees : _("Not recorded"),
                                   _("Agenda entries handled"), handled);
  g_string_append (markup, facts);
  append_minutes_heading (markup, _("Decisions"));
  for (guint i = 0; i < minutes->decisions->len; i++)
    append_minutes_line (markup, ((TavlaDecision *) g_ptr_array_index (minutes->decisions, i))->text);
  if (minutes->decisions->len == 0)
    append_minutes_line (markup, _("No decisions."));

  append_minutes_heading (markup, _("Changes by proposal"));
  for (guint i = 0; i < minutes->changes->len; i++)
    {
      TavlaMinutesChange *change = g_ptr_array_index (minutes->changes, i);
      g_autofree char *line = NULL;

      if (change->item_id != item)
        {
          g_autofree char *heading = g_markup_printf_escaped ("<b>#%" G_GINT64_FORMAT " %s</b>\n", change->item_id,
                                                              change->item_title);

          item = change->item_id;
          g_string_append (markup, heading);
        }
      line = change->note != NULL ? g_strdup_printf ("%s (%s)", change->description, change->note)
                                  : g_strdup (change->description);
      append_minutes_line (markup, line);
    }
  if (minutes->changes->len == 0)
    append_minutes_line (markup, _("No proposal was changed."));

  append_minutes_heading (markup, _("New owners and due dates"));
  for (guint i = 0; i < minutes->changes->len; i++)
    {
      TavlaMinutesChange *change = g_ptr_array_index (minutes->changes, i);
      g_autofree char *line = NULL;

      if (g_strcmp0 (change->field, "owner") != 0 && g_strcmp0 (change->field, "due") != 0)
        continue;
      any = TRUE;
      line = g_strdup_printf ("#%" G_GINT64_FORMAT " %s: %s", change->item_id, change->item_title,
                              change->description);
      append_minutes_line (markup, line);
    }
  if (!any)
    append_minutes_line (markup, _("No new owners or due dates."));

  append_minutes_heading (markup, _("Carried over to the next meeting"));
  for (guint i = 0; i < minutes->carried_over->len; i++)
    {
      TavlaAgendaEntry *entry = g_ptr_array_index (minutes->carried_over, i);
      g_autofree char *line = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", entry->id, entry->title);

      append_minutes_line (markup, line);
    }
  if (minutes->carried_over->len == 0)
    append_minutes_line (markup, _("Nothing was left over."));

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
show_minutes (TavlaMeetingMode *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;

  g_clear_pointer (&self->minutes, tavla_minutes_free);
  if ((self->minutes = tavla_board_get_minutes (self->board, tavla_meeting_get_id (self->meeting), &error)) == NULL)
    {
      gtk_label_set_label (self->minutes_title, error->message);
      gtk_stack_set_visible_child_name (self->stack, "minutes");
      return;
    }

  title = tavla_meeting_dup_title (self->meeting);
  gtk_label_set_label (self->minutes_title, title);
  markup = tavla_minutes_dup_markup (self->minutes);
  gtk_label_set_markup (self->minutes_label, markup);
  gtk_stack_set_visible_child_name (self->stack, "minutes");
}

static void
show_entry (TavlaMeetingMode *self)
{
  TavlaAgendaSection *section = NULL;
  TavlaAgendaEntry *entry = current_entry (self, &section);
  guint position = tavla_meeting_get_position (self->meeting);
  guint n_entries = tavla_meeting_get_n_entries (self->meeting);
  g_autofree char *progress = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *changes = NULL;

  /* Translators: meeting mode's progress, "Entry 3 of 12". */
  progress = g_strdup_printf (_("Entry %u of %u"), MIN (position + 1, n_entries), n_entries);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, n_entries > 0 ? (double) position / n_entries : 1.0);

  if (entry == NULL)
    return;

  gtk_label_set_label (self->section_label, section->title);
  if (g_strcmp0 (entry->kind, "item") == 0)
    {
      g_autoptr(TavlaItem) item = tavla_board_get_item (self->board, entry->id, NULL);

      title = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", entry->id,
                               item != NULL ? tavla_item_get_title (item) : entry->title);
      detail = item != NULL ? dup_item_detail (self, item) : g_strdup (entry->detail);
    }
  else
    {
      title = g_strdup (entry->title);
      detail = g_strdup (entry->detail);
    }
  if (entry->carried_over)
    {
      g_autofree char *with = g_strdup_printf ("%s\n%s", detail != NULL ? detail : "",
                                               _("Carried over from the last meeting"));

      g_free (detail);
      detail = g_steal_pointer (&with);
    }

  changes = dup_changes_text (self, current_item_id (self));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail != NULL ? detail : "");
  gtk_label_set_label (self->changes_label, changes != NULL ? changes : "");
}

static void
update (TavlaMeetingMode *self)
{
  guint position = 0;

  if (self->meeting == NULL)
    return;

  if (tavla_meeting_get_state (self->meeting) == TAVLA_MEETING_CLOSED)
    {
      show_minutes (self);
      return;
    }

  position = tavla_meeting_get_position (self->meeting);
  if (self->paused)
    gtk_stack_set_visible_child_name (self->stack, "paused");
  else if (self->confirm_end || position >= tavla_meeting_get_n_entries (self->meeting))
    {
      adw_status_page_set_description (self->end_page,
                                       position >= tavla_meeting_get_n_entries (self->meeting)
                                       ? _("That was the whole agenda. Press Enter to close the meeting and see the minutes, or ← to go back.")
                                       : _("What was not handled is carried over to the next meeting. Press Enter to close the meeting and see the minutes, or Esc to go on."));
      gtk_stack_set_visible_child_name (self->stack, "end");
    }
  else
    {
      show_entry (self);
      gtk_stack_set_visible_child_name (self->stack, "entry");
    }
}

static void
take_meeting (TavlaMeetingMode *self,
              TavlaMeeting     *meeting)
{
  g_set_object (&self->meeting, meeting);
  g_object_unref (meeting);
}

/* Runs a core call that returns the moved meeting, or shows its error. */
static void
moved (TavlaMeetingMode *self,
       TavlaMeeting     *meeting,
       GError           *error)
{
  if (meeting == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  take_meeting (self, meeting);
  update (self);
}

static void
next_entry (TavlaMeetingMode *self,
            TavlaOutcome      outcome)
{
  g_autoptr(GError) error = NULL;
  TavlaMeeting *meeting = NULL;

  meeting = tavla_board_handle_meeting_entry (self->board, tavla_meeting_get_id (self->meeting),
                                              tavla_meeting_get_position (self->meeting), outcome, &error);
  moved (self, meeting, error);
}

static void
previous_entry (TavlaMeetingMode *self)
{
  g_autoptr(GError) error = NULL;
  guint position = tavla_meeting_get_position (self->meeting);
  TavlaMeeting *meeting = NULL;

  if (position == 0)
    return;

  meeting = tavla_board_set_meeting_position (self->board, tavla_meeting_get_id (self->meeting), position - 1,
                                              &error);
  moved (self, meeting, error);
}

/* Applies @change to the current proposal in this meeting. */
static gboolean
change_item (TavlaMeetingMode *self,
             TavlaItemChange  *change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  gint64 item_id = current_item_id (self);

  if (item_id == 0)
    {
      show_error (self, _("This entry is not a proposal; press B to write a decision about it."));
      return FALSE;
    }

  change->meeting_id = tavla_meeting_get_id (self->meeting);
  if ((item = tavla_board_update_item (self->board, item_id, change, NULL, &error)) == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  if ((meeting = tavla_board_get_meeting (self->board, tavla_meeting_get_id (self->meeting), NULL)) != NULL)
    g_set_object (&self->meeting, meeting);
  update (self);
  return TRUE;
}

static void
set_mark (TavlaMeetingMode *self,
          TavlaMark         mark)
{
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_MARK, .mark = mark };

  change_item (self, &change);
}

static void
set_status (TavlaMeetingMode *self,
            TavlaStatus       status)
{
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_STATUS, .status = status };

  change_item (self, &change);
}

static void
open_prompt (TavlaMeetingMode *self,
             Prompt            prompt)
{
  const char *question = NULL;

  if (prompt != PROMPT_DECISION && current_item_id (self) == 0)
    {
      show_error (self, _("This entry is not a proposal; press B to write a decision about it."));
      return;
    }

  switch (prompt)
    {
    case PROMPT_OWNER:
      question = _("New owner (a person’s name), then Enter:");
      break;
    case PROMPT_DUE:
      question = _("New due date (YYYY-MM-DD), then Enter:");
      break;
    case PROMPT_DECISION:
      question = _("The decision, then Enter:");
      break;
    case PROMPT_DONE:
      question = _("Done: what was achieved? Then Enter:");
      break;
    case PROMPT_REJECTED:
      question = _("Rejected: why? Then Enter:");
      break;
    case PROMPT_NONE:
    default:
      return;
    }

  self->prompt = prompt;
  gtk_label_set_label (self->prompt_label, question);
  gtk_editable_set_text (GTK_EDITABLE (self->prompt_entry), "");
  gtk_revealer_set_reveal_child (self->prompt_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->prompt_entry));
}

static void
close_prompt (TavlaMeetingMode *self)
{
  self->prompt = PROMPT_NONE;
  gtk_revealer_set_reveal_child (self->prompt_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->prompt_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->stack));
}

static void
on_prompt_activate (TavlaMeetingMode *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->prompt_entry));
  TavlaItemChange change = { 0 };
  gboolean done = FALSE;

  switch (self->prompt)
    {
    case PROMPT_OWNER:
      change.set = TAVLA_ITEM_FIELD_OWNER;
      change.owner = text;
      done = change_item (self, &change);
      break;
    case PROMPT_DUE:
      change.set = TAVLA_ITEM_FIELD_DUE;
      change.due = text;
      done = change_item (self, &change);
      break;
    case PROMPT_DONE:
    case PROMPT_REJECTED:
      change.set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE;
      change.status = self->prompt == PROMPT_DONE ? TAVLA_STATUS_DONE : TAVLA_STATUS_REJECTED;
      change.note = text;
      done = change_item (self, &change);
      break;
    case PROMPT_DECISION:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(TavlaDecision) decision = NULL;
        TavlaDecisionInput input = { text, current_item_id (self),
                                     (int) tavla_meeting_get_position (self->meeting) };
        g_autoptr(TavlaMeeting) meeting = NULL;

        decision = tavla_board_add_decision (self->board, tavla_meeting_get_id (self->meeting), &input, NULL, NULL,
                                             &error);
        if (decision == NULL)
          show_error (self, error->message);
        else
          {
            done = TRUE;
            show_error (self, NULL);
            if ((meeting = tavla_board_get_meeting (self->board, tavla_meeting_get_id (self->meeting), NULL)) != NULL)
              g_set_object (&self->meeting, meeting);
            update (self);
          }
      }
      break;
    case PROMPT_NONE:
    default:
      break;
    }

  /* On an error the question stays open with the core's message. */
  if (done)
    close_prompt (self);
}

static void
close_meeting (TavlaMeetingMode *self)
{
  g_autoptr(GError) error = NULL;
  TavlaMeeting *meeting = tavla_board_close_meeting (self->board, tavla_meeting_get_id (self->meeting), NULL, &error);

  self->confirm_end = FALSE;
  moved (self, meeting, error);
  if (meeting == NULL)
    gtk_stack_set_visible_child_name (self->stack, "entry");
}

static gboolean
on_key_pressed (TavlaMeetingMode *self,
                guint             keyval,
                guint             keycode,
                GdkModifierType   state)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || self->meeting == NULL)
    return FALSE;

  /* While a question is open the keys are the answer's. */
  if (self->prompt != PROMPT_NONE)
    {
      if (keyval != GDK_KEY_Escape)
        return FALSE;
      close_prompt (self);
      return TRUE;
    }

  if (g_strcmp0 (page, "minutes") == 0)
    {
      if (keyval != GDK_KEY_Escape)
        return FALSE;
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  if (self->paused)
    {
      if (keyval == GDK_KEY_p || keyval == GDK_KEY_P || keyval == GDK_KEY_space)
        {
          self->paused = FALSE;
          update (self);
        }
      return TRUE;
    }

  if (g_strcmp0 (page, "end") == 0)
    {
      if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
        close_meeting (self);
      else if (keyval == GDK_KEY_Escape && self->confirm_end)
        {
          self->confirm_end = FALSE;
          update (self);
        }
      else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Escape)
        {
          self->confirm_end = FALSE;
          previous_entry (self);
        }
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
      next_entry (self, TAVLA_OUTCOME_KEPT);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      previous_entry (self);
      return TRUE;
    case GDK_KEY_s:
    case GDK_KEY_S:
      next_entry (self, TAVLA_OUTCOME_SKIPPED);
      return TRUE;
    case GDK_KEY_1:
    case GDK_KEY_KP_1:
      set_mark (self, TAVLA_MARK_ON_TRACK);
      return TRUE;
    case GDK_KEY_2:
    case GDK_KEY_KP_2:
      set_mark (self, TAVLA_MARK_AT_RISK);
      return TRUE;
    case GDK_KEY_3:
    case GDK_KEY_KP_3:
      set_mark (self, TAVLA_MARK_OFF_TRACK);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      set_mark (self, TAVLA_MARK_NONE);
      return TRUE;
    case GDK_KEY_i:
    case GDK_KEY_I:
      set_status (self, TAVLA_STATUS_IN_PROGRESS);
      return TRUE;
    case GDK_KEY_k:
    case GDK_KEY_K:
      set_status (self, TAVLA_STATUS_PARKED);
      return TRUE;
    case GDK_KEY_d:
    case GDK_KEY_D:
      open_prompt (self, PROMPT_DONE);
      return TRUE;
    case GDK_KEY_x:
    case GDK_KEY_X:
      open_prompt (self, PROMPT_REJECTED);
      return TRUE;
    case GDK_KEY_o:
    case GDK_KEY_O:
      open_prompt (self, PROMPT_OWNER);
      return TRUE;
    case GDK_KEY_u:
    case GDK_KEY_U:
      open_prompt (self, PROMPT_DUE);
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
      open_prompt (self, PROMPT_DECISION);
      return TRUE;
    case GDK_KEY_p:
    case GDK_KEY_P:
      self->paused = TRUE;
      update (self);
      return TRUE;
    case GDK_KEY_e:
    case GDK_KEY_E:
      self->confirm_end = TRUE;
      update (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_export_done (const char *message,
                gpointer    user_data)
{
  TavlaMeetingMode *self = user_data;

  show_error (self, NULL);
  gtk_label_set_label (self->minutes_title, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaMeetingMode *self = TAVLA_MEETING_MODE (widget);
  TavlaExportFormat format = TAVLA_EXPORT_PDF;
  g_autofree char *file_name = NULL;

  if (self->minutes == NULL || !tavla_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  /* Translators: the file name suggested for minutes, "protokoll-2026-12-07.pdf". */
  file_name = g_strdup_printf (_("minutes-%s.%s"), tavla_meeting_get_date (self->meeting),
                               tavla_document_export_extension (format));
  tavla_document_export_choose (GTK_WINDOW (self), tavla_minutes_build_document (self->minutes), file_name, format,
                                on_export_done, g_object_ref (self), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TavlaMeetingMode *self = TAVLA_MEETING_MODE (widget);

  if (self->minutes != NULL)
    tavla_document_print (GTK_WINDOW (self), tavla_minutes_build_document (self->minutes), on_export_done, self);
}

static void
tavla_meeting_mode_dispose (GObject *object)
{
  TavlaMeetingMode *self = (TavlaMeetingMode *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->agenda, tavla_agenda_free);
  g_clear_pointer (&self->minutes, tavla_minutes_free);

  G_OBJECT_CLASS (tavla_meeting_mode_parent_class)->dispose (object);
}

static void
tavla_meeting_mode_class_init (TavlaMeetingModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_meeting_mode_dispose;

  gtk_widget_class_install_action (widget_class, "meeting.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meeting.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "meeting.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "meeting.export", "s", "pdf");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-meeting-mode.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, section_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, title_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, changes_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, prompt_revealer);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, prompt_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, error_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, end_page);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, minutes_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingMode, minutes_label);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_activate);
}

static void
tavla_meeting_mode_init (TavlaMeetingMode *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self->stack), TRUE);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

TavlaMeetingMode *
tavla_meeting_mode_new (GtkWindow  *parent,
                        TavlaBoard *board,
                        gint64      meeting_id)
{
  TavlaMeetingMode *self = g_object_new (TAVLA_TYPE_MEETING_MODE, "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;

  self->board = g_object_ref (board);
  self->meeting = tavla_board_get_meeting (board, meeting_id, &error);
  if (self->meeting != NULL)
    self->agenda = tavla_board_get_meeting_agenda (board, meeting_id, &error);

  if (self->meeting == NULL || self->agenda == NULL)
    {
      gtk_label_set_label (self->title_label, error->message);
      return self;
    }

  update (self);
  return self;
}

void
tavla_meeting_mode_present (TavlaMeetingMode *self)
{
  g_return_if_fail (TAVLA_IS_MEETING_MODE (self));

  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->stack));
}

TavlaMeeting *
tavla_meeting_mode_get_meeting (TavlaMeetingMode *self)
{
  g_return_val_if_fail (TAVLA_IS_MEETING_MODE (self), NULL);

  return self->meeting;
}
