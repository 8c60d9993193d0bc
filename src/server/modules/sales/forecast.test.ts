import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { post } from '../../../../test/personal-data-fixtures.ts';
import { type ApiRecord, createCompany } from '../../../../test/record-fixtures.ts';
import { newScenario, type Scenario } from '../../../../test/sales-fixtures.ts';

describe.each(DIALECTS)('the forecast (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let pipeline: Scenario;
  let client: ApiRecord;
  let anna: number;
  let bartek: number;

  const forecast = async (query: string) => {
    const response = await env().api('GET', `/api/forecast?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    pipeline = await newScenario(env);
    client = await createCompany(env, { name: 'Prognoza Sp. z o.o.' });
    anna = Number((await post(env, 'employee', { first_name: 'Anna', last_name: 'Forecast' })).id);
    bartek = Number((await post(env, 'employee', { first_name: 'Bartek', last_name: 'Forecast' })).id);
    const deal = (values: Record<string, unknown>) =>
      post(env, 'opportunity', {
        name: 'Deal',
        company: client.id,
        scenario: pipeline.scenario.id,
        ...values,
      });
    const offer = (amount: number, close: string, owner: number, more: Record<string, unknown> = {}) =>
      deal({
        stage: pipeline.offer.id,
        amount: { amount, currency: 'PLN' },
        expected_close: close,
        owner,
        ...more,
      });
    await offer(1_000_000, '2031-03-10', anna);
    await offer(333, '2031-03-20', bartek, { probability: 33.33 });
    await offer(2_000_000, '2031-04-05', anna);
    // Another currency: not in the złoty forecast.
    await deal({
      stage: pipeline.offer.id,
      amount: { amount: 9_999, currency: 'EUR' },
      expected_close: '2031-03-15',
      owner: anna,
    });
    // Won in March: counted as won, not in the pipeline.
    const won = await offer(500_000, '2031-03-01', bartek);
    const moved = await env().api('PATCH', `/api/records/opportunity/${won.id}`, {
      stage: pipeline.won.id,
      version: won.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await env()
      .services.dialect.db.updateTable('opportunity')
      .set({ closed_on: '2031-03-28' })
      .where('id', '=', won.id)
      .execute();
    // Late: an open deal whose close has passed.
    await offer(70_000, '2020-01-31', anna);
    await post(env, 'sales_target', {
      month: '2031-03-01',
      employee: anna,
      amount: { amount: 1_500_000, currency: 'PLN' },
    });
    await post(env, 'sales_target', {
      month: '2031-03-01',
      employee: bartek,
      amount: { amount: 600_000, currency: 'PLN' },
    });
  });

  it('weights open deals by month, sets won deals and targets beside them, in one currency', async () => {
    const byMonth = await forecast('from=2031-03-01&to=2031-04-30');
    expect(byMonth.rows).toEqual([
      {
        key: '2031-03',
        count: 2,
        pipeline: { amount: 1_000_333, currency: 'PLN' },
        // 1,000,000 × 50 % + 333 × 33.33 % = 500,110.9889 → 500,111.
        weighted: { amount: 500_111, currency: 'PLN' },
        won: { amount: 500_000, currency: 'PLN' },
        target: { amount: 2_100_000, currency: 'PLN' },
      },
      {
        key: '2031-04',
        count: 1,
        pipeline: { amount: 2_000_000, currency: 'PLN' },
        weighted: { amount: 1_000_000, currency: 'PLN' },
        won: { amount: 0, currency: 'PLN' },
        target: null,
      },
    ]);
    expect(byMonth.slipping.count).toBeGreaterThanOrEqual(1);
    expect(byMonth.slipping.sum.amount).toBeGreaterThanOrEqual(70_000);
    const euros = await forecast('from=2031-03-01&to=2031-03-31&currency=eur');
    expect(euros.rows).toEqual([
      expect.objectContaining({ key: '2031-03', count: 1, weighted: { amount: 5_000, currency: 'EUR' } }),
    ]);
  });

  it('groups by owner with each one’s target', async () => {
    const byOwner = await forecast('from=2031-03-01&to=2031-03-31&groupBy=owner');
    const row = (id: number) => byOwner.rows.find((entry: { key: string }) => entry.key === String(id));
    expect(row(anna)).toMatchObject({
      count: 1,
      weighted: { amount: 500_000 },
      target: { amount: 1_500_000 },
    });
    expect(row(bartek)).toMatchObject({ count: 1, won: { amount: 500_000 }, target: { amount: 600_000 } });
    // Neither owner is in a department: by team, their deals are the team-less ones.
    const byTeam = await forecast('from=2031-03-01&to=2031-03-31&groupBy=team');
    expect(byTeam.rows).toEqual([expect.objectContaining({ key: 'none', count: 2, target: null })]);
  });

  it('refuses a period that ends before it starts and a grouping it does not know', async () => {
    expect((await env().api('GET', '/api/forecast?from=2031-04-01&to=2031-03-01')).statusCode).toBe(400);
    expect(
      (await env().api('GET', '/api/forecast?from=2031-03-01&to=2031-03-31&groupBy=planet')).statusCode,
    ).toBe(400);
  });
});
