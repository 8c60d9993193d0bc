import { isValidTimeZone } from '../../../shared/filter/relative-dates.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { type Actor, DEFAULT_TIME_ZONE } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import type { AccessRights } from '../../access/rights.ts';
import { actorFor, type UserRow, userFromRow } from '../../access/users.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { idLists } from '../../db/id-lists.ts';
import { AppError } from '../../errors.ts';
import type { AppServices } from '../../http/types.ts';
import { idsInScope } from '../../records/in-scope.ts';
import { type Channel, DEFAULT_CHANNEL, isChannel, type NotificationKind } from './kinds.ts';

/** A user who may be told something: who they are to the access rules, their language and address. */
export interface Recipient {
  userId: number;
  employeeId: number | null;
  locale: Locale;
  timeZone: string;
  /** Their employee's e-mail address; null: no mail can reach them. */
  email: string | null;
  /** The user as the access rules see them, for "may they read this record?". */
  actor: Actor;
}

/** What a recipient may read of one object among the records asked about. */
export interface Readable {
  grant: AccessGrant;
  ids: ReadonlySet<number>;
}

/**
 * What one batch of the notifications consumer knows about users, read through the batch's
 * transaction in a few queries for everyone at once (a thousand stages on a case with fifty
 * watchers is fifty thousand notifications: asked one by one, that is a minute of round
 * trips). Everything goes through `trx`: on SQLite the root connection is the one the
 * transaction holds, so a query beside it would wait for it forever.
 */
export class RecipientBook {
  private readonly recipients = new Map<number, Recipient | null>();
  private readonly accounts = new Map<number, number[]>();
  /** Stored preferences by user, then kind; a kind without one takes the default. */
  private readonly preferences = new Map<number, Map<string, Channel>>();
  private readonly employees = new Map<number, number | null>();

  constructor(
    private readonly services: AppServices,
    readonly trx: Tx,
  ) {}

  /** The active accounts of each of these employees (one employee may have several). */
  async accountsOf(employeeIds: Iterable<number | null>): Promise<ReadonlyMap<number, number[]>> {
    const missing = [...new Set(employeeIds)].filter(
      (id): id is number => id !== null && !this.accounts.has(id),
    );
    for (const id of missing) this.accounts.set(id, []);
    for (const chunk of idLists(missing)) {
      const rows = await this.trx
        .selectFrom('user_account')
        .select(['id', 'employee_id'])
        .where('employee_id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .where('active', '=', this.services.dialect.encodeBoolean(true))
        .execute();
      for (const row of rows) this.accounts.get(Number(row.employee_id))?.push(Number(row.id));
    }
    return this.accounts;
  }

  /** The employee of each account, whatever its state (the author of a change may since be gone). */
  async employeesOf(userIds: Iterable<number>): Promise<ReadonlyMap<number, number | null>> {
    const missing = [...new Set(userIds)].filter((id) => !this.employees.has(id));
    for (const id of missing) this.employees.set(id, null);
    for (const chunk of idLists(missing)) {
      const rows = await this.trx
        .selectFrom('user_account')
        .select(['id', 'employee_id'])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows)
        this.employees.set(Number(row.id), row.employee_id === null ? null : Number(row.employee_id));
    }
    return this.employees;
  }

  /**
   * These accounts as recipients, with their preferences; deactivated and deleted accounts are
   * absent.
   */
  async recipientsOf(userIds: Iterable<number>): Promise<ReadonlyMap<number, Recipient>> {
    const wanted = [...new Set(userIds)];
    const missing = wanted.filter((id) => !this.recipients.has(id));
    for (const id of missing) this.recipients.set(id, null);
    for (const chunk of idLists(missing)) {
      const rows = await this.trx
        .selectFrom('user_account as u')
        .leftJoin('employee as e', 'e.id', 'u.employee_id')
        .selectAll('u')
        .select('e.email as employee_email')
        .where('u.id', 'in', chunk)
        .where('u.deleted_at', 'is', null)
        .where('u.active', '=', this.services.dialect.encodeBoolean(true))
        .execute();
      const users = rows.map((row) => ({ user: userFromRow(row), email: row.employee_email }));
      // The rights cache keys on the access revision and the accounts' places in the
      // organisation, read here through the transaction: the rules as they are now.
      const rights = await this.services.rights.rightsOfMany(
        this.trx,
        users.map(({ user }) => ({ accountId: user.id, employeeId: user.employeeId })),
      );
      for (const { user, email } of users) {
        const granted = rights.get(user.id);
        if (granted) this.recipients.set(user.id, recipientOf(user, email, granted));
      }
      const preferences = await this.trx
        .selectFrom('notification_preference')
        .select(['user_id', 'kind', 'channel'])
        .where('user_id', 'in', chunk)
        .execute();
      for (const row of preferences) {
        if (!isChannel(row.channel)) continue;
        const userId = Number(row.user_id);
        const kinds = this.preferences.get(userId) ?? new Map<string, Channel>();
        kinds.set(String(row.kind), row.channel);
        this.preferences.set(userId, kinds);
      }
    }
    const found = new Map<number, Recipient>();
    for (const id of wanted) {
      const recipient = this.recipients.get(id);
      if (recipient) found.set(id, recipient);
    }
    return found;
  }

  /** How the user wants this kind delivered (loaded by `recipientsOf`): their preference, or the default. */
  channel(userId: number, kind: NotificationKind): Channel {
    return this.preferences.get(userId)?.get(kind) ?? DEFAULT_CHANNEL;
  }

  /**
   * Of these records, the ones the recipient may read (within their row scope, shares
   * counted), with their read grant; null when they may not read the object at all. Someone
   * who could not open a record is not told about it.
   */
  async readable(recipient: Recipient, object: string, ids: Iterable<number>): Promise<Readable | null> {
    const definition = this.services.registry.get(object);
    if (!definition) return null;
    let grant: AccessGrant;
    try {
      grant = authorize(this.services.registry, recipient.actor, object, 'read');
    } catch (error) {
      // 403: no right to read the object at all.
      if (error instanceof AppError) return null;
      throw error;
    }
    return { grant, ids: await idsInScope(this.trx, definition, grant, ids) };
  }
}

function recipientOf(user: UserRow, email: unknown, rights: AccessRights): Recipient {
  return {
    userId: user.id,
    employeeId: user.employeeId,
    locale: user.locale,
    // A zone Intl does not know would fail the whole batch (digest days), again and again.
    timeZone: isValidTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE,
    email: typeof email === 'string' && email.trim() !== '' ? email : null,
    actor: actorFor(user, rights),
  };
}
