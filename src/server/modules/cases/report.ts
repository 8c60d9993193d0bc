import type { Locale } from '../../../shared/metadata/types.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import { AppError } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import type { ApiRecord, RecordRef } from '../../records/present.ts';
import { MAX_PAGE_SIZE } from '../../records/query/page.ts';
import { checkId, getRecord, listRecords, objectOrThrow } from '../../records/reader.ts';
import { ValueText } from '../../records/value-text.ts';
import { REPORT_WORDS, type ReportWords } from './report-words.ts';

/** One column of a section: its heading, and how wide it is on paper ('*' takes what is left). */
export interface ReportColumn {
  label: string;
  width: number | '*';
}

/** A table of the report (stages, activities, notes): rows of text, one cell per column. */
export interface ReportSection {
  key: SectionSpec['key'];
  heading: string;
  columns: ReportColumn[];
  rows: string[][];
  /** More than MAX_ROWS records: the rest is left out. */
  truncated: boolean;
}

/**
 * A case as its reader may see it, every value already text in their language: what the PDF
 * and the HTML print are both made of, so they cannot say different things.
 */
export interface CaseReport {
  id: number;
  locale: Locale;
  words: ReportWords;
  /** The topic, or "Case #id" when the reader may not see it. */
  title: string;
  /** When and by whom it was printed. */
  printed: string;
  /** The case's header: [label, value] of the visible, non-empty fields. */
  facts: Array<[string, string]>;
  description: { label: string; text: string } | null;
  /** The case's next action (type and date), '' when there is none; null when both fields are hidden. */
  nextAction: string | null;
  /** Only the sections of objects the reader may read. */
  sections: ReportSection[];
}

/** Enough for any real case; a runaway case does not turn one print into a denial of service. */
const MAX_ROWS = 2000;

/** The case's header, in the order a reader looks for them. */
const FACTS = [
  'company',
  'contact',
  'lead',
  'status',
  'type',
  'priority',
  'opened_on',
  'due_on',
  'closed_on',
  'result',
];
const NEXT_ACTION = ['next_action_type', 'next_action_date'];

type WordKey = 'when' | 'who' | 'kind' | 'subject' | 'nextAction';

interface ColumnSpec {
  /** Fields shown together in the column (a next action is its type and its date). */
  keys: string[];
  /** The report's own heading; else the first field's label. */
  word?: WordKey;
  width: number | '*';
}

interface SectionSpec {
  key: 'stages' | 'activities' | 'notes';
  object: string;
  /** The field that orders the section, oldest first. */
  sort: string;
  columns: ColumnSpec[];
}

const SECTIONS: SectionSpec[] = [
  {
    key: 'stages',
    object: 'case_stage',
    sort: 'at',
    columns: [
      { keys: ['at'], word: 'when', width: 78 },
      { keys: ['by'], word: 'who', width: 70 },
      { keys: ['kind'], word: 'kind', width: 70 },
      { keys: ['note'], width: '*' },
      { keys: NEXT_ACTION, word: 'nextAction', width: 95 },
    ],
  },
  {
    key: 'activities',
    object: 'activity',
    sort: 'starts_at',
    columns: [
      { keys: ['starts_at'], word: 'when', width: 78 },
      { keys: ['type'], word: 'kind', width: 60 },
      { keys: ['title'], word: 'subject', width: 90 },
      { keys: ['status'], width: 55 },
      { keys: ['participants'], width: 75 },
      { keys: ['outcome'], width: '*' },
    ],
  },
  {
    key: 'notes',
    object: 'note',
    sort: 'created_at',
    columns: [
      { keys: ['created_at', 'pinned'], word: 'when', width: 90 },
      { keys: ['body'], width: '*' },
    ],
  },
];

/** Values of one record as text, references by the titles the reader may see. */
class RecordText {
  constructor(
    private readonly definition: ObjectDefinition,
    private readonly grant: AccessGrant,
    private readonly values: ValueText,
  ) {}

  visible(key: string): FieldDefinition | undefined {
    return this.grant.hiddenFields.has(key) ? undefined : this.definition.field(key);
  }

  /** The visible fields' values joined; a flag that is set says its own name ("Pinned"), a choice its label. */
  of(record: ApiRecord, keys: string[]): string {
    const expanded = (record._expanded ?? {}) as Record<string, RecordRef | RecordRef[] | null>;
    return keys
      .flatMap((key) => {
        const field = this.visible(key);
        if (!field) return [];
        if (field.type === 'boolean') return record[key] === true ? [field.labels[this.values.locale]] : [];
        // A choice's value is a code (`done`): the reader reads its label.
        const option = field.options?.find((candidate) => candidate.value === record[key]);
        if (option) return [option.labels[this.values.locale]];
        return [this.values.of(field, record[key], expanded[key])];
      })
      .filter((text) => text !== '')
      .join(', ');
  }
}

/** The grant to read an object, or null when the reader may read none of its records. */
function readGrant(ctx: RecordsContext, actor: Actor, object: string): AccessGrant | null {
  try {
    return authorize(ctx.registry, actor, object, 'read');
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return null;
    throw error;
  }
}

/** The fields to ask the engine for: the visible ones among `keys`, relations expanded. */
function projectionOf(text: RecordText, keys: string[]): { fields: string[]; expand: string[] } {
  const fields = keys.filter((key) => text.visible(key) !== undefined);
  return { fields, expand: fields.filter((key) => text.visible(key)?.target !== undefined) };
}

/** A section's records that belong to the case, oldest first, through the list reader. */
async function sectionOf(
  ctx: RecordsContext,
  actor: Actor,
  spec: SectionSpec,
  caseId: number,
  values: ValueText,
  words: ReportWords,
): Promise<ReportSection | null> {
  const definition = ctx.registry.get(spec.object);
  const grant = definition ? readGrant(ctx, actor, spec.object) : null;
  // Which records belong to the case is the `case` field: hidden, the section cannot be told.
  if (!definition || !grant || grant.hiddenFields.has('case')) return null;
  const text = new RecordText(definition, grant, values);
  const columns = spec.columns.filter((column) => column.keys.some((key) => text.visible(key)));
  if (columns.length === 0) return null;
  const { fields, expand } = projectionOf(
    text,
    columns.flatMap((column) => column.keys),
  );
  // A hidden sort field cannot order the list (nor be guessed from its order): creation order then.
  const sort = [{ field: text.visible(spec.sort) ? spec.sort : 'id', direction: 'asc' }];
  const records: ApiRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRecords(ctx, actor, spec.object, {
      filter: { field: 'case', op: 'eq', value: caseId },
      sort,
      fields,
      expand,
      limit: MAX_PAGE_SIZE,
      cursor,
    });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && records.length < MAX_ROWS);
  return {
    key: spec.key,
    heading: words[spec.key],
    columns: columns.map((column) => ({
      label: column.word
        ? words[column.word]
        : (definition.field(column.keys[0] ?? '')?.labels[values.locale] ?? ''),
      width: column.width,
    })),
    rows: records.slice(0, MAX_ROWS).map((record) => columns.map((column) => text.of(record, column.keys))),
    truncated: records.length > MAX_ROWS || cursor !== null,
  };
}

/** Who printed it: the account's login, or the system's name. */
export function printedBy(actor: Actor): string {
  return actor.kind === 'user' ? actor.login : actor.name;
}

/**
 * Collects the report of one case as the reader sees it: the case (404 when they may not read
 * it, as the record route), its stages, activities and notes they may read, oldest first, and
 * of each only the fields they may see. Everything goes through the records engine.
 */
export async function collectCaseReport(
  ctx: RecordsContext,
  actor: Actor,
  rawId: unknown,
): Promise<CaseReport> {
  const definition = objectOrThrow(ctx, 'case');
  const id = checkId(rawId);
  const words = REPORT_WORDS[actor.locale];
  const values = new ValueText(actor.locale, actor.timeZone);
  const grant = authorize(ctx.registry, actor, definition.key, 'read');
  const text = new RecordText(definition, grant, values);
  const record = await getRecord(
    ctx,
    actor,
    definition.key,
    id,
    projectionOf(text, ['topic', ...FACTS, 'description', ...NEXT_ACTION]),
  );
  const facts = FACTS.flatMap((key): Array<[string, string]> => {
    const field = text.visible(key);
    const value = text.of(record, [key]);
    return field && value !== '' ? [[field.labels[actor.locale], value]] : [];
  });
  const description = text.of(record, ['description']);
  const descriptionField = text.visible('description');
  const sections: ReportSection[] = [];
  for (const spec of SECTIONS) {
    const section = await sectionOf(ctx, actor, spec, id, values, words);
    if (section) sections.push(section);
  }
  return {
    id,
    locale: actor.locale,
    words,
    title: text.of(record, ['topic']) || words.untitled(id),
    printed: words.printed(values.instant(ctx.now().toISOString()), printedBy(actor)),
    facts,
    description:
      descriptionField && description !== ''
        ? { label: descriptionField.labels[actor.locale], text: description }
        : null,
    nextAction: NEXT_ACTION.some((key) => text.visible(key)) ? text.of(record, NEXT_ACTION) : null,
    sections,
  };
}
