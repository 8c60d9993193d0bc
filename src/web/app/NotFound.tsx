import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={1} size="h2">
        {t('shell:notFound.title')}
      </Title>
      <Text>{t('shell:notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('shell:notFound.home')}
      </Button>
    </Stack>
  );
}
