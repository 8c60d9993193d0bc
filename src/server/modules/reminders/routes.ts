import { z } from 'zod';
import { type Actor, actorUserId, systemActor } from '../../access/actor.ts';
import { AppError } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { inOneTransaction } from '../../records/command.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';
import { checkId, getRecord } from '../../records/reader.ts';
import { updateRecord } from '../../records/writer.ts';
import { markReadAbout } from '../notifications/index.ts';
import { loadReminder, setNext } from './schedule.ts';

const tags = ['reminders'];
const record = z.record(z.string(), z.unknown());
const params = z.object({ id: z.string().max(20) });
/** Far enough for "remind me next month", near enough to be a snooze. */
const MAX_SNOOZE_MINUTES = 60 * 24 * 31;

/** Whom the reminder is for, or an administrator: nobody else snoozes or dismisses it. */
async function ownReminder(ctx: RecordsContext, actor: Actor, id: number) {
  const reminder = await getRecord(ctx, actor, 'reminder', id);
  const administrator = actor.kind === 'user' && actor.rights.administrator;
  if (!administrator && (actor.kind !== 'user' || actor.employeeId !== reminder.for_employee))
    throw new AppError(403, 'not_yours', 'Only whom the reminder is for may snooze or dismiss it');
  return reminder;
}

/** The person's notifications of this reminder are dealt with. */
async function markRead(ctx: RecordsContext, actor: Actor, id: number) {
  if (actor.kind !== 'user') return;
  await markReadAbout(
    executorOf(ctx),
    actor.userId,
    'reminder',
    { object: 'reminder', recordId: id },
    ctx.now(),
  );
}

/** Snooze (come again in N minutes) and dismiss (done with it) for whom a reminder is for. */
export async function reminderRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;

  app.post(
    '/api/reminders/:id/snooze',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Remind again in a while',
        description:
          '403 `not_yours` for anyone but whom it is for; 404 a reminder you cannot read; 409 `not_active` for a dismissed or ended one',
        params,
        body: z.object({ minutes: z.number().int().min(1).max(MAX_SNOOZE_MINUTES) }),
        response: { 200: record.describe('The reminder, with its new `next_at`') },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = checkId(request.params.id);
      const reminder = await ownReminder(ctx, actor, id);
      if (reminder.status !== 'active')
        throw new AppError(
          409,
          'not_active',
          `Reminder ${id} is ${String(reminder.status)}: edit it to use it again`,
        );
      const until = new Date(ctx.now().getTime() + request.body.minutes * 60_000);
      await inOneTransaction(ctx, async (txCtx) => {
        await setNext(txCtx, id, until, until);
        await markRead(txCtx, actor, id);
      });
      return getRecord(ctx, actor, 'reminder', id);
    },
  );

  app.post(
    '/api/reminders/:id/dismiss',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Done with it: a single reminder is dismissed (it does not come again); a repeating one goes on at its next time',
        description: '403 `not_yours` for anyone but whom it is for; 404 a reminder you cannot read',
        params,
        response: { 200: record.describe('The reminder') },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = checkId(request.params.id);
      await ownReminder(ctx, actor, id);
      await inOneTransaction(ctx, async (txCtx, trx) => {
        const row = await loadReminder(trx, id);
        if (row && row.repeat === null && row.status === 'active') {
          // As the system: whom a reminder is for may dismiss it without the right to edit it.
          await updateRecord(
            txCtx,
            systemActor('reminders.dismiss', actorUserId(actor) ?? undefined),
            'reminder',
            id,
            {
              status: 'dismissed',
              version: row.version,
            },
          );
        }
        await markRead(txCtx, actor, id);
      });
      return getRecord(ctx, actor, 'reminder', id);
    },
  );
}
