import { expect } from 'vitest';
import { nipCheckDigit } from '../src/server/seed/generator/tax-ids.ts';
import type { DuplicateCandidate } from '../src/shared/duplicates/types.ts';
import type { Session } from './harness.ts';
import type { EnvGetter } from './record-fixtures.ts';

let nips = 0;
/** A valid Polish NIP (ten digits, checksum right) that no other call returns. */
export function uniqueNip(): string {
  for (;;) {
    nips += 1;
    const firstNine = `5${String(nips).padStart(8, '0')}`;
    const check = nipCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

let phones = 0;
/** A valid Polish mobile number in E.164 that no other call returns. */
export function uniqueMobile(): string {
  phones += 1;
  return `+48601${String(phones).padStart(6, '0')}`;
}

/** `POST /api/records/:object/duplicates` as the given session; asserts 200. */
export async function duplicatesOf(
  env: EnvGetter,
  object: string,
  values: Record<string, unknown>,
  session?: Session,
): Promise<DuplicateCandidate[]> {
  const response = await env().api('POST', `/api/records/${object}/duplicates`, { values }, session);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DuplicateCandidate[]>();
}

/** The ids among the candidates, in their order. */
export function ids(candidates: DuplicateCandidate[]): number[] {
  return candidates.map((candidate) => candidate.id);
}
