export { CaseReportLink } from './CaseReportLink.tsx';
