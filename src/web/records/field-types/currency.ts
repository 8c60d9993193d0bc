import { onFormat, textLike } from './base.ts';

/** An ISO 4217 code, shown as the code itself: PLN, HUF and EUR are what people write on invoices. */
export const currencyFacts = textLike({
  short: true,
  width: 90,
  defaultOperator: 'eq',
  issueMessage: onFormat((t) => t('records:validation.currency')),
});
