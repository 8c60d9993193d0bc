import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Distinct SQL texts that get a named statement; the rest run unnamed as before. */
const MAX_NAMED_STATEMENTS = 300;
/** Texts remembered as run once; beyond this the memory starts again. */
const MAX_TEXTS_SEEN_ONCE = 5_000;

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it on each call. The same
 * few texts (session lookup, record by id, memberships…) run on every request; naming them
 * lets each connection prepare a text once and only bind and execute it afterwards (pg keeps
 * the per-connection bookkeeping). Names come from the text's hash, and only the first
 * MAX_NAMED_STATEMENTS distinct texts that run twice are named, which bounds what every connection keeps
 * prepared: texts that vary (IN lists of every length, ad-hoc filters) stay unnamed.
 */
export class PreparingPool implements PostgresPool {
  /** Text → statement name; '' marks a text that must run unnamed from now on. */
  private readonly names = new Map<string, string>();
  /** Texts run once so far, not named yet. */
  private readonly seenOnce = new Set<string>();

  constructor(private readonly pool: pg.Pool) {
    // Named statements save parsing only: every run is still planned for its own values, so a
    // skewed filter never gets stuck with a generic plan.
    pool.on('connect', (client) => {
      client.query('SET plan_cache_mode = force_custom_plan').catch(() => undefined);
    });
  }

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    // The pool listens for errors only on idle clients. A connection cut while checked out (a
    // restart, pg_terminate_backend) fails its query and then emits 'error', which unheard
    // would end the process; heard, the client is destroyed on release, not reused.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    const run = <R>(text: string, parameters: ReadonlyArray<unknown>) =>
      this.run<R>(client, text, parameters);
    function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(
      first: string | PostgresCursor<R>,
      parameters?: ReadonlyArray<unknown>,
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      // Cursors (streamed results) keep their own protocol handling.
      if (typeof first !== 'string') return client.query(first as never) as unknown as PostgresCursor<R>;
      return run<R>(first, parameters ?? []);
    }
    return {
      query,
      release: () => {
        client.off('error', onError);
        client.release(broken);
      },
    };
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  private async run<R>(
    client: pg.PoolClient,
    text: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> {
    const values = [...parameters];
    const name = this.nameOf(text);
    if (!name) return (await client.query({ text, values })) as unknown as PostgresQueryResult<R>;
    try {
      return (await client.query({ name, text, values })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      // A table changed shape under a prepared `SELECT *` (a migration by another instance, a
      // new custom field): PostgreSQL refuses the old statement on every connection that holds
      // it. The text runs unnamed from now on; this call is retried that way.
      if ((error as { code?: unknown } | null)?.code !== CACHED_PLAN_CHANGED) throw error;
      this.names.set(text, '');
      return (await client.query({ text, values })) as unknown as PostgresQueryResult<R>;
    }
  }

  private nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known || undefined;
    if (this.names.size >= MAX_NAMED_STATEMENTS) return undefined;
    // Named from its second run: texts that run once (migrations' DDL, a one-off filter) would
    // otherwise use up the named slots before the requests' own texts are ever seen.
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_TEXTS_SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const name = `kt_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }
}

/** SQLSTATE of "cached plan must not change result type". */
const CACHED_PLAN_CHANGED = '0A000';
