/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_FEEDBACK_VIEW (tavla_feedback_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaFeedbackView, tavla_feedback_view, TAVLA, FEEDBACK_VIEW, GtkWidget)

GtkWidget  *tavla_feedback_view_new          (void);
TavlaBoard *tavla_feedback_view_get_board    (TavlaFeedbackView *self);
void        tavla_feedback_view_set_board    (TavlaFeedbackView *self,
                                              TavlaBoard        *board);
/* Puts the keyboard focus in the registration form's text. */
void        tavla_feedback_view_focus_form   (TavlaFeedbackView *self);
/* The tertial the list, the compilation and the report are of
 * ("2026-T3"). */
const char *tavla_feedback_view_get_tertial  (TavlaFeedbackView *self);
/* What the compilation and the period report would print, as the menus
 * export them (for the tests). */
TavlaDocument *tavla_feedback_view_build_compilation (TavlaFeedbackView *self,
                                                      GError           **error);
TavlaDocument *tavla_feedback_view_build_report      (TavlaFeedbackView *self,
                                                      GError           **error);

G_END_DECLS
