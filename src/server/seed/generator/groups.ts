// Company and person groups, and who belongs to them.
import { checkIndex, checkRange, type DatasetSize, STREAM } from './context.ts';
import { COMPANY_GROUP_TEMPLATES, type GroupTemplate, PERSON_GROUP_TEMPLATES } from './names-groups.ts';
import { forIndex } from './prng.ts';
import type { GroupRow, Membership } from './rows.ts';

/** Templates in a seed-dependent rotation; past the end of the list names get a number. */
function groupAt(seed: number, index: number, templates: readonly GroupTemplate[], kind: string): GroupRow {
  const offset = forIndex(seed, STREAM.groupOrder, kind === 'company' ? 0 : 1).int(0, templates.length - 1);
  const template = templates[(index + offset) % templates.length];
  if (template === undefined) throw new RangeError(`No ${kind} group templates`);
  const lap = Math.floor(index / templates.length);
  return {
    name: lap === 0 ? template.name : `${template.name} ${lap + 1}`,
    description: template.description,
  };
}

export function companyGroupAt(seed: number, index: number, size: DatasetSize): GroupRow {
  checkIndex(index, size.companyGroups, 'Company group');
  return groupAt(seed, index, COMPANY_GROUP_TEMPLATES, 'company');
}

export function personGroupAt(seed: number, index: number, size: DatasetSize): GroupRow {
  checkIndex(index, size.personGroups, 'Person group');
  return groupAt(seed, index, PERSON_GROUP_TEMPLATES, 'person');
}

export function* companyGroups(seed: number, size: DatasetSize): Generator<GroupRow, void, undefined> {
  for (let index = 0; index < size.companyGroups; index++) yield companyGroupAt(seed, index, size);
}

export function* personGroups(seed: number, size: DatasetSize): Generator<GroupRow, void, undefined> {
  for (let index = 0; index < size.personGroups; index++) yield personGroupAt(seed, index, size);
}

const MEMBERSHIP_COUNT_MIX = [
  [0, 55],
  [1, 30],
  [2, 12],
  [3, 3],
] as const;

/**
 * Each member decides its own groups from its own stream, so any member range can be streamed
 * independently. Lower group indexes are favoured: real groups differ a lot in size.
 */
function* memberships(
  seed: number,
  stream: string,
  groupCount: number,
  from: number,
  to: number,
): Generator<Membership, void, undefined> {
  if (groupCount === 0) return;
  for (let member = from; member < to; member++) {
    const rng = forIndex(seed, stream, member);
    const count = Math.min(rng.weighted(MEMBERSHIP_COUNT_MIX), groupCount);
    const taken: number[] = [];
    while (taken.length < count) {
      const group = Math.floor(groupCount * rng.float() ** 1.5);
      if (taken.includes(group)) continue;
      taken.push(group);
      yield [group, member];
    }
  }
}

export function companyGroupMemberships(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = size.companies,
): Generator<Membership, void, undefined> {
  checkRange(from, to, size.companies, 'Company');
  return memberships(seed, STREAM.companyMembership, size.companyGroups, from, to);
}

export function personGroupMemberships(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = size.people,
): Generator<Membership, void, undefined> {
  checkRange(from, to, size.people, 'Person');
  return memberships(seed, STREAM.personMembership, size.personGroups, from, to);
}
