import { describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, grantsOn } from '../../../../test/access-fixtures.ts';
import { dictionaryId, post } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import type { Session } from '../../../../test/harness.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import type { TimelineItem } from '../../records/timeline/present.ts';

type Item = TimelineItem;
interface Page {
  items: Item[];
  nextCursor: string | null;
}

describe.each(DIALECTS)('the client timeline (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function timeline(company: number, query = '', session?: Session): Promise<Page> {
    const response = await env().api('GET', `/api/timeline/company/${company}${query}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }

  /** Every page, following cursors, with `limit` entries each. */
  async function allPages(company: number, limit: number, query = '', session?: Session): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await timeline(company, `?limit=${limit}${query}${suffix}`, session);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async function clientWithHistory() {
    const company = await createAs(env, 'company', { name: `Timeline ${Date.now()}` });
    const person = await createAs(env, 'person', { first_name: 'Anna', last_name: 'Nowak', company });
    const open = await dictionaryId(env, 'case_status', 'open');
    const kase = await post(env, 'case', { topic: 'Tender 2027', company, contact: person, status: open });
    const call = await dictionaryId(env, 'activity_type', 'call');
    const past = await post(env, 'activity', {
      title: 'Intro call',
      type: call,
      starts_at: '2026-10-01T09:00:00.000Z',
      company,
      participants: [person],
      status: 'done',
      outcome: 'Interested in the spring tender',
    });
    const planned = await post(env, 'activity', {
      title: 'Presentation',
      starts_at: '2026-12-10T09:00:00.000Z',
      company,
      case: kase.id,
    });
    const stage = await post(env, 'case_stage', {
      case: kase.id,
      at: '2026-11-02T10:00:00.000Z',
      note: 'Offer sent by e-mail',
    });
    const note = await post(env, 'note', { body: 'Prefers calls after 3 pm', company });
    return { company, person, kase, past, planned, stage, note };
  }

  it('lists cases, stages, activities, notes and changes newest first, each with who and a summary', async () => {
    const client = await clientWithHistory();
    const current = await env().api('GET', `/api/records/company/${client.company}`);
    await env().api('PATCH', `/api/records/company/${client.company}`, {
      website: 'https://timeline.example',
      version: current.json().version,
    });
    const { items, nextCursor } = await timeline(client.company);
    expect(nextCursor).toBeNull();
    const ids = items.map((item) => item.id);
    for (const expected of [
      `activity:${client.planned.id}`,
      `activity:${client.past.id}`,
      `case_stage:${client.stage.id}`,
      `case:${client.kase.id}`,
      `note:${client.note.id}`,
    ])
      expect(ids).toContain(expected);
    const times = items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
    const past = items.find((item) => item.id === `activity:${client.past.id}`);
    expect(past).toMatchObject({ title: 'Intro call', kind: { code: 'call' }, actor: { name: 'admin' } });
    expect(past?.summary).toContain('Interested in the spring tender');
    expect(past?.summary).toContain('Anna Nowak');
    const stage = items.find((item) => item.type === 'case_stage');
    expect(stage).toMatchObject({ caseId: client.kase.id, title: 'Offer sent by e-mail' });
    const change = items.find((item) => item.type === 'change' && item.summary.startsWith('Website'));
    expect(change?.summary).toBe('Website: (empty) → https://timeline.example');
    // The person added to the client is one entry, not one per field.
    expect(items.filter((item) => item.type === 'change' && item.object === 'person')).toHaveLength(1);
    // The person's own page has the same timeline for that person.
    const personal = await env().api('GET', `/api/timeline/person/${client.person}`);
    expect(personal.json<Page>().items.map((item) => item.id)).toEqual(
      expect.arrayContaining([`activity:${client.past.id}`, `case:${client.kase.id}`]),
    );
  });

  it('pages by keyset without gaps or repeats, also among entries of the same instant', async () => {
    const company = await createAs(env, 'company', { name: `Busy ${Date.now()}` });
    for (let i = 0; i < 23; i += 1) {
      // Groups of three at the same time: the order within an instant must still be stable.
      const hour = String(Math.floor(i / 3)).padStart(2, '0');
      await post(env, 'activity', {
        title: `Call ${i}`,
        starts_at: `2026-09-01T${hour}:00:00.000Z`,
        company,
      });
    }
    const whole = (await timeline(company, '?limit=200&types=activity')).items.map((item) => item.id);
    expect(whole).toHaveLength(23);
    for (const limit of [1, 4, 7]) {
      const paged = (await allPages(company, limit, '&types=activity')).map((item) => item.id);
      expect(paged).toEqual(whole);
    }
  });

  it('pages oldest first (order=asc) as the exact reverse of newest first, across types and within an instant', async () => {
    const company = await createAs(env, 'company', { name: `Ascending ${Date.now()}` });
    const open = await dictionaryId(env, 'case_status', 'open');
    const kase = await post(env, 'case', { topic: 'Both ways', company, status: open });
    for (let i = 0; i < 12; i += 1) {
      const at = `2026-09-0${1 + Math.floor(i / 3)}T08:00:00.000Z`;
      await post(env, 'activity', { title: `Visit ${i}`, starts_at: at, company });
      // A stage at the same instant as every third activity: two types of one instant.
      if (i % 3 === 0) await post(env, 'case_stage', { case: kase.id, at, note: `Step ${i}` });
    }
    const newest = (await timeline(company, '?limit=200')).items.map((item) => item.id);
    const oldest = (await timeline(company, '?limit=200&order=asc')).items.map((item) => item.id);
    expect(newest.length).toBeGreaterThan(16);
    expect(oldest).toEqual([...newest].reverse());
    for (const limit of [1, 4, 7]) {
      expect((await allPages(company, limit, '&order=asc')).map((item) => item.id)).toEqual(oldest);
    }
    // What is coming: from a moment on, soonest first.
    const coming = await timeline(company, '?order=asc&types=activity&from=2026-09-02T12:00:00.000Z&limit=2');
    expect(coming.items.map((item) => item.title)).toEqual(['Visit 6', 'Visit 7']);
    expect(coming.nextCursor).not.toBeNull();
    expectError(
      await env().api('GET', `/api/timeline/company/${company}?order=sideways`),
      400,
      'validation_failed',
    );
  });

  it('filters by type, person, employee, case, dates and words', async () => {
    const client = await clientWithHistory();
    const only = async (query: string) =>
      (await timeline(client.company, query)).items.map((item) => item.id);
    expect(await only('?types=note')).toEqual([`note:${client.note.id}`]);
    expect(await only(`?person=${client.person}`)).toEqual(
      expect.arrayContaining([`activity:${client.past.id}`, `case:${client.kase.id}`]),
    );
    expect(await only(`?person=${client.person}`)).not.toContain(`activity:${client.planned.id}`);
    // The case was opened today: after the stage of 2 November, before the presentation of 10 December.
    expect(await only(`?case=${client.kase.id}`)).toEqual([
      `activity:${client.planned.id}`,
      `case:${client.kase.id}`,
      `case_stage:${client.stage.id}`,
    ]);
    expect(await only('?types=activity&from=2026-11-01&to=2026-12-31')).toEqual([
      `activity:${client.planned.id}`,
    ]);
    expect(await only('?types=activity&to=2026-10-01')).toEqual([`activity:${client.past.id}`]);
    expect(await only('?q=spring%20tend')).toEqual([`activity:${client.past.id}`]);
    const employee = await createAs(env, 'employee', { first_name: 'Eve', last_name: 'Lead' });
    const led = await post(env, 'activity', {
      title: 'Site visit',
      starts_at: '2026-11-20T09:00:00.000Z',
      company: client.company,
      employees: [employee],
    });
    expect(await only(`?employee=${employee}`)).toEqual([`activity:${led.id}`]);
  });

  it('refuses parameters out of range, unknown types and forged cursors', async () => {
    const { company } = await clientWithHistory();
    const get = (query: string) => env().api('GET', `/api/timeline/company/${company}${query}`);
    for (const query of ['?limit=0', '?limit=10000', '?limit=abc'])
      expect((await get(query)).statusCode).toBe(400);
    expectError(await get('?types=activity,invoice'), 400, 'bad_request', /unknown entry type invoice/);
    expectError(await get('?cursor=not-a-cursor'), 400, 'bad_request', /cursor/);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'activity', 1])).toString('base64url');
    expectError(await get(`?cursor=${forged}`), 400, 'bad_request', /cursor/);
    expectError(await get('?from=2026-12-01&to=2026-11-01'), 400, 'bad_request', /from must be before to/);
    expectError(await get('?from=last%20week'), 400, 'bad_request', /from must be a date/);
    expect((await env().api('GET', '/api/timeline/company/99999999')).statusCode).toBe(404);
    expect((await env().api('GET', '/api/timeline/planet/1')).statusCode).toBe(404);
  });

  it('leaves no trace of what the reader may not see: not in items, not in paging', async () => {
    const me = await createAs(env, 'employee', { first_name: 'Sam', last_name: 'Seller' });
    const other = await createAs(env, 'employee', { first_name: 'Otto', last_name: 'Other' });
    const cases = ['company', 'person', 'case', 'case_stage', 'activity', 'note'];
    const role = await createRole(env, [
      ...grantsOn(env, 'own', cases),
      ...grantsOn(env, 'all', ['employee', 'dictionary_value']).filter((g) => g.right === 'read'),
    ]);
    const seller = await createAccount(env, [role], me);
    const company = await createAs(env, 'company', { name: `Shared ${Date.now()}`, account_manager: me });
    const open = await dictionaryId(env, 'case_status', 'open');
    const mine = await post(env, 'activity', {
      title: 'My visit',
      starts_at: '2026-11-05T09:00:00.000Z',
      company,
      organiser: me,
    });
    const secretCase = await post(env, 'case', {
      topic: 'Secret merger',
      company,
      lead: other,
      status: open,
    });
    const secretStage = await post(env, 'case_stage', {
      case: secretCase.id,
      at: '2026-11-06T09:00:00.000Z',
    });
    const secret = await post(env, 'activity', {
      title: 'Their visit',
      starts_at: '2026-11-06T10:00:00.000Z',
      company,
      organiser: other,
    });
    const seen = await allPages(company, 1, '', seller.session);
    const ids = seen.map((item) => item.id);
    expect(ids).toContain(`activity:${mine.id}`);
    for (const hidden of [`activity:${secret.id}`, `case:${secretCase.id}`, `case_stage:${secretStage.id}`])
      expect(ids).not.toContain(hidden);
    expect(seen.some((item) => /Secret|Their/.test(`${item.title} ${item.summary}`))).toBe(false);
    // A page exactly as long as what they may see says nothing more follows.
    const exact = await timeline(company, `?limit=${seen.length}`, seller.session);
    expect(exact.nextCursor).toBeNull();
    expect(exact.items.map((item) => item.id)).toEqual(ids);
    // Another's client is not found at all.
    const theirs = await createAs(env, 'company', { name: `Theirs ${Date.now()}`, account_manager: other });
    expect(
      (await env().api('GET', `/api/timeline/company/${theirs}`, undefined, seller.session)).statusCode,
    ).toBe(404);
  });
});
