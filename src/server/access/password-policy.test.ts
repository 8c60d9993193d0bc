import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../../../test/harness.ts';
import { checkPasswordPolicy, passwordPolicyIssue } from './password-policy.ts';
import { generatePassword } from './passwords.ts';

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordPolicyIssue('Xq7#vLp2!mZ', { login: 'ewa' })?.code).toBe('password_too_short');
    expect(passwordPolicyIssue('x'.repeat(201))?.code).toBe('password_too_long');
  });

  it('refuses common passwords whatever their case', () => {
    for (const common of ['qwertyuiop12', '123456789012', 'PASSWORD1234', 'LeaveMeAlone']) {
      expect(passwordPolicyIssue(common)?.code, common).toBe('password_common');
    }
  });

  it('refuses a password that contains the login', () => {
    expect(passwordPolicyIssue('kowalski-ma-kota-77', { login: 'Kowalski' })?.code).toBe(
      'password_contains_login',
    );
  });

  it('refuses passwords that are easy to guess though not on the list', () => {
    for (const weak of ['aaaaaaaaaaaa', 'Password123!', 'iloveyou1234', 'abcabcabcabc', 'kartoteka2026']) {
      expect(passwordPolicyIssue(weak, { login: 'admin' })?.code, weak).toBe('password_too_weak');
    }
  });

  it('accepts long passphrases and random strings', () => {
    for (const good of [ADMIN_PASSWORD, 'second-password-2', 'Tr0ub4dor&3xx', 'vivid-otter-pastel-42']) {
      expect(checkPasswordPolicy(good, { login: 'ewa' }), good).toBeNull();
    }
  });

  it('explains a refusal in one sentence fragment', () => {
    expect(checkPasswordPolicy('short')).toBe('must be at least 12 characters long');
    expect(checkPasswordPolicy('qwertyuiop12')).toMatch(/common/);
  });

  it('generates admin passwords that meet it', () => {
    for (let i = 0; i < 20; i++)
      expect(checkPasswordPolicy(generatePassword(), { login: 'admin' })).toBeNull();
  });
});
