import { kindOf } from '../../../shared/field-types/index.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import type { IdentifierKind } from './paste-list.ts';

/** A group object's members: the object they are records of, and its membership field. */
export interface Membership {
  members: ObjectMeta;
  field: FieldMeta;
}

/**
 * What makes an object a group, read from metadata: other objects have a membership field whose
 * target it is (a company's `groups` → company_group). One entry per such field.
 */
export function membershipsOf(meta: ObjectMeta, objects: ObjectMeta[]): Membership[] {
  return objects.flatMap((members) =>
    members.fields
      .filter((field) => !field.system && field.target === meta.key && kindOf(field) === 'membership')
      .map((field) => ({ members, field })),
  );
}

/**
 * This module's own groups (server: modules/clients/groups.ts) say in `kind` whether members are
 * chosen or are whoever matches the saved filter; a group without the field is chosen by hand.
 */
export function isDynamicGroup(record: RecordData): boolean {
  return record.kind === 'dynamic';
}

/**
 * How a pasted list names members of this module's groups, also the fact shown beside each
 * member's name: a company by its tax id, a person by e-mail.
 */
const MEMBER_IDENTIFIERS: Record<string, { key: string; kind: IdentifierKind }> = {
  company: { key: 'tax_id', kind: 'taxId' },
  person: { key: 'email', kind: 'email' },
};

export interface MemberIdentifier {
  field: FieldMeta;
  kind: IdentifierKind;
}

/** Null for other objects, and when the reader may not see the field (hidden ones are absent). */
export function memberIdentifier(members: ObjectMeta): MemberIdentifier | null {
  const known = MEMBER_IDENTIFIERS[members.key];
  const field = known && members.fields.find((candidate) => candidate.key === known.key);
  return known && field ? { field, kind: known.kind } : null;
}

/** The list of members with every list tool: the membership filter in the address. */
export function membersListLink(membership: Membership, groupId: number): string {
  const filter = { field: membership.field.key, op: 'in', value: [groupId] };
  return `/records/${membership.members.key}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}
