import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../src/server/cli.ts');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** What it was started with, so `respawnServer` can start it again the same way. */
  env: Record<string, string>;
}

/** Starts `kartoteka serve` as a real process and waits for the URL it prints. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KARTOTEKA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output, env };
}

export async function killHard(server: ServerProcess): Promise<void> {
  // A process ended by a signal has no exit code, only the signal's name.
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/**
 * Starts the same server again after it was stopped: same settings and data directory, and
 * the same port, so a page that was open keeps talking to it (an outage that ends).
 */
export async function respawnServer(server: ServerProcess): Promise<ServerProcess> {
  if (server.child.exitCode === null && server.child.signalCode === null) throw new Error('still running');
  return spawnServer({ ...server.env, PORT: new URL(server.url).port });
}

/** Logs in over real HTTP and returns headers for cookie-authenticated writes. */
export async function loginOverHttp(
  url: string,
  login: string,
  password: string,
): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}
