import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestDialect } from '../../../../test/harness.ts';

// PostgreSQL only: SQLite keeps its own statement cache (see sqlite.ts).
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))('named statements (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('prepares a repeated query once per connection and binds it after that', async () => {
    const result = await db()
      .db.connection()
      .execute(async (connection) => {
        const read = (id: number) =>
          connection.selectFrom('user_account').select('id').where('id', '=', id).execute();
        await read(1);
        await read(2);
        const prepared = await sql<{ name: string; statement: string }>`
        SELECT name, statement FROM pg_prepared_statements`.execute(connection);
        return prepared.rows.filter(
          (row) => row.statement === 'select "id" from "user_account" where "id" = $1',
        );
      });
    expect(result).toHaveLength(1);
    expect(result[0]?.name).toMatch(/^kt_/);
  });

  it('keeps answering when a table changes shape under a prepared SELECT *', async () => {
    await sql`CREATE TABLE reshaped (id integer PRIMARY KEY, a text)`.execute(db().db);
    await sql`INSERT INTO reshaped VALUES (1, 'x')`.execute(db().db);
    const read = () =>
      db()
        .db.connection()
        .execute((connection) =>
          connection.selectFrom('reshaped').selectAll().where('id', '=', 1).executeTakeFirst(),
        );
    expect(await read()).toEqual({ id: 1, a: 'x' });
    // As a migration run by another instance would: the prepared statement's result type changes.
    await sql`ALTER TABLE reshaped ADD COLUMN b text DEFAULT 'y'`.execute(db().db);
    expect(await read()).toEqual({ id: 1, a: 'x', b: 'y' });
    expect(await read()).toEqual({ id: 1, a: 'x', b: 'y' });
  });

  it('still answers with the right rows and parameters', async () => {
    const rows = await sql<{ n: number }>`SELECT ${41}::int + 1 AS n`.execute(db().db);
    const again = await sql<{ n: number }>`SELECT ${1}::int + 1 AS n`.execute(db().db);
    expect([rows.rows[0]?.n, again.rows[0]?.n]).toEqual([42, 2]);
  });
});
