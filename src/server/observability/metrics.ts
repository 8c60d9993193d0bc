import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What an instance reports to Prometheus (`GET /metrics`). Each app has its own registry, so a
 * test process may build many apps; what belongs to the process (memory, CPU, event-loop lag,
 * garbage collection) is collected once per process, in a registry of its own, and both are
 * served together.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'kartoteka_http_request_duration_seconds',
    help: 'Time from a request received to its response sent, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    // Lists and records answer in milliseconds; exports and reports take seconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'kartoteka_job_failures_total',
    help: 'Job attempts that ended in an error in this instance (each retry counts), by job name',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  /** A value read at each scrape (pool sizes, queue depth, connected clients). */
  gauge<Label extends string>(
    name: string,
    help: string,
    labelNames: readonly Label[],
    read: () => Promise<ReadonlyArray<{ labels: Record<Label, string>; value: number }>>,
  ): void {
    // Another app built on the same services (tests do) reports its own: the last one counts.
    this.registry.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await read()) this.set(labels, value);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of this instance and its process. */
  async text(): Promise<string> {
    const own = await this.registry.metrics();
    return `${await processRegistry().metrics()}\n${own}`;
  }
}

let processMetrics: Registry | undefined;

/** Node's own figures, registered on first scrape: their event-loop monitor runs from then on. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}
