import type { Dialect } from '../../db/dialects/dialect.ts';
import type { AppServices } from '../../http/types.ts';
import type { EventConsumer } from '../../records/events.ts';
import { deliverPlans, type PlannedNotice } from './delivery.ts';
import { SIGNAL_CHANNEL } from './kinds.ts';
import { RuleContext } from './rule-context.ts';
import { type NotificationRule, plansFor } from './rules.ts';

export const CONSUMER_NAME = 'notifications';

/**
 * Turns committed changes into notifications (ADR 0011). Everything it writes — the
 * notifications and their mail jobs — goes into the transaction that advances its cursor, so a
 * batch counts exactly once; a replay of the same events (a cursor moved back) meets the unique
 * key `(event_id, recipient_id, kind)` and writes nothing, and so queues no second mail. Only
 * the live signal comes after the commit: lost, it costs a stream a moment, not a notification.
 * It starts `now`: installed on a running CRM it must not mail a year of old changes.
 */
export function notificationsConsumer(
  services: AppServices,
  rules: readonly NotificationRule[],
): EventConsumer {
  return {
    name: CONSUMER_NAME,
    start: 'now',
    batchSize: 200,
    handle: async (events, { trx, afterCommit }) => {
      const context = new RuleContext(trx, services.dialect, services.registry);
      await context.prefetch(events);
      const planned: PlannedNotice[] = [];
      for (const event of events) {
        for (const plan of await plansFor(rules, context, event)) planned.push({ event, plan });
      }
      if (planned.length === 0) return;
      const woken = await deliverPlans(services, trx, planned);
      if (woken.size > 0) afterCommit(() => signalRecipients(services.dialect, [...woken]));
    },
  };
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: 400 ids of 15 digits stay below. */
const SIGNAL_CHUNK = 400;

/** Wakes the streams of these users on every instance (payload: their ids, comma-separated). */
export async function signalRecipients(dialect: Dialect, userIds: number[]): Promise<void> {
  for (let start = 0; start < userIds.length; start += SIGNAL_CHUNK) {
    await dialect.signal(SIGNAL_CHANNEL, userIds.slice(start, start + SIGNAL_CHUNK).join(','));
  }
}
