import type { TFunction } from 'i18next';
import type { Operator } from '../../../shared/filter/operators.ts';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { FieldMeta, Locale } from '../../../shared/metadata/types.ts';
import type { Formatters } from '../../ui/formatters.ts';

/** What turning a value into words needs besides the value: the reader's language, zone and country. */
export interface TextContext {
  /** The UI language: words (yes/no) and country names. */
  locale: Locale;
  t: TFunction;
  /** Intl in the user's locale and time zone. */
  format: Formatters;
  /** The reader's country, when known: their own phone numbers are shown nationally, others with +. */
  country?: string;
  /** The record the value belongs to, when known: a tax id reads its country from it. */
  record?: Record<string, unknown>;
  /** References: a record's title by id, where the caller has looked it up. */
  title?: (id: number) => string | undefined;
}

/**
 * What the web knows about a field type without React: plain text, layout, filter defaults and
 * messages. Kept React-free (each type's `<type>.ts`, and this file imports no React types)
 * because the filter model and the unit tests use it, and those are type-checked by the server's
 * tsconfig, which has no JSX and no DOM (React's types would declare empty DOM interfaces there).
 */
export interface FieldTypeFacts {
  /** The value as plain text (history, conflicts, titles, print); never called with an empty value. */
  text(value: unknown, field: FieldMeta, context: TextContext): string;
  /** Takes the form's whole row (long text, memberships). */
  readonly wide: boolean;
  /** Short enough for the default list columns of an object that names none. */
  readonly short: boolean;
  /** Numbers line up on the right in tables. */
  readonly alignRight: boolean;
  /** Starting list column width in pixels; 150 (160 for references) when absent. */
  readonly width?: number;
  /** The operator a new filter condition on such a field starts with. */
  readonly defaultOperator: Operator;
  /** The value a new condition starts with (booleans: "is Yes"); empty when absent. */
  readonly initialOperand?: FilterValue;
  /**
   * References only: records people relate (walked by relation paths, listed as related records
   * on the target's page) or values of a dictionary (picked directly, never walked).
   */
  readonly pointsAt?: 'records' | 'dictionary';
  /** This type's words for a server issue code (`format`, `currency`…); undefined for the generic ones. */
  issueMessage?(code: string, field: FieldMeta, t: TFunction): string | undefined;
}
