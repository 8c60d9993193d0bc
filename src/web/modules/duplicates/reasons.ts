import type { TFunction } from 'i18next';
import type { DuplicateReason } from '../../../shared/duplicates/types.ts';
import type { Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { fieldOf, pickLabel } from '../metadata/index.ts';

/** "Same NIP", "Same e-mail address", "Same name in the same city"… */
export function reasonText(
  t: TFunction,
  meta: ObjectMeta | undefined,
  reason: DuplicateReason,
  locale: Locale,
) {
  const field = meta ? fieldOf(meta, reason.field) : undefined;
  return t(`duplicates:reason.${reason.code}`, {
    field: field ? pickLabel(field.labels, locale) : reason.field,
  });
}

/** A score as a word and a colour (the badge's background; its text keeps the theme's colour for contrast). */
export function scoreLevel(score: number): { key: 'high' | 'medium' | 'low'; color: string } {
  if (score >= 80) return { key: 'high', color: 'red' };
  if (score >= 60) return { key: 'medium', color: 'orange' };
  return { key: 'low', color: 'yellow' };
}
