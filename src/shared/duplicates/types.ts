/**
 * The wire forms of duplicate detection and merging (`/api/records/:object/duplicates`,
 * `/merge`, `/merge-preview`, `/api/merges`), shared by the server and the web app.
 */

/**
 * Why two records look like one: the same tax or registry number, e-mail or phone, or a name
 * that reads the same (accents, case and legal form aside) in the same city (companies) or at
 * the same company (people). `name` is a company of the same name where a city is not given (on one
 * of the two, or on every record of a listed group).
 */
export const DUPLICATE_REASONS = ['taxId', 'email', 'phone', 'nameCity', 'name', 'nameCompany'] as const;
export type DuplicateReasonCode = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** The field that matched on the other record (`regon`, `mobile`…). */
  field: string;
}

/** A likely duplicate of the values being entered, `POST /api/records/:object/duplicates`. */
export interface DuplicateCandidate {
  id: number;
  title: string;
  /** 0–100: how sure; several reasons together count more than the strongest alone. */
  score: number;
  reasons: DuplicateReason[];
}

/** One reason the records of a group share. */
export interface DuplicateGroupReason extends DuplicateReason {
  /** The shared value (a tax id, an e-mail, a phone); absent for names, which are compared by key. */
  value?: string;
}

/**
 * Records of an object that share values, `GET /api/records/:object/duplicates`: each set of
 * records once, with every reason they share. `code`, `field` and `value` are its strongest
 * reason, as before there were several.
 */
export interface DuplicateGroup {
  code: DuplicateReasonCode;
  field: string;
  /** The shared value (a tax id, an e-mail, a phone); null for names, which are compared by key. */
  value: string | null;
  /** 0–100, from all the reasons together. */
  score: number;
  /** Every reason the records share, strongest first (the first is `code`, `field`, `value`). */
  reasons: DuplicateGroupReason[];
  records: Array<{ id: number; title: string }>;
}

export interface DuplicateGroupPage {
  items: DuplicateGroup[];
  nextCursor: string | null;
}

/** `POST /api/records/:object/merge`: `mergeId` goes to the trash, `keepId` takes `values`. */
export interface MergeRequest {
  keepId: number;
  mergeId: number;
  values: Record<string, unknown>;
  /** The versions the choice was made on; a record changed since is a 409. */
  keepVersion?: number;
  mergeVersion?: number;
}

/** What a merge moves: readable referencing records per object and field, new memberships. */
export interface MergePreview {
  references: Array<{ object: string; field: string; count: number }>;
  memberships: Array<{ field: string; count: number }>;
}

/** One entry of the merge log, `GET /api/merges?object=…`. */
export interface MergeLogEntry {
  id: number;
  object: string;
  keptId: number;
  keptTitle: string | null;
  mergedId: number;
  mergedTitle: string | null;
  mergedAt: string;
  mergedBy: number | null;
  undoneAt: string | null;
}

export interface UndoMergeResult {
  record: Record<string, unknown>;
  restored: Record<string, unknown>;
  /** Moved references changed again since the merge, left as they are now. */
  skipped: number;
}
