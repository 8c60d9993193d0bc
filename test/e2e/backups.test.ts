import { stat } from 'node:fs/promises';
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
 * The Backups screen in a real browser against `kartoteka serve`, whose job worker makes the
 * backup: reached from the administration menu, "Back up now" shows its progress until the new
 * file is listed, and the file downloads whole.
 */
let page: Page;

browserForFile({ loggedInAt: '/' }, (started) => {
  page = started.page;
});

describe('the Backups screen', () => {
  it(
    'backs up on request with a progress bar, lists the new file and downloads it',
    async () => {
      const navigation = page.getByRole('navigation', { name: 'Main menu' });
      await navigation.getByRole('link', { name: 'Backups' }).click();
      await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
      await page
        .getByText(
          'Backed up automatically every day at 02:00 (Europe/Warsaw). The newest 14 backups are kept.',
        )
        .waitFor();
      await page.getByText('There are no backups yet.').waitFor();

      await page.getByRole('button', { name: 'Back up now' }).click();
      // Queued at once (the bar empty: attached, not yet visible); the server's job worker picks
      // it up within its polling interval.
      await page.getByText(/^(Waiting to start…|Backing up… \d+%)$/).waitFor();
      await page.getByRole('progressbar', { name: 'Backup progress' }).waitFor({ state: 'attached' });
      await screenshot(page, 'backups-progress');
      expect(await page.getByRole('button', { name: 'Back up now' }).isDisabled()).toBe(true);
      const done = page.getByText(/^Backup made: kartoteka-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar$/);
      await done.waitFor({ timeout: ELEMENT_TIMEOUT_MS * 2 });
      const name = ((await done.textContent()) ?? '').replace('Backup made: ', '');

      const files = page.getByRole('table', { name: 'Backup files' });
      await files.getByRole('cell', { name, exact: true }).waitFor();
      expect(await page.getByRole('progressbar').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Back up now' }).isEnabled()).toBe(true);
      const overview = (await apiAs(page, 'GET', '/api/backups')).body as {
        items: Array<{ name: string; bytes: number }>;
        runs: Array<{ status: string; progress: number; fileName: string }>;
      };
      expect(overview.runs[0]).toMatchObject({ status: 'done', progress: 1, fileName: name });
      const listed = overview.items.find((item) => item.name === name);
      expect(listed?.bytes).toBeGreaterThan(0);

      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'backups-done');

      const download = page.waitForEvent('download');
      await files.getByRole('link', { name: `Download ${name}` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(name);
      expect((await stat(await file.path())).size).toBe(listed?.bytes);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
