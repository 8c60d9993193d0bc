import type { TFunction } from 'i18next';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { ILL_FORMED_TEXT_CODE } from '../../shared/text/well-formed.ts';
import { ApiError, type FieldIssue } from '../app/api-client.ts';
import type { RecordData } from '../app/api-types.ts';
import { factsOf } from './field-types/facts.ts';

/** The record as it is now, when a save was refused because someone saved it meanwhile (409). */
export function conflictingRecord(error: unknown): RecordData | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return (error.details as { current?: RecordData } | undefined)?.current ?? null;
}

/** The message of a refused save for one field: its own, else the form's, else another field's. */
export function fieldSaveMessage(
  messages: { byField: Record<string, string>; form: string | null },
  field: string,
) {
  return messages.byField[field] ?? messages.form ?? Object.values(messages.byField)[0] ?? null;
}

/**
 * A server validation issue in the user's language: the field type's own words first (what an
 * e-mail address or a NIP looks like), then the common codes with the field's limits; anything
 * else falls back to the server's own words.
 */
export function issueMessage(issue: FieldIssue, field: FieldMeta | undefined, t: TFunction): string {
  const own = field ? factsOf(field).issueMessage?.(issue.code, field, t) : undefined;
  if (own !== undefined) return own;
  switch (issue.code) {
    case 'required':
      return t('records:validation.required');
    case 'too_long':
      return t('records:validation.tooLong', { max: field?.maxLength ?? '' });
    case 'too_small':
      return t('records:validation.tooSmall', { min: field?.min ?? '' });
    case 'too_large':
      return t('records:validation.tooLarge', { max: field?.max ?? '' });
    case 'format':
    case 'type':
    case 'invalid':
      return t('records:validation.invalid');
    case ILL_FORMED_TEXT_CODE:
      return t('records:validation.invalidText');
    default:
      return issue.message;
  }
}

/**
 * Splits a failed save into messages at their fields and a message for the form: issues on
 * fields the form shows go beside them, anything else (or a non-validation error) above it.
 */
export function saveErrorMessages(
  error: unknown,
  meta: ObjectMeta,
  t: TFunction,
  describe: (error: unknown) => string,
): { byField: Record<string, string>; form: string } {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) {
    return { byField: {}, form: describe(error) };
  }
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const issue of error.fieldIssues) {
    // Refusals before the records engine (text no database keeps) name the body's key: `body.name`.
    const key = issue.field.startsWith('body.') ? issue.field.slice('body.'.length) : issue.field;
    const field = meta.fields.find((candidate) => candidate.key === key);
    if (field) byField[key] = issueMessage(issue, field, t);
    else elsewhere.push(`${issue.field}: ${issue.message}`);
  }
  return { byField, form: elsewhere.length ? elsewhere.join('; ') : t('records:page.fixErrors') };
}
