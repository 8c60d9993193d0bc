import { randomBytes } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { hashToken } from '../../access/sessions.ts';
import { actorFor, findActiveUser } from '../../access/users.ts';
import type { Db } from '../../db/dialects/dialect.ts';
import type { AppServices } from '../../http/types.ts';
import { icalendarText } from './ics.ts';
import { CALENDAR_KINDS, calendarEvents } from './sources.ts';

const FEED_PREFIX = 'kcal_';
/** What a subscribed calendar shows: the last month and the coming year. */
const PAST_DAYS = 31;
const FUTURE_DAYS = 365;
const DAY_MS = 86_400_000;

/** A new feed of the account's calendar; the token is returned once, only its hash is kept. */
export async function createFeed(
  db: Db,
  accountId: number,
  now: Date,
): Promise<{ id: number; token: string }> {
  const token = `${FEED_PREFIX}${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('calendar_feed')
    .values({ token_hash: hashToken(token), account_id: accountId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), token };
}

/** The account's live feeds, newest first: when each was made (their tokens are not kept). */
export async function listFeeds(
  db: Db,
  accountId: number,
): Promise<Array<{ id: number; createdAt: string }>> {
  const rows = await db
    .selectFrom('calendar_feed')
    .select(['id', 'created_at'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    createdAt: new Date(String(row.created_at)).toISOString(),
  }));
}

/**
 * Revokes one of the account's feeds, named by its token or, as the feed list shows it, by its
 * id (whoever lost the link can still revoke it); false when it is not theirs, unknown or
 * revoked already.
 */
export async function revokeFeed(db: Db, accountId: number, tokenOrId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feed')
    .set({ revoked_at: now.toISOString() })
    .where((eb) =>
      /^\d{1,15}$/.test(tokenOrId)
        ? eb('id', '=', Number(tokenOrId))
        : eb('token_hash', '=', hashToken(tokenOrId)),
    )
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The actor a live feed reads as (its account, with its rights as they are now), or null. */
async function feedActor(services: AppServices, token: string): Promise<Actor | null> {
  if (!token.startsWith(FEED_PREFIX)) return null;
  const feed = await services.dialect.db
    .selectFrom('calendar_feed')
    .select('account_id')
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed) return null;
  const user = await findActiveUser(services.dialect, { id: Number(feed.account_id) });
  if (!user) return null;
  return actorFor(user, await services.rights.rightsOf(services.dialect, user.id, user.employeeId));
}

/**
 * The account's own calendar as iCalendar text, read with its rights as they are now: a right
 * taken away disappears from the subscribed calendar at its next refresh. Repeating reminders
 * come expanded.
 */
export async function feedText(services: AppServices, token: string, origin: string): Promise<string | null> {
  const actor = await feedActor(services, token);
  if (actor?.kind !== 'user' || actor.employeeId === null) return null;
  const now = services.now();
  const events = await calendarEvents(services.records, actor, {
    from: new Date(now.getTime() - PAST_DAYS * DAY_MS),
    to: new Date(now.getTime() + FUTURE_DAYS * DAY_MS),
    employees: [actor.employeeId],
    resources: [],
    kinds: new Set(CALENDAR_KINDS),
  });
  return icalendarText(events, { now, origin, name: 'Kartoteka' });
}
