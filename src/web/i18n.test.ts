import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every user-visible string exists in English, Polish and Hungarian (ARCHITECTURE §5). This
 * reads the locale files as they are and the web sources as text, so it needs no browser.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES_DIR = path.join(ROOT, 'locales');
const WEB_DIR = path.join(ROOT, 'src/web');
const LANGUAGES = ['en', 'pl', 'hu'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/**
 * i18next contexts a message may have in some languages only: Polish says "przeniesiona" of a
 * woman and "przeniesiony" of a man (`t(key, { context: 'feminine' })`). The plain key is the
 * fallback every language has; a context comes before a plural suffix (`key_feminine_few`).
 */
const CONTEXT_SUFFIX = /_(feminine|masculine|neuter)$/;

type Tree = { [key: string]: string | Tree };

function readNamespaces(language: string): Map<string, Tree> {
  const dir = path.join(LOCALES_DIR, language);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Tree,
      ]),
  );
}

/** `{ a: { b: 'x' } }` in namespace `ns` → `ns:a.b` → 'x'. */
function flatten(namespace: string, tree: Tree, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(namespace, value, full)) result.set(k, v);
    } else result.set(`${namespace}:${full}`, value);
  }
  return result;
}

function keysOf(language: string): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const [namespace, tree] of readNamespaces(language)) {
    for (const [key, value] of flatten(namespace, tree)) all.set(key, value);
  }
  return all;
}

/**
 * Keys without plural and context suffixes: `records:list.loaded_few` →
 * `records:list.loaded`, `records:actions.confirmText_feminine` → `records:actions.confirmText`.
 */
function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '').replace(CONTEXT_SUFFIX, '');
}

function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map(baseKey));
}

/** The English text a key is checked against: the same key, its plain form, or its `_other`. */
function englishOf(key: string): unknown {
  const plural = PLURAL_SUFFIX.exec(key)?.[0] ?? '';
  const base = baseKey(key);
  return (
    english.get(key) ?? english.get(`${base}${plural}`) ?? english.get(base) ?? english.get(`${base}_other`)
  );
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return webSources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

const translations = new Map(LANGUAGES.map((language) => [language, keysOf(language)]));
const english = translations.get('en')!;

describe('translations', () => {
  it('have the same namespaces in every language', () => {
    const expected = [...readNamespaces('en').keys()].sort();
    expect(expected.length).toBeGreaterThan(0);
    for (const language of LANGUAGES)
      expect([...readNamespaces(language).keys()].sort(), language).toEqual(expected);
  });

  for (const language of LANGUAGES) {
    it(`${language}: has every key, and nothing more`, () => {
      const keys = baseKeys(translations.get(language)!.keys());
      const reference = baseKeys(english.keys());
      expect(
        [...reference].filter((key) => !keys.has(key)),
        'missing',
      ).toEqual([]);
      expect(
        [...keys].filter((key) => !reference.has(key)),
        'unknown',
      ).toEqual([]);
    });

    it(`${language}: has the plain form of every message it gives a context`, () => {
      const keys = translations.get(language)!;
      const orphans = [...keys.keys()]
        .map((key) => key.replace(PLURAL_SUFFIX, ''))
        .filter((key) => CONTEXT_SUFFIX.test(key))
        .map((key) => key.replace(CONTEXT_SUFFIX, ''))
        .filter((base) => !keys.has(base) && !keys.has(`${base}_other`));
      expect([...new Set(orphans)]).toEqual([]);
    });

    it(`${language}: has no empty or non-text value`, () => {
      const bad = [...translations.get(language)!].filter(
        ([, value]) => typeof value !== 'string' || value.trim() === '',
      );
      expect(bad.map(([key]) => key)).toEqual([]);
    });

    it(`${language}: has every plural form the language needs, and no other`, () => {
      const keys = translations.get(language)!;
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      // A message is plural when English makes it plural or this language does; each context
      // of a plural message (`key_feminine_few`) needs the forms as much as the plain key.
      const plurals = new Set(
        [...english.keys(), ...keys.keys()]
          .filter((key) => PLURAL_SUFFIX.test(key))
          .map((key) => key.replace(PLURAL_SUFFIX, '').replace(CONTEXT_SUFFIX, '')),
      );
      const contexts = [...keys.keys()]
        .map((key) => key.replace(PLURAL_SUFFIX, ''))
        .filter((key) => CONTEXT_SUFFIX.test(key) && plurals.has(key.replace(CONTEXT_SUFFIX, '')));
      const missing = [...plurals, ...new Set(contexts)].flatMap((base) =>
        categories
          .filter((category) => !keys.has(`${base}_${category}`))
          .map((category) => `${base}_${category}`),
      );
      expect(missing, 'missing').toEqual([]);
      const stray = [...keys.keys()].filter((key) => {
        const category = PLURAL_SUFFIX.exec(key)?.[1];
        return category !== undefined && !categories.includes(category as Intl.LDMLPluralRule);
      });
      expect(stray, 'forms the language does not have').toEqual([]);
      const unpluralised = [...keys.keys()].filter(
        (key) => !PLURAL_SUFFIX.test(key) && plurals.has(baseKey(key)),
      );
      expect(unpluralised, 'plain forms of plural messages').toEqual([]);
    });

    it(`${language}: uses the same {{variables}} as English`, () => {
      const keys = translations.get(language)!;
      const mismatched = [...keys].filter(([key, value]) => {
        const englishValue = englishOf(key);
        return (
          typeof value === 'string' &&
          typeof englishValue === 'string' &&
          variables(value).join() !== variables(englishValue).join()
        );
      });
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });
  }

  it('cover every key the web app uses, and the web app uses every key', () => {
    const namespaces = [...readNamespaces('en').keys()].join('|');
    const literal = new RegExp(`['"\`]((?:${namespaces}):[\\w.]+)['"\`]`, 'g');
    const dynamic = new RegExp(`\`((?:${namespaces}):[\\w.]+\\.)\\$\\{`, 'g');
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of webSources(WEB_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(literal)) used.add(match[1] ?? '');
      for (const match of text.matchAll(dynamic)) prefixes.add(match[1] ?? '');
    }
    const available = baseKeys(english.keys());
    expect(
      [...used].filter((key) => !available.has(key)),
      'used but not translated',
    ).toEqual([]);
    const unused = [...available].filter(
      (key) => !used.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)),
    );
    expect(unused, 'translated but never used').toEqual([]);
  });
});
