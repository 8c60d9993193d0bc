import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MoneyValue } from '../../shared/field-types/money.ts';
import { company } from '../modules/clients/company.ts';
import { person } from '../modules/clients/person.ts';
import type { RecordOf } from './define-object.ts';

// Typed records follow the declarations: a field's type decides its value's type. These are
// checked by the type checker (npm run typecheck, part of CI); the runtime part checks that the
// declarations the types come from are the ones the engine uses.
describe('records typed from their declarations', () => {
  it('give each field its value type', () => {
    expectTypeOf<RecordOf<typeof company>['credit_limit']>().toEqualTypeOf<MoneyValue | null>();
    expectTypeOf<RecordOf<typeof company>['name']>().toEqualTypeOf<string | null>();
    expectTypeOf<RecordOf<typeof company>['groups']>().toEqualTypeOf<number[]>();
    expectTypeOf<RecordOf<typeof company>['account_manager']>().toEqualTypeOf<number | null>();
    // @ts-expect-error a person has no such field
    expectTypeOf<RecordOf<typeof person>['is_main']>();
    expectTypeOf<RecordOf<typeof person>['version']>().toEqualTypeOf<number>();
    expect(company.field('credit_limit')?.type).toBe('money');
    expect(person.field('company')?.target).toBe('company');
  });
});
