import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { importFile, runToEnd, settle, uploaded } from '../../../../test/import-fixtures.ts';
import {
  type ApiRecord,
  count,
  createCompany,
  historyRows,
  type ListBody,
  readCompany,
  snapshot,
} from '../../../../test/record-fixtures.ts';

const PEOPLE = [
  'Imię;Nazwisko;E-mail;Telefon;Firma;NIP;Miejscowość',
  'Anna;Nowak;anna.nowak@zabka.example.pl;601 100 200;Żabka Łódź Sp. z o.o.;526-025-02-74;Łódź',
  'Jan;Kowalski;jan@zabka.example.pl;;Żabka Łódź Sp. z o.o.;5260250274;Łódź',
  'Katalin;Kovács;katalin@gyor.example.hu;;Győri Ütős Kft.;;Győr',
  'Zoltán;Bad;not-an-email;;;;',
].join('\r\n');

async function people(
  env: () => ReturnType<ReturnType<typeof useTestEnv>>,
  email: string,
): Promise<ApiRecord[]> {
  const list = await env().api('POST', '/api/records/person/query', {
    filter: { field: 'email', op: 'eq', value: email },
    expand: ['company'],
  });
  return list.json<ListBody>().items;
}

describe.each(DIALECTS)('running imports (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('imports people and their companies from one file, each company once, and reports the bad row', async () => {
    const file = await uploaded(env, 'ludzie.csv', PEOPLE);
    expect(file.detected).toMatchObject({
      delimiter: ';',
      encoding: 'utf-8',
      columns: ['Imię', 'Nazwisko', 'E-mail', 'Telefon', 'Firma', 'NIP', 'Miejscowość'],
    });
    expect(file.guesses.object).toBe('person');
    expect(file.guesses.mappings.person).toEqual({
      Imię: 'first_name',
      Nazwisko: 'last_name',
      'E-mail': 'email',
      Telefon: 'phone',
      Firma: 'company.name',
      NIP: 'company.tax_id',
      Miejscowość: 'company.city',
    });
    const mapping = file.guesses.mappings.person ?? {};
    const preview = await env().api('POST', `/api/imports/${file.id}/preview`, {
      object: 'person',
      mapping,
      duplicates: 'update',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const rows = preview.json<{
      rows: Array<{ rowNumber: number; action: string; issues: Array<{ column: string; code: string }> }>;
    }>().rows;
    expect(rows.map((row) => row.action)).toEqual(['create', 'create', 'create', 'fail']);
    expect(rows[3]?.issues).toEqual([expect.objectContaining({ column: 'E-mail', code: 'format' })]);

    const before = await count(env, 'company');
    const status = await runToEnd(env, file.id, { object: 'person', mapping, duplicates: 'update' });
    expect(status).toMatchObject({ status: 'done', total: 4, created: 3, failed: 1, relatedCreated: 2 });
    expect(await count(env, 'company')).toBe(before + 2);
    const [anna] = await people(env, 'anna.nowak@zabka.example.pl');
    const [jan] = await people(env, 'jan@zabka.example.pl');
    expect(anna?.phone).toBe('+48601100200');
    expect(anna?.company).toBe(jan?.company);
    const company = await readCompany(env, anna?.company as number);
    expect(company).toMatchObject({ name: 'Żabka Łódź Sp. z o.o.', tax_id: '5260250274', city: 'Łódź' });
    expect(await historyRows(env, 'person', anna?.id as number)).toBeGreaterThan(0);

    const report = await env().api('GET', `/api/imports/${file.id}/errors.xlsx?locale=pl`);
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Wiersz',
      'Imię',
      'Nazwisko',
      'E-mail',
      'Telefon',
      'Firma',
      'NIP',
      'Miejscowość',
      'Błędy',
    ]);
    expect(sheet?.getRow(2).getCell(1).value).toBe(5);
    expect(String(sheet?.getRow(2).getCell(9).value)).toMatch(/^E-mail \(email\): must be an e-mail address/);
    expect(sheet?.rowCount).toBe(2);
  });

  it('applies the duplicate rules: update changes only what differs, skip leaves it, create adds another', async () => {
    const existing = await createCompany(env, {
      name: 'Rules Kft.',
      country: 'HU',
      city: 'Szeged',
      email: 'info@rules.example.hu',
      employee_count: 5,
    });
    const csv = 'Name,City,E-mail,Employees\nRULES kft,szeged,INFO@rules.example.hu,7\n';
    const skipped = await importFile(env, 'rules.csv', csv, { object: 'company', duplicates: 'skip' });
    expect(skipped.status).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect((await readCompany(env, existing.id)).employee_count).toBe(5);

    const updated = await importFile(env, 'rules.csv', csv, { object: 'company', duplicates: 'update' });
    expect(updated.status).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    const after = await readCompany(env, existing.id);
    // Only the values that differ are written: the name and e-mail as typed in the file differ too.
    expect(after).toMatchObject({ employee_count: 7, version: existing.version + 1 });
    const history = await env().api('GET', `/api/records/company/${existing.id}/history`);
    const changed = history.json<{
      items: Array<{ field: string | null; oldValue: unknown; newValue: unknown }>;
    }>().items;
    expect(changed).toContainEqual(
      expect.objectContaining({ field: 'employee_count', oldValue: 5, newValue: 7 }),
    );

    const again = await importFile(env, 'rules.csv', csv, { object: 'company', duplicates: 'update' });
    expect(again.status).toMatchObject({ created: 0, updated: 0, skipped: 1 });

    const created = await importFile(env, 'rules-other.csv', `${csv}`.replace('7', '8'), {
      object: 'company',
      duplicates: 'create',
    });
    expect(created.status).toMatchObject({ created: 1, updated: 0 });
  });

  it('finds duplicates by tax id and phone, skips a row repeated in the file, and fails an ambiguous one', async () => {
    await createCompany(env, { name: 'Tax One', country: 'PL', tax_id: '1234563218' });
    await createCompany(env, { name: 'Phone One', country: 'PL', phone: '+48 22 123 45 67' });
    await createCompany(env, { name: 'Twin', city: 'Pécs', country: 'HU' });
    await createCompany(env, { name: 'Twin', city: 'Pécs', country: 'HU' });
    const csv = [
      'Name;Country;NIP;Phone;City',
      'Renamed by tax id;PL;123-456-32-18;;',
      'Renamed by phone;PL;;+48 22 123-45-67;',
      'Brand new;PL;;;Kraków',
      'Brand new;PL;;;Kraków',
      'Twin;HU;;;Pecs',
    ].join('\n');
    const file = await uploaded(env, 'dups.csv', csv);
    const mapping = { Name: 'name', Country: 'country', NIP: 'tax_id', Phone: 'phone', City: 'city' };
    const status = await runToEnd(env, file.id, { object: 'company', mapping, duplicates: 'update' });
    const rows = await env().api('GET', `/api/imports/${file.id}/rows`);
    const items = rows.json<{
      items: Array<{
        rowNumber: number;
        action: string;
        reason: string | null;
        issues: Array<{ code: string }>;
      }>;
    }>().items;
    expect(status, JSON.stringify(items)).toMatchObject({ created: 1, updated: 2, skipped: 1, failed: 1 });
    expect(
      items.map((item) => [item.rowNumber, item.action, item.reason ?? item.issues[0]?.code ?? null]),
    ).toEqual([
      [2, 'updated', null],
      [3, 'updated', null],
      [4, 'created', null],
      [5, 'skipped', 'duplicate_in_file'],
      [6, 'failed', 'ambiguous'],
    ]);
  });

  it('a dry run reports what would happen and writes nothing; the real run then does it', async () => {
    const csv =
      'First name,Last name,Company,City\nDry,Run,Dry Run Ltd,Leeds\nDry,Second,Dry Run Ltd,Leeds\nNo,,,\n';
    const file = await uploaded(env, 'dry.csv', csv);
    const mapping = file.guesses.mappings.person ?? {};
    expect(mapping).toMatchObject({ Company: 'company.name', City: 'company.city' });
    const before = await snapshot(env);
    const dry = await runToEnd(env, file.id, {
      object: 'person',
      mapping,
      duplicates: 'update',
      dryRun: true,
    });
    expect(dry).toMatchObject({ status: 'checked', created: 2, failed: 1, relatedCreated: 1 });
    expect(await snapshot(env)).toEqual(before);
    const real = await runToEnd(env, file.id, { object: 'person', mapping, duplicates: 'update' });
    expect(real).toMatchObject({ status: 'done', created: 2, failed: 1, relatedCreated: 1 });
    expect((await snapshot(env)).person).toBe((before.person ?? 0) + 2);
    const rerun = await env().api('POST', `/api/imports/${file.id}/run`, {
      object: 'person',
      mapping,
      duplicates: 'update',
    });
    expect(rerun.statusCode).toBe(409);
  });

  it('undoes a finished import: created records to the trash, updated ones restored, both with history', async () => {
    const kept = await createCompany(env, {
      name: 'Undo Me Sp. z o.o.',
      country: 'PL',
      tax_id: '9512381607',
      city: 'Gdańsk',
    });
    const csv = 'Name;NIP;City;Country\nUndo Me Sp. z o.o.;9512381607;Gdynia;PL\nFresh Undo;;Sopot;PL\n';
    const { upload, status } = await importFile(env, 'undo.csv', csv, { object: 'company' });
    expect(status).toMatchObject({ created: 1, updated: 1 });
    expect((await readCompany(env, kept.id)).city).toBe('Gdynia');
    const historyBefore = await historyRows(env, 'company', kept.id);
    const undo = await env().api('POST', `/api/imports/${upload.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(202);
    const undone = await settle(env, upload.id);
    expect(undone).toMatchObject({ status: 'undone', undoProcessed: 2, undoTotal: 2, undoConflicts: 0 });
    expect((await readCompany(env, kept.id)).city).toBe('Gdańsk');
    expect(await historyRows(env, 'company', kept.id)).toBe(historyBefore + 1);
    const fresh = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'eq', value: 'Fresh Undo' },
      deleted: 'only',
    });
    expect(fresh.json<ListBody>().items).toHaveLength(1);
    const twice = await env().api('POST', `/api/imports/${upload.id}/undo`);
    expect(twice.statusCode).toBe(409);
    // Undone, the file is no longer "already imported": importing it again brings it back.
    const again = await importFile(env, 'undo.csv', csv, { object: 'company' });
    expect(again.status).toMatchObject({ created: 1, updated: 1 });
  });

  it('leaves a value someone changed after the import as it is, and counts the conflict', async () => {
    const kept = await createCompany(env, {
      name: 'Conflict Kft.',
      country: 'HU',
      city: 'Eger',
      email: 'a@conflict.example.hu',
    });
    const { upload } = await importFile(
      env,
      'conflict.csv',
      'Name,E-mail,City\nConflict Kft.,a@conflict.example.hu,Debrecen\n',
      { object: 'company' },
    );
    const current = await readCompany(env, kept.id);
    const edited = await env().api('PATCH', `/api/records/company/${kept.id}`, {
      city: 'Miskolc',
      version: current.version,
    });
    expect(edited.statusCode).toBe(200);
    await env().api('POST', `/api/imports/${upload.id}/undo`);
    expect(await settle(env, upload.id)).toMatchObject({ status: 'undone', undoConflicts: 1 });
    expect((await readCompany(env, kept.id)).city).toBe('Miskolc');
  });

  it('saves mappings under a name and replaces one of the same name', async () => {
    const saved = await env().api('POST', '/api/import-mappings', {
      name: 'Outlook',
      object: 'person',
      mapping: { 'First Name': 'first_name' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const replaced = await env().api('POST', '/api/import-mappings', {
      name: 'Outlook',
      object: 'person',
      mapping: { 'Given Name': 'first_name' },
    });
    expect(replaced.json<{ id: number }>().id).toBe(saved.json<{ id: number }>().id);
    const list = await env().api('GET', '/api/import-mappings?object=person');
    expect(list.json<{ items: Array<{ name: string; mapping: unknown }> }>().items).toEqual([
      expect.objectContaining({ name: 'Outlook', mapping: { 'Given Name': 'first_name' } }),
    ]);
    const removed = await env().api('DELETE', `/api/import-mappings/${saved.json<{ id: number }>().id}`);
    expect(removed.statusCode).toBe(204);
  });
});

describe.each(DIALECTS)('the sample file in docs/samples (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('imports people and their companies with the guessed mapping and no error, and a second time nothing', async () => {
    const content = readFileSync(
      path.resolve(import.meta.dirname, '../../../../docs/samples/companies-and-people.csv'),
    );
    const { upload, status } = await importFile(env, 'companies-and-people.csv', content, {
      object: 'person',
    });
    expect(upload.guesses.object).toBe('person');
    expect(upload.detected).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    const failures = await env().api('GET', `/api/imports/${upload.id}/rows?action=failed`);
    expect(status, `${JSON.stringify(upload.guesses.mappings.person)} ${failures.body}`).toMatchObject({
      status: 'done',
      created: 6,
      failed: 0,
      relatedCreated: 4,
    });
    const again = await importFile(env, 'companies-and-people.csv', content, { object: 'person' });
    expect(again.status).toMatchObject({ created: 0, updated: 0, skipped: 6, relatedCreated: 0 });
  });
});
