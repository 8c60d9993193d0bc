import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { importExchangeRates } from './import-rates.ts';
import { suggestPrice } from './suggest.ts';

/** A year of daily tables from one bank is well under this. */
const MAX_TABLE_BYTES = 4 * 1024 * 1024;

const rateImport = z.object({
  source: z.enum(['nbp', 'mnb', 'ecb']),
  days: z.array(z.string()),
  imported: z.number().int(),
  alreadyThere: z.number().int(),
});

async function tableFile(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart())
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the table as multipart/form-data in a field named "file"',
    );
  const part = await request.file();
  if (!part) throw errors.badRequest('The request has no file: send it in a field named "file"');
  try {
    return (await part.toBuffer()).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'file_too_large', `The file is over ${MAX_TABLE_BYTES / 1024 / 1024} MB`);
    throw error;
  }
}

const money = z.object({ amount: z.number().int(), currency: z.string() });

const suggestionQuery = z.object({
  product: z.coerce.number().int().positive(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
    .transform((code) => code.toUpperCase()),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD'),
  quantity: z.coerce.number().positive().max(1e12).default(1),
  company: z.coerce.number().int().positive().optional(),
});

const suggestion = z.object({
  unitPrice: money.nullable(),
  discount: z.number(),
  source: z.union([
    z.object({ kind: z.literal('price_list'), priceList: z.number().int(), item: z.number().int() }),
    z.object({ kind: z.literal('list_price') }),
    z.object({ kind: z.literal('none') }),
  ]),
});

/**
 * Prices beyond the records API: the price an offer line starts from, and exchange rates from
 * the banks' published table files.
 */
export async function pricingRoutes(app: AppInstance, services: AppServices): Promise<void> {
  // Encapsulated in this plugin, as in the imports': only this route takes multipart bodies here.
  await app.register(multipart, { limits: { fileSize: MAX_TABLE_BYTES, files: 1, fields: 2, parts: 3 } });

  app.get(
    '/api/prices/suggest',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['prices'],
        summary:
          'The unit price an offer line starts from: the client’s price list valid on the day, else the list price',
        description:
          'From the price lists in the currency valid on the day (active; for one of the client’s groups before those for everyone; the item from the largest quantity reached), its price or the product’s list price less its discount, rounded half up to the minor unit. `unitPrice` is null when neither a list nor the list price gives one in that currency. 404 for a product or company the reader cannot read.',
        querystring: suggestionQuery,
        response: { 200: suggestion },
      },
    },
    async (request) => suggestPrice(services.records, actorOf(request), request.query),
  );

  app.post(
    '/api/exchange-rates/import',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['prices'],
        summary:
          'Import exchange rates from a bank’s table file (multipart/form-data, field "file"): NBP table A/B (XML, or the API’s JSON or XML), MNB rates (XML), ECB reference rates (XML)',
        description:
          'All of the file or nothing. A rate already recorded for its day, currency and source is kept, so importing a file twice adds nothing. 400 for a file that is not such a table (with the reason), 403 without the right to create exchange rates, 413 above 4 MB, 415 when not multipart.',
        consumes: ['multipart/form-data'],
        response: { 200: rateImport },
      },
    },
    async (request) => importExchangeRates(services.records, actorOf(request), await tableFile(request)),
  );
}
