import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { searchTokens } from '../../../shared/text/fold.ts';
import { type Actor, actorUserId, withLocale } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { registerContactCards } from '../../records/export/contact-cards.ts';
import { VCARD_CONTENT_TYPE, VCARD_VERSIONS, writeVCard } from '../../records/export/vcard.ts';
import { getRecord } from '../../records/reader.ts';
import { ANONYMISED, anonymisePerson, MAX_REASON_LENGTH } from './anonymise.ts';
import { collectPersonalData } from './collect.ts';
import { personContactCards } from './contact-card.ts';
import { personalDataPdf } from './pdf.ts';
import { SUBJECT, subjectOrThrow } from './subject.ts';

const tags = ['personal data'];
const recordParams = z.object({ object: z.string().max(64), id: z.string().max(20) });
const locale = z.enum(['en', 'pl', 'hu']).optional();

/** `attachment` with an ASCII name for old clients and the real one (RFC 6266 / 5987) for the rest. */
function attachment(name: string, extension: string): string {
  const ascii =
    searchTokens(name)
      .join('-')
      .replace(/[^a-z0-9-]/g, '') || 'download';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

function who(actor: Actor): string {
  return actor.kind === 'user' ? actor.login : actor.name;
}

/**
 * Personal data tools for people (GDPR): everything stored about a person (JSON or PDF), their
 * anonymisation, and their contact card as vCard. Also registers people as vCard contacts for
 * the list export (`format: vcf`).
 */
export async function personalDataRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  registerContactCards(SUBJECT, personContactCards);

  const send = (reply: FastifyReply, type: string, disposition: string, body: unknown) =>
    reply
      .header('content-type', type)
      .header('content-disposition', disposition)
      .header('cache-control', 'no-store')
      .send(body);

  app.get(
    '/api/records/:object/:id/personal-data',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Everything stored about a person that the reader may see: the record, records that refer to it, groups, history, shares (format=json or pdf); needs person.personal_data where declared, else export',
        params: recordParams,
        querystring: z.object({ format: z.enum(['json', 'pdf']).default('json'), locale }),
        response: { 200: z.unknown().describe('application/json, or application/pdf') },
      },
    },
    async (request, reply) => {
      const actor = withLocale(actorOf(request), request.query.locale);
      const data = await collectPersonalData(ctx, actor, request.params.object, request.params.id);
      // Who took a person's data out of the CRM is a question the security log must answer.
      await logSecurityEvent(ctx.dialect.db, {
        kind: 'personal_data_export',
        accountId: actorUserId(actor),
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: { object: data.subject.object, record: data.subject.id, format: request.query.format },
        at: ctx.now(),
      });
      const name = `${data.subject.title} - personal data`;
      if (request.query.format === 'json') {
        return send(reply, 'application/json; charset=utf-8', attachment(name, 'json'), data);
      }
      const pdf = await personalDataPdf(ctx.registry, data, who(actor));
      return send(reply, 'application/pdf', attachment(name, 'pdf'), pdf);
    },
  );

  app.post(
    '/api/records/:object/:id/anonymise',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: `Blank a person's identifying values for good (name → "${ANONYMISED} #id"), keep links, counts and dates, scrub them from history; records who and why. 409 when already anonymised; needs person.anonymise where declared, else administrators only`,
        params: recordParams,
        body: z.strictObject({ reason: z.string().trim().min(1, 'say why').max(MAX_REASON_LENGTH) }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request) =>
      anonymisePerson(ctx, actorOf(request), request.params.object, request.params.id, {
        reason: request.body.reason,
        ip: request.ip,
      }),
  );

  app.get(
    '/api/records/:object/:id/vcard',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'A person as a vCard: 3.0 by default (Outlook, Apple, Google, Android import it), 4.0 (RFC 6350) with version=4.0',
        params: recordParams,
        querystring: z.object({ version: z.enum(VCARD_VERSIONS).default('3.0'), locale }),
        response: { 200: z.string().describe('text/vcard, UTF-8') },
      },
    },
    async (request, reply) => {
      const actor = withLocale(actorOf(request), request.query.locale);
      const definition = subjectOrThrow(ctx, request.params.object, 'vCard');
      const hidden = authorize(ctx.registry, actor, definition.key, 'read').hiddenFields;
      const fields = personContactCards.fields.filter((key) => !hidden.has(key));
      const expand = personContactCards.expand.filter((key) => fields.includes(key));
      const person = await getRecord(ctx, actor, definition.key, request.params.id, { fields, expand });
      const [contact] = await personContactCards.contacts(ctx, actor, [person]);
      if (!contact) throw new Error('a person without a contact');
      return send(
        reply,
        VCARD_CONTENT_TYPE,
        attachment(contact.formattedName, 'vcf'),
        writeVCard(contact, request.query.version),
      );
    },
  );
}
