import { systemActor } from '../access/actor.ts';
import type { AppServices } from '../http/types.ts';
import { inOneTransaction } from '../records/command.ts';
import { executorOf, type RecordsContext } from '../records/context.ts';
import { createRecord, updateRecord } from '../records/writer.ts';
import { createRng, type Rng } from './generator/prng.ts';

/** The PRNG stream of the demo's deals: drawing them shifts no other generated record. */
const STREAM_SEED = 0x5a1e5;
const DEALS = 120;
const DAY = 86_400_000;

const WHAT = [
  'CCTV for the warehouse',
  'Access control, head office',
  'Alarm system upgrade',
  'Video monitoring, 3 sites',
  'Maintenance contract',
  'Fire alarm integration',
  'Parking barrier and cameras',
  'Security audit and design',
];
const LOST_REASONS = ['Price too high', 'Chose a competitor', 'Project postponed', 'No budget this year'];

interface Stage {
  id: number;
  position: number;
  kind: string;
}

async function stagesOf(ctx: RecordsContext, scenario: number): Promise<Stage[]> {
  const rows = await executorOf(ctx)
    .selectFrom('sales_stage')
    .select(['id', 'position', 'kind'])
    .where('scenario_id', '=', scenario)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), position: Number(row.position), kind: String(row.kind) }));
}

/** Where a demo deal ends up: most still open, a fair share won, some lost. */
function destination(rng: Rng, stages: Stage[]): Stage[] {
  const open = stages.filter((stage) => stage.kind === 'open');
  const won = stages.find((stage) => stage.kind === 'won');
  const lost = stages.find((stage) => stage.kind === 'lost');
  const outcome = rng.weighted([
    ['open', 60],
    ['won', 25],
    ['lost', 15],
  ] as const);
  if (outcome === 'open') return open.slice(0, rng.int(1, open.length));
  const reached = open.slice(0, rng.int(outcome === 'won' ? 3 : 1, open.length));
  const end = outcome === 'won' ? won : lost;
  return end ? [...reached, end] : reached;
}

/** One deal walked through its stages the way a salesperson would, then dated into the past year. */
async function walkDeal(
  ctx: RecordsContext,
  rng: Rng,
  index: number,
  scenario: number,
  stages: Stage[],
  company: { id: number; manager: number | null },
  now: number,
): Promise<void> {
  const actor = systemActor('demo');
  const path = destination(rng, stages);
  const currency = rng.weighted([
    ['PLN', 80],
    ['EUR', 12],
    ['HUF', 8],
  ] as const);
  const magnitude = currency === 'HUF' ? 100 * 400 : currency === 'EUR' ? 100 / 4 : 100;
  const amount = Math.round(rng.int(8, 400) * 1_000 * magnitude);
  const started = now - rng.int(5, 360) * DAY;
  const close = new Date(started + rng.int(30, 200) * DAY).toISOString().slice(0, 10);
  let deal = await createRecord(ctx, actor, 'opportunity', {
    name: `${WHAT[index % WHAT.length]} #${index + 1}`,
    company: company.id,
    owner: company.manager,
    scenario,
    amount: { amount, currency },
    expected_close: close,
  });
  const dates = [started];
  for (const stage of path.slice(1)) {
    const values: Record<string, unknown> = { stage: stage.id, version: deal.version };
    if (stage.kind === 'lost') values.lost_reason = rng.pick(LOST_REASONS);
    deal = await updateRecord(ctx, actor, 'opportunity', Number(deal.id), values);
    dates.push(Math.min(now - DAY, (dates.at(-1) ?? started) + rng.int(3, 40) * DAY));
  }
  // Dated as it happened: created then, each stage entered on its day, closed on the last one.
  const db = executorOf(ctx);
  const iso = (ms: number) => new Date(ms).toISOString();
  const history = await db
    .selectFrom('stage_history')
    .select('id')
    .where('opportunity_id', '=', Number(deal.id))
    .orderBy('id')
    .execute();
  for (const [step, row] of history.entries())
    await db
      .updateTable('stage_history')
      .set({ changed_at: iso(dates[step] ?? started) })
      .where('id', '=', row.id)
      .execute();
  const last = dates.at(-1) ?? started;
  await db
    .updateTable('opportunity')
    .set({
      created_at: iso(started),
      updated_at: iso(last),
      stage_changed_at: iso(last),
      ...(deal.closed_on ? { closed_on: iso(last).slice(0, 10) } : {}),
    })
    .where('id', '=', Number(deal.id))
    .execute();
}

/**
 * Two scenarios with their usual stages and deals of the demo's clients in every stage over the
 * last year, owned by each client's account manager, so the board, the forecast and (later)
 * the funnel look lived-in. Written through the records engine (rules, stage history, search);
 * then dated into the past.
 */
export async function addDemoSales(services: AppServices): Promise<void> {
  // One transaction: a commit per write would cost the first start seconds.
  await inOneTransaction(services.records, (ctx) => addDeals(ctx, services.now().getTime()));
}

async function addDeals(ctx: RecordsContext, now: number): Promise<void> {
  const actor = systemActor('demo');
  const rng = createRng(STREAM_SEED);
  const newBusiness = Number((await createRecord(ctx, actor, 'sales_scenario', { name: 'New business' })).id);
  const renewals = Number(
    (await createRecord(ctx, actor, 'sales_scenario', { name: 'Renewals and service contracts' })).id,
  );
  const scenarios = [
    { id: newBusiness, stages: await stagesOf(ctx, newBusiness) },
    { id: renewals, stages: await stagesOf(ctx, renewals) },
  ];
  const companies = (
    await executorOf(ctx)
      .selectFrom('company')
      .select(['id', 'account_manager_id'])
      .where('account_manager_id', 'is not', null)
      .orderBy('id')
      .limit(DEALS * 3)
      .execute()
  ).map((row) => ({ id: Number(row.id), manager: Number(row.account_manager_id) }));
  if (companies.length === 0) return;
  for (let index = 0; index < DEALS; index += 1) {
    const scenario = index % 4 === 3 ? scenarios[1] : scenarios[0];
    const company = companies[(index * 7) % companies.length];
    if (!scenario || !company) continue;
    await walkDeal(ctx, rng, index, scenario.id, scenario.stages, company, now);
  }
}
