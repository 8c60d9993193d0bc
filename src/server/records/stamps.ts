import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { FieldChange } from './history.ts';

/**
 * The columns a write sets because a watched field changed (`company.status_changed_at` when
 * `status` does), declared by the object's `changeStamps`. The stamp is part of the same row
 * write, so it is never out of step with the value it dates.
 */
export function stampedColumns(
  definition: ObjectDefinition,
  changes: FieldChange[],
  at: string,
): Record<string, string> {
  const stamped: Record<string, string> = {};
  for (const [stampKey, watchedKey] of Object.entries(definition.changeStamps)) {
    const column = definition.field(stampKey)?.column;
    if (column && changes.some((change) => change.field === watchedKey)) stamped[column] = at;
  }
  return stamped;
}
