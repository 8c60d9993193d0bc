import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
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
function parseCsv(text: string): string[][] {
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
    else if (char === ',') {
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

async function readXlsx(response: LightMyRequestResponse): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(response.rawPayload));
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
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
      next_action_date: '2026-12-01',
      industry: industry.id,
      groups: [group.id],
      notes: 'two\nlines',
    });
    await createCompany(env, { name: 'Żabka', city: 'Exportville' });
    await setCreatedAt(env, plain.id);
  });

  async function setCreatedAt(envGetter: EnvGetter, id: number): Promise<void> {
    await envGetter()
      .services.dialect.db.updateTable('company')
      .set({ created_at: CREATED_AT })
      .where('id', '=', id)
      .execute();
  }

  const fields = ['name', 'employee_count', 'next_action_date', 'industry', 'groups', 'created_at', 'notes'];

  it('writes CSV: BOM, labels in the chosen language, RFC 4180 quoting, titles for references', async () => {
    const response = await env().api('POST', URL, {
      format: 'csv',
      fields,
      filter: inCity('Exportville'),
      sort: [{ field: 'name', direction: 'asc' }],
      locale: 'pl',
    });
    expectAttachment(response, 'csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith(BOM)).toBe(true);
    expect(response.body).toContain('"Łódź, ""Best"" Ltd"');
    expect(parseCsv(response.body.slice(1))).toEqual([
      ['Nazwa', 'Liczba pracowników', 'Następna akcja', 'Branża', 'Grupy', 'Utworzono', 'Uwagi'],
      [
        'Łódź, "Best" Ltd',
        '1200',
        '2026-12-01',
        'Górnictwo',
        "'-Dealers",
        '2026-03-10T11:30:00+01:00',
        'two\nlines',
      ],
      ['Żabka', '', '', '', '', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/), ''],
    ]);
  });

  it('writes XLSX with real numbers and dates, read back with exceljs', async () => {
    const response = await env().api('POST', URL, {
      format: 'xlsx',
      fields,
      filter: inCity('Exportville'),
      sort: [{ field: 'name', direction: 'asc' }],
      locale: 'hu',
    });
    expectAttachment(response, 'xlsx');
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await readXlsx(response);
    expect(rows[0]).toEqual([
      'Név',
      'Létszám',
      'Következő teendő',
      'Iparág',
      'Csoportok',
      'Létrehozva',
      'Megjegyzések',
    ]);
    expect(rows[1]).toEqual([
      'Łódź, "Best" Ltd',
      1200,
      new Date('2026-12-01T00:00:00Z'),
      'Bányászat',
      "'-Dealers",
      new Date('2026-03-10T11:30:00Z'),
      'two\nlines',
    ]);
    expect(rows[2]?.[0]).toBe('Żabka');
    expect(rows).toHaveLength(3);
  });

  it('neutralises every formula-starting character in CSV and XLSX text cells', async () => {
    const dangerous = ['=HYPERLINK("http://evil")', '+48 600 100 200', '-2+3', '@SUM(A1)', '\tcmd', '\r=1+1'];
    // Names are trimmed on save, so a leading tab or carriage return can only survive in long text.
    for (const [index, text] of dangerous.entries()) {
      await createCompany(env, { name: `Danger ${index}`, city: 'Injectville', notes: text });
    }
    const body = { fields: ['name', 'notes'], filter: inCity('Injectville'), sort: [{ field: 'name' }] };
    const csv = await env().api('POST', URL, { ...body, format: 'csv' });
    expectAttachment(csv, 'csv');
    const csvNotes = parseCsv(csv.body.slice(1))
      .slice(1)
      .map((row) => row[1]);
    expect(csvNotes).toEqual(dangerous.map((text) => `'${text}`));
    const xlsx = await env().api('POST', URL, { ...body, format: 'xlsx' });
    const xlsxNotes = (await readXlsx(xlsx)).slice(1).map((row) => row[1]);
    // XML reads a bare carriage return as a line feed; the apostrophe in front is what matters.
    expect(xlsxNotes).toEqual(dangerous.map((text) => `'${text.replace('\r', '\n')}`));
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
