import { beforeAll, describe, expect, it } from 'vitest';
import { createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { staffMember } from '../../../../test/notification-fixtures.ts';
import { post } from '../../../../test/personal-data-fixtures.ts';
import { type ApiRecord, createCompany, expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { newScenario, readDeal, type Scenario, stagesOf } from '../../../../test/sales-fixtures.ts';

const DEAL_TABLES = ['opportunity', 'stage_history', 'record_history', 'outbox_event'];

describe.each(DIALECTS)('opportunities in their scenario (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let pipeline: Scenario;
  let client: ApiRecord;

  beforeAll(async () => {
    pipeline = await newScenario(env);
    client = await createCompany(env, { name: 'Stal-Mont Sp. z o.o.' });
  });

  const change = (id: number, values: Record<string, unknown>) =>
    env().api('PATCH', `/api/records/opportunity/${id}`, values);

  it('gives a new scenario the usual stages in order', async () => {
    const scenario = await post(env, 'sales_scenario', { name: 'Renewals' });
    const response = await env().api('POST', '/api/records/sales_stage/query', {
      filter: { field: 'scenario', op: 'eq', value: scenario.id },
      sort: [{ field: 'position', direction: 'asc' }],
      fields: ['name_pl', 'probability', 'kind'],
    });
    expect(
      response
        .json()
        .items.map((stage: Record<string, unknown>) => [stage.name_pl, stage.probability, stage.kind]),
    ).toEqual([
      ['Kontakt', 10, 'open'],
      ['Kwalifikacja', 25, 'open'],
      ['Oferta', 50, 'open'],
      ['Negocjacje', 75, 'open'],
      ['Wygrana', 100, 'won'],
      ['Przegrana', 0, 'lost'],
    ]);
  });

  it('starts a deal at the first open stage with its probability, and keeps the step', async () => {
    const deal = await post(env, 'opportunity', {
      name: 'Monitoring hali',
      company: client.id,
      scenario: pipeline.scenario.id,
    });
    expect(deal).toMatchObject({ stage: pipeline.lead.id, probability: 10, closed_on: null });
    expect(deal.stage_changed_at).toEqual(expect.any(String));
    expect(await stagesOf(env, Number(deal.id))).toEqual([
      expect.objectContaining({ from_stage: null, to_stage: pipeline.lead.id, amount: null }),
    ]);
  });

  it("refuses to enter a stage whose required fields are empty, writing nothing; then moves with the stage's probability", async () => {
    const deal = await post(env, 'opportunity', {
      name: 'Kontrola dostępu',
      company: client.id,
      scenario: pipeline.scenario.id,
    });
    await expectNothingWritten(
      env,
      async () => {
        const early = await change(Number(deal.id), { stage: pipeline.offer.id, version: deal.version });
        expectError(
          early,
          400,
          'validation_failed',
          /stage: needs amount, expected_close before a deal enters this stage/,
        );
      },
      DEAL_TABLES,
    );
    const moved = await change(Number(deal.id), {
      stage: pipeline.offer.id,
      amount: { amount: 4_500_000, currency: 'PLN' },
      expected_close: '2027-03-31',
      version: deal.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const now = await readDeal(env, Number(deal.id));
    expect(now).toMatchObject({ stage: pipeline.offer.id, probability: 50 });
    expect(
      (await stagesOf(env, Number(deal.id))).map((step) => [step.from_stage, step.to_stage, step.amount]),
    ).toEqual([
      [null, pipeline.lead.id, null],
      [pipeline.lead.id, pipeline.offer.id, { amount: 4_500_000, currency: 'PLN' }],
    ]);
  });

  it('keeps a probability the writer gives with the stage, closes on a won or lost stage and reopens on an open one', async () => {
    const deal = await post(env, 'opportunity', {
      name: 'Serwis roczny',
      company: client.id,
      scenario: pipeline.scenario.id,
      stage: pipeline.offer.id,
      amount: { amount: 1_200_000, currency: 'PLN' },
      expected_close: '2027-01-15',
      probability: 70,
    });
    expect(deal.probability).toBe(70);
    const won = await change(Number(deal.id), { stage: pipeline.won.id, version: deal.version });
    expect(won.statusCode, won.body).toBe(200);
    const closed = await readDeal(env, Number(deal.id));
    expect(closed).toMatchObject({
      probability: 100,
      closed_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const reopened = await change(Number(deal.id), { stage: pipeline.lead.id, version: closed.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await readDeal(env, Number(deal.id))).toMatchObject({ closed_on: null, probability: 10 });
  });

  it('refuses a stage of another scenario, a contact of another company and stage history typed in by a salesperson', async () => {
    const other = await newScenario(env);
    const salesperson = await staffMember(
      env,
      await createRole(env, [
        { object: 'stage_history', right: 'create', scope: 'all' },
        { object: 'stage_history', right: 'read', scope: 'all' },
      ]),
    );
    const stranger = await post(env, 'person', {
      first_name: 'Ilona',
      last_name: 'Tóth',
      company: (await createCompany(env, { name: 'Other Kft.' })).id,
    });
    await expectNothingWritten(
      env,
      async () => {
        const wrongStage = await env().api('POST', '/api/records/opportunity', {
          name: 'X',
          company: client.id,
          scenario: pipeline.scenario.id,
          stage: other.lead.id,
        });
        expectError(wrongStage, 400, 'validation_failed', /not a stage of scenario/);
        const wrongContact = await env().api('POST', '/api/records/opportunity', {
          name: 'Y',
          company: client.id,
          contact: stranger.id,
          scenario: pipeline.scenario.id,
        });
        expectError(wrongContact, 400, 'validation_failed', /another company/);
        const typed = await env().api(
          'POST',
          '/api/records/stage_history',
          { opportunity: 1, to_stage: pipeline.won.id, changed_at: new Date().toISOString() },
          salesperson.account.session,
        );
        expectError(typed, 403, 'forbidden');
      },
      DEAL_TABLES,
    );
  });
});
