import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  type BrowserEnv,
  browserForFile,
  E2E_TEST_TIMEOUT_MS,
  ELEMENT_TIMEOUT_MS,
  screenshot,
  seriousA11yViolations,
} from './browser.ts';

/**
 * A task broken into subtasks: the tree on the task's page (opened level by level, progress,
 * overdue in red), a subtask added from it, and part of the task delegated to someone.
 * Steps build on each other; the data is made through the API.
 */
let env: BrowserEnv;
let page: Page;
let ids: Record<'root' | 'stand' | 'design' | 'build' | 'leaflets' | 'employee' | 'register', number>;

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: ELEMENT_TIMEOUT_MS });

async function create(object: string, values: Record<string, unknown>): Promise<number> {
  const response = await apiAs(page, 'POST', `/api/records/${object}`, values);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: number }).id;
}

async function statusId(code: string): Promise<number> {
  const response = await apiAs(page, 'POST', '/api/records/dictionary_value/query', {
    filter: {
      and: [
        { field: 'dictionary', op: 'eq', value: 'task_status' },
        { field: 'code', op: 'eq', value: code },
      ],
    },
  });
  return (response.body as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
}

browserForFile({ loggedInAt: '/' }, async (started) => {
  env = started;
  page = started.page;
  const register = await create('task_register', { name: 'Trade fairs', colour: '#33b679' });
  const employee = await create('employee', { first_name: 'Dora', last_name: 'Delegate' });
  const root = await create('task', { title: 'Poznań trade fair', register });
  const stand = await create('task', { title: 'Stand', parent: root });
  const design = await create('task', {
    title: 'Design the stand',
    parent: stand,
    status: await statusId('done'),
  });
  const build = await create('task', {
    title: 'Build the stand',
    parent: stand,
    due_at: '2024-03-01T09:00:00.000Z',
  });
  const leaflets = await create('task', { title: 'Print leaflets', parent: root });
  ids = { root, stand, design, build, leaflets, employee, register };
});

describe('tasks', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  it('shows a task’s subtasks as a tree opened level by level, with progress and overdue ones in red', async () => {
    await page.goto(`${env.url}/records/task/${ids.root}`);
    const tree = page.getByRole('region', { name: 'Subtasks' });
    await tree.getByRole('link', { name: 'Stand' }).waitFor();
    await tree.getByRole('link', { name: 'Print leaflets' }).waitFor();
    // One of three leaves done.
    await tree.getByRole('progressbar', { name: '33% done' }).waitFor();
    expect(await tree.getByRole('link', { name: 'Build the stand' }).count()).toBe(0);
    await tree.getByRole('button', { name: 'Show the subtasks of Stand' }).click();
    await tree.getByRole('link', { name: 'Build the stand' }).waitFor();
    await tree.getByRole('link', { name: 'Design the stand' }).waitFor();
    // Overdue and unfinished: red, and said so for screen readers.
    const buildLine = tree.getByRole('listitem').filter({ hasText: 'Build the stand' });
    await buildLine.locator('[data-overdue]').waitFor();
    expect(await buildLine.getByText('(overdue)').count()).toBe(1);
    await screenshot(page, 'tasks-01-tree');
    expect((await seriousA11yViolations(page)).join('\n')).toBe('');
    // The tree is not listed a second time as a related list.
    expect(await page.getByRole('heading', { name: /Tasks · Part of/ }).count()).toBe(0);
  });

  it('adds a subtask from the tree, in the parent’s register, and the progress follows', async () => {
    await page.getByRole('region', { name: 'Subtasks' }).getByRole('link', { name: 'Add subtask' }).click();
    await page.waitForURL(/\/records\/task\/new\?parent=/);
    await page.getByRole('textbox', { name: 'Title' }).fill('Book the hotel');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/records\/task\/\d+$/);
    const created = Number(new URL(page.url()).pathname.split('/').pop());
    const record = await apiAs(page, 'GET', `/api/records/task/${created}`);
    expect(record.body).toMatchObject({ parent: ids.root, register: ids.register, title: 'Book the hotel' });
    await page.goto(`${env.url}/records/task/${ids.root}`);
    const tree = page.getByRole('region', { name: 'Subtasks' });
    await tree.getByRole('link', { name: 'Book the hotel' }).waitFor();
    // Now one of four leaves is done.
    await tree.getByRole('progressbar', { name: '25% done' }).waitFor();
  });

  it('takes comments under the task, sent with Ctrl+Enter', async () => {
    await page.goto(`${env.url}/records/task/${ids.root}`);
    const conversation = page.getByRole('region', { name: 'Comments' });
    await conversation.getByText('No comments yet.').waitFor();
    const box = conversation.getByRole('textbox', { name: 'Your comment' });
    await box.fill('Stand booked for hall 3.\nLeaflets next week.');
    await box.press('Control+Enter');
    await conversation.getByRole('listitem').filter({ hasText: 'Stand booked for hall 3.' }).waitFor();
    await expect.poll(() => box.inputValue(), { timeout: ELEMENT_TIMEOUT_MS }).toBe('');
    await screenshot(page, 'tasks-03-comments');
    await conversation.getByRole('button', { name: 'Delete my comment' }).click();
    await conversation.getByText('No comments yet.').waitFor();
  });

  it('delegates part of the task to someone, with its content, and opens the new subtask', async () => {
    await page.goto(`${env.url}/records/task/${ids.leaflets}`);
    await page.getByRole('button', { name: 'Delegate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delegate as a subtask' });
    await dialog.getByRole('combobox', { name: 'Assignee' }).fill('Dora');
    await page.getByRole('option', { name: /Dora Delegate/ }).click();
    expect(await dialog.getByRole('checkbox', { name: /With the task.s content/ }).isChecked()).toBe(true);
    await screenshot(page, 'tasks-02-delegate');
    await dialog.getByRole('button', { name: 'Delegate' }).click();
    await page.waitForURL(
      (url) => /\/records\/task\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${ids.leaflets}`),
    );
    const created = Number(new URL(page.url()).pathname.split('/').pop());
    expect(created).not.toBe(ids.leaflets);
    await eventually(
      async () => (await apiAs(page, 'GET', `/api/records/task/${created}`)).body,
    ).toMatchObject({
      parent: ids.leaflets,
      assignee: ids.employee,
      title: 'Print leaflets',
    });
    await page.getByRole('heading', { level: 1, name: 'Print leaflets' }).waitFor();
  });
});
