import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  openPalette,
  screenshot,
} from './browser.ts';

/**
 * The language reads as a native speaker writes it (issue 12 §9): in Hungarian a person's
 * family name comes first wherever the name is shown (the record's heading, the Ctrl+K
 * palette); in Polish a sentence naming a person agrees with them ("„Helena Szulc” zostanie
 * przeniesiona…", "„Jan Szulc” zostanie przeniesiony…").
 */
let env: BrowserEnv;
let page: Page;
const ids = { nikolett: 0, helena: 0, jan: 0 };

async function createPerson(firstName: string, lastName: string): Promise<number> {
  const { status, body } = await apiAs(page, 'POST', '/api/records/person', {
    first_name: firstName,
    last_name: lastName,
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return (body as { id: number }).id;
}

browserForFile({ locale: 'hu-HU', loggedInAt: '/records/person' }, async (started) => {
  env = started;
  page = started.page;
  ids.nikolett = await createPerson('Nikolett', 'Kozmavári');
  ids.helena = await createPerson('Helena', 'Szulcówna');
  ids.jan = await createPerson('Jan', 'Szulcówny');
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

describe('language', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows a person family name first in Hungarian: the heading and the Ctrl+K palette', async () => {
    await page.goto(`${env.url}/records/person/${ids.nikolett}`);
    await page.getByRole('heading', { level: 1, name: 'Kozmavári Nikolett', exact: true }).waitFor();
    await eventually(() => page.title()).toContain('Kozmavári Nikolett');

    const search = await openPalette(page, 'Keresés a rekordok között');
    await page.keyboard.type('nikolett kozmav');
    const hit = page.locator('.mantine-Spotlight-action').filter({ hasText: 'Kozmavári Nikolett' });
    await hit.waitFor();
    await screenshot(page, 'language-01-hungarian-palette');
    expect(
      await page.locator('.mantine-Spotlight-action').filter({ hasText: 'Nikolett Kozmavári' }).count(),
    ).toBe(0);
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'detached' });
  });

  it('asks in Polish to move a woman’s record to the trash in the feminine, a man’s in the masculine', async () => {
    await page.getByRole('button', { name: /Felhasználói menü/ }).click();
    await page.getByRole('menuitemradio', { name: 'Polski' }).click();
    await page.getByRole('navigation', { name: 'Menu główne' }).waitFor();

    const confirmation = async (id: number) => {
      await page.goto(`${env.url}/records/person/${id}`);
      await page.getByRole('button', { name: 'Więcej działań' }).click();
      await page.getByRole('menuitem', { name: 'Przenieś do kosza' }).click();
      const dialog = page.getByRole('dialog', { name: 'Przenieść do kosza?' });
      await dialog.waitFor();
      const text = (await dialog.locator('p').first().textContent()) ?? '';
      return { dialog, text };
    };

    const woman = await confirmation(ids.helena);
    expect(woman.text).toBe(
      '„Helena Szulcówna” zostanie przeniesiona do kosza. W każdej chwili można ją stamtąd przywrócić.',
    );
    await screenshot(page, 'language-02-polish-feminine');
    await woman.dialog.getByRole('button', { name: 'Anuluj' }).click();
    await woman.dialog.waitFor({ state: 'hidden' });

    const man = await confirmation(ids.jan);
    expect(man.text).toBe(
      '„Jan Szulcówny” zostanie przeniesiony do kosza. W każdej chwili można go stamtąd przywrócić.',
    );
    await man.dialog.getByRole('button', { name: 'Anuluj' }).click();

    // "New" agrees with the object's name: a company (firma) is feminine.
    await page.goto(`${env.url}/records/company`);
    await page.getByRole('table', { name: 'Firmy' }).waitFor();
    await page.getByRole('link', { name: 'Nowa', exact: true }).waitFor();
  });
});
