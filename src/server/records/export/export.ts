import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FILTER_LIMITS } from '../../../shared/filter/operators.ts';
import { todayIn } from '../../../shared/filter/relative-dates.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../context.ts';
import type { ApiRecord } from '../present.ts';
import { MAX_PAGE_SIZE } from '../query/page.ts';
import { type ListRequest, listRecords, objectOrThrow } from '../reader.ts';
import { relatedColumns } from '../related-columns.ts';
import type { CellContext, ExportColumn } from './cells.ts';
import { wallClock } from './cells.ts';
import { type ContactCardSource, contactCardsOf } from './contact-cards.ts';
import { csvStream } from './csv.ts';
import { VCARD_CONTENT_TYPE, type VCardContact, vcfStream } from './vcard.ts';
import { xlsxStream } from './xlsx.ts';

/** `vcf`: vCard 3.0 contacts, for objects whose capability registered a contact source (people). */
export type ExportFormat = 'csv' | 'xlsx' | 'vcf';

export interface ExportRequest {
  format: ExportFormat;
  /** The columns, in order (the list's visible columns); or `allFields`. */
  fields?: string[];
  /** Every field of the object the actor may export, in declaration order, instead of `fields`. */
  allFields?: boolean;
  filter?: unknown;
  q?: string;
  sort?: unknown;
  /** Only these records (the rows ticked in the list), still within the filter. */
  ids?: number[];
  /** All the filter matches but these (the rows unticked after "mark all matching"). */
  exceptIds?: number[];
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
  /** The fields the file holds, for the security log. */
  fields: string[];
}

/** As many ids as a bulk action takes; more is "export the filter". */
export const MAX_EXPORT_IDS = 10_000;
const MAX_EXPORT_FIELDS = 200;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: VCARD_CONTENT_TYPE,
};

/**
 * Exports every record of a list — all pages, not what the browser loaded — through the
 * list reader, so the filter, quick search, sort, row scope and field rights are the list's.
 * The first page is read before anything is sent: a bad field, filter or sort is a plain
 * 400, not a broken download. After that the file is written page by page (keyset cursor,
 * MAX_PAGE_SIZE rows each) as the client takes it.
 */
export async function startExport(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: ExportRequest,
): Promise<ExportFile> {
  const definition = objectOrThrow(ctx, object);
  const cards = request.format === 'vcf' ? contactFields(ctx, actor, definition) : null;
  // A vCard is made of the contact source's fields, whatever columns the list shows.
  const columns = cards ? [] : exportColumns(ctx, definition, actor, request);
  const fields = cards?.fields ?? columns.map((column) => column.field.key);
  const list: ListRequest = {
    filter: withoutIds(withIds(request.filter, request.ids), request.exceptIds),
    q: request.q,
    sort: request.sort,
    fields,
    expand:
      cards?.expand ??
      // A related column's references come with its values (attachRelatedColumns).
      columns
        .filter((column) => column.field.target && !column.field.key.includes('.'))
        .map((column) => column.field.key),
    rights: ['export'],
  };
  const pages = recordPages(ctx, actor, object, list, await listRecords(ctx, actor, object, pageOf(list)));
  const context: CellContext = { locale: actor.locale, toWallClock: wallClock(actor.timeZone) };
  const body = cards
    ? vcfStream(contactPages(ctx, actor, cards.source, pages))
    : request.format === 'csv'
      ? csvStream(columns, pages, context)
      : xlsxStream(definition.labels.many[actor.locale], columns, pages, context);
  return {
    fileName: fileName(ctx, actor, definition, request.format),
    contentType: CONTENT_TYPES[request.format],
    body,
    fields,
  };
}

/** What a vCard export reads: the contact source's fields that the actor may see. */
function contactFields(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
): { source: ContactCardSource; fields: string[]; expand: string[] } {
  const source = contactCardsOf(definition.key);
  if (!source) {
    throw errors.badRequest(
      `${definition.key} records cannot be exported as vCard (vcf): they are not contacts`,
      {
        field: 'format',
      },
    );
  }
  const hidden = authorize(ctx.registry, actor, definition.key, 'export').hiddenFields;
  const fields = source.fields.filter((key) => !hidden.has(key));
  return { source, fields, expand: source.expand.filter((key) => fields.includes(key)) };
}

async function* contactPages(
  ctx: RecordsContext,
  actor: Actor,
  source: ContactCardSource,
  pages: AsyncIterable<ApiRecord[]>,
): AsyncGenerator<VCardContact[]> {
  for await (const page of pages) yield await source.contacts(ctx, actor, page);
}

/**
 * Fields the list's column chooser never offers (the id, the version counter, the trash stamp):
 * "all fields" is every column a person could show, not the bookkeeping of the row.
 */
const NOT_EXPORTED_IN_ALL_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'deleted_at']);

/** The requested fields in the requested order, or all of them, each one the actor may see. */
function exportColumns(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  actor: Actor,
  request: ExportRequest,
): ExportColumn[] {
  const grant = authorize(ctx.registry, actor, definition.key, 'export');
  if (request.allFields) {
    if (request.fields?.length) throw errors.badRequest('give fields or allFields, not both');
    return definition.fields
      .filter(
        (field) =>
          !grant.hiddenFields.has(field.key) &&
          !(field.system && NOT_EXPORTED_IN_ALL_FIELDS.has(field.key)) &&
          (field.column !== undefined || field.through !== undefined),
      )
      .map((field) => ({ field, label: field.labels[actor.locale] }));
  }
  const keys = request.fields ?? [];
  if (keys.length === 0 || keys.length > MAX_EXPORT_FIELDS) {
    throw errors.badRequest(
      `fields must name 1 to ${MAX_EXPORT_FIELDS} fields to export, or allFields be true`,
    );
  }
  const unique = [...new Set(keys)];
  // Columns of a related record (`company.city` in a list of people), checked like a list's.
  const related = new Map(
    relatedColumns(
      ctx,
      actor,
      definition,
      unique.filter((key) => key.includes('.')),
    ).map((column) => [column.key, column]),
  );
  return unique.map((key) => {
    const through = related.get(key);
    if (through) {
      const label = `${through.via.labels[actor.locale]} › ${through.field.labels[actor.locale]}`;
      return { field: { ...through.field, key }, label };
    }
    const field = definition.field(key);
    if (!field || grant.hiddenFields.has(key)) {
      throw errors.badRequest(`fields: unknown field ${JSON.stringify(key)} on ${definition.key}`, {
        field: key,
      });
    }
    return { field, label: field.labels[actor.locale] };
  });
}

/** The list's filter, narrowed to the ticked ids (in lists the filter grammar accepts). */
function withIds(filter: unknown, ids: number[] | undefined): unknown {
  if (ids === undefined) return filter;
  if (ids.length === 0 || ids.length > MAX_EXPORT_IDS) {
    throw errors.badRequest(`ids must list 1 to ${MAX_EXPORT_IDS} records`);
  }
  const chunks: Array<{ field: 'id'; op: 'in'; value: number[] }> = [];
  for (let start = 0; start < ids.length; start += FILTER_LIMITS.maxListLength) {
    chunks.push({ field: 'id', op: 'in', value: ids.slice(start, start + FILTER_LIMITS.maxListLength) });
  }
  const byId = { or: chunks };
  return filter === undefined || filter === null ? byId : { and: [filter, byId] };
}

/** The filter minus the unticked ids (`notIn` lists of the size the grammar accepts). */
function withoutIds(filter: unknown, exceptIds: number[] | undefined): unknown {
  if (!exceptIds || exceptIds.length === 0) return filter;
  if (exceptIds.length > MAX_EXPORT_IDS)
    throw errors.badRequest(`exceptIds may list at most ${MAX_EXPORT_IDS} records`);
  const chunks: Array<{ field: 'id'; op: 'notIn'; value: number[] }> = [];
  for (let start = 0; start < exceptIds.length; start += FILTER_LIMITS.maxListLength) {
    chunks.push({
      field: 'id',
      op: 'notIn',
      value: exceptIds.slice(start, start + FILTER_LIMITS.maxListLength),
    });
  }
  return filter === undefined || filter === null ? { and: chunks } : { and: [filter, ...chunks] };
}

function pageOf(list: ListRequest, cursor: string | null = null): ListRequest {
  return { ...list, limit: MAX_PAGE_SIZE, cursor };
}

/** The first page (already read), then the rest as the consumer asks for them. */
async function* recordPages(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  list: ListRequest,
  first: { items: ApiRecord[]; nextCursor: string | null },
): AsyncGenerator<ApiRecord[]> {
  yield first.items;
  let cursor = first.nextCursor;
  while (cursor) {
    // better-sqlite3 answers synchronously, so paging alone never lets the event loop turn:
    // without this every other request would wait for the whole export.
    await nextTurn();
    const page = await listRecords(ctx, actor, object, pageOf(list, cursor));
    yield page.items;
    cursor = page.nextCursor;
  }
}

/** `companies-2026-11-23.xlsx`: the object's English plural as a slug and the reader's date. */
function fileName(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  format: ExportFormat,
): string {
  const slug = definition.labels.many.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || definition.key}-${todayIn(actor.timeZone, ctx.now())}.${format}`;
}
