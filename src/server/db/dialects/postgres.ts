import { type Expression, Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import type { SortLocale } from '../../../shared/text/collation-key.ts';
import { foldText } from '../../../shared/text/fold.ts';
import { bulkInsert } from '../bulk-insert.ts';
import { idLists } from '../id-lists.ts';
import {
  type ConnectionUse,
  checkedChannel,
  type Dialect,
  type DynamicDatabase,
  type Executor,
  type ListPlan,
  type SearchHit,
  type SearchMatch,
  type SearchRequest,
  type Tx,
  titleKey,
  titleKeyRange,
} from './dialect.ts';
import { PgListener } from './pg-listener.ts';
import { PreparingPool } from './pg-prepared.ts';
import { pgRestore, pgSnapshot, type SnapshotFormat } from './snapshots.ts';

/** ICU collations that ship with PostgreSQL built with ICU (Debian's is). */
const ICU_COLLATION: Record<SortLocale, string> = { en: '"en-x-icu"', pl: '"pl-x-icu"', hu: '"hu-x-icu"' };

let typeParsersSet = false;
/**
 * pg returns bigint and numeric as strings and instants as Date objects; the rest of the
 * code speaks numbers and ISO strings on both dialects, so convert once, process-wide.
 */
function setTypeParsers(): void {
  if (typeParsersSet) return;
  typeParsersSet = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value}Z`).toISOString());
}

export function openPostgres(url: string, poolSize = 10): Dialect {
  setTypeParsers();
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A parallel worker takes milliseconds to start, as long as a short query takes to run:
    // misestimated mid-sized reads (a calendar's activities as a guest, 8 → 4 ms) went parallel
    // and waited for it. Set when the connection starts, no round trip; long scans (a count over
    // a million rows) still go parallel.
    options: '-c parallel_setup_cost=5000',
  });
  // An idle connection can be cut by the server (restart, failover, an administrator). The pool
  // has already discarded that client and the next query opens a fresh one, but an 'error'
  // event nobody listens to would bring the whole process down: report it and go on.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'DatabaseWarning');
  });
  const db = new Kysely<DynamicDatabase>({ dialect: new PostgresDialect({ pool: new PreparingPool(pool) }) });
  return new PostgresDialectImpl(db, new PgListener(url), pool, url);
}

class PostgresDialectImpl implements Dialect {
  readonly name = 'postgres' as const;
  readonly exclusionConstraints = true;

  constructor(
    readonly db: Kysely<DynamicDatabase>,
    private readonly listener: PgListener,
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  async signal(channel: string, payload: string): Promise<void> {
    await sql`SELECT pg_notify(${checkedChannel(channel)}, ${payload})`.execute(this.db);
  }

  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    return this.listener.listen(checkedChannel(channel), listener);
  }

  async refreshStatistics(): Promise<void> {
    // Autovacuum analyses tables as they change; nothing to do here.
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.db.destroy();
  }

  collated(expression: Expression<unknown>, locale: SortLocale) {
    return sql`(${expression} COLLATE ${sql.raw(ICU_COLLATION[locale])})`;
  }

  folded(expression: Expression<unknown>) {
    // kt_fold is created by the first migration from the same table as foldText.
    return sql<string>`kt_fold(${expression})`;
  }

  readonly skipLocked = sql`FOR UPDATE SKIP LOCKED`;
  readonly lockRows = sql`FOR UPDATE`;
  readonly foldedColumns = true;

  inList(expression: Expression<unknown>, values: readonly unknown[]) {
    return sql<boolean>`${expression} = ANY(${[...values]})`;
  }

  idList(column: string) {
    return sql<string | null>`string_agg(CAST(${sql.ref(column)} AS text), ',')`;
  }

  /**
   * Events of transactions older than every transaction still running in this database: the
   * running ones are those holding the lock on their own transaction id (pg_locks), joined to
   * their database (pg_stat_activity), our own excepted; with none running, every id handed out
   * so far (the snapshot's xmax). Not the snapshot's xmin: that counts every database of the
   * cluster, so a long transaction elsewhere (a dump, a report) would hold back delivery here.
   * pg_locks gives 32-bit ids; each is widened to the 64-bit id of the epoch around the current
   * snapshot's xmax (running ids are within 2^31 of it).
   *
   * The horizon is read first, on its own: a transaction below it had ended when it was read,
   * so the next statement's snapshot sees its events. Read in the same statement as the
   * events, a transaction that ended between the snapshot and the look at pg_locks was neither
   * running nor visible, and its event was stepped over for good (one in a thousand, under four
   * writers).
   */
  async settledEvents(executor: Executor): Promise<RawBuilder<boolean>> {
    const horizon = await sql<{ horizon: string }>`
      SELECT COALESCE(min(CASE WHEN base.epoch + l.transactionid::text::bigint > base.xmax
          THEN base.epoch + l.transactionid::text::bigint - 4294967296
          ELSE base.epoch + l.transactionid::text::bigint END), min(base.xmax)) AS horizon
      FROM (SELECT x.xmax, x.xmax - x.xmax % 4294967296 AS epoch
        FROM (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax) x) base
      LEFT JOIN (pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          AND a.datname = current_database() AND a.pid <> pg_backend_pid())
        ON l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted`.execute(executor);
    return sql<boolean>`tx_id < ${Number(horizon.rows[0]?.horizon)}`;
  }

  readonly storedTypes = {
    text: ['text', 'varchar'],
    integer: ['int4', 'int8'],
    bigint: ['int8'],
    boolean: ['bool'],
    date: ['date'],
    timestamp: ['timestamptz'],
  };

  encodeBoolean(value: boolean): boolean {
    return value;
  }

  decodeBoolean(value: unknown): boolean | null {
    if (value === null || value === undefined) return null;
    return value === true;
  }

  async upsertSearchDocument(
    executor: Executor,
    doc: { object: string; recordId: number; title: string; text: string },
  ): Promise<void> {
    await sql`
      INSERT INTO search_doc (object, record_id, title, title_folded, body, title_key)
      VALUES (${doc.object}, ${doc.recordId}, ${doc.title}, ${foldText(doc.title)}, ${doc.text}, ${titleKey(doc.title)})
      ON CONFLICT (object, record_id)
      DO UPDATE SET title = excluded.title, title_folded = excluded.title_folded, body = excluded.body,
        title_key = excluded.title_key`.execute(executor);
  }

  async insertSearchDocuments(
    executor: Executor,
    docs: Array<{ object: string; recordId: number; title: string; text: string }>,
  ): Promise<void> {
    await bulkInsert(
      executor,
      'postgres',
      'search_doc',
      docs.map((doc) => ({
        object: doc.object,
        record_id: doc.recordId,
        title: doc.title,
        title_folded: foldText(doc.title),
        body: doc.text,
        title_key: titleKey(doc.title),
      })),
    );
  }

  async deleteSearchDocument(executor: Executor, object: string, recordId: number): Promise<void> {
    await executor
      .deleteFrom('search_doc')
      .where('object', '=', object)
      .where('record_id', '=', recordId)
      .execute();
  }

  async deleteSearchDocuments(
    executor: Executor,
    object: string,
    recordIds: readonly number[],
  ): Promise<void> {
    for (const chunk of idLists(recordIds))
      await executor
        .deleteFrom('search_doc')
        .where('object', '=', object)
        .where('record_id', 'in', chunk)
        .execute();
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    if (request.tokens.length === 0 || request.objects.length === 0) return [];
    const query = tsQuery(request.tokens);
    const { key, above } = titleKeyRange(request.tokens);
    const limit = request.window ? sql`LIMIT ${request.window}` : sql``;
    // The window takes matches as the GIN scan yields them and stops; ranking happens on those.
    // The reader's restriction is checked on the window's matches only, so a reader who sees
    // a sliver of the data does not make the scan go through every match.
    const matches = sql`SELECT m.id FROM search_doc m
      WHERE m.tsv @@ to_tsquery('simple', ${query}) AND m.object = ANY(${request.objects}) ${limit}`;
    // Titles starting with the query come from the title key's index (bytewise: the column is
    // COLLATE "C"), however old they are.
    const titled = sql`SELECT t.id FROM search_doc t
      WHERE t.title_key >= ${key} AND t.title_key < ${above} AND t.object = ANY(${request.objects})
      ORDER BY t.title_key ${limit}`;
    const restriction = request.restriction ? sql`WHERE ${request.restriction}` : sql``;
    const words = request.tokens.map((token) => sql`strpos(' ' || d.title_key, ${` ${token}`}) > 0`);
    const result = await sql<{
      object: string;
      record_id: number;
      title: string;
      tier: number;
      rank: number;
    }>`
      SELECT * FROM (
        SELECT d.id, d.object, d.record_id, d.title, length(d.title_key) AS key_length,
          ts_rank(d.tsv, to_tsquery('simple', ${query})) AS rank,
          CASE WHEN d.title_key = ${key} THEN 0
            WHEN starts_with(d.title_key, ${key}) THEN 1
            WHEN ${sql.join(words, sql` AND `)} THEN 2
            ELSE 3 END AS tier
        FROM ((${matches}) UNION (${titled})) AS c JOIN search_doc d ON d.id = c.id
        ${restriction}
      ) AS ranked
      ORDER BY tier, CASE WHEN tier <= 1 THEN key_length END, rank DESC, id
      LIMIT ${request.limit}`.execute(this.db);
    return result.rows.map((row) => ({
      object: row.object,
      recordId: Number(row.record_id),
      title: row.title,
      match: MATCHES[row.tier] ?? 'other',
      rank: Number(row.rank),
    }));
  }

  searchIds(object: string, tokens: string[]) {
    return sql`SELECT record_id FROM search_doc WHERE object = ${object} AND tsv @@ to_tsquery('simple', ${tsQuery(tokens)})`;
  }

  /** `kt_fold(column) LIKE '%…%'` uses the pg_trgm index by itself. */
  containsIds(_index: string, _folded: string) {
    return null;
  }

  /** PostgreSQL's planner costs LIMIT with real statistics; it needs no help. */
  async listSource(table: string, alias: string, _plan: ListPlan) {
    // Its planner turns IN (subquery) into the semi-join it costs best, either way round.
    return { from: sql`${sql.table(table)} AS ${sql.raw(alias)}`, correlate: false };
  }

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === '23505';
  }

  isExclusionViolation(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === '23P01';
  }

  isTransientConflict(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === '40P01' || code === '40001';
  }

  isUnavailable(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    // node-postgres' own words when the server closes the connection under a query, and for
    // the next statement of that transaction (its rollback) on the dead connection.
    return (
      error instanceof Error &&
      /^Connection terminated|connection error and is not queryable|Client was closed and is not queryable/.test(
        error.message,
      )
    );
  }

  violatedConstraint(error: unknown): string | null {
    if (!this.isUniqueViolation(error) && !this.isExclusionViolation(error)) return null;
    // node-postgres copies the server's CONSTRAINT NAME field onto the error.
    const constraint = (error as { constraint?: unknown }).constraint;
    return typeof constraint === 'string' ? constraint : null;
  }

  async databaseSize(): Promise<number> {
    const result = await sql<{ size: number }>`SELECT pg_database_size(current_database()) AS size`.execute(
      this.db,
    );
    return Number(result.rows[0]?.size ?? 0);
  }

  connections(): ConnectionUse {
    const { totalCount, idleCount, waitingCount, options } = this.pool;
    return { open: totalCount, idle: idleCount, waiting: waitingCount, max: options.max ?? 10 };
  }

  /** pg_dump reports no progress: the fraction jumps to 1 when it is done. */
  async snapshot(file: string, onProgress: (fraction: number) => void): Promise<SnapshotFormat> {
    await pgSnapshot(this.url, file);
    onProgress(1);
    return 'pg_dump';
  }

  async restoreSnapshot(snapshot: string, format: SnapshotFormat): Promise<void> {
    if (format !== 'pg_dump') throw new Error(`a ${format} snapshot cannot be restored into PostgreSQL`);
    await pgRestore(this.url, snapshot);
  }

  /**
   * The foreign keys are dropped for the load and added back at its end, which checks every
   * row (a non-superuser cannot switch them off, and they are not deferrable).
   */
  async bulkLoad(work: (trx: Tx) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const keys = await sql<{ owner: string; name: string; definition: string }>`
        SELECT conrelid::regclass::text AS owner, conname AS name, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`.execute(trx);
      for (const key of keys.rows)
        await sql`ALTER TABLE ${sql.raw(key.owner)} DROP CONSTRAINT ${sql.id(key.name)}`.execute(trx);
      await work(trx);
      for (const key of keys.rows)
        await sql`ALTER TABLE ${sql.raw(key.owner)} ADD CONSTRAINT ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
          trx,
        );
      const identities = await sql<{ owner: string; sequence: string }>`
        SELECT table_name AS owner, pg_get_serial_sequence(quote_ident(table_name), 'id') AS sequence
        FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'`.execute(trx);
      for (const { owner, sequence } of identities.rows)
        await sql`SELECT setval(${sequence}, COALESCE((SELECT max(id) FROM ${sql.id(owner)}), 0) + 1, false)`.execute(
          trx,
        );
    });
  }

  /** pg_restore creates every table anew: the schema starts empty. */
  async clearForRestore(): Promise<void> {
    await sql`DROP SCHEMA public CASCADE`.execute(this.db);
    await sql`CREATE SCHEMA public`.execute(this.db);
  }
}

/**
 * Refused or lost connections: the socket's errors, SQLSTATE class 08 (connection exception),
 * 57P01–57P03 (shut down, crashed, starting), 53300 (too many connections) and 55000 as sent
 * when a database does not accept connections.
 */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|08...|57P0[123]|53300|55000)$/;

/** `tier` of the search query → how the document matched. */
const MATCHES: ReadonlyArray<SearchMatch> = ['exact', 'prefix', 'word', 'other'];

/** Tokens hold only letters and digits (searchTokens), so they cannot inject tsquery syntax. */
function tsQuery(tokens: string[]): string {
  return tokens.map((token, index) => (index === tokens.length - 1 ? `${token}:*` : token)).join(' & ');
}
