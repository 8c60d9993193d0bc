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
 * "Remind me" from a record's page: a reminder about the record for someone, repeating on the
 * last working day, and the reminder's page leading back to the record.
 */
let env: BrowserEnv;
let page: Page;
let companyId = 0;

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

browserForFile({ loggedInAt: '/' }, async (started) => {
  env = started;
  page = started.page;
  const created = await apiAs(page, 'POST', '/api/records/company', { name: 'Przypomnienia sp. z o.o.' });
  companyId = (created.body as { id: number }).id;
  await apiAs(page, 'POST', '/api/records/employee', { first_name: 'Renata', last_name: 'Reminded' });
});

describe('reminders', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('sets a repeating reminder about a company for someone, and its page leads back to the company', async () => {
    await page.goto(`${env.url}/records/company/${companyId}`);
    await page.getByRole('button', { name: 'Remind me' }).click();
    const dialog = page.getByRole('dialog', { name: /Reminder about Przypomnienia/ });
    expect(await dialog.getByRole('textbox', { name: 'Remind me of' }).inputValue()).toBe(
      'Przypomnienia sp. z o.o.',
    );
    await dialog.getByRole('combobox', { name: 'For' }).fill('Renata');
    await page.getByRole('option', { name: /Renata Reminded/ }).click();
    await dialog.getByRole('combobox', { name: 'Repeats' }).click();
    await page.getByRole('option', { name: 'Monthly, on the last working day' }).click();
    await screenshot(page, 'reminders-01-dialog');
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
    await dialog.getByRole('button', { name: 'Set the reminder' }).click();
    await dialog.waitFor({ state: 'detached' });

    const query = () =>
      apiAs(page, 'POST', '/api/records/reminder/query', {
        filter: {
          and: [
            { field: 'record_object', op: 'eq', value: 'company' },
            { field: 'record_id', op: 'eq', value: companyId },
          ],
        },
      });
    await eventually(async () => ((await query()).body as { items: unknown[] }).items.length).toBe(1);
    const reminder = ((await query()).body as { items: Array<Record<string, unknown>> }).items[0] ?? {};
    expect(reminder).toMatchObject({
      title: 'Przypomnienia sp. z o.o.',
      repeat: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      status: 'active',
    });
    expect(typeof reminder.next_at).toBe('string');

    await page.goto(`${env.url}/records/reminder/${String(reminder.id)}`);
    await page.getByRole('link', { name: /Open the Company/ }).click();
    await page.waitForURL(`${env.url}/records/company/${companyId}`);
  });
});
