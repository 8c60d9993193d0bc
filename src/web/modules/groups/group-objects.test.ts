import { describe, expect, it } from 'vitest';
import { fieldMeta } from '../../../../test/metadata-fixtures.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { isDynamicGroup, memberIdentifier, membershipsOf, membersListLink } from './group-objects.ts';

function object(key: string, fields: ObjectMeta['fields']): ObjectMeta {
  const label = { en: key, pl: key, hu: key };
  return {
    key,
    labels: { one: label, many: label },
    icon: 'x',
    titleFields: ['name'],
    searchable: true,
    defaultSort: [],
    fields: [fieldMeta('id', 'integer', { system: true }), fieldMeta('name', 'text'), ...fields],
  };
}

const clubs = object('club', []);
const teams = object('team', []);
const company = object('company', [
  fieldMeta('tax_id', 'taxId'),
  fieldMeta('clubs', 'multiRelation', { target: 'club' }),
  // One team per company: a relation, not a membership — the team is no group.
  fieldMeta('team', 'relation', { target: 'team' }),
]);
const person = object('person', [fieldMeta('clubs', 'multiRelation', { target: 'club' })]);

describe('membershipsOf', () => {
  it('makes an object a group when another object has a membership field pointing at it', () => {
    const memberships = membershipsOf(clubs, [clubs, teams, company, person]);
    expect(memberships.map((m) => `${m.members.key}.${m.field.key}`)).toEqual([
      'company.clubs',
      'person.clubs',
    ]);
  });

  it('finds no members for an object only relations point at', () => {
    expect(membershipsOf(teams, [clubs, teams, company, person])).toEqual([]);
    expect(membershipsOf(company, [clubs, teams, company, person])).toEqual([]);
  });
});

describe('memberIdentifier', () => {
  it('names companies by tax id and people by e-mail, when the reader sees the field', () => {
    expect(memberIdentifier(company)).toMatchObject({ kind: 'taxId', field: { key: 'tax_id' } });
    // Hidden fields are absent from the reader's metadata: no pasting by them.
    expect(memberIdentifier(person)).toBeNull();
    expect(memberIdentifier(object('person', [fieldMeta('email', 'email')]))).toMatchObject({
      kind: 'email',
      field: { key: 'email' },
    });
    expect(memberIdentifier(clubs)).toBeNull();
  });
});

describe('group kinds and links', () => {
  it('tells a dynamic group by its kind', () => {
    expect(isDynamicGroup({ id: 1, version: 1, kind: 'dynamic' })).toBe(true);
    expect(isDynamicGroup({ id: 1, version: 1, kind: 'static' })).toBe(false);
    expect(isDynamicGroup({ id: 1, version: 1 })).toBe(false);
  });

  it('links to the member list filtered by the membership', () => {
    const [membership] = membershipsOf(clubs, [company]);
    const link = membersListLink(membership!, 7);
    const url = new URL(link, 'http://x');
    expect(url.pathname).toBe('/records/company');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({
      field: 'clubs',
      op: 'in',
      value: [7],
    });
  });
});
