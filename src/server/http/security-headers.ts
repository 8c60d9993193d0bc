import type { ServerOptions } from 'node:https';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';
import { registerAllowedHosts } from './allowed-hosts.ts';

/**
 * The Content-Security-Policy of every response. The built web app loads only its own files
 * (index.html has no inline script), so scripts are 'self' alone: an injected `<script>` or
 * `onclick=` does not run. Mantine writes `<style>` elements and style attributes at run time,
 * hence 'unsafe-inline' for styles only. data: images are Swagger UI's icons at /api/docs (an
 * image runs no script, so one policy serves both). No `upgrade-insecure-requests`: on a
 * plain-HTTP LAN address it would send the app's own requests to an https:// that does not exist.
 * Checked in Chromium: the web app and Swagger UI run under it without a violation.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** A year, as browsers' preload lists expect; sent over HTTPS only (browsers ignore it on HTTP). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response (API, web app, errors, 404s) and the allowed-hosts check.
 * Registered first among the hooks, so that even a refused request gets the headers.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    // Not no-referrer: under it browsers send `Origin: null` on the app's own POSTs, and the
    // CSRF check (http/auth.ts) refuses a write whose Origin is not this host.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Set below, for HTTPS requests only: over plain HTTP it is meaningless.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    // Direct TLS, or a trusted proxy's X-Forwarded-Proto: https (request.protocol reads both).
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  });
  registerAllowedHosts(app, config);
}

/**
 * Fastify's `https` option: null (plain HTTP) unless KARTOTEKA_TLS_CERT/KEY are set. With
 * KARTOTEKA_TLS_CLIENT_CA a client without a certificate signed by that CA is refused during the
 * TLS handshake, before any HTTP is spoken.
 */
export function httpsServerOptions(config: AppConfig): ServerOptions | null {
  if (!config.tls) return null;
  const { cert, key, clientCa } = config.tls;
  return clientCa ? { cert, key, ca: clientCa, requestCert: true, rejectUnauthorized: true } : { cert, key };
}
