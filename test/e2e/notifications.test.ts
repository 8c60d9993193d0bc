import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ServerProcess } from '../server-process.ts';
import { serverWithUsers, submitLogin } from './accounts.ts';
import {
  ADMIN_PASSWORD,
  apiAs,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * Notifications in the browser (issue 9): two people logged in at once. The administrator
 * (A) works on a case that Beata (B) watches; B's bell counts up live over the stream, without
 * a reload, a toast says what came, the list opens the record and marks it read, "Mark all as
 * read" empties the count, older ones load page by page, a phone gets a full-width drawer, and
 * the settings page keeps B's choice of channel. The server starts without the demo data, so
 * nobody else is told anything.
 */
const BEATA = { login: 'beata', password: 'copper-meadow-violin-58' };
const TOPIC = 'Shelving for the depot';

let server: ServerProcess;
let admin: Page;
let beata: Page;
let current: Page | undefined;
const ids = { case: 0, inProgress: 0 };

serverWithUsers({
  name: 'notifications',
  users: 2,
  setUp: async ({ server: started, api }) => {
    server = started;
    const caseWork = ['company', 'person', 'employee', 'case', 'case_stage', 'activity', 'note'];
    const role = await api('POST', '/api/access/roles', {
      name: 'Case work',
      description: 'Reads and writes every client and case',
      requireTotp: false,
      grants: [
        ...caseWork.flatMap((object) =>
          ['read', 'create', 'update'].map((right) => ({ object, right, scope: 'all' })),
        ),
        { object: 'dictionary_value', right: 'read', scope: 'all' },
      ],
      fields: [],
    });
    const employee = await api('POST', '/api/records/employee', { first_name: 'Beata', last_name: 'Bell' });
    await api('POST', '/api/access/accounts', { ...BEATA, employee: employee.id, roles: [role.id] });
    const statusId = async (code: string) => {
      const found = (await api('POST', '/api/records/dictionary_value/query', {
        filter: {
          and: [
            { field: 'dictionary', op: 'eq', value: 'case_status' },
            { field: 'code', op: 'eq', value: code },
          ],
        },
      })) as unknown as { items: Array<{ id: number }> };
      const id = found.items[0]?.id;
      if (id === undefined) throw new Error(`no case status ${code}`);
      return id;
    };
    ids.inProgress = await statusId('in_progress');
    const company = await api('POST', '/api/records/company', { name: 'Depot Logistics' });
    // Watched, not led: a case made with a lead would tell her of it at once.
    ids.case = (
      await api('POST', '/api/records/case', {
        topic: TOPIC,
        company: company.id,
        status: await statusId('open'),
        watchers: [employee.id],
      })
    ).id;
  },
  ready: (pages) => {
    [admin, beata] = pages as [Page, Page];
  },
  current: () => current,
});

const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS, interval: 100 });

/** The bell, whatever its count; its name says the count ("Notifications, 2 unread"). */
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });
const bellName = (page: Page) => bell(page).getAttribute('aria-label');
const panel = (page: Page) => page.getByRole('dialog', { name: 'Notifications' });

/** A stage on the case, written by the administrator's browser session. */
async function addStage(note: string): Promise<void> {
  const created = await apiAs(admin, 'POST', '/api/records/case_stage', {
    case: ids.case,
    at: new Date().toISOString(),
    note,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}

/** Toasts and popovers fade in and out: axe looks at the page once they are gone or fully shown. */
async function settled(page: Page, open?: Locator): Promise<void> {
  await page.getByRole('alert').first().waitFor({ state: 'detached' });
  if (open) await eventually(() => open.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
}

describe('the bell', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('counts what another user does live, opens it from the list and marks it read', async () => {
    current = admin;
    await submitLogin(admin, server.url, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(`${server.url}/records/company`);
    current = beata;
    await submitLogin(beata, server.url, BEATA.login, BEATA.password);
    await beata.waitForURL(`${server.url}/records/company`);
    await eventually(() => bellName(beata)).toBe('Notifications');

    // Nothing yet: the list says so.
    await bell(beata).click();
    await panel(beata).getByText('No notifications yet.').waitFor();
    await settled(beata, panel(beata));
    expect(await seriousA11yViolations(beata)).toEqual([]);
    await beata.keyboard.press('Escape');
    await panel(beata).waitFor({ state: 'hidden' });

    // Whatever happens from here happens without a reload: this mark would be gone.
    await beata.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    current = admin;
    await addStage('The customer asks for an offer');
    current = beata;
    await eventually(() => bellName(beata)).toBe('Notifications, 1 unread');
    await beata
      .getByRole('alert')
      .filter({ hasText: `New stage in case “${TOPIC}”` })
      .waitFor();

    const read = await apiAs(admin, 'GET', `/api/records/case/${ids.case}`);
    const { version } = read.body as { version: number };
    const changed = await apiAs(admin, 'PATCH', `/api/records/case/${ids.case}`, {
      status: ids.inProgress,
      version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await eventually(() => bellName(beata)).toBe('Notifications, 2 unread');
    // The toast counts rather than piling up.
    await beata.getByRole('alert').filter({ hasText: '2 new notifications' }).waitFor();
    expect(await beata.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // Newest first, both unread, each with who did it.
    await bell(beata).click();
    const links = panel(beata).getByRole('link');
    await eventually(() => links.count()).toBe(2);
    const status = links.nth(0);
    const stage = links.nth(1);
    const listed = await apiAs(beata, 'GET', '/api/notifications');
    const who = (listed.body as { items: Array<{ actor: { name: string } | null }> }).items[0]?.actor?.name;
    expect(who).toBeTruthy();
    expect(await status.textContent()).toContain(`Unread: Case “${TOPIC}” is now`);
    expect(await status.textContent()).toContain(`${who} · `);
    expect(await stage.textContent()).toContain(`Unread: New stage in case “${TOPIC}”`);
    expect(await stage.textContent()).toContain('The customer asks for an offer');
    await settled(beata, panel(beata));
    await screenshot(beata, 'notifications-01-list');
    expect(await seriousA11yViolations(beata)).toEqual([]);

    // The status change opens the case, and counts as read.
    await status.click();
    await beata.waitForURL(`${server.url}/records/case/${ids.case}`);
    await beata.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    await eventually(() => bellName(beata)).toBe('Notifications, 1 unread');
    await panel(beata).waitFor({ state: 'hidden' });

    // The rest at once.
    await bell(beata).click();
    expect(await links.nth(0).textContent()).not.toContain('Unread');
    await panel(beata).getByRole('button', { name: 'Mark all as read' }).click();
    await eventually(() => bellName(beata)).toBe('Notifications');
    await eventually(() => links.nth(1).textContent()).not.toContain('Unread');
    expect(await panel(beata).getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
    await beata.keyboard.press('Escape');
    await panel(beata).waitFor({ state: 'hidden' });
    const after = await apiAs(beata, 'GET', '/api/notifications?unread=1');
    expect(after.body).toMatchObject({ items: [], unreadCount: 0 });
    await settled(beata);
    expect(await seriousA11yViolations(beata)).toEqual([]);
  });

  it('loads older notifications page by page, in a full-width drawer on a phone', async () => {
    current = admin;
    for (let n = 1; n <= 21; n++) await addStage(`Call ${n}`);
    current = beata;
    await eventually(() => bellName(beata)).toBe('Notifications, 21 unread');

    // Read afresh (the list in memory has had the new ones put on top): the newest page first.
    await beata.setViewportSize({ width: 390, height: 844 });
    await beata.reload();
    await eventually(() => bellName(beata)).toBe('Notifications, 21 unread');
    await bell(beata).click();
    const drawer = panel(beata);
    const links = drawer.getByRole('link');
    await eventually(() => links.count()).toBe(20);
    const width = await drawer.evaluate((element) => element.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(389);
    expect(await links.first().textContent()).toContain('Call 21');
    await drawer.getByRole('button', { name: 'Load more' }).click();
    await eventually(() => links.count()).toBe(23);
    expect(await links.last().textContent()).toContain('The customer asks for an offer');
    await drawer.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    await settled(beata, drawer);
    await screenshot(beata, 'notifications-02-phone');
    expect(await seriousA11yViolations(beata)).toEqual([]);
    await drawer.getByRole('button', { name: 'Close the notifications' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await beata.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('notification settings', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('saves the channel of a kind, says so when saving fails, and keeps it after a reload', async () => {
    current = beata;
    await beata.goto(`${server.url}/settings`);
    const section = beata.getByRole('region', { name: 'Notifications' });
    const stages = section.getByRole('combobox', { name: 'New stages of my cases' });
    await eventually(() => stages.inputValue()).toBe('In the app and by e-mail');

    // A failed save says why, and keeps the choice on screen.
    await beata.route('**/api/notifications/preferences', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 500,
            json: { error: { code: 'internal', message: 'Internal Server Error' } },
          })
        : route.fallback(),
    );
    await stages.click();
    await beata.getByRole('option', { name: 'Daily digest' }).click();
    await section.getByRole('button', { name: 'Save' }).click();
    await section
      .getByRole('alert')
      .filter({ hasText: 'The notification settings were not saved: The server ran into a problem' })
      .waitFor();
    expect(await stages.inputValue()).toBe('Daily digest');
    await beata.unrouteAll();

    await section.getByRole('button', { name: 'Save' }).click();
    await beata.getByText('Settings saved.').waitFor();
    await eventually(async () => (await section.getByRole('alert').count()) === 0).toBe(true);
    const saved = await apiAs(beata, 'GET', '/api/notifications/preferences');
    expect((saved.body as { preferences: unknown[] }).preferences).toContainEqual({
      kind: 'case.stage',
      channel: 'digest',
    });

    await beata.reload();
    await eventually(() => stages.inputValue()).toBe('Daily digest');
    expect(await section.getByRole('combobox', { name: 'Notes that mention me' }).inputValue()).toBe(
      'In the app and by e-mail',
    );
    await settled(beata);
    await screenshot(beata, 'notifications-03-settings');
    expect(await seriousA11yViolations(beata)).toEqual([]);
  });
});
