export { timelineKey } from './api.ts';
export { TimelinePanel } from './TimelinePanel.tsx';
