import { isIPv4 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AppConfig, type HostPort, parseHostPort } from '../config.ts';
import { AppError } from '../errors.ts';

/**
 * Which Host headers the server answers (DNS rebinding defence: a page on evil.example whose
 * name is made to resolve to this server's address would otherwise read the CRM with the
 * visitor's network position, and a server on 127.0.0.1 is exactly what that attack aims at).
 *
 * - `listed`: KARTOTEKA_PUBLIC_URL and/or KARTOTEKA_ALLOWED_HOSTS name the hosts;
 * - `loopback`: nothing is configured and the server listens on a loopback address, so only
 *   loopback names can be meant;
 * - `any`: nothing is configured and the server listens on the network: we cannot know the
 *   names it is reached by, so every host is accepted and the start-up log says so.
 *
 * Loopback names (localhost, 127.0.0.0/8, [::1]) are accepted in every mode: a browser sends
 * them only when the user typed them, and health checks or a reverse proxy on the same machine
 * that does not pass the original Host use them.
 */
export type HostPolicy =
  | { mode: 'listed'; hosts: HostPort[] }
  | { mode: 'loopback'; hosts: [] }
  | { mode: 'any'; hosts: [] };

export function hostPolicy(config: Pick<AppConfig, 'allowedHosts' | 'host'>): HostPolicy {
  if (config.allowedHosts.length > 0) return { mode: 'listed', hosts: config.allowedHosts };
  const bound = parseHostPort(config.host.includes(':') ? `[${config.host}]` : config.host);
  return bound && isLoopback(bound.hostname) ? { mode: 'loopback', hosts: [] } : { mode: 'any', hosts: [] };
}

/** The start-up warning for a server open to any Host header, or null when there is none to give. */
export function openHostWarning(config: Pick<AppConfig, 'allowedHosts' | 'host'>): string | null {
  if (hostPolicy(config).mode !== 'any') return null;
  return (
    `Listening on ${config.host} without KARTOTEKA_PUBLIC_URL or KARTOTEKA_ALLOWED_HOSTS: requests for ` +
    'any host name are answered, which leaves the CRM open to DNS rebinding. Set KARTOTEKA_PUBLIC_URL ' +
    '(e.g. https://crm.example.com) or KARTOTEKA_ALLOWED_HOSTS (e.g. crm.example.com,10.0.0.5:3000).'
  );
}

export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return isIPv4(hostname) && hostname.startsWith('127.');
}

function allowed(value: string, policy: HostPolicy): boolean {
  const host = parseHostPort(value);
  if (!host) return false;
  if (isLoopback(host.hostname)) return true;
  // A listed name without a port allows every port; with one, only that port.
  return policy.hosts.some(
    (entry) => entry.hostname === host.hostname && (entry.port === undefined || entry.port === host.port),
  );
}

/**
 * The names a request claims to be for: its Host header and, behind a trusted proxy, every
 * X-Forwarded-Host entry too. Script on a rebound page may add X-Forwarded-Host to its own
 * same-origin requests, so that header must not be able to vouch for a wrong Host.
 */
function claimedHosts(request: FastifyRequest, trustProxy: boolean): string[] {
  const claimed = [request.headers.host ?? ''];
  const forwarded = request.headers['x-forwarded-host'];
  if (trustProxy && forwarded) {
    for (const header of Array.isArray(forwarded) ? forwarded : [forwarded]) {
      claimed.push(...header.split(',').map((entry) => entry.trim()));
    }
  }
  return claimed;
}

/** Refuses, before anything else runs, a request addressed to a host name this server is not. */
export function registerAllowedHosts(app: FastifyInstance, config: AppConfig): void {
  const policy = hostPolicy(config);
  if (policy.mode === 'any') return;
  app.addHook('onRequest', async (request) => {
    const refused = claimedHosts(request, config.trustProxy).find((host) => !allowed(host, policy));
    if (refused === undefined) return;
    // The allowed names are not listed: an internal host name is nobody else's business.
    const host = refused.slice(0, 255);
    throw new AppError(
      421,
      'host_not_allowed',
      `This server does not answer for the host "${host}"; open it by the address it is published at ` +
        '(KARTOTEKA_PUBLIC_URL or KARTOTEKA_ALLOWED_HOSTS on the server)',
      { host },
    );
  });
}
