import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';
import type { Db } from '../db/dialects/dialect.ts';

/**
 * TOTP two-factor login (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator
 * app understands) and single-use recovery codes.
 */
export const TOTP_ISSUER = 'Kartoteka';
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock that is a little off, or a code typed as it changes. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;
/** 32 letters and digits, without 0/o and 1/l, which people misread when typing them back. */
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export interface TotpState {
  secret: string | null;
  pendingSecret: string | null;
  enabledAt: string | null;
  lastStep: number | null;
}

export async function readTotpState(db: Db, userId: number): Promise<TotpState> {
  const row = await db
    .selectFrom('user_account')
    .select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return {
    secret: (row?.totp_secret as string | null | undefined) ?? null,
    pendingSecret: (row?.totp_pending_secret as string | null | undefined) ?? null,
    enabledAt: row?.totp_enabled_at ? String(row.totp_enabled_at) : null,
    lastStep:
      row?.totp_last_step === null || row?.totp_last_step === undefined ? null : Number(row.totp_last_step),
  };
}

/** A new secret (160 bits, base32), the otpauth:// URL an authenticator app reads, and its QR code. */
export async function newTotpSetup(
  login: string,
): Promise<{ secret: string; otpauthUrl: string; qrCode: string }> {
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: login, secret, period: PERIOD_SECONDS });
  const qrCode = await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUrl, qrCode };
}

/**
 * The time step a 6-digit code belongs to, or null when it is wrong, malformed, or of a step at
 * or before `afterStep` (already used: a code is good once).
 */
export async function verifyTotpCode(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  // otplib throws on a malformed secret and on an afterTimeStep beyond the window (a clock that
  // went back): in either case no code can pass.
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      period: PERIOD_SECONDS,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/**
 * Records a code's step as used. One conditional UPDATE, so two requests racing with the same
 * code cannot both win: answers false for the loser (a replay).
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_account')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ten fresh codes such as `k3m9p-x2rtw`, shown to the user once. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/**
 * Recovery codes are random (50 bits each) and single-use, so a plain SHA-256 is enough to keep
 * them unreadable in the database; a slow hash would only slow down the login. Case, spaces and
 * dashes do not matter when typing one back.
 */
export function hashRecoveryCode(code: string): string {
  const normalised = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`kartoteka-recovery:${normalised}`).digest('base64url');
}

/** Replaces all of the user's recovery codes with these (enable, or a fresh set). */
export async function replaceRecoveryCodes(
  db: Db,
  userId: number,
  codes: string[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('totp_recovery_code')
    .values(
      codes.map((code) => ({
        user_id: userId,
        code_hash: hashRecoveryCode(code),
        created_at: now.toISOString(),
        used_at: null,
      })),
    )
    .execute();
}

/** Spends a recovery code: true once per code, by a single conditional UPDATE (no double spend). */
export async function spendRecoveryCode(db: Db, userId: number, code: string, now: Date): Promise<boolean> {
  const normalised = code.toLowerCase().replace(/[\s-]/g, '');
  if (!/^[a-z0-9]{10}$/.test(normalised)) return false;
  const result = await db
    .updateTable('totp_recovery_code')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(normalised))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_code')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * Checks the second factor of an account with TOTP on: a current 6-digit code (not used before)
 * or an unused recovery code, which is spent. Answers which one passed, or null.
 */
export async function checkSecondFactor(
  db: Db,
  userId: number,
  input: string,
  now: Date,
): Promise<'totp' | 'recovery_code' | null> {
  const code = input.trim();
  if (/^\d{6}$/.test(code)) {
    const state = await readTotpState(db, userId);
    if (!state.secret) return null;
    const step = await verifyTotpCode(state.secret, code, now, state.lastStep);
    return step !== null && (await claimTotpStep(db, userId, step)) ? 'totp' : null;
  }
  return (await spendRecoveryCode(db, userId, code, now)) ? 'recovery_code' : null;
}

export async function disableTotp(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('totp_recovery_code').where('user_id', '=', userId).execute();
}
