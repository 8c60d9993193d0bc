import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.ts';

/**
 * Where links the server hands out (a calendar feed, an exported event) point: the configured
 * public URL, or the address this request came in on.
 */
export function publicOrigin(config: Pick<AppConfig, 'publicUrl'>, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
