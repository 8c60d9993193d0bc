import { expect } from 'vitest';
import type { Session } from './harness.ts';
import { post } from './personal-data-fixtures.ts';
import type { ApiRecord, EnvGetter } from './record-fixtures.ts';

export interface Scenario {
  scenario: ApiRecord;
  lead: ApiRecord;
  offer: ApiRecord;
  won: ApiRecord;
  lost: ApiRecord;
}

let scenarios = 0;

/**
 * A scenario of four stages as an administrator would set one up: Lead (10 %), Offer (50 %,
 * needs an amount and an expected close), Won, Lost.
 */
export async function newScenario(env: EnvGetter, values: Record<string, unknown> = {}): Promise<Scenario> {
  scenarios += 1;
  const scenario = await post(env, 'sales_scenario', {
    name: `New business ${scenarios}`,
    currency: 'PLN',
    ...values,
  });
  // A scenario comes with the usual stages: these tests set their own.
  for (const id of await stageIds(env, Number(scenario.id))) {
    const removed = await env().api('DELETE', `/api/records/sales_stage/${id}`);
    expect(removed.statusCode, removed.body).toBe(204);
  }
  const stage = (position: number, names: [string, string, string], more: Record<string, unknown>) =>
    post(env, 'sales_stage', {
      scenario: scenario.id,
      position,
      name_en: names[0],
      name_pl: names[1],
      name_hu: names[2],
      ...more,
    });
  return {
    scenario,
    lead: await stage(10, ['Lead', 'Kontakt', 'Érdeklődő'], { probability: 10, rots_after_days: 14 }),
    offer: await stage(20, ['Offer', 'Oferta', 'Ajánlat'], {
      probability: 50,
      required_fields: 'amount, expected_close',
    }),
    won: await stage(90, ['Won', 'Wygrana', 'Megnyert'], { probability: 100, kind: 'won' }),
    lost: await stage(99, ['Lost', 'Przegrana', 'Elvesztett'], { probability: 0, kind: 'lost' }),
  };
}

export async function stageIds(env: EnvGetter, scenario: number): Promise<number[]> {
  const response = await env().api('POST', '/api/records/sales_stage/query', {
    filter: { field: 'scenario', op: 'eq', value: scenario },
    limit: 100,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<{ id: number }> }>().items.map((stage) => stage.id);
}

export async function readDeal(env: EnvGetter, id: number, session?: Session): Promise<ApiRecord> {
  const response = await env().api('GET', `/api/records/opportunity/${id}`, undefined, session);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ApiRecord>();
}

export async function stagesOf(env: EnvGetter, opportunity: number): Promise<Array<Record<string, unknown>>> {
  const response = await env().api('POST', '/api/records/stage_history/query', {
    filter: { field: 'opportunity', op: 'eq', value: opportunity },
    sort: [{ field: 'id', direction: 'asc' }],
    limit: 100,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<Record<string, unknown>> }>().items;
}
