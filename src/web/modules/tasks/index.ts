export { SUBTASK_RELATION, SubtaskTree } from './SubtaskTree.tsx';
export { TaskActions } from './TaskActions.tsx';
export { CLAIM_RELATION, TaskClaims } from './TaskClaims.tsx';
