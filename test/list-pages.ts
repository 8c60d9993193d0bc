import { sql } from 'kysely';
import type { Db } from '../src/server/db/dialects/dialect.ts';
import type { ListRequest, ListResult } from '../src/server/records/reader.ts';

/** Rows written straight to a table, 500 a statement, then ANALYZE: a big list's statistics. */
export async function insertAndAnalyze(
  db: Db,
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
  await sql`ANALYZE`.execute(db);
}

/** Every page of a list (or the pages up to `until` items), following its cursor, each item mapped. */
export async function everyPage<T>(
  list: (request: ListRequest) => Promise<ListResult>,
  request: ListRequest,
  map: (item: ListResult['items'][number]) => T,
  until = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ListResult = await list({ ...request, cursor });
    seen.push(...page.items.map(map));
    cursor = seen.length < until ? page.nextCursor : null;
  } while (cursor);
  return seen;
}

/** Record audit columns for rows written straight to a table. */
export function stamps(): { created_at: string; updated_at: string; version: number } {
  const at = new Date().toISOString();
  return { created_at: at, updated_at: at, version: 1 };
}
