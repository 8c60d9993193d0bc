import { Group, NumberInput, type OptionsFilter, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMoneyValue } from '../../../shared/field-types/index.ts';
import { CURRENCY_CODES, currencyMinorDigits } from '../../../shared/identifiers/index.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { intlLocale } from '../../app/locale.ts';
import { useLocale } from '../../ui/format.ts';
import { numberSeparators } from './base.ts';
import { TagsFilterInput, TextDisplay } from './base.tsx';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { DEFAULT_CURRENCY, majorText, minorUnits, moneyFacts } from './money.ts';

/** What react-number-format may hold half-typed: nothing yet, a sign, a separator. */
const UNFINISHED = new Set(['', '-', '.', '-.']);

interface AmountInputProps {
  label: string;
  /** Minor units; null for no amount. */
  value: number | null;
  currency: string;
  onChange: (minor: number | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  /** Beside the currency: the amount takes the room left. */
  flex?: number;
  miw?: number;
}

/**
 * An amount typed in major units (12,50 zł) and handed on in minor units (1250), exactly: the
 * digits go through the shared parser, never through `x * 100` on a float. What is being typed
 * stays as typed ("12," is already 1200 but must not become "12,00" under the cursor).
 */
function AmountInput({ label, value, currency, onChange, ...rest }: AmountInputProps) {
  const locale = useLocale();
  const separators = numberSeparators(intlLocale(locale));
  const digits = currencyMinorDigits(currency);
  const [draft, setDraft] = useState('');
  const typed = UNFINISHED.has(draft) ? null : minorUnits(draft, currency);
  const shown = typed === value ? draft : value === null ? '' : majorText(value, currency);
  return (
    <NumberInput
      {...rest}
      label={label}
      value={shown}
      onValueChange={({ value: next }, { source }) => {
        // Only what the user typed: the prop-driven echo would undo a half-typed "12,".
        if (source !== 'event') return;
        setDraft(next);
        if (UNFINISHED.has(next)) onChange(null);
        else onChange(minorUnits(next, currency));
      }}
      // More than the safe-integer range of minor units cannot be stored exactly: not typed at all.
      isAllowed={({ value: next }) => UNFINISHED.has(next) || minorUnits(next, currency) !== null}
      decimalScale={digits}
      allowDecimal={digits > 0}
      decimalSeparator={separators.decimal}
      thousandSeparator={separators.group}
      valueIsNumericString
      onBlur={() => setDraft('')}
      hideControls
    />
  );
}

const currencyNames = new Map<Locale, Map<string, string>>();

/** Every currency's name in the UI language ("euro", "forint węgierski"), for the list and its search. */
function namesIn(locale: Locale): Map<string, string> {
  let names = currencyNames.get(locale);
  if (names === undefined) {
    const display = new Intl.DisplayNames(locale, { type: 'currency' });
    names = new Map(CURRENCY_CODES.map((code) => [code, display.of(code) ?? code]));
    currencyNames.set(locale, names);
  }
  return names;
}

const CURRENCY_DATA = CURRENCY_CODES.map((code) => ({ value: code, label: code }));

/** The box shows the code; the list and the search know the names too ("forint" finds HUF). */
function byCodeOrName(names: Map<string, string>): OptionsFilter {
  return ({ options, search }) => {
    const query = search.trim().toLocaleLowerCase();
    if (query === '') return options;
    return options.filter(
      (option) =>
        'value' in option &&
        (option.value.toLowerCase().includes(query) ||
          (names.get(option.value) ?? '').toLocaleLowerCase().includes(query)),
    );
  };
}

/**
 * The amount as typed, in another currency: 12,50 zł becomes 12,50 €. When the new currency cannot
 * hold it (12,50 in yen, which has no decimals) the minor units are kept instead.
 */
function retyped(minor: number, from: string, to: string): number {
  return minorUnits(majorText(minor, from), to) ?? minor;
}

function MoneyInput({ field, label, value, onChange, error, disabled }: FieldInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = isMoneyValue(value) ? value : null;
  // The currency chosen before any amount is typed; a stored amount brings its own.
  const [chosen, setChosen] = useState(DEFAULT_CURRENCY);
  const currency = money?.currency ?? chosen;
  const names = namesIn(locale);
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <AmountInput
        label={label}
        name={field.key}
        required={field.required}
        error={error}
        disabled={disabled}
        value={money?.amount ?? null}
        currency={currency}
        onChange={(amount) => {
          // Emptied: the next amount typed is still in the currency that was shown.
          if (amount === null) setChosen(currency);
          onChange(amount === null ? null : { amount, currency });
        }}
        flex={1}
        miw={0}
      />
      <Select
        label={t('records:money.currency')}
        aria-label={t('records:money.currencyOf', { field: label })}
        data={CURRENCY_DATA}
        value={currency}
        onChange={(next) => {
          if (next === null) return;
          setChosen(next);
          if (money) onChange({ amount: retyped(money.amount, currency, next), currency: next });
        }}
        renderOption={({ option }) => `${option.value} · ${names.get(option.value) ?? ''}`}
        filter={byCodeOrName(names)}
        searchable
        allowDeselect={false}
        disabled={disabled}
        nothingFoundMessage={t('records:picker.nothing')}
        w={120}
        comboboxProps={{ width: 280, position: 'bottom-end' }}
      />
    </Group>
  );
}

/**
 * Filters compare amounts whatever their currency, in minor units; typed in major units of the
 * default currency (two decimals for almost every currency).
 */
function MoneyFilterInput({ label, value, onChange }: FilterValueInputProps) {
  return (
    <AmountInput
      label={label}
      value={typeof value === 'number' ? value : null}
      currency={DEFAULT_CURRENCY}
      onChange={onChange}
    />
  );
}

function MoneyTagsFilterInput(props: FilterListInputProps) {
  return (
    <TagsFilterInput
      {...props}
      parse={(text) => minorUnits(text, DEFAULT_CURRENCY)}
      show={(value) => (typeof value === 'number' ? majorText(value, DEFAULT_CURRENCY) : String(value))}
    />
  );
}

export const money: WebFieldType = {
  ...moneyFacts,
  Input: MoneyInput,
  Display: TextDisplay,
  FilterValueInput: MoneyFilterInput,
  FilterListInput: MoneyTagsFilterInput,
};
