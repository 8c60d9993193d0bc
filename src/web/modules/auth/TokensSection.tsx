import { Alert, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { fetchTokens, TOKENS_KEY, type TokenItem } from './access-api.ts';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: TokenItem, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The user's API tokens (made for integrations through the API), each live one with "Revoke". */
export function TokensSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: fetchTokens });
  const [revoking, setRevoking] = useState<number | null>(null);
  const now = Date.now();

  async function revoke(token: TokenItem) {
    setRevoking(token.id);
    try {
      await api.delete(`/api/auth/tokens/${token.id}`);
      notify(t('settings:tokens.revoked'));
    } catch (failure) {
      notify(errorMessage(failure), 'red');
    } finally {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    }
  }

  const stateLabel: Record<Exclude<TokenState, 'active'>, string> = {
    revoked: t('settings:tokens.revokedState'),
    expired: t('settings:tokens.expired'),
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-tokens">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-tokens">
          {t('settings:tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings:tokens.hint')}
        </Text>
        {tokens.isPending && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
        {tokens.isError && (
          <Alert color="red" role="alert">
            {errorMessage(tokens.error)}
          </Alert>
        )}
        {tokens.data && tokens.data.length === 0 && <Text size="sm">{t('settings:tokens.none')}</Text>}
        {tokens.data && tokens.data.length > 0 && (
          <Table.ScrollContainer
            minWidth={560}
            type="native"
            tabIndex={0}
            role="region"
            aria-labelledby="settings-tokens"
          >
            <Table striped aria-labelledby="settings-tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings:tokens.name')}</Table.Th>
                  <Table.Th>{t('settings:tokens.created')}</Table.Th>
                  <Table.Th>{t('settings:tokens.expires')}</Table.Th>
                  <Table.Th>{t('settings:tokens.lastUsed')}</Table.Th>
                  <Table.Th>{t('settings:tokens.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => {
                  const state = stateOf(token, now);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                      <Table.Td>
                        {token.expiresAt ? format.dateTime(token.expiresAt) : t('settings:tokens.never')}
                      </Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('settings:tokens.notUsed')}
                      </Table.Td>
                      <Table.Td>
                        {state === 'active' ? (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            loading={revoking === token.id}
                            aria-label={t('settings:tokens.revokeLabel', { name: token.name })}
                            onClick={() => void revoke(token)}
                          >
                            {t('settings:tokens.revoke')}
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {stateLabel[state]}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
