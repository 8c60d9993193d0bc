import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

export const CLAIM_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * "Ask to be assigned": an employee offers to take on a task; its requester or its register's
 * keeper accepts (the task becomes theirs) or declines. Made and decided through the task
 * routes (`POST /api/tasks/:id/claim`, `/api/task-claims/:id/accept|decline`), which check who
 * may do what; the records API lists them ("claims waiting for me").
 */
export const taskClaim = defineObject({
  key: 'task_claim',
  labels: {
    one: L('Request to take on a task', 'Prośba o przydział zadania', 'Feladatátvételi kérés'),
    many: L('Requests to take on tasks', 'Prośby o przydział zadań', 'Feladatátvételi kérések'),
  },
  icon: 'hand-stop',
  owner: 'claimant',
  // Those who decide read the request too.
  audience: ['task.requester', 'task.register.keeper'],
  // Named after the task it asks for (as it was called then): a relation cannot be a title.
  titleFields: ['summary'],
  grammaticalGender: { pl: 'feminine' },
  subtitleFields: ['claimant', 'status'],
  defaultSort: [{ field: 'created_at', direction: 'desc' }],
  headerFacts: ['task', 'claimant', 'status', 'decided_by', 'decided_at'],
  fields: {
    summary: field.text(L('Request', 'Prośba', 'Kérés'), { required: true, maxLength: 400 }),
    task: field.relation(L('Task', 'Zadanie', 'Feladat'), 'task', { required: true }),
    claimant: field.relation(L('Asked by', 'Prosi', 'Kérelmező'), 'employee', { required: true }),
    status: field.choice(
      L('Status', 'Status', 'Állapot'),
      [
        { value: 'pending', labels: L('Waiting for a decision', 'Czeka na decyzję', 'Döntésre vár') },
        { value: 'accepted', labels: L('Accepted', 'Przyjęta', 'Elfogadva') },
        { value: 'declined', labels: L('Declined', 'Odrzucona', 'Elutasítva') },
      ],
      { required: true, defaultValue: 'pending' },
    ),
    note: field.longText(L('Note', 'Uwagi', 'Megjegyzés'), { maxLength: 2000 }),
    decided_by: field.relation(L('Decided by', 'Zdecydował', 'Döntött'), 'employee'),
    decided_at: field.dateTime(L('Decided at', 'Data decyzji', 'Döntés ideje')),
  },
});
