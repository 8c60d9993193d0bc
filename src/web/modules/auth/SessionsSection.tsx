import { Alert, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { describeUserAgent, fetchSessions, SESSIONS_KEY, type SessionItem } from './access-api.ts';

/** The browsers where the user is logged in, each with "End" (this one is marked, not endable here). */
export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: fetchSessions });
  const [ending, setEnding] = useState<string | null>(null);

  async function end(session: SessionItem) {
    setEnding(session.id);
    try {
      await api.delete(`/api/auth/sessions/${encodeURIComponent(session.id)}`);
      notify(t('settings:sessions.ended'));
    } catch (failure) {
      notify(errorMessage(failure), 'red');
    } finally {
      setEnding(null);
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    }
  }

  const device = (session: SessionItem) =>
    describeUserAgent(session.userAgent) ?? t('settings:sessions.unknownDevice');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-sessions">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-sessions">
          {t('settings:sessions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings:sessions.hint')}
        </Text>
        {sessions.isPending && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
        {sessions.isError && (
          <Alert color="red" role="alert">
            {errorMessage(sessions.error)}
          </Alert>
        )}
        {sessions.data && (
          <Table.ScrollContainer
            minWidth={520}
            type="native"
            tabIndex={0}
            role="region"
            aria-labelledby="settings-sessions"
          >
            <Table striped aria-labelledby="settings-sessions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings:sessions.device')}</Table.Th>
                  <Table.Th>{t('settings:sessions.address')}</Table.Th>
                  <Table.Th>{t('settings:sessions.lastSeen')}</Table.Th>
                  <Table.Th>{t('settings:sessions.started')}</Table.Th>
                  <Table.Th>{t('settings:sessions.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Text size="sm" title={session.userAgent ?? undefined}>
                        {device(session)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{session.ip ?? '—'}</Table.Td>
                    <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
                    <Table.Td>{format.dateTime(session.createdAt)}</Table.Td>
                    <Table.Td>
                      {session.current ? (
                        <Text size="sm" fw={600} c="blue">
                          {t('settings:sessions.current')}
                        </Text>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={ending === session.id}
                          aria-label={t('settings:sessions.endLabel', { device: device(session) })}
                          onClick={() => void end(session)}
                        >
                          {t('settings:sessions.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
