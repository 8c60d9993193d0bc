import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { checkPasswordPolicy } from './password-policy.ts';

// Algorithm is an ambient const enum that cannot be imported as a value here; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH } from '../../shared/access/passwords.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Verifies against a throw-away hash when the login does not exist, so an unknown login
 * takes as long to refuse as a wrong password and nobody can probe which logins exist.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

/**
 * A readable random password for the first admin when none is configured: 20 base64url
 * characters (120 bits). Such a string all but always meets the password policy; the loop only
 * guards against the one-in-billions draw that zxcvbn would call weak.
 */
export function generatePassword(login = 'admin'): string {
  for (;;) {
    const password = randomBytes(15).toString('base64url');
    if (checkPasswordPolicy(password, { login }) === null) return password;
  }
}
