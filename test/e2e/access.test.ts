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
 * Access control in the browser: a salesperson who may read only their own companies, the
 * administrator widening that in the role editor, and "view as". The server starts without the
 * demo data, so the test decides exactly which records exist: four companies, two of them the
 * salesperson's, and two people (one at the salesperson's company).
 */
const SALES_LOGIN = 'sally';
const SALES_PASSWORD = 'violet-harbour-compass-42';

let server: ServerProcess;
let admin: Page;
let sales: Page;
let current: Page | undefined;

async function logInAs(page: Page, login: string, password: string): Promise<void> {
  await submitLogin(page, server.url, login, password);
  await page.waitForURL(`${server.url}/records/company`);
}

serverWithUsers({
  name: 'access',
  users: 2,
  setUp: async ({ server: started, api }) => {
    server = started;
    const seller = await api('POST', '/api/records/employee', {
      first_name: 'Sally',
      last_name: 'Seller',
    });
    const other = await api('POST', '/api/records/employee', {
      first_name: 'Otto',
      last_name: 'Other',
    });
    const companies = [];
    for (const [name, manager] of [
      ['Alpha Mills', seller.id],
      ['Beta Foods', other.id],
      ['Gamma Steel', seller.id],
      ['Delta Print', null],
    ] as const) {
      companies.push(await api('POST', '/api/records/company', { name, account_manager: manager }));
    }
    await api('POST', '/api/records/person', {
      first_name: 'Anna',
      last_name: 'Alpha',
      company: companies[0]?.id,
    });
    await api('POST', '/api/records/person', {
      first_name: 'Bruno',
      last_name: 'Beta',
      company: companies[1]?.id,
    });
    const own = (object: string) =>
      ['read', 'create', 'update'].map((right) => ({ object, right, scope: 'own' }));
    const role = await api('POST', '/api/access/roles', {
      name: 'Sales',
      description: 'Salespeople: their own clients',
      grants: [
        ...own('company'),
        ...own('person'),
        { object: 'dictionary_value', right: 'read', scope: 'all' },
        { object: 'employee', right: 'read', scope: 'all' },
      ],
      fields: [],
    });
    await api('POST', '/api/access/accounts', {
      login: SALES_LOGIN,
      employee: seller.id,
      password: SALES_PASSWORD,
      roles: [role.id],
    });
  },
  ready: (pages) => {
    [admin, sales] = pages as [Page, Page];
  },
  current: () => current,
});

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });
/** The names in a list's title column, in the order shown. */
const names = (page: Page) => page.locator('tbody tr td:nth-child(2)').allTextContents();
const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main menu' });

describe('access control in the web app', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows a salesperson only their own companies, and no administration', async () => {
    current = sales;
    await logInAs(sales, SALES_LOGIN, SALES_PASSWORD);
    await sales.getByRole('table', { name: 'Companies' }).waitFor();
    await eventually(() => names(sales)).toEqual(['Alpha Mills', 'Gamma Steel']);
    await sales.getByText('2 records').waitFor();
    const nav = navigation(sales);
    await nav.getByRole('link', { name: 'People' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Today',
      'Companies',
      'People',
      'Employees',
    ]);
    expect(await nav.getByText('Administration').count()).toBe(0);
    // The role lets them create companies but not export them.
    await sales.getByRole('link', { name: 'New' }).waitFor();
    expect(await sales.getByRole('button', { name: 'Export' }).count()).toBe(0);
    await screenshot(sales, 'access-01-salesperson-list');

    // An administration address says it is not for them instead of showing errors.
    await sales.goto(`${server.url}/admin/roles`);
    await sales.getByText('Only administrators can open this page.').waitFor();
  });

  it('lets the administrator widen the role in the grid; the salesperson then sees every company', async () => {
    current = admin;
    await logInAs(admin, 'admin', ADMIN_PASSWORD);
    await eventually(() => names(admin)).toEqual(['Alpha Mills', 'Beta Foods', 'Delta Print', 'Gamma Steel']);
    const nav = navigation(admin);
    await nav.getByRole('heading', { name: 'Administration' }).waitFor();
    await nav.getByRole('link', { name: 'Roles' }).click();
    await admin.getByRole('table', { name: 'Roles' }).getByRole('link', { name: 'Sales' }).click();
    const read = admin.getByRole('combobox', { name: 'Companies — Read' });
    await eventually(() => read.inputValue()).toBe('own');
    // Objects without an owner offer none or all only.
    const dictionaryOptions = admin
      .getByRole('combobox', { name: 'Dictionary values — Read' })
      .locator('option')
      .allTextContents();
    expect(await dictionaryOptions).toEqual(['None', 'All']);
    await read.selectOption('all');
    await screenshot(admin, 'access-02-role-editor');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Save the role' }).click();
    await admin.getByText('The role has been saved.').waitFor();
    await eventually(() => read.inputValue()).toBe('all');

    current = sales;
    await sales.goto(`${server.url}/records/company`);
    await eventually(() => names(sales)).toEqual(['Alpha Mills', 'Beta Foods', 'Delta Print', 'Gamma Steel']);
  });

  it('lets the administrator view the application as the salesperson, and stop', async () => {
    current = admin;
    await navigation(admin).getByRole('link', { name: 'Accounts' }).click();
    const accounts = admin.getByRole('table', { name: 'Accounts' });
    await accounts.getByRole('row', { name: /sally/ }).getByText('Sally Seller').waitFor();
    await screenshot(admin, 'access-03-accounts');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Actions for sally' }).click();
    await admin.getByRole('menuitem', { name: 'View as this account' }).click();

    const banner = admin.getByRole('region', { name: 'Viewing as another account' });
    await banner.getByText('Viewing as sally').waitFor();
    // Viewing as someone starts where they would: on their Today screen.
    await admin.waitForURL(`${server.url}/`);
    await admin.getByRole('link', { name: 'Companies', exact: true }).click();
    await admin.waitForURL(`${server.url}/records/company`);
    await eventually(() => names(admin)).toEqual(['Alpha Mills', 'Beta Foods', 'Delta Print', 'Gamma Steel']);
    // The salesperson's menu and tools: no administration, no export; nothing to write with.
    const nav = navigation(admin);
    await eventually(() => nav.getByRole('link').allTextContents()).toEqual([
      'Today',
      'Companies',
      'People',
      'Employees',
    ]);
    expect(await admin.getByRole('button', { name: 'Export' }).count()).toBe(0);
    expect(await admin.getByRole('link', { name: 'New' }).count()).toBe(0);
    // People are still only those at the salesperson's companies (the administrator sees both).
    await nav.getByRole('link', { name: 'People' }).click();
    await admin.getByRole('table', { name: 'People' }).waitFor();
    // The people list's title column is the last name.
    await eventually(() => names(admin)).toEqual(['Alpha']);
    await screenshot(admin, 'access-04-view-as');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // A record opens read-only: the server would refuse any write while viewing.
    await admin.getByRole('link', { name: 'Alpha', exact: true }).click();
    await admin.getByText('You can see this record but not change it.').waitFor();
    expect(await admin.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await screenshot(admin, 'access-05-read-only-record');

    await banner.getByRole('button', { name: 'Stop' }).click();
    await admin.waitForURL(`${server.url}/admin/accounts`);
    expect(await banner.count()).toBe(0);
    await nav.getByRole('heading', { name: 'Administration' }).waitFor();
    await nav.getByRole('link', { name: 'People' }).click();
    await eventually(() => names(admin)).toEqual(['Alpha', 'Beta']);
  });
});
