export { GroupMembersPanel } from './GroupMembersPanel.tsx';
export { useGroupCreation } from './group-creation.ts';
