import { RECORD_ID } from '../../../shared/field-types/kinds.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { checkReminder, scheduleReminder } from './schedule.ts';

/**
 * A reminder for oneself or for someone else: once at a time, or repeating by an RRULE in a
 * time zone; optionally about any record, optionally also by e-mail. Whoever sets it owns it;
 * whom it is for reads it (and snoozes or dismisses it). The job queue delivers it: see
 * schedule.ts.
 */
export const reminder = defineObject({
  key: 'reminder',
  labels: {
    one: L('Reminder', 'Przypomnienie', 'Emlékeztető'),
    many: L('Reminders', 'Przypomnienia', 'Emlékeztetők'),
  },
  icon: 'alarm',
  owner: 'set_by',
  audience: ['for_employee'],
  titleFields: ['title'],
  grammaticalGender: { pl: 'neuter' },
  searchFields: ['title'],
  subtitleFields: ['for_employee', 'next_at'],
  defaultSort: [{ field: 'next_at', direction: 'asc' }],
  // For oneself unless someone else is named; repeated in the writer's time zone.
  createDefaults: (_given, creator) => ({
    set_by: creator.employeeId,
    for_employee: creator.employeeId,
    time_zone: creator.timeZone,
  }),
  // Checked first: a reminder that cannot be scheduled must not be.
  effects: [checkReminder, scheduleReminder],
  headerFacts: ['for_employee', 'next_at', 'repeat', 'status'],
  sections: [
    {
      key: 'reminder',
      labels: L('Reminder', 'Przypomnienie', 'Emlékeztető'),
      fields: ['title', 'for_employee', 'at', 'repeat', 'time_zone', 'email', 'status', 'note'],
    },
    {
      key: 'about',
      labels: L('About', 'Dotyczy', 'Kapcsolódik'),
      fields: ['record_object', 'record_id'],
    },
    {
      key: 'delivery',
      labels: L('Delivery', 'Doręczenie', 'Kézbesítés'),
      fields: ['next_at', 'snoozed_until', 'fired_at', 'set_by'],
    },
  ],
  fields: {
    title: field.text(L('Remind me of', 'Przypomnij o', 'Emlékeztessen erre'), {
      required: true,
      maxLength: 300,
    }),
    note: field.longText(L('Note', 'Uwagi', 'Megjegyzés'), { maxLength: 2000 }),
    for_employee: field.relation(L('For', 'Dla', 'Címzett'), 'employee', { required: true }),
    set_by: field.relation(L('Set by', 'Ustawił', 'Beállította'), 'employee'),
    at: field.dateTime(L('When', 'Kiedy', 'Időpont'), { required: true }),
    repeat: field.text(L('Repeats (RRULE)', 'Powtarzanie (RRULE)', 'Ismétlődés (RRULE)'), { maxLength: 500 }),
    time_zone: field.timeZone(L('Time zone', 'Strefa czasowa', 'Időzóna')),
    email: field.boolean(L('Also by e-mail', 'Także e-mailem', 'E-mailben is')),
    record_object: field.text(L('About (object)', 'Dotyczy (obiekt)', 'Kapcsolódó objektum'), {
      maxLength: 64,
    }),
    // Any record's id: a 64-bit column, so the bounds of ids, not of 32-bit integers.
    record_id: field.integer(L('About (record)', 'Dotyczy (rekord)', 'Kapcsolódó rekord'), RECORD_ID),
    status: field.choice(
      L('Status', 'Status', 'Állapot'),
      [
        { value: 'active', labels: L('Active', 'Aktywne', 'Aktív') },
        { value: 'dismissed', labels: L('Dismissed', 'Odrzucone', 'Elvetve') },
        { value: 'ended', labels: L('Ended', 'Zakończone', 'Befejezve') },
      ],
      { required: true, defaultValue: 'active' },
    ),
    next_at: field.dateTime(L('Next reminder', 'Następne przypomnienie', 'Következő emlékeztetés'), {
      readOnly: true,
    }),
    snoozed_until: field.dateTime(L('Snoozed until', 'Odłożone do', 'Elhalasztva eddig'), { readOnly: true }),
    // Written by the delivery (as the system): each change is the moment it reminded.
    fired_at: field.dateTime(L('Last reminded', 'Ostatnio przypomniano', 'Utoljára emlékeztetett')),
  },
});
