import { z } from 'zod';

/** The logged-in user as login and `/api/auth/me` describe them. */
export const meSchema = z.object({
  id: z.number(),
  login: z.string(),
  locale: z.enum(['en', 'pl', 'hu']),
  preferredLocale: z.enum(['en', 'pl', 'hu']).nullable(),
  timeZone: z.string(),
  /** The employee the account works as (the organiser of what it logs, "my" next actions). */
  employeeId: z.number().nullable(),
  /** A role requires two-factor login and the account has not turned it on yet. */
  totpSetupRequired: z.boolean().optional(),
  /** Set while an administrator views the application as this account. */
  viewedBy: z.object({ id: z.number(), login: z.string() }).optional(),
});

export const sessionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().describe('An opaque id of the session (not its cookie); use it to end the session'),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      current: z.boolean().describe('True for the session this request came with'),
    }),
  ),
});

export const tokenListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      createdAt: z.string(),
      expiresAt: z.string().nullable(),
      lastUsedAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
    }),
  ),
});

export const createdTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  token: z.string(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});

export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** A secret was shown by setup and is waiting for its first code. */
  pending: z.boolean(),
  recoveryCodesLeft: z.number(),
});

export const totpSetupSchema = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app by hand'),
  otpauthUrl: z.string().describe('otpauth://totp/… URL, what the QR code holds'),
  qrCode: z.string().describe('data:image/png;base64,… QR code of otpauthUrl'),
});

/** A 6-digit authenticator code, or a recovery code where the route says so. */
export const codeBody = z.object({ code: z.string().trim().min(1).max(64) });
