import { bulkInsert } from '../src/server/db/bulk-insert.ts';
import type { Dialect, Tx } from '../src/server/db/dialects/dialect.ts';
import type { MetadataRegistry } from '../src/server/metadata/registry.ts';
import { withDerivedColumns } from '../src/server/records/derived.ts';
import { codes } from '../src/server/seed/client-details.ts';

/** Where the data set remembers which company is the busy client (app_setting key). */
const SETTING = 'bench_busy_client';

/**
 * The busy client's timeline: 10,000 entries, of them 20 cases with 99 stages each, about 2,000
 * notes and the rest (about 6,000) activities. The target is a client with 10,000
 * entries; generated clients have a dozen, so one is written on purpose.
 */
export const BUSY_ENTRIES = 10_000;
const BUSY = { cases: 20, stagesPerCase: 99 } as const;

/** Entries are spread back from now, one every 3 hours (about three and a half years). */
const STEP_MS = 3 * 3600_000;

async function dictionaryId(dialect: Dialect, dictionary: string, code: string): Promise<number> {
  const id = (await codes(dialect, dictionary)).get(code);
  if (id === undefined) throw new Error(`the standard value ${dictionary}:${code} is missing`);
  return id;
}

/**
 * Writes one company with BUSY_ENTRIES timeline entries straight to the tables with the seed's
 * bulk insert (no history or search documents: the timeline reads neither for its own entries)
 * and remembers its id. Entries interleave in time, so every page mixes all four kinds, as a
 * real client's file does.
 */
export async function loadBusyClient(
  dialect: Dialect,
  registry: MetadataRegistry,
  at: string,
): Promise<number> {
  const derived = (key: string, row: Record<string, unknown>) => {
    const definition = registry.get(key);
    if (!definition) throw new Error(`unknown object ${key}`);
    return withDerivedColumns(dialect, definition, row);
  };
  const employee = await dialect.db
    .selectFrom('employee')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const employeeId = Number(employee.id);
  const ids = {
    active: await dictionaryId(dialect, 'company_status', 'active'),
    inProgress: await dictionaryId(dialect, 'case_status', 'in_progress'),
    call: await dictionaryId(dialect, 'case_stage_kind', 'call'),
    meeting: await dictionaryId(dialect, 'activity_type', 'meeting'),
  };
  const now = Date.parse(at);
  // Slot n of the timeline, newest first; each kind takes its own residues so none collide.
  const instant = (slot: number) => new Date(now - (slot + 1) * STEP_MS).toISOString();
  const audit = (when: string) => ({ created_at: when, updated_at: when, version: 1 });

  return dialect.db.transaction().execute(async (trx: Tx) => {
    const [companyId] = await bulkInsert(
      trx,
      dialect.name,
      'company',
      [
        derived('company', {
          name: 'Bench Busy Client S.A.',
          city: 'Łódź',
          country: 'PL',
          status_id: ids.active,
          account_manager_id: employeeId,
          ...audit(instant(BUSY_ENTRIES + 1)),
        }),
      ],
      { returning: true },
    );
    if (companyId === undefined) throw new Error('the busy client was not inserted');
    // Slots: 0..9,999; cases every 500th, stages and notes and activities in the rest.
    const caseRows = Array.from({ length: BUSY.cases }, (_, c) =>
      derived('case', {
        topic: `Busy case ${c + 1}`,
        company_id: companyId,
        lead_id: employeeId,
        status_id: ids.inProgress,
        opened_on: instant(BUSY_ENTRIES - c * 500 - 1).slice(0, 10),
        ...audit(instant(BUSY_ENTRIES - c * 500 - 1)),
      }),
    );
    const caseIds = await bulkInsert(trx, dialect.name, 'client_case', caseRows, { returning: true });
    const slots: number[] = [];
    for (let slot = 0; slot < BUSY_ENTRIES; slot++)
      if ((BUSY_ENTRIES - slot - 1) % 500 !== 0) slots.push(slot);
    // Of the 9,980 other slots: every fifth a stage (1,980), every fifth + 1 a note (2,000), the rest activities.
    const stages: Record<string, unknown>[] = [];
    const notes: Record<string, unknown>[] = [];
    const activities: Record<string, unknown>[] = [];
    slots.forEach((slot, k) => {
      const when = instant(slot);
      const caseId = caseIds[k % BUSY.cases] ?? null;
      if (k % 5 === 0 && stages.length < BUSY.cases * BUSY.stagesPerCase) {
        stages.push(
          derived('case_stage', {
            case_id: caseId,
            at: when,
            by_id: employeeId,
            kind_id: ids.call,
            note: `Call ${k}`,
            ...audit(when),
          }),
        );
      } else if (k % 5 === 1) {
        notes.push(
          derived('note', {
            body: `Note ${k} about the client`,
            pinned: dialect.encodeBoolean(false),
            company_id: companyId,
            ...audit(when),
          }),
        );
      } else {
        activities.push(
          derived('activity', {
            type_id: ids.meeting,
            title: `Meeting ${k}`,
            starts_at: when,
            all_day: dialect.encodeBoolean(false),
            company_id: companyId,
            case_id: k % 3 === 0 ? caseId : null,
            organiser_id: employeeId,
            status: 'done',
            ...audit(when),
          }),
        );
      }
    });
    await bulkInsert(trx, dialect.name, 'case_stage', stages);
    await bulkInsert(trx, dialect.name, 'note', notes);
    await bulkInsert(trx, dialect.name, 'activity', activities);
    await trx
      .insertInto('app_setting')
      .values({ key: SETTING, value: String(companyId), updated_at: at })
      .execute();
    return companyId;
  });
}

/** The busy client's id in a built data set. */
export async function busyClientId(dialect: Dialect): Promise<number> {
  const row = await dialect.db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirst();
  if (!row) throw new Error('the bench data set has no busy client: rebuild it');
  return Number(row.value);
}
