import fs from 'node:fs';
import { killHard, type ServerProcess, spawnServer } from '../test/server-process.ts';
import type { BenchDialect } from './dataset.ts';
import { type ManyUsersResult, runManyUsers } from './many-users.ts';
import { roundRobinProxy } from './proxy.ts';

export interface ManyUsersRow {
  name: string;
  p50_ms: number;
  p95_ms: number;
  ops_per_s: number;
  rss_mb: number;
}

const USERS = Number(process.env.KARTOTEKA_BENCH_USERS ?? 200);
const SECONDS = Number(process.env.KARTOTEKA_BENCH_USERS_SECONDS ?? 300);

function rssMb(server: ServerProcess): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function report(label: string, result: ManyUsersResult, memory: number[][], log: (line: string) => void) {
  const { overall } = result;
  log(
    `  ${label.padEnd(26)} p50 ${overall.p50_ms.toFixed(2).padStart(7)} ms  p95 ${overall.p95_ms.toFixed(2).padStart(7)} ms  ${String(overall.ops_per_s).padStart(6)} req/s  (${overall.count} requests)`,
  );
  for (const [action, m] of Object.entries(result.byAction))
    log(`    ${action.padEnd(8)} p50 ${m.p50_ms.toFixed(2)} ms  p95 ${m.p95_ms.toFixed(2)} ms  (${m.count})`);
  log(
    `    ${result.created} created, ${result.edits} edits saved, ${result.conflicts} edits refused as conflicts (409), ${result.errors.length} errors, ${result.lost.length} acknowledged writes lost`,
  );
  for (const line of [...result.errors.slice(0, 5), ...result.lost.slice(0, 5)]) log(`    ! ${line}`);
  memory.forEach((samples, index) => {
    const shown = samples.map((mb) => mb.toFixed(0)).join(' → ');
    log(`    instance ${index + 1} RSS every 30 s (MB): ${shown}`);
  });
}

/**
 * 200 people at once for five minutes against the 1M data set, on one instance, and on
 * PostgreSQL also on two instances behind a round-robin proxy. Each person pauses half a
 * second to a second and a half between steps, as people do.
 */
export async function measureManyUsers(
  dialect: BenchDialect,
  env: Record<string, string>,
  password: string,
  log: (line: string) => void,
): Promise<ManyUsersRow[]> {
  const rows: ManyUsersRow[] = [];
  const layouts = dialect === 'postgres' ? [1, 2] : [1];
  for (const instances of layouts) {
    const servers: ServerProcess[] = [];
    let proxy: Awaited<ReturnType<typeof roundRobinProxy>> | undefined;
    try {
      for (let n = 0; n < instances; n++)
        servers.push(
          await spawnServer({
            ...env,
            KARTOTEKA_ADMIN_PASSWORD: password,
            KARTOTEKA_DEMO: '0',
            KARTOTEKA_LOG_LEVEL: 'error',
          }),
        );
      proxy = instances > 1 ? await roundRobinProxy(servers.map((server) => server.url)) : undefined;
      const memory = servers.map(() => [] as number[]);
      const result = await runManyUsers({
        url: proxy?.url ?? servers[0]?.url ?? '',
        login: 'admin',
        password,
        users: USERS,
        durationMs: SECONDS * 1000,
        thinkMs: [500, 1500],
        sample: () => {
          for (const [index, server] of servers.entries()) memory[index]?.push(rssMb(server));
        },
        sampleEveryMs: 30_000,
      });
      const name = instances === 1 ? `many_users_${USERS}` : `many_users_${USERS}_two_instances`;
      report(name, result, memory, log);
      rows.push({
        name,
        p50_ms: result.overall.p50_ms,
        p95_ms: result.overall.p95_ms,
        ops_per_s: result.overall.ops_per_s,
        rss_mb: Math.round(Math.max(...servers.map(rssMb))),
      });
    } finally {
      await proxy?.close();
      for (const server of servers) await killHard(server);
    }
  }
  return rows;
}
