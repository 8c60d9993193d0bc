import { describe, expect, it } from 'vitest';
import { colour as traits } from '../../../shared/field-types/colour.ts';
import type { FieldDefinition } from '../define-object.ts';
import { serverType } from './registry.ts';

const field: FieldDefinition = {
  key: 'colour',
  type: 'colour',
  labels: { en: 'Colour', pl: 'Kolor', hu: 'Szín' },
  required: false,
  readOnly: false,
  system: false,
  sortable: true,
  filterable: true,
  maxLength: 7,
  column: 'colour',
  columns: [{ name: 'colour', type: 'text' }],
};
const type = serverType(field);
const check = (raw: unknown) => type.check(raw, field, { country: null });

describe('colour fields', () => {
  it('store #rrggbb in lower case, expanding #rgb', () => {
    expect(check('#3f51b5')).toEqual({ value: '#3f51b5' });
    expect(check('#3F51B5')).toEqual({ value: '#3f51b5' });
    expect(check('#AbC')).toEqual({ value: '#aabbcc' });
    expect(check('  #fff  ')).toEqual({ value: '#ffffff' });
  });

  it('take an emptied field as no value', () => {
    expect(check('')).toEqual({ value: null });
    expect(check('   ')).toEqual({ value: null });
  });

  it.each([
    ['no hash', '3f51b5'],
    ['a hash alone', '#'],
    ['four digits', '#abcd'],
    ['five digits', '#abcde'],
    ['an alpha channel', '#3f51b5ff'],
    ['a non-hex digit', '#3f51g5'],
    ['a name', 'red'],
    ['a function', 'rgb(0, 0, 0)'],
    ['a space inside', '#3f 51b5'],
    ['markup', '#fff<script>'],
  ])('refuse %s with the format issue', (_why, raw) => {
    expect(check(raw)).toEqual({
      issue: { code: 'format', message: 'must be a colour as #rrggbb or #rgb, like #3f51b5' },
    });
  });

  it('refuse what is not text', () => {
    expect(check(0x3f51b5).issue?.code).toBe('type');
    expect(check(['#fff']).issue?.code).toBe('type');
  });

  it('describe the stored form in OpenAPI and export it as text', () => {
    expect(type.schema(field)).toMatchObject({ type: 'string', pattern: '^#[0-9a-f]{6}$' });
    expect(type.columns('colour')).toEqual([{ name: 'colour', type: 'text' }]);
    const cell = type.cell('#3f51b5', field, {
      locale: 'en',
      toWallClock: () => ({ date: '', time: '', offset: '' }),
    });
    expect(cell).toEqual({ kind: 'text', value: '#3f51b5' });
  });

  it('filter on the stored form of a whole colour, and on fragments as typed', () => {
    expect(traits.operand('#F00')).toBe('#ff0000');
    expect(traits.operand('#3F51B5')).toBe('#3f51b5');
    expect(traits.operand('51b')).toBe('51b');
    expect(traits.operand(42)).toEqual({ problem: 'must be a string' });
  });
});
