import { beforeAll, describe, expect, it } from 'vitest';
import { createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import type { Session } from '../../../../test/harness.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type StaffMember, staffMember } from '../../../../test/notification-fixtures.ts';
import { post } from '../../../../test/personal-data-fixtures.ts';
import { type ApiRecord, createCompany, expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { newScenario, readDeal, type Scenario, stagesOf } from '../../../../test/sales-fixtures.ts';

interface Column {
  stage: { id: number; name: string };
  count: number;
  sum: { amount: number; currency: string };
  weightedSum: { amount: number; currency: string };
  otherCurrencies: Array<{ currency: string; count: number; sum: { amount: number } }>;
  cards: Array<{ id: number; version: number; name: string; rotting: boolean }>;
  nextCursor: string | null;
}

describe.each(DIALECTS)('the pipeline board (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let pipeline: Scenario;
  let client: ApiRecord;
  let ola: StaffMember;
  let piotr: StaffMember;

  const board = async (query = '', session?: Session) => {
    const response = await env().api(
      'GET',
      `/api/pipeline/${pipeline.scenario.id}${query}`,
      undefined,
      session,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ scenario: { currency: string }; columns: Column[] }>();
  };
  const column = (columns: Column[], stage: ApiRecord) => {
    const found = columns.find((entry) => entry.stage.id === stage.id);
    if (!found) throw new Error(`no column ${stage.id}`);
    return found;
  };
  const deal = (values: Record<string, unknown>) =>
    post(env, 'opportunity', { company: client.id, scenario: pipeline.scenario.id, ...values });

  beforeAll(async () => {
    pipeline = await newScenario(env);
    client = await createCompany(env, { name: 'Elektro-Hurt S.A.' });
    const sales = await createRole(env, [
      { object: 'opportunity', right: 'read', scope: 'own' },
      { object: 'opportunity', right: 'update', scope: 'own' },
      { object: 'company', right: 'read', scope: 'all' },
      { object: 'sales_scenario', right: 'read', scope: 'all' },
      { object: 'sales_stage', right: 'read', scope: 'all' },
      { object: 'stage_history', right: 'read', scope: 'all' },
    ]);
    ola = await staffMember(env, sales, { first: 'Ola', last: 'Wiśniewska' });
    piotr = await staffMember(env, sales, { first: 'Piotr', last: 'Zieliński' });
    const offer = { stage: pipeline.offer.id, expected_close: '2027-06-30' };
    await deal({ name: 'A', owner: ola.employeeId, amount: { amount: 1_000_000, currency: 'PLN' } });
    await deal({
      name: 'B',
      owner: piotr.employeeId,
      amount: { amount: 333, currency: 'PLN' },
      probability: 33.33,
    });
    await deal({ name: 'C', owner: ola.employeeId, amount: { amount: 50_000, currency: 'EUR' } });
    await deal({ name: 'D', owner: piotr.employeeId });
    await deal({
      name: 'E',
      owner: ola.employeeId,
      amount: { amount: 2_000_000, currency: 'PLN' },
      ...offer,
    });
  });

  it('sums every deal of a stage, weighted by probability, other currencies apart, over what the reader may see', async () => {
    const all = await board();
    expect(all.columns.map((entry) => entry.stage.name)).toEqual(['Lead', 'Offer', 'Won', 'Lost']);
    const lead = column(all.columns, pipeline.lead);
    expect(lead.count).toBe(4);
    // 1,000,000 × 10 % + 333 × 33.33 % (110.9889) = 100,110.9889 → 100,111.
    expect(lead.sum).toEqual({ amount: 1_000_333, currency: 'PLN' });
    expect(lead.weightedSum).toEqual({ amount: 100_111, currency: 'PLN' });
    expect(lead.otherCurrencies).toEqual([
      {
        currency: 'EUR',
        count: 1,
        sum: { amount: 50_000, currency: 'EUR' },
        weightedSum: { amount: 5_000, currency: 'EUR' },
      },
    ]);
    expect(column(all.columns, pipeline.offer)).toMatchObject({
      count: 1,
      weightedSum: { amount: 1_000_000 },
    });
    expect(column(all.columns, pipeline.won)).toMatchObject({ count: 0, cards: [], nextCursor: null });

    const olas = await board('', ola.account.session);
    expect(column(olas.columns, pipeline.lead)).toMatchObject({ count: 2, sum: { amount: 1_000_000 } });
    expect(
      column(olas.columns, pipeline.lead)
        .cards.map((card) => card.name)
        .sort(),
    ).toEqual(['A', 'C']);
    const piotrsOnly = await board(`?owner=${piotr.employeeId}`);
    expect(column(piotrsOnly.columns, pipeline.lead).count).toBe(2);
    const closing = await board('?from=2027-06-01&to=2027-06-30');
    expect(column(closing.columns, pipeline.lead).count).toBe(0);
    expect(column(closing.columns, pipeline.offer).count).toBe(1);
  });

  it('drags a card to a stage and a place, refusing a stale version and a stage whose fields are missing', async () => {
    const lead = column((await board()).columns, pipeline.lead);
    const [first, second] = lead.cards;
    if (!first || !second) throw new Error('two cards expected');
    const move = (id: number, body: Record<string, unknown>, session?: Session) =>
      env().api('POST', `/api/opportunities/${id}/move`, body, session);
    // Reordered within its column: the second card goes first.
    const reordered = await move(second.id, {
      stage: pipeline.lead.id,
      position: 0,
      version: second.version,
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(
      column((await board()).columns, pipeline.lead)
        .cards.slice(0, 2)
        .map((card) => card.id),
    ).toEqual([second.id, first.id]);

    const a = (await board()).columns[0]?.cards.find((card) => card.name === 'A');
    const d = (await board()).columns[0]?.cards.find((card) => card.name === 'D');
    if (!a || !d) throw new Error('A and D expected');
    await expectNothingWritten(env, async () => {
      const stale = await move(a.id, { stage: pipeline.offer.id, position: 0, version: a.version - 1 });
      expectError(stale, 409, 'conflict');
      const unready = await move(d.id, { stage: pipeline.offer.id, position: 0, version: d.version });
      expectError(unready, 400, 'validation_failed', /needs amount, expected_close/);
      const notHers = await move(
        d.id,
        { stage: pipeline.lost.id, position: 0, version: d.version },
        ola.account.session,
      );
      expect(notHers.statusCode).toBe(404);
    }, ['opportunity', 'stage_history', 'record_history']);
    await env().api('PATCH', `/api/records/opportunity/${a.id}`, {
      expected_close: '2027-05-31',
      version: a.version,
    });
    const fresh = await readDeal(env, a.id);
    const moved = await move(a.id, {
      stage: pipeline.offer.id,
      position: 0,
      version: fresh.version,
      note: 'Budget approved',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: pipeline.offer.id, probability: 50 });
    const offerColumn = column((await board()).columns, pipeline.offer);
    expect(offerColumn.cards.map((card) => card.name)).toEqual(['A', 'E']);
    expect((await stagesOf(env, a.id)).at(-1)).toMatchObject({
      to_stage: pipeline.offer.id,
      note: 'Budget approved',
    });
  });

  it('pages a long column and marks deals idle longer than their stage allows', async () => {
    const local = await newScenario(env);
    for (let index = 0; index < 55; index += 1)
      await post(env, 'opportunity', {
        name: `Deal ${index}`,
        company: client.id,
        scenario: local.scenario.id,
      });
    const idle = await post(env, 'opportunity', {
      name: 'Forgotten',
      company: client.id,
      scenario: local.scenario.id,
    });
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await env()
      .services.dialect.db.updateTable('opportunity')
      .set({ updated_at: monthAgo })
      .where('id', '=', idle.id)
      .execute();
    const response = await env().api('GET', `/api/pipeline/${local.scenario.id}`);
    const lead = column(response.json<{ columns: Column[] }>().columns, local.lead);
    expect(lead.count).toBe(56);
    expect(lead.cards).toHaveLength(50);
    expect(lead.nextCursor).toBe('50');
    const next = await env().api(
      'GET',
      `/api/pipeline/${local.scenario.id}/stages/${local.lead.id}/cards?cursor=50`,
    );
    expect(next.statusCode, next.body).toBe(200);
    const rest = next.json<{ cards: Column['cards']; nextCursor: string | null }>();
    expect(rest.nextCursor).toBeNull();
    expect([...lead.cards, ...rest.cards].map((card) => card.id)).toHaveLength(56);
    expect(rest.cards.find((card) => card.id === idle.id)?.rotting).toBe(true);
    expect([...lead.cards, ...rest.cards].filter((card) => card.rotting)).toHaveLength(1);
    const elsewhere = await env().api(
      'GET',
      `/api/pipeline/${local.scenario.id}/stages/${pipeline.lead.id}/cards`,
    );
    expect(elsewhere.statusCode).toBe(404);
  });
});
