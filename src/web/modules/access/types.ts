import type { RoleFieldRule, RoleGrant } from '../../../shared/access/api.ts';

export type {
  AccountItem,
  Role,
  RoleFieldRule,
  RoleGrant,
  SecurityEventItem,
} from '../../../shared/access/api.ts';

/* What the access API sends and takes (src/server/modules/access/*.ts). Apart from the hooks, so
   the pure helpers and their tests need no browser. */

/** What `POST /api/access/roles` and `PUT /api/access/roles/:id` take. */
export interface RoleBody {
  name: string;
  description: string | null;
  requireTotp: boolean;
  grants: RoleGrant[];
  fields: RoleFieldRule[];
}
