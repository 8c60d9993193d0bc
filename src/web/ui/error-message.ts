import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isConnectionFailure, isSafeMethod } from '../app/api-client.ts';

/**
 * Turns any error into a sentence for the user. Known API codes are translated; for the
 * rest (400s about a particular input) the server's own (English) message is better than
 * nothing, since it says what was wrong.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        // A write that did not get through is still in the form: say so, so nobody retypes it.
        if (isConnectionFailure(error))
          return error.method !== undefined && !isSafeMethod(error.method)
            ? t('connection:error.notSaved')
            : t('common:error.network');
        if (error.status === 403) return t('common:error.forbidden');
        if (error.status === 404) return t('common:error.notFound');
        // Screens that can show both versions handle their 409 before this; elsewhere it is a clash.
        if (error.status === 409) return t('common:error.conflict');
        if (error.status === 429) return t('common:error.tooMany');
        if (error.status >= 500) return t('common:error.server');
        return error.message;
      }
      return t('common:error.unexpected');
    },
    [t],
  );
}
