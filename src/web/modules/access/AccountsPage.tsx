import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconDots,
  IconEye,
  IconKey,
  IconLockOpen,
  IconPlus,
  IconShieldCheck,
  IconShieldLock,
  IconUserOff,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { useRecordTitles } from '../../records/titles.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import {
  CreateAccountDialog,
  DeactivateDialog,
  ResetPasswordDialog,
  RolesDialog,
} from './AccountDialogs.tsx';
import { ACCESS_KEY, type AccountItem, accessApi, useAccounts, useRoles } from './api.ts';
import { useSetViewAs } from './view-as.ts';

type Open =
  | { dialog: 'create' }
  | { dialog: 'roles' | 'password' | 'deactivate'; account: AccountItem }
  | null;

/** `/admin/accounts`: who can log in, with which roles; create, deactivate, reset, view as. */
export function AccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('access:accounts.title')} · ${t('common:appName')}`);
  const locale = useLocale();
  const format = useFormatters();
  const me = useCurrentUser();
  const accounts = useAccounts();
  const roles = useRoles();
  const setViewAs = useSetViewAs();
  const [open, setOpen] = useState<Open>(null);
  const employees = useRecordTitles(
    'employee',
    (accounts.data ?? []).flatMap((account) => (account.employee === null ? [] : [account.employee])),
    locale,
  );
  const roleName = new Map((roles.data ?? []).map((role) => [role.id, role.name]));
  const setTotpRequired = useSetTotpRequired();
  // Roles may require two-factor login too; the account's own flag is the one toggled here.
  const rolesRequiringTotp = new Set(
    (roles.data ?? []).filter((role) => role.requireTotp).map((role) => role.id),
  );

  if (accounts.isPending || roles.isPending) return <PageLoader />;
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('access:accounts.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setOpen({ dialog: 'create' })}
        >
          {t('access:accounts.new')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover aria-label={t('access:accounts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('access:accounts.login')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.employee')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.roles')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.state')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.twoFactor')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.lastLogin')}</Table.Th>
              <Table.Th scope="col">{t('access:accounts.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((account) => (
              <Table.Tr key={account.id} c={account.active ? undefined : 'dimmed'}>
                <Table.Th scope="row" fw={500}>
                  {account.login}
                </Table.Th>
                <Table.Td>
                  {account.employee === null ? '' : (employees.get(account.employee) ?? '…')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {account.roles.map((id) => (
                      <Badge key={id} variant="light" tt="none">
                        {roleName.get(id) ?? `#${id}`}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {account.active ? t('access:accounts.active') : t('access:accounts.inactive')}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {account.totpEnabled ? t('access:accounts.on') : t('access:accounts.off')}
                    {account.totpRequired && (
                      // Orange or grey text on its pale ground is below 4.5:1: the text keeps its colour.
                      <Badge variant="light" color="orange" tt="none" c="var(--mantine-color-text)">
                        {t('access:accounts.totpRequired')}
                      </Badge>
                    )}
                    {!account.totpRequired && account.roles.some((id) => rolesRequiringTotp.has(id)) && (
                      <Badge variant="light" color="gray" tt="none" c="var(--mantine-color-text)">
                        {t('access:accounts.totpRequiredByRole')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {account.lastLoginAt ? format.dateTime(account.lastLoginAt) : t('access:accounts.never')}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('access:accounts.actionsFor', { login: account.login })}
                      >
                        <IconDots size={18} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconShieldLock size={14} aria-hidden />}
                        onClick={() => setOpen({ dialog: 'roles', account })}
                      >
                        {t('access:accounts.editRoles')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconKey size={14} aria-hidden />}
                        onClick={() => setOpen({ dialog: 'password', account })}
                      >
                        {t('access:accounts.resetPassword')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={
                          account.totpRequired ? (
                            <IconLockOpen size={14} aria-hidden />
                          ) : (
                            <IconShieldCheck size={14} aria-hidden />
                          )
                        }
                        onClick={() => void setTotpRequired(account, !account.totpRequired)}
                      >
                        {account.totpRequired
                          ? t('access:accounts.stopRequiringTotp')
                          : t('access:accounts.requireTotp')}
                      </Menu.Item>
                      {/* Seeing the application as oneself, or as nobody who can log in, shows nothing new. */}
                      {account.active && account.id !== me?.id && (
                        <Menu.Item
                          leftSection={<IconEye size={14} aria-hidden />}
                          onClick={() =>
                            void setViewAs({ id: account.id, login: account.login, by: me?.id ?? 0 })
                          }
                        >
                          {t('access:accounts.viewAs')}
                        </Menu.Item>
                      )}
                      {account.active && (
                        <>
                          <Menu.Divider />
                          <Menu.Item
                            color="red"
                            leftSection={<IconUserOff size={14} aria-hidden />}
                            onClick={() => setOpen({ dialog: 'deactivate', account })}
                          >
                            {t('access:accounts.deactivate')}
                          </Menu.Item>
                        </>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open?.dialog === 'create' && <CreateAccountDialog roles={roles.data} onClose={() => setOpen(null)} />}
      {open?.dialog === 'roles' && (
        <RolesDialog account={open.account} roles={roles.data} onClose={() => setOpen(null)} />
      )}
      {open?.dialog === 'password' && (
        <ResetPasswordDialog account={open.account} onClose={() => setOpen(null)} />
      )}
      {open?.dialog === 'deactivate' && (
        <DeactivateDialog account={open.account} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}

/**
 * Requiring two-factor login of one account (its roles may require it too, which this does not
 * show). No confirmation: it is undone the same way, and the account keeps working once it has
 * set two-factor login up.
 */
function useSetTotpRequired(): (account: AccountItem, required: boolean) => Promise<void> {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  return async (account, required) => {
    try {
      await accessApi.setTotpRequired(account.id, required);
      notify(
        t(required ? 'access:accounts.totpRequiredSet' : 'access:accounts.totpRequiredCleared', {
          login: account.login,
        }),
      );
    } catch (error) {
      notify(errorMessage(error), 'red');
    } finally {
      await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
    }
  };
}
