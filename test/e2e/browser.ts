import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { killHard, type ServerProcess, spawnServer } from '../server-process.ts';

/**
 * Helpers for the browser tests: the real build, the real server on a fresh database with the
 * demo data, and Debian's Chromium driven by playwright-core (ARCHITECTURE §7).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results/e2e');
export const ADMIN_PASSWORD = 'e2e-admin-password';
/**
 * How long a step may wait for the page. Generous: on CI the browser shares two cores with
 * the database tests running beside it. Each test gets E2E_TEST_TIMEOUT_MS in all.
 */
export const ELEMENT_TIMEOUT_MS = 20_000;
export const E2E_TEST_TIMEOUT_MS = 120_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * How every browser context of the tests is set up: a desktop window, British English, Warsaw
 * time, and reduced motion — the app then opens and closes menus and dialogs at once, so no
 * check meets one half-closed (an accessibility check once caught a menu mid-transition).
 */
export const CONTEXT_OPTIONS = {
  viewport: { width: 1280, height: 800 },
  locale: 'en-GB',
  timezoneId: 'Europe/Warsaw',
  reducedMotion: 'reduce',
} as const;

export interface BrowserEnv {
  server: ServerProcess;
  context: BrowserContext;
  page: Page;
  url: string;
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** The browser's language and region (the app starts in its language): en-GB unless given. */
  locale?: string;
  viewport?: { width: number; height: number };
}

export async function startBrowserEnv(options: BrowserOptions = {}): Promise<BrowserEnv> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install it with "apt-get update && apt-get install -y chromium"`,
    );
  }
  // vitest's global setup built the app once for the whole run (test/build-web-app.ts).
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('dist/web has no build');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kartoteka-e2e-data-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'kartoteka-e2e-profile-'));
  const server = await spawnServer({
    KARTOTEKA_DATA: dataDir,
    KARTOTEKA_DEMO: '1',
    KARTOTEKA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...CONTEXT_OPTIONS,
    viewport: options.viewport ?? CONTEXT_OPTIONS.viewport,
    locale: options.locale ?? CONTEXT_OPTIONS.locale,
  });
  // Well under the test timeout, so a missing element fails with its own message.
  context.setDefaultTimeout(ELEMENT_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    url: server.url,
    async close() {
      await context.close().catch(() => undefined);
      await killHard(server);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * A failed step leaves a screenshot of the page as it was (`test-results/e2e/failed-….png`),
 * so a failure on CI can be seen, not guessed.
 */
export function screenshotFailures(currentPage: () => Page | undefined): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      const page = currentPage();
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      if (page) await screenshot(page, `failed-${name}`).catch(() => undefined);
    });
  });
}

/**
 * Ctrl+K, then waits until the palette's search box has the keyboard: Mantine's focus trap
 * moves the focus in a timeout after the box is shown, and keys typed before it would be lost.
 */
export async function openPalette(page: Page, label: string): Promise<Locator> {
  await page.keyboard.press('Control+K');
  const search = page.getByRole('textbox', { name: label });
  await search.waitFor();
  await expect
    .poll(() => search.evaluate((box) => box === document.activeElement), { timeout: ELEMENT_TIMEOUT_MS })
    .toBe(true);
  return search;
}

export async function logIn(page: Page, password = ADMIN_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: /login|felhasználónév/i }).fill('admin');
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

/** The API as the logged-in page sees it (same cookies); writes carry the page's CSRF token. */
export async function apiAs(page: Page, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const request = page.context().request;
  const base = new URL(page.url()).origin;
  const me = (await (await request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await request.fetch(`${base}${url}`, {
    method,
    data: body,
    headers: { 'x-csrf-token': me.csrfToken, origin: base },
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as unknown };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page; returns the serious and critical violations only. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const source = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol: the app's Content-Security-Policy (rightly)
  // refuses inline script tags, and the check must run against the page as users get it.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Logs in as admin through the login page and lands on `path`, as a user coming from a link. */
export async function logInAt(env: BrowserEnv, path: string): Promise<void> {
  await env.page.goto(`${env.url}/login?next=${encodeURIComponent(path)}`);
  await logIn(env.page);
  await env.page.waitForURL(`${env.url}${path}`);
}

/**
 * One server and browser for a test file: started before its tests (logged in as admin at
 * `loggedInAt`, when given), closed after them, with a screenshot of every failed step.
 * `started` hands the environment to the file, and may prepare the file's data.
 */
export function browserForFile(
  options: BrowserOptions & { loggedInAt?: string },
  started: (env: BrowserEnv) => void | Promise<void>,
): void {
  let env: BrowserEnv | undefined;
  beforeAll(async () => {
    env = await startBrowserEnv(options);
    if (options.loggedInAt !== undefined) await logInAt(env, options.loggedInAt);
    await started(env);
  }, 240_000);
  afterAll(async () => {
    await env?.close();
  });
  screenshotFailures(() => env?.page);
}
