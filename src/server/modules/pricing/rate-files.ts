import { isCurrencyCode } from '../../../shared/identifiers/money.ts';
import { parseScaled, RATE_DIGITS } from '../../../shared/money/arithmetic.ts';
import { errors } from '../../errors.ts';
import { xmlParser } from '../imports/files/xlsx-parts.ts';

/** One rate read from a bank's table: `units` of `currency` cost `rate` of `base` on `day`. */
export interface TableRate {
  currency: string;
  base: string;
  units: number;
  /** A plain decimal with a dot, at most six decimals. */
  rate: string;
  day: string;
  source: 'nbp' | 'mnb' | 'ecb';
  tableNumber: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The file could not be read as any bank's table: a 400 naming what it expected. */
function unreadable(reason: string): never {
  throw errors.badRequest(
    `Not an exchange-rate table (${reason}). Kartoteka reads NBP tables (XML or the API's JSON/XML), MNB rates (XML) and ECB reference rates (XML).`,
  );
}

/**
 * The rate as written ("4,2512", "391.12"), checked: positive, at most six decimals. A rate the
 * bank writes otherwise fails the whole file rather than being rounded.
 */
function rateText(raw: string, where: string): string {
  const text = raw.trim().replace(',', '.');
  const parsed = parseScaled(text, RATE_DIGITS);
  if (!parsed.ok || parsed.value <= 0n) unreadable(`${where}: "${raw.trim()}" is not a rate`);
  return text;
}

function currencyCode(raw: string, where: string): string {
  const code = raw.trim().toUpperCase();
  if (!isCurrencyCode(code)) unreadable(`${where}: "${raw.trim()}" is not a currency code`);
  return code;
}

function day(raw: string, where: string): string {
  const text = raw.trim();
  if (!DAY.test(text)) unreadable(`${where}: "${text}" is not a day`);
  return text;
}

/** The NBP API's JSON: `[{table, no, effectiveDate, rates: [{code, mid}]}]`, per one unit. */
function nbpJson(text: string): TableRate[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    unreadable('the JSON does not parse');
  }
  const tables = Array.isArray(parsed) ? parsed : [parsed];
  return tables.flatMap((table: unknown) => {
    const { no, effectiveDate, rates } = (table ?? {}) as {
      no?: unknown;
      effectiveDate?: unknown;
      rates?: unknown;
    };
    if (typeof effectiveDate !== 'string' || !Array.isArray(rates)) unreadable('no effectiveDate and rates');
    return rates.map((entry: unknown, index): TableRate => {
      const { code, mid } = (entry ?? {}) as { code?: unknown; mid?: unknown };
      const where = `rate ${index + 1}`;
      return {
        currency: currencyCode(String(code ?? ''), where),
        base: 'PLN',
        units: 1,
        rate: rateText(String(mid ?? ''), where),
        day: day(effectiveDate, 'effectiveDate'),
        source: 'nbp',
        tableNumber: typeof no === 'string' ? no : null,
      };
    });
  });
}

/** The elements of an XML file as a flat walk: each element's local name, attributes and text. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  /** Names of the enclosing elements, outermost first. */
  path: string[];
}

function xmlElements(text: string): XmlElement[] {
  const done: XmlElement[] = [];
  const open: XmlElement[] = [];
  const parser = xmlParser({
    open: (name, attributes) => open.push({ name, attributes, text: '', path: open.map((e) => e.name) }),
    close: () => {
      const element = open.pop();
      if (element) done.push(element);
    },
    text: (value) => {
      const current = open.at(-1);
      if (current) current.text += value;
    },
  });
  try {
    parser.write(text);
    parser.close();
  } catch {
    unreadable('the XML is not well formed');
  }
  return done;
}

/**
 * NBP's own table files (`<tabela_kursow>` with `<pozycja>`: `przelicznik`, `kod_waluty`,
 * `kurs_sredni`) and the API's XML (`<ExchangeRatesTable>` with `<Rate>`: `Code`, `Mid`).
 */
function nbpXml(elements: XmlElement[]): TableRate[] {
  const value = (name: string) => elements.find((e) => e.name === name)?.text.trim() ?? '';
  if (elements.some((e) => e.name === 'tabela_kursow')) {
    const published = day(value('data_publikacji'), 'data_publikacji');
    const number = value('numer_tabeli') || null;
    const positions = elements.filter((e) => e.name === 'pozycja');
    let index = 0;
    const fields: Record<string, string> = {};
    const rates: TableRate[] = [];
    // Children close before their pozycja: gather them, then read them when it closes.
    for (const element of elements) {
      if (element.path.at(-1) === 'pozycja') fields[element.name] = element.text.trim();
      if (element.name !== 'pozycja') continue;
      index += 1;
      const where = `pozycja ${index}`;
      const units = Number(fields.przelicznik ?? '1');
      if (!Number.isInteger(units) || units < 1) unreadable(`${where}: przelicznik "${fields.przelicznik}"`);
      rates.push({
        currency: currencyCode(fields.kod_waluty ?? '', where),
        base: 'PLN',
        units,
        rate: rateText(fields.kurs_sredni ?? '', where),
        day: published,
        source: 'nbp',
        tableNumber: number,
      });
    }
    if (positions.length === 0) unreadable('an NBP table without positions');
    return rates;
  }
  const effective = day(value('EffectiveDate'), 'EffectiveDate');
  const number = value('No') || null;
  const rates: TableRate[] = [];
  const fields: Record<string, string> = {};
  for (const element of elements) {
    if (element.path.at(-1) === 'Rate') fields[element.name] = element.text.trim();
    if (element.name !== 'Rate') continue;
    const where = `rate ${rates.length + 1}`;
    rates.push({
      currency: currencyCode(fields.Code ?? '', where),
      base: 'PLN',
      units: 1,
      rate: rateText(fields.Mid ?? '', where),
      day: effective,
      source: 'nbp',
      tableNumber: number,
    });
  }
  return rates;
}

/** MNB (`<MNBCurrentExchangeRates>` or `<MNBExchangeRates>`): `<Day date><Rate unit curr>391,12</Rate>`. */
function mnbXml(elements: XmlElement[]): TableRate[] {
  const days = elements.filter((e) => e.name === 'Day');
  const rates: TableRate[] = [];
  // Rates close before their Day; a Day's date is read when the Day itself closes.
  let pending: Array<Omit<TableRate, 'day'>> = [];
  for (const element of elements) {
    if (element.name === 'Rate') {
      const where = `rate ${rates.length + pending.length + 1}`;
      const units = Number(element.attributes.unit ?? '1');
      if (!Number.isInteger(units) || units < 1) unreadable(`${where}: unit "${element.attributes.unit}"`);
      pending.push({
        currency: currencyCode(element.attributes.curr ?? '', where),
        base: 'HUF',
        units,
        rate: rateText(element.text, where),
        source: 'mnb',
        tableNumber: null,
      });
    } else if (element.name === 'Day') {
      const date = day(element.attributes.date ?? '', 'Day');
      rates.push(...pending.map((rate) => ({ ...rate, day: date })));
      pending = [];
    }
  }
  if (days.length === 0) unreadable('an MNB file without days');
  return rates;
}

/** ECB (`<Cube time><Cube currency rate/>`): one euro in each currency, so the euro is quoted. */
function ecbXml(elements: XmlElement[]): TableRate[] {
  const rates: TableRate[] = [];
  let pending: Array<Omit<TableRate, 'day'>> = [];
  for (const element of elements) {
    if (element.name !== 'Cube') continue;
    const { currency, rate, time } = element.attributes;
    if (currency && rate) {
      const where = `rate ${rates.length + pending.length + 1}`;
      pending.push({
        currency: 'EUR',
        base: currencyCode(currency, where),
        units: 1,
        rate: rateText(rate, where),
        source: 'ecb',
        tableNumber: null,
      });
    } else if (time) {
      const date = day(time, 'Cube time');
      rates.push(...pending.map((entry) => ({ ...entry, day: date })));
      pending = [];
    }
  }
  return rates;
}

/** Reads a bank's published table file, whichever of the known ones it is; 400 otherwise. */
export function readRateTable(text: string): TableRate[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') unreadable('the file is empty');
  if (body.startsWith('[') || body.startsWith('{')) return nonEmpty(nbpJson(body));
  if (!body.startsWith('<')) unreadable('neither XML nor JSON');
  const elements = xmlElements(body);
  const root = elements.at(-1)?.name ?? '';
  if (root === 'tabela_kursow' || root === 'ArrayOfExchangeRatesTable' || root === 'ExchangeRatesTable')
    return nonEmpty(nbpXml(elements));
  if (root === 'MNBCurrentExchangeRates' || root === 'MNBExchangeRates') return nonEmpty(mnbXml(elements));
  if (root === 'Envelope' && elements.some((e) => e.name === 'Cube')) return nonEmpty(ecbXml(elements));
  return unreadable(`an XML file whose root is <${root}>`);
}

function nonEmpty(rates: TableRate[]): TableRate[] {
  if (rates.length === 0) unreadable('the table has no rates');
  return rates;
}
