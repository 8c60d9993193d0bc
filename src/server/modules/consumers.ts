import type { AppServices } from '../http/types.ts';
import { NOTIFICATION_RULES } from './notification-rules.ts';
import { registerNotificationConsumer } from './notifications/jobs.ts';

/**
 * Each capability that reacts to committed changes registers its event consumers here (ADR
 * 0011), the way `jobs.ts` composes background jobs; the dispatcher knows no capability by name.
 */
const MODULE_CONSUMERS: Array<(services: AppServices) => void> = [
  (services) => registerNotificationConsumer(services, NOTIFICATION_RULES),
];

export function registerModuleConsumers(services: AppServices): void {
  for (const register of MODULE_CONSUMERS) register(services);
}
