import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { onlyReadableReferences } from '../cases/rules.ts';
import { bookableResource, overlapConflict, sensibleTimes } from './rules.ts';

/**
 * A resource taken for a time, [starts_at, ends_at): perhaps for an activity (the meeting in
 * the room) or a task (the car for a delivery). Two live bookings of one resource never
 * overlap — the database refuses the second even when both are written at the same moment
 * (ADR 0014) — and anyone may see when a resource is free (`GET /api/resources/:id/free-slots`)
 * without seeing whose the bookings are.
 */
export const booking = defineObject({
  key: 'booking',
  labels: {
    one: L('Booking', 'Rezerwacja', 'Foglalás'),
    many: L('Bookings', 'Rezerwacje', 'Foglalások'),
  },
  icon: 'calendar-time',
  // Whoever booked it owns it ("my bookings"); a manager sees their department's.
  owner: 'booked_by',
  titleFields: ['title'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['title'],
  subtitleFields: ['resource', 'booked_by'],
  // The latest first, as a list of what was booked; the calendar asks for its own range.
  defaultSort: [{ field: 'starts_at', direction: 'desc' }],
  // Whoever books a resource books it for themselves unless they name someone else.
  createDefaults: (_given, creator) => ({ booked_by: creator.employeeId }),
  // The resource, activity and task must be ones the writer may read: the owner path does not
  // pass through them. Then the resource must still take bookings.
  effects: [onlyReadableReferences(['resource', 'activity', 'task']), bookableResource],
  // Times are checked before any overlap (the conflict's check on SQLite runs after invariants):
  // an overlap of a booking that ends before it starts would be meaningless.
  invariants: [sensibleTimes],
  conflicts: [overlapConflict],
  headerFacts: ['resource', 'starts_at', 'ends_at', 'booked_by'],
  sections: [
    {
      key: 'booking',
      labels: L('Booking', 'Rezerwacja', 'Foglalás'),
      fields: ['resource', 'title', 'starts_at', 'ends_at', 'booked_by'],
    },
    {
      key: 'for',
      labels: L('What for', 'W jakim celu', 'Mire'),
      fields: ['activity', 'task', 'note'],
    },
  ],
  fields: {
    resource: field.relation(L('Resource', 'Zasób', 'Erőforrás'), 'resource', { required: true }),
    title: field.text(L('Title', 'Tytuł', 'Cím'), { maxLength: 200 }),
    starts_at: field.dateTime(L('From', 'Od', 'Kezdete'), { required: true }),
    ends_at: field.dateTime(L('Until', 'Do', 'Vége'), { required: true }),
    activity: field.relation(L('Activity', 'Działanie', 'Tevékenység'), 'activity'),
    task: field.relation(L('Task', 'Zadanie', 'Feladat'), 'task'),
    booked_by: field.relation(L('Booked by', 'Rezerwujący', 'Foglaló'), 'employee'),
    note: field.longText(L('Note', 'Uwagi', 'Megjegyzés'), { maxLength: 2000 }),
  },
});
