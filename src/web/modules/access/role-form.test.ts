import { describe, expect, it } from 'vitest';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import { bodyOf, draftOf, ruleFields, scopesFor, withFieldRule, withGrant } from './role-form.ts';
import type { Role } from './types.ts';

const labels = { en: 'x', pl: 'x', hu: 'x' };
const field = (key: string, system = false): FieldMeta => ({
  key,
  type: 'text',
  labels,
  required: false,
  readOnly: system,
  system,
  sortable: true,
  filterable: true,
});
const object = (key: string, owner?: string, actions?: string[]): ObjectMeta => ({
  key,
  labels: { one: labels, many: labels },
  icon: 'x',
  titleFields: ['name'],
  searchable: true,
  defaultSort: [],
  ...(owner ? { owner } : {}),
  ...(actions ? { actions } : {}),
  fields: [field('id', true), field('name'), field('city'), field('notes')],
});
const company = object('company', 'account_manager', ['company.merge']);
const dictionary = object('dictionary_value');

const role: Role = {
  id: 2,
  name: 'Sales',
  description: null,
  builtin: null,
  requireTotp: false,
  grants: [
    { object: 'company', right: 'read', scope: 'own' },
    { object: 'company', right: 'company.merge', scope: 'all' },
    { object: 'gone', right: 'read', scope: 'all' },
  ],
  fields: [{ object: 'company', field: 'notes', access: 'hidden' }],
  accounts: [],
  workGroups: [],
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('role form', () => {
  it('reads a role into a draft and writes back only what differs from the defaults', () => {
    const draft = draftOf(role);
    expect(draft.grants.company).toEqual({ read: 'own', 'company.merge': 'all' });
    const body = bodyOf(draft, [company, dictionary]);
    // The grant on an object that no longer exists is dropped, not sent to be refused.
    expect(body.grants).toEqual([
      { object: 'company', right: 'read', scope: 'own' },
      { object: 'company', right: 'company.merge', scope: 'all' },
    ]);
    expect(body.fields).toEqual([{ object: 'company', field: 'notes', access: 'hidden' }]);
    expect(body.description).toBeNull();
  });

  it('changes one cell without touching the others, and leaves out none and edit', () => {
    let draft = withGrant(draftOf(role), 'company', 'read', 'all');
    draft = withGrant(draft, 'company', 'company.merge', 'none');
    draft = withFieldRule(draft, 'company', 'notes', 'edit');
    draft = withFieldRule(draft, 'company', 'city', 'read');
    const body = bodyOf(draft, [company]);
    expect(body.grants).toEqual([{ object: 'company', right: 'read', scope: 'all' }]);
    expect(body.fields).toEqual([{ object: 'company', field: 'city', access: 'read' }]);
    expect(draftOf(role).grants.company?.read).toBe('own');
  });

  it('offers only none and all for objects without an owner, and widens anything else to all', () => {
    expect(scopesFor(company)).toEqual(['none', 'own', 'department', 'subtree', 'all']);
    expect(scopesFor(dictionary)).toEqual(['none', 'all']);
    const body = bodyOf(withGrant(draftOf(null), 'dictionary_value', 'read', 'own'), [dictionary]);
    expect(body.grants).toEqual([{ object: 'dictionary_value', right: 'read', scope: 'all' }]);
  });

  it('has no field rules for system or title fields', () => {
    expect(ruleFields(company).map((f) => f.key)).toEqual(['city', 'notes']);
  });
});
