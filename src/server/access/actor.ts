import type { Locale } from '../../shared/metadata/types.ts';
import type { AccessRights } from './rights.ts';

/** Who is acting. System work (jobs, seeding, migrations) runs as an explicit system actor, never as "nobody". */
export type Actor =
  | {
      kind: 'user';
      userId: number;
      login: string;
      employeeId: number | null;
      /** The account's effective rights, loaded once for this request. */
      rights: AccessRights;
      /** Whether the account has two-factor login on (a role may require it). */
      totpEnabled: boolean;
      /** The account or one of its roles requires two-factor login. */
      totpRequired: boolean;
      locale: Locale;
      preferredLocale: Locale | null;
      timeZone: string;
      /** Set when an administrator looks through this account's eyes ("view as"): reads only. */
      viewedBy?: { userId: number; login: string };
    }
  | {
      kind: 'system';
      name: string;
      locale: Locale;
      timeZone: string;
      /** The account a system command acts for (a user's own settings): recorded as the author. */
      onBehalfOf?: number;
    };

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

export function systemActor(name: string, onBehalfOf?: number): Actor {
  return { kind: 'system', name, locale: 'en', timeZone: DEFAULT_TIME_ZONE, onBehalfOf };
}

/** The id written into created_by / updated_by; system work leaves them empty unless it acts for someone. */
export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : (actor.onBehalfOf ?? null);
}

/** The reader may ask for another language than their own for one request (the web app's). */
export function withLocale(actor: Actor, requested: Locale | undefined): Actor {
  return requested ? { ...actor, locale: requested } : actor;
}
