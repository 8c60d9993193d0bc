import type { Locale } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import type { ListResponse, RecordData } from '../../app/api-types.ts';
import { runBulk } from '../../records/list-actions.ts';
import { queryRecords } from '../../records/queries.ts';
import { titleProjection } from '../metadata/index.ts';
import type { MemberIdentifier, Membership } from './group-objects.ts';
import { lookupKeys, matchPasted, type PastedIdentifier, type Resolution } from './paste-list.ts';

/** Identifiers per lookup: well under the filter grammar's limit of 1,000 values in a list. */
const LOOKUP_CHUNK = 200;
const PAGE = 500;

/** A new group with members chosen by hand; its title is its name. */
export async function createStaticGroup(
  object: string,
  name: string,
): Promise<{ id: number; title: string }> {
  const created = await api.post<RecordData>(`/api/records/${encodeURIComponent(object)}`, {
    name,
    kind: 'static',
  });
  return { id: created.id, title: typeof created.name === 'string' ? created.name : name };
}

/**
 * The records a pasted list names, read with the reader's rights (a record they may not see is
 * "not found", as in any list), with their memberships to tell who is in the group already.
 */
export async function resolvePasted(
  membership: Membership,
  identifier: MemberIdentifier,
  pasted: PastedIdentifier[],
  locale: Locale,
): Promise<Resolution<RecordData>> {
  const { members, field } = membership;
  const fields = [...titleProjection(members, locale), identifier.field.key, field.key];
  const records: RecordData[] = [];
  for (let start = 0; start < pasted.length; start += LOOKUP_CHUNK) {
    const values = pasted
      .slice(start, start + LOOKUP_CHUNK)
      .flatMap((item) => lookupKeys(identifier.kind, item.key));
    let cursor: string | null = null;
    do {
      const page: ListResponse = await queryRecords(
        {
          object: members.key,
          filter: { field: identifier.field.key, op: 'in', value: values },
          fields,
          locale,
          limit: PAGE,
        },
        cursor,
      );
      records.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return matchPasted(identifier.kind, pasted, records, (record) => record[identifier.field.key]);
}

/** Adds or removes members through the bulk action, so rights, history and events apply. */
export function changeMembers(
  membership: Membership,
  groupId: number,
  ids: number[],
  type: 'addToGroup' | 'removeFromGroup',
): Promise<{ count: number; updated?: number }> {
  return runBulk(membership.members.key, { ids }, { type, field: membership.field.key, groupId }, false);
}

/** Whether a record read with its memberships is in the group already. */
export function isMember(record: RecordData, membership: Membership, groupId: number): boolean {
  const value = record[membership.field.key];
  return Array.isArray(value) && value.includes(groupId);
}
