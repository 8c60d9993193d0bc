import { kindOf } from '../../../shared/field-types/index.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { editableFields, sameValue } from '../../records/form-values.ts';

export type Side = 'keep' | 'merge';

/** A field whose value the user picks from one of the two records. */
export interface FieldChoice {
  field: FieldMeta;
  keep: unknown;
  merge: unknown;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The fields on which the two records differ and that the user may set. Membership lists are
 * not chosen: the kept record keeps the memberships of both (the server's default).
 */
export function differingFields(meta: ObjectMeta, keep: RecordData, merge: RecordData): FieldChoice[] {
  return editableFields(meta)
    .filter((field) => kindOf(field) !== 'membership')
    .filter((field) => field.key in keep || field.key in merge)
    .filter((field) => !sameValue(keep[field.key], merge[field.key]))
    .map((field) => ({ field, keep: keep[field.key], merge: merge[field.key] }));
}

/** What is preselected: the kept record's value, unless it has none and the other one has. */
export function defaultChoices(choices: FieldChoice[]): Record<string, Side> {
  return Object.fromEntries(
    choices.map((choice) => [
      choice.field.key,
      isEmpty(choice.keep) && !isEmpty(choice.merge) ? 'merge' : 'keep',
    ]),
  );
}

/** The values to send: only those taken from the merged record (the rest are the kept ones already). */
export function chosenValues(choices: FieldChoice[], sides: Record<string, Side>): Record<string, unknown> {
  return Object.fromEntries(
    choices
      .filter((choice) => sides[choice.field.key] === 'merge')
      .map((choice) => [choice.field.key, choice.merge ?? null]),
  );
}
