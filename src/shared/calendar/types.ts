/** What the calendar shows, as `GET /api/calendar` answers: shared by the server and the web app. */
export const CALENDAR_KINDS = ['activity', 'task', 'reminder', 'booking'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** One thing in the calendar. */
export interface CalendarEvent {
  /** `<kind>:<record id>`, and `:<start>` for an occurrence of a repeating reminder. */
  id: string;
  kind: CalendarKind;
  title: string;
  start: string;
  end: string | null;
  allDay: boolean;
  recordId: number;
  colour: string | null;
  /** The employees whose calendar it is in, and for a booking its resource: the columns it goes in. */
  employees: number[];
  resource: number | null;
  /** The record's version, so a move or resize is saved with it (a conflict is a 409). */
  version: number;
  /** Whether it can be moved by changing its own start and end (not a repeating reminder). */
  editable: boolean;
}
