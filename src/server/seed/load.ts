import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { installStandardDictionaries } from '../modules/dictionaries/install.ts';
import { withDerivedColumns, withoutComputedColumns } from '../records/derived.ts';
import { searchDocument } from '../records/search-index.ts';
import { loadClientDetails, nearDuplicateRows } from './client-details.ts';
import { loadClientFacts } from './client-facts.ts';
import {
  companies,
  companyGroupMemberships,
  companyGroups,
  type DatasetSize,
  employees,
  people,
  personGroupMemberships,
  personGroups,
} from './generator/generate.ts';
import { type OrganisationPlan, planOrganisation } from './generator/organisation.ts';
import type { EmployeeRow } from './generator/rows.ts';
import { loadClientWork, type WorkHistory } from './load-client-work.ts';
import { insertDepartments, linkHeadsAndManagers } from './load-organisation.ts';
import { loadPlanning } from './load-planning.ts';
import { loadTasks } from './load-tasks.ts';

export interface LoadOptions {
  seed: number;
  size: DatasetSize;
  referenceDate: string;
  /** Rows per INSERT statement; SQLite and PostgreSQL both take 500 × 25 parameters. */
  batchSize?: number;
  /** The history of the loaded cases, stages, activities, notes and tasks (default `fields`). */
  workHistory?: WorkHistory;
  onProgress?: (message: string) => void;
}

/** What the demo builds on after loading: the staff and their organisation, with database ids. */
export interface LoadedDataset {
  staff: EmployeeRow[];
  organisation: OrganisationPlan;
  /** By department index of `organisation`. */
  departmentIds: number[];
  /** By employee index of `staff`. */
  employeeIds: number[];
  /** Task register ids by the demo work group (WorkGroupKey) that reads them, once it exists. */
  workGroupRegisters: ReadonlyMap<string, readonly number[]>;
}

/**
 * The generator writes numbers as people read them (`+48 12 345 67 89`); the engine stores
 * phones in E.164 and tax ids as digits, so the demo rows get the stored forms. The generated
 * phones always carry their country code, so dropping the spaces is enough.
 */
function storedPhone(phone: string | null): string | null {
  return phone === null ? null : phone.replace(/[\s()-]/g, '');
}

/**
 * Loads a generated data set straight into the tables (bulk, not through the records engine:
 * a million companies would otherwise take an hour). Search documents are written alongside,
 * so search works at once; the clients' own history starts empty, as for imported data, while
 * the cases, activities and notes of the first clients (DatasetSize.caseClients…) come with
 * the history entries of their creation, dated when they happened (load-client-work.ts), and
 * so do the task registers and tasks (DatasetSize.tasks, load-tasks.ts) and the chain
 * templates, reminders (with their queued deliveries) and bookings (load-planning.ts).
 */
export async function loadDataset(
  dialect: Dialect,
  registry: MetadataRegistry,
  options: LoadOptions,
): Promise<LoadedDataset> {
  const batchSize = options.batchSize ?? 500;
  const at = new Date().toISOString();
  const audit = { created_at: at, updated_at: at, version: 1 };
  const progress = options.onProgress ?? (() => {});
  const definition = (key: string): ObjectDefinition => {
    const found = registry.get(key);
    if (!found) throw new Error(`unknown object ${key}`);
    return found;
  };

  // The standard values exist since the first start (installStandardDictionaries); rows refer to them by code.
  await installStandardDictionaries(dialect, at);
  const dictionaryIds = new Map<string, number>(
    (
      await dialect.db
        .selectFrom('dictionary_value')
        .select(['id', 'dictionary', 'code'])
        .where('deleted_at', 'is', null)
        .execute()
    ).map((row) => [`${row.dictionary}:${row.code}`, Number(row.id)]),
  );
  const dictionaryId = (dictionary: string, code: string) =>
    dictionaryIds.get(`${dictionary}:${code}`) ?? null;

  // Each department name the generator uses becomes a department, in a tree with heads and
  // managers (see planOrganisation): a few dozen rows even for the benchmark's staff.
  const staff = [...employees(options.seed, options.size)];
  const organisation = planOrganisation(staff);
  const departmentIds = await insertDepartments(dialect, organisation, audit);
  const departmentIdByName = new Map(organisation.departments.map((d, i) => [d.name, departmentIds[i]]));
  const employeeIds = await insertAll(
    dialect,
    definition('employee'),
    staff,
    ({ department, ...e }) => ({
      ...e,
      phone: storedPhone(e.phone),
      department_id: departmentIdByName.get(department) ?? null,
      active: dialect.encodeBoolean(e.active),
      ...audit,
    }),
    batchSize,
  );
  await linkHeadsAndManagers(dialect, organisation, departmentIds, employeeIds);
  progress(`employees: ${employeeIds.length}`);
  const companyGroupIds = await insertAll(
    dialect,
    definition('company_group'),
    companyGroups(options.seed, options.size),
    (g) => ({ ...g, ...audit }),
    batchSize,
  );
  const personGroupIds = await insertAll(
    dialect,
    definition('person_group'),
    personGroups(options.seed, options.size),
    (g) => ({ ...g, ...audit }),
    batchSize,
  );

  const companyIds = await insertAll(
    dialect,
    definition('company'),
    companies(options.seed, options.size, 0, options.size.companies, {
      referenceDate: options.referenceDate,
    }),
    (c) => {
      const {
        industry_code,
        status_code,
        category_code,
        customer_type_code,
        account_manager_index,
        ...rest
      } = c;
      return {
        ...rest,
        tax_id: rest.tax_id === null ? null : rest.tax_id.replace(/[\s-]/g, ''),
        phone: storedPhone(rest.phone),
        industry_id: dictionaryId('industry', industry_code),
        status_id: dictionaryId('company_status', status_code),
        category_id: dictionaryId('category', category_code),
        customer_type_id: dictionaryId('customer_type', customer_type_code),
        account_manager_id:
          account_manager_index === null ? null : (employeeIds[account_manager_index] ?? null),
        ...audit,
      };
    },
    batchSize,
    (count) => progress(`companies: ${count}`),
  );
  // The demo has a few clients entered twice, to try the duplicates list and a merge on.
  if (options.size.companies <= 1000) {
    const firstCompanies = await dialect.db
      .selectFrom('company')
      .selectAll()
      .orderBy('id')
      .limit(200)
      .execute();
    await insertAll(
      dialect,
      definition('company'),
      nearDuplicateRows(firstCompanies.map((row) => withoutComputedColumns(definition('company'), row))),
      (row) => row,
      batchSize,
    );
  }
  const personIds = await insertAll(
    dialect,
    definition('person'),
    people(options.seed, options.size, 0, options.size.people, { referenceDate: options.referenceDate }),
    (p) => {
      const { company_index, ...rest } = p;
      return {
        ...rest,
        phone: storedPhone(rest.phone),
        mobile: storedPhone(rest.mobile),
        company_id: company_index === null ? null : (companyIds[company_index] ?? null),
        ...audit,
      };
    },
    batchSize,
    (count) => progress(`people: ${count}`),
  );
  await insertMemberships(
    dialect,
    'company_group_member',
    'company_id',
    companyGroupMemberships(options.seed, options.size),
    companyGroupIds,
    companyIds,
    at,
    batchSize,
  );
  await insertMemberships(
    dialect,
    'person_group_member',
    'person_id',
    personGroupMemberships(options.seed, options.size),
    personGroupIds,
    personIds,
    at,
    batchSize,
  );
  await loadClientDetails(dialect, options.seed, at, Number(at.slice(0, 4)));
  await loadClientFacts(dialect, options.seed, at);
  progress('client details');
  await loadClientWork(dialect, registry, {
    seed: options.seed,
    size: options.size,
    referenceDate: options.referenceDate,
    at,
    companyIds,
    personIds,
    employeeIds,
    ...(options.workHistory ? { history: options.workHistory } : {}),
    onProgress: progress,
  });
  // After the client work: tasks about a client name its cases, found by the ids they got.
  const tasks = await loadTasks(dialect, registry, {
    seed: options.seed,
    size: options.size,
    referenceDate: options.referenceDate,
    at,
    departmentIds,
    companyIds,
    personIds,
    employeeIds,
    ...(options.workHistory ? { history: options.workHistory } : {}),
    onProgress: progress,
  });
  // Last: chain steps go in the task registers, some bookings are for the client activities.
  await loadPlanning(dialect, registry, {
    seed: options.seed,
    size: options.size,
    referenceDate: options.referenceDate,
    at,
    companyIds,
    employeeIds,
    ...(options.workHistory ? { history: options.workHistory } : {}),
    onProgress: progress,
  });
  progress('done');
  return { staff, organisation, departmentIds, employeeIds, workGroupRegisters: tasks.workGroupRegisters };
}

/** Inserts rows in batches inside transactions and returns the new ids in input order. */
async function insertAll<T>(
  dialect: Dialect,
  definition: ObjectDefinition,
  rows: Iterable<T>,
  toRow: (row: T) => Record<string, unknown>,
  batchSize: number,
  onBatch?: (count: number) => void,
): Promise<number[]> {
  const ids: number[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch;
    batch = [];
    await dialect.db.transaction().execute(async (trx: Tx) => {
      const inserted = await trx.insertInto(definition.table).values(values).returningAll().execute();
      // Identity ids grow with insertion order within one statement on both dialects.
      inserted.sort((a, b) => Number(a.id) - Number(b.id));
      ids.push(...inserted.map((row) => Number(row.id)));
      if (definition.searchFields.length > 0) {
        await dialect.insertSearchDocuments(
          trx,
          inserted.map((row) => searchDocument(definition, row)),
        );
      }
    });
    if (onBatch && ids.length % (batchSize * 100) === 0) onBatch(ids.length);
  };
  for (const row of rows) {
    batch.push(withDerivedColumns(dialect, definition, toRow(row)));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return ids;
}

async function insertMemberships(
  dialect: Dialect,
  table: string,
  memberColumn: string,
  pairs: Iterable<[number, number]>,
  groupIds: number[],
  memberIds: number[],
  at: string,
  batchSize: number,
): Promise<void> {
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    // A pair drawn twice by the generator is simply one membership.
    await dialect.db
      .insertInto(table)
      .values(batch)
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    batch = [];
  };
  for (const [groupIndex, memberIndex] of pairs) {
    const groupId = groupIds[groupIndex];
    const memberId = memberIds[memberIndex];
    if (groupId === undefined || memberId === undefined) continue;
    batch.push({ group_id: groupId, [memberColumn]: memberId, created_at: at });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}
