import http from 'node:http';

export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * A minimal Server-Sent Events client over real HTTP for tests: it keeps every event and lets
 * a test wait for one that matches, without sleeping.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private waiters: Array<{ match: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }> = [];
  private readonly ended: Promise<void>;

  private constructor(
    private readonly request: http.ClientRequest,
    readonly response: http.IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    this.ended = new Promise((resolve) => {
      response.on('close', () => resolve());
      response.on('end', () => resolve());
    });
  }

  /** Connects; resolves once the response headers are in (rejects on another status). */
  static connect(url: string, headers: Record<string, string>): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false });
      request.on('error', reject);
      request.on('response', (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () => reject(new Error(`stream answered ${response.statusCode}: ${body}`)));
          return;
        }
        resolve(new SseClient(request, response));
      });
    });
  }

  /** The first event (already received or still to come) that `match` accepts. */
  next(match: (event: SseEvent) => boolean): Promise<SseEvent> {
    const found = this.events.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Resolves when the server ends the stream. */
  end(): Promise<void> {
    return this.ended;
  }

  close(): Promise<void> {
    this.request.destroy();
    return this.ended;
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let boundary = this.buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      this.parse(block);
      boundary = this.buffer.indexOf('\n\n');
    }
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0) return;
    const received: SseEvent = { event, data: data.join('\n'), id };
    this.events.push(received);
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.match(received)) waiter.resolve(received);
      else this.waiters.push(waiter);
    }
  }
}
