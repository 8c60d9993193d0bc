import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * Duplicates and merge in a real browser: the duplicates list finds two spellings of one
 * client, the merge dialog takes a value from the other record and shows what moves, the
 * notice undoes the merge, and the merge log undoes it again later.
 */
let page: Page;

// A valid NIP below every generated one (they start at 101…), so its group comes first.
const NIP = '1000000006';

browserForFile({ loggedInAt: '/records/company/duplicates' }, (started) => {
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

async function create(object: string, values: Record<string, unknown>): Promise<number> {
  const response = await apiAs(page, 'POST', `/api/records/${object}`, values);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

async function read(object: string, id: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await apiAs(page, 'GET', `/api/records/${object}/${id}`);
  return { status: response.status, body: response.body as Record<string, unknown> };
}

describe('duplicates and merge', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  let keep = 0;
  let gone = 0;
  let person = 0;

  it('lists two spellings of one client as likely duplicates', async () => {
    keep = await create('company', {
      name: 'Zielarnia Kowalski Sp. z o.o.',
      city: 'Łódź',
      country: 'PL',
      tax_id: NIP,
    });
    gone = await create('company', {
      name: 'ZIELARNIA KOWALSKI spółka z ograniczoną odpowiedzialnością',
      city: 'Lodz',
      country: 'PL',
      tax_id: NIP,
      email: 'biuro@zielarnia.pl',
    });
    person = await create('person', { first_name: 'Ala', last_name: 'Zielna', company: gone });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Likely duplicates: Companies' }).waitFor();
    const group = page.getByRole('region', { name: 'Same Tax ID' }).first();
    await group.getByRole('link', { name: 'Zielarnia Kowalski Sp. z o.o.' }).waitFor();
    await screenshot(page, 'merge-01-duplicates');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('merges them, choosing a value of the other record, and undoes it from the notice', async () => {
    await page
      .getByRole('button', {
        name: 'Merge ZIELARNIA KOWALSKI spółka z ograniczoną odpowiedzialnością into Zielarnia Kowalski Sp. z o.o.',
      })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Merge two records' });
    await dialog.getByText('1 record of People (Company)').waitFor();
    await dialog.getByRole('radio', { name: 'E-mail: take the value of the merged record' }).waitFor();
    // The kept record has no e-mail, so the other one's is preselected; the name stays the kept one.
    expect(
      await dialog.getByRole('radio', { name: 'E-mail: take the value of the merged record' }).isChecked(),
    ).toBe(true);
    await dialog.getByRole('radio', { name: 'City: take the value of the merged record' }).check();
    await dialog.getByRole('radio', { name: 'City: keep the value of the kept record' }).check();
    await screenshot(page, 'merge-02-dialog');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Merged into “Zielarnia Kowalski Sp. z o.o.”.').waitFor();

    const kept = await read('company', keep);
    expect(kept.body).toMatchObject({ email: 'biuro@zielarnia.pl', city: 'Łódź' });
    expect((await read('company', gone)).status).toBe(404);
    expect((await read('person', person)).body.company).toBe(keep);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('The merge was undone.').waitFor();
    await eventually(async () => (await read('company', gone)).status).toBe(200);
    expect((await read('company', keep)).body.email).toBeNull();
    expect((await read('person', person)).body.company).toBe(gone);
  });

  it('undoes a merge later from the merge log', async () => {
    // The notice of the first undo stays while the pointer rests on it: close it.
    const notice = page.getByRole('alert').filter({ hasText: 'The merge was undone.' });
    await notice.getByRole('button', { name: 'Close' }).click();
    await notice.waitFor({ state: 'hidden' });
    const merged = await apiAs(page, 'POST', '/api/records/company/merge', {
      keepId: keep,
      mergeId: gone,
      values: {},
    });
    expect(merged.status).toBe(200);
    await page.getByRole('tab', { name: 'Merges' }).click();
    const log = page.getByRole('table', { name: 'Merges' });
    await log.getByRole('link', { name: 'Zielarnia Kowalski Sp. z o.o.' }).first().waitFor();
    await screenshot(page, 'merge-03-log');
    await log
      .getByRole('button', {
        name: 'Undo the merge of ZIELARNIA KOWALSKI spółka z ograniczoną odpowiedzialnością',
      })
      .first()
      .click();
    await page.getByText('The merge was undone.').waitFor();
    await eventually(async () => (await read('company', gone)).status).toBe(200);
    await log
      .getByText(/^Undone /)
      .first()
      .waitFor();
  });
});
