import { z } from 'zod';
import { INT32 } from '../../shared/field-types/kinds.ts';

/**
 * Versions (optimistic locking) count writes in 32-bit `integer` columns, records', views',
 * roles' and comments' alike. A larger number could never match, and PostgreSQL refuses it as a
 * parameter of such a column, so every route takes a version through these and answers 400.
 */
export const MAX_VERSION = INT32.max;

export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_VERSION;
}

/** A version in a JSON body. */
export const versionSchema = z.number().int().min(1).max(MAX_VERSION);

/** A version in a query string (`DELETE …?version=3`). */
export const versionQuerySchema = z.coerce.number().int().min(1).max(MAX_VERSION);
