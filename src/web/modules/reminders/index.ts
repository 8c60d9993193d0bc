export { ReminderActions } from './ReminderActions.tsx';
export { ReminderPanel } from './ReminderPanel.tsx';
export { RemindMe } from './RemindMe.tsx';
