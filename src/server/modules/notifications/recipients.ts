import { isValidTimeZone } from '../../../shared/filter/relative-dates.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { type Actor, DEFAULT_TIME_ZONE } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import { actorFor, userFromRow } from '../../access/users.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { AppError } from '../../errors.ts';
import type { AppServices } from '../../http/types.ts';
import { inScope } from '../../records/reader.ts';
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

/**
 * What one batch of the notifications consumer knows about users, read through the batch's
 * transaction and kept for the batch (a case with ten watchers and fifty events in a batch asks
 * once per watcher). Everything goes through `trx`: on SQLite the root connection is the one the
 * transaction holds, so a query beside it would wait for it forever.
 */
export class RecipientBook {
  private readonly recipients = new Map<number, Promise<Recipient | null>>();
  private readonly accounts = new Map<number, Promise<number[]>>();
  private readonly channels = new Map<string, Promise<Channel>>();
  private readonly grants = new Map<string, Promise<AccessGrant | null>>();
  private readonly employees = new Map<number, Promise<number | null>>();

  constructor(
    private readonly services: AppServices,
    readonly trx: Tx,
  ) {}

  /** The active accounts of these employees (one employee may have several). */
  async accountsOf(employeeIds: ReadonlyArray<number | null>): Promise<number[]> {
    const found = new Set<number>();
    for (const employeeId of new Set(employeeIds)) {
      if (employeeId === null) continue;
      let ids = this.accounts.get(employeeId);
      if (!ids) {
        ids = this.trx
          .selectFrom('user_account')
          .select('id')
          .where('employee_id', '=', employeeId)
          .where('deleted_at', 'is', null)
          .where('active', '=', this.services.dialect.encodeBoolean(true))
          .execute()
          .then((rows) => rows.map((row) => Number(row.id)));
        this.accounts.set(employeeId, ids);
      }
      for (const id of await ids) found.add(id);
    }
    return [...found];
  }

  /** The employee of an account, whatever its state (the author of a change may since be gone). */
  employeeOf(userId: number): Promise<number | null> {
    let employee = this.employees.get(userId);
    if (!employee) {
      employee = this.trx
        .selectFrom('user_account')
        .select('employee_id')
        .where('id', '=', userId)
        .executeTakeFirst()
        .then((row) =>
          row?.employee_id === null || row?.employee_id === undefined ? null : Number(row.employee_id),
        );
      this.employees.set(userId, employee);
    }
    return employee;
  }

  /** An active account as a recipient, or null when it is deactivated or deleted. */
  recipient(userId: number): Promise<Recipient | null> {
    let recipient = this.recipients.get(userId);
    if (!recipient) {
      recipient = this.load(userId);
      this.recipients.set(userId, recipient);
    }
    return recipient;
  }

  private async load(userId: number): Promise<Recipient | null> {
    const row = await this.trx
      .selectFrom('user_account as u')
      .leftJoin('employee as e', 'e.id', 'u.employee_id')
      .selectAll('u')
      .select('e.email as employee_email')
      .where('u.id', '=', userId)
      .where('u.deleted_at', 'is', null)
      .where('u.active', '=', this.services.dialect.encodeBoolean(true))
      .executeTakeFirst();
    if (!row) return null;
    const user = userFromRow(row);
    // The rights cache keys on the access revision and the account's place in the
    // organisation, read here through the transaction: the rules as they are now.
    const rights = await this.services.rights.rightsOf(this.trx, user.id, user.employeeId);
    const email =
      typeof row.employee_email === 'string' && row.employee_email.trim() !== '' ? row.employee_email : null;
    return {
      userId: user.id,
      employeeId: user.employeeId,
      locale: user.locale,
      // A zone Intl does not know would fail the whole batch (digest days), again and again.
      timeZone: isValidTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE,
      email,
      actor: actorFor(user, rights),
    };
  }

  /** How the user wants this kind delivered: their preference, or the default. */
  channel(userId: number, kind: NotificationKind): Promise<Channel> {
    const key = `${userId}:${kind}`;
    let channel = this.channels.get(key);
    if (!channel) {
      channel = this.trx
        .selectFrom('notification_preference')
        .select('channel')
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .executeTakeFirst()
        .then((row) => (isChannel(row?.channel) ? row.channel : DEFAULT_CHANNEL));
      this.channels.set(key, channel);
    }
    return channel;
  }

  /**
   * The recipient's read grant when they may read the record (within their row scope, shares
   * counted), else null: someone who could not open the record is not told about it.
   */
  readable(recipient: Recipient, object: string, id: number): Promise<AccessGrant | null> {
    const key = `${recipient.userId}:${object}:${id}`;
    let grant = this.grants.get(key);
    if (!grant) {
      grant = this.check(recipient, object, id);
      this.grants.set(key, grant);
    }
    return grant;
  }

  private async check(recipient: Recipient, object: string, id: number): Promise<AccessGrant | null> {
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
    return (await inScope(this.trx, definition, grant, id)) ? grant : null;
  }
}
