import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Asserts the one error shape, the status and code, and a message that names the problem. */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  message?: RegExp,
): ErrorBody['error'] {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json<ErrorBody>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTypeOf('string');
  expect(body.error.message.length).toBeGreaterThan(5);
  if (message) expect(body.error.message).toMatch(message);
  return body.error;
}
