// What cases, stages, activities and notes say, per language: short texts an account manager
// would type. `{n}` in a template becomes a quantity, `{year}` the coming year.
import type { CASE_STAGE_KIND_CODES, CASE_TYPE_CODES } from '../../modules/cases/dictionaries.ts';
import type { Language } from './locale.ts';
import type { Rng } from './prng.ts';
import { WORK_TEXTS_EN } from './work-texts-en.ts';
import { WORK_TEXTS_HU } from './work-texts-hu.ts';
import { WORK_TEXTS_PL } from './work-texts-pl.ts';

export type CaseTypeCode = (typeof CASE_TYPE_CODES)[number];
export type CaseStageKindCode = (typeof CASE_STAGE_KIND_CODES)[number];
export type ClosedStatusCode = 'closed_won' | 'closed_lost' | 'cancelled';
/** The activity types the demo schedules (of ACTIVITY_TYPE_CODES). */
export type WorkActivityType = 'call' | 'meeting' | 'email' | 'presentation' | 'visit' | 'offer';

type Texts = readonly string[];

export interface WorkTexts {
  caseTopics: Readonly<Record<CaseTypeCode, Texts>>;
  caseDescriptions: Texts;
  stageNotes: Readonly<Record<CaseStageKindCode, Texts>>;
  /** The note of a closed case's last stage, by how it ended. */
  closingNotes: Readonly<Record<ClosedStatusCode, Texts>>;
  results: Readonly<Record<ClosedStatusCode, Texts>>;
  activityTitles: Readonly<Record<WorkActivityType, Texts>>;
  activityOutcomes: Readonly<Record<WorkActivityType, Texts>>;
  cancelledOutcomes: Texts;
  /** About the client as a whole. */
  clientNotes: Texts;
  /** About one case. */
  caseNotes: Texts;
}

export const WORK_TEXTS: Readonly<Record<Language, WorkTexts>> = {
  pl: WORK_TEXTS_PL,
  hu: WORK_TEXTS_HU,
  en: WORK_TEXTS_EN,
};

// Five or more: Polish then takes one plural form for all ("5 laptopów", "12 laptopów", "120 laptopów").
const QUANTITIES = [5, 6, 8, 10, 12, 15, 20, 25, 40, 50, 120] as const;

/** A template with its placeholders filled in; `year` is the coming year. */
export function fillText(rng: Rng, template: string, year: number): string {
  let text = template;
  if (text.includes('{n}')) text = text.replace('{n}', String(rng.pick(QUANTITIES)));
  if (text.includes('{year}')) text = text.replace('{year}', String(year));
  return text;
}
