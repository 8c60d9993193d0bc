import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Expression, Kysely, type RawBuilder, SqliteDialect, sql } from 'kysely';
import { collationKey, type SortLocale } from '../../../shared/text/collation-key.ts';
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
  type ListSource,
  type SearchHit,
  type SearchMatch,
  type SearchRequest,
  type Tx,
  titleKey,
  titleKeyRange,
} from './dialect.ts';
import { type SnapshotFormat, sqliteRestore, sqliteSnapshot } from './snapshots.ts';
import { SqliteListPlanner, type TableAccess } from './sqlite-planner.ts';

/** Rows a budgeted walk of the sort index may read before the matches are sorted instead. */
const MIN_WALK_ROWS = 2_000;
const MAX_WALK_ROWS = 20_000;

const SORT_LOCALES: ReadonlySet<string> = new Set(['en', 'pl', 'hu']);

/**
 * Opens the embedded database. WAL lets readers work beside the writer;
 * `synchronous=FULL` makes every acknowledged commit survive a power cut or SIGKILL.
 */
export function openSqlite(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  // 64 MiB of pages in the process; the OS page cache holds the rest without counting against RSS.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  // The indexes on sort keys and the folded-text filters call these; they must be
  // deterministic so SQLite may use them in expression indexes.
  database.function('kt_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : null,
  );
  database.function('kt_collate', { deterministic: true }, (value: unknown, locale: unknown) => {
    if (typeof value !== 'string') return null;
    const sortLocale = typeof locale === 'string' && SORT_LOCALES.has(locale) ? (locale as SortLocale) : 'en';
    return collationKey(value, sortLocale);
  });
  const db = new Kysely<DynamicDatabase>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return new SqliteDialectImpl(db, database);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; the same few SQL texts run on every request (session,
 * record by id…), so prepared statements are kept and reused. better-sqlite3 runs a statement
 * to completion synchronously, so one statement is never in use twice at once.
 */
function withStatementCache(database: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = database.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

class SqliteDialectImpl implements Dialect {
  readonly name = 'sqlite' as const;
  readonly exclusionConstraints = false;
  private readonly planner: SqliteListPlanner;

  constructor(
    readonly db: Kysely<DynamicDatabase>,
    private readonly database: Database.Database,
  ) {
    this.planner = new SqliteListPlanner(database);
  }

  async refreshStatistics(): Promise<void> {
    // Cheap by design: sampled ANALYZE, only for tables whose size changed a lot since the
    // last one (0x10000: look at every table, not just those this connection queried).
    this.database.pragma('analysis_limit = 1000');
    this.database.pragma('optimize = 0x10002');
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  collated(expression: Expression<unknown>, locale: SortLocale) {
    return sql`kt_collate(${expression}, ${sql.lit(locale)})`;
  }

  folded(expression: Expression<unknown>) {
    return sql<string>`kt_fold(${expression})`;
  }

  readonly skipLocked = sql``;
  readonly lockRows = sql``;
  readonly foldedColumns = false;

  inList(expression: Expression<unknown>, values: readonly unknown[]) {
    return sql<boolean>`${expression} IN (${sql.join([...values])})`;
  }

  idList(column: string) {
    return sql<string | null>`group_concat(${sql.ref(column)})`;
  }

  async settledEvents(): Promise<RawBuilder<boolean>> {
    return sql<boolean>`1 = 1`;
  }

  /** One process holds the database file: signals stay in it. */
  private readonly signals = new EventEmitter().setMaxListeners(0);

  async signal(channel: string, payload: string): Promise<void> {
    this.signals.emit(checkedChannel(channel), payload);
  }

  async listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>> {
    const name = checkedChannel(channel);
    this.signals.on(name, listener);
    return async () => {
      this.signals.off(name, listener);
    };
  }

  // SQLite reports the type a column was declared with; the migrations declare these.
  readonly storedTypes = {
    text: ['text'],
    integer: ['integer'],
    bigint: ['integer'],
    boolean: ['integer'],
    date: ['text'],
    timestamp: ['text'],
  };

  encodeBoolean(value: boolean): number {
    return value ? 1 : 0;
  }

  decodeBoolean(value: unknown): boolean | null {
    if (value === null || value === undefined) return null;
    return value === 1 || value === true || value === 1n;
  }

  async upsertSearchDocument(
    executor: Executor,
    doc: { object: string; recordId: number; title: string; text: string },
  ): Promise<void> {
    // The document keeps its id, so its tokens are replaced in place (contentless_delete=1
    // lets an FTS5 table REPLACE a rowid): two statements, not a delete and an insert of each.
    const saved = await sql<{ id: number }>`
      INSERT INTO search_doc (object, record_id, title, title_key)
      VALUES (${doc.object}, ${doc.recordId}, ${doc.title}, ${titleKey(doc.title)})
      ON CONFLICT (object, record_id) DO UPDATE SET title = excluded.title, title_key = excluded.title_key
      RETURNING id`.execute(executor);
    const id = saved.rows[0]?.id;
    await sql`INSERT OR REPLACE INTO search_fts (rowid, title, body) VALUES (${id}, ${foldText(doc.title)}, ${doc.text})`.execute(
      executor,
    );
  }

  async insertSearchDocuments(
    executor: Executor,
    docs: Array<{ object: string; recordId: number; title: string; text: string }>,
  ): Promise<void> {
    if (docs.length === 0) return;
    const ids = await bulkInsert(
      executor,
      'sqlite',
      'search_doc',
      docs.map((doc) => ({
        object: doc.object,
        record_id: doc.recordId,
        title: doc.title,
        title_key: titleKey(doc.title),
      })),
      { returning: true },
    );
    await bulkInsert(
      executor,
      'sqlite',
      'search_fts',
      docs.map((doc, index) => ({ rowid: ids[index], title: foldText(doc.title), body: doc.text })),
    );
  }

  async deleteSearchDocument(executor: Executor, object: string, recordId: number): Promise<void> {
    const existing = await executor
      .deleteFrom('search_doc')
      .where('object', '=', object)
      .where('record_id', '=', recordId)
      .returning('id')
      .executeTakeFirst();
    if (existing) await sql`DELETE FROM search_fts WHERE rowid = ${existing.id}`.execute(executor);
  }

  async deleteSearchDocuments(
    executor: Executor,
    object: string,
    recordIds: readonly number[],
  ): Promise<void> {
    for (const chunk of idLists(recordIds)) {
      const removed = await executor
        .deleteFrom('search_doc')
        .where('object', '=', object)
        .where('record_id', 'in', chunk)
        .returning('id')
        .execute();
      if (removed.length === 0) continue;
      await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(removed.map((row) => row.id))})`.execute(
        executor,
      );
    }
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    if (request.tokens.length === 0 || request.objects.length === 0) return [];
    const match = ftsMatch(request.tokens);
    const { key, above } = titleKeyRange(request.tokens);
    const objects = sql.join(request.objects);
    // FTS5 walks a MATCH in rowid order cheaply; the window's lowest rowid bounds the ranking.
    // The reader's restriction is checked on the window's matches only.
    const restricted = request.restriction ? sql`AND ${request.restriction}` : sql``;
    const window = request.window
      ? sql`AND search_fts.rowid >= coalesce((SELECT rowid FROM search_fts WHERE search_fts MATCH ${match}
          ORDER BY rowid DESC LIMIT 1 OFFSET ${request.window - 1}), 0)`
      : sql``;
    // Titles starting with the query come from the title key's index, however old they are.
    // Named: given `object IN (…)` the planner would rather read every company by its object.
    const titled = sql`SELECT t.id FROM search_doc t INDEXED BY search_doc_title_key
      WHERE t.title_key >= ${key} AND t.title_key < ${above} AND t.object IN (${objects})
      ORDER BY t.title_key ${request.window ? sql`LIMIT ${request.window}` : sql``}`;
    const words = request.tokens.map((token) => sql`instr(' ' || d.title_key, ${` ${token}`}) > 0`);
    const result = await sql<{
      object: string;
      record_id: number;
      title: string;
      tier: number;
      score: number | null;
    }>`
      SELECT * FROM (
        SELECT d.id, d.object, d.record_id, d.title, length(d.title_key) AS key_length, c.score,
          CASE WHEN d.title_key = ${key} THEN 0
            WHEN substr(d.title_key, 1, length(${key})) = ${key} THEN 1
            WHEN ${sql.join(words, sql` AND `)} THEN 2
            ELSE 3 END AS tier
        FROM (
          SELECT id, min(score) AS score FROM (
            SELECT search_fts.rowid AS id, bm25(search_fts, 10.0, 1.0) AS score
            FROM search_fts WHERE search_fts MATCH ${match} ${window}
            UNION ALL
            SELECT id, NULL FROM (${titled})
          ) GROUP BY id
        ) AS c JOIN search_doc d ON d.id = c.id
        WHERE d.object IN (${objects}) ${restricted}
      ) AS ranked
      ORDER BY tier, CASE WHEN tier <= 1 THEN key_length END, score, id
      LIMIT ${request.limit}`.execute(this.db);
    return result.rows.map((row) => ({
      object: row.object,
      recordId: Number(row.record_id),
      title: row.title,
      match: MATCHES[row.tier] ?? 'other',
      rank: row.score === null ? 0 : -row.score,
    }));
  }

  searchIds(object: string, tokens: string[]) {
    return sql`SELECT d.record_id FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
      WHERE search_fts MATCH ${ftsMatch(tokens)} AND d.object = ${object}`;
  }

  containsIds(index: string, folded: string) {
    // The trigram tokenizer matches pieces of three characters or more; shorter ones match nothing.
    if ([...folded].length < 3) return null;
    const phrase = `"${folded.replaceAll('"', '""')}"`;
    return sql`SELECT rowid FROM ${sql.table(index)} WHERE ${sql.table(index)} MATCH ${phrase}`;
  }

  async listSource(table: string, alias: string, plan: ListPlan): Promise<ListSource> {
    const planned = await this.planner.access(table, plan);
    const read = (access: TableAccess): ListSource => {
      const source = sql`${sql.table(table)} AS ${sql.raw(alias)}`;
      if (!access) return { from: source, correlate: false };
      if ('byId' in access) return { from: sql`${source} NOT INDEXED`, correlate: false };
      // Walking the sort index meets a few rows per match: an IN (subquery) would first gather
      // every related id (all companies in Budapest: 40,000 row reads), a subquery per row
      // looks each up.
      const walks = access.index === plan.sortIndex || access.index === plan.ownerSortIndex;
      return { from: sql`${source} INDEXED BY ${sql.id(access.index)}`, correlate: walks };
    };
    const chosen = read(planned.access);
    if (!planned.walk) return chosen;
    // A few times the estimate, within bounds: a walk that costs little more than a sort, at worst.
    const rows = Math.min(MAX_WALK_ROWS, Math.max(MIN_WALK_ROWS, Math.ceil(4 * planned.walk.rows)));
    return { ...chosen, walk: { rows, otherwise: read(planned.walk.otherwise) } };
  }

  isUniqueViolation(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  /** SQLite has no exclusion constraints: each declared conflict's check keeps what PostgreSQL's would. */
  isExclusionViolation(_error: unknown): boolean {
    return false;
  }

  isTransientConflict(_error: unknown): boolean {
    return false;
  }

  /** The database is a file inside the process: it cannot go away on its own. */
  isUnavailable(_error: unknown): boolean {
    return false;
  }

  /** SQLite's message names the columns of a unique violation, never the index. */
  violatedConstraint(_error: unknown): string | null {
    return null;
  }

  async databaseSize(): Promise<number> {
    const pageCount = Number(this.database.pragma('page_count', { simple: true }));
    const pageSize = Number(this.database.pragma('page_size', { simple: true }));
    return pageCount * pageSize;
  }

  connections(): ConnectionUse {
    return { open: 1, idle: this.database.inTransaction ? 0 : 1, waiting: 0, max: 1 };
  }

  async snapshot(file: string, onProgress: (fraction: number) => void): Promise<SnapshotFormat> {
    await sqliteSnapshot(this.database, file, onProgress);
    return 'sqlite';
  }

  async restoreSnapshot(snapshot: string, format: SnapshotFormat): Promise<void> {
    if (format !== 'sqlite') throw new Error(`a ${format} snapshot cannot be restored into SQLite`);
    await sqliteRestore(this.database.name, snapshot);
  }

  /** SQLite defers every foreign key to the commit on request; AUTOINCREMENT follows max(id) itself. */
  async bulkLoad(work: (trx: Tx) => Promise<void>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
      await work(trx);
    });
  }

  /** The backup API replaces every page in one transaction: nothing to clear beforehand. */
  async clearForRestore(): Promise<void> {}
}

/** `tier` of the search query → how the document matched. */
const MATCHES: ReadonlyArray<SearchMatch> = ['exact', 'prefix', 'word', 'other'];

/**
 * Tokens hold only letters and digits (searchTokens), so quoting them is enough; the last
 * token is still being typed, hence its prefix match.
 */
function ftsMatch(tokens: string[]): string {
  return tokens.map((token, index) => `"${token}"${index === tokens.length - 1 ? '*' : ''}`).join(' ');
}
