import type { FieldAccess, Scope } from '../../../shared/access/rights.ts';

/* What the access API sends and takes (src/server/modules/access/*.ts). Apart from the hooks, so
   the pure helpers and their tests need no browser. */

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
  accounts: number[];
  workGroups: number[];
  version: number;
  updatedAt: string;
}

/** What `POST /api/access/roles` and `PUT /api/access/roles/:id` take. */
export interface RoleBody {
  name: string;
  description: string | null;
  requireTotp: boolean;
  grants: RoleGrant[];
  fields: RoleFieldRule[];
}

export interface AccountItem {
  id: number;
  login: string;
  employee: number | null;
  active: boolean;
  roles: number[];
  totpEnabled: boolean;
  lastLoginAt: string | null;
}

export interface SecurityEventItem {
  id: number;
  at: string;
  kind: string;
  account: number | null;
  login: string | null;
  ip: string | null;
  details: unknown;
}
