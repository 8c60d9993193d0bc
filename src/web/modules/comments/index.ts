export { CommentsPanel } from './CommentsPanel.tsx';
