import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../access/users.ts';
import { AppError } from '../errors.ts';

/** A SHA-256 certificate fingerprint as node prints it: 32 colon-separated hex pairs. */
export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/**
 * Under mutual TLS the connection's certificate names the person at the keyboard: it must
 * belong to the account that logs in or whose session or token is used — by its subject
 * (CN equal to the login) or by the fingerprint an administrator recorded for the account.
 * A stolen session cookie is then useless on a machine without that person's certificate.
 */
export function assertCertificateOfAccount(request: FastifyRequest, user: UserRow): void {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return;
  const certificate = socket.getPeerCertificate();
  // Without requestCert (plain TLS) there is no client certificate to match.
  if (!certificate || Object.keys(certificate).length === 0) return;
  const commonName = [certificate.subject?.CN].flat()[0];
  const byName = typeof commonName === 'string' && commonName.toLowerCase() === user.login;
  const byFingerprint =
    user.clientCertificate !== null && certificate.fingerprint256 === user.clientCertificate;
  if (!byName && !byFingerprint) {
    throw new AppError(
      403,
      'client_certificate_mismatch',
      'This computer’s certificate belongs to another account; use your own certificate',
    );
  }
}
