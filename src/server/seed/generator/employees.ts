// The CRM owner's own staff: account managers and users of the demo.
import { checkIndex, checkRange, type DatasetSize, LOCALES, STREAM } from './context.ts';
import type { Gender } from './locale.ts';
import { forIndex } from './prng.ts';
import type { Country, EmployeeRow } from './rows.ts';
import { DAYS_PER_YEAR, dayNumber, emailWord, isoDate } from './text.ts';

// Not a real domain: RFC 2606 reserves .example, so the demo can never mail a real person.
const EMPLOYEE_EMAIL_DOMAIN = 'kartoteka.example';

// Fixed calendar bounds rather than "years before the reference date": staff rows then depend on
// the seed alone, and the latest hire date is safely in the past for any realistic reference date.
const BIRTH_DAY_FROM = dayNumber('1961-01-01');
const BIRTH_DAY_TO = dayNumber('2003-12-31');
const HIRE_DAY_FROM = dayNumber('2005-01-01');
const HIRE_DAY_TO = dayNumber('2025-09-30');

// A fixed rotation of nationalities (10 Polish, 7 Hungarian, 3 British
// per 20) lets us count how many colleagues of the same language come before an employee, and
// so hand out surnames without repeats and e-mail addresses that are unique by construction.
// biome-ignore format: word list, packed to keep the file readable
const EMPLOYEE_COUNTRY_CYCLE: readonly Country[] = [
  'PL', 'HU', 'PL', 'GB', 'PL', 'HU', 'PL', 'HU', 'PL', 'PL', 'HU', 'GB', 'PL', 'HU', 'PL', 'HU', 'PL', 'GB', 'PL', 'HU',
];

/** The country an employee works from (the demo's staff are Polish, Hungarian and British). */
export function employeeCountry(index: number): Country {
  return employeeSlot(index).country;
}

function employeeSlot(index: number): { country: Country; rank: number } {
  const cycle = EMPLOYEE_COUNTRY_CYCLE.length;
  const position = index % cycle;
  const country = EMPLOYEE_COUNTRY_CYCLE[position] ?? 'PL';
  let perCycle = 0;
  let before = 0;
  EMPLOYEE_COUNTRY_CYCLE.forEach((c, i) => {
    if (c !== country) return;
    perCycle++;
    if (i < position) before++;
  });
  return { country, rank: Math.floor(index / cycle) * perCycle + before };
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Steps through the surname list with a stride coprime to its length: no repeats for a full lap. */
function surnamePosition(seed: number, rank: number, surnameCount: number): number {
  let stride = 7;
  while (greatestCommonDivisor(stride, surnameCount) !== 1) stride += 2;
  const offset = forIndex(seed, STREAM.employeeSurnames, surnameCount).int(0, surnameCount - 1);
  return (offset + rank * stride) % surnameCount;
}

/** Employee #0 is always active (the administrator); about one in eight of the others has left. */
export function employeeIsActive(seed: number, index: number): boolean {
  return index === 0 || forIndex(seed, STREAM.employeeStatus, index).chance(0.88);
}

export function employeeAt(seed: number, index: number, size: DatasetSize): EmployeeRow {
  checkIndex(index, size.employees, 'Employee');
  const rng = forIndex(seed, STREAM.employee, index);
  const { country, rank } = employeeSlot(index);
  const locale = LOCALES[country];
  const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
  const firstName = locale.firstName(rng, gender);
  const lastName = locale.lastNameAt(surnamePosition(seed, rank, locale.surnameCount), gender);
  // After a full lap of surnames a number keeps the address unique.
  const lap = Math.floor(rank / locale.surnameCount);
  const email = `${emailWord(firstName)}.${emailWord(lastName)}${lap > 0 ? lap + 1 : ''}@${EMPLOYEE_EMAIL_DOMAIN}`;
  const role = rng.pick(locale.employeeRoles);
  const birthDay = rng.int(BIRTH_DAY_FROM, BIRTH_DAY_TO);
  const hiredOn = rng.int(Math.max(birthDay + Math.round(20 * DAYS_PER_YEAR), HIRE_DAY_FROM), HIRE_DAY_TO);
  return {
    first_name: firstName,
    last_name: lastName,
    email,
    phone: locale.mobile(rng),
    position: rng.pick(role.positions),
    department: role.department,
    birth_date: isoDate(birthDay),
    hired_on: isoDate(hiredOn),
    active: employeeIsActive(seed, index),
  };
}

export function* employees(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = size.employees,
): Generator<EmployeeRow, void, undefined> {
  checkRange(from, to, size.employees, 'Employee');
  for (let index = from; index < to; index++) yield employeeAt(seed, index, size);
}
