import type { FieldAccess, Scope } from './rights.ts';

/* What the access API sends and takes, for the server's routes and the web app alike. */

export interface RoleGrant {
  object: string;
  right: string;
  scope: Scope;
}

export interface RoleFieldRule {
  object: string;
  field: string;
  access: FieldAccess;
}

export interface Role {
  id: number;
  name: string;
  description: string | null;
  /** `administrator` for the built-in role: every right, never changed or deleted. */
  builtin: string | null;
  requireTotp: boolean;
  grants: RoleGrant[];
  fields: RoleFieldRule[];
  /** Accounts and work groups that have the role. */
  accounts: number[];
  workGroups: number[];
  version: number;
  updatedAt: string;
}

export interface AccountItem {
  id: number;
  login: string;
  employee: number | null;
  active: boolean;
  roles: number[];
  totpEnabled: boolean;
  /** An administrator requires two-factor login of this account. */
  totpRequired: boolean;
  lastLoginAt: string | null;
}

/** What the security log records. */
export const SECURITY_EVENT_KINDS = [
  'login',
  'login_failed',
  'lockout',
  'unlock',
  'totp_enabled',
  'totp_disabled',
  'recovery_code_used',
  'password_changed',
  'token_created',
  'token_revoked',
  'token_used',
  'session_ended',
  'rights_changed',
  'account_created',
  'account_deactivated',
  'password_reset',
  'export',
  'view_as',
  'share_created',
  'share_removed',
  'personal_data_export',
  'anonymised',
] as const;

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEventItem {
  id: number;
  at: string;
  kind: string;
  account: number | null;
  login: string | null;
  ip: string | null;
  details: unknown;
}

/** One of the caller's sessions, as `GET /api/auth/sessions` lists it. */
export interface SessionInfo {
  /** The public id, never the token or its hash. */
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** One of the caller's API tokens, as `GET /api/auth/tokens` lists it (never the secret). */
export interface TokenInfo {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
