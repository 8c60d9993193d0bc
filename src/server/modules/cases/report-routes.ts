import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { searchTokens } from '../../../shared/text/fold.ts';
import { withLocale } from '../../access/actor.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { collectCaseReport } from './report.ts';
import { caseReportHtml } from './report-html.ts';
import { caseReportPdf } from './report-pdf.ts';

const tags = ['cases'];
const params = z.object({ id: z.string().max(20) });
const querystring = z.object({ locale: z.enum(['en', 'pl', 'hu']).optional() });

/** `inline` (shown in the browser's tab), with an ASCII name for old clients and the real one (RFC 6266 / 5987). */
function inline(name: string, extension: string): string {
  const ascii =
    searchTokens(name)
      .join('-')
      .replace(/[^a-z0-9-]/g, '') || 'case';
  return `inline; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

/**
 * The printable report of a case: `report.pdf` (a real PDF) and `report.html` (for the
 * browser's print dialog). Read as the requesting user through the records engine: a case they
 * may not read is 404 as on the record route, hidden fields and unreadable records are absent.
 * Printing is reading: no right beyond `read` is asked for.
 */
export async function caseReportRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;
  const send = (reply: FastifyReply, type: string, disposition: string, body: unknown) =>
    reply
      .header('content-type', type)
      .header('content-disposition', disposition)
      .header('cache-control', 'no-store')
      .send(body);

  app.get(
    '/api/records/case/:id/report.pdf',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          "A case's printable report as PDF: header, next action, stages, activities and notes the reader may see, in their language",
        params,
        querystring,
        response: { 200: z.unknown().describe('application/pdf') },
      },
    },
    async (request, reply) => {
      const actor = withLocale(actorOf(request), request.query.locale);
      const report = await collectCaseReport(ctx, actor, request.params.id);
      const pdf = await caseReportPdf(report);
      return send(reply, 'application/pdf', inline(`${report.words.report} - ${report.title}`, 'pdf'), pdf);
    },
  );

  app.get(
    '/api/records/case/:id/report.html',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          "A case's printable report as one HTML page for the browser's print dialog (the same content as report.pdf)",
        params,
        querystring,
        response: { 200: z.string().describe('text/html, UTF-8') },
      },
    },
    async (request, reply) => {
      const actor = withLocale(actorOf(request), request.query.locale);
      const report = await collectCaseReport(ctx, actor, request.params.id);
      const pdfHref = `report.pdf${request.query.locale ? `?locale=${request.query.locale}` : ''}`;
      return send(
        reply,
        'text/html; charset=utf-8',
        inline(`${report.words.report} - ${report.title}`, 'html'),
        caseReportHtml(report, pdfHref),
      );
    },
  );
}
