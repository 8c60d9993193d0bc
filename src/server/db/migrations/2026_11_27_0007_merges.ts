import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/** Indexes of the duplicate rules (src/server/modules/duplicates/rules.ts). */
const LOOKUP_INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['company_by_name_key', 'company', ['name_key']],
  ['person_by_name_key', 'person', ['name_key', 'company_id']],
  ['company_by_phone', 'company', ['phone']],
  ['company_by_regon', 'company', ['regon']],
  ['company_by_krs', 'company', ['krs']],
  ['company_by_eu_vat', 'company', ['eu_vat']],
  ['person_by_phone', 'person', ['phone']],
  ['person_by_mobile', 'person', ['mobile']],
];
const EMAIL_INDEXES: Array<[name: string, table: string]> = [
  ['company_by_email', 'company'],
  ['person_by_email', 'person'],
];

/**
 * Duplicates and merges.
 *
 * - `name_key` on company and person: the name reduced to what tells records apart (folded,
 *   without punctuation, for companies without the legal form), which the engine keeps on every
 *   write (the objects' `derivedColumns`). "Similar name in the same city" is then an index
 *   probe among a million companies. Existing rows are filled here with a frozen copy of the
 *   key functions (`src/shared/text/name-key.ts` on 2026-11-27): a later change of those
 *   functions needs a migration that recomputes the keys.
 * - Indexes for the other duplicate rules: e-mails compared without case (`lower(email)`; the
 *   e-mail check admits ASCII only, so `lower()` agrees on both dialects), phones (E.164) and
 *   registry numbers (digits). `company.tax_id` and `person.company_id` have theirs already.
 * - `record_merge`: the merge log. Who merged which record into which, the kept record's values
 *   before and after, and every reference that was moved, so a merge can be undone exactly.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  const json = sql.raw(t.json);

  for (const table of ['company', 'person']) {
    await db.schema.alterTable(table).addColumn('name_key', 'text').execute();
  }
  await fillNameKeys(db);

  // Named `<table>_by_<column>`, apart from table names (`company_phone` is a table).
  for (const [name, table, columns] of LOOKUP_INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  for (const [name, table] of EMAIL_INDEXES) {
    await sql`CREATE INDEX ${sql.raw(name)} ON ${sql.table(table)} (lower(email))`.execute(db);
  }

  await withId(db, db.schema.createTable('record_merge'))
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('kept_id', id, (c) => c.notNull())
    .addColumn('merged_id', id, (c) => c.notNull())
    .addColumn('merged_at', instant, (c) => c.notNull())
    .addColumn('merged_by', id, (c) => c.references('user_account.id'))
    // The kept record's values of the fields the merge set: before (restored by undo) and after.
    .addColumn('kept_before', json, (c) => c.notNull())
    .addColumn('kept_after', json, (c) => c.notNull())
    // The merged record's values when merged: undo gives it back exactly so.
    .addColumn('merged_before', json, (c) => c.notNull())
    // [{object, field, recordId, kind: 'relation' | 'membership', hadKept}]: what undo moves back.
    .addColumn('moved', json, (c) => c.notNull())
    .addColumn('undone_at', instant)
    .addColumn('undone_by', id, (c) => c.references('user_account.id'))
    .execute();
  await db.schema.createIndex('record_merge_object').on('record_merge').columns(['object', 'id']).execute();
  await db.schema
    .createIndex('record_merge_kept')
    .on('record_merge')
    .columns(['object', 'kept_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('record_merge').execute();
  for (const [index] of [...LOOKUP_INDEXES, ...EMAIL_INDEXES]) {
    await db.schema.dropIndex(index).execute();
  }
  for (const table of ['company', 'person']) {
    await db.schema.alterTable(table).dropColumn('name_key').execute();
  }
}

/** Computes `name_key` of every company and person (exported for its test). */
export async function fillNameKeys(db: MigrationDb): Promise<void> {
  await backfill(db, 'company', ['name'], (row) => companyNameKey(row.name));
  await backfill(db, 'person', ['first_name', 'last_name'], (row) =>
    personNameKey(row.first_name, row.last_name),
  );
}

const BATCH = 500;

/** Fills `name_key` for every row, `BATCH` rows per statement, in id order. */
async function backfill(
  db: MigrationDb,
  table: string,
  columns: string[],
  key: (row: Record<string, unknown>) => string | null,
): Promise<void> {
  const idType = sql.raw(columnTypes(db).id);
  let after = 0;
  for (;;) {
    const rows = await sql<Record<string, unknown>>`SELECT id, ${sql.join(columns.map((c) => sql.ref(c)))}
      FROM ${sql.table(table)} WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db);
    const last = rows.rows.at(-1);
    if (!last) return;
    after = Number(last.id);
    const values = rows.rows.map((row) => sql`(CAST(${Number(row.id)} AS ${idType}), ${key(row)})`);
    await sql`WITH keyed (id, name_key) AS (VALUES ${sql.join(values)})
      UPDATE ${sql.table(table)} SET name_key = keyed.name_key FROM keyed
      WHERE ${sql.ref(`${table}.id`)} = keyed.id`.execute(db);
  }
}

// ---------------------------------------------------------------------------------------------
// Frozen copy of foldText (src/shared/text/fold.ts, fold-table.ts) and of the name keys
// (src/shared/text/name-key.ts) as of 2026-11-27. A test checks that they still agree.
// ---------------------------------------------------------------------------------------------

const FOLD_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['AÀÁÂÃÄÅàáâãäåĀāĂăĄą', 'a'],
  ['Ææ', 'ae'],
  ['B', 'b'],
  ['CÇçĆćĈĉĊċČč', 'c'],
  ['DÐðĎďĐđ', 'd'],
  ['EÈÉÊËèéêëĒēĔĕĖėĘęĚě', 'e'],
  ['F', 'f'],
  ['GĜĝĞğĠġĢģ', 'g'],
  ['HĤĥĦħ', 'h'],
  ['IÌÍÎÏìíîïĨĩĪīĬĭĮįİı', 'i'],
  ['Ĳĳ', 'ij'],
  ['JĴĵ', 'j'],
  ['KĶķĸ', 'k'],
  ['LĹĺĻļĽľĿŀŁł', 'l'],
  ['M', 'm'],
  ['NÑñŃńŅņŇňŉŊŋ', 'n'],
  ['OÒÓÔÕÖØòóôõöøŌōŎŏŐő', 'o'],
  ['Œœ', 'oe'],
  ['P', 'p'],
  ['Q', 'q'],
  ['RŔŕŖŗŘř', 'r'],
  ['SŚśŜŝŞşŠšſȘș', 's'],
  ['ßẞ', 'ss'],
  ['TŢţŤťŦŧȚț', 't'],
  ['Þþ', 'th'],
  ['UÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų', 'u'],
  ['V', 'v'],
  ['WŴŵ', 'w'],
  ['X', 'x'],
  ['YÝýÿŶŷŸ', 'y'],
  ['ZŹźŻżŽž', 'z'],
];
const FOLD_MAP = new Map(FOLD_GROUPS.flatMap(([letters, folded]) => [...letters].map((l) => [l, folded])));

function fold(input: string): string {
  let folded = '';
  for (const character of input) {
    const mapped = FOLD_MAP.get(character);
    if (mapped !== undefined) folded += mapped;
    else if (character.charCodeAt(0) < 0x80) folded += character.toLowerCase();
    else
      for (const part of character
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''))
        folded += FOLD_MAP.get(part) ?? part;
  }
  return folded;
}

function words(input: unknown): string[] {
  return typeof input === 'string'
    ? fold(input)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
    : [];
}

const LEGAL_FORMS = new Set(
  (
    'spzoo spolkazograniczonaodpowiedzialnoscia sa spolkaakcyjna psa prostaspolkaakcyjna spj sj ' +
    'spolkajawna spk spolkakomandytowa ska spka spolkakomandytowoakcyjna spp spolkapartnerska sc ' +
    'spolkacywilna wlikwidacji wupadlosci kft korlatoltfelelossegutarsasag zrt ' +
    'zartkoruenmukodoreszvenytarsasag nyrt nyilvanosanmukodoreszvenytarsasag rt reszvenytarsasag ' +
    'bt betetitarsasag kkt kozkeresetitarsasag ev egyenivallalkozo kht nonprofit va ' +
    'vegelszamolasalatt fa felszamolasalatt ltd limited llc llp lp plc inc incorporated corp ' +
    'corporation co company pty inliquidation gmbh ag kg kgaa ohg gbr ug se sas sasu sarl snc sca ' +
    'srl sl spa sro spol as doo dd bv nv ab oy oyj aps'
  ).split(' '),
);
const CONNECTORS = new Set(['i', 'es', 'and', 'und', 'et']);

function legalFormTail(name: string[]): number {
  for (let count = Math.min(6, name.length - 1); count >= 1; count--) {
    if (LEGAL_FORMS.has(name.slice(name.length - count).join(''))) return count;
  }
  return 0;
}

export function companyNameKey(name: unknown): string | null {
  const kept = words(name);
  let stripped = legalFormTail(kept);
  while (stripped > 0) {
    kept.splice(kept.length - stripped, stripped);
    while (kept.length > 1 && CONNECTORS.has(kept.at(-1) ?? '')) kept.pop();
    stripped = legalFormTail(kept);
  }
  const key = kept.join('').slice(0, 200);
  return key === '' ? null : key;
}

export function personNameKey(firstName: unknown, lastName: unknown): string | null {
  const parts = [firstName, lastName]
    .map((part) => words(part).join(''))
    .filter((part) => part !== '')
    .sort();
  const key = parts.join(' ').slice(0, 200);
  return key === '' ? null : key;
}
