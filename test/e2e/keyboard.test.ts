import type { Dialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  logIn,
  openPalette,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * The app in Polish without a mouse (issue 12): from the login form to a changed value and a
 * record found with Ctrl+K, by keys alone; the warning before unsaved edits are left behind;
 * and the palette that waits for the server rather than saying it found nothing.
 */
let env: BrowserEnv;
let page: Page;

browserForFile({ locale: 'pl-PL' }, (started) => {
  env = started;
  page = started.page;
});

const eventually = <T>(read: () => Promise<T>, timeout = ELEMENT_TIMEOUT_MS) =>
  expect.poll(read, { timeout, interval: 100 });

interface Focused {
  tag: string;
  label: string;
  name: string;
  href: string;
  text: string;
  /** The browser draws its focus indicator: `:focus-visible`, with an outline or an input's own. */
  visible: boolean;
}

/** What has the keyboard focus, and whether the user can see it. */
function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body)
      return { tag: 'BODY', label: '', name: '', href: '', text: '', visible: false };
    const style = getComputedStyle(element);
    // Mantine's inputs show focus by their border rather than an outline.
    const isField = element.matches('input:not([type=checkbox]), textarea');
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return {
      tag: element.tagName,
      label: element.getAttribute('aria-label') ?? '',
      name: element.getAttribute('name') ?? '',
      href: element.getAttribute('href') ?? '',
      text: (element.textContent ?? '').trim(),
      visible: element.matches(':focus-visible') && (outlined || isField),
    };
  });
}

/**
 * Presses Tab until the focus is on what `wanted` describes; fails after `limit` presses, so
 * an element the keyboard cannot reach fails here, by name.
 */
async function tabTo(wanted: (focus: Focused) => boolean, what: string, limit = 60): Promise<Focused> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focus = await focused();
    if (wanted(focus)) return focus;
  }
  throw new Error(`${what}: not reached with ${limit} presses of Tab`);
}

/** Opens `path` logged in, whether or not an earlier test logged in (each runs alone too). */
async function visit(path: string): Promise<void> {
  await page.goto(`${env.url}${path}`);
  const loginButton = page.getByRole('button', { name: 'Zaloguj' });
  await page
    .getByRole('button', { name: /Menu użytkownika/ })
    .or(loginButton)
    .waitFor();
  if (await loginButton.isVisible()) {
    await logIn(page);
    await page.waitForURL(`${env.url}${path}`);
  }
}

const recordId = (url: string) => Number(/\/records\/company\/(\d+)$/.exec(url)?.[1]);

async function cityOf(id: number): Promise<unknown> {
  const { body } = await apiAs(page, 'GET', `/api/records/company/${id}`);
  return (body as { city?: unknown }).city;
}

describe('the keyboard alone', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('keyboard-only path from login to editing a record', async () => {
    await page.goto(`${env.url}/login`);
    await page.getByRole('button', { name: 'Zaloguj' }).waitFor();
    // The form starts in its first field.
    await eventually(async () => (await focused()).name).toBe('username');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // The companies from the side navigation.
    const nav = await tabTo((focus) => focus.href === '/records/company', 'the companies in the navigation');
    expect(nav.visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${env.url}/records/company`);
    const table = page.getByRole('table', { name: 'Firmy' });
    await table.locator('tbody tr').nth(1).waitFor();

    // Into the table: its first stop is the "mark all" box, then the headers; the arrows go to the rows.
    await tabTo((focus) => focus.label === 'Zaznacz wszystkie wczytane wiersze', 'the table');
    const header = await tabTo((focus) => focus.tag === 'BUTTON' && focus.text === 'Nazwa', 'Nazwa');
    expect(header.visible).toBe(true);
    const titles = await table
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.textContent?.trim() ?? ''));
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await focused()).text).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await focused()).text).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await eventually(async () => (await focused()).text).toBe(titles[0]);
    await page.keyboard.press('ArrowDown');
    await eventually(async () => (await focused()).text).toBe(titles[1]);
    expect((await focused()).visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/records\/company\/\d+$/);
    await page.getByRole('heading', { level: 1, name: titles[1] }).waitFor();
    const id = recordId(page.url());

    // The value's pencil, then its input: Enter opens it with the focus in it.
    const pencil = await tabTo((focus) => focus.label === 'Zmień: Miejscowość', 'the pencil of Miejscowość');
    expect(pencil.visible).toBe(true);
    await page.keyboard.press('Enter');
    const input = page.getByRole('textbox', { name: 'Miejscowość' });
    await input.waitFor();
    await eventually(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Klawiszów Dolny');
    expect(await input.inputValue()).toBe('Klawiszów Dolny');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'keyboard-01-inline-edit');

    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    await eventually(() => cityOf(id)).toBe('Klawiszów Dolny');
    // The keyboard goes on from the value it just saved.
    await eventually(async () => (await focused()).label).toBe('Zmień: Miejscowość');

    // Ctrl+K, from where the keyboard is: the record is found by its new value.
    const search = await openPalette(page, 'Szukaj rekordów');
    await page.keyboard.type('klawiszow dolny');
    const hits = page.locator('.mantine-Spotlight-action');
    await hits.filter({ hasText: titles[1] }).filter({ hasText: 'Miejscowość: Klawiszów Dolny' }).waitFor();

    // Another record by its name: the arrows pick it, Enter opens it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(titles[0] ?? '');
    // Settled: the live region counts the hits only once the answer to the whole name is in.
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ wynik/ })
      .waitFor();
    const wanted = hits.filter({ has: page.locator('[data-hit-title]', { hasText: titles[0] }) }).first();
    await wanted.waitFor();
    for (let presses = 0; (await wanted.getAttribute('data-selected')) === null; presses++) {
      if (presses === 20) throw new Error(`${titles[0]}: not picked with 20 presses of ArrowDown`);
      await page.keyboard.press('ArrowDown');
      // The focus stays in the box; the picked hit is marked for the eye.
      expect((await focused()).label).toBe('Szukaj rekordów');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (url) => /^\/records\/company\/\d+$/.test(url.pathname) && recordId(url.href) !== id,
    );
    await page.getByRole('heading', { level: 1, name: titles[0] }).waitFor();
    await search.waitFor({ state: 'detached' });
  });
});

describe('leaving unsaved changes', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const warning = () => page.getByRole('dialog', { name: 'Wyjść bez zapisywania?' });
  const people = () => page.getByRole('navigation').locator('a[href="/records/person"]');

  async function openCompany(): Promise<{ id: number; city: unknown }> {
    await visit('/records/company');
    const first = page.getByRole('table', { name: 'Firmy' }).locator('tbody tr td:nth-child(2) a').first();
    await first.click();
    await page.waitForURL(/\/records\/company\/\d+$/);
    // The list may stay on screen a moment while the record loads: wait for the record's own page.
    await page.getByRole('button', { name: 'Edytuj wszystkie pola' }).waitFor();
    const id = recordId(page.url());
    return { id, city: await cityOf(id) };
  }

  it('leave-with-unsaved-changes warning', async () => {
    const { id, city } = await openCompany();
    await page.getByRole('button', { name: 'Zmień: Miejscowość' }).click();
    const input = page.getByRole('textbox', { name: 'Miejscowość' });
    await input.fill('Niezapisane Miasto');

    // A link in the app asks first; staying keeps the page and what was typed.
    await people().click();
    await warning().waitFor();
    await screenshot(page, 'keyboard-02-unsaved');
    // The safe choice has the focus, so Enter does not throw the edit away.
    expect((await focused()).text).toBe('Zostań i zapisz');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await warning().waitFor({ state: 'detached' });
    // Back in the edit the user chose to keep.
    await eventually(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(page.url()).toBe(`${env.url}/records/company/${id}`);
    expect(await input.inputValue()).toBe('Niezapisane Miasto');

    // Leaving goes, and the typed value is dropped, not saved.
    await people().click();
    await warning().getByRole('button', { name: 'Opuść stronę' }).click();
    await page.waitForURL(`${env.url}/records/person`);
    await page.getByRole('table', { name: 'Osoby' }).waitFor();
    expect(await cityOf(id)).toEqual(city);

    // Once the value is saved there is nothing to warn about.
    await page.goBack();
    await page.waitForURL(`${env.url}/records/company/${id}`);
    await page.getByRole('button', { name: 'Edytuj wszystkie pola' }).waitFor();
    await page.getByRole('button', { name: 'Zmień: Miejscowość' }).click();
    await input.fill('Zapisane Miasto');
    await input.press('Enter');
    await input.waitFor({ state: 'detached' });
    await eventually(() => cityOf(id)).toBe('Zapisane Miasto');
    await people().click();
    await page.waitForURL(`${env.url}/records/person`);
    expect(await warning().count()).toBe(0);
  });

  it('asks the browser to confirm closing or reloading with a changed form', async () => {
    const { id } = await openCompany();
    await page.getByRole('button', { name: 'Edytuj wszystkie pola' }).click();
    const city = page.getByRole('form').getByRole('textbox', { name: 'Miejscowość' });
    // Typed, not filled: the browser only asks on a page the user has interacted with.
    await city.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Formularzowo');

    const dialogs: string[] = [];
    const dismiss = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    };
    page.on('dialog', dismiss);
    try {
      // A reload the user cancels at the prompt leaves the form as it was.
      await page.evaluate(() => window.location.reload());
      await eventually(() => Promise.resolve(dialogs)).toEqual(['beforeunload']);
      await page.close({ runBeforeUnload: true });
      await eventually(() => Promise.resolve(dialogs)).toEqual(['beforeunload', 'beforeunload']);
      expect(page.isClosed()).toBe(false);
      expect(page.url()).toBe(`${env.url}/records/company/${id}`);
      expect(await city.inputValue()).toBe('Formularzowo');
    } finally {
      page.off('dialog', dismiss);
    }

    // Without changes the page goes without asking.
    const discard = page.getByRole('button', { name: 'Odrzuć zmiany' });
    await discard.click();
    await eventually(() => discard.isDisabled()).toBe(true);
    const unasked: string[] = [];
    page.on('dialog', (dialog) => {
      unasked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload();
    await page.getByRole('button', { name: 'Edytuj wszystkie pola' }).waitFor();
    expect(unasked).toEqual([]);
  });
});

describe('the palette while the server is away', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('waits for the connection instead of saying nothing was found', async () => {
    await visit('/records/company');
    await page.getByRole('table', { name: 'Firmy' }).waitFor();
    // Whatever the palette says, recorded as it changes: "nothing found" must never flash by.
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { paletteSaid: string[] }).paletteSaid = said;
      new MutationObserver(() => {
        const empty = document.querySelector('.mantine-Spotlight-empty');
        const text = empty?.textContent ?? '';
        if (text && said.at(-1) !== text) said.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { paletteSaid: string[] }).paletteSaid);

    // Every request fails on the way, as when the network is gone.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    try {
      await openPalette(page, 'Szukaj rekordów');
      await page.keyboard.type('zzqx brak');
      const empty = page.locator('.mantine-Spotlight-empty');
      await eventually(() => empty.textContent()).toBe('Czekam na połączenie z serwerem…');
      await eventually(() =>
        page.getByRole('status').filter({ hasText: 'Czekam na połączenie' }).count(),
      ).toBe(1);
      await screenshot(page, 'keyboard-03-palette-waiting');
    } finally {
      await page.unroute('**/api/**');
    }

    // Back: the paused request goes out by itself, and only its answer says "nothing found".
    const empty = page.locator('.mantine-Spotlight-empty');
    await eventually(() => empty.textContent()).toBe('Nic nie znaleziono.');
    const history = await said();
    expect(history.at(-1)).toBe('Nic nie znaleziono.');
    expect(history.filter((text) => text === 'Nic nie znaleziono.')).toHaveLength(1);
    expect(history).toContain('Czekam na połączenie z serwerem…');
    await page.keyboard.press('Escape');
  });
});
