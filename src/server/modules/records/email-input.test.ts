import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  createCompany,
  expectNothingWritten,
  readCompany,
} from '../../../../test/record-fixtures.ts';

/** Each breaks one part of the rule in records/input.ts; the first is the one that got through. */
const REFUSED: Array<[why: string, email: string]> = [
  ['markup after the domain', 'a@b.c<script>'],
  ['markup in the local part', '<script>@b.com'],
  ['a one-letter top-level domain', 'a@b.c'],
  ['a numeric top-level domain', 'a@example.123'],
  ['no dot in the domain', 'jan@localhost'],
  ['a space', 'jan kowalski@firma.pl'],
  ['a quoted local part', '"jan"@firma.pl'],
  ['parentheses', 'jan(comment)@firma.pl'],
  ['square brackets (an IP literal)', 'jan@[127.0.0.1]'],
  ['a comma', 'jan,anna@firma.pl'],
  ['a semicolon', 'jan;anna@firma.pl'],
  ['a colon', 'jan:anna@firma.pl'],
  ['a backslash', 'jan\\anna@firma.pl'],
  ['two @', 'jan@anna@firma.pl'],
  ['a leading dot', '.jan@firma.pl'],
  ['a trailing dot in the local part', 'jan.@firma.pl'],
  ['two dots in a row', 'jan..kowalski@firma.pl'],
  ['an empty domain label', 'jan@firma..pl'],
  ['a trailing dot in the domain', 'jan@firma.pl.'],
  ['a label starting with a hyphen', 'jan@-firma.pl'],
  ['a label ending with a hyphen', 'jan@firma-.pl'],
  ['an underscore in the domain', 'jan@fir_ma.pl'],
  ['a non-ASCII domain (send punycode)', 'jan@bücher.de'],
  ['a non-ASCII local part', 'łukasz@firma.pl'],
  ['a label longer than 63 characters', `jan@${'a'.repeat(64)}.pl`],
  ['nothing before the @', '@firma.pl'],
];

const ACCEPTED: string[] = [
  'jan.kowalski@firma.pl',
  "o'brien+crm@mail.example.co.uk",
  'A_B-c@Sub-Domain.Example.COM',
  'biuro@123.example',
  'info@xn--bcher-kva.de',
  'kontakt@xn--80ak6aa92e.xn--p1ai',
];

describe.each(DIALECTS)('e-mail fields accept only e-mail addresses (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it.each(REFUSED)('refuses %s on create and update, and writes nothing', async (_why, email) => {
    const { api } = env();
    const company = await createCompany(env, { email: 'before@firma.pl' });
    await expectNothingWritten(env, async () => {
      const created = await api('POST', '/api/records/company', { name: 'Acme', email });
      const error = expectError(created, 400, 'validation_failed', /^email: must be an e-mail address/);
      expect(error.details).toEqual({
        fields: [{ field: 'email', code: 'format', message: expect.stringMatching(/e-mail/) }],
      });
      const updated = await api('PATCH', `/api/records/company/${company.id}`, { email, version: 1 });
      expectError(updated, 400, 'validation_failed', /^email: /);
    });
    expect(await readCompany(env, company.id)).toMatchObject({ email: 'before@firma.pl', version: 1 });
  });

  it('refuses the same on every object with an e-mail field', async () => {
    await expectNothingWritten(env, async () => {
      const person = await env().api('POST', '/api/records/person', {
        first_name: 'Jan',
        last_name: 'Kowalski',
        email: 'a@b.c<script>',
      });
      expectError(person, 400, 'validation_failed', /^email: must be an e-mail address/);
    });
  });

  it.each(ACCEPTED)('accepts %s and stores it as given', async (email) => {
    const company = await createCompany(env, { email: `  ${email} ` });
    expect(company.email).toBe(email);
    const read: ApiRecord = await readCompany(env, company.id);
    expect(read.email).toBe(email);
  });
});
