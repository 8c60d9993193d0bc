export { SUBTASK_RELATION, SubtaskTree } from './SubtaskTree.tsx';
export { TaskActions } from './TaskActions.tsx';
export { TaskClaims } from './TaskClaims.tsx';
