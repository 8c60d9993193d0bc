import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { updateRecord } from '../../records/writer.ts';
import { caseStatusCode, invalidField, isClosedStatus, newId } from './rules.ts';

/**
 * A closed case takes no new stage: what happens after the end is a new case, or the case is
 * reopened first. A stage is new to its case when created, restored from the trash or moved to
 * it; correcting a stage already on a closed case stays possible.
 */
async function noStageOnClosedCase(fact: WriteFact): Promise<void> {
  if (fact.action === 'delete') return;
  if (fact.action === 'update' && newId(fact, 'case') === null) return;
  const executor = executorOf(fact.ctx);
  const stage = await executor
    .selectFrom('case_stage')
    .select('case_id')
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!stage) return;
  const caseId = Number(stage.case_id);
  if (isClosedStatus(await caseStatusCode(executor, caseId)))
    throw invalidField('case', 'closed', `case ${caseId} is closed: reopen it before adding a stage`);
}

/** The stage's fields that decide the case's next action. */
const FOLLOWED: readonly string[] = ['case', 'at', 'next_action_type', 'next_action_date'];

/**
 * The newest stage of a case says what is to be done next: when it names a next action, its
 * type and date become the case's (both, so a new date never keeps an older step's type). An
 * older stage written later (typed in afterwards) changes nothing, nor does a closed case, nor an
 * edit that leaves the stage's time and next action alone (a next action changed on the case
 * by hand since stays). The case is written through the engine, so its history shows the next
 * action came from a stage.
 */
async function nextActionToCase(fact: WriteFact): Promise<void> {
  if (fact.action === 'delete') return;
  if (fact.action === 'update' && !fact.changes.some((change) => FOLLOWED.includes(change.field))) return;
  const { ctx } = fact;
  const executor = executorOf(ctx);
  const stage = await executor
    .selectFrom('case_stage')
    .select(['case_id', 'next_action_type_id', 'next_action_date'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!stage || (stage.next_action_type_id === null && stage.next_action_date === null)) return;
  const caseId = Number(stage.case_id);
  const newest = await executor
    .selectFrom('case_stage')
    .select('id')
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (Number(newest?.id) !== fact.recordId) return;
  if (isClosedStatus(await caseStatusCode(executor, caseId))) return;
  const target = await executor
    .selectFrom('client_case')
    .select(['next_action_type_id', 'next_action_date', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!target) return;
  const type = stage.next_action_type_id === null ? null : Number(stage.next_action_type_id);
  const date = stage.next_action_date === null ? null : String(stage.next_action_date);
  const currentType = target.next_action_type_id === null ? null : Number(target.next_action_type_id);
  if (currentType === type && (target.next_action_date ?? null) === date) return;
  await updateRecord(ctx, fact.actor, 'case', caseId, {
    next_action_type: type,
    next_action_date: date,
    version: Number(target.version),
  });
}

/**
 * One step of a case: a call, an offer sent, an answer received… when and by whom, and what is
 * to be done next. The case's stages, newest first, are its story.
 */
export const caseStage = defineObject({
  key: 'case_stage',
  labels: {
    one: L('Case stage', 'Etap sprawy', 'Ügylépés'),
    many: L('Case stages', 'Etapy sprawy', 'Ügylépések'),
  },
  icon: 'timeline-event',
  // Whoever leads the case owns its stages, whoever wrote them.
  owner: 'case.lead',
  subject: 'case.company',
  timeline: {
    at: 'at',
    about: ['case.company', 'case.contact'],
    summary: ['case', 'next_action_type', 'next_action_date'],
    case: 'case',
    employees: ['by'],
    kind: 'kind',
  },
  // A stage has no name of its own: what it says is its title wherever it is named.
  titleFields: ['note'],
  subtitleFields: ['case', 'kind'],
  // The newest step first, as the case card lists them ((case_id, at, id) index; paging adds id).
  defaultSort: [{ field: 'at', direction: 'desc' }],
  // A stage is usually written as it happens, by whoever writes it; one typed in later gives
  // its own time and author.
  createDefaults: (_given, creator) => ({ at: creator.now.toISOString(), by: creator.employeeId }),
  // The closed-case check comes first: a refused stage must not move the case's next action.
  effects: [noStageOnClosedCase, nextActionToCase],
  headerFacts: ['case', 'kind', 'at', 'by'],
  fields: {
    case: field.relation(L('Case', 'Sprawa', 'Ügy'), 'case', { required: true }),
    at: field.dateTime(L('When', 'Kiedy', 'Időpont'), { required: true }),
    by: field.relation(L('By', 'Wykonał', 'Végezte'), 'employee'),
    kind: field.select(L('Kind', 'Rodzaj', 'Típus'), 'case_stage_kind'),
    note: field.longText(L('Note', 'Opis', 'Megjegyzés')),
    next_action_type: field.select(
      L('Next action', 'Następna akcja', 'Következő teendő'),
      'next_action_type',
    ),
    next_action_date: field.date(L('Next action date', 'Termin następnej akcji', 'Következő teendő dátuma')),
  },
});
