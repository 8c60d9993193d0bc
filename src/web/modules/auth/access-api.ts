import type { SessionInfo, TokenInfo } from '../../../shared/access/api.ts';
import { api } from '../../app/api-client.ts';

export type { SessionInfo as SessionItem, TokenInfo as TokenItem };

/** The caller's own sessions, tokens and two-factor state: everything under this key. */
export const ACCESS_KEY = ['auth', 'access'] as const;
export const SESSIONS_KEY = [...ACCESS_KEY, 'sessions'] as const;
export const TOKENS_KEY = [...ACCESS_KEY, 'tokens'] as const;
export const TOTP_KEY = [...ACCESS_KEY, 'totp'] as const;

export interface TotpStatus {
  enabled: boolean;
  enabledAt: string | null;
  pending: boolean;
  recoveryCodesLeft: number;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrCode: string;
}

export const fetchSessions = () =>
  api.get<{ items: SessionInfo[] }>('/api/auth/sessions').then((r) => r.items);
export const fetchTokens = () => api.get<{ items: TokenInfo[] }>('/api/auth/tokens').then((r) => r.items);
export const fetchTotp = () => api.get<TotpStatus>('/api/auth/totp');

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/**
 * A short name for a browser from its User-Agent ("Firefox · Windows"), or null when it says
 * nothing we recognise. Product names are the same in every language.
 */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const parts = [browser, system].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}
