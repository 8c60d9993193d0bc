import { Stack } from '@mantine/core';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useObjects } from '../metadata/index.ts';
import { membershipsOf } from './group-objects.ts';
import { MembersSection } from './MembersSection.tsx';

/**
 * A group's members on its record page: listed, and for a group of chosen members added (found
 * by search or from a pasted list) and removed. Nothing for an object that is not a group.
 */
export function GroupMembersPanel({ meta, record }: { meta: ObjectMeta; record: RecordData }) {
  const objects = useObjects().data;
  const memberships = membershipsOf(meta, objects ?? []);
  if (memberships.length === 0) return null;
  return (
    <Stack gap="xl">
      {memberships.map((membership) => (
        <MembersSection
          key={`${membership.members.key}.${membership.field.key}`}
          membership={membership}
          group={record}
          groupMeta={meta}
          named={memberships.length > 1}
        />
      ))}
    </Stack>
  );
}
