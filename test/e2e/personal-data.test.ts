import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  E2E_TEST_TIMEOUT_MS,
  logIn,
  screenshot,
  screenshotFailures,
  seriousA11yViolations,
  startBrowserEnv,
} from './browser.ts';

/**
 * Business cards and the person page's personal data menu in a real browser: markup typed into
 * a name is shown as text on the printable card, and anonymising asks for a reason first.
 */
let env: BrowserEnv;
let page: Page;
const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

async function create(object: string, values: Record<string, unknown>): Promise<number> {
  const response = await apiAs(page, 'POST', `/api/records/${object}`, values);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

describe('business cards and personal data', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  let company = 0;
  let person = 0;

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = env.page;
    await page.goto(`${env.url}/login`);
    await logIn(page);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }, 240_000);

  afterAll(async () => {
    await env?.close();
  });

  screenshotFailures(() => page);

  it('prints a company card with markup in its name shown as text', async () => {
    company = await create('company', {
      name: `Kowalski ${SCRIPT}`,
      tax_id: '1234563218',
      country: 'PL',
      street: 'ul. Piotrkowska 12',
      postal_code: '90-001',
      city: 'Łódź',
      phone: '+48221234567',
      email: 'biuro@kowalski.pl',
      website: 'https://kowalski.pl',
    });
    await page.goto(`${env.url}/records/company/${company}/card`);
    const card = page.getByRole('article');
    await expect.poll(() => card.locator('h1').textContent()).toBe(`Kowalski ${SCRIPT}`);
    await expect.poll(() => card.textContent()).toContain('123-456-32-18');
    expect(await card.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, 'business-card-company');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('offers the personal data tools on a person and asks why before anonymising', async () => {
    person = await create('person', {
      first_name: 'Łucja',
      last_name: 'Źdźbło',
      company,
      position: 'Główna księgowa',
      mobile: '+48601234567',
      email: 'lucja@example.pl',
    });
    await page.goto(`${env.url}/records/person/${person}`);
    await page.getByRole('button', { name: 'Personal data' }).click();
    await expect
      .poll(() => page.getByRole('menuitem').allTextContents())
      .toEqual(['Download vCard', 'Personal data (PDF)', 'Personal data (JSON)', 'Anonymise…']);
    await screenshot(page, 'personal-data-menu');
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download vCard' }).click();
    expect((await download).suggestedFilename()).toBe('Łucja Źdźbło.vcf');

    await page.getByRole('button', { name: 'Personal data' }).click();
    await page.getByRole('menuitem', { name: 'Anonymise…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Anonymise for good' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Give the reason');
    await screenshot(page, 'anonymise-dialog');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Request of 20 November 2026');
    await dialog.getByRole('button', { name: 'Anonymise for good' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Anonymised #${person}`);
    await screenshot(page, 'anonymised-person');
  });

  it('prints the person card', async () => {
    const other = await create('person', {
      first_name: 'Győző',
      last_name: 'Kiss',
      company,
      position: 'CEO',
      phone: '+36301234567',
    });
    await page.goto(`${env.url}/records/person/${other}/card`);
    const card = page.getByRole('article');
    await expect.poll(() => card.textContent()).toContain('Győző Kiss');
    await screenshot(page, 'business-card-person');
  });
});
