import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * The calendar: a person's week with an activity, a task and a booking, an activity dragged
 * to another hour (saved with its version), and people and a room side by side. The browser's
 * clock is Warsaw's (CET, UTC+1 in March before the 29th).
 */
let env: BrowserEnv;
let page: Page;
let ids: Record<'employee' | 'room' | 'activity', number>;

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

async function create(object: string, values: Record<string, unknown>): Promise<number> {
  const response = await apiAs(page, 'POST', `/api/records/${object}`, values);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

browserForFile({ loggedInAt: '/' }, async (started) => {
  env = started;
  page = started.page;
  const employee = await create('employee', { first_name: 'Celina', last_name: 'Kalendarz' });
  const room = await create('resource', { name: 'Sala Wawel', kind: 'room', colour: '#3f51b5' });
  const register = await create('task_register', { name: 'Calendar tests', colour: '#33b679' });
  // Wednesday 25 March 2026, 9:00–10:00 in Warsaw.
  const activity = await create('activity', {
    title: 'Fair planning',
    starts_at: '2026-03-25T08:00:00.000Z',
    ends_at: '2026-03-25T09:00:00.000Z',
    organiser: employee,
  });
  await create('task', {
    title: 'Send the brochure',
    register,
    assignee: employee,
    due_at: '2026-03-26T13:00:00.000Z',
  });
  await create('booking', {
    resource: room,
    starts_at: '2026-03-25T12:00:00.000Z',
    ends_at: '2026-03-25T13:00:00.000Z',
    title: 'Stand briefing',
    booked_by: employee,
  });
  ids = { employee, room, activity };
});

describe('the calendar', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows a person’s week: activities, tasks and bookings in their colours', async () => {
    await page.goto(`${env.url}/calendar?employees=${ids.employee}&date=2026-03-25`);
    const calendar = page.getByRole('region', { name: 'Calendar' });
    await calendar.locator('.fc-event', { hasText: 'Fair planning' }).waitFor();
    await calendar.locator('.fc-event', { hasText: 'Send the brochure' }).waitFor();
    await calendar.locator('.fc-event', { hasText: 'Stand briefing' }).waitFor();
    await screenshot(page, 'calendar-01-week');
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
  });

  it('moves an activity to another hour by dragging it, saved with its version', async () => {
    const calendar = page.getByRole('region', { name: 'Calendar' });
    const event = calendar.locator('.fc-event', { hasText: 'Fair planning' });
    const from = await event.boundingBox();
    const column = await calendar.locator('.fc-timegrid-col[data-date="2026-03-25"]').boundingBox();
    const slot = await calendar.locator('td.fc-timegrid-slot-lane[data-time="11:00:00"]').boundingBox();
    if (!from || !column || !slot) throw new Error('the calendar is not laid out');
    // Grab the event near its top (not on the resize handle) and drop it at 11:00 the same day.
    await page.mouse.move(from.x + from.width / 2, from.y + 6);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + 40, { steps: 5 });
    await page.mouse.move(column.x + column.width / 2, slot.y + 6, { steps: 10 });
    await page.mouse.up();
    await eventually(
      async () => (await apiAs(page, 'GET', `/api/records/activity/${ids.activity}`)).body,
    ).toMatchObject({
      starts_at: '2026-03-25T10:00:00.000Z',
      ends_at: '2026-03-25T11:00:00.000Z',
      version: 2,
    });
  });

  it('puts people and rooms side by side for a day', async () => {
    await page.goto(
      `${env.url}/calendar?employees=${ids.employee}&resources=${ids.room}&date=2026-03-25&view=side`,
    );
    const calendar = page.getByRole('region', { name: 'Calendar' });
    await calendar.locator('.fc-col-header-cell', { hasText: 'Celina Kalendarz' }).waitFor();
    await calendar.locator('.fc-col-header-cell', { hasText: 'Sala Wawel' }).waitFor();
    const room = await calendar.locator('.fc-col-header-cell', { hasText: 'Sala Wawel' }).boundingBox();
    const booking = await calendar.locator('.fc-event', { hasText: 'Stand briefing' }).boundingBox();
    if (!room || !booking) throw new Error('the side-by-side view is not laid out');
    // The booking is in the room's column.
    expect(booking.x + booking.width / 2).toBeGreaterThan(room.x);
    expect(booking.x + booking.width / 2).toBeLessThan(room.x + room.width);
    await screenshot(page, 'calendar-02-side-by-side');
  });
});
