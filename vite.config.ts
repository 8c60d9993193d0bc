import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/web');
const outDir = path.resolve(import.meta.dirname, 'dist/web');
/** The dev server forwards /api here; override when the API runs elsewhere. */
const apiTarget = process.env.KARTOTEKA_API_URL ?? 'http://127.0.0.1:3000';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes .gz and .br next to every text asset, so the server can send them as they are
 * (@fastify/static `preCompressed`) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'kartoteka-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg|json)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const content = await readFile(file);
          if (content.length < 1024) return;
          await writeFile(`${file}.gz`, await gzipAsync(content, { level: 9 }));
          await writeFile(
            `${file}.br`,
            await brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }),
      );
    },
  };
}

/** Vendor code that changes rarely gets its own long-cached chunks; routes split by themselves. */
const VENDOR_CHUNKS: Array<[name: string, test: RegExp]> = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ['query', /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/],
  ['i18n', /node_modules[\\/](i18next|react-i18next)[\\/]/],
];

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Maps are written for debugging a production stack trace, but no `//# sourceMappingURL`
    // points browsers at them, and the server refuses to serve *.map (src/server/http/static.ts).
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_CHUNKS.map(([name, test]) => ({ name, test })),
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // Only the API: a source module such as /backend/client.ts must not be forwarded.
      '^/api(/|\\?|$)': {
        target: apiTarget,
        changeOrigin: true,
        // The API refuses cookie-authenticated writes whose Origin is not its own host
        // (CSRF defence); the browser's Origin is the dev server, so say it is the API's.
        headers: { origin: apiTarget },
      },
    },
  },
});
