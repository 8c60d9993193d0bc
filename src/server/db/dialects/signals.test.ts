import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { openDatabase } from '../database.ts';

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a signal');
    await delay(10);
  }
}

describe.each(DIALECTS)('signals between instances (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('wakes listeners of the channel, not of others, until they stop listening', async () => {
    const { services } = env();
    const heard: string[] = [];
    const other: string[] = [];
    const stop = await services.dialect.listen('test_signal', (payload) => heard.push(payload));
    const stopOther = await services.dialect.listen('test_other', (payload) => other.push(payload));
    await services.dialect.signal('test_signal', '41');
    await until(() => heard.length === 1);
    await stop();
    await services.dialect.signal('test_signal', '42');
    await services.dialect.signal('test_other', 'x');
    await until(() => other.length === 1);
    expect(heard).toEqual(['41']);
    await stopOther();
    await expect(services.dialect.signal('DROP TABLE job; --', '')).rejects.toThrow(/invalid signal channel/);
  });
});

describe.each(DIALECTS.filter((d) => d === 'postgres'))('signals across processes (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('reach a second instance, and again after its listening connection was cut', async () => {
    const { services, databaseConfig } = env();
    const second = openDatabase(databaseConfig);
    try {
      const heard: string[] = [];
      await second.listen('test_fanout', (payload) => heard.push(payload));
      await services.dialect.signal('test_fanout', 'first');
      await until(() => heard.includes('first'));
      // An administrator or a failover ends the listening session; the instance listens again.
      const cut = await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`.execute(
        services.dialect.db,
      );
      expect(cut.rows).toHaveLength(1);
      await until(() => {
        void services.dialect.signal('test_fanout', 'again');
        return heard.includes('again');
      }, 10_000);
    } finally {
      await second.close();
    }
  });
});
