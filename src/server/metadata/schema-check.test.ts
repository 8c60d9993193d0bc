import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestDialect } from '../../../test/harness.ts';
import { standardRegistry } from '../modules/objects.ts';
import { schemaProblems } from './schema-check.ts';

describe.each(DIALECTS)('tables follow the object declarations (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('backs every declared field with columns of its type, and declares every column', async () => {
    expect(await schemaProblems(db(), standardRegistry())).toEqual([]);
  });

  it('notices a column that the declarations do not know', async () => {
    await db().db.schema.alterTable('company').addColumn('stray_note', 'text').execute();
    const problems = await schemaProblems(db(), standardRegistry());
    expect(problems).toContain('company: column company.stray_note is not declared by any field');
  });
});
