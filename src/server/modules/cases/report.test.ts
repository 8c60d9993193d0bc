import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type Grant } from '../../../../test/access-fixtures.ts';
import { dictionaryId, post } from '../../../../test/case-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../../test/harness.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import type { ApiRecord } from '../../../../test/record-fixtures.ts';

const TOPIC = 'Dostawa regałów – zażółć gęślą jaźń, őrző űrhajó';
// A note's text that reads like markup: rich text keeps it as escaped words, the report must
// print those words and escape them again in its HTML.
const SCRIPT_TEXT = '<script>alert("x")</script> Klient płaci w terminie';
const SCRIPT_NOTE = '<p>&lt;script&gt;alert("x")&lt;/script&gt; <strong>Klient</strong> płaci w terminie</p>';

describe.each(DIALECTS)('case report (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const report = (id: number, kind: 'pdf' | 'html', query = '', session?: Session) =>
    env().api('GET', `/api/records/case/${id}/report.${kind}${query}`, undefined, session);
  const textOf = async (id: number, query: string, session?: Session) => {
    const response = await report(id, 'pdf', query, session);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return pdfText(response.rawPayload).replace(/\s+/g, ' ');
  };
  const readAll = (objects: string[]): Grant[] =>
    objects.map((object) => ({ object, right: 'read', scope: 'all' }));
  let lead: number;
  let me: number;
  let theCase: ApiRecord;
  let mine: ApiRecord;

  beforeAll(async () => {
    lead = await createAs(env, 'employee', { first_name: 'Ödön', last_name: 'Szőke' });
    me = await createAs(env, 'employee', { first_name: 'Sara', last_name: 'Sprzedaje' });
    const company = await post(env, 'company', { name: 'Győri Őrség Kft.', country: 'HU', city: 'Győr' });
    const person = await post(env, 'person', {
      first_name: 'Łucja',
      last_name: 'Źdźbło',
      company: company.id,
    });
    theCase = await post(env, 'case', {
      topic: TOPIC,
      company: company.id,
      contact: person.id,
      lead,
      status: await dictionaryId(env, 'case_status', 'in_progress'),
      type: await dictionaryId(env, 'case_type', 'sales'),
      priority: await dictionaryId(env, 'case_priority', 'high'),
      opened_on: '2026-11-02',
      due_on: '2026-12-15',
      result: 'Wstępnie: 40 regałów',
    });
    const kind = (code: string) => dictionaryId(env, 'case_stage_kind', code);
    // Typed in newest first: the report still lists them oldest first.
    await post(env, 'case_stage', {
      case: theCase.id,
      at: '2026-11-22T09:00:00.000Z',
      kind: await kind('offer_sent'),
      by: lead,
      note: 'Oferta wysłana, czekamy na odpowiedź',
      next_action_type: await dictionaryId(env, 'next_action_type', 'call'),
      next_action_date: '2026-11-30',
    });
    await post(env, 'case_stage', {
      case: theCase.id,
      at: '2026-11-20T10:00:00.000Z',
      kind: await kind('call'),
      by: lead,
      note: 'Pierwsza rozmowa: klient prosi o wycenę',
    });
    await post(env, 'activity', {
      title: 'Spotkanie w Győr – bemutató',
      starts_at: '2026-11-25T13:00:00.000Z',
      type: await dictionaryId(env, 'activity_type', 'meeting'),
      status: 'done',
      company: company.id,
      case: theCase.id,
      participants: [person.id],
      organiser: lead,
      outcome: 'Klient zainteresowany dostawą w styczniu',
    });
    await post(env, 'note', { body: SCRIPT_NOTE, company: company.id, case: theCase.id, pinned: true });
    // Another case of the same client: none of it belongs in the report.
    const other = await post(env, 'case', {
      topic: 'Inna sprawa',
      company: company.id,
      status: await dictionaryId(env, 'case_status', 'open'),
    });
    await post(env, 'case_stage', {
      case: other.id,
      at: '2026-11-21T10:00:00.000Z',
      note: 'Etap innej sprawy',
    });

    // A salesperson's own case, with an activity someone else organised.
    const own = await post(env, 'company', { name: 'Moja Firma', account_manager: me });
    mine = await post(env, 'case', {
      topic: 'Moja sprawa',
      company: own.id,
      lead: me,
      status: await dictionaryId(env, 'case_status', 'open'),
    });
    await post(env, 'case_stage', { case: mine.id, at: '2026-11-21T10:00:00.000Z', note: 'Mój etap' });
    await post(env, 'activity', {
      title: 'Moja prezentacja',
      starts_at: '2026-11-26T09:00:00.000Z',
      case: mine.id,
      company: own.id,
      organiser: me,
    });
    await post(env, 'activity', {
      title: 'Cudze spotkanie',
      starts_at: '2026-11-27T09:00:00.000Z',
      case: mine.id,
      company: own.id,
      organiser: lead,
    });
  });

  it('is a PDF of the case, its stages oldest first, activities, notes and next action, in Polish', async () => {
    const response = await report(theCase.id, 'pdf', '?locale=pl');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="raport-sprawy-dostawa-/);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    for (const expected of [
      'Raport sprawy',
      TOPIC,
      'Wydrukowano',
      'admin',
      'Győri Őrség Kft.',
      'Łucja Źdźbło',
      'Ödön Szőke',
      'W toku',
      'Szansa sprzedaży',
      'Wysoki',
      '2 listopada 2026',
      '15 grudnia 2026',
      'Wstępnie: 40 regałów',
      'Etapy',
      'Pierwsza rozmowa: klient prosi o wycenę',
      'Oferta wysłana, czekamy na odpowiedź',
      'Działania',
      'Spotkanie w Győr – bemutató',
      'Klient zainteresowany dostawą w styczniu',
      'Wykonane',
      'Notatki',
      'Przypięta',
      SCRIPT_TEXT,
      'Następna akcja',
      'Telefon, 30 listopada 2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('Pierwsza rozmowa')).toBeLessThan(text.indexOf('Oferta wysłana'));
    expect(text).not.toContain('Etap innej sprawy');
    expect(text).not.toContain('Moja prezentacja');

    const hungarian = await textOf(theCase.id, '?locale=hu');
    for (const expected of ['Ügyjelentés', 'Következő teendő', '2026. november 30.', 'Nyomtatva', TOPIC]) {
      expect(hungarian).toContain(expected);
    }
  });

  it('is an HTML page for printing, every value escaped', async () => {
    const response = await report(theCase.id, 'html', '?locale=en');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('Case report');
    expect(html).toContain(TOPIC);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Klient płaci w terminie');
    expect(html).not.toContain('<script');
    expect(html).toContain('Pierwsza rozmowa: klient prosi o wycenę');
    expect(html).toContain('Spotkanie w Győr – bemutató');
    expect(html).toContain('href="report.pdf?locale=en"');
  });

  it('refuses an unknown language and a bad id, and answers 404 for a missing case', async () => {
    expectError(await report(theCase.id, 'pdf', '?locale=de'), 400, 'validation_failed');
    expectError(await report(theCase.id, 'html', '?locale=xx'), 400, 'validation_failed');
    expectError(await report(0, 'pdf'), 400, 'bad_request');
    expectError(await report(999_999, 'pdf'), 404, 'not_found');
    // The generic record routes still answer for cases beside the report's.
    const record = await env().api('GET', `/api/records/case/${theCase.id}`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json<ApiRecord>().topic).toBe(TOPIC);
    for (const url of ['/api/records/case', `/api/records/case/${theCase.id}/history`]) {
      expect((await env().api('GET', url)).statusCode, url).toBe(200);
    }
  });

  it('shows a salesperson their own case only, without the records they may not read', async () => {
    const own = (object: string): Grant => ({ object, right: 'read', scope: 'own' });
    const role = await createRole(env, [
      ...['case', 'company', 'person', 'case_stage', 'activity', 'note'].map(own),
      ...readAll(['dictionary_value', 'employee']),
    ]);
    const { session } = await createAccount(env, [role], me);
    expectError(await report(theCase.id, 'pdf', '', session), 404, 'not_found');
    expectError(await report(theCase.id, 'html', '', session), 404, 'not_found');
    const text = await textOf(mine.id, '?locale=pl', session);
    expect(text).toContain('Moja sprawa');
    expect(text).toContain('Mój etap');
    expect(text).toContain('Moja prezentacja');
    expect(text).not.toContain('Cudze spotkanie');
  });

  it('leaves out a field hidden from the reader', async () => {
    const role = await createRole(
      env,
      readAll([
        'case',
        'company',
        'person',
        'case_stage',
        'activity',
        'note',
        'dictionary_value',
        'employee',
      ]),
      [
        { object: 'case', field: 'result', access: 'hidden' },
        { object: 'activity', field: 'outcome', access: 'hidden' },
      ],
    );
    const { session } = await createAccount(env, [role]);
    const admin = await textOf(theCase.id, '?locale=en');
    expect(admin).toContain('Result');
    expect(admin).toContain('Outcome');
    const text = await textOf(theCase.id, '?locale=en', session);
    expect(text).toContain(TOPIC);
    expect(text).toContain('Spotkanie w Győr – bemutató');
    expect(text).not.toContain('Result');
    expect(text).not.toContain('Wstępnie: 40 regałów');
    expect(text).not.toContain('Outcome');
    expect(text).not.toContain('Klient zainteresowany');
    // The activity's other columns stay.
    expect(text).toContain('Meeting');
    const html = (await report(theCase.id, 'html', '?locale=en', session)).body;
    expect(html).not.toContain('Wstępnie');
    expect(html).not.toContain('Klient zainteresowany');
  });
});
