import {
  ActionIcon,
  Alert,
  Badge,
  Divider,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client.ts';
import { useRecordTitles } from '../../records/titles.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { ShareForm } from './ShareForm.tsx';
import {
  SHARE_TARGET_OBJECT,
  type Share,
  type ShareKind,
  type ShareNamer,
  sharesApi,
  sharesKey,
  shareTarget,
  useShares,
} from './shares-api.ts';

/**
 * Titles of everything the record is shared with, one query per kind. An object the reader may
 * not read (a non-administrator and user accounts) has no metadata, so its titles are not asked
 * for and the kind and id stand in.
 */
function useShareNames(shares: Share[]): ShareNamer {
  const { t } = useTranslation();
  const locale = useLocale();
  const idsOf = (kind: ShareKind) => shares.flatMap((share) => (share[kind] === null ? [] : [share[kind]]));
  const titles: Record<ShareKind, Map<number, string>> = {
    account: useRecordTitles(SHARE_TARGET_OBJECT.account, idsOf('account'), locale),
    department: useRecordTitles(SHARE_TARGET_OBJECT.department, idsOf('department'), locale),
    workGroup: useRecordTitles(SHARE_TARGET_OBJECT.workGroup, idsOf('workGroup'), locale),
  };
  return (kind, id) =>
    titles[kind].get(id) ?? t('access:share.unnamed', { kind: t(`access:share.kind.${kind}`), id });
}

/**
 * "Share": who else may read or edit this one record beyond what their roles allow, and adding
 * or removing such a share. Offered to whoever may edit the record (its `_can.share`); the
 * server checks it again.
 */
export function ShareDialog(props: { object: string; id: number; title: string; onClose: () => void }) {
  const { object, id, title, onClose } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const shares = useShares(object, id, true);
  const items = shares.data ?? [];
  const nameOf = useShareNames(items);
  const [removing, setRemoving] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove(share: Share, name: string) {
    setRemoving(share.id);
    setProblem(null);
    try {
      await sharesApi.remove(object, id, share.id);
      notify(t('access:share.removed', { name }));
    } catch (error) {
      // Someone removed it meanwhile: the refreshed list shows that, nothing to report.
      if (!(error instanceof ApiError && error.status === 404)) setProblem(errorMessage(error));
    } finally {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: sharesKey(object, id) });
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('access:share.title', { title })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('access:share.hint')}
        </Text>
        <section aria-labelledby="share-current">
          <Title order={3} size="h5" id="share-current" mb="xs">
            {t('access:share.current')}
          </Title>
          {problem && (
            <Alert color="red" role="alert" mb="xs">
              {problem}
            </Alert>
          )}
          {shares.isPending ? (
            <Text size="sm" c="dimmed">
              {t('common:loading')}
            </Text>
          ) : shares.isError ? (
            <ErrorState error={shares.error} onRetry={() => void shares.refetch()} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('access:share.none')}
            </Text>
          ) : (
            <Table aria-labelledby="share-current" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('access:share.who')}</Table.Th>
                  <Table.Th scope="col">{t('access:share.access')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('access:share.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((share) => {
                  const target = shareTarget(share);
                  if (!target) return null;
                  const name = nameOf(target.kind, target.id);
                  return (
                    <Table.Tr key={share.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Badge variant="light" color="gray" tt="none">
                            {t(`access:share.kind.${target.kind}`)}
                          </Badge>
                          <Text size="sm">{name}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>{t(`access:share.level.${share.access}`)}</Table.Td>
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          loading={removing === share.id}
                          onClick={() => void remove(share, name)}
                          aria-label={t('access:share.remove', { name })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <Divider />
        <ShareForm object={object} id={id} shares={items} nameOf={nameOf} />
      </Stack>
    </Modal>
  );
}
