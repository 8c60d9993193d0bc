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

  request(method: string, path: string, body?: unknown): Promise<HttpResult> {
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
              body: Buffer.concat(chunks).toString('utf8'),
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

  close(): void {
    this.agent.destroy();
  }
}
