import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import buildWebApp from '../test/build-web-app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/browser.ts';

const DIST = path.resolve(import.meta.dirname, '../dist/web');

/**
 * What the browser must fetch before the first screen shows: the entry script, the modules it
 * preloads and the stylesheets named in index.html, gzipped as the server sends them.
 */
export function firstScreenSize(): { jsKb: number; cssKb: number } {
  buildWebApp();
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const gzippedKb = (file: string) =>
    gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;
  const sum = (ext: string) =>
    Math.round(
      assets.filter((file) => file.endsWith(ext)).reduce((total, file) => total + gzippedKb(file), 0),
    );
  return { jsKb: sum('.js'), cssKb: sum('.css') };
}

/**
 * Time from navigating to the company list (a full page load, assets cached as a returning user
 * has them) until its first rows are in the table, in headless Chromium.
 */
export async function listFirstRowsMs(
  url: string,
  login: string,
  password: string,
  runs = 7,
): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const loggedIn = await page.request.post(`${url}/api/auth/login`, {
      data: { login, password },
      headers: { origin: url },
    });
    if (!loggedIn.ok()) throw new Error(`login failed: ${loggedIn.status()}`);
    const times: number[] = [];
    // The first run warms the browser cache; it is not counted.
    for (let run = 0; run <= runs; run++) {
      await page.goto('about:blank');
      await page.goto(`${url}/records/company`, { waitUntil: 'commit' });
      // Checked on every animation frame, and timed by the page's own clock from the start of
      // the navigation: a locator's wait polls at growing intervals (up to 500 ms) and would
      // measure its own back-off.
      const shownAt = await page.waitForFunction(
        // A function, not a string: the app's Content-Security-Policy forbids the page to
        // evaluate strings. This file is compiled without the DOM's types; it runs in the page.
        () => {
          const page = globalThis as unknown as {
            document: { querySelector(selector: string): unknown };
            performance: { now(): number };
          };
          return page.document.querySelector('tbody tr') ? page.performance.now() : false;
        },
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      if (run > 0) times.push(Number(await shownAt.jsonValue()));
    }
    return times;
  } finally {
    await browser.close();
  }
}
