import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { defineObject, field, labels as L } from '../metadata/define-object.ts';
import { MetadataRegistry } from '../metadata/registry.ts';
import { department } from '../modules/organisation/department.ts';
import { employee } from '../modules/organisation/employee.ts';
import { userAccount } from '../modules/organisation/user-account.ts';
import { checkFieldRules, checkGrants } from './roles.ts';

/** An object declaring a named action, as the sales module's offers will (`offer.accept`). */
const offer = defineObject({
  key: 'offer',
  labels: { one: L('Offer', 'Oferta', 'Ajánlat'), many: L('Offers', 'Oferty', 'Ajánlatok') },
  icon: 'file',
  titleFields: ['number'],
  owner: 'owner',
  actions: ['accept'],
  fields: {
    number: field.text(L('Number', 'Numer', 'Szám'), { required: true }),
    owner: field.relation(L('Owner', 'Właściciel', 'Felelős'), 'employee'),
    margin: field.integer(L('Margin', 'Marża', 'Árrés')),
  },
});
const registry = new MetadataRegistry([department, employee, userAccount, offer]);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 400) return error.message;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('checking grants and field rules against metadata', () => {
  it('accepts the named actions an object declares, with any scope it can have', () => {
    expect(checkGrants(registry, [{ object: 'offer', right: 'offer.accept', scope: 'own' }])).toEqual([
      { object: 'offer', right: 'offer.accept', scope: 'own' },
    ]);
    expect(
      refusal(() => checkGrants(registry, [{ object: 'employee', right: 'offer.accept', scope: 'all' }])),
    ).toMatch(/offer\.accept/);
  });

  it('refuses the same right twice and partial scopes on objects without an owner', () => {
    const twice = [
      { object: 'offer', right: 'read', scope: 'own' },
      { object: 'offer', right: 'read', scope: 'all' },
    ];
    expect(refusal(() => checkGrants(registry, twice))).toMatch(/twice/);
    expect(
      refusal(() => checkGrants(registry, [{ object: 'department', right: 'read', scope: 'subtree' }])),
    ).toMatch(/no owner/);
  });

  it('refuses rules on the id, the version and title fields, which every screen needs', () => {
    for (const key of ['id', 'version', 'number']) {
      expect(
        refusal(() => checkFieldRules(registry, [{ object: 'offer', field: key, access: 'hidden' }])),
      ).toMatch(key);
    }
    expect(checkFieldRules(registry, [{ object: 'offer', field: 'margin', access: 'hidden' }])).toHaveLength(
      1,
    );
  });

  it('refuses an owner path that does not end at the employee object', () => {
    const wrong = defineObject({
      key: 'note',
      labels: { one: L('Note', 'Notatka', 'Jegyzet'), many: L('Notes', 'Notatki', 'Jegyzetek') },
      icon: 'note',
      titleFields: ['title'],
      owner: 'department',
      fields: {
        title: field.text(L('Title', 'Tytuł', 'Cím')),
        department: field.relation(L('Department', 'Dział', 'Osztály'), 'department'),
      },
    });
    expect(() => new MetadataRegistry([department, employee, userAccount, wrong])).toThrow(/employee object/);
  });
});
