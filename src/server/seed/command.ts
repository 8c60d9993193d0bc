import { sql } from 'kysely';
import type { AppConfig } from '../config.ts';
import { openServices } from '../runtime.ts';
import { DEMO_SEED } from './demo.ts';
import { BENCH_SIZE, DEMO_SIZE } from './generator/generate.ts';
import { loadDataset } from './load.ts';

/** `kartoteka seed --size demo|bench`: fills an empty database with the generated data set. */
export async function seedCommand(config: AppConfig, size: string): Promise<number> {
  if (size !== 'demo' && size !== 'bench') {
    process.stderr.write('--size must be "demo" or "bench"\n');
    return 1;
  }
  const services = await openServices(config);
  try {
    const existing = await sql<{ n: number }>`SELECT count(*) AS n FROM company`.execute(services.dialect.db);
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      process.stderr.write('The database already holds companies; seed only an empty database.\n');
      return 1;
    }
    const started = Date.now();
    await loadDataset(services.dialect, services.registry, {
      seed: DEMO_SEED,
      size: size === 'demo' ? DEMO_SIZE : BENCH_SIZE,
      referenceDate: new Date().toISOString().slice(0, 10),
      onProgress: (message) => process.stdout.write(`  ${message}\n`),
    });
    process.stdout.write(`Loaded the ${size} data set in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  } finally {
    await services.dialect.close();
  }
}
