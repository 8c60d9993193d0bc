import type { RecordPageExtensions } from '../records/extensions.ts';
import { FreeSlotsPanel } from './bookings/index.ts';
import { BusinessCardLink } from './cards/index.ts';
import { CaseReportLink, FollowUpButton } from './cases/index.ts';
import { CommentsPanel } from './comments/index.ts';
import { GroupMembersPanel, membershipsOf } from './groups/index.ts';
import { PersonalDataMenu } from './personal-data/index.ts';
import { ReminderPanel, RemindMe } from './reminders/index.ts';
import { CLAIM_RELATION, SUBTASK_RELATION, SubtaskTree, TaskActions, TaskClaims } from './tasks/index.ts';
import { TimelinePanel } from './timeline/index.ts';

/** The capability modules' parts of a record page, in the order they appear. */
export const RECORD_PAGE_EXTENSIONS: RecordPageExtensions = {
  actions: [
    ({ meta, record }) => <BusinessCardLink object={meta.key} id={record.id} />,
    ({ meta, record }) => <CaseReportLink object={meta.key} id={record.id} />,
    ({ meta, record }) => <FollowUpButton object={meta.key} record={record} />,
    TaskActions,
    RemindMe,
    ({ meta, record, title }) => <PersonalDataMenu meta={meta} id={record.id} title={title} />,
  ],
  panels: [
    {
      applies: (meta) => meta.timeline === true,
      Panel: ({ meta, record, objects }) => <TimelinePanel meta={meta} record={record} objects={objects} />,
    },
    { applies: (meta) => meta.key === 'task', Panel: TaskClaims },
    { applies: (meta) => meta.key === 'task', Panel: SubtaskTree },
    { applies: (meta) => meta.key === 'reminder', Panel: ReminderPanel },
    { applies: (meta) => meta.key === 'resource', Panel: FreeSlotsPanel },
    { applies: (meta) => meta.comments === true, Panel: CommentsPanel },
    // A group's members are managed by the groups module; other records pointing here are listed.
    {
      applies: (meta, objects) => membershipsOf(meta, objects).length > 0,
      Panel: ({ meta, record }) => <GroupMembersPanel meta={meta} record={record} />,
    },
  ],
  shownByPanels: [SUBTASK_RELATION, CLAIM_RELATION],
};
