import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Filter } from '../../../shared/filter/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useListCount } from '../../records/list-actions.ts';
import { useRecordPages } from '../../records/queries.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { useObjectAbilities } from '../access/index.ts';
import { pickLabel, recordTitle, titleProjection } from '../metadata/index.ts';
import { AddMembersDialog } from './AddMembersDialog.tsx';
import { changeMembers } from './api.ts';
import { isDynamicGroup, type Membership, memberIdentifier, membersListLink } from './group-objects.ts';
import { MembersTable } from './MembersTable.tsx';

/** Members per page: a group page is read, not scrolled through; the whole list is one link away. */
const MEMBERS_PAGE = 25;

interface MembersSectionProps {
  membership: Membership;
  group: RecordData;
  groupMeta: ObjectMeta;
  /** More than one kind of member points here: the heading names which. */
  named: boolean;
}

export function MembersSection({ membership, group, groupMeta, named }: MembersSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { members, field } = membership;
  const dynamic = isDynamicGroup(group);
  // Members are changed on their own records (the membership is their field): the bulk action's rights.
  const abilities = useObjectAbilities(members.key);
  const canEdit = !dynamic && abilities.bulk;
  const identifier = memberIdentifier(members);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [marked, setMarked] = useState<ReadonlySet<number>>(new Set());
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState(false);
  const filter: Filter = { field: field.key, op: 'in', value: [group.id] };
  const pages = useRecordPages({
    object: members.key,
    filter,
    q,
    fields: [...titleProjection(members, locale), ...(identifier ? [identifier.field.key] : [])],
    locale,
    limit: MEMBERS_PAGE,
  });
  const count = useListCount({ object: members.key, filter, q });
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const groupTitle = recordTitle(groupMeta, group, locale) || `#${group.id}`;
  const headingId = `group-members-${members.key}-${field.key}`;
  // Members the reader may not read are simply not shown, as in related lists.
  if (pages.error instanceof ApiError && pages.error.status === 403) return null;

  async function remove(ids: number[]) {
    setRemoving(true);
    try {
      const result = await changeMembers(membership, group.id, ids, 'removeFromGroup');
      const removed = result.updated ?? result.count;
      notify(t('groups:members.removed', { count: removed, formatted: format.number(removed) }));
      setMarked(new Set());
      await queryClient.invalidateQueries({ queryKey: ['records', members.key] });
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      setRemoving(false);
    }
  }

  const total = count.data ? format.number(count.data.count) + (count.data.exact ? '' : '+') : null;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Group gap="xs" align="baseline">
          <Title order={2} size="h4" id={headingId}>
            {named
              ? t('groups:members.titleOf', { object: pickLabel(members.labels.many, locale) })
              : t('groups:members.title')}
          </Title>
          {total !== null && q === '' && (
            <Text size="sm" c="dimmed">
              {t('groups:members.total', { formatted: total })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Button
            component={Link}
            to={membersListLink(membership, group.id)}
            variant="subtle"
            size="compact-sm"
          >
            {t('groups:members.openList')}
          </Button>
          {canEdit && (
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconUserPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('groups:add.open')}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        {dynamic && (
          <Alert variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('groups:members.dynamic')}
          </Alert>
        )}
        <Group gap="xs" align="flex-end" justify="space-between">
          <TextInput
            aria-label={t('groups:members.filter')}
            placeholder={t('groups:members.filter')}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setMarked(new Set());
            }}
            w={280}
          />
          {canEdit && marked.size > 0 && (
            <Button color="red" variant="light" loading={removing} onClick={() => void remove([...marked])}>
              {t('groups:members.removeMarked', { formatted: format.number(marked.size) })}
            </Button>
          )}
        </Group>
        {pages.isError ? (
          <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        ) : pages.isPending ? (
          <Text c="dimmed">{t('common:loading')}</Text>
        ) : rows.length === 0 ? (
          <Text c="dimmed">
            {q === '' ? t('groups:members.none') : t('groups:members.noMatch', { text: q })}
          </Text>
        ) : (
          <MembersTable
            members={members}
            fact={identifier?.field ?? null}
            rows={rows}
            headingId={headingId}
            editable={canEdit}
            busy={removing}
            marked={marked}
            onMark={setMarked}
            onRemove={(id) => void remove([id])}
          />
        )}
        {pages.hasNextPage && (
          <Group justify="center">
            <Button
              variant="subtle"
              loading={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
            >
              {t('groups:members.more')}
            </Button>
          </Group>
        )}
      </Stack>
      {adding && (
        <AddMembersDialog
          membership={membership}
          groupId={group.id}
          groupTitle={groupTitle}
          identifier={identifier}
          onClose={() => setAdding(false)}
        />
      )}
    </section>
  );
}
