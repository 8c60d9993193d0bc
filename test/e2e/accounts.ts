import type { BrowserContext, Page } from 'playwright-core';
import { ELEMENT_TIMEOUT_MS } from './browser.ts';

/**
 * Helpers of the browser tests that set up their own server and accounts (access, sharing):
 * API calls with the administrator's headers, pages with the element timeout, the login form.
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
