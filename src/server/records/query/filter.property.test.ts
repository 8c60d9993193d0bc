import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type EvaluationContext, evaluateFilter, type PlainRecord } from '../../../shared/filter/evaluate.ts';
import { todayIn } from '../../../shared/filter/relative-dates.ts';
import type { Filter } from '../../../shared/filter/types.ts';
import { resolveFilter } from '../../../shared/filter/validate.ts';
import { systemActor } from '../../access/actor.ts';
import { compileContext, listRecords } from '../reader.ts';
import { createRecord } from '../writer.ts';
import { compileFilter } from './filter.ts';

/**
 * The differential test of ARCHITECTURE §7: random filters over random records must select
 * the same rows on SQLite, on PostgreSQL and in the plain in-memory evaluator.
 */
const NOW = new Date('2026-11-23T10:00:00Z');
const actor = systemActor('property-test');
const WORDS = [
  'Łódź',
  'lodz',
  'Győr',
  'GYOR',
  'Kraków',
  'krakow',
  'Ab_c',
  '50%',
  'o\\x',
  'Zażółć',
  'ÓRA',
  'Szeged',
  'ünnep',
  'Ősz',
  'Straße',
];
const DATES = [
  '2026-11-23',
  '2026-11-22',
  '2026-11-24',
  '2026-11-16',
  '2026-11-30',
  '2026-10-31',
  '2026-12-01',
  '2025-01-01',
  '2027-06-15',
];

const word = fc.constantFrom(...WORDS);
const text = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const datasetArb = fc.record({
  companies: fc.array(
    fc.record({
      name: text,
      city: optional(word),
      email: optional(fc.constantFrom('biuro@lodz.pl', 'info@gyor.hu', 'x@y.uk')),
      employee_count: optional(fc.integer({ min: 0, max: 50 })),
      next_action_date: optional(fc.constantFrom(...DATES)),
      industry: optional(fc.integer({ min: 0, max: 2 })),
      groups: fc.subarray([0, 1, 2]),
    }),
    { minLength: 30, maxLength: 30 },
  ),
  people: fc.array(
    fc.record({
      first_name: word,
      last_name: text,
      company: optional(fc.integer({ min: 0, max: 29 })),
      birth_date: optional(fc.constantFrom(...DATES)),
      groups: fc.subarray([0, 1]),
    }),
    { minLength: 40, maxLength: 40 },
  ),
});

type Leaf = { field: string; op: string; value?: unknown };
const idsOf = (max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { minLength: 1, maxLength: 3 });

function leafArb(root: 'company' | 'person'): fc.Arbitrary<Leaf> {
  const textOps = (field: string) =>
    fc.oneof(
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom('eq', 'neq', 'contains', 'notContains', 'startsWith', 'endsWith'),
        value: fc.oneof(word, fc.constantFrom('o', 'Ó', '%', '_', 'zs')),
      }),
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom('in', 'notIn'),
        value: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ field: fc.constant(field), op: fc.constantFrom('isEmpty', 'isNotEmpty') }),
    );
  const dateOps = (field: string) =>
    fc.oneof(
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom('eq', 'neq', 'lt', 'lte', 'gt', 'gte'),
        value: fc.constantFrom(...DATES),
      }),
      fc.record({
        field: fc.constant(field),
        op: fc.constant('between'),
        value: fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES)),
      }),
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom(
          'today',
          'yesterday',
          'tomorrow',
          'thisWeek',
          'lastWeek',
          'nextWeek',
          'thisMonth',
          'lastMonth',
          'nextMonth',
          'thisYear',
          'overdue',
          'isEmpty',
          'isNotEmpty',
        ),
      }),
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom('lastNDays', 'nextNDays'),
        value: fc.integer({ min: 1, max: 40 }),
      }),
    );
  const refOps = (field: string, max: number) =>
    fc.oneof(
      fc.record({
        field: fc.constant(field),
        op: fc.constantFrom('eq', 'neq'),
        value: fc.integer({ min: 1, max }),
      }),
      fc.record({ field: fc.constant(field), op: fc.constantFrom('in', 'notIn'), value: idsOf(max) }),
      fc.record({ field: fc.constant(field), op: fc.constantFrom('isEmpty', 'isNotEmpty') }),
    );
  const membershipOps = (field: string, max: number) =>
    fc.oneof(
      fc.record({ field: fc.constant(field), op: fc.constantFrom('in', 'notIn'), value: idsOf(max) }),
      fc.record({ field: fc.constant(field), op: fc.constantFrom('isEmpty', 'isNotEmpty') }),
    );
  const company = (prefix: string) => [
    textOps(`${prefix}name`),
    textOps(`${prefix}city`),
    textOps(`${prefix}email`),
    dateOps(`${prefix}next_action_date`),
    fc.record({
      field: fc.constant(`${prefix}employee_count`),
      op: fc.constantFrom('eq', 'neq', 'lt', 'lte', 'gt', 'gte'),
      value: fc.integer({ min: -1, max: 51 }),
    }),
    fc.record({
      field: fc.constant(`${prefix}employee_count`),
      op: fc.constantFrom('isEmpty', 'isNotEmpty'),
    }),
    refOps(`${prefix}industry`, 3),
    textOps(`${prefix}industry.code`),
    membershipOps(`${prefix}groups`, 3),
    textOps(`${prefix}groups.name`),
  ];
  if (root === 'company') return fc.oneof(...company(''));
  return fc.oneof(
    textOps('first_name'),
    textOps('last_name'),
    dateOps('birth_date'),
    refOps('company', 30),
    membershipOps('groups', 2),
    textOps('groups.name'),
    ...company('company.'),
  );
}

function filterArb(root: 'company' | 'person'): fc.Arbitrary<Filter> {
  const { tree } = fc.letrec<{ tree: Filter }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(root) as fc.Arbitrary<Filter>,
      fc.record({ and: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ or: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('tree') }),
    ),
  }));
  return tree;
}

describe.each(DIALECTS)('filter compiler agrees with the in-memory evaluator (%s)', (dialect) => {
  const env = useTestEnv(dialect, { now: () => NOW });

  it('selects the same rows for random filters', async () => {
    const ctx = env().services.records;
    const [dataset] = fc.sample(datasetArb, { seed: 4242, numRuns: 1 });
    if (!dataset) throw new Error('no dataset');
    const industries: number[] = [];
    for (const code of ['it', 'łódź', 'GYOR']) {
      const value = await createRecord(ctx, actor, 'dictionary_value', {
        dictionary: 'industry',
        code,
        label_en: code,
        label_pl: code,
        label_hu: code,
      });
      industries.push(value.id as number);
    }
    const companyGroups: number[] = [];
    for (const name of ['Dealers', 'Łódź partners', 'Győr'])
      companyGroups.push((await createRecord(ctx, actor, 'company_group', { name })).id as number);
    const personGroups: number[] = [];
    for (const name of ['Newsletter', 'Ünnep'])
      personGroups.push((await createRecord(ctx, actor, 'person_group', { name })).id as number);
    const companyIds: number[] = [];
    for (const c of dataset.companies) {
      const created = await createRecord(ctx, actor, 'company', {
        ...c,
        industry: c.industry === null ? null : industries[c.industry],
        groups: c.groups.map((g) => companyGroups[g]),
      });
      companyIds.push(created.id as number);
    }
    for (const p of dataset.people) {
      await createRecord(ctx, actor, 'person', {
        ...p,
        company: p.company === null ? null : companyIds[p.company],
        groups: p.groups.map((g) => personGroups[g]),
      });
    }
    const all = async (object: string) =>
      (await listRecords(ctx, actor, object, { limit: 500, sort: [{ field: 'id', direction: 'asc' }] }))
        .items;
    const records: Record<string, PlainRecord[]> = {
      company: await all('company'),
      person: await all('person'),
      dictionary_value: await all('dictionary_value'),
      company_group: await all('company_group'),
      person_group: await all('person_group'),
    };
    const byId = (object: string, id: unknown) => records[object]?.find((r) => r.id === id);
    const evaluation: EvaluationContext = {
      related: (_object, field, record) => {
        const value = record[field.key];
        const ids = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
        return ids.map((id) => byId(field.target ?? '', id)).filter((r): r is PlainRecord => r !== undefined);
      },
      today: todayIn(actor.timeZone, NOW),
      timeZone: actor.timeZone,
      nowIso: NOW.toISOString(),
    };

    for (const root of ['company', 'person'] as const) {
      await fc.assert(
        fc.asyncProperty(filterArb(root), async (filter) => {
          const resolved = resolveFilter(filter, root, ctx.registry.lookup);
          const expected = (records[root] ?? [])
            .filter((r) => evaluateFilter(resolved, r, evaluation))
            .map((r) => r.id);
          const actual = (
            await listRecords(ctx, actor, root, {
              filter,
              limit: 500,
              fields: ['id'],
              sort: [{ field: 'id', direction: 'asc' }],
            })
          ).items.map((r) => r.id);
          expect(actual).toEqual(expected);
          // The form a plan walking an index uses: relation paths checked row by row (EXISTS).
          const table = ctx.registry.get(root)?.table ?? root;
          const correlated = compileFilter(resolved, 't0', {
            ...compileContext(ctx, actor),
            correlate: true,
          });
          const rows = await sql<{ id: number }>`SELECT t0.id FROM ${sql.table(table)} AS t0
            WHERE t0.deleted_at IS NULL AND ${correlated} ORDER BY t0.id`.execute(ctx.dialect.db);
          expect(rows.rows.map((r) => Number(r.id))).toEqual(expected);
        }),
        { numRuns: 250 },
      );
    }
  }, 120_000);
});
