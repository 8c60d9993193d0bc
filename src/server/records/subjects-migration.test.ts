import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestDialect } from '../../../test/harness.ts';
import * as frozen from '../db/migrations/2026_11_28_0003_event_consumers.ts';
import type { MigrationDb } from '../db/migrations/ddl.ts';
import { standardRegistry } from '../modules/objects.ts';
import { subjectOf } from './subjects.ts';

/**
 * Migration 2026_11_28_0003 gives history written before it the subject the engine gives
 * every later write: were they to differ, a client's timeline would lose its older changes.
 */
describe.each(DIALECTS)('subjects of history written before the migration (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('names the same client as the engine, for the client, its people and their records', async () => {
    const at = new Date().toISOString();
    const audit = { created_at: at, updated_at: at, version: 1 };
    const insert = async (table: string, values: Record<string, unknown>) =>
      Number(
        (
          await db()
            .db.insertInto(table)
            .values({ ...values, ...audit })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const company = await insert('company', { name: 'Subject Sp. z o.o.' });
    const person = await insert('person', { first_name: 'Anna', last_name: 'Nowak', company_id: company });
    const loner = await insert('person', { first_name: 'Jan', last_name: 'Bez' });
    const phone = await insert('company_phone', { company_id: company, phone: '+48221234567' });
    const channel = Number(
      (
        await db()
          .db.selectFrom('dictionary_value')
          .select('id')
          .where('dictionary', '=', 'consent_channel')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const consent = await insert('consent', {
      person_id: person,
      channel_id: channel,
      given: db().encodeBoolean(true),
      recorded_at: at,
      source: 'form',
    });
    const records: Array<[string, number]> = [
      ['company', company],
      ['person', person],
      ['person', loner],
      ['company_phone', phone],
      ['consent', consent],
    ];
    for (const [object, recordId] of records) {
      await db()
        .db.insertInto('record_history')
        .values({ object, record_id: recordId, action: 'create', changed_at: at })
        .execute();
    }
    await frozen.fillSubjects(db().db as unknown as MigrationDb, 'record_history');
    const registry = standardRegistry();
    for (const [object, recordId] of records) {
      const definition = registry.get(object);
      if (!definition) throw new Error(object);
      const row = await db()
        .db.selectFrom(definition.table)
        .selectAll()
        .where('id', '=', recordId)
        .executeTakeFirstOrThrow();
      const expected = await subjectOf(db().db, registry, definition, row);
      const stored = await db()
        .db.selectFrom('record_history')
        .select(['subject_object', 'subject_id'])
        .where('object', '=', object)
        .where('record_id', '=', recordId)
        .executeTakeFirstOrThrow();
      const found =
        stored.subject_id === null ? null : { object: stored.subject_object, id: Number(stored.subject_id) };
      expect(found, `${object} ${recordId}`).toEqual(expected);
    }
  });
});
