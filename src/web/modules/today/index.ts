export { rememberOpened } from './recent.ts';
export { TodayPage } from './TodayPage.tsx';
