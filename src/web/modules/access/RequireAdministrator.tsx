import { Alert, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { useMyRights } from './api.ts';
import { useViewAs } from './view-as.ts';

/**
 * The administration screens are for administrators; the server refuses their requests to
 * anyone else anyway, this only says so instead of showing a screen full of errors.
 */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const rights = useMyRights();
  const viewing = useViewAs();
  if (rights.isPending) return <PageLoader />;
  if (rights.isError) return <ErrorState error={rights.error} onRetry={() => void rights.refetch()} />;
  if (rights.data.administrator) return children;
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1} size="h2">
        {t('access:admin.title')}
      </Title>
      <Alert color="yellow" role="alert">
        {viewing ? t('access:admin.stopViewingFirst', { login: viewing.login }) : t('access:admin.only')}
      </Alert>
    </Stack>
  );
}
