import type { Locale } from '../../shared/metadata/types.ts';

/** The logged-in user as `/api/auth/me` and login describe them. */
export interface CurrentUser {
  id: number;
  login: string;
  locale: Locale;
  /** Null until the user picks a language: the browser's language applies meanwhile. */
  preferredLocale: Locale | null;
  timeZone: string;
  /** The employee the account works as; null for accounts that are no employee (admin). */
  employeeId: number | null;
}

export interface MeResponse {
  user: CurrentUser;
  csrfToken: string | null;
}

export interface LoginResponse {
  user: CurrentUser;
  csrfToken: string;
  expiresAt: string;
}

/** A referenced record as `expand` returns it. */
export interface ExpandedRef {
  id: number;
  title: string;
}

/** A record as the API returns it: field values by key, plus system fields and expansions. */
export interface RecordData {
  id: number;
  version: number;
  _expanded?: Record<string, ExpandedRef | ExpandedRef[] | null>;
  [field: string]: unknown;
}

export interface ListResponse {
  items: RecordData[];
  nextCursor: string | null;
}

export interface HistoryEntry {
  id: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'unmerge' | 'anonymise';
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  changedBy: number | null;
}
