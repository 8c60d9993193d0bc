export { FreeSlotsPanel } from './FreeSlotsPanel.tsx';
