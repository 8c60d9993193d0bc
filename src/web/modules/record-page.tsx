import type { RecordPageExtensions } from '../records/extensions.ts';
import { BusinessCardLink } from './cards/index.ts';
import { CaseReportLink, FollowUpButton } from './cases/index.ts';
import { GroupMembersPanel } from './groups/index.ts';
import { PersonalDataMenu } from './personal-data/index.ts';
import { CLAIM_RELATION, SUBTASK_RELATION, SubtaskTree, TaskActions, TaskClaims } from './tasks/index.ts';
import { TimelinePanel } from './timeline/index.ts';

/** The capability modules' parts of a record page, in the order they appear. */
export const RECORD_PAGE_EXTENSIONS: RecordPageExtensions = {
  actions: [
    ({ meta, record }) => <BusinessCardLink object={meta.key} id={record.id} />,
    ({ meta, record }) => <CaseReportLink object={meta.key} id={record.id} />,
    ({ meta, record }) => <FollowUpButton object={meta.key} record={record} />,
    TaskActions,
    ({ meta, record, title }) => <PersonalDataMenu meta={meta} id={record.id} title={title} />,
  ],
  panels: [
    ({ meta, record, objects }) =>
      meta.timeline ? <TimelinePanel meta={meta} record={record} objects={objects} /> : null,
    TaskClaims,
    SubtaskTree,
    // A group's members are managed by the groups module; other records pointing here are listed.
    ({ meta, record }) => <GroupMembersPanel meta={meta} record={record} />,
  ],
  shownByPanels: [SUBTASK_RELATION, CLAIM_RELATION],
};
