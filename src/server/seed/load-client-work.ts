import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { codes } from './client-details.ts';
import { clientWork, workClients } from './generator/client-work.ts';
import type { DatasetSize } from './generator/context.ts';
import type { ActivityRow, ClientWork } from './generator/rows.ts';
import { auditUntil, type Item, idAt, idsAt, insertRecords, type WorkHistory } from './insert-records.ts';

export type { WorkHistory } from './insert-records.ts';

/** Companies whose work goes in one transaction: a few thousand rows of each table. */
const COMPANIES_PER_TRANSACTION = 500;

export interface ClientWorkOptions {
  seed: number;
  size: DatasetSize;
  referenceDate: string;
  /** When the load runs: no record says it was written later than this. */
  at: string;
  /** Database ids by the generator's company, person and employee indexes. */
  companyIds: readonly number[];
  personIds: readonly number[];
  employeeIds: readonly number[];
  /** What history the records come with; default `fields` (see WorkHistory). */
  history?: WorkHistory;
  onProgress?: (message: string) => void;
}

export interface ClientWorkCounts {
  cases: number;
  stages: number;
  activities: number;
  notes: number;
}

type Dictionaries = (dictionary: string, code: string | null) => number | null;

async function dictionaries(dialect: Dialect): Promise<Dictionaries> {
  const names = [
    'case_status',
    'case_type',
    'case_priority',
    'case_stage_kind',
    'next_action_type',
    'activity_type',
  ];
  const maps = new Map(
    await Promise.all(names.map(async (name) => [name, await codes(dialect, name)] as const)),
  );
  return (dictionary, code) => {
    if (code === null) return null;
    const id = maps.get(dictionary)?.get(code);
    if (id === undefined) throw new Error(`The standard value ${dictionary}:${code} is missing`);
    return id;
  };
}

/** How many activities come before this one in its chain: 0 for the first. */
function chainDepth(activities: readonly ActivityRow[], number: number): number {
  let depth = 0;
  let previous = activities[number]?.previous_number ?? null;
  while (previous !== null) {
    depth++;
    previous = activities[previous]?.previous_number ?? null;
  }
  return depth;
}

/**
 * The demo's cases (with stages and watchers), activities (with participants and follow-up
 * chains) and notes, straight to the tables like the rest of the seed, with the history and
 * search documents the engine would have written: each client's file shows them, search finds
 * cases by topic. Deterministic per seed; streamed a few hundred companies at a time.
 */
export async function loadClientWork(
  dialect: Dialect,
  registry: MetadataRegistry,
  options: ClientWorkOptions,
): Promise<ClientWorkCounts> {
  const counts: ClientWorkCounts = { cases: 0, stages: 0, activities: 0, notes: 0 };
  if (workClients(options.size) === 0) return counts;
  const definition = (key: string): ObjectDefinition => {
    const found = registry.get(key);
    if (!found) throw new Error(`unknown object ${key}`);
    return found;
  };
  const objects = {
    case: definition('case'),
    stage: definition('case_stage'),
    activity: definition('activity'),
    note: definition('note'),
  };
  const dictionary = await dictionaries(dialect);
  const history = options.history ?? 'fields';
  const employee = (index: number | null) => idAt(options.employeeIds, index);
  const { until, audit } = auditUntil(options.at);

  const write = async (trx: Tx, batch: readonly ClientWork[]) => {
    const companyOf = (work: ClientWork) => {
      const companyId = options.companyIds[work.company_index];
      if (companyId === undefined) throw new Error(`company ${work.company_index} was not loaded`);
      return companyId;
    };

    const caseItems: Item[] = [];
    for (const work of batch) {
      const companyId = companyOf(work);
      for (const c of work.cases) {
        caseItems.push({
          row: {
            topic: c.topic,
            company_id: companyId,
            contact_id: idAt(options.personIds, c.contact_index),
            lead_id: employee(c.lead_index),
            status_id: dictionary('case_status', c.status_code),
            type_id: dictionary('case_type', c.type_code),
            priority_id: dictionary('case_priority', c.priority_code),
            opened_on: c.opened_on,
            due_on: c.due_on,
            closed_on: c.closed_on,
            result: c.result,
            next_action_type_id: dictionary('next_action_type', c.next_action_type_code),
            next_action_date: c.next_action_date,
            description: c.description,
            ...audit(c.created_at, c.updated_at),
          },
          members: { watchers: idsAt(options.employeeIds, c.watcher_indexes) },
          companyId,
          at: until(c.created_at),
        });
      }
    }
    const caseIds = await insertRecords(trx, dialect, objects.case, caseItems, history);
    // Each company's case numbers as ids.
    const casesOf: number[][] = [];
    let next = 0;
    for (const work of batch) {
      casesOf.push(work.cases.map(() => caseIds[next++] ?? 0));
    }

    const stageItems: Item[] = [];
    batch.forEach((work, w) => {
      const companyId = companyOf(work);
      work.cases.forEach((c, number) => {
        for (const stage of c.stages) {
          stageItems.push({
            row: {
              case_id: casesOf[w]?.[number],
              at: stage.at,
              by_id: employee(stage.by_index),
              kind_id: dictionary('case_stage_kind', stage.kind_code),
              note: stage.note,
              next_action_type_id: dictionary('next_action_type', stage.next_action_type_code),
              next_action_date: stage.next_action_date,
              ...audit(stage.at),
            },
            companyId,
            at: until(stage.at),
          });
        }
      });
    });
    await insertRecords(trx, dialect, objects.stage, stageItems, history);

    // A follow-up names the activity before it, so chains go in by depth: the first activities
    // of every chain, then their follow-ups, and so on.
    const activitiesOf: number[][] = batch.map((work) => work.activities.map(() => 0));
    const depths = batch.map((work) => work.activities.map((_, n) => chainDepth(work.activities, n)));
    const deepest = Math.max(0, ...depths.flat());
    for (let depth = 0; depth <= deepest; depth++) {
      const items: Item[] = [];
      const places: Array<[work: number, number: number]> = [];
      batch.forEach((work, w) => {
        const companyId = companyOf(work);
        work.activities.forEach((a, number) => {
          if (depths[w]?.[number] !== depth) return;
          places.push([w, number]);
          items.push({
            row: {
              type_id: dictionary('activity_type', a.type_code),
              title: a.title,
              starts_at: a.starts_at,
              ends_at: a.ends_at,
              all_day: dialect.encodeBoolean(a.all_day),
              company_id: companyId,
              case_id: a.case_number === null ? null : (casesOf[w]?.[a.case_number] ?? null),
              organiser_id: employee(a.organiser_index),
              status: a.status,
              outcome: a.outcome,
              previous_id: a.previous_number === null ? null : (activitiesOf[w]?.[a.previous_number] ?? null),
              ...audit(a.created_at, a.updated_at),
            },
            members: {
              participants: idsAt(options.personIds, a.person_indexes),
              employees: idsAt(options.employeeIds, a.employee_indexes),
            },
            companyId,
            at: until(a.created_at),
          });
        });
      });
      const inserted = await insertRecords(trx, dialect, objects.activity, items, history);
      places.forEach(([w, number], k) => {
        const list = activitiesOf[w];
        if (list) list[number] = inserted[k] ?? 0;
      });
    }

    const noteItems: Item[] = [];
    batch.forEach((work, w) => {
      const companyId = companyOf(work);
      for (const note of work.notes) {
        noteItems.push({
          row: {
            body: note.body,
            pinned: dialect.encodeBoolean(note.pinned),
            company_id: companyId,
            person_id: idAt(options.personIds, note.person_index),
            case_id: note.case_number === null ? null : (casesOf[w]?.[note.case_number] ?? null),
            activity_id: null,
            ...audit(note.created_at),
          },
          companyId,
          at: until(note.created_at),
        });
      }
    });
    await insertRecords(trx, dialect, objects.note, noteItems, history);

    counts.cases += caseItems.length;
    counts.stages += stageItems.length;
    counts.activities += batch.reduce((n, work) => n + work.activities.length, 0);
    counts.notes += noteItems.length;
  };

  let batch: ClientWork[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await dialect.db.transaction().execute((trx: Tx) => write(trx, current));
  };
  for (const work of clientWork(options.seed, options.size, undefined, undefined, {
    referenceDate: options.referenceDate,
  })) {
    batch.push(work);
    if (batch.length >= COMPANIES_PER_TRANSACTION) {
      await flush();
      options.onProgress?.(
        `cases: ${counts.cases}, activities: ${counts.activities}, notes: ${counts.notes}`,
      );
    }
  }
  await flush();
  options.onProgress?.(
    `cases: ${counts.cases} (${counts.stages} stages), activities: ${counts.activities}, notes: ${counts.notes}`,
  );
  return counts;
}
