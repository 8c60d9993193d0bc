import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * vitest global setup: builds the web app once, before any test file starts. The browser tests
 * serve `dist/web`; if each test file built it, one build would empty the folder while another
 * file's server was serving from it.
 */
export default function buildWebApp(): void {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  // A child process, as `npm run build` does it, keeps vitest's NODE_ENV=test out of the build.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) throw new Error('vite build wrote no index.html');
}
