/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-meeting.h"

G_BEGIN_DECLS

/* Building agendas (tavla-meeting.c). */
TavlaAgenda        *tavla_agenda_new          (TavlaMeetingKind        kind,
                                               const char             *date);
TavlaAgendaSection *tavla_agenda_section_new  (const char             *id,
                                               const char             *title);
TavlaAgendaEntry   *tavla_agenda_entry_new    (const char             *kind,
                                               gint64                  id,
                                               const char             *title);
TavlaAgendaEntry   *tavla_agenda_entry_copy   (const TavlaAgendaEntry *entry);
void                tavla_agenda_entry_free   (TavlaAgendaEntry       *entry);

G_END_DECLS
