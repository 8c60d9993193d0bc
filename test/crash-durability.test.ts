import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from './databases.ts';
import { killHard, loginOverHttp, spawnServer } from './server-process.ts';

const PASSWORD = 'durable-password-1';

describe.each(DIALECTS)('a crash loses no acknowledged write (%s)', (dialect) => {
  it('finds every acknowledged create after SIGKILL and restart', async () => {
    const database = await createTestDatabase(dialect);
    const env: Record<string, string> =
      database.config.kind === 'sqlite'
        ? { KARTOTEKA_DATA: path.dirname(database.config.file) }
        : { DATABASE_URL: database.config.url };
    env.KARTOTEKA_ADMIN_PASSWORD = PASSWORD;
    env.KARTOTEKA_DEMO = '0';
    try {
      const first = await spawnServer(env);
      const headers = await loginOverHttp(first.url, 'admin', PASSWORD);
      const acknowledged = new Map<number, string>();
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i += 1) {
          const name = `Crash test ${lane}-${i} Łódź`;
          try {
            const response = await fetch(`${first.url}/api/records/company`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ name }),
            });
            if (response.status === 201)
              acknowledged.set(((await response.json()) as { id: number }).id, name);
          } catch {
            return; // the server is gone: this write was never acknowledged
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(writer);
      while (acknowledged.size < 200) await new Promise((resolve) => setTimeout(resolve, 20));
      await killHard(first);
      stop = true;
      await Promise.all(lanes);

      const second = await spawnServer(env);
      try {
        const again = await loginOverHttp(second.url, 'admin', PASSWORD);
        const missing: number[] = [];
        for (const [id, name] of acknowledged) {
          const response = await fetch(`${second.url}/api/records/company/${id}?fields=name`, {
            headers: again,
          });
          if (response.status !== 200 || ((await response.json()) as { name: string }).name !== name)
            missing.push(id);
        }
        expect(missing).toEqual([]);
        expect(acknowledged.size).toBeGreaterThanOrEqual(200);
      } finally {
        await killHard(second);
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});
