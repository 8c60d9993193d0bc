import { BASIS_POINTS, divideHalfUp, QUANTITY_SCALE } from './arithmetic.ts';

/**
 * Which amounts a document's prices are: net (VAT added on top, the usual business offer) or
 * gross (VAT contained, as a shop's price tag).
 */
export type PriceBasis = 'net' | 'gross';

/**
 * Where VAT is rounded: once per rate on the document's sums (the Polish VAT act's default,
 * art. 106e ust. 11, and the Hungarian rule), or on every line and then summed (allowed in
 * Poland, and what some clients' systems expect).
 */
export type TaxRounding = 'document' | 'line';

/** One line as the totals need it. Amounts are in minor units of the document's currency. */
export interface PricedLine {
  /** Thousandths: 1.5 kg is 1,500n. */
  quantity: bigint;
  /** Minor units per unit, net or gross by the document's price basis. */
  unitPrice: bigint;
  /** Basis points, 0–10,000. */
  discount: number;
  /** The tax rate's code as printed ("23", "zw", "np", "oo", "27"): lines are grouped by it. */
  taxCode: string;
  /** Basis points: 2,300 for 23 %; 0 for an exempt or not-taxed code. */
  taxRate: number;
  /** An optional line is offered but not in the totals until the client takes it. */
  optional?: boolean;
}

export interface TotalsRules {
  /** ISO 3166 country whose VAT law the document follows ("PL", "HU"). */
  country: string;
  currency: string;
  priceBasis: PriceBasis;
  taxRounding: TaxRounding;
}

/** A line's value after its discount, in minor units: net or gross by the price basis. */
export interface LineAmounts {
  value: bigint;
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/** The per-rate summary printed under the lines and stored with the offer. */
export interface RateSummary {
  taxCode: string;
  taxRate: number;
  net: bigint;
  tax: bigint;
  gross: bigint;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  rates: RateSummary[];
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/**
 * The smallest step VAT of one rate is rounded to, in minor units: a whole forint for a
 * Hungarian document in forints (the Áfa act rounds the tax to whole forints), otherwise one
 * minor unit (a grosz, a cent).
 */
export function taxStep(rules: Pick<TotalsRules, 'country' | 'currency'>): bigint {
  return rules.country === 'HU' && rules.currency === 'HUF' ? 100n : 1n;
}

/** quantity × unit price × (1 − discount), rounded half up to a minor unit. */
export function lineValue(line: Pick<PricedLine, 'quantity' | 'unitPrice' | 'discount'>): bigint {
  return divideHalfUp(
    line.quantity * line.unitPrice * (BASIS_POINTS - BigInt(line.discount)),
    QUANTITY_SCALE * BASIS_POINTS,
  );
}

/**
 * VAT on an amount of the price basis (on top of a net amount, or the part of a gross one:
 * gross × rate / (100 + rate)), rounded half up once, straight to the tax step.
 */
function taxOf(amount: bigint, rate: number, basis: PriceBasis, step: bigint): bigint {
  const bp = BigInt(rate);
  const denominator = basis === 'net' ? BASIS_POINTS : BASIS_POINTS + bp;
  return divideHalfUp(amount * bp, denominator * step) * step;
}

function split(value: bigint, tax: bigint, basis: PriceBasis): { net: bigint; gross: bigint } {
  return basis === 'net' ? { net: value, gross: value + tax } : { net: value - tax, gross: value };
}

/**
 * The totals of a document by its country's law: lines valued and grouped by tax code, VAT
 * computed per group on its sum (or per line, then summed), the per-rate summary and the
 * document's net, VAT and gross. Optional lines are valued but left out of every sum.
 */
export function documentTotals(lines: readonly PricedLine[], rules: TotalsRules): DocumentTotals {
  const step = taxStep(rules);
  const groups = new Map<string, RateSummary & { value: bigint }>();
  const amounts: LineAmounts[] = [];
  for (const line of lines) {
    const value = lineValue(line);
    const lineTax = taxOf(value, line.taxRate, rules.priceBasis, step);
    amounts.push({ value, tax: lineTax, ...split(value, lineTax, rules.priceBasis) });
    if (line.optional) continue;
    const key = `${line.taxCode}\u0000${line.taxRate}`;
    const group = groups.get(key) ?? {
      taxCode: line.taxCode,
      taxRate: line.taxRate,
      value: 0n,
      net: 0n,
      tax: 0n,
      gross: 0n,
    };
    group.value += value;
    if (rules.taxRounding === 'line') group.tax += lineTax;
    groups.set(key, group);
  }
  const rates = [...groups.values()]
    .map(({ value, ...group }): RateSummary => {
      const tax =
        rules.taxRounding === 'line' ? group.tax : taxOf(value, group.taxRate, rules.priceBasis, step);
      return { ...group, tax, ...split(value, tax, rules.priceBasis) };
    })
    .sort((a, b) => b.taxRate - a.taxRate || a.taxCode.localeCompare(b.taxCode));
  const sum = (pick: (rate: RateSummary) => bigint) => rates.reduce((total, rate) => total + pick(rate), 0n);
  return {
    lines: amounts,
    rates,
    net: sum((r) => r.net),
    tax: sum((r) => r.tax),
    gross: sum((r) => r.gross),
  };
}
