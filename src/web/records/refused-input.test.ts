import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldMeta, Locale, ObjectMeta } from '../../shared/metadata/types.ts';
import { ApiError } from '../app/api-client.ts';
import { saveErrorMessages } from './validation.ts';

/** The server's refusals of hostile input, as a form shows them: at the field, in the user's language. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const i18n = i18next.createInstance();
const t = {} as Record<Locale, TFunction>;

beforeAll(async () => {
  const read = (locale: Locale) =>
    JSON.parse(readFileSync(path.join(ROOT, 'locales', locale, 'records.json'), 'utf8')) as object;
  const resources = Object.fromEntries(
    (['en', 'pl', 'hu'] as const).map((locale) => [locale, { records: read(locale) }]),
  );
  await i18n.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  for (const locale of ['en', 'pl', 'hu'] as const) t[locale] = i18n.getFixedT(locale);
});

function fieldMeta(key: string, type: FieldMeta['type']): FieldMeta {
  const labels = { en: key, pl: key, hu: key };
  return {
    key,
    type,
    labels,
    required: false,
    readOnly: false,
    system: false,
    sortable: true,
    filterable: true,
  };
}

const account = {
  key: 'user_account',
  fields: [fieldMeta('login', 'text'), fieldMeta('time_zone', 'timeZone')],
} as ObjectMeta;

function refusal(fields: Array<{ field: string; code: string; message: string }>): ApiError {
  return new ApiError(400, 'validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
    fields,
  });
}

describe('refused input in a form', () => {
  it.each([
    ['en', 'Remove the invisible or broken characters (pasted from elsewhere) from this text.'],
    ['pl', 'Usuń z tekstu niewidoczne lub uszkodzone znaki (wklejone z innego miejsca).'],
    ['hu', 'Törölje a szövegből a láthatatlan vagy sérült karaktereket (máshonnan beillesztve).'],
  ] as const)('shows text with a NUL or half a surrogate pair at its field (%s)', (locale, expected) => {
    const error = refusal([{ field: 'body.login', code: 'invalid_text', message: 'must not contain a NUL' }]);
    const messages = saveErrorMessages(error, account, t[locale], () => 'unused');
    expect(messages.byField).toEqual({ login: expected });
  });

  it.each([
    ['en', 'Choose a time zone from the list.'],
    ['pl', 'Wybierz strefę czasową z listy.'],
    ['hu', 'Válasszon időzónát a listából.'],
  ] as const)('shows an unknown time zone at its field (%s)', (locale, expected) => {
    const error = refusal([{ field: 'time_zone', code: 'format', message: 'is not a time zone' }]);
    expect(saveErrorMessages(error, account, t[locale], () => 'unused').byField).toEqual({
      time_zone: expected,
    });
  });

  it('keeps an issue about no field of the form above it, with the server’s words', () => {
    const error = refusal([{ field: 'body.other', code: 'invalid_text', message: 'must not contain a NUL' }]);
    expect(saveErrorMessages(error, account, t.en, () => 'unused')).toEqual({
      byField: {},
      form: 'body.other: must not contain a NUL',
    });
  });
});
