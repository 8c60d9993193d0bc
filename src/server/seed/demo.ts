import { sql } from 'kysely';
import type { AppServices } from '../http/types.ts';
import { addDemoAccounts, DEMO_PASSWORD_VARIABLE, type DemoAccount, demoPasswords } from './demo-accounts.ts';
import { addDemoCatalogue } from './demo-catalogue.ts';
import { addDemoComments } from './demo-comments.ts';
import { addDemoOrganisation } from './demo-organisation.ts';
import { addDemoSales } from './demo-sales.ts';
import { DEMO_SIZE } from './generator/generate.ts';
import { loadDataset } from './load.ts';

/** Fixed: every demo installation shows the same companies, so the manual's scenarios match. */
export const DEMO_SEED = 20_261_123;

export interface DemoLoad {
  /** False when the demo was loaded before or the database already holds companies. */
  loaded: boolean;
  /** The demo accounts created now, with their passwords (empty when none were created). */
  accounts: DemoAccount[];
}

/** Loads the demo data set once, into a database with no companies yet. */
export async function loadDemoIfFirstStart(
  services: AppServices,
  log: (message: string) => void,
): Promise<boolean> {
  return (await loadDemo(services, log)).loaded;
}

/**
 * `loadDemoIfFirstStart` with what it created: the demo accounts and their passwords, which
 * are printed through `log` once and never stored in clear. `configuredPassword` is
 * KARTOTEKA_DEMO_PASSWORD unless a caller (a test) passes its own.
 */
export async function loadDemo(
  services: AppServices,
  log: (message: string) => void,
  configuredPassword: string | undefined = process.env[DEMO_PASSWORD_VARIABLE],
): Promise<DemoLoad> {
  const { dialect } = services;
  const marker = await dialect.db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'demo_loaded')
    .executeTakeFirst();
  if (marker) return { loaded: false, accounts: [] };
  const existing = await sql<{ n: number }>`SELECT count(*) AS n FROM company`.execute(dialect.db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return { loaded: false, accounts: [] };
  // Before loading anything: a password the policy refuses stops here, with nothing half-done.
  const passwords = await demoPasswords(configuredPassword);
  log('Loading the demo data set…');
  const loaded = await loadDataset(dialect, services.registry, {
    seed: DEMO_SEED,
    size: DEMO_SIZE,
    referenceDate: services.now().toISOString().slice(0, 10),
  });
  const at = services.now().toISOString();
  // Through the records engine (history, search, events), before the marker: what the offers
  // quote, and deals in every stage.
  await addDemoCatalogue(services, at.slice(0, 10));
  await addDemoSales(services);
  const { accounts, skipped } = await dialect.db.transaction().execute(async (trx) => {
    await addDemoOrganisation(trx, DEMO_SEED, loaded, at);
    const created = await addDemoAccounts(trx, dialect, services.registry, loaded, passwords, at);
    // Comments need authors: the demo accounts' conversations on their tasks.
    if (created.accounts.length > 0) await addDemoComments(trx, DEMO_SEED, loaded, at);
    await trx
      .insertInto('app_setting')
      .values({ key: 'demo_loaded', value: 'true', updated_at: at })
      .execute();
    return created;
  });
  log('Demo data loaded.');
  if (skipped) log(`Demo accounts not created: ${skipped}.`);
  logAccounts(accounts, log);
  return { loaded: true, accounts };
}

function logAccounts(accounts: readonly DemoAccount[], log: (message: string) => void): void {
  if (accounts.length === 0) return;
  const configured = accounts.some((a) => a.configured);
  log(
    configured
      ? `Demo accounts (password: the one in ${DEMO_PASSWORD_VARIABLE}):`
      : 'Demo accounts (these passwords are shown only once: write them down or change them):',
  );
  for (const account of accounts) {
    const password = account.configured ? '' : ` / ${account.password}`;
    log(`  ${account.login}${password}: ${account.role}, ${account.employee}; ${account.summary}`);
  }
}
