import { beforeAll, describe, expect, it } from 'vitest';
import { expectNothingWritten } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  caseRole,
  openCase,
  post,
  settle,
  staffMember,
  storedNotifications,
} from '../../../../test/notification-fixtures.ts';
import type { TimelineItem } from '../../records/timeline/present.ts';

const HOSTILE = '<p>Hi <script>alert(1)</script><b onclick=x>bold</b> <a href="javascript:x">l</a></p>';

describe.each(DIALECTS)('rich text notes (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let company = 0;
  beforeAll(async () => {
    await settle(env);
    company = Number((await post(env, 'company', { name: 'Bogaty Tekst Sp. z o.o.' })).id);
  });

  it('keeps only the allowed markup: no script, no handlers, no javascript: links', async () => {
    const note = await post(env, 'note', { body: HOSTILE, company });
    expect(note.body).toBe('<p>Hi <b>bold</b> <a>l</a></p>');
    const linked = await post(env, 'note', {
      body: '<h1 style="x">T</h1><p><a href="https://example.com" target="_top" rel="x">ok</a> <a href="/admin">rel</a></p><img src=x onerror=alert(1)>',
      company,
    });
    expect(linked.body).toBe('T<p><a href="https://example.com">ok</a> <a>rel</a></p>');
    // Plain text (an API client, an import) becomes escaped paragraphs, never markup.
    const plain = await post(env, 'note', { body: 'a < b & c\n\nnext', company });
    expect(plain.body).toBe('<p>a &lt; b &amp; c</p><p>next</p>');
  });

  it('refuses a required body that is empty once sanitised, writing nothing', async () => {
    await expectNothingWritten(env, async () => {
      const response = await env().api('POST', '/api/records/note', {
        body: '<p><script>alert(1)</script><br></p>',
        company,
      });
      expectError(response, 400, 'validation_failed');
    });
  });

  it('shows its words without markup in the timeline and in search', async () => {
    await post(env, 'note', { body: '<p>Klient <strong>woli</strong> telefon &amp; e-mail</p>', company });
    const response = await env().api('GET', `/api/timeline/company/${company}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: TimelineItem[] }>().items;
    const note = items.find((item) => item.type === 'note' && item.title.startsWith('Klient'));
    expect(note?.title).toBe('Klient woli telefon & e-mail');
    const search = await env().api('GET', '/api/search?q=strong');
    expect(search.statusCode, search.body).toBe(200);
    expect(search.body).not.toContain('Klient woli');
  });

  it('mentions someone in a rich note with a notification free of tags', async () => {
    const role = await caseRole(env, 'all');
    const mentioned = await staffMember(env, role);
    const author = await staffMember(env, role, { first: 'Rita', last: 'Rich' });
    const kase = await openCase(env, 'Rich', mentioned.employeeId, [author.employeeId]);
    const note = await post(
      env,
      'note',
      {
        body: `<p><strong>@${mentioned.account.login}</strong> please <em>call</em> back</p><ul><li>today</li></ul>`,
        case: kase.id,
        company: kase.company,
      },
      author.account.session,
    );
    await settle(env);
    const rows = await storedNotifications(env, 'note', Number(note.id));
    expect(rows.map((row) => Number(row.recipient_id))).toEqual([mentioned.account.id]);
    const text = `${String(rows[0]?.title)} ${String(rows[0]?.body)}`;
    expect(text).toContain('please call back');
    expect(text).not.toMatch(/<[a-z/]/i);
  });
});
