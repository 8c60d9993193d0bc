import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { createRecord, updateRecord } from '../../records/writer.ts';

/**
 * Keeps a person's employment history in step with their company: a person created at a
 * company starts an entry there; a move closes the open entry on the day of the move and opens
 * one at the new company with the person's position. The history is never rewritten, only
 * continued, so who the person was at their old firm stays on record.
 */
export async function followEmployment(fact: WriteFact): Promise<void> {
  if (fact.action !== 'create' && fact.action !== 'update') return;
  const move = fact.changes.find((change) => change.field === 'company');
  if (!move) return;
  // A merge moves people from the duplicate to the kept company, which is the same employer;
  // their employment records are moved by the merge itself.
  if (fact.writer.kind === 'system' && fact.writer.name === 'merge') return;
  const { ctx, actor } = fact;
  const today = todayIn(fact.writer.timeZone, ctx.now());
  const open = await executorOf(ctx)
    .selectFrom('person_employment')
    .select(['id', 'version', 'company_id'])
    .where('person_id', '=', fact.recordId)
    .where('ended_on', 'is', null)
    .where('deleted_at', 'is', null)
    .execute();
  for (const entry of open) {
    await updateRecord(ctx, actor, 'person_employment', Number(entry.id), {
      ended_on: today,
      version: Number(entry.version),
    });
  }
  if (typeof move.new !== 'number') return;
  const person = await executorOf(ctx)
    .selectFrom('person')
    .select(['position'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  await createRecord(ctx, actor, 'person_employment', {
    person: fact.recordId,
    company: move.new,
    position: person?.position ?? null,
    started_on: today,
  });
}
