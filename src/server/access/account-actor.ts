import type { Dialect } from '../db/dialects/dialect.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { RightsCache } from './rights.ts';
import { actorFor, findActiveUser } from './users.ts';

/**
 * The actor of background work an account started (an import, a bulk action), with that
 * account's rights as they are now: a right taken away meanwhile stops the work. Never the system.
 */
export async function actorOfAccount(
  dialect: Dialect,
  rights: RightsCache,
  userId: number | null,
): Promise<Actor> {
  const user = userId === null ? null : await findActiveUser(dialect, { id: userId });
  if (!user) throw new AppError(403, 'forbidden', 'The account that started this work is no longer active');
  return actorFor(user, await rights.rightsOf(dialect, user.id, user.employeeId));
}
