import { email as traits } from '../../../shared/field-types/email.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

/**
 * An address a mail server will take: the local part is RFC 5322 dot-atom (so none of
 * `<>()[]\\,;:"`, spaces or a stray dot), the domain is dot-separated labels of letters, digits
 * and hyphens ending in a top-level domain of letters or an IDN's punycode (xn--…). Quoted local
 * parts and IP-literal domains are valid by the RFC but never meant in a CRM, and a loose check
 * let `a@b.c<script>` through into every list and export.
 */
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_DOMAIN = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || value.length > 254) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(labels[labels.length - 1] ?? '')
  );
}

export const email = textColumn(traits, {
  format: (value) =>
    isEmailAddress(value) ? { value } : invalid('format', 'must be an e-mail address like name@example.com'),
  overrides: { schema: (field) => ({ type: 'string', format: 'email', maxLength: field.maxLength }) },
});
