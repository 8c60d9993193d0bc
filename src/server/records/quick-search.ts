import { type RawBuilder, sql } from 'kysely';
import { searchTokens } from '../../shared/text/fold.ts';
import type { AccessGrant } from '../access/policy.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { RecordsContext } from './context.ts';

/**
 * Quick search in a list: the search index where the object has one, else its title fields.
 * The index holds every search field, so a reader with a hidden search field is matched on
 * the fields they can see instead: a hit must never tell them what a hidden field contains.
 */
export function quickSearch(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  grant: AccessGrant,
  q: string,
  alias: string,
  idColumn: string,
): { condition: RawBuilder<unknown>; ids: RawBuilder<unknown> | null } {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return { condition: sql`1 = 1`, ids: null };
  const hidesSearchField = definition.searchFields.some((key) => grant.hiddenFields.has(key));
  if (definition.searchFields.length > 0 && !hidesSearchField) {
    // Always as a set: a full-text match checked row by row runs the whole match each time.
    const ids = ctx.dialect.searchIds(definition.key, tokens);
    return { condition: sql`${sql.ref(idColumn)} IN (${ids})`, ids };
  }
  return { condition: visibleTextMatch(ctx, definition, grant, tokens, alias), ids: null };
}

/** Every token appears in one of the reader's visible search (or title) fields. */
export function visibleTextMatch(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  grant: AccessGrant,
  tokens: string[],
  alias: string,
): RawBuilder<unknown> {
  const keys = definition.searchFields.length > 0 ? definition.searchFields : definition.titleFields;
  const titleColumns = keys
    .filter((key) => !grant.hiddenFields.has(key) && definition.field(key)?.type !== 'relation')
    .map((key) => definition.field(key)?.column ?? key);
  if (titleColumns.length === 0) return sql`1 = 0`;
  const perToken = tokens.map((token) => {
    const pattern = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const anyColumn = titleColumns.map(
      (column) => sql`${ctx.dialect.folded(sql.ref(`${alias}.${column}`))} LIKE ${pattern} ESCAPE '\\'`,
    );
    return sql`(${sql.join(anyColumn, sql` OR `)})`;
  });
  return sql`(${sql.join(perToken, sql` AND `)})`;
}
