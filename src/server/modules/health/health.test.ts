import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { type Family, parsePrometheusText } from '../../../../test/prometheus-text.ts';
import { CronScheduler } from '../../jobs/scheduler.ts';
import { JobWorker } from '../../jobs/worker.ts';

const METRICS_TOKEN = 'a-metrics-token-of-some-length';

function family(families: Map<string, Family>, name: string): Family {
  const found = families.get(name);
  if (!found) throw new Error(`no metric ${name} among ${[...families.keys()].join(', ')}`);
  return found;
}

const sampleWith = (samples: Family['samples'], label: string, value: string) =>
  samples.find((sample) => sample.labels[label] === value)?.value;

describe.each(DIALECTS)('health, readiness and metrics (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('answers liveness without the job worker, and readiness only once the worker polls', async () => {
    const { app, services } = env();
    expect((await app.inject({ url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      database: dialect,
    });

    const before = await app.inject({ url: '/api/health/ready' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toEqual({
      ready: false,
      database: 'reachable',
      migrations: 'done',
      jobs: 'not started',
    });

    const worker = new JobWorker(services.jobs, new CronScheduler(services.jobs, services.now), 50, () => {});
    worker.start();
    try {
      const after = await app.inject({ url: '/api/health/ready' });
      expect(after.statusCode).toBe(200);
      expect(after.json()).toEqual({
        ready: true,
        database: 'reachable',
        migrations: 'done',
        jobs: 'running',
      });
    } finally {
      await worker.stop();
    }
    expect((await app.inject({ url: '/api/health/ready' })).json()).toMatchObject({
      ready: false,
      jobs: 'stopped',
    });
  });

  it('serves metrics a Prometheus parser reads: requests by route pattern and status, connections, jobs, streams, the event loop', async () => {
    const { app, api, services } = env();
    await services.jobs.enqueue('metrics.test', {}, { runAt: new Date(Date.now() + 3_600_000) });
    await api('GET', '/api/records/company?limit=1');
    await api('GET', '/api/records/company/999999999');
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(response.body);

    const requests = family(families, 'kartoteka_http_request_duration_seconds');
    expect(requests.type).toBe('histogram');
    const counts = requests.samples.filter((sample) => sample.name.endsWith('_count'));
    expect(counts).toContainEqual({
      name: 'kartoteka_http_request_duration_seconds_count',
      labels: { method: 'GET', route: '/api/records/:object', status: '200' },
      value: 1,
    });
    expect(counts).toContainEqual({
      name: 'kartoteka_http_request_duration_seconds_count',
      labels: { method: 'GET', route: '/api/records/:object/:id', status: '404' },
      value: 1,
    });
    // The concrete address never becomes a series of its own.
    expect(requests.samples.some((sample) => sample.labels.route?.includes('999999999'))).toBe(false);

    const connections = family(families, 'kartoteka_db_connections').samples;
    expect(sampleWith(connections, 'state', 'open')).toBeGreaterThanOrEqual(1);
    const jobs = family(families, 'kartoteka_jobs').samples;
    expect(sampleWith(jobs, 'status', 'queued')).toBeGreaterThanOrEqual(1);
    expect(family(families, 'kartoteka_sse_clients').samples[0]?.value).toBe(0);
    expect(family(families, 'nodejs_eventloop_lag_seconds').type).toBe('gauge');
  });

  it('serves metrics only to this machine directly or to the holder of the metrics token', async () => {
    const { app, services } = env();
    const fromAfar = { remoteAddress: '203.0.113.9' };
    const refused = await app.inject({ url: '/metrics', ...fromAfar });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    // Through a reverse proxy on this machine: from outside after all.
    const proxied = await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);

    const withToken = { authorization: `Bearer ${METRICS_TOKEN}` };
    expect((await app.inject({ url: '/metrics', headers: withToken, ...fromAfar })).statusCode).toBe(403);
    services.config.metricsToken = METRICS_TOKEN;
    try {
      expect((await app.inject({ url: '/metrics', headers: withToken, ...fromAfar })).statusCode).toBe(200);
      const wrong = { authorization: `Bearer ${METRICS_TOKEN.replace('a', 'b')}` };
      expect((await app.inject({ url: '/metrics', headers: wrong, ...fromAfar })).statusCode).toBe(403);
    } finally {
      services.config.metricsToken = undefined;
    }
  });

  it('names every request: X-Request-Id on the response and requestId in an error, a proxy’s id kept', async () => {
    const { app, api } = env();
    const missing = await api('GET', '/api/records/company/999999999');
    const id = missing.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.json().error).toMatchObject({ code: 'not_found', requestId: id });

    const forwarded = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(forwarded.headers['x-request-id']).toBe('lb-7f3a.42');
    const forged = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'x"\n{"level":60}' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed address in the product’s error shape', async () => {
    const { app } = env();
    const response = await app.inject({ url: '/api/records/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'bad_request',
      requestId: response.headers['x-request-id'],
    });
  });
});
