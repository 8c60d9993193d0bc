import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { importFile, upload, uploaded } from '../../../../test/import-fixtures.ts';
import { count, type ListBody } from '../../../../test/record-fixtures.ts';

const POLISH =
  'Nazwa;Miejscowość;Uwagi\nŻółta Łąka Sp. z o.o.;Łódź;Źródło, ściółka, gęś\nŚwiętokrzyska Ąą;Gdańsk;zażółć gęślą jaźń\n';
const HUNGARIAN =
  'Név;Település;Megjegyzés\nŐrségi Ütős Kft.;Győr;árvíztűrő tükörfúrógép\nÉKSZER Bt.;Szűcs;ŐŰ őű\n';

function rowsOf(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(';'));
}

describe.each(DIALECTS)('files the importer reads, and those it refuses (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  for (const [language, text] of [
    ['Polish', POLISH],
    ['Hungarian', HUNGARIAN],
  ] as const) {
    for (const encoding of ['utf-8', 'utf-8 with BOM', 'windows-1250', 'iso-8859-2'] as const) {
      it(`reads ${language} text in ${encoding}`, async () => {
        const bytes =
          encoding === 'utf-8 with BOM'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
            : iconv.encode(text, encoding);
        const body = await uploaded(env, 'plik.csv', bytes);
        const [header, ...rows] = rowsOf(text);
        expect(body.detected.columns).toEqual(header);
        expect(body.detected.sampleRows).toEqual(rows);
        expect(body.detected.delimiter).toBe(';');
        // Hungarian letters are the same bytes in both Central European code pages.
        const expected = encoding.startsWith('utf-8')
          ? ['utf-8']
          : language === 'Hungarian'
            ? ['windows-1250', 'iso-8859-2']
            : [encoding];
        expect(expected).toContain(body.detected.encoding);
      });
    }
  }

  it('detects comma, semicolon, tab and pipe delimiters, quotes respected', async () => {
    for (const delimiter of [',', ';', '\t', '|']) {
      const text =
        ['Name', 'City', 'Notes'].join(delimiter) +
        '\n' +
        ['"A, B; C"', 'Kraków', '"x|y\ttab"'].join(delimiter) +
        '\n';
      const body = await uploaded(env, 'd.csv', text);
      expect(body.detected.delimiter).toBe(delimiter);
      expect(body.detected.sampleRows).toEqual([['A, B; C', 'Kraków', 'x|y\ttab']]);
    }
  });

  it('corrects a wrongly declared encoding and says so', async () => {
    const declaredUtf8 = await upload(env, 'pl.csv', iconv.encode(POLISH, 'windows-1250'), {
      encoding: 'utf-8',
    });
    expect(declaredUtf8.statusCode, declaredUtf8.body).toBe(201);
    const body = declaredUtf8.json<{
      detected: { encoding: string; columns: string[]; warnings: string[] };
    }>();
    expect(body.detected).toMatchObject({
      encoding: 'windows-1250',
      columns: ['Nazwa', 'Miejscowość', 'Uwagi'],
    });
    expect(body.detected.warnings).toEqual([
      'The file was said to be UTF-8, but it is not: it was read as windows-1250',
    ]);
    const declared1250 = await upload(env, 'pl.csv', Buffer.from(POLISH), { encoding: 'windows-1250' });
    expect(
      declared1250.json<{ detected: { encoding: string; warnings: string[] } }>().detected,
    ).toMatchObject({
      encoding: 'utf-8',
      warnings: ['The file was said to be windows-1250, but it is UTF-8: it was read as UTF-8'],
    });
  });

  it('refuses what is not a spreadsheet or contacts file, storing nothing', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(200, 7),
    ]);
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    const before = await count(env, 'data_import');
    const rowsBefore = await count(env, 'data_import_row');
    expectError(await upload(env, 'clients.csv', png), 415, 'unsupported_file', /PNG image/);
    expectError(await upload(env, 'clients.csv', junk), 415, 'unsupported_file', /binary data/);
    expectError(
      await upload(env, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      415,
      'unsupported_file',
      /\.xls/,
    );
    expectError(await upload(env, 'empty.csv', ''), 400, 'malformed_file', /empty/);
    expectError(await upload(env, 'header.csv', 'Name;City\n'), 400, 'bad_request', /no rows/);
    expect(await count(env, 'data_import')).toBe(before);
    expect(await count(env, 'data_import_row')).toBe(rowsBefore);
  });

  it('refuses broken files with where they break: an unclosed quote, a vCard without END, 10,000 columns', async () => {
    const before = await count(env, 'data_import');
    const unclosed = await upload(env, 'q.csv', 'Name,City\n"Quoted, never closed,Kraków\nNext,Row\n');
    expectError(unclosed, 400, 'malformed_file', /never closed/);
    expect(unclosed.json<{ error: { details: { code: string } } }>().error.details.code).toBe(
      'unclosed_quote',
    );
    const cut = await upload(
      env,
      'c.vcf',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kowalski;Jan;;;\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Cut;Off;;;\r\n',
    );
    expectError(cut, 400, 'malformed_file', /line 5 has no END:VCARD/);
    const wide = `${Array.from({ length: 10_000 }, (_, index) => `c${index}`).join(',')}\n${'x,'.repeat(9_999)}x\n`;
    expectError(await upload(env, 'wide.csv', wide), 400, 'too_many_columns', /10000 columns/);
    const shifted = await upload(env, 's.csv', 'Name,City\nA,B,C\n');
    expectError(shifted, 400, 'malformed_file', /beyond the 2 columns/);
    expect(await count(env, 'data_import')).toBe(before);
  });

  it('refuses a file over the size limit with 413, declared or not', async () => {
    const before = await count(env, 'data_import');
    const declared = await env().app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: env().admin.cookie,
        'x-csrf-token': env().admin.csrfToken,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(200 * 1024 * 1024),
      },
      payload: '--x--',
    });
    expectError(declared, 413, 'payload_too_large', /50 MB/);
    const big = Buffer.concat([Buffer.from('Name\n'), Buffer.alloc(51 * 1024 * 1024, 'a\n')]);
    expectError(await upload(env, 'big.csv', big), 413, 'payload_too_large', /50 MB/);
    expect(await count(env, 'data_import')).toBe(before);
  });

  it('keeps formulas as text: stored as written, never evaluated, string cells in the error report', async () => {
    const csv = [
      'Name,Notes,Employees',
      '"=HYPERLINK(""http://evil.example"",""click"")",@SUM(A1),1',
      "+cmd|' /C calc'!A0,-2+3,not a number",
    ].join('\n');
    const { upload: file, status } = await importFile(env, 'formulas.csv', csv, { object: 'company' });
    expect(status).toMatchObject({ created: 1, failed: 1 });
    const list = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'startsWith', value: '=HYPERLINK' },
    });
    expect(list.json<ListBody>().items[0], list.body).toMatchObject({
      name: '=HYPERLINK("http://evil.example","click")',
      notes: '@SUM(A1)',
    });
    const report = await env().api('GET', `/api/imports/${file.id}/errors.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]?.getRow(2);
    // String cells, never formulas, and written as they came (no apostrophe to fix by hand).
    expect(row?.getCell(2).value).toBe("+cmd|' /C calc'!A0");
    expect(row?.getCell(3).value).toBe('-2+3');
    expect(row?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(2).formula).toBeUndefined();

    const sheet = new ExcelJS.Workbook();
    const cells = sheet.addWorksheet('Clients');
    cells.addRow(['Name', 'Notes']);
    cells.addRow(['Formula Ltd', { formula: 'HYPERLINK("http://evil.example","click")', result: 'click' }]);
    const xlsx = Buffer.from(await sheet.xlsx.writeBuffer());
    const fromXlsx = await importFile(env, 'f.xlsx', xlsx, { object: 'company' });
    expect(fromXlsx.status).toMatchObject({ created: 1 });
    const stored = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'eq', value: 'Formula Ltd' },
    });
    expect(stored.json<ListBody>().items[0]?.notes).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('imports Google (vCard 3.0) and Outlook (vCard 2.1, quoted-printable windows-1250) contacts', async () => {
    const outlookName = iconv.encode('Łukasz;Żółkiewski', 'windows-1250');
    const qp = [...outlookName]
      .map((byte) =>
        byte > 0x7e || byte === 0x3d
          ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(byte),
      )
      .join('');
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Szabó;Erzsébet;;;',
      'FN:Szabó Erzsébet',
      'ORG:Győri Vas Kft.;Értékesítés',
      'TITLE:Üzletkötő',
      'item1.EMAIL;TYPE=INTERNET:erzsebet@gyorivas.example.hu',
      'TEL;TYPE=CELL:+36 30 123 4567',
      'NOTE:first line\\nsecond\\, with comma',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:${qp.split(';').reverse().join(';')}`,
      'EMAIL;PREF;INTERNET:lukasz@example.pl',
      'BDAY:19800229',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { upload: file, status } = await importFile(env, 'contacts.vcf', vcf, { object: 'person' });
    expect(file.detected.format).toBe('vcard');
    expect(file.guesses.mappings.person).toMatchObject({
      'First name': 'first_name',
      'Last name': 'last_name',
      Company: 'company.name',
      Position: 'position',
      'E-mail': 'email',
      Mobile: 'mobile',
      'Birth date': 'birth_date',
      Notes: 'notes',
    });
    expect(status).toMatchObject({ created: 2, failed: 0, relatedCreated: 1 });
    const list = await env().api('POST', '/api/records/person/query', {
      filter: { field: 'email', op: 'in', value: ['erzsebet@gyorivas.example.hu', 'lukasz@example.pl'] },
      sort: [{ field: 'email', direction: 'asc' }],
      expand: ['company'],
    });
    const [erzsebet, lukasz] = list.json<ListBody>().items;
    expect(erzsebet).toMatchObject({
      first_name: 'Erzsébet',
      last_name: 'Szabó',
      position: 'Üzletkötő',
      mobile: '+36301234567',
      notes: 'first line\nsecond, with comma',
    });
    expect((erzsebet?._expanded as { company: { title: string } } | undefined)?.company.title).toBe(
      'Győri Vas Kft.',
    );
    expect(lukasz).toMatchObject({ first_name: 'Łukasz', last_name: 'Żółkiewski', birth_date: '1980-02-29' });
  });
});
