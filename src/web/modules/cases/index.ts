export { CaseReportLink } from './CaseReportLink.tsx';
export { FollowUpButton } from './FollowUpButton.tsx';
