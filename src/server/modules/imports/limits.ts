/**
 * What one import takes. The file limit is enforced while the upload streams in (413 once it is
 * exceeded, nothing stored); the others are checked while the file is read (400, nothing kept).
 * 50 MB holds about 300,000 rows of a typical client list; larger lists are split.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 250_000;
export const MAX_IMPORT_COLUMNS = 500;
/** Longest cell (characters): a long text field's limit is far below; a bigger cell is junk. */
export const MAX_CELL_LENGTH = 100_000;
/** Rows shown back right after the upload. */
export const SAMPLE_ROWS = 10;
/** Rows checked, without writing, by the preview. */
export const PREVIEW_ROWS = 20;
/** Rows written per transaction: long enough to amortise it, short enough to let others in. */
export const BATCH_ROWS = 500;
