import { type RawBuilder, sql } from 'kysely';
import type { Locale } from '../../shared/metadata/types.ts';
import type { GlobalSearchHit, SearchCounts, SearchFact } from '../../shared/search/types.ts';
import { searchTokens } from '../../shared/text/fold.ts';
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import type { FieldDefinition } from '../metadata/define-object.ts';
import type { RecordsContext } from './context.ts';
import { countRecords } from './count.ts';
import { type RecordRef, titleOf } from './present.ts';
import { visibleTextMatch } from './quick-search.ts';
import { listRecords } from './reader.ts';
import { readGrant } from './visible.ts';

const MAX_QUERY = 200;
/** How many of the newest matches are ranked; see SearchRequest.window. */
const SEARCH_WINDOW = 1000;
/**
 * For a reader who sees only some rows (a salesperson's own clients): the newest this many
 * matches are checked against their rows and the ones they may see are ranked; when that
 * yields less than a page, the next, wider window is tried. Each check reads the record, so
 * the first window stays small; storing the owner in the search index would remove the
 * reads (see the access-control ADR).
 */
const SCOPED_SEARCH_WINDOWS = [2000, 20_000];

/**
 * Searches companies, people, employees… at once: accent-insensitive ("lodz" finds "Łódź"),
 * the last word as a prefix, best matches first. Only objects the actor may read take part.
 */
export async function globalSearch(
  ctx: RecordsContext,
  actor: Actor,
  q: string,
  options: { objects?: string[]; limit: number },
): Promise<GlobalSearchHit[]> {
  if (q.length > MAX_QUERY) throw errors.badRequest(`q must be at most ${MAX_QUERY} characters`);
  const searchable = ctx.registry.list().filter((d) => d.searchFields.length > 0);
  const requested = options.objects ?? searchable.map((d) => d.key);
  for (const key of requested) {
    if (!searchable.some((d) => d.key === key))
      throw errors.badRequest(`"${key}" is not a searchable object`);
  }
  const tokens = searchTokens(q).slice(0, 8);
  const readable: string[] = [];
  const restrictions: RawBuilder<unknown>[] = [];
  let narrowedRows = false;
  for (const definition of searchable.filter((d) => requested.includes(d.key))) {
    const grant = readGrant(ctx, actor, definition.key);
    if (!grant) continue;
    readable.push(definition.key);
    const hidesSearchField = definition.searchFields.some((key) => grant.hiddenFields.has(key));
    if (!grant.rows && !hidesSearchField) {
      restrictions.push(sql`d.object = ${definition.key}`);
      continue;
    }
    // Only rows the reader may read, matched on fields the reader may see. Correlated: each
    // matching document is checked by its record's key, not by listing every readable record.
    narrowedRows = true;
    const alias = 's0';
    const conditions = [
      ...(grant.rows ? [grant.rows(alias)] : []),
      ...(hidesSearchField ? [visibleTextMatch(ctx, definition, grant, tokens, alias)] : []),
    ];
    restrictions.push(sql`(d.object = ${definition.key} AND EXISTS (
      SELECT 1 FROM ${sql.table(definition.table)} AS ${sql.raw(alias)}
      WHERE ${sql.ref(`${alias}.id`)} = d.record_id AND ${sql.join(conditions, sql` AND `)}))`);
  }
  const restricted = narrowedRows || readable.length < searchable.length;
  const request = {
    tokens,
    objects: readable,
    restriction: restricted && restrictions.length > 0 ? sql`(${sql.join(restrictions, sql` OR `)})` : null,
    limit: options.limit,
  };
  // The newest matches are ranked, not every match of a short prefix. When the caller asks
  // for some objects only, every match of theirs is ranked (a rare object would not show).
  const windows: Array<number | null> = options.objects
    ? [null]
    : restricted
      ? SCOPED_SEARCH_WINDOWS
      : [SEARCH_WINDOW];
  let hits = await ctx.dialect.search({ ...request, window: windows[0] ?? null });
  for (const window of windows.slice(1)) {
    if (hits.length >= options.limit) break;
    hits = await ctx.dialect.search({ ...request, window });
  }
  const { facts, titles } = await factsOf(ctx, actor, hits);
  return hits.map((hit) => {
    const shown = facts.get(`${hit.object}:${hit.recordId}`) ?? [];
    return {
      object: hit.object,
      id: hit.recordId,
      title: titles.get(`${hit.object}:${hit.recordId}`) ?? hit.title,
      subtitle: shown.length > 0 ? shown.map((fact) => fact.value).join(' · ') : null,
      facts: shown,
      matched: hit.match === 'other' ? 'other' : 'title',
      rank: hit.rank,
    };
  });
}

/**
 * How many records of each searchable object match `q`, for "Show all N results". Each object
 * is counted exactly as its list counts `?q=` (the same rights, row scope and hidden fields,
 * capped at EXACT_COUNT_CAP), so the count never includes a record the reader cannot open and
 * equals what the list shows when the reader follows it there.
 */
export async function searchCounts(
  ctx: RecordsContext,
  actor: Actor,
  q: string,
  options: { objects?: string[] },
): Promise<SearchCounts> {
  if (q.length > MAX_QUERY) throw errors.badRequest(`q must be at most ${MAX_QUERY} characters`);
  const searchable = ctx.registry.list().filter((d) => d.searchFields.length > 0);
  const requested = options.objects ?? searchable.map((d) => d.key);
  const readable = searchable.filter((d) => requested.includes(d.key) && readGrant(ctx, actor, d.key));
  const objects =
    searchTokens(q).length === 0
      ? []
      : await Promise.all(
          readable.map(async (definition) => ({
            object: definition.key,
            ...(await countRecords(ctx, actor, definition.key, { q })),
          })),
        );
  const found = objects.filter((entry) => entry.count > 0);
  return {
    objects: found,
    total: found.reduce((sum, entry) => sum + entry.count, 0),
    exact: found.every((entry) => entry.exact),
  };
}

/**
 * Reads the subtitle fields of the hits, one list query per object (a page of hits is
 * small), through the reader so projection, access and reference titles apply as anywhere.
 * The index keeps one title per record (in English order); where the reader's language orders
 * the title fields differently ("Kozma Nikolett" in Hungarian), the same query brings them and
 * the title is made again for the reader.
 */
async function factsOf(
  ctx: RecordsContext,
  actor: Actor,
  hits: Array<{ object: string; recordId: number }>,
): Promise<{ facts: Map<string, SearchFact[]>; titles: Map<string, string> }> {
  const facts = new Map<string, SearchFact[]>();
  const titles = new Map<string, string>();
  const idsByObject = new Map<string, number[]>();
  for (const hit of hits) idsByObject.set(hit.object, [...(idsByObject.get(hit.object) ?? []), hit.recordId]);
  for (const [object, ids] of idsByObject) {
    const definition = ctx.registry.get(object);
    const hidden = readGrant(ctx, actor, object)?.hiddenFields;
    // A hidden field is no more shown under a hit than anywhere else.
    const keys = (definition?.subtitleFields ?? []).filter((key) => !hidden?.has(key));
    const fields = keys.flatMap((key) => definition?.field(key) ?? []);
    // Reordered only when the reader sees every title field; otherwise the indexed title stays.
    const reorder =
      definition?.titleOrder?.[actor.locale] && !definition.titleFields.some((key) => hidden?.has(key));
    const titleFields = reorder ? definition.titleFields : [];
    if (!definition || fields.length + titleFields.length === 0) continue;
    const references = fields.filter((field) => field.target).map((field) => field.key);
    const { items } = await listRecords(ctx, actor, object, {
      filter: { field: 'id', op: 'in', value: ids },
      fields: ['id', ...new Set([...fields.map((field) => field.key), ...titleFields])],
      expand: references,
      limit: ids.length,
    });
    for (const item of items) {
      const expansions = (item._expanded ?? {}) as Record<string, RecordRef | RecordRef[] | null>;
      const shown = fields.flatMap((field): SearchFact[] => {
        const value = factValue(field, item[field.key], expansions[field.key], actor.locale);
        return value ? [{ field: field.key, label: field.labels[actor.locale], value }] : [];
      });
      if (shown.length > 0) facts.set(`${object}:${item.id}`, shown);
      if (titleFields.length > 0) {
        // API records are keyed by field, as titleOf reads a row keyed by column: map across.
        const row = Object.fromEntries(
          titleFields.map((key) => [definition.field(key)?.column ?? key, item[key]]),
        );
        const title = titleOf(definition, row, actor.locale);
        if (title !== '') titles.set(`${object}:${item.id}`, title);
      }
    }
  }
  return { facts, titles };
}

/** A subtitle value as text: a reference's title, a choice's label, or the value itself. */
function factValue(
  field: FieldDefinition,
  value: unknown,
  expanded: RecordRef | RecordRef[] | null | undefined,
  locale: Locale,
): string {
  if (expanded && !Array.isArray(expanded)) return expanded.title;
  const option = field.options?.find((candidate) => candidate.value === value);
  if (option) return option.labels[locale];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
