import type { Executor } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

/** The record whose file a change belongs in (a client), stored on history rows and events. */
export interface Subject {
  object: string;
  id: number;
}

/**
 * The subject of each row of one object, in the rows' order (null where the object declares
 * none or the path ends at nothing: a note about no client). One query per hop beyond the
 * first, for all rows at once, so a batch of a thousand creates costs the same as one.
 */
export async function subjectsOf(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<Array<Subject | null>> {
  if (!definition.subject) return rows.map(() => null);
  const path = registry.subjectPath(definition);
  if (path.length === 0) return rows.map((row) => ({ object: definition.key, id: Number(row.id) }));
  let ids: Array<number | null> = rows.map((row) => idOf(row[path[0]?.column ?? '']));
  for (let hop = 1; hop < path.length; hop += 1) {
    const from = registry.get(path[hop - 1]?.target ?? '');
    const column = path[hop]?.column;
    if (!from || !column) throw new Error(`${definition.key}: broken subject path`);
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const next = new Map<number, number | null>();
    if (wanted.length > 0) {
      const found = await executor
        .selectFrom(from.table)
        .select(['id', column])
        .where('id', 'in', wanted)
        .execute();
      for (const row of found) next.set(Number(row.id), idOf(row[column]));
    }
    ids = ids.map((id) => (id === null ? null : (next.get(id) ?? null)));
  }
  const object = path.at(-1)?.target ?? '';
  return ids.map((id) => (id === null ? null : { object, id }));
}

/** The subject of one row. */
export async function subjectOf(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  row: Record<string, unknown>,
): Promise<Subject | null> {
  const [subject] = await subjectsOf(executor, registry, definition, [row]);
  return subject ?? null;
}

function idOf(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
