import { describe, expect, it } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the test checks the builder against the server's real metadata.
import { standardRegistry } from '../../../server/modules/objects.ts';
import { operatorsFor } from '../../../shared/field-types/index.ts';
import { OPERATORS } from '../../../shared/filter/operators.ts';
import type { Filter } from '../../../shared/filter/types.ts';
import { resolveFilter } from '../../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { instantFromLocalInput, localInputFromInstant } from '../../ui/datetime-input.ts';
import {
  changeField,
  changeOperator,
  conditionNode,
  countConditions,
  countIncomplete,
  describePath,
  draftFromFilter,
  type FilterDraft,
  fieldPathOptions,
  filterFromDraft,
  groupNode,
  leafFromDraft,
  pathLabel,
} from './filter-model.ts';

const registry = standardRegistry();
const { lookup } = registry;
const person = registry.describe('person') as ObjectMeta;
const company = registry.describe('company') as ObjectMeta;

function option(path: string, root = 'person') {
  const found = describePath(path, root, lookup);
  if (!found) throw new Error(`no path ${path}`);
  return found;
}

describe('fieldPathOptions', () => {
  it('offers own fields and relation paths one level deep', () => {
    const paths = fieldPathOptions(person, lookup).map((o) => o.path);
    expect(paths).toContain('last_name');
    expect(paths).toContain('company');
    expect(paths).toContain('created_at');
    expect(paths).toContain('company.industry');
    expect(paths).toContain('company.city');
    expect(paths).toContain('groups.name');
    // Bookkeeping fields, dictionary internals and system hops are left out.
    expect(paths).not.toContain('version');
    expect(paths).not.toContain('deleted_at');
    expect(paths).not.toContain('company.created_at');
    expect(paths.some((path) => path.startsWith('created_by.'))).toBe(false);
    expect(fieldPathOptions(company, lookup).some((o) => o.path.startsWith('industry.'))).toBe(false);
    expect(paths.every((path) => path.split('.').length <= 2)).toBe(true);
  });

  it('offers only own fields without paths', () => {
    const paths = fieldPathOptions(person, lookup, { paths: false }).map((o) => o.path);
    expect(paths).toContain('company');
    expect(paths.some((path) => path.includes('.'))).toBe(false);
  });

  it('offers only paths the shared validator accepts, each with a label', () => {
    for (const meta of registry.list().map((d) => registry.describe(d.key) as ObjectMeta)) {
      for (const o of fieldPathOptions(meta, lookup)) {
        const op = operatorsFor(o.field.type).find((name) => OPERATORS[name] === 'none');
        expect(op, o.path).toBeDefined();
        expect(() => resolveFilter({ field: o.path, op }, meta.key, lookup), o.path).not.toThrow();
      }
    }
    expect(pathLabel(option('company.industry'), 'en')).toBe('Company → Industry');
    expect(pathLabel(option('company.industry'), 'pl')).toBe('Firma → Branża');
  });
});

describe('leafFromDraft', () => {
  it('leaves out incomplete conditions', () => {
    expect(leafFromDraft({ field: '', op: null, value: null }, 'person', lookup)).toBeNull();
    expect(leafFromDraft({ field: 'last_name', op: null, value: 'x' }, 'person', lookup)).toBeNull();
    expect(leafFromDraft({ field: 'last_name', op: 'contains', value: '  ' }, 'person', lookup)).toBeNull();
    expect(leafFromDraft({ field: 'last_name', op: 'in', value: [] }, 'person', lookup)).toBeNull();
    expect(
      leafFromDraft({ field: 'birth_date', op: 'between', value: ['2026-01-01', null] }, 'person', lookup),
    ).toBeNull();
    expect(leafFromDraft({ field: 'birth_date', op: 'lastNDays', value: null }, 'person', lookup)).toBeNull();
    expect(
      leafFromDraft({ field: 'birth_date', op: 'eq', value: '2026-02-30' }, 'person', lookup),
    ).toBeNull();
    expect(leafFromDraft({ field: 'birth_date', op: 'contains', value: 'x' }, 'person', lookup)).toBeNull();
    expect(leafFromDraft({ field: 'nothing', op: 'eq', value: 'x' }, 'person', lookup)).toBeNull();
  });

  it('emits complete conditions the validator accepts', () => {
    const leaves = [
      leafFromDraft({ field: 'last_name', op: 'contains', value: ' Kow ' }, 'person', lookup),
      leafFromDraft({ field: 'company.industry', op: 'in', value: [4, 4, 7] }, 'person', lookup),
      leafFromDraft(
        { field: 'birth_date', op: 'between', value: ['1980-01-01', '1990-12-31'] },
        'person',
        lookup,
      ),
      leafFromDraft({ field: 'created_at', op: 'lastNDays', value: 7 }, 'person', lookup),
      leafFromDraft({ field: 'email', op: 'isEmpty', value: undefined }, 'person', lookup),
    ];
    expect(leaves).toEqual([
      { field: 'last_name', op: 'contains', value: 'Kow' },
      { field: 'company.industry', op: 'in', value: [4, 7] },
      { field: 'birth_date', op: 'between', value: ['1980-01-01', '1990-12-31'] },
      { field: 'created_at', op: 'lastNDays', value: 7 },
      { field: 'email', op: 'isEmpty' },
    ]);
    for (const leaf of leaves) expect(() => resolveFilter(leaf, 'person', lookup)).not.toThrow();
  });
});

describe('filterFromDraft and draftFromFilter', () => {
  const canonical: Filter[] = [
    { field: 'last_name', op: 'startsWith', value: 'Kow' },
    {
      and: [
        { field: 'company.industry', op: 'eq', value: 4 },
        { field: 'company.city', op: 'in', value: ['Łódź', 'Győr'] },
      ],
    },
    {
      or: [
        { field: 'birth_date', op: 'thisMonth' },
        {
          and: [
            { field: 'company.employee_count', op: 'between', value: [10, 50] },
            { field: 'groups', op: 'in', value: [1, 2] },
          ],
        },
      ],
    },
    { and: [{ not: { field: 'email', op: 'isEmpty' } }, { field: 'company', op: 'isNotEmpty' }] },
  ];

  for (const filter of canonical) {
    it(`round-trips ${JSON.stringify(filter)}`, () => {
      const back = filterFromDraft(draftFromFilter(filter), 'person', lookup);
      expect(back).toEqual(filter);
      expect(() => resolveFilter(back, 'person', lookup)).not.toThrow();
    });
  }

  it('maps an empty filter to an empty draft and back', () => {
    expect(draftFromFilter(null)).toEqual({ combinator: 'and', nodes: [] });
    expect(filterFromDraft(draftFromFilter(null), 'person', lookup)).toBeNull();
  });

  it('keeps what it cannot edit as opaque nodes', () => {
    const draft = draftFromFilter(canonical[3] ?? null);
    expect(draft.nodes.map((node) => node.kind)).toEqual(['opaque', 'condition']);
    const deep = draftFromFilter({ not: { field: 'email', op: 'isEmpty' } });
    expect(deep.nodes.map((node) => node.kind)).toEqual(['opaque']);
  });

  it('leaves incomplete conditions and empty groups out, and collapses single children', () => {
    const group = groupNode('or');
    const draft: FilterDraft = {
      combinator: 'or',
      nodes: [
        conditionNode({ field: 'last_name', op: 'eq', value: 'Nowak' }),
        conditionNode({ field: 'company.city', op: 'contains', value: '' }),
        group,
        {
          ...groupNode('and'),
          conditions: [
            conditionNode({ field: 'email', op: 'endsWith', value: '.hu' }),
            conditionNode({ field: 'phone', op: null }),
          ],
        },
      ],
    };
    const filter = filterFromDraft(draft, 'person', lookup);
    expect(filter).toEqual({
      or: [
        { field: 'last_name', op: 'eq', value: 'Nowak' },
        { field: 'email', op: 'endsWith', value: '.hu' },
      ],
    });
    // The group's blank row is not counted: nothing was started there.
    expect(countIncomplete(draft, 'person', lookup)).toBe(2);
    expect(countConditions(filter)).toBe(2);
    expect(() => resolveFilter(filter, 'person', lookup)).not.toThrow();
  });
});

describe('editing', () => {
  it('picks a sensible operator for a new field and resets references', () => {
    const start = changeField({ field: '', op: null, value: null }, option('company.industry'));
    expect(start).toEqual({ field: 'company.industry', op: 'eq', value: null });
    const other = changeField({ ...start, value: 4 }, option('company.status'), option('company.industry'));
    expect(other.value).toBeNull();
    const text = changeField(
      { field: 'last_name', op: 'startsWith', value: 'Ko' },
      option('first_name'),
      option('last_name'),
    );
    expect(text).toEqual({ field: 'first_name', op: 'startsWith', value: 'Ko' });
    expect(changeField(text, option('company.employee_count'), option('first_name'))).toEqual({
      field: 'company.employee_count',
      op: 'eq',
      value: null,
    });
    expect(changeField(start, option('company.groups'))).toMatchObject({ op: 'in', value: [] });
  });

  it('carries values across operator kinds', () => {
    const single = { field: 'birth_date', op: 'eq' as const, value: '2026-01-01' };
    expect(changeOperator(single, 'between').value).toEqual(['2026-01-01', null]);
    expect(changeOperator(single, 'isEmpty').value).toBeUndefined();
    expect(changeOperator(single, 'lastNDays').value).toBeNull();
    expect(changeOperator({ ...single, op: 'lastNDays', value: 7 }, 'eq').value).toBeNull();
    expect(changeOperator({ field: 'last_name', op: 'in', value: ['a', 'b'] }, 'eq').value).toBe('a');
    expect(changeOperator({ field: 'last_name', op: 'eq', value: 'a' }, 'notIn').value).toEqual(['a']);
  });

  it('counts conditions in any shape', () => {
    expect(countConditions(null)).toBe(0);
    for (const [filter, count] of [
      [{ field: 'email', op: 'isEmpty' }, 1],
      [
        {
          and: [
            { field: 'email', op: 'isEmpty' },
            {
              not: {
                or: [
                  { field: 'phone', op: 'isEmpty' },
                  { field: 'mobile', op: 'isEmpty' },
                ],
              },
            },
          ],
        },
        3,
      ],
    ] as const) {
      expect(countConditions(filter as Filter)).toBe(count);
    }
  });

  it('converts date-time inputs to instants and back', () => {
    const instant = instantFromLocalInput('2026-03-01T09:30');
    expect(instant).toMatch(/Z$/);
    expect(localInputFromInstant(instant)).toBe('2026-03-01T09:30');
    expect(instantFromLocalInput('')).toBeNull();
    expect(localInputFromInstant(null)).toBe('');
  });
});
