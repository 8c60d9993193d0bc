// A client's notes: what someone wants remembered about the client, one of its people or one
// of its cases; a few pinned to the top of the card.
import type { CompanyStatusCode } from '../../modules/dictionaries/standard-values.ts';
import { LOCALES, STREAM } from './context.ts';
import { forIndex } from './prng.ts';
import type { CaseRow, NoteRow } from './rows.ts';
import { dayNumber } from './text.ts';
import {
  type ClientView,
  freshText,
  later,
  type Weights,
  type WorkContext,
  workingMinutes,
  writtenAt,
} from './work-context.ts';
import { WORK_TEXTS } from './work-texts.ts';

const NOTE_COUNT: Readonly<Record<CompanyStatusCode, Weights<number>>> = {
  active: [
    [0, 10],
    [1, 30],
    [2, 30],
    [3, 20],
    [4, 10],
  ],
  prospect: [
    [0, 40],
    [1, 40],
    [2, 20],
  ],
  inactive: [
    [0, 60],
    [1, 40],
  ],
};

/** The notes of one client, from the client's own stream, oldest first. */
export function buildNotes(ctx: WorkContext, view: ClientView, cases: readonly CaseRow[]): NoteRow[] {
  const rng = forIndex(ctx.seed, STREAM.clientNotes, view.index);
  const texts = WORK_TEXTS[view.language];
  const reference = ctx.referenceDay;
  const count = rng.weighted(NOTE_COUNT[view.status]);
  const used = new Set<string>();
  const notes: NoteRow[] = [];
  for (let n = 0; n < count; n++) {
    const caseNumber = cases.length > 0 && rng.chance(0.3) ? rng.int(0, cases.length - 1) : null;
    const aboutCase = caseNumber === null ? null : (cases[caseNumber] ?? null);
    const person =
      aboutCase === null && view.people.length > 0 && rng.chance(0.2) ? rng.pick(view.people) : null;
    // A case's notes were written while it ran; the others any time in the last year.
    const from = aboutCase ? dayNumber(aboutCase.opened_on) : reference - 365;
    const to = aboutCase?.closed_on ? dayNumber(aboutCase.closed_on) : reference - 1;
    const day = from + rng.int(0, Math.max(0, to - from));
    const body = aboutCase
      ? freshText(rng, texts.caseNotes, used)
      : person !== null
        ? freshText(rng, LOCALES[view.country].personNotes, used)
        : freshText(rng, texts.clientNotes, used);
    notes.push({
      company_index: view.index,
      person_index: person,
      case_number: caseNumber,
      body,
      // The first one is often the client's "read this first"; now and then another one too.
      pinned: rng.chance(n === 0 ? 0.35 : 0.05),
      // Never before the case it is about.
      created_at: later(aboutCase?.created_at ?? '', writtenAt(ctx, day, workingMinutes(rng))),
    });
  }
  return notes.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}
