import type { Locale } from '../../../shared/metadata/types.ts';
import type { RecordEvent } from '../../records/events.ts';
import {
  changeOf,
  excerpt,
  type NotificationRule,
  type Plan,
  type RuleContext,
} from '../notifications/index.ts';

const WORDS: Record<
  Locale,
  { title: (what: string) => string; body: (set: string) => string; self: string }
> = {
  en: { title: (what) => `Reminder: ${what}`, body: (set) => `Set by ${set}.`, self: 'A reminder you set.' },
  pl: {
    title: (what) => `Przypomnienie: ${what}`,
    body: (set) => `Ustawił(a): ${set}.`,
    self: 'Twoje przypomnienie.',
  },
  hu: {
    title: (what) => `Emlékeztető: ${what}`,
    body: (set) => `Beállította: ${set}.`,
    self: 'Az Ön emlékeztetője.',
  },
};

/**
 * A reminder's moment came: its delivery (the system, never a person) wrote `fired_at`. It
 * goes to whom it is for, if they may read the record it is about,
 * by e-mail too when the reminder asks for it — whatever the kind's preference says, unless
 * they turned reminders off.
 */
async function reminderPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  if (event.type !== 'updated' || event.actorId !== null || !changeOf(event, 'fired_at')) return [];
  const row = await context.trx
    .selectFrom('reminder as r')
    .leftJoin('employee as e', 'e.id', 'r.set_by_id')
    .select([
      'r.title',
      'r.note',
      'r.for_employee_id',
      'r.set_by_id',
      'r.email',
      'r.record_object',
      'r.record_id',
      'r.deleted_at',
      'e.first_name',
      'e.last_name',
    ])
    .where('r.id', '=', event.recordId)
    .executeTakeFirst();
  if (!row || row.deleted_at !== null) return [];
  const linked =
    typeof row.record_object === 'string' && row.record_id !== null
      ? { object: row.record_object, id: Number(row.record_id) }
      : null;
  const email = row.email === true || Number(row.email) === 1;
  const own = Number(row.set_by_id) === Number(row.for_employee_id) || row.set_by_id === null;
  const setBy = [row.first_name, row.last_name].filter(Boolean).join(' ');
  return [
    {
      kind: 'reminder',
      // It opens the reminder (which links what it is about), so the bell can snooze or dismiss it.
      object: 'reminder',
      recordId: event.recordId,
      employees: [Number(row.for_employee_id)],
      accounts: [],
      requires: [{ object: 'reminder', id: event.recordId }, ...(linked ? [linked] : [])],
      channel: (preferred) => (preferred === 'none' ? 'none' : email ? 'both' : 'app'),
      render: (locale, hidden) => {
        const words = WORDS[locale];
        const title = hidden('reminder', 'title') ? `#${event.recordId}` : String(row.title);
        const note = hidden('reminder', 'note')
          ? undefined
          : excerpt(typeof row.note === 'string' ? row.note : null);
        const body = note ?? (own ? words.self : words.body(setBy));
        return { title: words.title(title), body };
      },
    },
  ];
}

export const REMINDER_RULES: NotificationRule = { objects: ['reminder'], plans: reminderPlans };
