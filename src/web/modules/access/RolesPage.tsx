import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { useRoles } from './api.ts';

/** `/admin/roles`: every role, who has it, and the way to a new one. */
export function RolesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('access:roles.title')} · ${t('common:appName')}`);
  const roles = useRoles();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('access:roles.title')}
        </Title>
        <Button component={Link} to="/admin/roles/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t('access:roles.new')}
        </Button>
      </Group>
      {roles.isPending ? (
        <PageLoader />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-label={t('access:roles.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('access:roles.name')}</Table.Th>
                <Table.Th scope="col">{t('access:roles.description')}</Table.Th>
                <Table.Th scope="col">{t('access:roles.accounts')}</Table.Th>
                <Table.Th scope="col">{t('access:roles.workGroups')}</Table.Th>
                <Table.Th scope="col">{t('access:roles.requireTotp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roles.data.map((role) => (
                <Table.Tr key={role.id}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/admin/roles/${role.id}`}>
                        {role.name}
                      </Anchor>
                      {role.builtin && (
                        <Badge variant="light" color="gray">
                          {t('access:roles.builtin')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {role.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{role.accounts.length}</Table.Td>
                  <Table.Td>{role.workGroups.length}</Table.Td>
                  <Table.Td>{role.requireTotp ? t('common:yes') : t('common:no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
