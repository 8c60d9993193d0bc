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
 * The client file on the demo data: the Today screen after logging in (next actions due, the
 * list behind them), a client's page with its timeline beside the details, a call logged in
 * one step and the timeline's filters. Steps build on each other.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ loggedInAt: '/' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

interface Row {
  id: number;
  [key: string]: unknown;
}

async function query(object: string, body: unknown): Promise<Row[]> {
  const response = await apiAs(page, 'POST', `/api/records/${object}/query`, body);
  expect(response.status).toBe(200);
  return (response.body as { items: Row[] }).items;
}

let loggedCall = 0;

describe('the client file', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('opens on Today: overdue next actions first, and the list behind them', async () => {
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const actions = page.getByRole('region', { name: 'Next actions due' });
    // The demo has cases whose next action is overdue: the screen says so at once.
    const overdue = actions.getByText(/^\d+ overdue$/);
    await eventually(async () => Number.parseInt((await overdue.textContent()) ?? '0', 10)).toBeGreaterThan(
      0,
    );
    await actions.getByRole('listitem').first().waitFor();
    await screenshot(page, 'client-file-01-today');
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
    await actions.getByRole('link', { name: 'All next actions as a list' }).click();
    await page.waitForURL(/\/records\/case\?/);
    const table = page.getByRole('table', { name: 'Cases' });
    await table.locator('tbody tr').first().waitFor();
    // Soonest first, every one of them open.
    const cases = await query('case', {
      filter: JSON.parse(new URL(page.url()).searchParams.get('filter') ?? 'null'),
      sort: [{ field: 'next_action_date', direction: 'asc' }],
      expand: ['status'],
      limit: 200,
    });
    expect(cases.length).toBeGreaterThan(0);
    const dates = cases.map((row) => String(row.next_action_date));
    expect([...dates].sort()).toEqual(dates);
    for (const row of cases) {
      const status = (row._expanded as { status?: { code?: string } }).status?.code;
      expect(['closed_won', 'closed_lost', 'cancelled']).not.toContain(status);
    }
  });

  it('shows the action plan: who does what, day by day', async () => {
    await page.goto(`${env.url}/`);
    await page.getByRole('link', { name: 'Action plan by employee and day' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
    // Next week: the demo plans activities over the coming month, whatever day the test runs on.
    await page.getByRole('button', { name: 'Next week' }).click();
    const plan = page.getByRole('table', { name: 'Action plan' });
    await plan.getByRole('rowheader').first().waitFor();
    // Seven days across, an activity linked in some day of some employee.
    expect(await plan.getByRole('columnheader').count()).toBe(8);
    expect(await plan.getByRole('link').count()).toBeGreaterThan(0);
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
  });

  it("shows a client's timeline beside the details and logs a call in one step", async () => {
    const [activity] = await query('activity', {
      filter: {
        and: [
          { field: 'company', op: 'isNotEmpty' },
          { field: 'status', op: 'eq', value: 'done' },
        ],
      },
      sort: [{ field: 'starts_at', direction: 'desc' }],
      limit: 1,
    });
    const companyId = Number(activity?.company);
    await page.goto(`${env.url}/records/company/${companyId}`);
    const timeline = page.getByRole('region', { name: 'Timeline of what happened' });
    const entries = timeline.getByRole('listitem');
    await eventually(() => entries.count()).toBeGreaterThan(0);
    // The card is still there, beside it.
    await page.getByRole('button', { name: 'Change: City' }).waitFor();
    await screenshot(page, 'client-file-02-timeline');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await timeline.getByRole('button', { name: 'Log a call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a call' });
    await dialog.getByRole('textbox', { name: 'What happened' }).fill('Agreed to send the spring price list');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // On the timeline at once, as a call, with what was said (planned ones may come above it).
    const call = entries.filter({ hasText: 'Agreed to send the spring price list' });
    await eventually(() => call.count()).toBe(1);
    expect(await call.textContent()).toContain('Call');
    const logged = await query('activity', {
      filter: { field: 'outcome', op: 'contains', value: 'spring price list' },
      expand: ['type'],
    });
    expect(logged).toHaveLength(1);
    loggedCall = Number(logged[0]?.id);
    expect(logged[0]).toMatchObject({ company: companyId, status: 'done' });
    expect((logged[0]?._expanded as { type?: { code?: string } } | undefined)?.type?.code).toBe('call');
  });

  it('filters the timeline by kind and words, and adds a note', async () => {
    const timeline = page.getByRole('region', { name: 'Timeline of what happened' });
    const entries = timeline.getByRole('listitem');
    await timeline.getByRole('button', { name: 'Add a note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Prefers calls after 3 pm');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The chip's label is what a user clicks; its checkbox is drawn under it.
    const noteChip = timeline.locator('label').filter({ hasText: /^Note$/ });
    await noteChip.click();
    await eventually(async () =>
      (await entries.allTextContents()).every((text) => text.includes('Note')),
    ).toBe(true);
    await eventually(() => entries.filter({ hasText: 'Prefers calls after 3 pm' }).count()).toBe(1);
    await noteChip.click();
    await timeline.getByRole('button', { name: 'Search and dates' }).click();
    await timeline.getByRole('textbox', { name: 'Search the timeline' }).fill('spring price');
    await eventually(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('Agreed to send the spring price list');
  });

  it('plans the follow-up of an activity in one step, linked to it', async () => {
    await page.goto(`${env.url}/records/activity/${loggedCall}`);
    await page.getByRole('button', { name: 'Plan the follow-up' }).click();
    await page.waitForURL(/\/records\/activity\/\d+\?edit=1$/);
    const followUp = Number(/\/records\/activity\/(\d+)/.exec(page.url())?.[1]);
    expect(followUp).not.toBe(loggedCall);
    const [next] = await query('activity', { filter: { field: 'id', op: 'eq', value: followUp } });
    expect(next).toMatchObject({ previous: loggedCall, status: 'planned' });
    expect(new Date(String(next?.starts_at)).getTime()).toBeGreaterThan(Date.now());

    // The client's file shows it as coming up, soonest first, above what happened and not in it.
    await page.goto(`${env.url}/records/company/${Number(next?.company)}`);
    const timeline = page.getByRole('region', { name: 'Timeline of what happened' });
    const coming = timeline.getByRole('region', { name: 'Coming up' });
    const link = timeline.locator(`a[href="/records/activity/${followUp}"]`);
    await eventually(() => coming.locator(`a[href="/records/activity/${followUp}"]`).count()).toBe(1);
    expect(await link.count()).toBe(1);
    const times = await coming
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    expect(times.length).toBeGreaterThan(0);
    expect([...times].sort()).toEqual(times);
    for (const time of times) expect(Date.parse(String(time))).toBeGreaterThan(Date.now() - 60_000);
    await screenshot(page, 'client-file-03-coming-up');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
