// Work groups of the demo staff: teams across departments, one named in each language of the
// data set. They carry no roles in the demo, so the demo accounts' rights stay easy to explain.
import type { OrganisationPlan } from './organisation.ts';
import { forIndex } from './prng.ts';
import type { EmployeeRow } from './rows.ts';

// A stream of its own: drawing members must not shift any other generated record.
const WORK_GROUP_STREAM = 'work-group';

/** What other generated records (the task registers) name a work group by, in any language. */
export type WorkGroupKey = 'trade_fair_team' | 'customer_experience' | 'crm_key_users';

interface WorkGroupTemplate {
  key: WorkGroupKey;
  name: string;
  description: string;
  /** Functions (English department names) the members come from; empty: anyone. */
  areas: readonly string[];
  /** Chance that each candidate joins. */
  share: number;
  /** Filled up with the first candidates when the draw gives fewer. */
  minimum: number;
}

const TEMPLATES: readonly WorkGroupTemplate[] = [
  {
    key: 'trade_fair_team',
    name: 'Zespół targowy',
    description: 'Przygotowuje stoiska i spotkania z klientami na targach.',
    areas: ['Sales', 'Marketing'],
    share: 0.6,
    minimum: 2,
  },
  {
    key: 'customer_experience',
    name: 'Ügyfélélmény munkacsoport',
    description: 'A panaszok elemzése és a kiszolgálás javítása.',
    areas: ['Customer Service'],
    share: 0.7,
    minimum: 2,
  },
  {
    key: 'crm_key_users',
    name: 'CRM key users',
    description: 'Try new Kartoteka features first and help colleagues with them.',
    areas: [],
    share: 0.25,
    minimum: 3,
  },
];

export interface WorkGroupPlan {
  key: WorkGroupKey;
  name: string;
  description: string;
  /** Employee indexes, ascending. */
  members: number[];
}

/** The demo's work groups; members are active employees, drawn from the seed. */
export function planWorkGroups(
  seed: number,
  staff: readonly EmployeeRow[],
  plan: OrganisationPlan,
): WorkGroupPlan[] {
  return TEMPLATES.map((template, index) => {
    const rng = forIndex(seed, WORK_GROUP_STREAM, index);
    const candidates = staff.flatMap((employee, e) => {
      const area = plan.departments[plan.departmentOf[e] ?? 0]?.area ?? null;
      const fits = template.areas.length === 0 || (area !== null && template.areas.includes(area));
      return employee.active && fits ? [e] : [];
    });
    // Every candidate draws, joined or not, so one candidate more does not reshuffle the rest.
    const members = new Set(candidates.filter(() => rng.chance(template.share)));
    for (const e of candidates) {
      if (members.size >= template.minimum) break;
      members.add(e);
    }
    return {
      key: template.key,
      name: template.name,
      description: template.description,
      members: [...members].sort((a, b) => a - b),
    };
  });
}
