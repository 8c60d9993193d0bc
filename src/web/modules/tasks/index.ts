export { SUBTASK_RELATION, SubtaskTree } from './SubtaskTree.tsx';
