import type { EventInput } from '@fullcalendar/core';
import type { CalendarEvent } from '../../../shared/calendar/types.ts';

/** One thing in the calendar, as `GET /api/calendar` gives it. */
export type CalendarItem = CalendarEvent;

/** Colours of the kinds when the record names none (its register's, its type's, its room's). */
export const KIND_COLOURS: Record<CalendarItem['kind'], string> = {
  activity: '#1c7ed6',
  task: '#f08c00',
  reminder: '#7048e8',
  booking: '#2f9e44',
};

/** Resource ids of the side-by-side view: people and rooms share one column list. */
export const employeeColumn = (id: number) => `e${id}`;
export const resourceColumn = (id: number) => `r${id}`;

/** A task or reminder is a moment: shown as half an hour, like a default meeting slot. */
const MOMENT_MS = 30 * 60_000;

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Black or white, whichever reads better on the colour: a register's or room's colour is
 * anyone's choice, and the larger of the two contrasts is always above 4.5 (WCAG AA).
 */
export function textColourOn(background: string): string {
  const light = luminance(background);
  return 1.05 / (light + 0.05) >= (light + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export function toEventInput(item: CalendarItem): EventInput {
  const colour = item.colour ?? KIND_COLOURS[item.kind];
  return {
    id: item.id,
    title: item.title,
    start: item.start,
    end: item.end ?? new Date(Date.parse(item.start) + MOMENT_MS).toISOString(),
    allDay: item.allDay,
    backgroundColor: colour,
    borderColor: colour,
    textColor: textColourOn(colour),
    editable: item.editable,
    // A moment's length is not its own: a task or a reminder moves, it does not stretch.
    durationEditable: item.editable && (item.kind === 'activity' || item.kind === 'booking'),
    resourceIds:
      item.kind === 'booking' && item.resource !== null
        ? [resourceColumn(item.resource)]
        : item.employees.map(employeeColumn),
    extendedProps: { item },
  };
}

/** The record's own fields a move or resize changes, with the version it was read at. */
export function moveBody(item: CalendarItem, start: Date, end: Date | null): Record<string, unknown> {
  const version = item.version;
  switch (item.kind) {
    case 'activity':
      return { starts_at: start.toISOString(), ends_at: end?.toISOString() ?? null, version };
    case 'booking':
      return { starts_at: start.toISOString(), ends_at: (end ?? start).toISOString(), version };
    case 'task':
      return { due_at: start.toISOString(), version };
    case 'reminder':
      return { at: start.toISOString(), version };
  }
}

/** The query string of `GET /api/calendar` for a range and a choice of calendars. */
export function calendarQuery(
  range: { start: Date; end: Date },
  chosen: {
    employees: number[];
    groups: number[];
    departments: number[];
    resources: number[];
    kinds: string[];
  },
): string {
  const params = new URLSearchParams({ from: range.start.toISOString(), to: range.end.toISOString() });
  for (const key of ['employees', 'groups', 'departments', 'resources'] as const) {
    if (chosen[key].length > 0) params.set(key, chosen[key].join(','));
  }
  params.set('kinds', chosen.kinds.join(','));
  return params.toString();
}
