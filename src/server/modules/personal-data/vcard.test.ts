import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { post } from '../../../../test/personal-data-fixtures.ts';
import { foldLine, type VCardContact, writeVCard } from '../../records/export/vcard.ts';
import { uuidV5 } from './contact-card.ts';

const contact: VCardContact = {
  uid: 'urn:uuid:0f6a3c4e-1f2b-5c3d-8e4f-5a6b7c8d9e0f',
  formattedName: 'Łucja Źdźbło',
  name: { family: 'Źdźbło', given: 'Łucja' },
  organisation: ['Kowalski, Nowak; Wspólnicy \\ Sp. z o.o.'],
  title: 'Główna księgowa',
  emails: [{ address: 'lucja@example.pl', place: 'work' }],
  phones: [
    { number: '+48221234567;ext=12', place: 'work', mobile: false },
    { number: '+48601234567', place: 'work', mobile: true },
  ],
  addresses: [
    {
      place: 'work',
      street: 'ul. Piotrkowska 12/4',
      locality: 'Łódź',
      region: null,
      postalCode: '90-001',
      country: 'Polska',
    },
  ],
  birthday: '1985-03-14',
  url: 'https://example.pl',
  note: 'Pierwsza linia, z przecinkiem; i średnikiem\nDruga linia: zażółć gęślą jaźń, zażółć gęślą jaźń, Őrült Űrhajó 🚀',
  revision: '2026-11-27T12:34:56.789Z',
};

const lines = (...parts: string[]) => parts.map((line) => `${line}\r\n`).join('');

describe('vCard writing', () => {
  it('writes 3.0 (the default) with escaping, types Outlook keeps, and folding at 75 octets', () => {
    expect(writeVCard(contact, '3.0')).toBe(
      lines(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Kartoteka//CRM//EN',
        'UID:urn:uuid:0f6a3c4e-1f2b-5c3d-8e4f-5a6b7c8d9e0f',
        'FN:Łucja Źdźbło',
        'N:Źdźbło;Łucja;;;',
        'ORG:Kowalski\\, Nowak\\; Wspólnicy \\\\ Sp. z o.o.',
        'TITLE:Główna księgowa',
        'EMAIL;TYPE=INTERNET,WORK:lucja@example.pl',
        'TEL;TYPE=WORK,VOICE:+48221234567;ext=12',
        'TEL;TYPE=CELL,VOICE:+48601234567',
        'ADR;TYPE=WORK:;;ul. Piotrkowska 12/4;Łódź;;90-001;Polska',
        'BDAY:1985-03-14',
        'URL:https://example.pl',
        'NOTE:Pierwsza linia\\, z przecinkiem\\; i średnikiem\\nDruga linia: zażół',
        ' ć gęślą jaźń\\, zażółć gęślą jaźń\\, Őrült Űrhajó 🚀',
        'REV:2026-11-27T12:34:56Z',
        'END:VCARD',
      ),
    );
  });

  it('writes 4.0 (RFC 6350) with tel: URIs, basic dates and quoted type lists', () => {
    const card = writeVCard(contact, '4.0');
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n')).toBe(true);
    expect(card).toContain('\r\nTEL;VALUE=uri;TYPE="work,voice":tel:+48221234567;ext=12\r\n');
    expect(card).toContain('\r\nTEL;VALUE=uri;TYPE="cell,voice":tel:+48601234567\r\n');
    expect(card).toContain('\r\nEMAIL;TYPE="work":lucja@example.pl\r\n');
    expect(card).toContain('\r\nBDAY:19850314\r\n');
    expect(card).toContain('\r\nREV:20261127T123456Z\r\n');
    expect(card.endsWith('\r\nEND:VCARD\r\n')).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const line = `NOTE:${'żółw '.repeat(40)}🚀${'x'.repeat(80)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [index, part] of physical.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      // No lone surrogate or cut UTF-8 sequence: each physical line survives a UTF-8 round trip.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
    expect(foldLine('FN:short')).toBe('FN:short');
  });

  it('gives each person a stable name-based UUID (RFC 9562 version 5)', () => {
    expect(uuidV5('person/1')).toBe(uuidV5('person/1'));
    expect(uuidV5('person/1')).not.toBe(uuidV5('person/2'));
    expect(uuidV5('person/1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe.each(DIALECTS)('vCard downloads (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('downloads one person with their company, and a filtered list of people as one .vcf', async () => {
    const company = await post(env, 'company', {
      name: 'Kowalski, Nowak i Wspólnicy',
      country: 'PL',
      street: 'ul. Piotrkowska 12',
      postal_code: '90-001',
      city: 'Łódź',
      website: 'https://kowalski.example.pl',
    });
    const person = await post(env, 'person', {
      first_name: 'Łucja',
      last_name: 'Vcard',
      company: company.id,
      position: 'Prezes; zarząd',
      email: 'lucja@example.pl',
      phone: '22 123 45 67',
      mobile: '601 234 567',
      birth_date: '1985-03-14',
    });
    await post(env, 'person', { first_name: 'Győző', last_name: 'Vcard', email: 'gyozo@example.hu' });
    await post(env, 'person', { first_name: 'Other', last_name: 'Person' });

    const one = await env().api('GET', `/api/records/person/${person.id}/vcard?locale=pl`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(one.headers['content-disposition']).toMatch(
      /^attachment; filename="lucja-vcard\.vcf"; filename\*=UTF-8''%C5%81ucja%20Vcard\.vcf$/,
    );
    const card = one.body;
    for (const expected of [
      'BEGIN:VCARD\r\nVERSION:3.0\r\n',
      '\r\nFN:Łucja Vcard\r\n',
      '\r\nN:Vcard;Łucja;;;\r\n',
      '\r\nORG:Kowalski\\, Nowak i Wspólnicy\r\n',
      '\r\nTITLE:Prezes\\; zarząd\r\n',
      '\r\nEMAIL;TYPE=INTERNET,WORK:lucja@example.pl\r\n',
      '\r\nTEL;TYPE=WORK,VOICE:+48221234567\r\n',
      '\r\nTEL;TYPE=CELL,VOICE:+48601234567\r\n',
      '\r\nADR;TYPE=WORK:;;ul. Piotrkowska 12;Łódź;;90-001;Polska\r\n',
      '\r\nBDAY:1985-03-14\r\n',
      '\r\nURL:https://kowalski.example.pl\r\n',
      `\r\nUID:urn:uuid:${uuidV5(`person/${person.id}`)}\r\n`,
    ]) {
      expect(card).toContain(expected);
    }
    const four = await env().api('GET', `/api/records/person/${person.id}/vcard?version=4.0`);
    expect(four.body).toContain('\r\nVERSION:4.0\r\n');
    expect(four.body).toContain('\r\nADR;TYPE="work":;;ul. Piotrkowska 12;Łódź;;90-001;Poland\r\n');

    const exported = await env().api('POST', '/api/records/person/export', {
      format: 'vcf',
      fields: ['first_name'],
      filter: { field: 'last_name', op: 'eq', value: 'Vcard' },
      sort: [{ field: 'first_name', direction: 'asc' }],
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(exported.headers['content-disposition']).toMatch(/filename="people-\d{4}-\d{2}-\d{2}\.vcf"/);
    const cards = exported.body.split('BEGIN:VCARD\r\n').slice(1);
    expect(cards.map((text) => /\r\nFN:([^\r]*)\r\n/.exec(text)?.[1])).toEqual([
      'Győző Vcard',
      'Łucja Vcard',
    ]);
    expect(cards[1]).toContain('\r\nORG:Kowalski\\, Nowak i Wspólnicy\r\n');
    expect(exported.body).not.toContain('Other');
  });

  it('is for people only: other objects are refused with 400', async () => {
    const company = await post(env, 'company', { name: 'Nie osoba' });
    expectError(
      await env().api('GET', `/api/records/company/${company.id}/vcard`),
      400,
      'bad_request',
      /people/,
    );
    const exported = await env().api('POST', '/api/records/company/export', {
      format: 'vcf',
      fields: ['name'],
    });
    expectError(exported, 400, 'bad_request', /vCard/);
    expectError(await env().api('GET', '/api/records/person/999999/vcard'), 404, 'not_found');
  });
});
