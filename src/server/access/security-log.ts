import type { SecurityEventKind } from '../../shared/access/api.ts';
import type { Executor } from '../db/dialects/dialect.ts';

export { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../shared/access/api.ts';

export interface SecurityEvent {
  kind: SecurityEventKind;
  accountId?: number | null;
  /** The login as it was typed (trimmed, lower-cased): failed attempts at unknown logins matter too. */
  login?: string | null;
  ip?: string | null;
  /** Anything else worth knowing, as JSON; never a password, code or token. */
  details?: Record<string, unknown> | null;
  /** When it happened; the caller's clock (services.now) so tests with a fixed clock agree. */
  at?: Date;
}

/**
 * Appends one row to `security_event`. Pass the transaction when the event belongs to a change
 * (so the log says exactly what committed); pass the root connection otherwise.
 */
export async function logSecurityEvent(executor: Executor, event: SecurityEvent): Promise<void> {
  await executor
    .insertInto('security_event')
    .values({
      at: (event.at ?? new Date()).toISOString(),
      kind: event.kind,
      account_id: event.accountId ?? null,
      login: event.login?.slice(0, 200) ?? null,
      ip: event.ip ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}
