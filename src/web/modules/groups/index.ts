export { GroupMembersPanel } from './GroupMembersPanel.tsx';
export { useGroupCreation } from './group-creation.ts';
export { membershipsOf } from './group-objects.ts';
