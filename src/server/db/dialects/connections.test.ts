import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestDialect } from '../../../../test/harness.ts';

// Both dialects keep statements between queries (SQLite a statement cache in sqlite.ts,
// PostgreSQL named statements per connection in pg-prepared.ts); what only PostgreSQL has —
// the named statements themselves, connections that the server can cut — is tested on it alone.
// The PostgreSQL-only blocks sit beside the shared one so that a run with KARTOTEKA_TEST_PG=off
// still finds tests in this file (a file without any fails the run).

describe.each(DIALECTS)('reused statements (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('keeps answering when a table changes shape under a reused SELECT *', async () => {
    await sql`CREATE TABLE reshaped (id integer PRIMARY KEY, a text)`.execute(db().db);
    await sql`INSERT INTO reshaped VALUES (1, 'x')`.execute(db().db);
    const read = () =>
      db()
        .db.connection()
        .execute((connection) =>
          connection.selectFrom('reshaped').selectAll().where('id', '=', 1).executeTakeFirst(),
        );
    expect(await read()).toEqual({ id: 1, a: 'x' });
    // As a migration run by another instance would: the kept statement's result type changes.
    await sql`ALTER TABLE reshaped ADD COLUMN b text DEFAULT 'y'`.execute(db().db);
    expect(await read()).toEqual({ id: 1, a: 'x', b: 'y' });
    expect(await read()).toEqual({ id: 1, a: 'x', b: 'y' });
  });

  it('still answers with the right rows and parameters', async () => {
    const rows = await sql<{ n: number }>`SELECT CAST(${41} AS integer) + 1 AS n`.execute(db().db);
    const again = await sql<{ n: number }>`SELECT CAST(${1} AS integer) + 1 AS n`.execute(db().db);
    expect([rows.rows[0]?.n, again.rows[0]?.n]).toEqual([42, 2]);
  });
});

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
});

// An SQLite database is a file: there is no connection to lose.
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))('lost connections (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('survives the server cutting its idle connections and answers the next query', async () => {
    // Three queries at once leave three idle connections in the pool.
    await Promise.all([1, 2, 3].map((n) => sql`SELECT pg_sleep(0.05), ${n} AS n`.execute(db().db)));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const cut = await sql<{ cut: number }>`
        SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(db().db);
      expect(cut.rows[0]?.cut).toBeGreaterThanOrEqual(1);
      await expect.poll(() => warnings.length).toBeGreaterThanOrEqual(cut.rows[0]?.cut ?? 1);
      expect(warnings[0]).toMatch(/PostgreSQL closed an idle connection: terminating connection/);
      const after = await sql<{ alive: number }>`SELECT 1 AS alive`.execute(db().db);
      expect(after.rows).toEqual([{ alive: 1 }]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
