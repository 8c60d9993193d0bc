import { titleFieldsIn } from '../../../shared/metadata/title.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import { AppError } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { type HistoryEntry, readHistory } from '../../records/history.ts';
import { type ApiRecord, loadRefs, type RecordRef } from '../../records/present.ts';
import { MAX_PAGE_SIZE } from '../../records/query/page.ts';
import { checkId, getRecord, listRecords } from '../../records/reader.ts';
import { assertToolReaches, type SubjectLink, subjectLinks, subjectOrThrow, toolGrant } from './subject.ts';

/** A field as a reader of the export needs it: its key and its label in their language. */
export interface FieldLabel {
  key: string;
  label: string;
}

/** The records of one object that point at the person (their consents, their employment…). */
export interface RelatedSection {
  object: string;
  /** The object's name (plural) in the reader's language. */
  label: string;
  /** The field of those records that points at the person. */
  via: string;
  fields: FieldLabel[];
  /** Live records first, then those in the trash (with `deleted_at`). */
  records: ApiRecord[];
  /** More than MAX_RELATED records: the rest is left out (the count says how many there are at least). */
  truncated: boolean;
}

export interface HistoryItem extends HistoryEntry {
  fieldLabel: string | null;
  /** The account that made the change, when the reader may see accounts. */
  changedByTitle: string | null;
  /** References: titles of the records before and after (`#id` where the reader may not see them). */
  oldTitle: string | null;
  newTitle: string | null;
}

export interface ShareItem {
  id: number;
  access: string;
  createdAt: string;
  with: { object: 'user_account' | 'department' | 'work_group'; id: number; title: string | null };
}

/** Everything stored about one person that the reader may see (GDPR art. 15 access request). */
export interface PersonalData {
  generatedAt: string;
  locale: Locale;
  timeZone: string;
  subject: { object: string; id: number; title: string };
  fields: FieldLabel[];
  record: ApiRecord;
  groups: RecordRef[];
  related: RelatedSection[];
  history: HistoryItem[];
  historyTruncated: boolean;
  shares: ShareItem[];
}

/** Enough for any real person; a runaway relation does not turn one export into a denial of service. */
const MAX_RELATED = 5000;
const MAX_HISTORY = 5000;

export function labelled(fields: FieldDefinition[], locale: Locale): FieldLabel[] {
  return fields.map((field) => ({ key: field.key, label: field.labels[locale] }));
}

/** The fields of an object the reader may see, in declaration order. */
function visibleFields(definition: ObjectDefinition, hidden: ReadonlySet<string>): FieldDefinition[] {
  return definition.fields.filter((field) => !hidden.has(field.key));
}

/** The rows of an object the reader may read; undefined when none (403 from the engine). */
function readableRows(ctx: RecordsContext, actor: Actor, object: string): RowPredicate | null | undefined {
  try {
    return authorize(ctx.registry, actor, object, 'read').rows;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return undefined;
    throw error;
  }
}

/**
 * Collects the export. Reads only through the records engine and the reader's rights: the
 * person (404 when they may not read it), then every record that points at the person from
 * objects the reader may read, the person's history without hidden fields, and its shares.
 * Needs `person.personal_data` where the object declares it, else `export` on the person.
 */
export async function collectPersonalData(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
): Promise<PersonalData> {
  const definition = subjectOrThrow(ctx, object, 'The personal data export');
  const id = checkId(rawId);
  const read = authorize(ctx.registry, actor, definition.key, 'read');
  const fields = visibleFields(definition, read.hiddenFields);
  const expand = fields.filter((field) => field.target).map((field) => field.key);
  // Readable first: a person the reader may not see is missing (404), not forbidden.
  const record = await getRecord(ctx, actor, definition.key, id, { expand, includeDeleted: true });
  const grant = toolGrant(ctx, actor, definition, 'personal_data', 'export');
  await assertToolReaches(ctx, definition, grant, id, 'export the personal data of');
  const related: RelatedSection[] = [];
  for (const link of subjectLinks(ctx.registry, definition.key)) {
    const section = await relatedSection(ctx, actor, link, id);
    if (section) related.push(section);
  }
  const { history, truncated } = await historyOf(ctx, actor, definition, id, read.hiddenFields);
  const expanded = (record._expanded ?? {}) as Record<string, RecordRef | RecordRef[] | null>;
  const groups = Object.entries(expanded)
    .filter(([key]) => definition.field(key)?.through !== undefined)
    .flatMap(([, refs]) => (Array.isArray(refs) ? refs : []));
  return {
    generatedAt: ctx.now().toISOString(),
    locale: actor.locale,
    timeZone: actor.timeZone,
    subject: { object: definition.key, id, title: titleOf(definition, record, actor.locale) },
    fields: labelled(fields, actor.locale),
    record,
    groups,
    related,
    history,
    historyTruncated: truncated,
    shares: await sharesOf(ctx, actor, definition.key, id),
  };
}

/** In the reader's order of the title fields ("Kozma Nikolett" in Hungarian). */
function titleOf(definition: ObjectDefinition, record: ApiRecord, locale: Locale): string {
  const title = titleFieldsIn(definition, locale)
    .map((key) => record[key])
    .filter((value) => typeof value === 'string' && value !== '')
    .join(' ');
  return title || `#${String(record.id)}`;
}

/** The records of one linked object that point at the person, as the list reader gives them. */
async function relatedSection(
  ctx: RecordsContext,
  actor: Actor,
  link: SubjectLink,
  id: number,
): Promise<RelatedSection | null> {
  const { definition, field } = link;
  let hidden: ReadonlySet<string>;
  try {
    hidden = authorize(ctx.registry, actor, definition.key, 'read').hiddenFields;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return null;
    throw error;
  }
  if (hidden.has(field.key)) return null;
  const fields = visibleFields(definition, hidden);
  const filter =
    link.kind === 'membership'
      ? { field: field.key, op: 'in', value: [id] }
      : { field: field.key, op: 'eq', value: id };
  const records: ApiRecord[] = [];
  let truncated = false;
  for (const deleted of ['exclude', 'only'] as const) {
    let cursor: string | null = null;
    do {
      const page = await listRecords(ctx, actor, definition.key, {
        filter,
        deleted,
        expand: fields.filter((f) => f.target).map((f) => f.key),
        limit: MAX_PAGE_SIZE,
        cursor,
      });
      records.push(...page.items);
      cursor = page.nextCursor;
      if (records.length >= MAX_RELATED) {
        truncated = cursor !== null || deleted === 'exclude';
        break;
      }
    } while (cursor);
    if (records.length >= MAX_RELATED) break;
  }
  return {
    object: definition.key,
    label: definition.labels.many[actor.locale],
    via: field.key,
    fields: labelled(fields, actor.locale),
    records: records.slice(0, MAX_RELATED),
    truncated,
  };
}

/** The person's history, newest first, without changes of fields hidden from the reader. */
async function historyOf(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  id: number,
  hidden: ReadonlySet<string>,
): Promise<{ history: HistoryItem[]; truncated: boolean }> {
  const entries: HistoryEntry[] = [];
  let before: number | null = null;
  for (;;) {
    const page = await readHistory(executorOf(ctx), definition.key, id, 500, before, hidden);
    entries.push(...page);
    const last = page.at(-1);
    if (page.length < 500 || !last || entries.length >= MAX_HISTORY) break;
    before = last.id;
  }
  const accounts = await titles(ctx, actor, 'user_account', [
    ...new Set(entries.map((entry) => entry.changedBy).filter((by) => by !== null)),
  ]);
  const referenced = await referencedTitles(ctx, actor, definition, entries);
  const titleOf = (field: string | null, value: unknown): string | null => {
    const target = field ? definition.field(field)?.target : undefined;
    if (!target || value === null || value === undefined) return null;
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((ref) => referenced.get(target)?.get(Number(ref))?.title ?? `#${String(ref)}`).join(', ');
  };
  const history = entries.slice(0, MAX_HISTORY).map((entry) => ({
    ...entry,
    fieldLabel: entry.field ? (definition.field(entry.field)?.labels[actor.locale] ?? entry.field) : null,
    changedByTitle: entry.changedBy === null ? null : (accounts.get(entry.changedBy)?.title ?? null),
    oldTitle: titleOf(entry.field, entry.oldValue),
    newTitle: titleOf(entry.field, entry.newValue),
  }));
  return { history, truncated: entries.length > MAX_HISTORY };
}

/** Titles of the records that history values of reference fields name, per target object. */
async function referencedTitles(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  entries: HistoryEntry[],
): Promise<Map<string, Map<number, RecordRef>>> {
  const wanted = new Map<string, Set<number>>();
  for (const entry of entries) {
    const target = entry.field ? definition.field(entry.field)?.target : undefined;
    if (!target) continue;
    const ids = wanted.get(target) ?? new Set<number>();
    for (const value of [entry.oldValue, entry.newValue]) {
      for (const ref of Array.isArray(value) ? value : [value]) if (typeof ref === 'number') ids.add(ref);
    }
    wanted.set(target, ids);
  }
  const found = new Map<string, Map<number, RecordRef>>();
  for (const [target, ids] of wanted) found.set(target, await titles(ctx, actor, target, [...ids]));
  return found;
}

/** Titles of records the reader may read (none when they may read no record of the object). */
async function titles(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  ids: number[],
): Promise<Map<number, RecordRef>> {
  const target = ctx.registry.get(object);
  const rows = readableRows(ctx, actor, object);
  if (!target || rows === undefined || ids.length === 0) return new Map();
  return loadRefs(executorOf(ctx), target, ids, actor.locale, rows);
}

/** Who the person is shared with; whoever may read a record sees its shares (as the shares route). */
async function sharesOf(ctx: RecordsContext, actor: Actor, object: string, id: number): Promise<ShareItem[]> {
  const rows = await executorOf(ctx)
    .selectFrom('record_share')
    .selectAll()
    .where('object', '=', object)
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  const targetOf = (row: Record<string, unknown>): ShareItem['with'] => {
    if (row.account_id !== null) return { object: 'user_account', id: Number(row.account_id), title: null };
    if (row.department_id !== null)
      return { object: 'department', id: Number(row.department_id), title: null };
    return { object: 'work_group', id: Number(row.work_group_id), title: null };
  };
  const shares = rows.map((row) => ({
    id: Number(row.id),
    access: String(row.access),
    createdAt: String(row.created_at),
    with: targetOf(row),
  }));
  for (const target of ['user_account', 'department', 'work_group'] as const) {
    const ids = shares.filter((share) => share.with.object === target).map((share) => share.with.id);
    const found = await titles(ctx, actor, target, ids);
    for (const share of shares) {
      if (share.with.object === target) share.with.title = found.get(share.with.id)?.title ?? null;
    }
  }
  return shares;
}
