import { sql } from 'kysely';
import { columnTypes, isPostgres, type MigrationDb } from './ddl.ts';

/**
 * Search ranks a record's own title above matches elsewhere (a person found through the
 * company domain of their e-mail comes after the companies named so):
 *
 * - `search_doc.title_key`: the title's folded words joined by one space ("Kowalski Sp. z
 *   o.o." → "kowalski sp z o o"). An exact title is `title_key = q`, a title prefix is a range
 *   scan of its index, found among a million documents however many other matches a short
 *   prefix has. On PostgreSQL the column sorts bytewise (`COLLATE "C"`), so the range is a plain
 *   index range whatever the database's collation.
 * - Company and person groups become searchable by name (their declarations gained
 *   `searchFields`); the groups that exist get their search documents here.
 *
 * Existing titles are keyed with the database's `kt_fold` and a frozen copy of the word split
 * of `searchTokens` (src/shared/text/fold.ts on 2026-11-28).
 */
export async function up(db: MigrationDb): Promise<void> {
  const collate = isPostgres(db) ? sql` COLLATE "C"` : sql``;
  await sql`ALTER TABLE search_doc ADD COLUMN title_key text${collate} NOT NULL DEFAULT ''`.execute(db);
  await fillTitleKeys(db);
  await db.schema.createIndex('search_doc_title_key').on('search_doc').column('title_key').execute();
  await indexGroups(db);
}

export async function down(db: MigrationDb): Promise<void> {
  for (const [object] of GROUPS) {
    if (isPostgres(db)) await sql`DELETE FROM search_doc WHERE object = ${object}`.execute(db);
    else {
      await sql`DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE object = ${object})`.execute(
        db,
      );
      await sql`DELETE FROM search_doc WHERE object = ${object}`.execute(db);
    }
  }
  await db.schema.dropIndex('search_doc_title_key').execute();
  await db.schema.alterTable('search_doc').dropColumn('title_key').execute();
}

const GROUPS: ReadonlyArray<readonly [object: string, table: string]> = [
  ['company_group', 'company_group'],
  ['person_group', 'person_group'],
];

const BATCH = 500;
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Folded text → its words joined by one space (frozen `searchTokens(…).join(' ')`). */
function wordsOf(folded: string): string {
  return folded
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0)
    .join(' ');
}

export async function fillTitleKeys(db: MigrationDb): Promise<void> {
  const idType = sql.raw(columnTypes(db).id);
  let after = 0;
  for (;;) {
    const rows = await sql<{ id: number | string; folded: string | null }>`
      SELECT id, kt_fold(title) AS folded FROM search_doc WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(
      db,
    );
    const last = rows.rows.at(-1);
    if (!last) return;
    after = Number(last.id);
    const values = rows.rows.map(
      (row) => sql`(CAST(${Number(row.id)} AS ${idType}), ${wordsOf(row.folded ?? '')})`,
    );
    await sql`WITH keyed (id, title_key) AS (VALUES ${sql.join(values)})
      UPDATE search_doc SET title_key = keyed.title_key FROM keyed WHERE search_doc.id = keyed.id`.execute(
      db,
    );
  }
}

/** The search documents of live groups, as the records engine writes them (title: the name). */
export async function indexGroups(db: MigrationDb): Promise<void> {
  for (const [object, table] of GROUPS) await indexGroupsOf(db, object, table);
}

async function indexGroupsOf(db: MigrationDb, object: string, table: string): Promise<void> {
  const groups = await sql<{ id: number | string; name: string; folded: string | null }>`
    SELECT g.id, g.name, kt_fold(g.name) AS folded FROM ${sql.table(table)} AS g
    WHERE g.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM search_doc d WHERE d.object = ${object} AND d.record_id = g.id)
    ORDER BY g.id`.execute(db);
  for (const group of groups.rows) {
    const folded = group.folded ?? '';
    const words = wordsOf(folded);
    if (isPostgres(db)) {
      await sql`INSERT INTO search_doc (object, record_id, title, title_folded, body, title_key)
        VALUES (${object}, ${Number(group.id)}, ${group.name}, ${folded}, ${words}, ${words})`.execute(db);
      continue;
    }
    const inserted = await sql<{ id: number }>`INSERT INTO search_doc (object, record_id, title, title_key)
      VALUES (${object}, ${Number(group.id)}, ${group.name}, ${words}) RETURNING id`.execute(db);
    await sql`INSERT INTO search_fts (rowid, title, body)
      VALUES (${inserted.rows[0]?.id}, ${folded}, ${words})`.execute(db);
  }
}
