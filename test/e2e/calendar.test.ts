import type { Locator, Page } from 'playwright-core';
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

/** Drags an event by its top (not its resize handle) to a day's column at a time of day. */
async function dragTo(event: Locator, date: string, time: string): Promise<void> {
  const calendar = page.getByRole('region', { name: 'Calendar' });
  // The calendar scrolls to the working day after its events arrive: measure once it is still.
  let from = await event.boundingBox();
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(100);
    const again = await event.boundingBox();
    if (from && again && from.x === again.x && from.y === again.y) break;
    from = again;
  }
  const column = await calendar.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const slot = await calendar.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  if (!from || !column || !slot) throw new Error('the calendar is not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 40, { steps: 5 });
  await page.mouse.move(column.x + column.width / 2, slot.y + 6, { steps: 10 });
  await page.mouse.up();
}

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
    const event = page
      .getByRole('region', { name: 'Calendar' })
      .locator('.fc-event', { hasText: 'Fair planning' });
    await dragTo(event, '2026-03-25', '11:00:00');
    await eventually(
      async () => (await apiAs(page, 'GET', `/api/records/activity/${ids.activity}`)).body,
    ).toMatchObject({ version: 2 });
    // 11:00 in Warsaw, give or take the slot a drop lands in; an hour long as before.
    const moved = (await apiAs(page, 'GET', `/api/records/activity/${ids.activity}`)).body as {
      starts_at: string;
      ends_at: string;
    };
    const start = Date.parse(moved.starts_at);
    expect(Math.abs(start - Date.parse('2026-03-25T10:00:00.000Z'))).toBeLessThanOrEqual(30 * 60_000);
    expect(Date.parse(moved.ends_at) - start).toBe(3_600_000);
  });

  it('opens the conflict dialog when someone changed the activity since the calendar showed it', async () => {
    await page.goto(`${env.url}/calendar?employees=${ids.employee}&date=2026-03-25`);
    const event = page
      .getByRole('region', { name: 'Calendar' })
      .locator('.fc-event', { hasText: 'Fair planning' });
    await event.waitFor();
    // Someone else renames it meanwhile: the calendar still holds version 2.
    const renamed = await apiAs(page, 'PATCH', `/api/records/activity/${ids.activity}`, {
      title: 'Fair planning (moved room)',
      version: 2,
    });
    expect(renamed.status).toBe(200);
    // Earlier, so the target slot is on screen: a drop outside the window goes nowhere.
    await dragTo(event, '2026-03-25', '08:00:00');
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this record' });
    await dialog.waitFor();
    await screenshot(page, 'calendar-03-conflict');
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    // Both kept: their new title and my new time (about 8:00 in Warsaw: where a drop near the
    // top of the window lands may differ by a slot, which is not what this step is about).
    await eventually(
      async () => (await apiAs(page, 'GET', `/api/records/activity/${ids.activity}`)).body,
    ).toMatchObject({ title: 'Fair planning (moved room)', version: 4 });
    const saved = (await apiAs(page, 'GET', `/api/records/activity/${ids.activity}`)).body as {
      starts_at: string;
      ends_at: string;
    };
    expect(Date.parse(saved.starts_at)).toBeLessThan(Date.parse('2026-03-25T09:00:00.000Z'));
    expect(Date.parse(saved.ends_at) - Date.parse(saved.starts_at)).toBe(3_600_000);
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

  it('shows when a room is free in the coming week and books a gap in one click', async () => {
    await page.goto(`${env.url}/records/resource/${ids.room}`);
    const free = page.getByRole('region', { name: 'Free in the coming week' });
    const gap = free.getByRole('link', { name: /^Book from/ }).first();
    await gap.waitFor();
    await screenshot(page, 'calendar-04-free-slots');
    await gap.click();
    await page.waitForURL(/\/records\/booking\/new\?/);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/records\/booking\/\d+$/);
    const created = Number(new URL(page.url()).pathname.split('/').pop());
    const booking = (await apiAs(page, 'GET', `/api/records/booking/${created}`)).body as {
      resource: number;
      starts_at: string;
      ends_at: string;
    };
    expect(booking.resource).toBe(ids.room);
    expect(Date.parse(booking.ends_at)).toBeGreaterThan(Date.parse(booking.starts_at));
  });

  it('downloads the week shown as .ics, and publishes a private feed that works until revoked', async () => {
    await page.goto(`${env.url}/calendar?employees=${ids.employee}&date=2026-03-25`);
    const exportLink = page.getByRole('link', { name: 'Export .ics' });
    await exportLink.waitFor();
    // The export asks for what the calendar shows: that week, those people, those kinds.
    const href = new URL((await exportLink.getAttribute('href')) ?? '', env.url);
    expect(href.pathname).toBe('/api/calendar/export.ics');
    expect(href.searchParams.get('employees')).toBe(String(ids.employee));
    const download = page.waitForEvent('download');
    await exportLink.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kartoteka-2026-03-2\d-2026-03-(29|30)\.ics$/);
    const text = (await (await page.context().request.get(href.toString())).text()).replace(/\r\n /g, '');
    expect(text).toContain('SUMMARY:Fair planning');
    expect(text).toContain('SUMMARY:Send the brochure');

    // Only people with a calendar publish one: the administrator becomes Celina's account.
    const me = (await apiAs(page, 'GET', '/api/auth/me')).body as { user: { id: number } };
    const account = (await apiAs(page, 'GET', `/api/records/user_account/${me.user.id}`)).body as {
      version: number;
    };
    const linked = await apiAs(page, 'PATCH', `/api/records/user_account/${me.user.id}`, {
      employee: ids.employee,
      version: account.version,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to my calendar' });
    await dialog.getByRole('button', { name: 'Publish a private link' }).click();
    const link = dialog.getByRole('textbox', { name: 'Private link' });
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/api\/calendar\/feed\/kcal_[\w-]+\.ics$/);
    await screenshot(page, 'calendar-05-feed');
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
    // The link is the key: no cookies needed. A feed shows the last month and the coming year.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await create('activity', { title: 'Feed check', starts_at: tomorrow, organiser: ids.employee });
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Feed check');

    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByText('No link is published.').waitFor();
    await expect.poll(() => link.count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
  });
});
