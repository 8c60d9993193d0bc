import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` (vite) puts the web app. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../dist/web');

/** Vite names everything under assets/ by content hash: a changed file is a new URL. */
const HASHED_ASSETS = 'public, max-age=31536000, immutable';
/** index.html names the current hashed assets, so the browser must revalidate it every time. */
const REVALIDATE = 'no-cache';

const SOURCE_MAP = /\.map$/i;

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Serves the built web app and sends index.html for every other GET outside /api, so that
 * client-side routes (/records/company/12) survive a reload. Does nothing when there is no
 * build, so API tests and `kartoteka serve` without a build still work.
 *
 * @fastify/static only decorates `reply.sendFile` here (`serve: false`): its own routes cannot
 * declare an access policy, and every route must.
 */
export async function registerWebApp(app: FastifyInstance, root: string = WEB_ROOT): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) return;
  // Top-level files (favicon…) are few and fixed per build; anything else is a client route.
  const topLevelFiles = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
      .map((entry) => entry.name),
  );

  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      serve: false,
      preCompressed: true,
      // Cache-Control is set per response below.
      cacheControl: false,
    });

    scope.get('/*', { config: { policy: 'public' }, schema: { hide: true } }, (request, reply) => {
      const pathname = decodeURIComponentSafe(request.url.split('?')[0] ?? '/');
      if (isApiPath(pathname)) return reply.callNotFound();
      // The build keeps source maps for debugging (vite `sourcemap: 'hidden'`); they hold the
      // whole source with its comments, so they are not handed to browsers.
      if (SOURCE_MAP.test(pathname)) return reply.callNotFound();
      if (pathname.startsWith('/assets/')) {
        reply.header('cache-control', HASHED_ASSETS);
        return reply.sendFile(pathname.slice(1));
      }
      const name = pathname.slice(1);
      if (topLevelFiles.has(name) && name !== 'index.html') {
        reply.header('cache-control', REVALIDATE);
        return reply.sendFile(name);
      }
      reply.header('cache-control', REVALIDATE);
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
