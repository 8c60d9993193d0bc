import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type ApiRecord, createCompany, type ListBody } from '../../../../test/record-fixtures.ts';
import { installStandardDictionaries } from './install.ts';

describe.each(DIALECTS)('dictionaries (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const valuesOf = async (dictionary: string) =>
    (
      await env().api('POST', '/api/records/dictionary_value/query', {
        filter: { field: 'dictionary', op: 'eq', value: dictionary },
        limit: 100,
      })
    ).json<ListBody>().items;

  it('start with the standard values on every installation, installed once, renames kept', async () => {
    expect((await valuesOf('company_status')).map((value) => value.code)).toEqual([
      'prospect',
      'active',
      'inactive',
    ]);
    const prospect = (await valuesOf('company_status'))[0] as ApiRecord;
    const renamed = await env().api('PATCH', `/api/records/dictionary_value/${prospect.id}`, {
      label_en: 'Lead',
      version: prospect.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await installStandardDictionaries(env().services.dialect, new Date().toISOString())).toBe(0);
    expect((await valuesOf('company_status'))[0]).toMatchObject({ code: 'prospect', label_en: 'Lead' });
  });

  it('refuse to delete a value in use, and let it be deactivated: kept where set, not newly chosen', async () => {
    const [software, retail] = (await valuesOf('industry')) as ApiRecord[];
    if (!software || !retail) throw new Error('standard industries missing');
    const company = await createCompany(env, { name: 'Używa', industry: software.id });
    const refused = await env().api(
      'DELETE',
      `/api/records/dictionary_value/${software.id}?version=${software.version}`,
    );
    expectError(refused, 409, 'conflict', /used by 1 record/);
    const deactivated = await env().api('PATCH', `/api/records/dictionary_value/${software.id}`, {
      active: false,
      version: software.version,
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    // The company keeps it, also when saved with the value sent back unchanged.
    const kept = await env().api('PATCH', `/api/records/company/${company.id}`, {
      name: 'Używa nadal',
      industry: software.id,
      version: company.version,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const other = await env().api('POST', '/api/records/company', { name: 'Nowa', industry: software.id });
    expectError(other, 400, 'validation_failed', /deactivated/);
    // Nor chosen anew by a change; a missing value is named before a deactivated one.
    const plain = await createCompany(env, { name: 'Bez branży' });
    const switched = await env().api('PATCH', `/api/records/company/${plain.id}`, {
      industry: software.id,
      version: plain.version,
    });
    expectError(switched, 400, 'validation_failed', /deactivated/);
    const both = await env().api('POST', '/api/records/company', {
      name: 'Obie',
      industry: software.id,
      status: 999_999_999,
    });
    expectError(both, 400, 'validation_failed');
    expect(
      both.json<{ error: { details: { fields: Array<{ field: string; code: string }> } } }>().error.details
        .fields,
    ).toEqual([
      expect.objectContaining({ field: 'status', code: 'not_found' }),
      expect.objectContaining({ field: 'industry', code: 'inactive' }),
    ]);
    // An unused value can go to the trash.
    const unused = await env().api(
      'DELETE',
      `/api/records/dictionary_value/${retail.id}?version=${retail.version}`,
    );
    expect(unused.statusCode, unused.body).toBe(204);
  });
});
