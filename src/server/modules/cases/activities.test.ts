import { describe, expect, it } from 'vitest';
import { dictionaryId, expectNothingWritten, post, read } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { createCompany, type ListBody } from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('activities and notes (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const activity = (title: string, values: Record<string, unknown> = {}) =>
    post(env, 'activity', { title, starts_at: '2026-12-01T09:00:00.000Z', ...values });
  const patch = (object: string, id: number, body: Record<string, unknown>) =>
    env().api('PATCH', `/api/records/${object}/${id}`, body);
  const caseOf = async (company: number) =>
    post(env, 'case', {
      topic: 'Przetarg',
      company,
      status: await dictionaryId(env, 'case_status', 'open'),
    });

  it('are planned by default and refuse to end before they start or last over a month, writing nothing', async () => {
    const planned = await activity('Spotkanie', { ends_at: '2026-12-01T10:00:00.000Z' });
    expect(planned).toMatchObject({ status: 'planned', all_day: false });
    await expectNothingWritten(env, async () => {
      const backwards = await env().api('POST', '/api/records/activity', {
        title: 'Wstecz',
        starts_at: '2026-12-01T09:00:00.000Z',
        ends_at: '2026-12-01T08:59:00.000Z',
      });
      expectError(backwards, 400, 'validation_failed', /ends_at: must not be before the start/);
      // Longer than a month is not an activity (the calendar's range query relies on it).
      const endless = await env().api('POST', '/api/records/activity', {
        title: 'Cały kwartał',
        starts_at: '2026-12-01T09:00:00.000Z',
        ends_at: '2027-01-01T09:00:01.000Z',
      });
      expectError(endless, 400, 'validation_failed', /ends_at: an activity lasts at most 31 days/);
      const moved = await patch('activity', planned.id, {
        starts_at: '2026-12-01T11:00:00.000Z',
        version: planned.version,
      });
      expectError(moved, 400, 'validation_failed', /ends_at/);
    });
    expect((await read(env, 'activity', planned.id)).version).toBe(planned.version);
  });

  it('chain up by their previous activity, never into a loop', async () => {
    const call = await activity('Telefon');
    const meeting = await activity('Spotkanie po telefonie', { previous: call.id });
    const next = (
      await env().api('POST', '/api/records/activity/query', {
        filter: { field: 'previous', op: 'eq', value: call.id },
      })
    ).json<ListBody>().items;
    expect(next.map((item) => item.id)).toEqual([meeting.id]);
    await expectNothingWritten(env, async () => {
      const itself = await patch('activity', call.id, { previous: call.id, version: call.version });
      expectError(itself, 400, 'validation_failed', /previous: activity \d+ would come before itself/);
      const loop = await patch('activity', call.id, { previous: meeting.id, version: call.version });
      expectError(loop, 400, 'validation_failed', /previous/);
    });
    // A longer chain is fine; closing it is not.
    const offer = await activity('Oferta', { previous: meeting.id });
    await expectNothingWritten(env, async () => {
      const loop = await patch('activity', call.id, { previous: offer.id, version: call.version });
      expectError(loop, 400, 'validation_failed', /previous/);
    });
  });

  it('name only a case of their own client', async () => {
    const kept = await createCompany(env, { name: 'Klient A' });
    const other = await createCompany(env, { name: 'Klient B' });
    const tender = await caseOf(kept.id);
    const onCase = await activity('Prezentacja', { company: kept.id, case: tender.id });
    expect(onCase.case).toBe(tender.id);
    await expectNothingWritten(env, async () => {
      const wrong = await env().api('POST', '/api/records/activity', {
        title: 'Pomyłka',
        starts_at: '2026-12-01T09:00:00.000Z',
        company: other.id,
        case: tender.id,
      });
      expectError(wrong, 400, 'validation_failed', /case: case \d+ belongs to another company/);
      const note = await env().api('POST', '/api/records/note', {
        body: 'Nie tej firmy',
        company: other.id,
        case: tender.id,
      });
      expectError(note, 400, 'validation_failed', /case: case \d+ belongs to another company/);
    });
  });

  it('keep notes attached to something, refusing one attached to nothing', async () => {
    const company = await createCompany(env, { name: 'Notatkowo' });
    const person = await post(env, 'person', {
      first_name: 'Anna',
      last_name: 'Notuje',
      company: company.id,
    });
    const onPerson = await post(env, 'note', { body: 'Woli telefon po 15:00', person: person.id });
    expect(onPerson).toMatchObject({ pinned: false, person: person.id, company: null });
    const pinned = await post(env, 'note', { body: 'Płaci w terminie', company: company.id, pinned: true });
    await expectNothingWritten(env, async () => {
      const nowhere = await env().api('POST', '/api/records/note', { body: 'Donikąd' });
      expectError(
        nowhere,
        400,
        'validation_failed',
        /must be attached to a company, a person, a case or an activity/,
      );
      const detached = await patch('note', pinned.id, { company: null, version: pinned.version });
      expectError(detached, 400, 'validation_failed', /must be attached/);
    });
    const notes = (
      await env().api('POST', '/api/records/note/query', {
        filter: { field: 'company', op: 'eq', value: company.id },
      })
    ).json<ListBody>().items;
    expect(notes.map((item) => item.id)).toEqual([pinned.id]);
  });
});
