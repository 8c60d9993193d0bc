import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { noCycle } from '../../records/no-cycle.ts';

/** People of the company using the CRM; user accounts are separate (one employee, several accounts). */
export const employee = defineObject({
  key: 'employee',
  labels: { one: L('Employee', 'Pracownik', 'Munkatárs'), many: L('Employees', 'Pracownicy', 'Munkatársak') },
  icon: 'id-badge',
  sortIndex: ['last_name', 'first_name'],
  titleFields: ['first_name', 'last_name'],
  titleOrder: { hu: ['last_name', 'first_name'] },
  grammaticalGender: { pl: 'masculine' },
  givenNameField: 'first_name',
  searchFields: ['first_name', 'last_name', 'email', 'phone', 'position'],
  subtitleFields: ['position', 'department'],
  defaultSort: [
    { field: 'last_name', direction: 'asc' },
    { field: 'first_name', direction: 'asc' },
  ],
  // An employee record is "own" for the accounts of that employee.
  owner: 'self',
  invariants: [noCycle('employee', 'manager_id', 'manager')],
  fields: {
    first_name: field.text(L('First name', 'Imię', 'Keresztnév'), { required: true, maxLength: 100 }),
    last_name: field.text(L('Last name', 'Nazwisko', 'Vezetéknév'), { required: true, maxLength: 100 }),
    email: field.email(L('E-mail', 'E-mail', 'E-mail')),
    phone: field.phone(L('Phone', 'Telefon', 'Telefon')),
    position: field.text(L('Position', 'Stanowisko', 'Beosztás'), { maxLength: 100 }),
    department: field.relation(L('Department', 'Dział', 'Osztály'), 'department'),
    manager: field.relation(L('Manager', 'Przełożony', 'Felettes'), 'employee'),
    birth_date: field.date(L('Birth date', 'Data urodzenia', 'Születési dátum')),
    // Day and month only ("03-19"): a name day recurs every year.
    name_day: field.text(L('Name day', 'Imieniny', 'Névnap'), { maxLength: 5 }),
    hired_on: field.date(L('Hired on', 'Data zatrudnienia', 'Belépés dátuma')),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});
