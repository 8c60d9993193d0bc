import { assertAdministratorRemains } from '../../access/roles.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * A login. The password hash is deliberately not a field: it cannot be read, filtered or
 * written through the records engine, only through the authentication module. Roles are not a
 * field either: they are granted through the access routes, which check who may grant what.
 */
export const userAccount = defineObject({
  key: 'user_account',
  labels: {
    one: L('User account', 'Konto użytkownika', 'Felhasználói fiók'),
    many: L('User accounts', 'Konta użytkowników', 'Felhasználói fiókok'),
  },
  icon: 'key',
  titleFields: ['login'],
  grammaticalGender: { pl: 'neuter' },
  owner: 'employee',
  // Nobody but an administrator changes an account (its employee, its being active…).
  administratorsOnly: true,
  // Secrets and login settings, changed only by the auth and access commands.
  internalColumns: [
    'password_hash',
    'client_certificate',
    'require_totp',
    'totp_secret',
    'totp_pending_secret',
    'totp_enabled_at',
    'totp_last_step',
  ],
  invariants: [assertAdministratorRemains],
  fields: {
    login: field.text(L('Login', 'Login', 'Felhasználónév'), {
      required: true,
      maxLength: 100,
      lowercase: true,
    }),
    employee: field.relation(L('Employee', 'Pracownik', 'Munkatárs'), 'employee'),
    active: field.boolean(L('Active', 'Aktywne', 'Aktív'), { defaultValue: true }),
    locale: field.text(L('Language', 'Język', 'Nyelv'), { maxLength: 5 }),
    time_zone: field.timeZone(L('Time zone', 'Strefa czasowa', 'Időzóna')),
    last_login_at: field.dateTime(L('Last login', 'Ostatnie logowanie', 'Utolsó bejelentkezés'), {
      readOnly: true,
    }),
  },
});
