export { PrintListPage } from './PrintListPage.tsx';
export { RecordCreatePage } from './RecordCreatePage.tsx';
export { RecordListPage } from './RecordListPage.tsx';
export { RecordPage } from './RecordPage.tsx';
