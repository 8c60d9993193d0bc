import type { Locale } from '../../../shared/metadata/types.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import type { AppServices } from '../../http/types.ts';
import type { NewJob } from '../../jobs/queue.ts';
import type { RecordEvent } from '../../records/events.ts';
import { mailJobOf } from './mail-jobs.ts';
import { texts } from './messages.ts';
import { type Readable, type Recipient, RecipientBook } from './recipients.ts';
import type { Plan } from './rules.ts';
import { insertNotifications, type NewNotification, personName } from './store.ts';

/** One plan of one event of the batch. */
export interface PlannedNotice {
  event: RecordEvent;
  plan: Plan;
}

/**
 * Writes the notifications of a batch's plans, and their mail jobs, through the batch's
 * transaction; returns the recipients who got a new one. Everything it needs is read for the
 * whole batch at once — accounts, recipients and preferences, then for each recipient which of
 * the records they would be told about they may read — and written in multi-row inserts, so a
 * batch costs a few dozen statements however many people it tells.
 */
export async function deliverPlans(
  services: AppServices,
  trx: Tx,
  planned: ReadonlyArray<PlannedNotice>,
): Promise<Set<number>> {
  const book = new RecipientBook(services, trx);
  const accounts = await book.accountsOf(planned.flatMap(({ plan }) => plan.employees));
  const actorIds = planned.flatMap(({ event }) => (event.actorId === null ? [] : [event.actorId]));
  const authorEmployees = await book.employeesOf(actorIds);
  const authorNames = await namesOf(trx, actorIds);

  // Who each plan would tell: the author is never told of their own change, nor through
  // another account of theirs; nor anyone who asked not to hear of this kind.
  const audiences = planned.map(({ plan }) => [
    ...new Set([
      ...plan.employees.flatMap((employee) => (employee === null ? [] : (accounts.get(employee) ?? []))),
      ...plan.accounts,
    ]),
  ]);
  const recipients = await book.recipientsOf(audiences.flat());
  const told = planned.map(({ event, plan }, index) => {
    const authorEmployee = event.actorId === null ? null : (authorEmployees.get(event.actorId) ?? null);
    return (audiences[index] ?? []).flatMap((userId) => {
      const recipient = recipients.get(userId);
      if (!recipient || userId === event.actorId) return [];
      if (authorEmployee !== null && recipient.employeeId === authorEmployee) return [];
      const preferred = book.channel(userId, plan.kind);
      const channel = plan.channel ? plan.channel(preferred) : preferred;
      return channel === 'none' ? [] : [{ recipient, channel }];
    });
  });
  const readable = await readableRecords(book, planned, told);
  const notices: NewNotification[] = [];
  planned.forEach(({ event, plan }, index) => {
    for (const { recipient, channel } of told[index] ?? []) {
      const grants = plan.requires.map(({ object, id }) => {
        const found = readable.get(recipient.userId)?.get(object);
        return found?.ids.has(id) ? found.grant : null;
      });
      if (grants.some((grant) => grant === null)) continue;
      const hidden = (object: string, field: string) =>
        grants.some((grant) => grant?.object === object && grant.hiddenFields.has(field));
      const actor = authorNames(event.actorId, recipient.locale);
      const text = plan.render(recipient.locale, hidden, actor);
      if (!text) continue;
      notices.push({
        recipientId: recipient.userId,
        kind: plan.kind,
        eventId: event.id,
        object: plan.object,
        recordId: plan.recordId,
        title: text.title,
        body: text.body,
        actorId: event.actorId,
        channel,
        createdAt: event.createdAt,
      });
    }
  });
  const written = await insertNotifications(trx, services.dialect.name, notices);
  const mails: NewJob[] = [];
  const woken = new Set<number>();
  for (const notice of written) {
    woken.add(notice.recipientId);
    const recipient = recipients.get(notice.recipientId);
    const mail = recipient && mailJobOf(recipient, notice.channel, notice.id, notice.createdAt);
    if (mail) mails.push(mail);
  }
  // Queued in the same transaction: a notification exists with its mail or not at all.
  await services.jobs.enqueueMany(mails, trx);
  return woken;
}

/** For each recipient and object, which of the records their notices need they may read. */
async function readableRecords(
  book: RecipientBook,
  planned: ReadonlyArray<PlannedNotice>,
  told: ReadonlyArray<ReadonlyArray<{ recipient: Recipient }>>,
): Promise<Map<number, Map<string, Readable | null>>> {
  const wanted = new Map<number, { recipient: Recipient; ids: Map<string, Set<number>> }>();
  planned.forEach(({ plan }, index) => {
    for (const { recipient } of told[index] ?? []) {
      const entry = wanted.get(recipient.userId) ?? { recipient, ids: new Map<string, Set<number>>() };
      wanted.set(recipient.userId, entry);
      for (const { object, id } of plan.requires) {
        const ids = entry.ids.get(object) ?? new Set<number>();
        entry.ids.set(object, ids.add(id));
      }
    }
  });
  const readable = new Map<number, Map<string, Readable | null>>();
  for (const [userId, { recipient, ids }] of wanted) {
    const perObject = new Map<string, Readable | null>();
    for (const [object, recordIds] of ids)
      perObject.set(object, await book.readable(recipient, object, recordIds));
    readable.set(userId, perObject);
  }
  return readable;
}

/** Authors' names in a recipient's language: their employee's name, else their login. */
async function namesOf(
  trx: Tx,
  actorIds: number[],
): Promise<(actorId: number | null, locale: Locale) => string> {
  const unique = [...new Set(actorIds)];
  const rows =
    unique.length === 0
      ? []
      : await trx
          .selectFrom('user_account as u')
          .leftJoin('employee as e', 'e.id', 'u.employee_id')
          .select(['u.id', 'u.login', 'e.first_name', 'e.last_name'])
          .where('u.id', 'in', unique)
          .execute();
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return (actorId, locale) => {
    if (actorId === null) return texts(locale).system;
    const row = byId.get(actorId);
    return personName(row?.first_name, row?.last_name, locale) || String(row?.login ?? texts(locale).unknown);
  };
}
