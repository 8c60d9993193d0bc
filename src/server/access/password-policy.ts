import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../../shared/access/passwords.ts';

export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordProblem =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_common'
  | 'password_contains_login'
  | 'password_too_weak';

export interface PasswordIssue {
  code: PasswordProblem;
  message: string;
}

/**
 * The rule, in the order it is checked (NIST SP 800-63B style: length and a blocklist, no
 * composition rules):
 * 1. 12 to 200 characters;
 * 2. not one of the ~49,000 most common passwords (zxcvbn-ts's `passwords-common` list),
 *    compared lower-cased;
 * 3. does not contain the login (when the login is 4 characters or more);
 * 4. zxcvbn estimates at least score 3, with the login and the product name as words an
 *    attacker would try first. This refuses keyboard walks, repeats and dictionary words with a
 *    few digits, which the list alone misses.
 */
export function passwordPolicyIssue(
  password: string,
  context: { login?: string | null } = {},
): PasswordIssue | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      code: 'password_too_short',
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { code: 'password_too_long', message: `must be at most ${MAX_PASSWORD_LENGTH} characters long` };
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return { code: 'password_common', message: 'is one of the most common passwords; choose another' };
  }
  const login = context.login?.trim().toLowerCase() ?? '';
  if (login.length >= 4 && lower.includes(login)) {
    return { code: 'password_contains_login', message: 'must not contain the login' };
  }
  const inputs = ['kartoteka', ...(login ? [login] : [])];
  if (estimator().check(password, inputs).score < MIN_PASSWORD_SCORE) {
    return {
      code: 'password_too_weak',
      message: 'is too easy to guess; use a longer phrase of unrelated words',
    };
  }
  return null;
}

/** The policy as one message (null: the password is acceptable), for every place that sets a password. */
export function checkPasswordPolicy(
  password: string,
  context: { login?: string | null } = {},
): string | null {
  return passwordPolicyIssue(password, context)?.message ?? null;
}

// Built on first use: the dictionaries take ~100 ms to load, which the CLI and tests that never
// set a password should not pay.
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
}

let zxcvbn: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  // Levenshtein matching would make a check take 100–400 ms instead of a few: too slow for a request.
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: false });
  return zxcvbn;
}
