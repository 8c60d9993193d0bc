// Which company a person works at: the first draws of a person's stream, replayed on their own
// by the client work generator to learn each company's people without building the people.
import { STREAM } from './context.ts';
import { forIndex, type Rng } from './prng.ts';

/** A company index, or null for the ~5% of people without one. Must stay a person's first draws. */
export function drawPersonCompany(rng: Rng, companies: number): number | null {
  return companies > 0 && rng.chance(0.95) ? rng.int(0, companies - 1) : null;
}

/** The people (indexes, ascending) of each of the first `limit` companies, packed in two arrays. */
export interface CompanyPeople {
  of(company: number): number[];
}

/**
 * Replays every person's company draw once: two draws a person, so even the benchmark's two
 * million people take well under a second, and the lists take 4 bytes a person.
 */
export function companyPeople(seed: number, companies: number, people: number, limit: number): CompanyPeople {
  const bound = Math.min(limit, companies);
  const owner = new Int32Array(people);
  const counts = new Int32Array(bound + 1);
  for (let index = 0; index < people; index++) {
    const company = drawPersonCompany(forIndex(seed, STREAM.person, index), companies);
    owner[index] = company === null || company >= bound ? -1 : company;
    if (company !== null && company < bound) counts[company + 1] = (counts[company + 1] ?? 0) + 1;
  }
  const offsets = new Int32Array(bound + 1);
  for (let company = 0; company < bound; company++)
    offsets[company + 1] = (offsets[company] ?? 0) + (counts[company + 1] ?? 0);
  const members = new Int32Array(offsets[bound] ?? 0);
  const filled = offsets.slice(0, bound);
  for (let index = 0; index < people; index++) {
    const company = owner[index] ?? -1;
    if (company < 0) continue;
    members[filled[company] ?? 0] = index;
    filled[company] = (filled[company] ?? 0) + 1;
  }
  return {
    of: (company) =>
      company < 0 || company >= bound
        ? []
        : Array.from(members.subarray(offsets[company] ?? 0, offsets[company + 1] ?? 0)),
  };
}
