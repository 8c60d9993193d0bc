import { describe, expect, it } from 'vitest';
import type { EffectiveRights } from '../../../shared/access/rights.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { personalDataAbilities } from './abilities.ts';

const meta = (key: string, actions: string[] = []) =>
  ({ key, actions, labels: {}, fields: [], titleFields: [] }) as unknown as ObjectMeta;

const rights = (granted: Record<string, 'own' | 'all'>, administrator = false): EffectiveRights => ({
  accountId: 2,
  employeeId: null,
  administrator,
  roles: [],
  objects: { person: { rights: { read: 'own', ...granted }, hiddenFields: [], readOnlyFields: [] } },
});

describe('personal data tools offered on a page', () => {
  it('offer nothing on other objects, the vCard to every reader of a person', () => {
    expect(personalDataAbilities(meta('company'), rights({ export: 'all' }, true), false)).toEqual({
      vcard: false,
      export: false,
      anonymise: false,
    });
    expect(personalDataAbilities(meta('person'), undefined, false)).toEqual({
      vcard: true,
      export: false,
      anonymise: false,
    });
  });

  it('follow the export right and administrators until the object declares its actions', () => {
    expect(personalDataAbilities(meta('person'), rights({ export: 'own', update: 'own' }), false)).toEqual({
      vcard: true,
      export: true,
      anonymise: false,
    });
    expect(personalDataAbilities(meta('person'), rights({}, true), false).anonymise).toBe(true);
    // Viewing as someone else never writes.
    expect(personalDataAbilities(meta('person'), rights({}, true), true).anonymise).toBe(false);
  });

  it('follow the named actions once declared', () => {
    const declared = meta('person', ['person.personal_data', 'person.anonymise']);
    expect(personalDataAbilities(declared, rights({ export: 'all' }), false)).toEqual({
      vcard: true,
      export: false,
      anonymise: false,
    });
    expect(
      personalDataAbilities(
        declared,
        rights({ 'person.personal_data': 'own', 'person.anonymise': 'own' }),
        false,
      ),
    ).toEqual({ vcard: true, export: true, anonymise: true });
  });
});
