import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/metadata/types.ts';
import { LANGUAGE_NAMES, useChangeLanguage } from '../../app/language.ts';
import { isLocale } from '../../app/locale.ts';
import { useLocale } from '../../ui/format.ts';

/** Before login: the language of the login page (and the default afterwards). */
export function LanguagePicker() {
  const { t } = useTranslation();
  const locale = useLocale();
  const changeLanguage = useChangeLanguage(false);
  return (
    <NativeSelect
      aria-label={t('shell:language.label')}
      size="xs"
      value={locale}
      data={LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void changeLanguage(value);
      }}
    />
  );
}
