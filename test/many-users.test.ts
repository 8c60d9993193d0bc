import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runManyUsers } from '../bench/many-users.ts';
import { createTestDatabase, DIALECTS } from './databases.ts';
import { killHard, spawnServer } from './server-process.ts';

const PASSWORD = 'many-users-password-1';

/**
 * The correctness half of the load test in `npm run bench` (issue 11 §4), at a size a test run
 * affords: people editing the same records at once get 409s and nothing else goes wrong, and
 * every write the server acknowledged is there at the end. Speed is the benchmark's business.
 */
describe.each(DIALECTS)('many users at once (%s)', (dialect) => {
  it('loses no acknowledged write and fails nothing but the expected conflicts', async () => {
    const database = await createTestDatabase(dialect);
    const server = await spawnServer({
      ...(database.config.kind === 'sqlite'
        ? { KARTOTEKA_DATA: path.dirname(database.config.file) }
        : { DATABASE_URL: database.config.url }),
      KARTOTEKA_ADMIN_PASSWORD: PASSWORD,
      KARTOTEKA_DEMO: '0',
    });
    try {
      const result = await runManyUsers({
        url: server.url,
        login: 'admin',
        password: PASSWORD,
        users: 24,
        durationMs: 8_000,
        thinkMs: [10, 60],
        sharedRecords: 4,
      });
      expect(result.errors).toEqual([]);
      expect(result.lost).toEqual([]);
      // The load did what it is for: writes, and edits that collided.
      expect(result.created).toBeGreaterThan(20);
      expect(result.edits).toBeGreaterThan(20);
      expect(result.conflicts).toBeGreaterThan(0);
    } finally {
      await killHard(server);
      await database.drop();
    }
  }, 120_000);
});
