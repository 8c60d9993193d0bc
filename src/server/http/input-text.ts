import type { FastifyInstance } from 'fastify';
import {
  findIllFormedText,
  ILL_FORMED_TEXT_CODE,
  ILL_FORMED_TEXT_MESSAGE,
} from '../../shared/text/well-formed.ts';
import { errors } from '../errors.ts';

/**
 * Refuses, for every route at once, a request whose path parameters, query string or JSON body
 * holds a NUL character or an unpaired UTF-16 surrogate (see `shared/text/well-formed.ts`): 400
 * `validation_failed` naming where, the way a schema's refusal does (`body.filter.value`). Without
 * it such text reaches PostgreSQL, which fails the statement, and the client saw a 500.
 *
 * It runs before validation, once the body is parsed, so no route's own code ever sees such text.
 */
export function registerInputTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts: Array<[context: string, value: unknown]> = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ];
    for (const [context, value] of parts) {
      const path = findIllFormedText(value, context);
      if (path !== null)
        throw errors.validation([
          { field: path, code: ILL_FORMED_TEXT_CODE, message: ILL_FORMED_TEXT_MESSAGE },
        ]);
    }
  });
}
