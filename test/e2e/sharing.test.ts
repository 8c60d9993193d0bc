import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ServerProcess } from '../server-process.ts';
import { serverWithUsers, submitLogin } from './accounts.ts';
import {
  ADMIN_PASSWORD,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * Sharing one record, the employee card and required two-factor login in the browser. The
 * server starts without the demo data, so the test decides what exists: a small department
 * tree, two employees (the salesperson and her manager), a company of each, a salesperson who
 * may read only her own clients, and an account whose role requires two-factor login.
 */
const SALES = { login: 'sally', password: 'violet-harbour-compass-42' };
const GUARDED = { login: 'tina', password: 'amber-lantern-orchid-77' };

let server: ServerProcess;
let admin: Page;
let sales: Page;
let guarded: Page;
let current: Page | undefined;
const ids = { beta: 0, seller: 0, manager: 0, sales: 0 };

function logInAs(page: Page, login: string, password: string): Promise<void> {
  return submitLogin(page, server.url, login, password);
}

serverWithUsers({
  name: 'sharing',
  users: 3,
  setUp: async ({ server: started, api }) => {
    server = started;
    const top = await api('POST', '/api/records/department', { name: 'Kartoteka Test' });
    ids.sales = (await api('POST', '/api/records/department', { name: 'Sales', parent: top.id })).id;
    const north = await api('POST', '/api/records/department', {
      name: 'Sales North',
      parent: ids.sales,
    });
    ids.manager = (
      await api('POST', '/api/records/employee', {
        first_name: 'Otto',
        last_name: 'Other',
        department: ids.sales,
      })
    ).id;
    ids.seller = (
      await api('POST', '/api/records/employee', {
        first_name: 'Sally',
        last_name: 'Seller',
        department: north.id,
        manager: ids.manager,
      })
    ).id;
    await api('POST', '/api/records/company', { name: 'Alpha Mills', account_manager: ids.seller });
    ids.beta = (
      await api('POST', '/api/records/company', { name: 'Beta Foods', account_manager: ids.manager })
    ).id;
    const own = (object: string) =>
      ['read', 'create', 'update'].map((right) => ({ object, right, scope: 'own' }));
    const salesRole = await api('POST', '/api/access/roles', {
      name: 'Sales',
      description: 'Salespeople: their own clients',
      requireTotp: false,
      grants: [
        ...own('company'),
        ...own('person'),
        { object: 'dictionary_value', right: 'read', scope: 'all' },
        { object: 'employee', right: 'read', scope: 'all' },
      ],
      fields: [],
    });
    const guardedRole = await api('POST', '/api/access/roles', {
      name: 'Finance',
      description: 'Reads every client; two-factor login required',
      requireTotp: true,
      grants: [{ object: 'company', right: 'read', scope: 'all' }],
      fields: [],
    });
    await api('POST', '/api/access/accounts', {
      ...SALES,
      employee: ids.seller,
      roles: [salesRole.id],
    });
    await api('POST', '/api/access/accounts', {
      ...GUARDED,
      employee: null,
      roles: [guardedRole.id],
    });
  },
  ready: (pages) => {
    [admin, sales, guarded] = pages as [Page, Page, Page];
  },
  current: () => current,
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });
/** The names in the companies list's title column, in the order shown. */
const names = (page: Page) => page.locator('tbody tr td:nth-child(2)').allTextContents();

describe('sharing a record', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('lets the administrator share a company for reading; the salesperson then reads it', async () => {
    current = sales;
    await logInAs(sales, SALES.login, SALES.password);
    await sales.waitForURL(`${server.url}/records/company`);
    await eventually(() => names(sales)).toEqual(['Alpha Mills']);

    current = admin;
    await logInAs(admin, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(`${server.url}/records/company`);
    await admin.goto(`${server.url}/records/company/${ids.beta}`);
    await admin.getByRole('heading', { level: 1, name: 'Beta Foods' }).waitFor();
    await admin.getByRole('button', { name: 'More actions' }).click();
    await admin.getByRole('menuitem', { name: 'Share…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Share “Beta Foods”' });
    await dialog.getByText('This record is not shared with anyone.').waitFor();
    // Accounts are offered first; the picker searches them by login.
    expect(await dialog.getByRole('radio', { name: 'Account' }).isChecked()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Which account' }).fill('sal');
    await admin.getByRole('option', { name: SALES.login }).click();
    expect(await dialog.getByRole('combobox', { name: 'Access' }).inputValue()).toBe('read');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await admin.getByText('The record has been shared.').waitFor();
    const shares = dialog.getByRole('table', { name: 'Shared with' });
    await shares.getByRole('row', { name: /sally/ }).getByText('Can read').waitFor();
    await screenshot(admin, 'sharing-01-dialog');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    current = sales;
    await sales.reload();
    await eventually(() => names(sales)).toEqual(['Alpha Mills', 'Beta Foods']);
    await sales.getByRole('link', { name: 'Beta Foods' }).click();
    await sales.getByRole('heading', { level: 1, name: 'Beta Foods' }).waitFor();
    // Shared for reading: no form to save, and nothing to share or delete.
    await sales.getByText('You can see this record but not change it.').waitFor();
    expect(await sales.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await sales.getByRole('button', { name: 'More actions' }).count()).toBe(0);
    await screenshot(sales, 'sharing-02-shared-read-only');
  });

  it('shows where an employee stands, with links up the department tree', async () => {
    current = admin;
    await admin.goto(`${server.url}/records/employee/${ids.seller}`);
    await admin.getByRole('heading', { level: 1, name: 'Sally Seller' }).waitFor();
    const department = admin.locator('dd').filter({ has: admin.getByRole('link', { name: 'Sales North' }) });
    await eventually(() => department.getByRole('link').allTextContents()).toEqual([
      'Kartoteka Test',
      'Sales',
      'Sales North',
    ]);
    expect(await admin.getByRole('link', { name: 'Otto Other' }).count()).toBe(1);
    await screenshot(admin, 'sharing-03-employee-card');
    await department.getByRole('link', { name: 'Sales', exact: true }).click();
    await admin.waitForURL(`${server.url}/records/department/${ids.sales}`);
    await admin.getByRole('heading', { level: 1, name: 'Sales' }).waitFor();

    // The manager's reports under a heading that says what they are.
    current = sales;
    await sales.goto(`${server.url}/records/employee/${ids.manager}?tab=related`);
    const reports = sales.getByRole('region', { name: 'Direct reports' });
    await reports.getByRole('link', { name: 'Sally Seller' }).waitFor();
    // The salesperson may read employees but not create them: no "Add", and no form either.
    expect(await reports.getByRole('link', { name: 'Add: Employee' }).count()).toBe(0);
    await screenshot(sales, 'sharing-04-direct-reports');
    await sales.goto(`${server.url}/records/employee/new?manager=${ids.manager}`);
    await sales.getByText(/You may not create new records here/).waitFor();
    expect(await sales.getByRole('button', { name: 'Create' }).count()).toBe(0);
  });

  it('lets the administrator stop sharing; the salesperson no longer sees the company', async () => {
    current = admin;
    await admin.goto(`${server.url}/records/company/${ids.beta}`);
    await admin.getByRole('button', { name: 'More actions' }).click();
    await admin.getByRole('menuitem', { name: 'Share…' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Share “Beta Foods”' });
    await dialog.getByRole('button', { name: 'Stop sharing with sally' }).click();
    await dialog.getByText('This record is not shared with anyone.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    current = sales;
    await sales.goto(`${server.url}/records/company`);
    await eventually(() => names(sales)).toEqual(['Alpha Mills']);
  });
});

describe('required two-factor login', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('sends an account whose role requires it to the settings page until it is set up', async () => {
    current = guarded;
    await logInAs(guarded, GUARDED.login, GUARDED.password);
    await guarded.waitForURL(`${server.url}/settings`);
    const notice = guarded.getByRole('status').filter({ hasText: 'Two-factor login is required' });
    await notice.getByText('Your role requires two-factor login: set it up below to continue.').waitFor();
    await screenshot(guarded, 'sharing-05-two-factor-required');
    expect(await seriousA11yViolations(guarded)).toEqual([]);
    // Any other screen leads back here instead of showing what the server refused.
    await guarded.goto(`${server.url}/records/company`);
    await guarded.waitForURL(`${server.url}/settings`);
    await notice.waitFor();

    await guarded.getByRole('button', { name: 'Set up two-factor login' }).click();
    const secret = ((await guarded.locator('code').first().textContent()) ?? '').replace(/\s/g, '');
    await guarded.getByRole('textbox', { name: '2. Code from the app' }).fill(await generate({ secret }));
    await guarded.getByRole('button', { name: 'Turn on' }).click();
    await guarded.getByText('Your recovery codes').waitFor();
    await eventually(() => notice.count()).toBe(0);
    // "Required" is over, and the codes shown only once are still there to be written down.
    expect(await guarded.getByText('Your recovery codes').isVisible()).toBe(true);
    await guarded
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Companies' })
      .click();
    await eventually(() => names(guarded)).toEqual(['Alpha Mills', 'Beta Foods']);
  });

  it('lets the administrator require it of one account; its next request leads to the settings', async () => {
    current = admin;
    await admin.goto(`${server.url}/admin/accounts`);
    const row = admin.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: /sally/ });
    await admin.getByRole('button', { name: 'Actions for sally' }).click();
    await admin.getByRole('menuitem', { name: 'Require two-factor login' }).click();
    await row.getByText('Required', { exact: true }).waitFor();
    // Tina's role requires it; the account itself does not.
    await admin.getByRole('row', { name: /tina/ }).getByText('Required by a role').waitFor();
    await screenshot(admin, 'sharing-06-accounts-required');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The salesperson is logged in already: the first refused request brings her to the settings.
    current = sales;
    await sales
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Employees' })
      .click();
    await sales.waitForURL(`${server.url}/settings`);
    await sales.getByText('Two-factor login is required').waitFor();

    current = admin;
    await admin.getByRole('button', { name: 'Actions for sally' }).click();
    await admin.getByRole('menuitem', { name: 'Stop requiring two-factor login' }).click();
    await eventually(() => row.getByText('Required', { exact: true }).count()).toBe(0);
  });
});
