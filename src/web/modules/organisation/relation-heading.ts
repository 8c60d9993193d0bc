import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Headings for related lists that read oddly when built from metadata ("Employees · Manager"
 * on an employee's page is their direct reports). Keyed by the pointing object and field; a
 * relation without its own heading gets null, and the list builds its heading as before.
 */
export function useRelationHeading(): (object: string, field: string) => string | null {
  const { t, i18n } = useTranslation();
  return useCallback(
    (object: string, field: string) => {
      const key = `access:relations.${object}.${field}`;
      return i18n.exists(key) ? t(key) : null;
    },
    [i18n, t],
  );
}
