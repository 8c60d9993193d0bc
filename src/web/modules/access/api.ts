import { useQuery } from '@tanstack/react-query';
import type { EffectiveRights } from '../../../shared/access/rights.ts';
import { api, request } from '../../app/api-client.ts';
import type { AccountItem, Role, RoleBody } from './types.ts';
import { useViewAs } from './view-as.ts';

export type { AccountItem, Role, RoleBody, RoleFieldRule, RoleGrant, SecurityEventItem } from './types.ts';

/** Everything the administration screens read is under this key: one invalidation refreshes it all. */
export const ACCESS_KEY = ['access'] as const;
export const ROLES_KEY = [...ACCESS_KEY, 'roles'] as const;
export const ACCOUNTS_KEY = [...ACCESS_KEY, 'accounts'] as const;
export const SECURITY_EVENTS_KEY = [...ACCESS_KEY, 'security-events'] as const;

/**
 * The reader's effective rights, loaded once per session (and per "view as" target: the header
 * makes the server answer for the viewed account, so the key tells the two apart).
 */
export function useMyRights() {
  const viewAs = useViewAs();
  return useQuery({
    queryKey: [...ACCESS_KEY, 'me', viewAs?.id ?? null],
    queryFn: ({ signal }) => api.get<EffectiveRights>('/api/access/me', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: async ({ signal }) => (await api.get<{ items: Role[] }>('/api/access/roles', { signal })).items,
    enabled,
  });
}

export function useRole(id: number | null) {
  return useQuery({
    queryKey: [...ROLES_KEY, id],
    queryFn: ({ signal }) => api.get<Role>(`/api/access/roles/${id}`, { signal }),
    enabled: id !== null,
    // The editor starts from what the server has now, so its version is the current one.
    staleTime: 0,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: ACCOUNTS_KEY,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: AccountItem[] }>('/api/access/accounts', { signal })).items,
  });
}

export const accessApi = {
  createRole: (body: RoleBody) => api.post<Role>('/api/access/roles', body),
  replaceRole: (id: number, body: RoleBody & { version: number }) =>
    request<Role>('PUT', `/api/access/roles/${id}`, { body }),
  deleteRole: (id: number) => api.delete<void>(`/api/access/roles/${id}`),
  createAccount: (body: { login: string; employee: number | null; password: string; roles: number[] }) =>
    api.post<AccountItem>('/api/access/accounts', body),
  deactivateAccount: (id: number) => api.post<AccountItem>(`/api/access/accounts/${id}/deactivate`),
  resetPassword: (id: number, password?: string) =>
    api.post<{ id: number; password: string | null }>(
      `/api/access/accounts/${id}/reset-password`,
      password ? { password } : {},
    ),
  setTotpRequired: (id: number, required: boolean) =>
    request<{ id: number; required: boolean }>('PUT', `/api/access/accounts/${id}/require-totp`, {
      body: { required },
    }),
  setAccountRoles: (id: number, roles: number[]) =>
    request<{ roles: number[] }>('PUT', `/api/access/accounts/${id}/roles`, { body: { roles } }),
  setWorkGroupRoles: (id: number, roles: number[]) =>
    request<{ roles: number[] }>('PUT', `/api/access/work-groups/${id}/roles`, { body: { roles } }),
};
