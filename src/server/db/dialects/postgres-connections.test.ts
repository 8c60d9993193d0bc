import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestDialect } from '../../../../test/harness.ts';

// PostgreSQL only: an SQLite database is a file, there is no connection to lose.
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
