export { DuplicatesPage } from './DuplicatesPage.tsx';
export { DuplicateWarning, type DuplicateWarningProps } from './DuplicateWarning.tsx';
export { MergeDialog, type MergeDialogProps } from './MergeDialog.tsx';
