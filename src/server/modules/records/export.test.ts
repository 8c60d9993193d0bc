import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  createCompany,
  type EnvGetter,
  insertCompanies,
} from '../../../../test/record-fixtures.ts';

const URL = '/api/records/company/export';
const BOM = '\uFEFF';
/** 2026-03-10T10:30:00Z is 11:30 in Warsaw (CET, +01:00), the default time zone of a user. */
const CREATED_AT = '2026-03-10T10:30:00.000Z';
const inCity = (city: string) => ({ field: 'city', op: 'eq', value: city });

/** A minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string, delimiter: ',' | ';' = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

async function readSheet(response: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(response.rawPayload));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

function expectAttachment(response: LightMyRequestResponse, extension: string): void {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="companies-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
  );
}

describe.each(DIALECTS)('POST /api/records/:object/export (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let industry: ApiRecord;
  let group: ApiRecord;

  beforeAll(async () => {
    const { api } = env();
    industry = (
      await api('POST', '/api/records/dictionary_value', {
        dictionary: 'industry',
        code: 'mining',
        label_en: 'Mining',
        label_pl: 'Górnictwo',
        label_hu: 'Bányászat',
      })
    ).json();
    group = (await api('POST', '/api/records/company_group', { name: '-Dealers' })).json();
    const plain = await createCompany(env, {
      name: 'Łódź, "Best" Ltd',
      city: 'Exportville',
      employee_count: 1200,
      credit_limit: { amount: 123450, currency: 'PLN' },
      next_action_date: '2026-12-01',
      industry: industry.id,
      groups: [group.id],
      notes: 'two\nlines',
    });
    await createCompany(env, {
      name: 'Żabka',
      city: 'Exportville',
      credit_limit: { amount: 15_000_000, currency: 'HUF' },
    });
    await setCreatedAt(env, plain.id);
  });

  async function setCreatedAt(envGetter: EnvGetter, id: number): Promise<void> {
    await envGetter()
      .services.dialect.db.updateTable('company')
      .set({ created_at: CREATED_AT })
      .where('id', '=', id)
      .execute();
  }

  const fields = [
    'name',
    'employee_count',
    'credit_limit',
    'next_action_date',
    'industry',
    'groups',
    'created_at',
    'notes',
  ];
  const exportville = { fields, filter: inCity('Exportville'), sort: [{ field: 'name', direction: 'asc' }] };

  it('writes CSV in the reader’s convention: `;` and decimal commas for pl and hu, `,` for en', async () => {
    const response = await env().api('POST', URL, { format: 'csv', ...exportville, locale: 'pl' });
    expectAttachment(response, 'csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith(BOM)).toBe(true);
    expect(response.body).toContain('"Łódź, ""Best"" Ltd"');
    // Text that starts like a formula gets an apostrophe and quotes (OWASP), in CSV only.
    expect(response.body).toContain(`;"'-Dealers";`);
    expect(parseCsv(response.body.slice(1), ';')).toEqual([
      [
        'Nazwa',
        'Liczba pracowników',
        'Limit kredytowy',
        'Następna akcja',
        'Branża',
        'Grupy',
        'Utworzono',
        'Uwagi',
      ],
      [
        'Łódź, "Best" Ltd',
        '1200',
        '1234,50 PLN',
        '2026-12-01',
        'Górnictwo',
        "'-Dealers",
        '2026-03-10T11:30:00+01:00',
        'two\nlines',
      ],
      [
        'Żabka',
        '',
        '150000,00 HUF',
        '',
        '',
        '',
        expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
        '',
      ],
    ]);
    for (const [locale, delimiter, amount] of [
      ['hu', ';', '1234,50 PLN'],
      ['en', ',', '1234.50 PLN'],
    ] as const) {
      const other = await env().api('POST', URL, { format: 'csv', ...exportville, locale });
      expect(other.body.startsWith(BOM), locale).toBe(true);
      const [header, first] = parseCsv(other.body.slice(1), delimiter);
      expect(header, locale).toHaveLength(fields.length);
      expect(first?.slice(0, 3), locale).toEqual(['Łódź, "Best" Ltd', '1200', amount]);
    }
  });

  it('writes XLSX with typed cells, a frozen header with filters and fitted columns', async () => {
    const response = await env().api('POST', URL, { format: 'xlsx', ...exportville, locale: 'hu' });
    expectAttachment(response, 'xlsx');
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await readSheet(response);
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual([
      'Név',
      'Létszám',
      'Hitelkeret',
      'Következő teendő',
      'Iparág',
      'Csoportok',
      'Létrehozva',
      'Megjegyzések',
    ]);
    expect(rows[1]).toEqual([
      'Łódź, "Best" Ltd',
      1200,
      1234.5,
      new Date('2026-12-01T00:00:00Z'),
      'Bányászat',
      '-Dealers',
      new Date('2026-03-10T11:30:00Z'),
      'two\nlines',
    ]);
    expect(rows[2]?.slice(0, 3)).toEqual(['Żabka', undefined, 150000]);
    expect(rows).toHaveLength(3);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:H3');
    const name = sheet.getColumn(1).width ?? 0;
    expect(name).toBeGreaterThanOrEqual('Łódź, "Best" Ltd'.length);
    expect(name).toBeLessThanOrEqual(60);
    // The header fits with its filter button, whatever the values.
    expect(sheet.getColumn(4).width).toBeGreaterThan('Következő teendő'.length);
  });

  it('formats money with its currency, and dates as the reader writes them', async () => {
    // The file escapes the dots (`dd\.mm\.yyyy`); exceljs drops escapes when it reads a format.
    const expected = {
      pl: ['#,##0.00 "zł"', '#,##0.00 "HUF"', 'dd.mm.yyyy', 'dd.mm.yyyy hh:mm:ss'],
      hu: ['#,##0.00 "PLN"', '#,##0.00 "Ft"', 'yyyy.mm.dd.', 'yyyy.mm.dd. hh:mm:ss'],
      en: ['"PLN" #,##0.00', '"HUF" #,##0.00', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss'],
    };
    for (const [locale, formats] of Object.entries(expected)) {
      const sheet = await readSheet(await env().api('POST', URL, { format: 'xlsx', ...exportville, locale }));
      const shown = [sheet.getCell('C2'), sheet.getCell('C3'), sheet.getCell('D2'), sheet.getCell('G2')];
      expect(
        shown.map((cell) => cell.numFmt),
        locale,
      ).toEqual(formats);
      expect(sheet.getCell('C2').value).toBe(1234.5);
      expect(sheet.getCell('D2').value).toBeInstanceOf(Date);
    }
  });

  it('neutralises formula-starting text in CSV only; XLSX text reads back verbatim', async () => {
    const dangerous = [
      '=HYPERLINK("http://evil")',
      '+48 600 100 200',
      '-2+3',
      '@SUM(A1)',
      '\tcmd',
      '\r=1+1',
      '=1+1',
      '-minus',
      '-5 %',
    ];
    // Names are trimmed on save, so a leading tab or carriage return can only survive in long text.
    for (const [index, text] of dangerous.entries()) {
      await createCompany(env, { name: `Danger ${index}`, city: 'Injectville', notes: text });
    }
    const body = { fields: ['name', 'notes'], filter: inCity('Injectville'), sort: [{ field: 'name' }] };
    const csv = await env().api('POST', URL, { ...body, format: 'csv' });
    expectAttachment(csv, 'csv');
    expect(csv.body).toContain(`,"'=1+1"\r\n`);
    const csvNotes = parseCsv(csv.body.slice(1))
      .slice(1)
      .map((row) => row[1]);
    expect(csvNotes).toEqual(dangerous.map((text) => `'${text}`));
    const xlsx = rowsOf(await readSheet(await env().api('POST', URL, { ...body, format: 'xlsx' })));
    // XML reads a bare carriage return as a line feed.
    expect(xlsx.slice(1).map((row) => row[1])).toEqual(dangerous.map((text) => text.replace('\r', '\n')));
    expect(xlsx.flat().filter((value) => typeof value === 'string' && value.startsWith("'"))).toEqual([]);
  });

  it('exports every field the reader may see with allFields, in declaration order', async () => {
    const meta = (await env().api('GET', '/api/metadata/objects/company')).json<{
      fields: Array<{ key: string; labels: { en: string } }>;
    }>();
    const everyField = meta.fields.filter((f) => !['id', 'version', 'deleted_at'].includes(f.key));
    const labels = everyField.map((f) => f.labels.en);
    const all = await env().api('POST', URL, {
      format: 'xlsx',
      allFields: true,
      filter: inCity('Exportville'),
      sort: [{ field: 'name', direction: 'asc' }],
      locale: 'en',
    });
    expectAttachment(all, 'xlsx');
    const rows = rowsOf(await readSheet(all));
    expect(rows[0]).toEqual(labels);
    const lodz = Object.fromEntries(everyField.map((f, index) => [f.key, rows[1]?.[index]]));
    expect(lodz).toMatchObject({ name: 'Łódź, "Best" Ltd', employee_count: 1200, groups: '-Dealers' });

    const filter = encodeURIComponent(JSON.stringify(inCity('Exportville')));
    const link = await env().api('GET', `${URL}?format=csv&allFields=true&filter=${filter}&locale=en`);
    expectAttachment(link, 'csv');
    expect(parseCsv(link.body.slice(1))[0]).toEqual(labels);
    expectError(
      await env().api('POST', URL, { format: 'csv', fields: ['name'], allFields: true }),
      400,
      'bad_request',
      /allFields/,
    );

    const role = await createRole(
      env,
      ['read', 'export'].map((right) => ({ object: 'company', right, scope: 'all' as const })),
      [
        { object: 'company', field: 'notes', access: 'hidden' },
        { object: 'company', field: 'credit_limit', access: 'hidden' },
      ],
    );
    const exporter = await createAccount(env, [role]);
    const limited = await env().api(
      'POST',
      URL,
      { format: 'csv', allFields: true, filter: inCity('Exportville'), locale: 'en' },
      exporter.session,
    );
    expect(limited.statusCode, limited.body).toBe(200);
    expect(parseCsv(limited.body.slice(1))[0]).toEqual(
      labels.filter((label) => label !== 'Notes' && label !== 'Credit limit'),
    );
    expect(limited.body).not.toMatch(/two\nlines|1234\.50/);
  });

  it('exports every page of the filter, or only the ticked ids within it', async () => {
    const { api } = env();
    const rows = Array.from({ length: 1203 }, (_, i) => ({
      name: `Bulk ${String(i).padStart(4, '0')}`,
      city: 'Pageville',
    }));
    await insertCompanies(env, rows);
    const all = await api('POST', URL, {
      format: 'csv',
      fields: ['name'],
      filter: inCity('Pageville'),
      sort: [{ field: 'name', direction: 'desc' }],
    });
    const names = parseCsv(all.body.slice(1)).slice(1).flat();
    expect(names).toEqual(rows.map((r) => r.name).reverse());

    const listed = await api('POST', '/api/records/company/query', {
      filter: inCity('Pageville'),
      fields: ['name'],
      limit: 3,
    });
    const ticked = listed.json().items.map((r: ApiRecord) => r.id);
    const other = await createCompany(env, { name: 'Not in the filter', city: 'Elsewhere' });
    const some = await api('POST', URL, {
      format: 'csv',
      fields: ['name'],
      filter: inCity('Pageville'),
      ids: [...ticked, other.id],
    });
    expect(parseCsv(some.body.slice(1)).slice(1).flat()).toEqual(['Bulk 0000', 'Bulk 0001', 'Bulk 0002']);

    // "Mark all matching", then untick rows: the unticked ones stay out of the file.
    const allBut = await api('POST', URL, {
      format: 'csv',
      fields: ['name'],
      filter: inCity('Pageville'),
      exceptIds: ticked,
    });
    const exported = parseCsv(allBut.body.slice(1)).slice(1).flat();
    expect(exported).toHaveLength(1200);
    expect(exported).not.toContain('Bulk 0001');
    // A selection key the route does not know is refused, never ignored.
    expectError(
      await api('POST', URL, { format: 'csv', fields: ['name'], exceptIdz: ticked }),
      400,
      'validation_failed',
    );
  });

  it('offers the same download as a GET link', async () => {
    const filter = encodeURIComponent(JSON.stringify(inCity('Exportville')));
    const response = await env().api(
      'GET',
      `${URL}?format=csv&fields=name,city&sort=-name&filter=${filter}&locale=en`,
    );
    expectAttachment(response, 'csv');
    expect(parseCsv(response.body.slice(1))).toEqual([
      ['Name', 'City'],
      ['Żabka', 'Exportville'],
      ['Łódź, "Best" Ltd', 'Exportville'],
    ]);
    // The link carries the unticked rows too, as the web app sends them.
    const listed = await env().api('POST', '/api/records/company/query', {
      filter: inCity('Exportville'),
      fields: ['name'],
    });
    const zabka = listed.json().items.find((row: ApiRecord) => row.name === 'Żabka')?.id;
    const without = await env().api(
      'GET',
      `${URL}?format=csv&fields=name&filter=${filter}&exceptIds=${zabka}&locale=en`,
    );
    expect(parseCsv(without.body.slice(1))).toEqual([['Name'], ['Łódź, "Best" Ltd']]);
  });

  it('refuses bad requests with 400 before sending any file', async () => {
    const { api } = env();
    const unknown = expectError(
      await api('POST', URL, { format: 'csv', fields: ['name', 'password'] }),
      400,
      'bad_request',
      /password/,
    );
    expect(unknown.details).toEqual({ field: 'password' });
    expectError(await api('POST', URL, { format: 'pdf', fields: ['name'] }), 400, 'validation_failed');
    expectError(await api('POST', URL, { format: 'csv', fields: [] }), 400, 'validation_failed');
    expectError(
      await api('POST', URL, {
        format: 'xlsx',
        fields: ['name'],
        filter: { field: 'name', op: 'sounds', value: 1 },
      }),
      400,
      'bad_request',
    );
    expectError(
      await api('POST', URL, { format: 'csv', fields: ['name'], sort: [{ field: 'notes' }] }),
      400,
      'bad_request',
      /notes/,
    );
    expectError(
      await api('GET', `${URL}?format=csv&fields=name&filter=%7Bnot-json`),
      400,
      'bad_request',
      /JSON/,
    );
    expectError(
      await api('POST', '/api/records/spaceship/export', { format: 'csv', fields: ['name'] }),
      404,
      'not_found',
    );
  });
});
