import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../shared/metadata/types.ts';
import { initialLocale } from './locale.ts';

/** locales/<language>/<namespace>.json; every file is bundled (a few kB each). */
const files = import.meta.glob<ResourceLanguage>('../../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

function collectResources(): Resource {
  const resources: Resource = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    const language = match[1];
    resources[language] = { ...resources[language], [match[2]]: content };
  }
  return resources;
}

const resources = collectResources();

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  supportedLngs: [...LOCALES],
  // Every key exists in every language (src/web/i18n.test.ts); English is only a safety net.
  fallbackLng: 'en',
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

function setDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);
