import { Button, Group, Text } from '@mantine/core';
import { IconEye, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSetViewAs, useViewAs } from './view-as.ts';

/** Height of the banner strip; the shell adds it to the header while viewing as someone. */
export const VIEW_AS_BANNER_HEIGHT = 40;

/** "Viewing as <login> — Stop", on every screen while an administrator views as someone else. */
export function ViewAsBanner() {
  const { t } = useTranslation();
  const target = useViewAs();
  const setViewAs = useSetViewAs();
  if (!target) return null;
  return (
    <Group
      role="region"
      aria-label={t('access:viewAs.region')}
      h={VIEW_AS_BANNER_HEIGHT}
      px="md"
      gap="sm"
      wrap="nowrap"
      justify="center"
      // Dark text on pale orange in both colour schemes: unmissable, and above 4.5:1 contrast.
      bg="var(--mantine-color-orange-1)"
      c="var(--mantine-color-dark-9)"
      style={{ borderTop: '1px solid var(--mantine-color-orange-4)' }}
    >
      <IconEye size={18} aria-hidden />
      <Text size="sm" fw={600} truncate>
        {t('access:viewAs.banner', { login: target.login })}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconX size={14} aria-hidden />}
        onClick={() => void setViewAs(null)}
      >
        {t('access:viewAs.stop')}
      </Button>
    </Group>
  );
}
