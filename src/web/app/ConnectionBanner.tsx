import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connection, useConnectionLost } from './connection.ts';

/** Long enough to be read, short enough not to linger over the page. */
const BACK_NOTICE_MS = 3_000;

/**
 * One calm line at the top of the screen while the server cannot be reached, instead of an
 * error per request. The live region is always in the page (a region that appears together
 * with its text is often not announced); "Try now" asks the server without waiting out the pause.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const lost = useConnectionLost();
  const [backNotice, setBackNotice] = useState(false);
  const wasLost = useRef(false);
  useEffect(() => {
    if (lost) {
      wasLost.current = true;
      setBackNotice(false);
      return;
    }
    if (!wasLost.current) return;
    wasLost.current = false;
    setBackNotice(true);
    const timer = setTimeout(() => setBackNotice(false), BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [lost]);

  return (
    <div
      role="status"
      aria-live="polite"
      data-connection-banner
      style={{
        position: 'fixed',
        top: 8,
        left: '50%',
        transform: 'translateX(-50%)',
        // Above the header, dialogs and the palette: it matters wherever the user is.
        zIndex: 10_000,
        maxWidth: 'calc(100vw - 16px)',
        pointerEvents: lost || backNotice ? 'auto' : 'none',
      }}
    >
      {lost && (
        <Paper shadow="md" withBorder px="md" py={6} bg="var(--mantine-color-yellow-light)">
          <Group gap="sm" wrap="nowrap">
            <Loader size={14} color="yellow.9" aria-hidden />
            <Text size="sm" fw={500}>
              {t('connection:banner.lost')}
            </Text>
            <Button size="compact-xs" variant="subtle" color="dark" onClick={() => connection.probeNow()}>
              {t('connection:banner.retryNow')}
            </Button>
          </Group>
        </Paper>
      )}
      {!lost && backNotice && (
        <Paper shadow="md" withBorder px="md" py={6} bg="var(--mantine-color-green-light)">
          <Group gap="sm" wrap="nowrap">
            <IconPlugConnected size={16} aria-hidden />
            <Text size="sm" fw={500}>
              {t('connection:banner.back')}
            </Text>
          </Group>
        </Paper>
      )}
    </div>
  );
}
