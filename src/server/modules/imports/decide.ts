import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { TextContext } from '../../metadata/field-types/module.ts';
import { defaultCountry, executorOf, type RecordsContext } from '../../records/context.ts';
import { createDefaultsContext, creatorOf } from '../../records/create-defaults.ts';
import { checkInput, inputContexts } from '../../records/input.ts';
import { rulesFor } from '../duplicates/rules.ts';
import { currentValues } from './current-values.ts';
import { duplicateKeys, findDuplicates, type Match } from './duplicate-rules.ts';
import type { ImportPlan, MappedColumn, RelatedPlan } from './mapping.ts';
import type { ReferenceResolver } from './references.ts';
import { type RowValues, resolveReferences, rowValues } from './row-values.ts';
import type { RowIssue, StoredRow } from './store.ts';

/** What one run of an import carries from batch to batch. */
export interface RunState {
  ctx: RecordsContext;
  actor: Actor;
  plan: ImportPlan;
  importId: number;
  resolver: ReferenceResolver;
  text: TextContext;
  dryRun: boolean;
  /**
   * Also check every row to be created as a create (required fields): the preview does, to
   * show it; a run leaves that to the writer, which reports it the same way. Rows that create
   * a related record are always checked, so none is created for a row that then fails.
   */
  checkCreates: boolean;
  /** Duplicate keys of the rows already taken in this run → the row that took them. */
  seen: Map<string, number>;
  /** Related records (`company:<key>`) found or created in this run; null: a dry run's would-be record. */
  relatedSeen: Map<string, number | null>;
}

export type RelatedStep =
  | { via: string; link: number }
  | {
      via: string;
      create: Record<string, unknown>;
      /** The new record's values as checked (its country decides how the row's phone is read). */
      values: Record<string, unknown>;
      group: string;
      counted: boolean;
    };

export type Decision = { row: StoredRow; hash: string } & (
  | { kind: 'failed'; issues: RowIssue[] }
  | { kind: 'skipped'; recordId: number | null; reason: string; otherRow?: number }
  | { kind: 'unchanged'; recordId: number }
  | { kind: 'create'; body: Record<string, unknown>; related: RelatedStep[] }
  | {
      kind: 'update';
      recordId: number;
      body: Record<string, unknown>;
      changes: Record<string, [unknown, unknown]>;
      related: RelatedStep[];
    }
);

const lookups = new WeakMap<RunState, Map<string, Parameters<typeof findDuplicates>[0]>>();

/** How a run finds duplicates of an object: its rules and rows as the importing account reads them. */
function lookupFor(state: RunState, definition: ObjectDefinition): Parameters<typeof findDuplicates>[0] {
  const known = lookups.get(state) ?? new Map<string, Parameters<typeof findDuplicates>[0]>();
  lookups.set(state, known);
  let lookup = known.get(definition.key);
  if (!lookup) {
    const grant = authorize(state.ctx.registry, state.actor, definition.key, 'read');
    lookup = {
      executor: executorOf(state.ctx),
      definition,
      rules: rulesFor(state.ctx.registry, state.actor, definition, grant),
      rows: grant.rows,
    };
    known.set(definition.key, lookup);
  }
  return lookup;
}

/** Stands for a related record that the write creates first: checks need a well-formed id. */
const NOT_YET_CREATED = Number.MAX_SAFE_INTEGER;

function issuesOf(error: unknown, columns: MappedColumn[], prefix: string): RowIssue[] {
  if (!(error instanceof AppError)) throw error;
  const fields = (error.details as { fields?: FieldIssue[] } | undefined)?.fields;
  if (!fields) return [{ column: null, field: null, code: error.code, message: error.message }];
  return fields.map((issue) => ({
    column: columns.find((mapped) => mapped.field.key === issue.field)?.column ?? null,
    field: `${prefix}${issue.field}`,
    code: issue.code,
    message: issue.message,
  }));
}

type CheckResult = { values: Record<string, unknown>; issues?: undefined } | { issues: RowIssue[] };

/**
 * The engine's own check of rows' values: normalised values as stored, or the issues. The
 * records they refer to are read once for all of them (their countries decide phones).
 */
async function checkedAll(
  state: RunState,
  definition: ObjectDefinition,
  items: Array<{ body: Record<string, unknown>; related?: RelatedStep[] }>,
  mode: 'create' | 'update',
  columns: MappedColumn[],
  prefix: string,
): Promise<CheckResult[]> {
  const { ctx } = state;
  const contexts = await inputContexts(
    executorOf(ctx),
    ctx.registry,
    definition,
    items.map((item) => item.body),
    defaultCountry(ctx),
  );
  // Required fields with a default (a case's status) are not missing from a row that leaves them out.
  const create =
    mode === 'create'
      ? await createDefaultsContext(executorOf(ctx), definition, creatorOf(state.actor, ctx.now()))
      : undefined;
  return items.map(({ body, related = [] }, index) => {
    try {
      const context = countryOfNewRelated(definition, related) ?? contexts[index];
      const input = checkInput(definition, body, mode, { country: null, ...context, create });
      const values: Record<string, unknown> = {};
      for (const [field, value] of input.values) values[field.key] = value;
      for (const [field, ids] of input.memberships) values[field.key] = [...ids].sort((a, b) => a - b);
      return { values };
    } catch (error) {
      return { issues: issuesOf(error, columns, prefix) };
    }
  });
}

/**
 * A record whose country comes from a related one (`company.country` for a person's phones)
 * that this row creates: the engine would find no country yet, the new record's is the one.
 */
function countryOfNewRelated(
  definition: ObjectDefinition,
  related: RelatedStep[],
): { country: string | null } | null {
  const path = definition.fields.find((field) => field.countryField)?.countryField;
  const [via, key] = path?.split('.') ?? [];
  const step = related.find((candidate) => candidate.via === via && 'create' in candidate);
  if (!key || !step || !('values' in step)) return null;
  const country = step.values[key];
  return typeof country === 'string' ? { country } : null;
}

/** Decides, without writing anything, what each row of a batch does. */
export async function decideBatch(state: RunState, rows: StoredRow[]): Promise<Decision[]> {
  const { plan } = state;
  const resolved = await resolveReferences(plan, rows, state.resolver);
  const all = rows.map((row) => rowValues(plan, row, resolved, state.text));
  const decisions: Array<Decision | null> = all.map(() => null);
  const fail = (index: number, issues: RowIssue[]) => {
    const values = all[index] as RowValues;
    decisions[index] = { row: values.row, hash: values.hash, kind: 'failed', issues };
  };
  all.forEach((values, index) => {
    const present = values.own.present || [...values.related.values()].some((related) => related.present);
    if (!present)
      decisions[index] = {
        row: values.row,
        hash: values.hash,
        kind: 'skipped',
        recordId: null,
        reason: 'empty',
      };
    const issues = [
      ...values.own.issues,
      ...[...values.related.values()].flatMap((related) => related.issues),
    ];
    if (present && issues.length > 0) fail(index, issues);
  });
  const related: RelatedStep[][] = all.map(() => []);
  for (const relatedPlan of plan.related) {
    await decideRelated(state, relatedPlan, all, decisions, related, fail);
  }
  const open = all.map((_, index) => index).filter((index) => decisions[index] === null);
  const normalised = new Map<number, Record<string, unknown>>();
  const openChecks = await checkedAll(
    state,
    plan.definition,
    open.map((index) => {
      const body = { ...(all[index] as RowValues).own.body };
      for (const step of related[index] ?? []) body[step.via] = 'link' in step ? step.link : NOT_YET_CREATED;
      return { body, related: related[index] };
    }),
    'update',
    plan.own,
    '',
  );
  open.forEach((index, position) => {
    const result = openChecks[position] as CheckResult;
    if (result.issues) fail(index, result.issues);
    else normalised.set(index, result.values);
  });
  await skipImportedBefore(state, all, decisions);
  const candidates = [...normalised.keys()].filter((index) => decisions[index] === null);
  const matches = await findDuplicates(
    lookupFor(state, plan.definition),
    candidates.map((index) => normalised.get(index) as Record<string, unknown>),
  );
  const updates: Array<{ index: number; recordId: number }> = [];
  candidates.forEach((index, position) => {
    const values = all[index] as RowValues;
    const decided = decideMain(
      state,
      values,
      normalised.get(index) ?? {},
      matches[position] ?? null,
      related[index] ?? [],
    );
    if (decided === 'update')
      updates.push({ index, recordId: (matches[position] as Match).ids[0] as number });
    else decisions[index] = decided;
  });
  await decideUpdates(state, updates, all, normalised, related, decisions);
  const creates = [...decisions.entries()].flatMap(([index, decision]) =>
    decision?.kind === 'create' && (state.checkCreates || decision.related.some((step) => 'create' in step))
      ? [{ index, decision }]
      : [],
  );
  const createChecks = await checkedAll(
    state,
    plan.definition,
    creates.map(({ decision }) => {
      const body = { ...decision.body };
      for (const step of decision.related) body[step.via] = 'link' in step ? step.link : NOT_YET_CREATED;
      return { body, related: decision.related };
    }),
    'create',
    plan.own,
    '',
  );
  creates.forEach(({ index }, position) => {
    const result = createChecks[position] as CheckResult;
    if (result.issues) fail(index, result.issues);
  });
  return decisions as Decision[];
}

/** What a row does with the main object, given the record it duplicates (if any). */
function decideMain(
  state: RunState,
  values: RowValues,
  normalised: Record<string, unknown>,
  match: Match | null,
  related: RelatedStep[],
): Decision | 'update' {
  const { row, hash } = values;
  const mode = state.plan.duplicates;
  const keys = duplicateKeys(lookupFor(state, state.plan.definition).rules, normalised);
  const earlier =
    mode === 'create' ? undefined : keys.map((key) => state.seen.get(key)).find((n) => n !== undefined);
  const remember = () => {
    for (const key of keys) if (!state.seen.has(key)) state.seen.set(key, row.rowNumber);
  };
  if (earlier !== undefined) {
    return { row, hash, kind: 'skipped', recordId: null, reason: 'duplicate_in_file', otherRow: earlier };
  }
  remember();
  if (!match || mode === 'create') return { row, hash, kind: 'create', body: values.own.body, related };
  if (mode === 'skip')
    return { row, hash, kind: 'skipped', recordId: match.ids[0] ?? null, reason: `exists_${match.rule}` };
  if (match.ids.length > 1) {
    const message = `matches ${match.ids.length} existing records (ids ${match.ids.join(', ')}) by ${match.rule}: merge them first, or import with "create"`;
    return { row, hash, kind: 'failed', issues: [{ column: null, field: null, code: 'ambiguous', message }] };
  }
  return 'update';
}

/** Updates: only the fields whose value differs from the stored one; none is "unchanged". */
async function decideUpdates(
  state: RunState,
  updates: Array<{ index: number; recordId: number }>,
  all: RowValues[],
  normalised: Map<number, Record<string, unknown>>,
  related: RelatedStep[][],
  decisions: Array<Decision | null>,
): Promise<void> {
  if (updates.length === 0) return;
  const current = await currentValues(
    state.ctx,
    state.plan.definition,
    updates.map((update) => update.recordId),
  );
  for (const { index, recordId } of updates) {
    const values = all[index] as RowValues;
    const stored = current.get(recordId);
    const next = normalised.get(index) ?? {};
    if (!stored) {
      decisions[index] = {
        row: values.row,
        hash: values.hash,
        kind: 'failed',
        issues: [
          {
            column: null,
            field: null,
            code: 'not_found',
            message: `the matching record ${recordId} is gone`,
          },
        ],
      };
      continue;
    }
    const changes: Record<string, [unknown, unknown]> = {};
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      const creates = (related[index] ?? []).some((step) => step.via === key && 'create' in step);
      if (!creates && JSON.stringify(stored.values[key] ?? null) === JSON.stringify(value ?? null)) continue;
      changes[key] = [stored.values[key] ?? null, creates ? null : value];
      body[key] = value;
    }
    decisions[index] =
      Object.keys(changes).length === 0
        ? { row: values.row, hash: values.hash, kind: 'unchanged', recordId }
        : {
            row: values.row,
            hash: values.hash,
            kind: 'update',
            recordId,
            body: { ...body, version: stored.version },
            changes,
            related: related[index] ?? [],
          };
  }
}

/** Rows some earlier import already brought in, whose record is still there: nothing to do. */
async function skipImportedBefore(state: RunState, all: RowValues[], decisions: Array<Decision | null>) {
  const hashes = [
    ...new Set(all.filter((_, index) => decisions[index] === null).map((values) => values.hash)),
  ];
  if (hashes.length === 0) return;
  const { definition } = state.plan;
  const earlier = await sql<{ row_hash: string; record_id: number }>`
    SELECT o.row_hash, o.record_id FROM data_import_outcome o JOIN data_import i ON i.id = o.import_id
    JOIN ${sql.table(definition.table)} r ON r.id = o.record_id AND r.deleted_at IS NULL
    WHERE o.object = ${definition.key} AND o.row_hash IN (${sql.join(hashes)})
      AND o.action IN ('created', 'updated', 'unchanged')
      AND (o.undone IS NULL OR o.undone = ${state.ctx.dialect.encodeBoolean(false)})
      AND i.id <> ${state.importId} AND i.status IN ('done', 'running', 'failed', 'undoing')`.execute(
    executorOf(state.ctx),
  );
  const byHash = new Map(earlier.rows.map((row) => [row.row_hash, Number(row.record_id)]));
  all.forEach((values, index) => {
    const recordId = byHash.get(values.hash);
    if (decisions[index] === null && recordId !== undefined) {
      decisions[index] = {
        row: values.row,
        hash: values.hash,
        kind: 'skipped',
        recordId,
        reason: 'already_imported',
      };
    }
  });
}

/** For each row naming a related record: link the one it duplicates, or create it (once per batch). */
async function decideRelated(
  state: RunState,
  relatedPlan: RelatedPlan,
  all: RowValues[],
  decisions: Array<Decision | null>,
  related: RelatedStep[][],
  fail: (index: number, issues: RowIssue[]) => void,
): Promise<void> {
  const { target, via, columns } = relatedPlan;
  const prefix = `${via.key}.`;
  const wanted: Array<{ index: number; values: Record<string, unknown>; body: Record<string, unknown> }> = [];
  const named = [...all.entries()].flatMap(([index, values]) => {
    const own = values.related.get(via.key);
    return decisions[index] === null && own?.present ? [{ index, body: own.body }] : [];
  });
  const results = await checkedAll(state, target, named, 'create', columns, prefix);
  named.forEach(({ index, body }, position) => {
    const result = results[position] as CheckResult;
    if (result.issues) fail(index, result.issues);
    else wanted.push({ index, values: result.values, body });
  });
  const matches = await findDuplicates(
    lookupFor(state, target),
    wanted.map((entry) => entry.values),
  );
  // Rows of this batch that name the same new record share its creation (by any of its keys).
  const batchGroups = new Map<string, string>();
  wanted.forEach(({ index, values, body }, position) => {
    const match = matches[position];
    if (match && match.ids.length > 1) {
      fail(index, [
        {
          column: null,
          field: via.key,
          code: 'ambiguous',
          message: `${match.ids.length} existing ${target.key} records match by ${match.rule} (ids ${match.ids.join(', ')}): which one is meant is unclear`,
        },
      ]);
      return;
    }
    if (match) {
      related[index]?.push({ via: via.key, link: match.ids[0] as number });
      return;
    }
    const keys = duplicateKeys(lookupFor(state, target).rules, values).map((key) => `${via.key}:${key}`);
    const known = keys.map((key) => state.relatedSeen.get(key)).find((value) => value !== undefined);
    if (typeof known === 'number') {
      related[index]?.push({ via: via.key, link: known });
      return;
    }
    const sameBatch = keys.map((key) => batchGroups.get(key)).find((group) => group !== undefined);
    const group = sameBatch ?? keys[0] ?? `${via.key}:row:${all[index]?.hash}`;
    for (const key of keys) {
      batchGroups.set(key, group);
      state.relatedSeen.set(key, null);
    }
    // Counted once: a dry run's earlier batch was rolled back, so its record is made again here.
    related[index]?.push({
      via: via.key,
      create: body,
      values,
      group,
      counted: known === undefined && !sameBatch,
    });
  });
}
