import { notifications } from '@mantine/notifications';
import { i18n } from '../app/i18n.ts';

/** A short message in the corner; its close button gets a name (Mantine's has none by default). */
export function notify(message: string, color: 'green' | 'yellow' | 'red' = 'green'): void {
  notifications.show({
    message,
    color,
    closeButtonProps: { 'aria-label': i18n.t('common:close') },
  });
}
