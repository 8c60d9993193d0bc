import type { Dialect, Executor, Tx } from '../db/dialects/dialect.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import type { EventDispatcher } from './events.ts';

/** What every records operation needs; built once at start-up. */
export interface RecordsContext {
  dialect: Dialect;
  registry: MetadataRegistry;
  events: EventDispatcher;
  /** Clock, replaceable in tests of relative dates. */
  now: () => Date;
  /**
   * ISO 3166 code of the country most records are in (`KARTOTEKA_COUNTRY`): how a phone typed
   * without its country code is read when the record names no country.
   */
  country?: string;
  /**
   * Set while a command over many records runs in one transaction (a bulk action): every
   * write joins it instead of opening its own, and reads see its uncommitted changes.
   */
  transaction?: Tx;
}

export function defaultCountry(ctx: RecordsContext): string | null {
  return ctx.country ?? null;
}

/** Where reads go: the command's open transaction, if any, else the database. */
export function executorOf(ctx: RecordsContext): Executor {
  return ctx.transaction ?? ctx.dialect.db;
}
