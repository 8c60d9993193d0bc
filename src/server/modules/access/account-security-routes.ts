import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { logSecurityEvent } from '../../access/security-log.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import { FINGERPRINT_PATTERN } from '../../http/client-certificate.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';

const tags = ['access'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * How an account must prove who it is, as administrators set it: the client certificate that
 * identifies it under mutual TLS, and whether two-factor login is required of it. Neither is a
 * field of the record (nobody edits them in a form); both are written to the security log.
 */
export async function accountSecurityRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;

  const setColumn = async (
    request: FastifyRequest,
    id: number,
    column: string,
    value: unknown,
    details: object,
  ) => {
    const updated = await dialect.db
      .updateTable('user_account')
      .set({ [column]: value })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw errors.notFound(`No account with id ${id}`);
    const actor = actorOf(request);
    await logSecurityEvent(dialect.db, {
      kind: 'rights_changed',
      accountId: actor.kind === 'user' ? actor.userId : null,
      login: actor.kind === 'user' ? actor.login : null,
      ip: request.ip,
      details: { account: id, ...details },
      at: services.now(),
    });
  };

  app.put(
    '/api/access/accounts/:id/certificate',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary:
          'Under mutual TLS, the SHA-256 fingerprint (AB:CD:…) of the certificate that identifies the account; null: a certificate whose CN is the login',
        params: idParams,
        body: z.object({ fingerprint: z.string().toUpperCase().regex(FINGERPRINT_PATTERN).nullable() }),
        response: { 200: z.object({ id: z.number(), fingerprint: z.string().nullable() }) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { fingerprint } = request.body;
      await setColumn(request, id, 'client_certificate', fingerprint, { clientCertificate: fingerprint });
      return { id, fingerprint };
    },
  );

  app.put(
    '/api/access/accounts/:id/require-totp',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Require two-factor login of one account (until it is on, the account can only set it up)',
        params: idParams,
        body: z.object({ required: z.boolean() }),
        response: { 200: z.object({ id: z.number(), required: z.boolean() }) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { required } = request.body;
      await setColumn(request, id, 'require_totp', dialect.encodeBoolean(required), {
        requireTotp: required,
      });
      return { id, required };
    },
  );
}
