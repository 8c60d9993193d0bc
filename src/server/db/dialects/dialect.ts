import type { Expression, Kysely, RawBuilder, Transaction } from 'kysely';
import type { SortLocale } from '../../../shared/text/collation-key.ts';
import { searchTokens } from '../../../shared/text/fold.ts';
import type { ColumnType } from '../../metadata/field-types/module.ts';
import type { SnapshotFormat } from './snapshots.ts';

/**
 * Tables are described by metadata at run time, so the query builder is typed loosely:
 * table and column names are strings checked against the metadata registry before they
 * reach Kysely, and values are `unknown` until the records layer decodes them.
 */
export type DynamicDatabase = Record<string, Record<string, unknown>>;
export type Db = Kysely<DynamicDatabase>;
export type Tx = Transaction<DynamicDatabase>;
/** Either the root connection or a transaction: every data function accepts both. */
export type Executor = Db | Tx;

export type DialectName = 'sqlite' | 'postgres';

/**
 * How a search document matched, best first: its whole title is the query, its title starts
 * with the query, every query word begins a word of its title, or the words were found in its
 * other search fields (a person through their company's e-mail domain, a city, a tax id).
 */
export type SearchMatch = 'exact' | 'prefix' | 'word' | 'other';

export interface SearchHit {
  object: string;
  recordId: number;
  title: string;
  match: SearchMatch;
  /** Text relevance among hits of the same `match` (higher is better); hits come best first. */
  rank: number;
}

/** What a list query knows about itself, for dialects that need to help their planner. */
export interface ListPlan {
  /** An index delivering rows in the requested order, usable for this query. */
  sortIndex: string | null;
  /** Top-level equality conditions: column and how many values it accepts. */
  equalities: Array<{ column: string; values: number }>;
  /**
   * An index on (owner, sort key) when every row has one owner (the row scope `own`): it
   * delivers exactly the reader's rows in order. A dialect that takes hints uses it.
   */
  ownerSortIndex?: string | null;
  /**
   * Top-level conditions `column IN (ids of related records)` from relation paths ("people
   * whose company's city is Gniezno"): `count(cap)` runs the related side and answers how many
   * ids it holds, at most `cap`. A dialect that steers its planner asks only when it must choose.
   */
  drivers?: Array<{
    column: string;
    count: (cap: number) => Promise<number>;
    /** The count is of this table's rows (an equality), not of related ids. */
    countsRows?: boolean;
  }>;
}

/** The FROM of a list query, as the dialect plans it. */
export interface ListSource {
  from: RawBuilder<unknown>;
  /**
   * The plan walks an index through the table: conditions on related records and search
   * indexes are best checked per row (EXISTS) than gathered as whole sets first.
   */
  correlate: boolean;
  /**
   * The plan walks the sort index hoping the matches are spread along it: read at most `rows`
   * of it, and if those hold too few matches for the page, read `otherwise` (which sorts
   * the matches). Matches bunched late in the sort order (a city's companies sorted by city
   * name, people of a Hungarian town in Polish order) would otherwise make the walk read
   * most of the table.
   */
  walk?: { rows: number; otherwise: ListSource };
}

export interface SearchRequest {
  /**
   * Tokens already folded with `foldText`; the last one is matched as a prefix. Hits are ordered
   * by `SearchMatch` first (title matches above the rest), then by relevance.
   */
  tokens: string[];
  objects: string[];
  /**
   * A further condition on the search document aliased `d` (its `object` and `record_id`):
   * the reader's row scope per object, checked on the window's matches. Null: every document
   * of `objects`.
   */
  restriction: RawBuilder<unknown> | null;
  limit: number;
  /**
   * Rank only the newest `window` matches (null: all). Ranking every match of a short prefix
   * over millions of records takes hundreds of milliseconds; a user who gets too many hits
   * types one more letter. Up to `window` documents whose title starts with the query are
   * ranked besides, however old: they come from the title key's index, not from the matches.
   */
  window: number | null;
}

/**
 * A title as `search_doc.title_key` stores it: its folded words joined by one space, so the
 * query's tokens joined the same way compare with it directly ("kowalski sp" starts
 * "kowalski sp z o o").
 */
export function titleKey(title: string): string {
  return searchTokens(title).join(' ');
}

/**
 * The title keys that start with the query's tokens are those in [key, above): nothing that
 * starts with `key` sorts after it followed by the highest code point (bytewise in UTF-8, as
 * the index on `title_key` compares).
 */
const CHANNEL = /^[a-z][a-z0-9_]{0,62}$/;

/** A signal channel's name, checked: it is spliced into LISTEN, which takes no parameters. */
export function checkedChannel(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`invalid signal channel ${JSON.stringify(channel)}`);
  return channel;
}

export function titleKeyRange(tokens: string[]): { key: string; above: string } {
  const key = tokens.join(' ');
  return { key, above: `${key}\u{10FFFF}` };
}

/**
 * Everything that differs between SQLite and PostgreSQL. No file outside
 * `db/dialects/` (and the frozen migrations) may branch on the dialect.
 */
export interface Dialect {
  readonly name: DialectName;
  /**
   * The database keeps exclusion constraints (PostgreSQL): an object's declared conflicts are
   * refused by it, even between two writers at the same moment. Without them (SQLite, one
   * writer at a time) the engine runs each conflict's own check inside the write instead.
   */
  readonly exclusionConstraints: boolean;
  readonly db: Db;
  /** Closes the pool / file handle. */
  close(): Promise<void>;
  /**
   * Keeps the planner's statistics current as tables grow (run hourly). The SQLite list
   * planner reads them to choose between the sort index and sorting the matches.
   */
  refreshStatistics(): Promise<void>;

  /** An expression that orders text in the reader's alphabet; used by ORDER BY and keyset cursors. */
  collated(expression: Expression<unknown>, locale: SortLocale): RawBuilder<unknown>;
  /** The same normalisation as `foldText` in SQL, for case- and accent-insensitive matching. */
  folded(expression: Expression<unknown>): RawBuilder<string>;
  /**
   * A `containsIndexes` field's folded text is stored beside it (`<column>_folded`, a generated
   * column that its trigram index covers), so `contains` compares it without folding every row
   * it reads again (PostgreSQL, where kt_fold costs tens of microseconds a row). SQLite keeps
   * the folded text in its FTS5 trigram table instead.
   */
  readonly foldedColumns: boolean;

  /**
   * The column types (as the database reports them) that hold each engine column type, for the
   * check that tables match the object declarations.
   */
  readonly storedTypes: Readonly<Record<ColumnType, readonly string[]>>;

  /** Booleans: SQLite stores 0/1, PostgreSQL has a real type. */
  encodeBoolean(value: boolean): boolean | number;
  decodeBoolean(value: unknown): boolean | null;

  /** Replaces the search document of one record (inside the caller's transaction). */
  upsertSearchDocument(
    executor: Executor,
    doc: { object: string; recordId: number; title: string; text: string },
  ): Promise<void>;
  /** Bulk load for freshly inserted records that have no search document yet (seeding). */
  insertSearchDocuments(
    executor: Executor,
    docs: Array<{ object: string; recordId: number; title: string; text: string }>,
  ): Promise<void>;
  deleteSearchDocument(executor: Executor, object: string, recordId: number): Promise<void>;
  /** The search documents of many records of one object at once (a bulk action's batch). */
  deleteSearchDocuments(executor: Executor, object: string, recordIds: readonly number[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchHit[]>;

  /**
   * Appended to the SELECT that picks rows to claim (jobs, outbox events): PostgreSQL skips
   * rows another instance is claiming; SQLite has a single writer, so it needs nothing.
   */
  readonly skipLocked: RawBuilder<unknown>;
  /**
   * Appended to a SELECT of rows a transaction is about to change from what it read (a bulk
   * action's batch): PostgreSQL locks them so no other writer slips in between; SQLite's one
   * writer needs nothing.
   */
  readonly lockRows: RawBuilder<unknown>;
  /**
   * The aggregate of an id column as text, ids separated by commas in no particular order
   * (null over no rows): a short list read with its row in one query.
   */
  idList(column: string): RawBuilder<string | null>;
  /**
   * `expression` is one of `values` (at least one). PostgreSQL takes the list as one array
   * parameter (`= ANY($1)`): one statement text whatever the length, prepared once per
   * connection, where an IN list of 500 was parsed and planned anew each time; SQLite an IN list.
   */
  inList(expression: Expression<unknown>, values: readonly unknown[]): RawBuilder<boolean>;
  /**
   * A condition on `outbox_event` rows, to be used in a later statement of the same (read
   * committed) transaction: their transaction, and every one before it, has finished, so no
   * event can still appear below them (ADR 0011). PostgreSQL: below the oldest transaction
   * still running in this database now — measured in a statement of its own, so the statement
   * that reads the events takes its snapshot after and sees every transaction below it. SQLite
   * has one writer: always.
   */
  settledEvents(executor: Executor): Promise<RawBuilder<boolean>>;
  /**
   * Wakes `listen`ers of `channel` in every instance on this database (PostgreSQL NOTIFY;
   * SQLite: this process, the only one). A hint, not a message bus: a signal may be lost (a
   * dropped connection), so listeners read what changed from the database. Channel names are
   * lower-case identifiers.
   */
  signal(channel: string, payload: string): Promise<void>;
  /** Calls `listener` for every signal on `channel`; the returned function stops listening. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  /** Search-index restriction for list quick search: `id IN (…)` matching all tokens. */
  searchIds(object: string, tokens: string[]): RawBuilder<unknown>;
  /**
   * Ids of the live rows whose folded text in a `containsIndexes` field holds `folded`, from
   * its trigram index `index` — when the dialect needs that said (SQLite's FTS5 table);
   * null where `kt_fold(column) LIKE` finds the index by itself (PostgreSQL's pg_trgm) or the
   * text is too short for trigrams.
   */
  containsIds(index: string, folded: string): RawBuilder<unknown> | null;

  /**
   * The FROM clause of a list query. SQLite's planner does not weigh LIMIT: given an equality
   * filter on an indexed column it sorts every matching row, even when walking the sort index
   * would find 50 rows at once; this is where a dialect may steer it.
   */
  listSource(table: string, alias: string, plan: ListPlan): Promise<ListSource>;

  /** True when the error is a unique-constraint violation (turned into 409 by the engine). */
  isUniqueViolation(error: unknown): boolean;
  /**
   * True when the error is an exclusion-constraint violation (PostgreSQL 23P01: two rows whose
   * ranges must not overlap). SQLite has no exclusion constraints: never.
   */
  isExclusionViolation(error: unknown): boolean;
  /**
   * The name of the constraint a failed statement violated (unique or exclusion), when the
   * database says it; an object's declared `conflicts` are found by it. SQLite names no
   * constraint: what an object declares there is kept by the conflict's own check (`conflictFound`).
   */
  violatedConstraint(error: unknown): string | null;
  /**
   * True when the database gave up on a transaction only because of another one running at
   * the same moment (PostgreSQL: a deadlock, which two inserts checking one exclusion
   * constraint can cause, or a serialization failure): running it again is the answer. SQLite
   * runs one writer at a time: never.
   */
  isTransientConflict(error: unknown): boolean;

  /**
   * The database could not be reached or went away mid-request (restart, failover, refused
   * connections): the request may be tried again shortly, it is not a fault of the server.
   */
  isUnavailable(error: unknown): boolean;

  /** Database size in bytes, for health and benchmark reports. */
  databaseSize(): Promise<number>;

  /** How the connections are used at this moment (metrics). */
  connections(): ConnectionUse;

  /**
   * A consistent copy of the whole database in `file`, taken while others keep writing, in the
   * dialect's native format (snapshots.ts). Throws SnapshotToolMissing when the tool it needs
   * (pg_dump) is not installed.
   */
  snapshot(file: string, onProgress: (fraction: number) => void): Promise<SnapshotFormat>;
  /**
   * Replaces the database's contents with a snapshot of this dialect. Nothing else may use the
   * database meanwhile (the server is stopped); PostgreSQL's schema must be empty.
   */
  restoreSnapshot(snapshot: string, format: SnapshotFormat): Promise<void>;
  /**
   * Loads whole tables with their ids in one transaction (`kartoteka copy`): foreign keys are
   * checked once at the end rather than row by row, so tables and rows may come in any order,
   * and afterwards each table's id sequence is moved past its largest id.
   */
  bulkLoad(work: (trx: Tx) => Promise<void>): Promise<void>;
  /** Makes way for `restoreSnapshot` (PostgreSQL: drops every table; data is lost). */
  clearForRestore(): Promise<void>;
}

export type { SnapshotFormat } from './snapshots.ts';

export interface ConnectionUse {
  /** Open connections: PostgreSQL's pool; SQLite has its one. */
  open: number;
  idle: number;
  /** Queries waiting for a connection (a pool too small for the load). */
  waiting: number;
  max: number;
}
