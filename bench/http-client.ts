import http from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A keep-alive client with little overhead of its own, so the numbers are the server's. */
export class BenchClient {
  private readonly agent: http.Agent;
  private readonly base: URL;
  headers: Record<string, string> = {};

  constructor(baseUrl: string, maxSockets: number) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  async request(method: string, path: string, body?: unknown): Promise<HttpResult> {
    const raw = await this.exchange(method, path, body);
    return { status: raw.status, body: raw.body.toString('utf8'), headers: raw.headers };
  }

  private exchange(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: { ...this.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like request, but a non-2xx answer is an error: the benchmark must not time failures. */
  async ok(method: string, path: string, body?: unknown): Promise<unknown> {
    const result = await this.request(method, path, body);
    if (result.status < 200 || result.status >= 300) {
      throw new Error(`${method} ${path} → ${result.status}: ${result.body.slice(0, 300)}`);
    }
    return result.body ? JSON.parse(result.body) : null;
  }

  /**
   * A 2xx answer received in full, its size in bytes: for timing a large answer (a month of a
   * department's calendar, half a megabyte), whose decoding and parsing is the client's work on
   * the same two cores as the server's, not the server's.
   */
  async okBytes(method: string, path: string): Promise<number> {
    const result = await this.exchange(method, path);
    if (result.status < 200 || result.status >= 300) {
      throw new Error(`${method} ${path} → ${result.status}: ${result.body.toString('utf8', 0, 300)}`);
    }
    return result.body.length;
  }

  close(): void {
    this.agent.destroy();
  }
}
