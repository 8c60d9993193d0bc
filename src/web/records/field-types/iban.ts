import { formatIban } from '../../../shared/identifiers/index.ts';
import { onFormat, textLike } from './base.ts';

/** Stored in its electronic form (PL61109010140000071219812874), shown in groups of four. */
export const ibanFacts = textLike({
  text: (value) => formatIban(String(value)),
  width: 290,
  issueMessage: onFormat((t) => t('records:validation.iban')),
});
