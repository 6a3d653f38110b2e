/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-agreement-rows.h"
#include "tavla-agreements-view.h"
#include "tavla-gui-settings.h"

/*
 * The Agreements page: the departments down the side, each with its
 * current delivery agreement (version, status, review due with its ISO
 * week, and "Review overdue" / "Revision needed" in words and colour), and
 * the chosen department's agreement in the editor. Which agreement is
 * current, when a review is due and what needs revision are the core's
 * answers; the page only shows them.
 */

struct _TavlaAgreementsView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *new_box;
  GtkDropDown          *new_department_dropdown;
  GtkLabel             *new_message;
  GtkListBox           *department_list;
  TavlaAgreementEditor *editor;

  /* Owned references */
  TavlaBoard           *board;
  GtkStringList        *department_names;

  guint                 filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

enum {
  OPEN_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAgreementsView, tavla_agreements_view, GTK_TYPE_WIDGET)

/* The department's current agreement from the board's model, borrowed. */
static TavlaAgreement *
find_current (TavlaAgreementsView *self,
              TavlaDepartment     *department)
{
  GListModel *agreements = tavla_board_get_agreements (self->board);
  guint n = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);

      if (tavla_agreement_get_department_id (agreement) == tavla_department_get_id (department))
        return agreement;
    }
  return NULL;
}

static GtkWidget *
create_department_row (TavlaAgreementsView *self,
                       TavlaDepartment     *department)
{
  TavlaAgreement *agreement = find_current (self, department);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (tavla_department_get_name (department), "agreement-row-name"));

  if (agreement == NULL)
    gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (_("No agreement yet"), "dim-label"));
  else
    {
      TavlaAgreementStatus status = tavla_agreement_get_status (agreement);
      const char *due = tavla_agreement_get_review_due (agreement);
      gboolean overdue = tavla_agreement_is_review_overdue (agreement, NULL);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *version = NULL;

      /* TRANSLATORS: an agreement's version number. */
      version = g_strdup_printf (_("Version %u"), tavla_agreement_get_version_number (agreement));
      gtk_box_append (GTK_BOX (line), tavla_agreement_new_label (version, NULL));
      gtk_box_append (GTK_BOX (line), tavla_agreement_new_pill (tavla_agreement_status_get_label (status), NULL,
                                                                tavla_agreement_status_to_string (status)));
      gtk_box_append (GTK_BOX (box), line);

      if (due != NULL)
        {
          g_autofree char *date = tavla_date_display (due);
          /* TRANSLATORS: when an agreement's yearly review is due: "Review due 2026-02-02 (w. 6)". */
          g_autofree char *text = g_strdup_printf (_("Review due %s"), date);

          gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (text, overdue ? "review-overdue" : "dim-label"));
        }
      if (overdue)
        gtk_box_append (GTK_BOX (box), tavla_agreement_new_pill (_("Review overdue"), "alarm-symbolic", "overdue-badge"));
      if (tavla_agreement_get_revision_needed (agreement))
        gtk_box_append (GTK_BOX (box), tavla_agreement_new_pill (_("Revision needed"), "dialog-warning-symbolic", "revision-badge"));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "department", g_object_ref (department), g_object_unref);
  return row;
}

static TavlaDepartment *
get_selected_department (TavlaAgreementsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->department_list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "department") : NULL;
}

static void
show_department (TavlaAgreementsView *self,
                 TavlaDepartment     *department)
{
  TavlaAgreement *agreement = department != NULL ? find_current (self, department) : NULL;

  tavla_agreement_editor_show (self->editor, self->board, department,
                               agreement != NULL ? tavla_agreement_get_id (agreement) : 0);
}

static void
fill_empty_page (TavlaAgreementsView *self)
{
  GListModel *departments = tavla_board_get_departments (self->board);
  guint n = g_list_model_get_n_items (departments);

  gtk_string_list_splice (self->department_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->department_names)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaDepartment) department = g_list_model_get_item (departments, i);

      gtk_string_list_append (self->department_names, tavla_department_get_name (department));
    }
  gtk_widget_set_visible (self->new_box, n > 0 && !tavla_board_is_read_only (self->board));
  gtk_widget_set_visible (GTK_WIDGET (self->new_message), FALSE);
}

static void
reload (TavlaAgreementsView *self)
{
  TavlaDepartment *previous = get_selected_department (self);
  g_autofree char *selected = previous != NULL ? g_strdup (tavla_department_get_name (previous)) : NULL;
  GListModel *departments;
  guint n;

  self->filling = TRUE;
  gtk_list_box_select_row (self->department_list, NULL);
  tavla_agreement_clear_list (self->department_list);
  self->filling = FALSE;

  if (self->board == NULL ||
      g_list_model_get_n_items (tavla_board_get_agreements (self->board)) == 0)
    {
      if (self->board != NULL)
        fill_empty_page (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tavla_agreement_editor_show (self->editor, NULL, NULL, 0);
      return;
    }

  departments = tavla_board_get_departments (self->board);
  n = g_list_model_get_n_items (departments);
  self->filling = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaDepartment) department = g_list_model_get_item (departments, i);

      gtk_list_box_append (self->department_list, create_department_row (self, department));
    }
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "agreements");

  /* The same department stays chosen and keeps the version shown. */
  self->filling = TRUE;
  if (selected != NULL && tavla_agreements_view_select_department (self, selected))
    {
      self->filling = FALSE;
      if (tavla_agreement_editor_get_agreement (self->editor) != NULL)
        tavla_agreement_editor_reload (self->editor);
      else
        show_department (self, get_selected_department (self));
      return;
    }
  self->filling = FALSE;

  gtk_list_box_select_row (self->department_list, gtk_list_box_get_row_at_index (self->department_list, 0));
}

/* Another process (tavla-cli, a second window) may have changed the
 * proposals: one may be linked to the agreement shown. Its agreement
 * changes arrive through the agreements model, which the board's refresh
 * reloads. */
static void
on_board_refreshed (TavlaAgreementsView *self)
{
  if (self->board == NULL)
    return;

  tavla_agreement_editor_reload_items (self->editor);
}

static void
on_department_selected (TavlaAgreementsView *self,
                        GtkListBoxRow       *row)
{
  if (self->filling || row == NULL)
    return;

  show_department (self, g_object_get_data (G_OBJECT (row), "department"));
}

static void
on_open_item (TavlaAgreementsView *self,
              gint64               item_id)
{
  g_signal_emit (self, signals[OPEN_ITEM], 0, item_id);
}

static void
start_draft_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TavlaAgreementsView *self = TAVLA_AGREEMENTS_VIEW (widget);
  guint selected = gtk_drop_down_get_selected (self->new_department_dropdown);
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *department = NULL;
  TavlaAgreementInput input = { 0 };

  if (self->board == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION)
    department = g_strdup (gtk_string_list_get_string (self->department_names, selected));
  input.department = department;
  agreement = tavla_board_add_agreement (self->board, &input, actor, NULL, &error);
  if (agreement == NULL)
    {
      gtk_label_set_label (self->new_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->new_message), TRUE);
      return;
    }

  tavla_agreements_view_select_department (self, tavla_agreement_get_department (agreement));
}

static void
disconnect_board (TavlaAgreementsView *self)
{
  if (self->board == NULL)
    return;

  g_signal_handlers_disconnect_by_data (tavla_board_get_agreements (self->board), self);
  g_signal_handlers_disconnect_by_data (tavla_board_get_departments (self->board), self);
  g_signal_handlers_disconnect_by_data (self->board, self);
}

static void
tavla_agreements_view_dispose (GObject *object)
{
  TavlaAgreementsView *self = (TavlaAgreementsView *) object;
  GtkWidget *child;

  disconnect_board (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_AGREEMENTS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);
  g_clear_object (&self->department_names);

  G_OBJECT_CLASS (tavla_agreements_view_parent_class)->dispose (object);
}

static void
tavla_agreements_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TavlaAgreementsView *self = TAVLA_AGREEMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_agreements_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TavlaAgreementsView *self = TAVLA_AGREEMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_agreements_view_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_agreements_view_class_init (TavlaAgreementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_agreements_view_dispose;
  object_class->get_property = tavla_agreements_view_get_property;
  object_class->set_property = tavla_agreements_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A linked proposal was clicked: the window shows it on the board. */
  signals[OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "agreements.start-draft", NULL, start_draft_action);

  g_type_ensure (TAVLA_TYPE_AGREEMENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-agreements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, new_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, new_department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, new_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, department_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_department_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_open_item);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementsview");
}

static void
tavla_agreements_view_init (TavlaAgreementsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->new_department_dropdown, G_LIST_MODEL (self->department_names));
  reload (self);
}

GtkWidget *
tavla_agreements_view_new (void)
{
  return g_object_new (TAVLA_TYPE_AGREEMENTS_VIEW, NULL);
}

TavlaBoard *
tavla_agreements_view_get_board (TavlaAgreementsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self), NULL);

  return self->board;
}

void
tavla_agreements_view_set_board (TavlaAgreementsView *self,
                                 TavlaBoard          *board)
{
  g_return_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  disconnect_board (self);
  g_set_object (&self->board, board);

  /* Writes through this board reload its agreements model at once;
   * another process's commits arrive through the board's refresh. */
  if (board != NULL)
    {
      g_signal_connect_swapped (tavla_board_get_agreements (board), "items-changed", G_CALLBACK (reload), self);
      g_signal_connect_swapped (tavla_board_get_departments (board), "items-changed", G_CALLBACK (reload), self);
      g_signal_connect_swapped (board, "changed", G_CALLBACK (on_board_refreshed), self);
      g_signal_connect_swapped (board, "metrics-changed", G_CALLBACK (on_board_refreshed), self);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

gboolean
tavla_agreements_view_get_empty (TavlaAgreementsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/* Chooses the department named @name; FALSE when it is not listed. */
gboolean
tavla_agreements_view_select_department (TavlaAgreementsView *self,
                                         const char          *name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->department_list, i)) != NULL; i++)
    {
      TavlaDepartment *department = g_object_get_data (G_OBJECT (row), "department");

      if (department != NULL && g_strcmp0 (tavla_department_get_name (department), name) == 0)
        {
          gtk_list_box_select_row (self->department_list, row);
          return TRUE;
        }
    }

  return FALSE;
}

GtkListBox *
tavla_agreements_view_get_department_list (TavlaAgreementsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self), NULL);

  return self->department_list;
}

TavlaAgreementEditor *
tavla_agreements_view_get_editor (TavlaAgreementsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENTS_VIEW (self), NULL);

  return self->editor;
}
