import { type Actor, actorUserId, systemActor } from '../access/actor.ts';
import type { Tx } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { RecordsContext } from './context.ts';
import type { FieldChange } from './history.ts';

/** One write of a record, as its object's effects see it. */
export interface WriteFact {
  object: string;
  recordId: number;
  action: 'create' | 'update' | 'delete' | 'restore';
  changes: FieldChange[];
  /** The record's columns as the write left them, when the writer has them at hand (an update). */
  row?: Record<string, unknown>;
  /**
   * Records context joined to the write's transaction, acting as the system on behalf of the
   * writer: an effect's own writes (a mirrored address on its company) commit or roll back with
   * the write, get their history and events, and do not need the writer to hold rights on the
   * records the object's rules keep in step.
   */
  ctx: RecordsContext;
  /** The system actor, named `<object>.effects`, that an effect's own writes run as. */
  actor: Actor;
  /** Who made the write: a person, or another object's effects (`address.effects`). */
  writer: Actor;
}

export type WriteEffect = (fact: WriteFact) => Promise<void>;

/** Runs the object's declared effects of one write, inside its transaction. */
export async function runEffects(
  ctx: RecordsContext,
  trx: Tx,
  definition: ObjectDefinition,
  writer: Actor,
  fact: Omit<WriteFact, 'ctx' | 'actor' | 'writer'>,
): Promise<void> {
  if (definition.effects.length === 0) return;
  const userId = actorUserId(writer);
  const actor = systemActor(`${definition.key}.effects`, userId ?? undefined);
  for (const effect of definition.effects)
    await effect({ ...fact, ctx: { ...ctx, transaction: trx }, actor, writer });
}
