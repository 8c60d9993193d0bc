import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarEvent } from './sources.ts';

/** A task or a reminder is a moment: half an hour in a calendar, like a default meeting slot. */
const MOMENT_MS = 30 * 60_000;

/**
 * Calendar events as iCalendar text (RFC 5545), for subscribed feeds and downloaded exports
 * alike. Times are UTC instants, which every client shows in its own zone; each event links
 * back to its record, and its UID stays the same across exports, so importing a later export
 * updates the events instead of doubling them.
 */
export function icalendarText(
  events: readonly CalendarEvent[],
  options: { now: Date; origin: string; name: string; method?: ICalCalendarMethod },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kartoteka', product: 'CRM', language: 'EN' },
    method: options.method ?? ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
  });
  for (const event of events) {
    const start = new Date(event.start);
    const end = event.end ? new Date(event.end) : new Date(start.getTime() + MOMENT_MS);
    calendar.createEvent({
      id: `${event.id}@kartoteka`,
      start,
      end,
      allDay: event.allDay,
      summary: event.title,
      stamp: options.now,
      url: `${options.origin}/records/${event.kind}/${event.recordId}`,
    });
  }
  return calendar.toString();
}
