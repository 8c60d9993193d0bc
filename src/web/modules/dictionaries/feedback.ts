import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/metadata/types.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { conflictKind, type DictionaryValue } from './values.ts';

/** A dictionary's name for people; one added through the API without a translation shows its code. */
export function useDictionaryName(): (dictionary: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (dictionary: string) => t(`dictionaries:names.${dictionary}`, { defaultValue: dictionary }),
    [t],
  );
}

/** The value's label in the UI language, for headings and the names of its controls. */
export function valueTitle(value: DictionaryValue, locale: Locale): string {
  return value[`label_${locale}`] || value.label_en || value.code;
}

/**
 * Tells the user a write failed. A stale version (someone else saved meanwhile) reloads the
 * dictionary first, so the next try starts from what the server has.
 */
export function useReportError(reload: () => Promise<unknown>): (error: unknown) => void {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (conflictKind(error) === 'stale') {
        void reload();
        notify(t('dictionaries:stale'), 'yellow');
      } else notify(errorMessage(error), 'red');
    },
    [t, errorMessage, reload],
  );
}
