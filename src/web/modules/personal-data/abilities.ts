import type { EffectiveRights } from '../../../shared/access/rights.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';

/** The object whose records have these tools (the server refuses the others). */
export const SUBJECT = 'person';

/** Which personal data tools a reader is offered on a person's page. */
export interface PersonalDataAbilities {
  /** The contact card: whoever reads the person. */
  vcard: boolean;
  /** The export of everything stored (JSON, PDF). */
  export: boolean;
  /** Anonymisation, which cannot be undone. */
  anonymise: boolean;
}

const NONE: PersonalDataAbilities = { vcard: false, export: false, anonymise: false };

/**
 * As the server decides (modules/personal-data/subject.ts): the object's named action where it
 * declares one (`person.personal_data`, `person.anonymise`), else the export right for the export
 * and administrators only for anonymisation. Nothing that writes while viewing as someone else;
 * until the rights have loaded, only the vCard.
 */
export function personalDataAbilities(
  meta: ObjectMeta,
  rights: EffectiveRights | undefined,
  readOnlySession: boolean,
): PersonalDataAbilities {
  if (meta.key !== SUBJECT) return NONE;
  const admin = rights?.administrator === true;
  const has = (right: string) => admin || (rights?.objects[meta.key]?.rights[right] ?? 'none') !== 'none';
  const named = (action: string, otherwise: () => boolean) => {
    const right = `${meta.key}.${action}`;
    return (meta.actions ?? []).includes(right) ? has(right) : otherwise();
  };
  return {
    vcard: true,
    export: named('personal_data', () => has('export')),
    anonymise: !readOnlySession && named('anonymise', () => admin),
  };
}
