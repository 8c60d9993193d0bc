import { useQuery } from '@tanstack/react-query';
import type { ShareAccess } from '../../../shared/access/rights.ts';
import { api } from '../../app/api-client.ts';
import { ACCESS_KEY } from './api.ts';

/* Sharing one record (src/server/modules/access/shares-routes.ts). */

/** Who a share is with: exactly one of the three is set. */
export const SHARE_KINDS = ['account', 'department', 'workGroup'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** The object whose records a kind of share points at, for pickers and titles. */
export const SHARE_TARGET_OBJECT: Record<ShareKind, string> = {
  account: 'user_account',
  department: 'department',
  workGroup: 'work_group',
};

export interface Share {
  id: number;
  account: number | null;
  department: number | null;
  workGroup: number | null;
  access: ShareAccess;
  createdAt: string;
  createdBy: number | null;
}

/** A share's target as the reader can name it: its title, or the kind and id when unreadable. */
export type ShareNamer = (kind: ShareKind, id: number) => string;

/** The kind and target id of a share; a row the server sent without any (never expected) is skipped. */
export function shareTarget(share: Share): { kind: ShareKind; id: number } | null {
  for (const kind of SHARE_KINDS) {
    const id = share[kind];
    if (id !== null) return { kind, id };
  }
  return null;
}

function sharesPath(object: string, id: number): string {
  return `/api/records/${encodeURIComponent(object)}/${id}/shares`;
}

export function sharesKey(object: string, id: number) {
  return [...ACCESS_KEY, 'shares', object, id] as const;
}

export function useShares(object: string, id: number, enabled: boolean) {
  return useQuery({
    queryKey: sharesKey(object, id),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Share[] }>(sharesPath(object, id), { signal })).items,
    enabled,
    // Someone else may have shared or unshared meanwhile: the dialog always shows the list as it is now.
    staleTime: 0,
  });
}

export const sharesApi = {
  create: (object: string, id: number, kind: ShareKind, target: number, access: ShareAccess) =>
    api.post<Share>(sharesPath(object, id), { [kind]: target, access }),
  remove: (object: string, id: number, shareId: number) =>
    api.delete<void>(`${sharesPath(object, id)}/${shareId}`),
};
