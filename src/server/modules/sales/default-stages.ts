import { labels as L } from '../../metadata/define-object.ts';
import type { WriteFact } from '../../records/effects.ts';
import { createRecord } from '../../records/writer.ts';
import type { StageKind } from './scenario.ts';

interface StageSeed {
  names: ReturnType<typeof L>;
  position: number;
  probability: number;
  kind: StageKind;
  rotsAfterDays?: number;
  requiredFields?: string;
}

/** The stages a new scenario starts with; administrators rename, reorder, add and remove them. */
export const DEFAULT_STAGES: readonly StageSeed[] = [
  {
    names: L('Lead', 'Kontakt', 'Érdeklődő'),
    position: 10,
    probability: 10,
    kind: 'open',
    rotsAfterDays: 14,
  },
  {
    names: L('Qualified', 'Kwalifikacja', 'Minősített'),
    position: 20,
    probability: 25,
    kind: 'open',
    rotsAfterDays: 21,
  },
  {
    names: L('Proposal', 'Oferta', 'Ajánlat'),
    position: 30,
    probability: 50,
    kind: 'open',
    rotsAfterDays: 30,
    requiredFields: 'amount, expected_close',
  },
  {
    names: L('Negotiation', 'Negocjacje', 'Tárgyalás'),
    position: 40,
    probability: 75,
    kind: 'open',
    rotsAfterDays: 21,
  },
  {
    names: L('Won', 'Wygrana', 'Megnyert'),
    position: 90,
    probability: 100,
    kind: 'won',
    requiredFields: 'amount',
  },
  {
    names: L('Lost', 'Przegrana', 'Elvesztett'),
    position: 99,
    probability: 0,
    kind: 'lost',
    requiredFields: 'lost_reason',
  },
];

/** A scenario is created with the usual stages, so a deal can be entered in it at once. */
export async function withDefaultStages(fact: WriteFact): Promise<void> {
  if (fact.action !== 'create') return;
  for (const stage of DEFAULT_STAGES) {
    await createRecord(fact.ctx, fact.actor, 'sales_stage', {
      scenario: fact.recordId,
      name_en: stage.names.en,
      name_pl: stage.names.pl,
      name_hu: stage.names.hu,
      position: stage.position,
      probability: stage.probability,
      kind: stage.kind,
      rots_after_days: stage.rotsAfterDays ?? null,
      required_fields: stage.requiredFields ?? null,
    });
  }
}
