import { sql } from 'kysely';
import { foldText } from '../../../shared/text/fold.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { AppError } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { titleOf } from '../../records/present.ts';

/** Targets with more live records than this are looked up per batch, never loaded whole. */
const LOAD_WHOLE_LIMIT = 20_000;

/** A reference cell's text resolved: the one record it names, or why not. */
export type Resolved = { id: number; problem?: undefined } | { id?: undefined; problem: string };

/**
 * Turns the titles in reference cells into ids, as the export wrote them: a company by its name,
 * an employee by first and last name, a dictionary value by its label in any language or its
 * code. Only records the importing user may read are found. Small targets (dictionaries,
 * employees, groups) are loaded once per import; large ones with a one-field title (companies)
 * are looked up per batch by the folded title.
 */
export class ReferenceResolver {
  private readonly loaded = new Map<string, Map<string, number[]>>();

  constructor(
    private readonly ctx: RecordsContext,
    private readonly actor: Actor,
  ) {}

  /** Resolves every text of a field at once; a text is matched folded (case and accents aside). */
  async resolve(field: FieldDefinition, texts: string[]): Promise<Map<string, Resolved>> {
    const target = this.ctx.registry.get(field.target ?? '');
    const result = new Map<string, Resolved>();
    if (!target) return result;
    let rows: { id: number; keys: string[] }[];
    try {
      rows = await this.candidates(field, target, texts);
    } catch (error) {
      if (!(error instanceof AppError) || error.statusCode !== 403) throw error;
      for (const text of texts) result.set(text, { problem: `you may not read ${target.key} records` });
      return result;
    }
    const byKey = new Map<string, number[]>();
    for (const row of rows) {
      for (const key of new Set(row.keys)) byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
    }
    const what = field.dictionary
      ? `${field.labels.en.toLowerCase()} value`
      : target.labels.one.en.toLowerCase();
    for (const text of texts) {
      const ids = [...new Set(byKey.get(foldText(text.trim())) ?? [])];
      if (ids.length === 1) result.set(text, { id: ids[0] as number });
      else if (ids.length === 0) result.set(text, { problem: `no ${what} "${text}" was found` });
      else
        result.set(text, {
          problem: `${ids.length} records are called "${text}": which one is meant is unclear`,
        });
    }
    return result;
  }

  private readonly large = new Set<string>();

  private async candidates(field: FieldDefinition, target: ObjectDefinition, texts: string[]) {
    const cacheKey = `${field.target}:${field.dictionary ?? ''}`;
    const cached = this.loaded.get(cacheKey);
    if (cached) return [...cached].flatMap(([key, ids]) => ids.map((id) => ({ id, keys: [key] })));
    const grant = authorize(this.ctx.registry, this.actor, target.key, 'read');
    const executor = executorOf(this.ctx);
    const scope = grant.rows ? sql` AND ${grant.rows('r0')}` : sql``;
    const dictionary = field.dictionary ? sql` AND r0.dictionary = ${field.dictionary}` : sql``;
    const from = sql`FROM ${sql.table(target.table)} AS r0 WHERE r0.deleted_at IS NULL${dictionary}${scope}`;
    const titleField =
      target.titleFields.length === 1 && !target.localizedTitle
        ? target.field(target.titleFields[0] as string)
        : undefined;
    if (titleField?.column && !this.large.has(cacheKey)) {
      const sample = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM (SELECT 1 AS one ${from} LIMIT ${LOAD_WHOLE_LIMIT + 1}) AS s`.execute(
        executor,
      );
      if (Number(sample.rows[0]?.n ?? 0) > LOAD_WHOLE_LIMIT) this.large.add(cacheKey);
    }
    if (titleField?.column && this.large.has(cacheKey)) {
      const folded = [...new Set(texts.map((text) => foldText(text.trim())))];
      if (folded.length === 0) return [];
      const rows = await sql<Record<string, unknown>>`SELECT r0.* ${from}
        AND ${this.ctx.dialect.folded(sql.ref(`r0.${titleField.column}`))} IN (${sql.join(folded)})`.execute(
        executor,
      );
      return rows.rows.map((row) => ({ id: Number(row.id), keys: keysOf(target, row) }));
    }
    const rows = await sql<Record<string, unknown>>`SELECT r0.* ${from} LIMIT ${LOAD_WHOLE_LIMIT}`.execute(
      executor,
    );
    const all = new Map<string, number[]>();
    for (const row of rows.rows) {
      for (const key of keysOf(target, row)) all.set(key, [...(all.get(key) ?? []), Number(row.id)]);
    }
    this.loaded.set(cacheKey, all);
    return [...all].flatMap(([key, ids]) => ids.map((id) => ({ id, keys: [key] })));
  }
}

/** What a record may be called in a file: its title in each language, and a dictionary value's code. */
function keysOf(target: ObjectDefinition, row: Record<string, unknown>): string[] {
  const keys = (['en', 'pl', 'hu'] as const).map((locale) => titleOf(target, row, locale));
  if (typeof row.code === 'string' && target.localizedTitle) keys.push(row.code);
  return [...new Set(keys.filter((key) => key !== '').map((key) => foldText(key.trim())))];
}
