import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { createRecord } from '../../records/writer.ts';

/**
 * Keeps the past when a person moves to another company: the job they leave becomes an entry
 * of their employment history (the old company, the position they held there, from when they
 * started — the end of the previous entry, else when they were entered — to the day of the
 * move). Where they work now is the person's own company and position, so creating a person
 * writes nothing here and an import of thousands of people pays nothing for it.
 */
export async function followEmployment(fact: WriteFact): Promise<void> {
  if (fact.action !== 'update') return;
  const move = fact.changes.find((change) => change.field === 'company');
  if (!move || typeof move.old !== 'number') return;
  // A merge moves people from the duplicate to the kept company: the same employer.
  if (fact.writer.kind === 'system' && fact.writer.name === 'merge') return;
  const { ctx, actor } = fact;
  const today = todayIn(fact.writer.timeZone, ctx.now());
  const person = await executorOf(ctx)
    .selectFrom('person')
    .select(['position', 'created_at'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  const previous = await executorOf(ctx)
    .selectFrom('person_employment')
    .select('ended_on')
    .where('person_id', '=', fact.recordId)
    .where('deleted_at', 'is', null)
    .orderBy('ended_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const positionChange = fact.changes.find((change) => change.field === 'position');
  const position = positionChange ? positionChange.old : (person?.position ?? null);
  const started = previous?.ended_on ?? String(person?.created_at ?? '').slice(0, 10);
  await createRecord(ctx, actor, 'person_employment', {
    person: fact.recordId,
    company: move.old,
    position: typeof position === 'string' ? position : null,
    started_on: started && started <= today ? started : null,
    ended_on: today,
  });
}
