import { Box, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './LoadingMore.module.css';

/** Under a list (table or cards) while its next page loads, kept at the bottom of the view. */
export function LoadingMore() {
  const { t } = useTranslation();
  return (
    <Box className={classes.loadingMore} role="status">
      <Loader size="xs" />
      <Text size="xs" c="dimmed">
        {t('records:list.loadingMore')}
      </Text>
    </Box>
  );
}
