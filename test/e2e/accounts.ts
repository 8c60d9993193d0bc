import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { killHard, loginOverHttp, type ServerProcess, spawnServer } from '../server-process.ts';
import {
  ADMIN_PASSWORD,
  CHROMIUM,
  CHROMIUM_ARGS,
  CONTEXT_OPTIONS,
  ELEMENT_TIMEOUT_MS,
  SCREENSHOTS,
  screenshotFailures,
} from './browser.ts';

/**
 * Helpers of the browser tests that set up their own server and accounts (access, sharing,
 * notifications): the server and a browser context per user, API calls with the
 * administrator's headers, pages with the element timeout, the login form.
 */

/** A JSON API call that must succeed; answers the body (with the new record's id). */
export async function apiCall(
  baseUrl: string,
  headers: Record<string, string>,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ id: number }> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as { id: number } | null;
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json as { id: number };
}

export async function newPage(context: BrowserContext): Promise<Page> {
  context.setDefaultTimeout(ELEMENT_TIMEOUT_MS);
  return context.newPage();
}

/** Logs in through the form, asking to go to the companies list afterwards. */
export async function submitLogin(
  page: Page,
  baseUrl: string,
  login: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login?next=%2Frecords%2Fcompany`);
  await page.getByRole('textbox', { name: /login/i }).fill(login);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

/** What a file's set-up gets: its server, and API calls as the administrator. */
export interface UsersServer {
  server: ServerProcess;
  api(method: string, url: string, body?: unknown): Promise<{ id: number }>;
}

/**
 * One server without the demo data (the file decides what exists) and one browser for a test
 * file, with a browser context per user, so several people are logged in at once. `setUp`
 * makes the file's records and accounts; `ready` gets the users' pages. All is
 * closed after the file, and a failed step leaves a screenshot of the page `current` names.
 */
export function serverWithUsers(options: {
  name: string;
  users: number;
  setUp: (env: UsersServer) => Promise<void>;
  ready: (pages: Page[]) => void;
  current: () => Page | undefined;
}): void {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), `kartoteka-e2e-${options.name}-`));
    const started = await spawnServer({
      KARTOTEKA_DATA: dataDir,
      KARTOTEKA_DEMO: '0',
      KARTOTEKA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    server = started;
    const headers = await loginOverHttp(started.url, 'admin', ADMIN_PASSWORD);
    await options.setUp({
      server: started,
      api: (method, url, body) => apiCall(started.url, headers, method, url, body),
    });
    const launched = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    browser = launched;
    const pages: Page[] = [];
    for (let user = 0; user < options.users; user++)
      pages.push(await newPage(await launched.newContext(CONTEXT_OPTIONS)));
    options.ready(pages);
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await killHard(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  screenshotFailures(options.current);
}
