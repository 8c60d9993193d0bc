import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEST_PG, DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { EventDispatcher, type RecordEvent } from './events.ts';

/** Delivery at least once (ADR 0011): cursors, failures that keep their place, replay. */
describe.each(DIALECTS)('event delivery to consumers (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  async function newCompanies(names: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) ids.push((await env().api('POST', '/api/records/company', { name })).json().id);
    return ids;
  }

  /** A dispatcher of its own (a second instance, or the same one after a restart). */
  function dispatcher(errors: unknown[] = []): EventDispatcher {
    const { services } = env();
    return new EventDispatcher(services.dialect, services.now, (error) => errors.push(error));
  }

  const companyIds = (events: RecordEvent[]) =>
    events.filter((e) => e.object === 'company' && e.type === 'created').map((e) => e.recordId);

  it('keeps a failing consumer at its cursor, retries it later and lets the others go on', async () => {
    const { services } = env();
    const errors: unknown[] = [];
    const events = dispatcher(errors);
    const delivered: number[] = [];
    const healthy: number[] = [];
    let failNext = true;
    events.consume({
      name: 'test.flaky',
      start: 'now',
      handle: async (batch, { trx }) => {
        // Written in the round's transaction: rolled back with it when the consumer fails.
        await trx
          .insertInto('app_setting')
          .values({ key: `flaky:${batch[0]?.id}`, value: 'x', updated_at: new Date().toISOString() })
          .execute();
        if (failNext) {
          failNext = false;
          throw new Error('mail server down');
        }
        delivered.push(...companyIds(batch));
      },
    });
    events.consume({
      name: 'test.healthy',
      start: 'now',
      handle: async (batch) => {
        healthy.push(...companyIds(batch));
      },
    });
    await events.kick();
    const ids = await newCompanies(['Flaky One', 'Flaky Two']);
    await events.kick();
    expect(healthy).toEqual(ids);
    expect(delivered).toEqual([]);
    expect(errors).toHaveLength(1);
    const state = await services.dialect.db
      .selectFrom('event_consumer')
      .selectAll()
      .where('name', '=', 'test.flaky')
      .executeTakeFirstOrThrow();
    expect([Number(state.failures), state.last_error, state.retry_at === null]).toEqual([
      1,
      'mail server down',
      false,
    ]);
    const written = await services.dialect.db
      .selectFrom('app_setting')
      .select('key')
      .where('key', 'like', 'flaky:%')
      .execute();
    expect(written).toEqual([]);

    // Still backing off: a kick does not hammer it.
    await events.kick();
    expect(delivered).toEqual([]);
    // Its time has come (set here rather than waited for): the same events, in order.
    await services.dialect.db
      .updateTable('event_consumer')
      .set({ retry_at: null })
      .where('name', '=', 'test.flaky')
      .execute();
    await events.kick();
    expect(delivered).toEqual(ids);
    expect(healthy).toEqual(ids);
    await events.stop();
  });

  it('replays from the stored cursor after a restart: nothing lost, nothing twice', async () => {
    const first = dispatcher();
    const seen: number[] = [];
    const consumer = {
      name: 'test.replay',
      start: 'now' as const,
      handle: async (batch: RecordEvent[]) => {
        seen.push(...companyIds(batch));
      },
    };
    first.consume(consumer);
    await first.kick();
    const before = await newCompanies(['Before Crash']);
    await first.kick();
    await first.stop();
    // Written while no instance runs the consumer.
    const during = await newCompanies(['During Downtime A', 'During Downtime B']);
    const second = dispatcher();
    second.consume(consumer);
    await second.kick();
    expect(seen).toEqual([...before, ...during]);
    await second.stop();
  });

  it('a consumer that starts from the beginning sees every kept event, a new one from now sees none', async () => {
    await newCompanies(['Already There']);
    const fromStart: RecordEvent[] = [];
    const fromNow: RecordEvent[] = [];
    const events = dispatcher();
    events.consume({ name: 'test.all', start: 'beginning', handle: async (b) => void fromStart.push(...b) });
    events.consume({ name: 'test.new', start: 'now', handle: async (b) => void fromNow.push(...b) });
    await events.kick();
    expect(companyIds(fromStart)).toContain(
      (
        await env()
          .services.dialect.db.selectFrom('company')
          .select('id')
          .where('name', '=', 'Already There')
          .executeTakeFirstOrThrow()
      ).id,
    );
    expect(fromNow).toEqual([]);
    await events.stop();
  });

  it('two instances never hand the same events to one consumer twice', async () => {
    const seen: number[] = [];
    const consumer = {
      name: 'test.shared',
      start: 'now' as const,
      handle: async (batch: RecordEvent[]) => {
        seen.push(...companyIds(batch));
      },
    };
    const a = dispatcher();
    const b = dispatcher();
    a.consume(consumer);
    b.consume(consumer);
    await Promise.all([a.kick(), b.kick()]);
    const ids = await newCompanies(['Shared 1', 'Shared 2', 'Shared 3']);
    await Promise.all([a.kick(), b.kick()]);
    await Promise.all([a.kick(), b.kick()]);
    expect(seen).toEqual(ids);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('prunes only events every consumer has passed', async () => {
    const { services } = env();
    const events = dispatcher();
    let stall = true;
    events.consume({
      name: 'test.prune',
      start: 'now',
      handle: async () => {
        if (stall) throw new Error('not yet');
      },
    });
    await events.kick();
    await newCompanies(['Prune Me']);
    await events.kick();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const newest = async () =>
      Number(
        (
          await services.dialect.db
            .selectFrom('outbox_event')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirstOrThrow()
        ).id ?? 0,
      );
    const last = await newest();
    await events.prune(tomorrow);
    expect(await newest()).toBe(last);
    stall = false;
    await services.dialect.db
      .updateTable('event_consumer')
      .set({ retry_at: null })
      .where('name', '=', 'test.prune')
      .execute();
    await events.kick();
    await events.prune(tomorrow);
    expect(await newest()).toBeLessThan(last);
    await events.stop();
  });
});

/**
 * PostgreSQL draws ids before commit: an event of a transaction still running can have a
 * smaller id than one already committed. The cursor must not step past it.
 */
describe.each(DIALECTS.filter((d) => d === 'postgres'))(
  'events of transactions in flight (%s)',
  (dialect) => {
    const env = useTestEnv(dialect);

    it('delivers an earlier transaction committed after a later one, in order, not skipped', async () => {
      const { services, api } = env();
      const seen: string[] = [];
      const events = new EventDispatcher(services.dialect, services.now, () => undefined);
      events.consume({
        name: 'test.in-flight',
        start: 'now',
        handle: async (batch) => {
          seen.push(...batch.filter((e) => e.object === 'company').map((e) => String(e.payload.name)));
        },
      });
      await events.kick();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted: () => void = () => undefined;
      const written = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const slow = services.dialect.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('outbox_event')
          .values({
            object: 'company',
            record_id: 0,
            type: 'updated',
            payload: JSON.stringify({ name: 'slow' }),
            created_at: new Date().toISOString(),
          })
          .execute();
        inserted();
        await held;
      });
      await written;
      await api('POST', '/api/records/company', { name: 'Fast Ltd' });
      await services.dialect.db
        .insertInto('outbox_event')
        .values({
          object: 'company',
          record_id: 0,
          type: 'updated',
          payload: JSON.stringify({ name: 'fast' }),
          created_at: new Date().toISOString(),
        })
        .execute();
      await events.kick();
      // The slow transaction holds back everything after it.
      expect(seen).toEqual([]);
      release();
      await slow;
      await events.kick();
      expect(seen.filter((name) => name !== 'undefined')).toEqual(['slow', 'fast']);
      await events.stop();
    });

    it('steps over no event of many writers committing in any order while it reads', async () => {
      const { services } = env();
      const seen = new Set<string>();
      const events = new EventDispatcher(services.dialect, services.now, () => undefined);
      events.consume({
        name: 'test.many-writers',
        start: 'now',
        handle: async (batch) => {
          for (const event of batch) seen.add(String(event.payload.name));
        },
      });
      await events.kick();
      const written: string[] = [];
      const lane = async (n: number) => {
        for (let i = 0; i < 300; i++) {
          const name = `lane ${n} event ${i}`;
          await services.dialect.db.transaction().execute(async (trx) => {
            await trx
              .insertInto('outbox_event')
              .values({
                object: 'company',
                record_id: 0,
                type: 'updated',
                payload: JSON.stringify({ name }),
                created_at: new Date().toISOString(),
              })
              .execute();
            // Commits land in another order than the ids were drawn.
            if (i % 3 === n % 3) await new Promise((resolve) => setTimeout(resolve, 1));
          });
          written.push(name);
        }
      };
      let writing = true;
      const reader = (async () => {
        while (writing) await events.kick();
      })();
      await Promise.all([0, 1, 2, 3].map(lane));
      writing = false;
      await reader;
      await events.kick();
      expect(written.filter((name) => !seen.has(name))).toEqual([]);
      expect(seen.size).toBe(written.length);
      await events.stop();
    });

    it('is not held back by a transaction in another database of the same server', async () => {
      const { services, api } = env();
      const seen: string[] = [];
      const events = new EventDispatcher(services.dialect, services.now, () => undefined);
      events.consume({
        name: 'test.other-database',
        start: 'now',
        handle: async (batch) => {
          seen.push(...batch.filter((e) => e.object === 'company').map((e) => String(e.recordId)));
        },
      });
      await events.kick();
      // A long transaction elsewhere on the cluster (a dump, another application) with an id.
      const elsewhere = new pg.Client({ connectionString: process.env.KARTOTEKA_TEST_PG || DEFAULT_TEST_PG });
      await elsewhere.connect();
      try {
        await elsewhere.query('BEGIN');
        await elsewhere.query('SELECT pg_current_xact_id()');
        const created = (await api('POST', '/api/records/company', { name: 'Not Held Back' })).json();
        const started = Date.now();
        await events.kick();
        expect(seen).toContain(String(created.id));
        // Delivered in the kick's first round, not after waiting for the other transaction.
        expect(Date.now() - started).toBeLessThan(1_000);
      } finally {
        await elsewhere.query('ROLLBACK').catch(() => undefined);
        await elsewhere.end();
        await events.stop();
      }
    });
  },
);
